// Share and Embed: a link to exactly what is on screen, and an iframe snippet for another site.
// Links start from the server's public base URL (/api/config), so they work where they are sent.

import { h } from './dom.js';

export const EMBED_OPTIONS = [
  { key: 'controls', label: 'Zoom and layer controls', default: true },
  { key: 'legend', label: 'Legend', default: true },
  { key: 'timeline', label: 'Timeline (date range)', default: false },
  { key: 'popups', label: 'Popups on click', default: true },
  { key: 'live', label: 'Live: new events as they arrive', default: true },
];

const trimSlash = (s) => String(s || '').replace(/\/+$/, '');

/** An absolute link to the map with this query. */
export function shareUrl(base, query) {
  return `${trimSlash(base)}/${query ? `?${query}` : ''}`;
}

/** An absolute link to an event's own page (its card and preview are the event's). */
export function eventPageUrl(base, id) {
  return `${trimSlash(base)}/events/${encodeURIComponent(String(id))}`;
}

/**
 * Share links to the usual places (the server builds the same list for event pages, in
 * http/SocialLinks.java). Plain links: nothing is loaded from those sites until one is followed.
 */
export function socialLinks(url, title) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title || 'conflictmap');
  return [
    { key: 'email', label: 'E-mail', href: `mailto:?subject=${t}&body=${t}%0A${u}` },
    { key: 'x', label: 'X', href: `https://x.com/intent/tweet?text=${t}&url=${u}` },
    { key: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
    { key: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
}

/** The social links as a list of anchors (text set as text). */
export function socialList(url, title) {
  return h('ul', { class: 'social-links', 'aria-label': 'Share on' },
    socialLinks(url, title).map((l) => h('li', {},
      h('a', { class: `social-link social-link--${l.key}`, 'data-share': l.key, href: l.href, target: '_blank', rel: 'noopener noreferrer' }, l.label))));
}

/** An absolute link to the embed with this query and the options that differ from the defaults. */
export function embedUrl(base, query, options = {}) {
  const p = new URLSearchParams(query);
  for (const o of EMBED_OPTIONS) {
    if (o.key in options && Boolean(options[o.key]) !== o.default) p.set(o.key, options[o.key] ? '1' : '0');
  }
  const q = p.toString();
  return `${trimSlash(base)}/embed${q ? `?${q}` : ''}`;
}

const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippet(src, width, height) {
  return `<iframe src="${attr(src)}" width="${width}" height="${height}" title="conflictmap"`
    + ' style="border:0" loading="lazy" allowfullscreen></iframe>';
}

/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context and focus; when it
 * is refused, the text in `fallbackInput` is selected and execCommand tried, and failing that the
 * user still has the selected text to copy by hand.
 * @returns {Promise<boolean>} whether the text reached the clipboard
 */
export async function copyText(text, fallbackInput) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  if (fallbackInput) {
    fallbackInput.focus();
    fallbackInput.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
  return false;
}

export function copyRow(label, id, multiline) {
  const field = multiline
    ? h('textarea', { id, rows: 3, readonly: true, spellcheck: 'false' })
    : h('input', { id, type: 'text', readonly: true, spellcheck: 'false' });
  const status = h('span', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', 'data-copy': id }, 'Copy');
  button.addEventListener('click', async () => {
    const ok = await copyText(field.value, field);
    status.textContent = ok ? 'Copied' : 'Press Ctrl+C to copy';
  });
  return { field, status, row: h('div', { class: 'field' }, h('label', { for: id }, label), field, h('div', { class: 'copy-row' }, button, status)) };
}

/**
 * The Share dialog: a link to the view (or to the open event's page), the social links and Copy.
 * Embedding has a dialog of its own (embedDialog.js): one dialog per purpose.
 * @param {{getQuery: () => string, getBase: () => string, getEventId?: () => (number|null)}} source
 *   the current view's query string and the public base URL, read each time the dialog opens so
 *   it always shows the view on screen
 */
export function createShareDialog(source) {
  const link = copyRow('Link to this view', 'share-link', false);
  const preview = h('a', { id: 'share-preview', target: '_blank', rel: 'noopener' }, 'Preview image');

  function refresh() {
    const base = source.getBase();
    const query = source.getQuery();
    const eventId = source.getEventId ? source.getEventId() : null;
    // An open event is shared as its own page, whose card and preview show that event.
    link.field.value = eventId != null ? eventPageUrl(base, eventId) : shareUrl(base, query);
    title.textContent = eventId != null ? 'Share this event' : 'Share this view';
    social.replaceChildren(socialList(link.field.value, source.getTitle ? source.getTitle() : document.title));
    preview.href = eventId != null
      ? `${eventPageUrl(base, eventId)}/preview.png`
      : `${trimSlash(base)}/preview.png${query ? `?${query}` : ''}`;
  }

  const title = h('h2', { id: 'share-title' }, 'Share this view');
  const social = h('div', { class: 'share-social', 'data-testid': 'share-social' });
  const close = h('button', { type: 'button', class: 'share-close', 'aria-label': 'Close' }, '×');
  const dialog = h('div', { class: 'share-dialog', id: 'share-dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'share-title', hidden: true },
    h('div', { class: 'share-head' }, title, close),
    link.row,
    social,
    h('p', { class: 'hint' }, preview, ' · drawn on the server, shown when the link is shared.'));

  let opener = null;
  function hide() {
    dialog.hidden = true;
    if (opener) opener.focus();
  }
  close.addEventListener('click', hide);
  dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });

  return {
    element: dialog,
    refresh,
    /** Opens on the link and copies it. */
    async openFor(button) {
      opener = button;
      refresh();
      dialog.hidden = false;
      link.status.textContent = '';
      link.field.focus();
      link.field.select();
      const ok = await copyText(link.field.value, link.field);
      link.status.textContent = ok ? 'Link copied' : 'Press Ctrl+C to copy';
    },
    close: () => { dialog.hidden = true; },
    isOpen: () => !dialog.hidden,
  };
}
