// One icon per ACLED event type. Colour alone fails colour-blind readers, so every type also has
// its own glyph; the colours are the Okabe–Ito palette, distinguishable under the common forms of
// colour blindness. The colours themselves live in format.js (EVENT_TYPES) so the list and legend
// agree with the markers.

import { eventTypeInfo } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

// 24×24 glyphs, drawn in dark ink over the type's colour.
const GLYPHS = {
  // crossed blades: armed clashes
  battles: { stroke: 'M6.5 6.5l11 11M17.5 6.5l-11 11M5 9.5l4.5-4.5M15 19l4-4.5' },
  // a burst: explosions and remote violence
  explosions: { fill: 'M12 3.5l1.9 4.6 4.7-1.6-2 4.5 4.4 2.2-4.8 1.2.9 4.9-4.1-2.9-3.3 3.7-.5-4.9-4.9-.3 3.6-3.4-2.8-4.1 4.9.6z' },
  // a person: violence against civilians
  civilians: { fill: 'M12 4.2a2.6 2.6 0 1 1 0 5.2 2.6 2.6 0 0 1 0-5.2zM8.2 19.5l1.1-7.3c.2-1.2 1.2-1.9 2.7-1.9s2.5.7 2.7 1.9l1.1 7.3z' },
  // a flag: protests
  protests: { fill: 'M7 4.5h1.6v15H7zM9.4 5h8.8l-2.3 3.3 2.3 3.3H9.4z' },
  // a flame: riots
  riots: { fill: 'M12.3 3.8c.6 3-2.7 4.4-2.7 7.5 0 .9.4 1.7 1 2.2-.1-1.6.9-2.6 1.9-3.3.1 2 2.2 2.6 2.2 4.7 0 .4-.1.8-.3 1.1 1.6-.8 2.7-2.4 2.7-4.4 0-3.7-3.3-5.1-4.8-7.8zM12 20.2c-2.9 0-5-2-5-4.8 0-1.4.5-2.6 1.4-3.6-.1 2.8 2 3.2 2 5.3 0 1 .7 1.8 1.6 1.8s1.6-.8 1.6-1.8c0-.3 0-.6-.2-.9 1.9 1.1 1.5 4-1.4 4z' },
  // a diamond: strategic developments
  strategic: { fill: 'M12 4l8 8-8 8-8-8z' },
  // a question: unclassified
  other: { stroke: 'M9.2 9.2a2.9 2.9 0 1 1 4.3 2.5c-1 .6-1.5 1.2-1.5 2.3v.6M12 17.6v.4' },
};

const INK = '#14181f';

/** An <svg> of the type's glyph on a disc of its colour; `ring` draws only the outline. */
export function typeIconSvg(eventType, { size = 22, ring = false } = {}) {
  const type = eventTypeInfo(eventType);
  const glyph = GLYPHS[type.key] || GLYPHS.other;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `type-icon type-icon--${type.key}`);
  const disc = document.createElementNS(SVG_NS, 'circle');
  disc.setAttribute('cx', '12');
  disc.setAttribute('cy', '12');
  disc.setAttribute('r', ring ? '10.2' : '11');
  disc.setAttribute('fill', ring ? INK : type.color);
  disc.setAttribute('stroke', ring ? type.color : 'rgba(10,14,20,0.85)');
  disc.setAttribute('stroke-width', ring ? '2.6' : '1.2');
  if (ring) disc.setAttribute('stroke-dasharray', '4 2.2');
  svg.append(disc);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', glyph.fill || glyph.stroke);
  const ink = ring ? type.color : INK;
  if (glyph.fill) {
    path.setAttribute('fill', ink);
  } else {
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', ink);
    path.setAttribute('stroke-width', '2.2');
    path.setAttribute('stroke-linecap', 'round');
  }
  svg.append(path);
  return svg;
}

/**
 * The map marker of an event: its type's icon (a dashed ring when only the region or country is
 * known) and, when several articles report it, how many.
 */
export function eventDivIcon(feature) {
  const p = (feature && feature.properties) || {};
  const type = eventTypeInfo(p.event_type);
  const coarse = p.geo_precision === 3;
  const el = document.createElement('span');
  el.className = 'event-icon';
  el.append(typeIconSvg(p.event_type, { size: 24, ring: coarse }));
  const n = Number.isInteger(p.corroboration) ? p.corroboration : 1;
  if (n > 1) {
    const badge = document.createElement('span');
    badge.className = 'event-badge';
    badge.textContent = String(n);
    badge.title = `${n} sources`;
    el.append(badge);
  }
  if (p.planned) el.classList.add('is-planned');
  return L.divIcon({
    className: `event-marker event-marker--p${[1, 2, 3].includes(p.geo_precision) ? p.geo_precision : 1} event-marker--${type.key}`,
    html: el,
    iconSize: [24, 24],
    iconAnchor: [12, 12],
    popupAnchor: [0, -12],
  });
}
