// Entry point: builds the map and its layers, loads the initial data, and wires the panel.

import { getConfig, getCountries, getEvent, getFilteredEvents, getZones } from './api.js';
import { h, sanitizeAttribution } from './dom.js';
import { renderEventList } from './eventList.js';
import { setupIngestForm } from './ingest.js';
import { createCountryLayer, createEventLayer, createZoneLayer, drawCountriesOverTiles } from './layers.js';
import { createLegend } from './legend.js';
import { createFilterForm } from './filters.js';
import { createShareDialog } from './share.js';
import { applyView, filterParams, parseState, serializeState, viewOf } from './urlState.js';
import { createCorrections } from './corrections.js';
import { setupChoropleth } from './choropleth.js';
import { setupZoneEditor } from './zoneEditor.js';
import { setupZonePanel } from './zonePanel.js';
import { setupTheme } from './theme.js';
import { createBaseMapLabels } from './basemap.js';
import { createPlaceSearch } from './placeSearch.js';
import { createEmbedDialog } from './embedDialog.js';
import { setupLive } from './live.js';
import { createConfidenceToggle } from './confidenceToggle.js';
import { createScaleView, VIEW_MARKER_LIMIT } from './clusters.js';
import { createTimeline } from './timeline.js';
import { createHeatLayer } from './heat.js';

// Stop short of street level: a news map needs the surrounding region for context.
const FIT_OPTIONS = { padding: [40, 40], maxZoom: 8 };
const WORLD_VIEW = { center: [25, 15], zoom: 2 };

// The view and filters come from the URL; a link that cannot be read opens the default view and says so.
const fromUrl = parseState(window.location.search);
let state = fromUrl.state;
let publicBase = window.location.origin;
// Set once the initial view is on screen; from then on the URL follows the map.
let urlFollowsMap = false;
let openEventId = null;

const map = L.map('map', {
  // markercluster needs a finite maxZoom to know when to stop clustering.
  maxZoom: 18,
  minZoom: 2,
  worldCopyJump: true,
  center: WORLD_VIEW.center,
  zoom: WORLD_VIEW.zoom,
});

// The theme button sits on the map (topright, under the layers), so the phone's topbar keeps its room.
const themeControl = L.control({ position: 'topright' });
themeControl.onAdd = () => {
  const button = h('button', { type: 'button', class: 'theme-toggle', id: 'theme-toggle', 'data-testid': 'theme-toggle' }, '◐');
  const bar = h('div', { class: 'leaflet-bar theme-control' }, button);
  L.DomEvent.disableClickPropagation(bar);
  setupTheme(button);
  return bar;
};
const countries = createCountryLayer(map).addTo(map);
// Names on the offline base map (basemap.js): countries, regions, towns by zoom.
const placeLabels = createBaseMapLabels(map);
placeLabels.layer.addTo(map);
const zones = createZoneLayer().addTo(map);
// Popups carry the editor's tools (edit, move, delete, history); see corrections.js.
let corrections = null;
const events = createEventLayer(map, { popup: (marker) => corrections.popup(marker) });
events.layer.addTo(map);
const heat = createHeatLayer();

// A store with more matching events than this is drawn from the server's clusters of the view (and
// the events themselves once few are in view); a smaller one is loaded whole, as it always was.
// Tests and the bench can lower or raise it with localStorage 'conflictmap.allEventsLimit'.
function allEventsLimit() {
  try {
    const v = Number(localStorage.getItem('conflictmap.allEventsLimit'));
    if (Number.isFinite(v) && v >= 0 && localStorage.getItem('conflictmap.allEventsLimit') !== null) return v;
  } catch {
    // storage blocked: the default
  }
  return 2000;
}
let bigStore = false;
let viewList = null;
const scale = createScaleView({
  map,
  events,
  filters: () => eventParams(),
  onList: (list) => { viewList = list; refreshList(); },
  onData: (data) => heat.setData(data.cells),
  markerLimit: () => Math.min(VIEW_MARKER_LIMIT, allEventsLimit()),
  // while the slider plays, each step's list would be thrown away by the next: it waits for the pause
  listWanted: () => !timeline.isPlaying(),
});
// The clusters stand for the events: they show and hide with the Events layer.
events.layer.on('add', () => { if (scale.isEnabled()) scale.layer.addTo(map); });
events.layer.on('remove', () => scale.layer.remove());

