// The embeddable map (/embed): the map alone, set up from the shared URL parameters plus the
// options controls, legend, timeline and popups (1/0), and driven by its parent page through
// postMessage (see embedApi.js).

import { getConfig, getCountries, getEvent, getFilteredEvents, getZones } from './api.js';
import { h, sanitizeAttribution } from './dom.js';
import { connectToParent, parseOrigin } from './embedApi.js';
import { createCountryLayer, createEventLayer, createZoneLayer, drawCountriesOverTiles } from './layers.js';
import { createLegend } from './legend.js';
import { setupTheme } from './theme.js';
import { createBaseMapLabels } from './basemap.js';
import { setupLive } from './live.js';
import { applyView, filterParams, parseState, serializeState, viewOf } from './urlState.js';

const FIT_OPTIONS = { padding: [24, 24], maxZoom: 8 };
const WORLD_VIEW = { center: [25, 15], zoom: 2 };
const OPTION_DEFAULTS = { controls: true, legend: true, timeline: false, popups: true, live: true };

const search = new URLSearchParams(window.location.search);
const problems = [];

function readOptions() {
  const out = { ...OPTION_DEFAULTS };
  for (const key of Object.keys(OPTION_DEFAULTS)) {
    if (!search.has(key)) continue;
    const v = search.get(key).trim().toLowerCase();
    if (['1', 'true', 'yes', 'on', ''].includes(v)) out[key] = true;
    else if (['0', 'false', 'no', 'off'].includes(v)) out[key] = false;
    else problems.push(`${key} takes 1 or 0, got '${search.get(key)}'`);
  }
  return out;
}

const options = readOptions();
const parsed = parseState(search);
problems.push(...parsed.errors);
let state = parsed.state;
const originOption = parseOrigin(search.get('origin'));
if (originOption.error) problems.push(originOption.error);
let publicBase = window.location.origin;

const map = L.map('map', {
  maxZoom: 18,
  minZoom: 1,
  worldCopyJump: true,
  zoomControl: options.controls,
  center: WORLD_VIEW.center,
  zoom: WORLD_VIEW.zoom,
});
setupTheme(null);
const countries = createCountryLayer(map).addTo(map);
createBaseMapLabels(map).layer.addTo(map);
const zones = createZoneLayer().addTo(map);
const events = createEventLayer(map, { popups: options.popups });
events.layer.addTo(map);
if (options.controls) {
  L.control.layers(null, { Zones: zones, Events: events.layer }, { position: 'topright', collapsed: true }).addTo(map);
}
if (options.legend) createLegend().addTo(map);

const loadStatus = document.getElementById('load-status');
const urlStatus = document.getElementById('url-status');
const brand = document.getElementById('embed-brand');
const timeline = document.getElementById('timeline');
const timelineFrom = document.getElementById('timeline-from');
const timelineTo = document.getElementById('timeline-to');
const timelineCount = document.getElementById('timeline-count');

const idOf = (f) => f.id ?? (f.properties && f.properties.id);
const count = () => events.layer.getLayers().length;

const parent = connectToParent({
  origin: originOption.origin,
  blocked: Boolean(originOption.error),
  handlers: { setView, setFilter },
});

function showProblems(list, headline) {
  if (!list.length) return;
  urlStatus.hidden = false;
  urlStatus.replaceChildren(h('strong', {}, headline), h('ul', {}, list.map((p) => h('li', {}, p))));
}

function currentQuery() {
  return serializeState({ ...state, view: viewOf(map) });
}

function viewMessage() {
  const b = map.getBounds();
  const v = viewOf(map);
  return {
    view: { center: v.center, zoom: v.zoom, bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] },
    query: currentQuery(),
  };
}

function filterMessage() {
  return Object.fromEntries(filterParams(state));
}

async function loadEvents() {
  const fc = await getFilteredEvents(5000, filterParams(state));
  events.clear();
  await events.add((fc && fc.features) || []).done;
  timelineCount.textContent = `${count()} event${count() === 1 ? '' : 's'}`;
}

/** Reads a command's fields as URL parameters, so a message and a link are checked alike. */
function stateFrom(fields, names) {
  const p = new URLSearchParams();
  for (const name of names) {
    const v = fields && fields[name];
    if (v === undefined || v === null || v === '') continue;
    p.set(name, Array.isArray(v) ? v.join(',') : String(v));
  }
  const { state: s, errors } = parseState(p);
  if (errors.length) throw new Error(errors.join('; '));
  return s;
}

async function setView(msg) {
  const s = stateFrom(msg.view, ['bbox', 'center', 'zoom']);
  if (!s.view) throw new Error('setView needs view.bbox, or view.center and view.zoom');
  applyView(map, s.view, FIT_OPTIONS);
}

async function setFilter(msg) {
  const s = stateFrom(msg.filter || {}, ['datetime', 'type', 'zone', 'q']);
  state = { ...state, from: s.from, to: s.to, types: s.types, zone: s.zone, q: s.q };
  setTimeline();
  await loadEvents();
  updateBrand();
  parent.post('filter', { filter: filterMessage(), count: count() });
}

function setTimeline() {
  timelineFrom.value = state.from || '';
  timelineTo.value = state.to || '';
}

function updateBrand() {
  const q = currentQuery();
  brand.href = `${publicBase.replace(/\/+$/, '')}/${q ? `?${q}` : ''}`;
  brand.title = 'Open this view in the full map';
}

