// Popup contents for zones and events, as DOM nodes (see dom.js for why not HTML strings).

import { h, safeHttpUrl } from './dom.js';
import { eventTypeInfo, formatDate, formatValidity, timePrecisionNote, zoneKindLabel } from './format.js';
import { typeIconSvg } from './icons.js';

export function zonePopup(feature) {
  const p = feature.properties || {};
  return h('div', { class: 'popup popup--zone' },
    h('p', { class: 'popup-kicker' }, zoneKindLabel(p.kind)),
    h('h3', { class: 'popup-title' }, p.name || 'Unnamed zone'),
    h('p', { class: 'popup-meta' }, formatValidity(p.valid_from, p.valid_to)),
    p.description ? h('p', { class: 'popup-text' }, p.description) : null,
  );
}

const GEO_PRECISION_NOTES = { 1: 'town', 2: 'near the town', 3: 'region only · outline approximate' };

/** "25 Aug 2019" or "1 May 2019 – 27 Aug 2019". */
export function formatDateRange(from, to) {
  if (!to || to === from) return formatDate(from);
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** A stated figure as a number; "not stated" is kept apart from 0. */
function figure(value) {
  return Number.isInteger(value) ? String(value) : 'not stated';
}

function actorsText(p) {
  const details = Array.isArray(p.actor_details) ? p.actor_details : null;
  if (details && details.length) {
    return details.map((a) => (a.country_code ? `${a.name} (${a.country_code})` : a.name)).join('; ');
  }
  return Array.isArray(p.actors) && p.actors.length ? p.actors.join('; ') : null;
}

function sourcesSection(p) {
  const sources = Array.isArray(p.sources) && p.sources.length
    ? p.sources
    : [{ article_id: p.article_id, article_title: p.article_title, source_url: p.source_url, sentence: p.sentence }];
  const n = Number.isInteger(p.corroboration) ? p.corroboration : 1;
  return h('section', { class: 'popup-sources', 'data-testid': 'popup-sources' },
    h('h4', { class: 'popup-subhead' },
      n === 1 ? 'Source' : `Sources · corroborated by ${n} articles`),
    h('ol', { class: 'popup-source-list' },
      sources.map((s) => {
        const link = safeHttpUrl(s.source_url);
        const title = s.article_title || (link ? new URL(link).hostname : `Article ${s.article_id}`);
        return h('li', { class: 'popup-source-item' },
          link
            ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, title)
            : h('span', { class: 'popup-article' }, title),
          s.sentence ? h('blockquote', { class: 'popup-quote' }, s.sentence) : null);
      })));
}

/** A link to the event's own page: a stable address with its own card, to read, cite or share. */
export function eventPageLink(id) {
  if (id == null) return null;
  return h('p', { class: 'popup-page' },
    h('a', { href: `/events/${encodeURIComponent(String(id))}`, 'data-testid': 'popup-page-link' }, 'Event page · share'));
}

/**
 * @param {object} feature an event Feature from /api/events
 * @param {Node} [extra] appended at the end (the editor's tools)
 */
export function eventPopup(feature, extra = null) {
  const p = feature.properties || {};
  const type = eventTypeInfo(p.event_type);
  const approx = timePrecisionNote(p.time_precision);
  const typeText = p.sub_event_type && p.sub_event_type !== p.event_type
    ? `${p.event_type || type.label} · ${p.sub_event_type}`
    : p.event_type || type.label;
  const where = GEO_PRECISION_NOTES[p.geo_precision] || p.precision;
  const actors = actorsText(p);
  const corrected = Array.isArray(p.corrected) ? p.corrected : [];

  return h('div', { class: 'popup popup--event', 'data-testid': 'event-popup', dataset: { eventId: String(feature.id ?? p.id) } },
    h('p', { class: 'popup-kicker' },
      typeIconSvg(p.event_type, { size: 16 }),
      h('span', { class: 'popup-type', 'data-testid': 'popup-type' }, typeText),
      p.planned ? h('span', { class: 'badge badge--planned', 'data-testid': 'popup-planned' }, 'Planned') : null),
    h('h3', { class: 'popup-title' },
      p.place_name || 'Unknown place',
      where ? h('span', { class: 'popup-precision' }, ` (${where})`) : null),
    h('p', { class: 'popup-meta' },
      h('time', { datetime: p.event_date || null, 'data-testid': 'popup-date' }, formatDateRange(p.event_date, p.event_date_end)),
      approx ? ` (${approx})` : null),
    h('dl', { class: 'popup-figures' },
      h('div', {}, h('dt', {}, 'Fatalities'),
        h('dd', { 'data-testid': 'popup-fatalities', class: Number.isInteger(p.fatalities) ? null : 'is-unstated' }, figure(p.fatalities))),
      h('div', {}, h('dt', {}, 'Injuries'),
        h('dd', { 'data-testid': 'popup-injuries', class: Number.isInteger(p.injuries) ? null : 'is-unstated' }, figure(p.injuries)))),
    actors ? h('p', { class: 'popup-actors', 'data-testid': 'popup-actors' }, h('span', { class: 'popup-label' }, 'Actors: '), actors) : null,
    sourcesSection(p),
    eventPageLink(feature.id ?? p.id),
    corrected.length
      ? h('p', { class: 'popup-corrected', 'data-testid': 'popup-corrected' }, `Corrected by an editor: ${corrected.join(', ').replaceAll('_', ' ')}`)
      : null,
    extra,
  );
}
