// Edit controls only for editors. The page asks the server who the stored token belongs to
// (GET /api/me) and marks <body> with `can-edit` when it may write; app.css hides the ingest form,
// the zone editor's buttons and the event correction buttons otherwise. The server refuses every
// write without an editor token anyway: this only spares viewers controls that would fail.
// A small "sign in" box stores a token in localStorage (conflictmap.editorToken), where api.js
// and corrections.js read it.

import { getMe } from './api.js';
import { h } from './dom.js';

const TOKEN_KEY = 'conflictmap.editorToken';

function storedToken() {
  try {
    return localStorage.getItem(TOKEN_KEY) || '';
  } catch {
    return '';
  }
}

function storeToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage blocked (a sandboxed frame): the page stays read-only
  }
}

function setEditing(on) {
  document.body.classList.toggle('can-edit', on);
}

export function setupEditorMode(anchor) {
  const status = h('p', { class: 'sign-in-status', 'data-testid': 'sign-in-status', role: 'status', 'aria-live': 'polite' });
  const tokenInput = h('input', {
    id: 'sign-in-token', 'data-testid': 'sign-in-token', type: 'password', autocomplete: 'off',
    spellcheck: 'false', 'aria-label': 'Editor token',
  });
  const form = h('form', { class: 'sign-in-form', 'data-testid': 'sign-in-form', hidden: true, novalidate: true },
    h('label', { for: 'sign-in-token' }, 'Editor token'),
    tokenInput,
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', onclick: () => { form.hidden = true; openButton.hidden = false; } }, 'Cancel'),
      h('button', { type: 'submit', 'data-testid': 'sign-in-submit' }, 'Sign in')));
  const openButton = h('button', {
    type: 'button', 'data-testid': 'sign-in',
    onclick: () => { form.hidden = false; openButton.hidden = true; tokenInput.focus(); },
  }, 'Sign in with a token');
  const signOut = h('button', {
    type: 'button', 'data-testid': 'sign-out', hidden: true,
    onclick: () => { storeToken(''); check('Signed out.'); },
  }, 'Sign out');
  const box = h('section', { class: 'panel-section sign-in', 'data-testid': 'editor-mode', 'aria-label': 'Editing' },
    status, openButton, signOut, form);
  anchor.before(box);

  let asked = 0;
  async function check(message) {
    const ask = ++asked;
    const token = storedToken();
    // With a token, show the controls at once and take them away if the server disagrees, so a
    // signed-in editor does not wait on a round trip; without one nothing is shown until it says so.
    setEditing(Boolean(token));
    let me = null;
    let failure = null;
    try {
      me = await getMe();
    } catch (err) {
      failure = err;
    }
    if (ask !== asked) return;
    const canEdit = Boolean(me && me.canEdit);
    setEditing(canEdit);
    document.body.dataset.role = canEdit ? 'editor' : 'viewer';
    openButton.hidden = canEdit || me?.open === true || !form.hidden;
    signOut.hidden = !canEdit || !token;
    if (canEdit) {
      form.hidden = true;
      status.textContent = me.open && !token ? 'Open server: anyone may edit.' : `Editing as ${me.name || 'editor'}.`;
    } else if (failure && failure.status === 401) {
      storeToken('');
      status.textContent = 'That token is not valid (unknown or revoked); the map is read-only.';
    } else if (failure) {
      status.textContent = `Could not check the token: ${failure.message}`;
    } else if (token) {
      status.textContent = 'This token may only view; editing needs an editor token.';
    } else {
      status.textContent = message || 'Viewing. Editors sign in with a token to add articles and edit zones.';
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = tokenInput.value.trim();
    if (!token) {
      status.textContent = 'Paste the editor token you were given.';
      return;
    }
    storeToken(token);
    tokenInput.value = '';
    form.hidden = true;
    check();
  });
  // A token stored or removed in another tab.
  window.addEventListener('storage', (e) => {
    if (e.key === TOKEN_KEY || e.key === null) check();
  });
  check();
  return { check };
}

const articleSection = document.getElementById('article-form')?.closest('.panel-section');
if (articleSection) setupEditorMode(articleSection);