function fitDefault() {
  if (applyView(map, state.view, FIT_OPTIONS)) return;
  const b = events.layer.getBounds();
  const z = zones.getBounds();
  if (b.isValid()) map.fitBounds(b, { ...FIT_OPTIONS, animate: false });
  else if (z.isValid()) map.fitBounds(z, { ...FIT_OPTIONS, animate: false });
  else map.setView(WORLD_VIEW.center, WORLD_VIEW.zoom, { animate: false });
}

function applyLayers(names) {
  if (!names) return;
  const byName = { countries, zones, events: events.layer };
  for (const [name, layer] of Object.entries(byName)) {
    if (!names.includes(name)) map.removeLayer(layer);
  }
}

async function focusEvent(id) {
  let marker = events.markerFor(id);
  if (!marker) {
    try {
      await events.add([await getEvent(id)]).done;
      marker = events.markerFor(id);
    } catch (err) {
      showProblems([err.status === 404 ? `There is no event ${id}.` : err.message], 'The event could not be shown.');
      return;
    }
  }
  if (!marker) return;
  if (!state.view) map.setView(marker.getLatLng(), Math.max(map.getZoom(), 7), { animate: false });
  if (options.popups) events.layer.zoomToShowLayer(marker, () => marker.openPopup());
}

async function start() {
  const failures = [];
  const load = async (label, promise, apply) => {
    try {
      await apply(await promise);
    } catch (err) {
      failures.push(`${label}: ${err.message}`);
    }
  };
  await Promise.all([
    load('configuration', getConfig(), (c) => {
      if (c && typeof c.publicBaseUrl === 'string' && /^https?:\/\//.test(c.publicBaseUrl)) publicBase = c.publicBaseUrl;
      if (c && typeof c.tileUrl === 'string' && c.tileUrl.trim()) {
        L.tileLayer(c.tileUrl, { maxZoom: 18, attribution: sanitizeAttribution(c.attribution) }).addTo(map);
        drawCountriesOverTiles(countries);
      }
    }),
    load('country borders', getCountries(), (fc) => countries.addData(fc)),
    load('zones', getZones(), (fc) => {
      // with a zone chosen, the embed is about that zone
      const features = ((fc && fc.features) || []).filter((f) => state.zone == null || idOf(f) === state.zone);
      zones.addData({ type: 'FeatureCollection', features });
    }),
    load('events', Promise.resolve(), loadEvents),
  ]);
  try {
    fitDefault();
    applyLayers(state.layers);
    if (state.event != null) await focusEvent(state.event);
    showProblems(problems, 'Some embed parameters could not be read; showing the default view.');
    if (failures.length) {
      loadStatus.classList.add('is-error');
      loadStatus.replaceChildren(h('strong', {}, 'Some map data could not be loaded'), h('ul', {}, failures.map((f) => h('li', {}, f))));
    } else {
      loadStatus.hidden = true;
    }
    if (options.timeline) {
      timeline.hidden = false;
      setTimeline();
      // The bottom controls (legend, scale, attribution) sit above the timeline, not under it.
      const lift = () => document.body.style.setProperty('--timeline-height', `${timeline.offsetHeight + 12}px`);
      document.body.classList.add('has-timeline');
      lift();
      window.addEventListener('resize', lift);
    }
    updateBrand();
    // ready means live too: the first poll has set the cursor, so what arrives next is news
    if (options.live) await startLive();
  } finally {
    document.body.dataset.ready = 'true';
    parent.post('ready', { ...viewMessage(), filter: filterMessage(), count: count() });
  }
}

// Live, as on the map: "N new events" over the map and a folded "Latest" list, both for the
// embed's filters and view; live=0 turns it off. Resolves once the first poll has answered.
function startLive() {
  const latest = h('details', { class: 'embed-latest', id: 'latest-section', 'data-testid': 'embed-latest' }, h('summary', {}, 'Latest'));
  document.querySelector('#map').append(latest);
  L.DomEvent.disableClickPropagation(latest);
  L.DomEvent.disableScrollPropagation(latest);
  window.conflictmap.live = setupLive({
    badgeHost: document.querySelector('#map'),
    listHost: latest,
    isShown: (id) => Boolean(events.markerFor && events.markerFor(id)),
    getFilter: () => {
      const p = filterParams(state);
      if (!p.has('bbox')) {
        const b = map.getBounds();
        p.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(4)).join(','));
      }
      return p.toString();
    },
    onShow: async (features) => {
      await events.add(features).done;
      timelineCount.textContent = `${count()} event${count() === 1 ? '' : 's'}`;
    },
    onOpen: async (feature) => {
      if (!(events.markerFor && events.markerFor(idOf(feature)))) await events.add([feature]).done;
      await focusEvent(idOf(feature));
    },
  });
  return window.conflictmap.live.ready;
}

events.layer.on('click', (e) => {
  const f = e.layer && e.layer.feature;
  if (!f) return;
  const id = idOf(f);
  parent.post('click', {
    event: { id, ...(f.properties || {}), lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] },
    url: `${publicBase.replace(/\/+$/, '')}/events/${id}`,
  });
});

map.on('moveend', () => {
  updateBrand();
  if (document.body.dataset.ready === 'true') parent.post('view', viewMessage());
});

timeline.addEventListener('change', async () => {
  const from = timelineFrom.value || null;
  const to = timelineTo.value || null;
  if (from && to && to < from) {
    timelineCount.textContent = 'end before start';
    return;
  }
  const datetime = from || to ? `${from || '..'}/${to || '..'}` : null;
  await setFilter({ filter: { ...filterMessage(), datetime } }).catch((err) => {
    timelineCount.textContent = err.message;
  });
});
timeline.addEventListener('submit', (e) => e.preventDefault());

window.conflictmap = {
  map,
  layers: { countries, zones, events: events.layer },
  options,
  ready: start(),
};
