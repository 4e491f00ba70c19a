// The offline base map's names: countries when zoomed out, first-level regions, then towns by
// population as the zoom grows, from /api/places/labels for the view on screen. Every name is set
// as text (textContent), never as HTML. Labels sit in their own pane above zones, below markers,
// and never catch the mouse.

import { h } from './dom.js';

const DEBOUNCE_MS = 150;

function clampedBbox(bounds) {
  const west = Math.max(-180, bounds.getWest());
  const east = Math.min(180, bounds.getEast());
  const south = Math.max(-90, bounds.getSouth());
  const north = Math.min(90, bounds.getNorth());
  // a view wider than the world (or wrapped past the antimeridian) asks for the whole world
  if (bounds.getEast() - bounds.getWest() >= 360 || west >= east) return '-180,-90,180,90';
  return [west, south, east, north].map((v) => v.toFixed(4)).join(',');
}

function labelMarker(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  const p = feature.properties || {};
  const kind = ['country', 'region', 'town'].includes(p.kind) ? p.kind : 'town';
  const icon = L.divIcon({
    className: `map-label map-label--${kind}`,
    html: h('span', {}, String(p.name || '')),
    iconSize: null,
  });
  const marker = L.marker([lat, lon], { icon, pane: 'labels', interactive: false, keyboard: false });
  // A name is not an event marker: without Leaflet's marker class, nothing that looks for the
  // map's markers (tests, scripts, styles) mistakes one for the other.
  marker.on('add', () => marker.getElement()?.classList.remove('leaflet-marker-icon'));
  return marker;
}

/**
 * Adds the label layer to the map and keeps it in step with the view.
 * @returns {{layer: L.LayerGroup, refresh: () => Promise<void>}}
 */
export function createBaseMapLabels(map) {
  const pane = map.createPane('labels');
  pane.style.zIndex = 450;
  pane.style.pointerEvents = 'none';
  const layer = L.layerGroup();
  let timer = null;
  let pending = null;
  let shownKey = '';

  async function refresh() {
    if (!map.hasLayer(layer)) return;
    const zoom = Math.round(map.getZoom());
    const bbox = clampedBbox(map.getBounds());
    const key = `${bbox}@${zoom}`;
    if (key === shownKey) return;
    if (pending) pending.abort();
    const controller = new AbortController();
    pending = controller;
    try {
      const r = await fetch(`/api/places/labels?bbox=${bbox}&zoom=${zoom}`, {
        signal: controller.signal,
        headers: { Accept: 'application/geo+json' },
      });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const fc = await r.json();
      if (controller.signal.aborted) return;
      layer.clearLayers();
      for (const f of fc.features || []) layer.addLayer(labelMarker(f));
      declutter();
      shownKey = key;
      document.body.dataset.labels = String(layer.getLayers().length);
    } catch (err) {
      if (err.name !== 'AbortError') console.warn('place labels', err.message);
    } finally {
      if (pending === controller) pending = null;
    }
  }

  /**
   * Hides a label that would overlap one drawn before it (the server sends the most important
   * first: countries, then towns by population, then regions), so every name shown can be read.
   */
  function declutter() {
    const kept = [];
    const pad = 2;
    for (const marker of layer.getLayers()) {
      const el = marker.getElement();
      const span = el && el.firstElementChild;
      if (!span) continue;
      const r = span.getBoundingClientRect();
      const box = { left: r.left - pad, right: r.right + pad, top: r.top - pad, bottom: r.bottom + pad };
      const clash = kept.some((k) => box.left < k.right && box.right > k.left && box.top < k.bottom && box.bottom > k.top);
      el.classList.toggle('map-label--hidden', clash);
      if (!clash) kept.push(box);
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  };
  map.on('moveend zoomend', schedule);
  layer.on('add', () => { shownKey = ''; schedule(); });
  return { layer, refresh };
}
