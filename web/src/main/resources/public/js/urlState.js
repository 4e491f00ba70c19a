// The one parameter set that describes a view (the server reads the same names, by the same
// grammar, in http/ViewGrammar.java): bbox=minLon,minLat,maxLon,maxLat or center=lon,lat&zoom=z, datetime
// (a day or an ISO interval with open ends), type (comma-separated ACLED types), zone (an id),
// q (free text), country (ISO codes, comma-separated), actor (text), precision (geo-precisions 1-3),
// min_fatalities (a whole number), min_confidence (0 to 1: the least of an event's type and place
// confidence), layers (countries,zones,events,heat) and event (an id whose popup opens).

export const EVENT_TYPE_NAMES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
  'Unclassified',
];
export const LAYER_NAMES = ['countries', 'zones', 'events', 'heat'];
export const MAX_QUERY = 200;
export const MAX_ZOOM = 18;

const VIEW_NAMES = ['bbox', 'center', 'zoom', 'datetime', 'type', 'zone', 'q', 'country', 'actor', 'precision', 'min_fatalities', 'min_confidence', 'layers', 'event'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The state of a map with nothing chosen: the default view, every event. */
export function emptyState() {
  return {
    view: null, from: null, to: null, types: [], zone: null, q: null,
    countries: [], actor: null, precisions: [], minFatalities: null, minConfidence: null, layers: null, event: null,
  };
}

class ParamError extends Error {}

function fail(message) {
  throw new ParamError(message);
}

// ASCII decimals only, as the server reads them: no exponents, NaN, hex or other scripts' digits
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

function numbers(name, raw, count, shape) {
  const parts = raw.split(',');
  if (parts.length !== count) fail(`${name} takes ${shape}, got '${raw}'`);
  return parts.map((p) => {
    const t = p.trim();
    if (!DECIMAL.test(t) || t.length > 32) fail(`${name} value '${p}' is not a decimal number`);
    return Number(t);
  });
}

/** A comma-separated list; a stray comma (an empty item) is refused, as the server does. */
function items(name, raw) {
  const parts = raw.split(',').map((v) => v.trim());
  if (parts.some((v) => v === '')) fail(`${name} is a comma-separated list without empty items, got '${raw}'`);
  return parts;
}

function day(raw, field) {
  if (raw === '' || raw === '..') return null;
  const d = raw.length > 10 && raw[10] === 'T' ? raw.slice(0, 10) : raw;
  if (!DAY.test(d)) fail(`${field} must be a date YYYY-MM-DD, got '${raw}'`);
  const parsed = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d) fail(`${field} '${raw}' is not a calendar date`);
  return d;
}

function positiveId(name, raw) {
  if (!/^\d{1,15}$/.test(raw) || Number(raw) <= 0) fail(`${name} is a positive whole number, got '${raw}'`);
  return Number(raw);
}

/**
 * Reads the parameter set from a query string (or URLSearchParams). Other names are ignored here
 * (the embed has its own options).
 * @returns {{state: object, errors: string[]}} on any error, `state` is the empty state: a link that
 *   cannot be read whole is not half-applied.
 */
