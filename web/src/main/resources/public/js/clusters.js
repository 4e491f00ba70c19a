// The map at scale: server-side clusters for the view, fetched by bbox and zoom as the map moves
// (debounced; a stale request is aborted), and the individual events once few enough are in view.
// Counts are drawn as DOM text; nothing from the server is ever inserted as HTML.

import { ApiError, request } from './api.js';
import { h } from './dom.js';

/** Above this many events in the view, the server's clusters are drawn instead of the events. */
export const VIEW_MARKER_LIMIT = 500;
/** From this zoom on the events are always drawn one by one. */
export const MARKER_ZOOM = 15;
const MAX_ZOOM = 20;
// Leaflet fires moveend once a pan or zoom has ended (its wheel zoom is debounced already), and a
// stale request is aborted: the pause only gathers a burst of moves, and the user waits through it.
const DEBOUNCE_MS = 40;
const LIST_PAGE = 50;
// The list of a clustered view is asked for once the view has stayed this long: a view left sooner
// (a quick series of moves) costs no list query, which would hold the server while it draws the next.
const LIST_SETTLE_MS = 250;

/**
 * The view's bbox parameters: one box, or two when the view crosses the antimeridian (the API
 * refuses a box that wraps), each with the longitude shift that draws its results where the user
 * is looking.
 */
export function viewBoxes(bounds) {
  const s = Math.max(-90, bounds.getSouth());
  const n = Math.min(90, bounds.getNorth());
  let w = bounds.getWest();
  let e = bounds.getEast();
  if (e - w >= 360) return [{ bbox: [-180, s, 180, n], shift: 0 }];
  // bring the west edge into [-180, 180), remembering how far the map's copy of the world is moved
  const shift = Math.floor((w + 180) / 360) * 360;
  w -= shift;
  e -= shift;
  if (e <= 180) return [{ bbox: [w, s, e, n], shift }];
  return [{ bbox: [w, s, 180, n], shift }, { bbox: [-180, s, e - 360, n], shift: shift + 360 }];
}

const round = (v) => String(Math.round(v * 1e5) / 1e5);

function clusterMarker(feature, shift, onClick) {
  const [lon, lat] = feature.geometry.coordinates;
  const n = Number(feature.properties.count) || 0;
  // area grows with the count's order of magnitude: 1 → 26 px, 1,000,000 → 74 px
  const px = Math.round(26 + 8 * Math.log10(Math.max(1, n)));
  const size = n < 10 ? 'small' : n < 1000 ? 'medium' : 'large';
  const label = n >= 10000 ? `${Math.round(n / 1000)}k` : String(n);
  const marker = L.marker([lat, lon + shift], {
    icon: L.divIcon({
      className: `event-cluster server-cluster event-cluster--${size}`,
      html: h('span', { 'data-count': String(n) }, label),
      iconSize: [px, px],
    }),
    title: `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}: click to zoom in`,
    keyboard: true,
  });
  marker.count = n;
  marker.on('click', () => onClick(marker));
  return marker;
}

/**
 * @param {object} o
 * @param {L.Map} o.map
 * @param {object} o.events the marker layer of layers.js (add, clear, features)
 * @param {() => URLSearchParams} o.filters the current filters as /api/events parameters
 * @param {(view: {features: object[], matched: number, next: string|null, clustered: boolean}) => void} o.onList
 *   the events in view for the panel's list
 * @param {(grid: {cells: object[], points: boolean}) => void} [o.onData] every drawn view (the heat layer)
 * @param {() => number} [o.markerLimit] at most this many events in view are drawn one by one
 * @param {() => boolean} [o.listWanted] false while the list of a clustered view can wait (the
 *   slider playing): it is then fetched by loadList()
 */
