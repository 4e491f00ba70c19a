// A compact, collapsible key to marker colours and shapes. Data credits live in the attribution control.

import { h } from './dom.js';
import { EVENT_TYPES } from './format.js';

export function createLegend() {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const el = h('div', { class: 'legend leaflet-bar' },
      h('details', { open: !window.matchMedia('(max-width: 720px)').matches },
        h('summary', {}, 'Legend'),
        h('ul', { class: 'legend-types' },
          EVENT_TYPES.map((t) => h('li', {},
            h('span', { class: 'swatch', style: `background:${t.color}`, 'aria-hidden': 'true' }), t.label))),
        h('ul', { class: 'legend-precision' },
          h('li', {}, h('span', { class: 'legend-marker event-marker--town', 'aria-hidden': 'true' }), 'Town'),
          h('li', {}, h('span', { class: 'legend-marker event-marker--region', 'aria-hidden': 'true' }), 'Region'),
          h('li', {}, h('span', { class: 'legend-marker event-marker--country', 'aria-hidden': 'true' }), 'Country'))));
    // Scrolling or clicking in the legend must not pan or zoom the map underneath.
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    return el;
  };
  return control;
}
