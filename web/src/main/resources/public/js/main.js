// Entry point: builds the map and its layers, loads the initial data, and wires the panel.

import { getConfig, getCountries, getEvents, getZones } from './api.js';
import { h, sanitizeAttribution } from './dom.js';
import { renderEventList } from './eventList.js';
import { setupIngestForm } from './ingest.js';
import { createCountryLayer, createEventLayer, createZoneLayer, drawCountriesOverTiles } from './layers.js';
import { createLegend } from './legend.js';
import { setupChoropleth } from './choropleth.js';
import { setupZoneEditor } from './zoneEditor.js';
import { setupZonePanel } from './zonePanel.js';

// Stop short of street level: a news map needs the surrounding region for context.
const FIT_OPTIONS = { padding: [40, 40], maxZoom: 8 };
const WORLD_VIEW = { center: [25, 15], zoom: 2 };

const map = L.map('map', {
  // markercluster needs a finite maxZoom to know when to stop clustering.
  maxZoom: 18,
  minZoom: 2,
  worldCopyJump: true,
  center: WORLD_VIEW.center,
  zoom: WORLD_VIEW.zoom,
});

const countries = createCountryLayer(map).addTo(map);
const zones = createZoneLayer().addTo(map);
const events = createEventLayer(map);
events.layer.addTo(map);

L.control.layers(null, { Zones: zones, Events: events.layer }, { position: 'topright', collapsed: false }).addTo(map);
L.control.scale({ position: 'bottomright', imperial: false }).addTo(map);
createLegend().addTo(map);

const listEl = document.getElementById('event-list');
const countEl = document.getElementById('event-count');
const loadStatus = document.getElementById('load-status');

function openEvent(id) {
  const marker = events.markerFor(id);
  if (!marker) return;
  if (!map.hasLayer(events.layer)) map.addLayer(events.layer);
  // The marker may be hidden inside a cluster; zoomToShowLayer expands it first.
  events.layer.zoomToShowLayer(marker, () => marker.openPopup());
}

// How many matching events the capped initial request left out.
let notLoaded = 0;

function refreshList(newIds) {
  renderEventList(listEl, countEl, events.features(), openEvent, newIds, notLoaded);
}

function loadEvents(fc) {
  const features = (fc && fc.features) || [];
  if (fc && Number.isInteger(fc.numberMatched)) notLoaded = Math.max(0, fc.numberMatched - features.length);
  return events.add(features).done;
}

function fitInitialView() {
  const eventBounds = events.layer.getBounds();
  const zoneBounds = zones.getBounds();
  if (eventBounds.isValid()) map.fitBounds(eventBounds, FIT_OPTIONS);
  else if (zoneBounds.isValid()) map.fitBounds(zoneBounds, FIT_OPTIONS);
  else map.setView(WORLD_VIEW.center, WORLD_VIEW.zoom);
}

function applyConfig(config) {
  if (!config || typeof config.tileUrl !== 'string' || config.tileUrl.trim() === '') return;
  L.tileLayer(config.tileUrl, {
    maxZoom: 18,
    attribution: sanitizeAttribution(config.attribution),
  }).addTo(map);
  document.body.classList.add('has-tiles');
  drawCountriesOverTiles(countries);
}

async function loadInitialData() {
  // Each source is independent: a failing tile config or border file should not hide the events.
  const sources = [
    ['configuration', getConfig(), applyConfig],
    ['country borders', getCountries(), (fc) => countries.addData(fc)],
    ['zones', getZones(), (fc) => zones.addData(fc)],
    ['events', getEvents(5000), loadEvents],
  ];
  const failures = [];
  await Promise.all(sources.map(async ([label, promise, apply]) => {
    try {
      await apply(await promise);
    } catch (err) {
      console.error(`loading ${label} failed`, err);
      failures.push({ label, err });
    }
  }));

  try {
    fitInitialView();
    refreshList();
    if (failures.length) {
      loadStatus.classList.add('is-error');
      loadStatus.replaceChildren(
        h('strong', {}, 'Some map data could not be loaded'),
        h('ul', {}, failures.map(({ label, err }) => h('li', {}, `${label}: ${err.message}`))));
    } else {
      loadStatus.hidden = true;
      loadStatus.textContent = '';
    }
  } finally {
    // Tests and embedders wait on this; it must be set even if drawing went wrong.
    document.body.dataset.ready = 'true';
  }
  return { failures: failures.map((f) => f.label) };
}

function setupPanelToggle() {
  const button = document.getElementById('panel-toggle');
  const narrow = window.matchMedia('(max-width: 720px)');
  const setOpen = (open) => {
    document.body.classList.toggle('panel-collapsed', !open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide panel' : 'Show panel';
    // The map's container changed size; Leaflet only notices on window resize.
    setTimeout(() => map.invalidateSize(), 0);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  // On a phone the map comes first; the panel opens on demand.
  setOpen(!narrow.matches);
}

setupPanelToggle();

setupIngestForm(document.getElementById('article-form'), document.getElementById('ingest-status'), async (features) => {
  const { markers, done } = events.add(features);
  await done;
  const ids = new Set(markers.map((m) => m.feature.id ?? m.feature.properties.id));
  refreshList(ids);
  if (!markers.length) return;
  if (!map.hasLayer(events.layer)) map.addLayer(events.layer);
  await fitAndSettle(L.latLngBounds(markers.map((m) => m.getLatLng())));
});

// Resolves once the (animated) move has finished, so the status line only reports success when
// the new markers are actually in view. The timeout covers a move that never fires moveend.
function fitAndSettle(bounds) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 1500);
    function done() {
      clearTimeout(timer);
      map.off('moveend', done);
      resolve();
    }
    map.on('moveend', done);
    map.fitBounds(bounds, FIT_OPTIONS);
  });
}

const zonePanel = setupZonePanel(map, (feature) => zoneEditor.edit(feature));
const zoneEditor = setupZoneEditor(map, zones, (feature) => zonePanel.show(feature).catch((err) => console.warn('zone panel', err)));
setupChoropleth(zones, countries);

window.conflictmap = {
  map,
  zoneEditor,
  layers: { countries, zones, events: events.layer },
  ready: loadInitialData(),
};
