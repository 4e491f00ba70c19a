// A compact, collapsible key to the markers: an icon per ACLED event type (colour and glyph, so it
// reads without colour vision), how precisely an event is placed, and the source count badge.
// Data credits live in the attribution control.

import { h } from './dom.js';
import { EVENT_TYPES } from './format.js';
import { typeIconSvg } from './icons.js';

export function createLegend() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const el = h('div', { class: 'legend leaflet-bar', 'data-testid': 'legend' },
      h('details', { open: !window.matchMedia('(max-width: 720px)').matches },
        h('summary', {}, 'Legend'),
        h('ul', { class: 'legend-types' },
          EVENT_TYPES.map((t) => h('li', {},
            typeIconSvg(t.key === 'other' ? 'Unclassified' : t.label, { size: 16 }),
            t.key === 'other' ? 'Unclassified' : t.label))),
        h('ul', { class: 'legend-precision' },
          h('li', {}, typeIconSvg('Battles', { size: 14 }), 'In a town'),
          h('li', {}, h('span', { class: 'legend-circle', 'aria-hidden': 'true' }), 'Near a town (circle ≈ 5 km)'),
          h('li', {}, typeIconSvg('Battles', { size: 14, ring: true }),
            'Region or country only: hover for its approximate outline'),
          h('li', {}, h('span', { class: 'legend-badge', 'aria-hidden': 'true' }, '2'), 'Reported by 2 articles'))));
    // Scrolling or clicking in the legend must not pan or zoom the map underneath.
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    return el;
  };
  return control;
}
