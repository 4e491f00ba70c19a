// Live: what is new since the page opened. Polls /api/events/latest (a cursor, no reload); the map
// shows "3 new events" as a button that brings them in, and the panel keeps a "Latest" list with
// relative times ("5 min ago") that age while the page stays open.

import { request } from './api.js';
import { h } from './dom.js';

export const POLL_MS = 10_000;
const LATEST_SHOWN = 8;
const MAX_NEW = 100;

/** "just now", "5 min ago", "3 h ago", "2 days ago"; empty for an unreadable time. */
export function relativeTime(iso, now = Date.now()) {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 45) return 'just now';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const hours = Math.round(min / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return days === 1 ? 'yesterday' : `${days} days ago`;
  return new Date(t).toISOString().slice(0, 10);
}

const featureId = (f) => f.id ?? (f.properties && f.properties.id);

/**
 * @param {object} hooks
 * @param {HTMLElement} hooks.badgeHost where the "N new events" button goes (over the map)
 * @param {HTMLElement} hooks.listHost the panel section the "Latest" list goes in
 * @param {(features: object[]) => Promise<void>} hooks.onShow adds new events to the map
 * @param {(feature: object) => void} hooks.onOpen opens one event on the map
 * @param {(id: number) => boolean} [hooks.isShown] whether the map already has this event
 * @param {() => string} [hooks.getFilter] the map's active filters as /api/events query parameters
 *   (type, zone, datetime, q, country, bbox of the view): the count and the list honour them
 */
export function setupLive({ badgeHost, listHost, onShow, onOpen, isShown = () => false, getFilter = () => '' }) {
  const badge = h('button', { type: 'button', class: 'live-badge', id: 'live-badge', 'data-testid': 'live-badge', hidden: true, 'aria-live': 'polite' });
  const list = h('ol', { class: 'latest-list', id: 'latest-list', 'data-testid': 'latest-list' });
  badgeHost.append(badge);
  listHost.append(list);

  let cursor = null; // the newest id on screen; null until the first answer
  let latest = []; // newest first
  let unseen = []; // new since the cursor, newest first
  let unseenCount = 0;

  function renderList() {
    const now = Date.now();
    list.replaceChildren(...latest.slice(0, LATEST_SHOWN).map((f) => {
      const p = f.properties || {};
      const id = featureId(f);
      const at = p.reported_at || '';
      return h('li', { class: 'latest-item', dataset: { eventId: String(id) } },
        h('button', { type: 'button', class: 'link-button latest-open', onclick: () => onOpen(f) },
          [p.place_name || 'Unknown place', p.event_type].filter(Boolean).join(' · ')),
        ' ',
        h('time', { datetime: at, title: at ? new Date(at).toLocaleString() : '' }, relativeTime(at, now)),
        ' ',
        h('a', { class: 'event-page-link', href: `/events/${encodeURIComponent(String(id))}` }, 'page'));
    }));
    if (!latest.length) list.append(h('li', { class: 'hint' }, 'Nothing reported yet.'));
  }

  function renderBadge() {
    badge.hidden = unseenCount === 0;
    badge.textContent = unseenCount === 1 ? '1 new event' : `${unseenCount} new events`;
    badge.dataset.count = String(unseenCount);
  }

  let listedFor = null; // the filter the Latest list was read for
  let newestId = null; // the newest live id of the last answer, filters aside

  async function poll() {
    const filter = new URLSearchParams(getFilter());
    ['after', 'limit', 'cursor'].forEach((k) => filter.delete(k));
    const filterKey = filter.toString();
    if (cursor != null && listedFor !== filterKey) {
      // the filters changed: the Latest list is read again for them; the cursor (page open) stays
      const fresh = await request(`/api/events/latest?${new URLSearchParams([...filter, ['limit', String(LATEST_SHOWN)]])}`);
      latest = fresh.features || [];
      listedFor = filterKey;
    }
    const params = new URLSearchParams([...filter, ['limit', String(cursor == null ? LATEST_SHOWN : MAX_NEW)]]);
    if (cursor != null) params.set('after', String(cursor));
    const d = await request(`/api/events/latest?${params}`);
    const features = d.features || [];
    newestId = d.latest_id;
    if (cursor == null) {
      latest = features;
      cursor = d.latest_id;
      listedFor = filterKey;
    } else {
      // the cursor stays until the user brings them in, so each answer holds all that is new;
      // events this page already shows (its own ingest) are not news to it
      unseen = features.filter((f) => !isShown(featureId(f)));
      unseenCount = unseen.length + Math.max(0, d.new_count - features.length);
      const ids = new Set(features.map(featureId));
      latest = [...features, ...latest.filter((f) => !ids.has(featureId(f)))].slice(0, LATEST_SHOWN);
    }
    renderBadge();
    renderList();
  }

  badge.addEventListener('click', async () => {
    const fresh = unseen;
    // everything up to the newest id of the last answer has been offered under these filters
    const newest = Math.max(newestId ?? 0, ...fresh.map(featureId));
    unseen = [];
    unseenCount = 0;
    cursor = Math.max(cursor ?? 0, newest ?? 0);
    renderBadge();
    if (fresh.length) await onShow(fresh);
  });

  // a page in the background polls no one; it catches up when seen again
  let timer = null;
  const tick = () => poll().catch((err) => console.warn('live', err.message));
  const start = () => { clearInterval(timer); timer = setInterval(tick, POLL_MS); };
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) clearInterval(timer);
    else { tick(); start(); }
  });
  setInterval(renderList, 30_000);
  const first = tick();
  start();
  return { poll, ready: first };
}
