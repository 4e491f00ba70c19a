// The three map layers, bottom to top: countries (the base map), zones, clustered events.
// Each is created empty up front so window.conflictmap.layers exists before any data arrives.

import { h } from './dom.js';
import { eventPopup, zonePopup } from './popups.js';
import { eventTypeInfo } from './format.js';
import { eventDivIcon } from './icons.js';

export const DATA_ATTRIBUTION = 'Borders: Natural Earth · Places: GeoNames';

/**
 * Countries get their own pane between tiles (200) and overlays (400) so that zones always draw
 * above them whatever order the data arrives in, and an optional tile layer stays underneath.
 */
function countryStyle(withTiles) {
  // Over real tiles the land fill would hide them, so only the borders are drawn.
  return {
    color: withTiles ? '#3c4a5e' : '#4a5669',
    weight: 0.8,
    fill: !withTiles,
    fillColor: '#232b37',
    fillOpacity: 1,
  };
}

export function createCountryLayer(map) {
  const pane = map.createPane('countries');
  pane.style.zIndex = 250;
  pane.style.pointerEvents = 'none';
  return L.geoJSON(null, {
    pane: 'countries',
    renderer: L.svg({ pane: 'countries', padding: 0.5 }),
    interactive: false,
    className: 'country-shape',
    attribution: DATA_ATTRIBUTION,
    style: () => countryStyle(false),
  });
}

/** Switches the country layer to borders only, for when a tile layer provides the land. */
export function drawCountriesOverTiles(countries) {
  countries.options.style = () => countryStyle(true);
  countries.setStyle(countries.options.style);
}

const ZONE_DEFAULTS = { color: '#e0633a', weight: 2, fillOpacity: 0.18 };
const isColor = (v) => typeof v === 'string' && /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i.test(v.trim());
const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** Only the style keys the API documents are honoured, and only with plausible values. */
function zoneStyle(feature) {
  const p = feature.properties || {};
  const s = p.style || {};
  const color = isColor(s.color) ? s.color : ZONE_DEFAULTS.color;
  const expired = typeof p.valid_to === 'string' && p.valid_to < new Date().toISOString().slice(0, 10);
  return {
    color,
    fillColor: isColor(s.fillColor) ? s.fillColor : color,
    fillOpacity: isNumber(s.fillOpacity) ? Math.min(Math.max(s.fillOpacity, 0), 1) : ZONE_DEFAULTS.fillOpacity,
    weight: isNumber(s.weight) ? Math.min(Math.max(s.weight, 0), 12) : ZONE_DEFAULTS.weight,
    // A zone whose validity has ended is still worth seeing, but should read as historical.
    dashArray: expired ? '6 5' : null,
  };
}

export function createZoneLayer() {
  return L.geoJSON(null, {
    className: 'zone-shape',
    style: zoneStyle,
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => zonePopup(feature), { maxWidth: 320, className: 'cm-popup' });
      const name = feature.properties && feature.properties.name;
      // A string would be rendered as HTML: pass a text node.
      if (name) layer.bindTooltip(document.createTextNode(String(name)), { sticky: true, direction: 'top', className: 'cm-tooltip' });
    },
  });
}

function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 'small' : n < 100 ? 'medium' : 'large';
  const px = { small: 30, medium: 38, large: 46 }[size];
  return L.divIcon({
    className: `event-cluster event-cluster--${size}`,
    html: h('span', {}, String(n)),
    iconSize: [px, px],
  });
}

// "Near a town" (ACLED geo-precision 2): a circle of about this radius around the town.
const NEAR_RADIUS_M = 5000;

const outlineCache = new Map();

