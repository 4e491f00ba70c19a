// The panel's list of loaded events (newest first). Each row is a button so it is reachable and
// operable from the keyboard; activating it hands the event id back to the map.

import { h } from './dom.js';
import { eventTypeInfo, formatDate } from './format.js';

function byDateDesc(a, b) {
  const da = (a.properties && a.properties.event_date) || '';
  const db = (b.properties && b.properties.event_date) || '';
  if (da !== db) return da < db ? 1 : -1;
  return (b.id ?? 0) - (a.id ?? 0);
}

/**
 * @param {number} [notLoaded] events the server matched but did not send (the initial load is capped),
 *   so the count can say the list is partial
 * @param {{filtered?: boolean, onWiden?: Function, onClear?: Function}} [empty] when filters are on,
 *   an empty list says none match and offers to widen the period or clear them
 */
export function renderEventList(listEl, countEl, features, onSelect, highlightIds = new Set(), notLoaded = 0, empty = {}) {
  const sorted = [...features].sort(byDateDesc);
  const rows = sorted.map((f) => {
    const p = f.properties || {};
    const type = eventTypeInfo(p.event_type);
    const id = f.id ?? p.id;
    return h('li', { class: highlightIds.has(id) ? 'event-row is-new' : 'event-row' },
      h('button', { type: 'button', class: 'event-item', dataset: { eventId: String(id) }, onclick: () => onSelect(id) },
        h('span', { class: 'swatch', style: `background:${type.color}`, 'aria-hidden': 'true' }),
        h('span', { class: 'event-text' },
          h('span', { class: 'event-date' }, formatDate(p.event_date)),
          h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
          h('span', { class: 'event-place' }, p.place_name || 'Unknown place'),
          h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
          h('span', { class: 'event-type' }, p.event_type || type.label))),
      h('a', { class: 'event-page-link', href: `/events/${encodeURIComponent(String(id))}`, 'aria-label': `Event page: ${p.place_name || 'Unknown place'}, ${formatDate(p.event_date)}` }, '↗'));
  });
  listEl.replaceChildren(...rows);
  if (!rows.length && empty.filtered) {
    listEl.append(h('li', { class: 'event-empty', 'data-testid': 'event-empty' },
      h('p', {}, 'No events match these filters.'),
      empty.onWiden ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'widen-period', onclick: empty.onWiden }, 'Show all dates') : null,
      empty.onClear ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'empty-clear', onclick: empty.onClear }, 'Clear filters') : null));
  } else if (!rows.length) {
    listEl.append(h('li', { class: 'event-empty', 'data-testid': 'event-empty' }, 'No events yet. Paste an article to add some.'));
  }
  if (countEl) {
    countEl.textContent = notLoaded > 0
      ? `(${rows.length} shown of ${rows.length + notLoaded})`
      : rows.length ? `(${rows.length})` : '';
  }
}
