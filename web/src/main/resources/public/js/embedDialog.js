// The Embed dialog: an iframe snippet for another site, its size (presets or custom) and options,
// and a live preview of exactly that embed, drawn by the real /embed page in an iframe.

import { h } from './dom.js';
import { EMBED_OPTIONS, copyRow, embedSnippet, embedUrl } from './share.js';

export const EMBED_SIZES = [
  { key: 'small', label: 'Small', width: 400, height: 300 },
  { key: 'medium', label: 'Medium', width: 640, height: 400 },
  { key: 'large', label: 'Large', width: 800, height: 500 },
];

const PREVIEW_DEBOUNCE_MS = 300;

/**
 * @param {{getQuery: () => string, getBase: () => string}} source the view on screen and the
 *   public base URL, read on every refresh
 */
export function createEmbedDialog(source) {
  const snippet = copyRow('Embed code', 'embed-snippet', true);
  const width = h('input', { id: 'embed-width', type: 'number', min: 200, max: 4000, step: 10, value: 800 });
  const height = h('input', { id: 'embed-height', type: 'number', min: 150, max: 4000, step: 10, value: 500 });
  const sizes = EMBED_SIZES.map((s) => h('button', {
    type: 'button',
    class: 'embed-size-preset',
    'data-size': s.key,
    'aria-pressed': String(s.key === 'large'),
    onclick: () => { width.value = s.width; height.value = s.height; refresh(); },
  }, `${s.label} ${s.width}×${s.height}`));
  const options = EMBED_OPTIONS.map((o) => ({
    ...o,
    input: h('input', { type: 'checkbox', id: `embed-opt-${o.key}`, checked: o.default }),
  }));
  const frame = h('iframe', {
    id: 'embed-preview-frame',
    title: 'Preview of the embedded map',
    loading: 'lazy',
    tabindex: '-1',
  });
  const frameBox = h('div', { class: 'embed-preview', 'data-testid': 'embed-preview' }, frame);

  const clampInt = (input, lo, hi, dflt) => {
    const v = Math.round(Number(input.value));
    return Number.isFinite(v) && v > 0 ? Math.min(hi, Math.max(lo, v)) : dflt;
  };

  let previewTimer = null;
  let shownSrc = '';
  function refresh() {
    const base = source.getBase();
    const query = source.getQuery();
    const opts = Object.fromEntries(options.map((o) => [o.key, o.input.checked]));
    const src = embedUrl(base, query, opts);
    const w = clampInt(width, 200, 4000, 800);
    const ht = clampInt(height, 150, 4000, 500);
    snippet.field.value = embedSnippet(src, w, ht);
    for (const b of sizes) {
      const s = EMBED_SIZES.find((x) => x.key === b.dataset.size);
      b.setAttribute('aria-pressed', String(s.width === w && s.height === ht));
    }
    // The preview is the embed at its real size, scaled down to fit the dialog.
    const room = Math.max(160, frameBox.clientWidth || 320);
    const scale = Math.min(1, room / w);
    frame.style.width = `${w}px`;
    frame.style.height = `${ht}px`;
    frame.style.transform = `scale(${scale})`;
    frameBox.style.height = `${Math.round(ht * scale)}px`;
    frame.dataset.width = String(w);
    frame.dataset.height = String(ht);
    if (dialog.hidden) return;
    // same-origin path: the preview works whatever public base the snippet names
    const local = src.replace(/^https?:\/\/[^/]+/, '');
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      if (local !== shownSrc) {
        shownSrc = local;
        frame.src = local;
      }
    }, PREVIEW_DEBOUNCE_MS);
  }

  const close = h('button', { type: 'button', class: 'share-close', 'aria-label': 'Close' }, '×');
  const dialog = h('div', { class: 'share-dialog embed-dialog', id: 'embed-dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'embed-title', hidden: true },
    h('div', { class: 'share-head' }, h('h2', { id: 'embed-title' }, 'Embed this map'), close),
    h('fieldset', { class: 'embed-fields' },
      h('legend', {}, 'Size'),
      h('div', { class: 'embed-presets' }, sizes),
      h('div', { class: 'embed-size' },
        h('label', { for: 'embed-width' }, 'Width'), width,
        h('label', { for: 'embed-height' }, 'Height'), height)),
    h('fieldset', { class: 'embed-fields' },
      h('legend', {}, 'Show'),
      h('div', { class: 'embed-options' }, options.map((o) => h('label', {}, o.input, ` ${o.label}`)))),
    snippet.row,
    h('p', { class: 'hint' }, 'Preview: the embed as another site will show it.'),
    frameBox);

  for (const input of [width, height, ...options.map((o) => o.input)]) {
    input.addEventListener('input', refresh);
    input.addEventListener('change', refresh);
  }

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
    openFor(button) {
      opener = button;
      dialog.hidden = false;
      snippet.status.textContent = '';
      refresh();
      width.focus();
    },
    close: () => { dialog.hidden = true; },
    isOpen: () => !dialog.hidden,
  };
}
