// The "Paste an article" form: posts to /api/articles and reports the outcome in #ingest-status.
// What happens to the returned events (markers, list, fitting the view) is the caller's business.

import { ApiError, postArticle } from './api.js';
import { h } from './dom.js';

const orNull = (value) => {
  const v = (value || '').trim();
  return v === '' ? null : v;
};

/**
 * @param {HTMLFormElement} form
 * @param {HTMLElement} statusEl
 * @param {(features: object[]) => (void|Promise<void>)} onEvents called with the newly added event features
 */
export function setupIngestForm(form, statusEl, onEvents) {
  const submit = form.querySelector('[type=submit]');
  const body = form.elements.body;

  function show(state, ...content) {
    statusEl.dataset.state = state;
    statusEl.className = `ingest-status is-${state}`;
    statusEl.replaceChildren(...content);
    // On a phone the status can sit below the fold of the panel; the outcome must be seen.
    if (state !== 'busy') statusEl.scrollIntoView({ block: 'nearest' });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!body.value.trim()) {
      body.setAttribute('aria-invalid', 'true');
      show('error', h('strong', {}, 'Nothing to ingest'), h('span', {}, 'Paste the article text first.'));
      body.focus();
      return;
    }
    body.removeAttribute('aria-invalid');

    const article = {
      title: orNull(form.elements.title.value),
      body: body.value,
      url: orNull(form.elements.url.value),
      published: orNull(form.elements.published.value),
    };

    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    show('busy', 'Extracting events…');
    try {
      const result = await postArticle(article);
      const features = (result && result.events && result.events.features) || [];
      // Markers first, then the message: whoever reads "added" can rely on seeing them.
      if (features.length) await onEvents(features);
      if (result && result.duplicate) {
        show('duplicate', 'Already ingested — nothing new');
      } else {
        const n = features.length;
        show('success', `${n} ${n === 1 ? 'event' : 'events'} added`);
        form.reset();
      }
    } catch (err) {
      const title = err instanceof ApiError ? err.title : 'Something went wrong';
      const detail = err instanceof ApiError ? err.detail : String(err && err.message ? err.message : err);
      show('error', h('strong', {}, title), detail ? h('span', {}, detail) : null);
      if (!(err instanceof ApiError)) console.error(err);
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}
