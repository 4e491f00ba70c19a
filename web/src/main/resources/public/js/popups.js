// Popup contents for zones and events, as DOM nodes (see dom.js for why not HTML strings).

import { h, safeHttpUrl } from './dom.js';
import { eventTypeInfo, formatDate, formatValidity, timePrecisionNote, zoneKindLabel } from './format.js';

export function zonePopup(feature) {
  const p = feature.properties || {};
  return h('div', { class: 'popup popup--zone' },
    h('p', { class: 'popup-kicker' }, zoneKindLabel(p.kind)),
    h('h3', { class: 'popup-title' }, p.name || 'Unnamed zone'),
    h('p', { class: 'popup-meta' }, formatValidity(p.valid_from, p.valid_to)),
    p.description ? h('p', { class: 'popup-text' }, p.description) : null,
  );
}

export function eventPopup(feature) {
  const p = feature.properties || {};
  const type = eventTypeInfo(p.event_type);
  const approx = timePrecisionNote(p.time_precision);
  const link = safeHttpUrl(p.source_url);
  const typeText = p.sub_event_type && p.sub_event_type !== p.event_type
    ? `${p.event_type || type.label} · ${p.sub_event_type}`
    : p.event_type || type.label;

  return h('div', { class: 'popup popup--event' },
    h('p', { class: 'popup-kicker' },
      h('span', { class: 'swatch', style: `background:${type.color}`, 'aria-hidden': 'true' }),
      typeText),
    h('h3', { class: 'popup-title' },
      p.place_name || 'Unknown place',
      p.precision ? h('span', { class: 'popup-precision' }, ` (${p.precision})`) : null),
    h('p', { class: 'popup-meta' },
      h('time', { datetime: p.event_date || null }, formatDate(p.event_date)),
      approx ? ` (${approx})` : null,
      Number.isInteger(p.fatalities) ? ` · ${p.fatalities} fatalities` : null),
    p.sentence ? h('blockquote', { class: 'popup-quote' }, p.sentence) : null,
    h('p', { class: 'popup-source' },
      h('span', { class: 'popup-article' }, p.article_title || 'Untitled article'),
      link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, 'Source') : null),
  );
}