export function createScaleView({
  map, events, filters, onList, onData = () => {}, markerLimit = () => VIEW_MARKER_LIMIT, listWanted = () => true,
}) {
  const layer = L.layerGroup();
  let enabled = false;
  let controller = null;
  let timer = null;
  let generation = 0;
  let lastList = null;
  // The last view drawn event by event when it loaded every event matching its box: a view inside
  // that box (zooming in) is drawn from it without asking the server again.
  let loaded = null;
  let listTimer = null;
  let pendingList = null;

  function zoomInto(marker) {
    const z = map.getZoom();
    map.setView(marker.getLatLng(), Math.min(MAX_ZOOM, z + (marker.count > 1000 ? 3 : 2)));
  }

  async function fetchAll(path, boxes, extra, signal) {
    return Promise.all(boxes.map(async (box) => {
      const p = new URLSearchParams(filters());
      p.set('bbox', box.bbox.map(round).join(','));
      for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
      return { shift: box.shift, body: await request(`${path}?${p}`, { signal }) };
    }));
  }

  /** Fetches and draws the current view; resolves once it is on screen (or was superseded). */
  async function refresh() {
    if (!enabled) return;
    clearTimeout(timer);
    clearTimeout(listTimer);
    pendingList = null;
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    const mine = ++generation;
    const zoom = Math.min(MAX_ZOOM, Math.max(0, Math.round(map.getZoom())));
    const boxes = viewBoxes(map.getBounds());
    const key = filters().toString();
    if (loaded && loaded.key === key && boxes.length === 1 && boxes[0].shift === loaded.shift
        && inside(boxes[0].bbox, loaded.bbox)) {
      const features = loaded.features.filter((f) => inBox(f, boxes[0].bbox));
      lastList = { features, matched: features.length, next: null, clustered: false };
      onList(lastList);
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      if (mine === generation) map.fire('cm:viewdrawn');
      return;
    }
    loaded = null;
    try {
      const grids = zoom >= MARKER_ZOOM ? null : await fetchAll('/api/events/clusters', boxes, { zoom }, signal);
      const matched = grids ? grids.reduce((s, g) => s + (g.body.numberMatched || 0), 0) : null;
      if (grids && matched > markerLimit()) {
        if (mine !== generation) return;
        layer.clearLayers();
        events.clear();
        const cells = [];
        for (const g of grids) {
          for (const f of g.body.features || []) {
            layer.addLayer(clusterMarker(f, g.shift, zoomInto));
            cells.push({ lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0] + g.shift, count: f.properties.count });
          }
        }
        onData({ cells, points: false });
        // The list (the newest events in view, a page at a time) follows the clusters once the
        // view settles: its count of the view can be slow on a big store, and the map need not
        // wait for it.
        const loadList = () => fetchAll('/api/events', boxes, { limit: LIST_PAGE }, signal).then((lists) => {
          if (mine !== generation) return;
          lastList = {
            features: lists.flatMap((l) => l.body.features || []),
            matched,
            next: boxes.length === 1 ? nextLink(lists[0].body) : null,
            clustered: true,
          };
          onList(lastList);
        }).catch((err) => { if (!isAbort(err)) console.error('events in view', err); });
        if (listWanted()) listTimer = setTimeout(loadList, LIST_SETTLE_MS);
        else pendingList = loadList;
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        map.fire('cm:viewdrawn');
        return;
      } else {
        const lists = await fetchAll('/api/events', boxes, { limit: Math.max(VIEW_MARKER_LIMIT, markerLimit()) * 2 }, signal);
        if (mine !== generation) return;
        layer.clearLayers();
        events.clear();
        const features = lists.flatMap((l) => l.body.features || []);
        await events.add(features).done;
        if (mine !== generation) return;
        onData({ cells: features.map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], count: 1 })), points: true });
        const total = lists.reduce((s, l) => s + (l.body.numberMatched ?? (l.body.features || []).length), 0);
        lastList = { features, matched: total, next: boxes.length === 1 ? nextLink(lists[0].body) : null, clustered: false };
        if (boxes.length === 1 && !lastList.next && Number.isInteger(lists[0].body.numberMatched)
            && lists[0].body.numberMatched === features.length) {
          loaded = { key, bbox: boxes[0].bbox, shift: boxes[0].shift, features };
        }
      }
      onList(lastList);
      // one frame for the browser to lay the new markers out: the view is on screen after it
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      map.fire('cm:viewdrawn');
    } catch (err) {
      if (isAbort(err)) return;
      throw err;
    }
  }

  /** Whether box a ([w, s, e, n]) lies inside box b. */
  function inside(a, b) {
    return a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];
  }

  function inBox(feature, [w, s, e, n]) {
    const [lon, lat] = feature.geometry.coordinates;
    return lon >= w && lon <= e && lat >= s && lat <= n;
  }

  function isAbort(err) {
    return err.name === 'AbortError' || (err instanceof ApiError && /abort/i.test(err.detail || ''));
  }

  function nextLink(body) {
    const links = Array.isArray(body && body.links) ? body.links : [];
    const next = links.find((l) => l && l.rel === 'next' && typeof l.href === 'string');
    return next ? next.href : null;
  }

  /** The next page of the list (a keyset link of /api/events), appended to the last one. */
  async function more() {
    if (!lastList || !lastList.next) return lastList;
    const url = new URL(lastList.next, window.location.origin);
    if (url.origin !== window.location.origin) return lastList;
    const body = await request(`${url.pathname}${url.search}`);
    lastList = { ...lastList, features: [...lastList.features, ...(body.features || [])], next: nextLink(body) };
    onList(lastList);
    return lastList;
  }

  function schedule() {
    if (!enabled) return;
    clearTimeout(timer);
    // the redraw is timed from the move, so the debounce counts too
    const started = performance.now();
    timer = setTimeout(() => {
      refresh().then(() => measure('cm-redraw', started)).catch((err) => console.error('view', err));
    }, DEBOUNCE_MS);
  }
  map.on('moveend', schedule);

  return {
    layer,
    /** Switches clusters on (a big store) or off (every event is loaded at once). */
    setEnabled(on) {
      enabled = on;
      if (on) {
        layer.addTo(map);
      } else {
        if (controller) controller.abort();
        generation++;
        loaded = null;
        layer.clearLayers();
        layer.remove();
      }
    },
    isEnabled: () => enabled,
    refresh,
    more,
    /** Fetches the list of the view drawn last, if it was left waiting (see listWanted). */
    loadList() {
      const load = pendingList;
      pendingList = null;
      if (load) load();
    },
    clusterCount: () => layer.getLayers().length,
  };
}

/** Records how long a redraw took (from a start of performance.now()) for the browser bench. */
export function measure(name, start) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // an old browser without measure options: the figures are only for the bench
  }
}