// On a phone the layer control folds to its button, so it does not cover the map or run off the screen.
L.control.layers(null, { 'Place names': placeLabels.layer, Zones: zones, Events: events.layer, Heat: heat }, { position: 'topright', collapsed: window.matchMedia('(max-width: 720px)').matches }).addTo(map);
L.control.scale({ position: 'bottomright', imperial: false }).addTo(map);
createLegend().addTo(map);
createPlaceSearch(map).addTo(map);
themeControl.addTo(map);

const listEl = document.getElementById('event-list');
const countEl = document.getElementById('event-count');
const loadStatus = document.getElementById('load-status');
const urlStatus = document.getElementById('url-status');

function openEvent(id) {
  const marker = events.markerFor(id);
  if (!marker && bigStore) return openListedEvent(id);
  if (!marker) return false;
  if (!map.hasLayer(events.layer)) map.addLayer(events.layer);
  // The marker may be hidden inside a cluster; zoomToShowLayer expands it first.
  events.layer.zoomToShowLayer(marker, () => marker.openPopup());
  return true;
}

corrections = createCorrections({ map, events, onChange: () => refreshList() });

/** An event of the list drawn inside a cluster: zoom to where it is drawn alone, then open it. */
function openListedEvent(id) {
  const feature = viewList && viewList.features.find((f) => (f.id ?? f.properties.id) === id);
  if (!feature) return false;
  const [lon, lat] = feature.geometry.coordinates;
  map.once('cm:viewdrawn', () => { const m = events.markerFor(id); if (m) events.layer.zoomToShowLayer(m, () => m.openPopup()); });
  map.setView([lat, lon], 15);
  return true;
}

// How many matching events the capped initial request left out.
let notLoaded = 0;

function refreshList(newIds) {
  const filtered = Boolean(filterParams(state).toString());
  const inView = bigStore && viewList;
  const features = inView ? viewList.features : events.features();
  const left = inView ? Math.max(0, viewList.matched - viewList.features.length) : notLoaded;
  renderEventList(listEl, countEl, features, openEvent, newIds, left, {
    filtered,
    onWiden: state.from || state.to ? () => filterForm.widen() : null,
    onClear: () => document.getElementById('filter-clear').click(),
  });
  if (inView && viewList.next) {
    listEl.append(h('li', { class: 'event-more' }, h('button', {
      type: 'button', class: 'link-button', 'data-testid': 'event-more',
      onclick: () => scale.more().catch((err) => console.error('next page', err)),
    }, 'More events in view')));
  }
}

/**
 * Loads what the filters select: the slider's histogram when a filter other than the dates changed,
 * then either every matching event (a small store) or the clusters of the view.
 */
let histogramKey = null;
async function applyFilters() {
  const params = eventParams();
  params.delete('datetime');
  if (histogramKey !== params.toString()) {
    await timeline.load(params);
    histogramKey = params.toString();
  }
  timeline.setPeriod(state.from, state.to);
  // While the slider plays through a big store, each period is drawn from the server's grid too:
  // loading a period's events whole (up to 5,000 a step, drawn by the browser's cluster group)
  // made every step wait a second or more for data the next step throws away.
  const limit = allEventsLimit();
  bigStore = timeline.count(state.from, state.to) > limit
    || (timeline.isPlaying() && timeline.count(null, null) > limit);
  scale.setEnabled(bigStore);
  if (!map.hasLayer(events.layer)) scale.layer.remove();
  if (bigStore) {
    // drawn once the map has its view (at start) or now (a filter changed)
    if (urlFollowsMap) await scale.refresh();
    return;
  }
  viewList = null;
  const fc = await getFilteredEvents(5000, eventParams());
  events.clear();
  await loadEvents(fc);
  heat.setData(events.features().map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], count: 1 })));
}

// The "hide uncertain events" floor (confidenceToggle.js) is state.minConfidence, kept in the URL.
const eventParams = () => filterParams(state);

function loadEvents(fc) {
  const features = (fc && fc.features) || [];
  notLoaded = 0;
  if (fc && Number.isInteger(fc.numberMatched)) notLoaded = Math.max(0, fc.numberMatched - features.length);
  return events.add(features).done;
}