/** The approximate outline of a region or country, fetched once per place; null if there is none. */
function fetchOutline(placeKey) {
  if (!outlineCache.has(placeKey)) {
    outlineCache.set(placeKey, fetch(`/api/places/${encodeURIComponent(placeKey)}/outline`, {
      headers: { Accept: 'application/geo+json' },
    }).then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return outlineCache.get(placeKey);
}

const featureId = (feature) => feature.id ?? (feature.properties && feature.properties.id);

/**
 * Events as a marker cluster group plus an id index, so re-ingested or re-fetched events never
 * produce duplicate markers and the event list can find a feature's marker. Events known only
 * "near" a town get a circle; events known only by region or country show the region's
 * approximate outline while hovered or open.
 *
 * @param {object} [options]
 * @param {(marker: L.Marker) => Node} [options.popup] builds a marker's popup (default: eventPopup)
 */
export function createEventLayer(map, options = {}) {
  // Chunked loading keeps the page responsive with thousands of markers, but then addLayers
  // finishes asynchronously; chunkProgress tells us when, so callers can wait before fitting.
  let finishBatch = null;
  const layer = L.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    chunkedLoading: true,
    chunkProgress: (processed, total) => {
      if (processed === total && finishBatch) {
        const finish = finishBatch;
        finishBatch = null;
        finish();
      }
    },
    iconCreateFunction: clusterIcon,
  });
  const areas = L.layerGroup();
  const outline = L.geoJSON(null, {
    className: 'region-outline',
    interactive: false,
    style: () => ({ color: '#ffc061', weight: 2, dashArray: '6 4', fillOpacity: 0.08 }),
  });
  const byId = new Map();
  const circles = new Map();
  let queue = Promise.resolve();
  let outlineFor = null;

  // The circles and outlines belong with the events: they come and go with the events layer.
  layer.on('add', () => { areas.addTo(map); outline.addTo(map); });
  layer.on('remove', () => { areas.remove(); outline.remove(); });

  // Batches run one after another: concurrent chunked batches would share the one callback.
  function addMarkers(markers) {
    queue = queue.then(() => new Promise((resolve) => {
      if (!map.hasLayer(layer)) {
        // Off the map, addLayers is synchronous and reports no progress.
        layer.addLayers(markers);
        resolve();
      } else {
        finishBatch = resolve;
        layer.addLayers(markers);
      }
    }));
    return queue;
  }

  function markerTitle(p) {
    return [p.place_name, p.event_type, p.event_date].filter(Boolean).join(' · ');
  }

  function drawCircle(id, feature) {
    const old = circles.get(id);
    if (old) areas.removeLayer(old);
    circles.delete(id);
    const p = feature.properties || {};
    const [lon, lat] = feature.geometry.coordinates;
    if (p.geo_precision !== 2) return;
    const circle = L.circle([lat, lon], {
      radius: NEAR_RADIUS_M,
      className: 'near-circle',
      color: eventTypeInfo(p.event_type).color,
      weight: 1.5,
      fillOpacity: 0.12,
      interactive: false,
    });
    circles.set(id, circle);
    areas.addLayer(circle);
  }

  async function showOutline(marker) {
    const p = marker.feature.properties || {};
    if (p.geo_precision !== 3 || !p.place_key) return;
    outlineFor = marker;
    const geojson = await fetchOutline(p.place_key);
    if (!geojson || outlineFor !== marker) return;
    outline.clearLayers();
    outline.addData(geojson);
    outline.eachLayer((l) => l.bindTooltip(document.createTextNode(`Approximate outline of ${geojson.properties.name}`),
      { sticky: true, className: 'cm-tooltip' }));
    marker.getElement()?.setAttribute('data-outline', 'shown');
  }

  function hideOutline(marker) {
    if (outlineFor !== marker || marker.isPopupOpen()) return;
    outlineFor = null;
    outline.clearLayers();
    marker.getElement()?.removeAttribute('data-outline');
  }

  function createMarker(feature) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties || {};
    const marker = L.marker([lat, lon], {
      icon: eventDivIcon(feature),
      title: markerTitle(p),
      alt: p.place_name || 'event',
      keyboard: true,
      riseOnHover: true,
    });
    marker.feature = feature;
    // Built on every opening from the marker's current feature; an editor's form replaces the
    // content while open, and closing goes back to this.
    const build = () => (options.popup ? options.popup(marker) : eventPopup(marker.feature));
    // An embed may turn popups off (popups=0): a click then only reports to the parent page.
    if (options.popups !== false) marker.bindPopup(build, { maxWidth: 360, minWidth: 260, className: 'cm-popup' });
    marker.on('mouseover', () => showOutline(marker));
    marker.on('mouseout', () => hideOutline(marker));
    marker.on('popupopen', () => showOutline(marker));
    marker.on('popupclose', () => {
      marker.setPopupContent(build);
      outlineFor = marker;
      hideOutline(marker);
    });
    return marker;
  }

  /** Replaces a marker's feature (after a merge or a correction): icon, position, circle. */
  function update(feature) {
    const id = featureId(feature);
    const marker = byId.get(id);
    if (!marker) return add([feature]).markers[0];
    marker.feature = feature;
    const [lon, lat] = feature.geometry.coordinates;
    marker.setIcon(eventDivIcon(feature));
    marker.options.title = markerTitle(feature.properties || {});
    if (!marker.getLatLng().equals([lat, lon])) {
      // through the cluster group, so the marker is re-clustered at its new place
      layer.removeLayer(marker);
      marker.setLatLng([lat, lon]);
      layer.addLayer(marker);
    }
    drawCircle(id, feature);
    return marker;
  }

  /**
   * Adds the features not already present and refreshes the ones that are.
   * @returns {{markers: L.Marker[], done: Promise<void>}} markers for all given features (new or
   *   existing), and a promise settled once the new ones are in the cluster group.
   */
  function add(features) {
    const fresh = [];
    const markers = [];
    for (const feature of features || []) {
      const coords = feature && feature.geometry && feature.geometry.coordinates;
      if (!Array.isArray(coords) || !isNumber(coords[0]) || !isNumber(coords[1])) continue;
      const id = featureId(feature);
      let marker = id != null ? byId.get(id) : undefined;
      if (marker) {
        update(feature);
      } else {
        marker = createMarker(feature);
        if (id != null) byId.set(id, marker);
        drawCircle(id, feature);
        fresh.push(marker);
      }
      markers.push(marker);
    }
    return { markers, done: fresh.length ? addMarkers(fresh) : queue };
  }

  /** Takes a deleted event off the map. */
  function remove(id) {
    const marker = byId.get(id);
    if (!marker) return;
    marker.closePopup();
    layer.removeLayer(marker);
    byId.delete(id);
    const circle = circles.get(id);
    if (circle) areas.removeLayer(circle);
    circles.delete(id);
    if (outlineFor === marker) { outlineFor = null; outline.clearLayers(); }
  }

  return {
    layer,
    areas,
    outline,
    add,
    update,
    remove,
    markerFor: (id) => byId.get(id),
    /** Removes every marker, for a reload with other filters. */
    clear: () => {
      layer.clearLayers();
      byId.clear();
      areas.clearLayers();
      circles.clear();
      outline.clearLayers();
      outlineFor = null;
    },
    features: () => layer.getLayers().map((m) => m.feature),
  };
}