export function parseState(search) {
  const params = search instanceof URLSearchParams ? search : new URLSearchParams(search);
  const state = emptyState();
  const errors = [];
  const one = (name) => {
    const all = params.getAll(name);
    if (all.length > 1) fail(`${name} is given ${all.length} times`);
    return all.length ? all[0].trim() : null;
  };
  const read = (name, fn) => {
    try {
      const raw = one(name);
      if (raw !== null) fn(raw);
    } catch (err) {
      if (!(err instanceof ParamError)) throw err;
      errors.push(err.message);
    }
  };

  read('bbox', (raw) => {
    const [w, s, e, n] = numbers('bbox', raw, 4, 'minLon,minLat,maxLon,maxLat');
    // w > e is a box across the antimeridian; longitudes beyond ±180 are refused, not folded
    if (w < -180 || w > 180 || e < -180 || e > 180 || s < -90 || n > 90 || s > n) fail(`bbox '${raw}' is outside the world or inside out`);
    state.view = { bbox: [w, s, e, n] };
  });
  const center = params.has('center') || params.has('zoom');
  if (center && state.view) errors.push('give either bbox or center and zoom, not both');
  else if (center) {
    read('center', (raw) => {
      const [lon, lat] = numbers('center', raw, 2, 'lon,lat');
      if (lon < -180 || lon > 180 || lat < -85 || lat > 85) fail(`center '${raw}' is outside the map`);
      state.view = { center: [lon, lat], zoom: null };
    });
    read('zoom', (raw) => {
      const [zoom] = numbers('zoom', raw, 1, 'a number');
      if (zoom < 0 || zoom > MAX_ZOOM) fail(`zoom must be between 0 and ${MAX_ZOOM}, got ${raw}`);
      if (state.view) state.view.zoom = zoom;
    });
    if (!errors.length && (!params.has('center') || !params.has('zoom'))) errors.push('center and zoom go together');
  }
  read('datetime', (raw) => {
    const ends = raw.split('/');
    if (ends.length > 2) fail(`datetime is a date or an interval start/end, got '${raw}'`);
    const from = day(ends[0], 'datetime start');
    const to = ends.length === 2 ? day(ends[1], 'datetime end') : from;
    if (from && to && to < from) fail(`datetime ends (${to}) before it starts (${from})`);
    state.from = from;
    state.to = to;
  });
  read('type', (raw) => {
    const byFolded = new Map(EVENT_TYPE_NAMES.map((t) => [t.toLowerCase(), t]));
    state.types = [...new Set(items('type', raw).map((t) => {
      const known = byFolded.get(t.toLowerCase());
      if (!known) fail(`unknown event type '${t}'`);
      return known;
    }))].sort();
  });
  read('zone', (raw) => { state.zone = positiveId('zone', raw); });
  read('q', (raw) => {
    if (raw === '' || raw.length > MAX_QUERY) fail(`q is 1 to ${MAX_QUERY} characters`);
    state.q = raw;
  });
  read('country', (raw) => {
    const codes = items('country', raw).map((c) => c.toUpperCase());
    for (const c of codes) if (!/^[A-Z]{2}$/.test(c)) fail(`country takes two-letter ISO codes, got '${c}'`);
    state.countries = [...new Set(codes)].sort();
  });
  read('actor', (raw) => {
    if (raw === '' || raw.length > MAX_QUERY) fail(`actor is 1 to ${MAX_QUERY} characters`);
    state.actor = raw;
  });
  read('precision', (raw) => {
    const values = items('precision', raw);
    for (const v of values) if (!/^[123]$/.test(v)) fail(`precision takes 1, 2 or 3, got '${v}'`);
    state.precisions = [...new Set(values.map(Number))].sort();
  });
  read('min_fatalities', (raw) => {
    if (!/^\d{1,6}$/.test(raw)) fail(`min_fatalities is a whole number, got '${raw}'`);
    state.minFatalities = Number(raw);
  });
  read('min_confidence', (raw) => {
    // the server's grammar (http/Decimal): plain digits, no exponent
    if (!/^\d{1,3}(\.\d{1,6})?$/.test(raw) || Number(raw) > 1) fail(`min_confidence is a number from 0 to 1, got '${raw}'`);
    state.minConfidence = Number(raw);
  });
  read('layers', (raw) => {
    const names = items('layers', raw).map((l) => l.toLowerCase());
    for (const n of names) if (!LAYER_NAMES.includes(n)) fail(`unknown layer '${n}'`);
    state.layers = [...new Set(names)].sort();
  });
  read('event', (raw) => { state.event = positiveId('event', raw); });

  return errors.length ? { state: emptyState(), errors } : { state, errors };
}

const round = (v, digits) => String(Number(v.toFixed(digits)));

/** The state as a query string, names in a fixed order so the same view gives the same link. */
export function serializeState(state) {
  const p = new URLSearchParams();
  const v = state.view;
  if (v && v.bbox) p.set('bbox', v.bbox.map((x) => round(x, 5)).join(','));
  if (v && v.center) {
    p.set('center', `${round(v.center[0], 5)},${round(v.center[1], 5)}`);
    p.set('zoom', round(v.zoom, 2));
  }
  appendFilters(p, state);
  if (state.layers) p.set('layers', state.layers.join(','));
  if (state.event != null) p.set('event', String(state.event));
  // commas and slashes are legal in a query; left as they are, links stay readable
  return p.toString().replace(/%2C/gi, ',').replace(/%2F/gi, '/');
}

function appendFilters(p, state) {
  if (state.from || state.to) {
    const from = state.from || '..';
    const to = state.to || '..';
    p.set('datetime', from === to ? from : `${from}/${to}`);
  }
  if (state.types && state.types.length) p.set('type', state.types.join(','));
  if (state.zone != null) p.set('zone', String(state.zone));
  if (state.q) p.set('q', state.q);
  if (state.countries && state.countries.length) p.set('country', state.countries.join(','));
  if (state.actor) p.set('actor', state.actor);
  if (state.precisions && state.precisions.length) p.set('precision', state.precisions.join(','));
  if (state.minFatalities != null && state.minFatalities > 0) p.set('min_fatalities', String(state.minFatalities));
  if (state.minConfidence != null) p.set('min_confidence', String(state.minConfidence));
}

/** The filters of a state as /api/events parameters (the view is not a filter on the map). */
export function filterParams(state) {
  const p = new URLSearchParams();
  appendFilters(p, state);
  return p;
}

/** Whether a query string names anything of the parameter set. */
export function hasViewParams(search) {
  const params = new URLSearchParams(search);
  return VIEW_NAMES.some((n) => params.has(n));
}

/** The map's current centre and zoom as a state view. */
export function viewOf(map) {
  const c = map.getCenter().wrap();
  return { center: [c.lng, c.lat], zoom: map.getZoom() };
}

/** Moves the map to a state's view; false when the state has none. */
export function applyView(map, view, fitOptions) {
  if (!view) return false;
  if (view.bbox) {
    const [w, s, e, n] = view.bbox;
    map.fitBounds([[s, w], [n, w > e ? e + 360 : e]], { ...fitOptions, animate: false });
  } else {
    map.setView([view.center[1], view.center[0]], view.zoom, { animate: false });
  }
  return true;
}