function fitInitialView() {
  if (applyView(map, state.view, FIT_OPTIONS)) return;
  const eventBounds = events.layer.getBounds();
  const zoneBounds = zones.getBounds();
  // No animation on load: there is nothing to move from, and a zoom still animating once the page
  // says it is ready would override the first move the user (or an embedder) makes.
  const still = { ...FIT_OPTIONS, animate: false };
  if (eventBounds.isValid()) map.fitBounds(eventBounds, still);
  else if (zoneBounds.isValid()) map.fitBounds(zoneBounds, still);
  else map.setView(WORLD_VIEW.center, WORLD_VIEW.zoom, { animate: false });
}

function applyConfig(config) {
  if (config && typeof config.publicBaseUrl === 'string' && /^https?:\/\//.test(config.publicBaseUrl)) {
    publicBase = config.publicBaseUrl;
  }
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
    ['zones', getZones(), (fc) => { zones.addData(fc); filterForm.setZones(fc); }],
    // after this module has run: applyFilters needs the timeline, made further down
    ['events', Promise.resolve().then(applyFilters), () => {}],
  ];
  const failures = [];
  const loaded = sources.map(async ([label, promise, apply]) => {
    try {
      await apply(await promise);
    } catch (err) {
      console.error(`loading ${label} failed`, err);
      failures.push({ label, err });
    }
  });

  try {
    // The view needs the zones and the events (or the histogram that says the store is big), not
    // the borders: the view's clusters are asked for while the borders are still being drawn.
    await Promise.all([loaded[2], loaded[3]]);
    fitInitialView();
    applyLayers(state.layers);
    let drawn = null;
    if (bigStore) {
      urlFollowsMap = true;
      drawn = scale.refresh();
      drawn.catch(() => {}); // awaited below, after the borders: no unhandled rejection meanwhile
    }
    await Promise.all(loaded);
    await drawn;
    refreshList();
    if (state.event != null) await openEventFromUrl(state.event);
    showUrlErrors(fromUrl.errors);
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
    urlFollowsMap = true;
    syncUrl();
    try {
      performance.measure('cm-first-render', { start: 0, end: performance.now() });
    } catch {
      // figures for the browser bench only
    }
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
setupChoropleth(zones, countries, map);

window.conflictmap = {
  map,
  zoneEditor,
  layers: { countries, zones, events: events.layer, clusters: scale.layer, heat },
  // a getter: the timeline is made further down, after this object
  get timeline() { return timeline; },
  isClustered: () => bigStore,
  ready: loadInitialData(),
};

// ---- URL state, filters, share and embed ----------------------------------------------------

function showUrlErrors(errors, headline = 'This link could not be read; showing the default view instead.') {
  if (!errors.length) return;
  urlStatus.hidden = false;
  urlStatus.replaceChildren(
    h('strong', {}, headline),
    h('ul', {}, errors.map((e) => h('li', {}, e))),
    h('button', { type: 'button', class: 'url-status-close', onclick: () => { urlStatus.hidden = true; } }, 'Dismiss'));
}

const DEFAULT_LAYERS = ['countries', 'events', 'zones'];

/** Shows only the listed layers; null shows the default ones (all but the heat layer). */
function applyLayers(names) {
  if (!names) return;
  const byName = { countries, zones, events: events.layer, heat };
  for (const [name, layer] of Object.entries(byName)) {
    if (names.includes(name)) map.addLayer(layer);
    else map.removeLayer(layer);
  }
}

function shownLayers() {
  const byName = { countries, zones, events: events.layer, heat };
  const shown = Object.keys(byName).filter((name) => map.hasLayer(byName[name])).sort();
  return shown.join() === DEFAULT_LAYERS.join() ? null : shown;
}

async function openEventFromUrl(id) {
  if (openEvent(id)) return;
  // Not among the loaded events (filtered out, or beyond the cap): fetch it on its own.
  try {
    const feature = await getEvent(id);
    await events.add([feature]).done;
    refreshList();
    openEvent(id);
  } catch (err) {
    showUrlErrors([err.status === 404 ? `There is no event ${id}.` : `Event ${id}: ${err.message}`],
      'The event this link points to could not be opened.');
  }
}

function currentState() {
  return { ...state, view: viewOf(map), layers: shownLayers(), event: openEventId };
}

function currentQuery() {
  return serializeState(currentState());
}

function syncUrl() {
  if (!urlFollowsMap) return;
  const query = currentQuery();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
  if (share.isOpen()) share.refresh();
  if (embed.isOpen()) embed.refresh();
}

map.on('moveend', syncUrl);
map.on('overlayadd overlayremove', syncUrl);
map.on('popupopen', (e) => {
  const source = e.popup && e.popup._source;
  const feature = source && source.feature;
  const id = feature && (feature.id ?? (feature.properties && feature.properties.id));
  if (id != null && events.markerFor(id) === source) {
    openEventId = id;
    syncUrl();
  }
});
map.on('popupclose', (e) => {
  const source = e.popup && e.popup._source;
  if (source && openEventId != null && events.markerFor(openEventId) === source) {
    openEventId = null;
    syncUrl();
  }
});

const filterForm = createFilterForm(document.getElementById('filter-section'), async (filters) => {
  state = { ...state, ...filters };
  const { from, to } = state;
  const errorEl = document.getElementById('filter-status');
  if (from && to && to < from) {
    errorEl.textContent = 'The end date is before the start date.';
    return;
  }
  errorEl.textContent = '';
  // The zones on the map follow the period: those in force on its last day (zoneEditor.js listens).
  document.dispatchEvent(new CustomEvent('conflictmap:date', { detail: { date: to || from || '' } }));
  try {
    await applyFilters();
    refreshList();
  } catch (err) {
    errorEl.textContent = `Filter not applied: ${err.message}`;
  }
  syncUrl();
});
filterForm.set(state);

createConfidenceToggle(document.getElementById('filter-section'), state.minConfidence, async (min) => {
  state = { ...state, minConfidence: min };
  const errorEl = document.getElementById('filter-status');
  try {
    histogramKey = null;
    await applyFilters();
    refreshList();
  } catch (err) {
    errorEl.textContent = `Filter not applied: ${err.message}`;
  }
  syncUrl();
});

// The time slider: choosing a period or playing moves the date filter, and the zones in force with it.
const timelineEl = h('div', { class: 'time-slider', id: 'time-slider', 'data-testid': 'timeline', role: 'group', 'aria-label': 'Time slider' });
document.querySelector('.map-wrap').classList.add('has-time-slider');
document.querySelector('.map-wrap').append(timelineEl);
const timeline = createTimeline(timelineEl, {
  onPeriod: async ({ from, to }) => {
    state = { ...state, from, to };
    filterForm.setDates(from, to);
    document.dispatchEvent(new CustomEvent('conflictmap:date', { detail: { date: to } }));
    await applyFilters();
    refreshList();
    syncUrl();
  },
  onStop: () => scale.loadList(),
});

// One dialog per purpose: Share (link, social, copy) and Embed (snippet, size, live preview).
const share = createShareDialog({ getQuery: currentQuery, getBase: () => publicBase, getEventId: () => openEventId });
const embed = createEmbedDialog({ getQuery: currentQuery, getBase: () => publicBase });
document.querySelector('.map-wrap').append(share.element, embed.element);
document.getElementById('share-button').addEventListener('click', (e) => { embed.close(); share.openFor(e.currentTarget); });
document.getElementById('embed-button').addEventListener('click', (e) => { share.close(); embed.openFor(e.currentTarget); });

// Live: "N new events" over the map and the panel's Latest list (live.js), once the map is up.
window.conflictmap.ready.then(() => {
  window.conflictmap.live = setupLive({
    badgeHost: document.querySelector('.map-wrap'),
    listHost: document.getElementById('latest-section'),
    isShown: (id) => Boolean(events.markerFor(id)),
    // what the map shows: its filters and the view's box, so "N new" counts only those
    getFilter: () => {
      const p = eventParams();
      if (!p.has('bbox')) {
        const b = map.getBounds();
        p.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(4)).join(','));
      }
      return p.toString();
    },
    onShow: async (features) => {
      const { markers, done } = events.add(features);
      await done;
      refreshList(new Set(markers.map((m) => m.feature.id ?? m.feature.properties.id)));
      if (!markers.length) return;
      if (!map.hasLayer(events.layer)) map.addLayer(events.layer);
      await fitAndSettle(L.latLngBounds(markers.map((m) => m.getLatLng())));
    },
    onOpen: async (feature) => {
      const id = feature.id ?? feature.properties.id;
      if (!events.markerFor(id)) {
        await events.add([feature]).done;
        refreshList();
      }
      openEvent(id);
    },
  });
});
