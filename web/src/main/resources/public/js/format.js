// Shared vocabulary for how events and zones are labelled and coloured, so the markers,
// the legend and the event list always agree.

// ACLED's top-level event types; anything else the parser emits falls into "other".
export const EVENT_TYPES = [
  // Okabe–Ito colours (safe for the common colour blindnesses); icons.js adds a glyph per type.
  { key: 'battles', label: 'Battles', color: '#D55E00' },
  { key: 'explosions', label: 'Explosions/Remote violence', color: '#E69F00' },
  { key: 'civilians', label: 'Violence against civilians', color: '#CC79A7' },
  { key: 'protests', label: 'Protests', color: '#56B4E9' },
  { key: 'riots', label: 'Riots', color: '#F0E442' },
  { key: 'strategic', label: 'Strategic developments', color: '#009E73' },
  { key: 'other', label: 'Other', color: '#a0a7b4' },
];

const BY_LABEL = new Map(EVENT_TYPES.map((t) => [t.label.toLowerCase(), t]));
const OTHER = EVENT_TYPES[EVENT_TYPES.length - 1];

export function eventTypeInfo(eventType) {
  return (typeof eventType === 'string' && BY_LABEL.get(eventType.trim().toLowerCase())) || OTHER;
}

export const ZONE_KIND_LABELS = {
  'de-escalation-zone': 'De-escalation zone',
  'demilitarised-zone': 'Demilitarised zone',
  'area-of-control': 'Area of control',
  other: 'Zone',
};

export function zoneKindLabel(kind) {
  return ZONE_KIND_LABELS[kind] || ZONE_KIND_LABELS.other;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2019-08-28" → "28 Aug 2019". ISO dates are read as UTC so the day never shifts with the viewer's zone. */
export function formatDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ? String(iso) : 'undated';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE_FORMAT.format(d);
}

export function formatValidity(from, to) {
  return `${from ? formatDate(from) : 'unknown'} – ${to ? formatDate(to) : 'present'}`;
}

// ACLED time precision: 1 exact day, 2 within the week, 3 within the month.
export function timePrecisionNote(code) {
  if (code === 2) return 'approx. week';
  if (code === 3) return 'approx. month';
  return null;
}
