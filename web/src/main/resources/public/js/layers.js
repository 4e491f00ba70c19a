// The three map layers, bottom to top: countries (the base map), zones, clustered events.
// Each is created empty up front so window.conflictmap.layers exists before any data arrives.

import { h } from './dom.js';
import { eventPopup, zonePopup } from './popups.js';
import { eventTypeInfo } from './format.js';

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
      if (name) layer.bindTooltip(name, { sticky: true, direction: 'top', className: 'cm-tooltip' });
    },
  });
}

function eventIcon(feature) {
  const p = feature.properties || {};
  const type = eventTypeInfo(p.event_type);
  const precision = ['town', 'region', 'country'].includes(p.precision) ? p.precision : 'town';
  const dot = h('span', { class: 'event-dot', style: `--event-color:${type.color}` });
  return L.divIcon({
    className: `event-marker event-marker--${precision}`,
    html: dot,
    iconSize: [16, 16],
    iconAnchor: [8, 8],
    popupAnchor: [0, -8],
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

/**
 * Events as a marker cluster group plus an id index, so re-ingested or re-fetched events never
 * produce duplicate markers and the event list can find a feature's marker.
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
  const byId = new Map();
  let queue = Promise.resolve();

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

  /**
   * Adds the features not already present.
   * @returns {{markers: L.Marker[], done: Promise<void>}} markers for all given features (new or
   *   existing), and a promise settled once the new ones are in the cluster group.
   */
  function add(features) {
    const fresh = [];
    const markers = [];
    for (const feature of features || []) {
      const coords = feature && feature.geometry && feature.geometry.coordinates;
      if (!Array.isArray(coords) || !isNumber(coords[0]) || !isNumber(coords[1])) continue;
      const id = feature.id ?? (feature.properties && feature.properties.id);
      let marker = id != null ? byId.get(id) : undefined;
      if (!marker) {
        const p = feature.properties || {};
        marker = L.marker([coords[1], coords[0]], {
          icon: eventIcon(feature),
          title: [p.place_name, p.event_type, p.event_date].filter(Boolean).join(' · '),
          alt: p.place_name || 'event',
          keyboard: true,
          riseOnHover: true,
        });
        marker.feature = feature;
        if (options.popups !== false) marker.bindPopup(() => eventPopup(feature), { maxWidth: 340, className: 'cm-popup' });
        if (id != null) byId.set(id, marker);
        fresh.push(marker);
      }
      markers.push(marker);
    }
    return { markers, done: fresh.length ? addMarkers(fresh) : queue };
  }

  return {
    layer,
    add,
    markerFor: (id) => byId.get(id),
    /** Removes every marker, for a reload with other filters. */
    clear: () => {
      layer.clearLayers();
      byId.clear();
    },
    features: () => layer.getLayers().map((m) => m.feature),
  };
}
