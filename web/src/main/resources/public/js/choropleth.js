// Choropleth mode: shades zones by events per 1000 km² and countries by events, for a period.

import { request } from './api.js';
import { h } from './dom.js';

const RAMP = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

function shade(value, max) {
  if (!value || max <= 0) return null;
  const i = Math.min(RAMP.length - 1, Math.floor((Math.log1p(value) / Math.log1p(max)) * RAMP.length));
  return RAMP[i];
}

/** The lower bound of each class of shade(): the value where its log scale crosses i/5 of max. */
export function classBreaks(max) {
  return RAMP.map((_, i) => Math.expm1((i / RAMP.length) * Math.log1p(max)));
}

/**
 * A scale bound for people: two significant digits below 100 ("1.2", "0.012", "47"), whole numbers
 * with thousands separators above ("1,234"), no float noise ("1.2000000001") nor trailing zeros.
 */
export function formatScaleValue(v) {
  if (!Number.isFinite(v) || v === 0) return '0';
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(a))));
  return Number(v.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
}

const fmt = formatScaleValue;

/** One scale: a swatch per class with its range, plus "none". */
function scale(title, max, unit) {
  const breaks = classBreaks(max);
  return h('section', { class: 'choropleth-scale', dataset: { max: String(max) } },
    h('h3', {}, title),
    h('ol', {},
      RAMP.map((color, i) => {
        const lo = i === 0 ? 0 : breaks[i];
        const hi = i === RAMP.length - 1 ? max : breaks[i + 1];
        return h('li', {}, h('span', { class: 'swatch', style: `background:${color}` }), `${fmt(lo)} – ${fmt(hi)}${unit}`);
      }).reverse(),
      h('li', {}, h('span', { class: 'swatch swatch--none' }), 'none')));
}

/** The choropleth's key: the zone and country scales of the shading now on the map. */
function createScaleLegend(map) {
  const box = h('div', { class: 'choropleth-legend leaflet-bar', id: 'choropleth-legend', 'data-testid': 'choropleth-legend', hidden: true });
  if (map) {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = () => {
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
  }
  return {
    show(maxZone, maxCountry, period) {
      box.hidden = false;
      box.replaceChildren(
        h('p', { class: 'hint' }, period ? `Events ${period.replace('/', ' to ').replace(/\.\./g, 'open')}` : 'Events, all dates'),
        maxZone > 0 ? scale('Zones: events per 1000 km²', maxZone, '') : h('p', {}, 'No events in any zone'),
        maxCountry > 0 ? scale('Countries: events', maxCountry, '') : null);
    },
    hide() {
      box.hidden = true;
      box.replaceChildren();
    },
  };
}

export function setupChoropleth(zones, countries, map) {
  const legend = createScaleLegend(map);
  const toggle = document.getElementById('choropleth-toggle');
  const from = document.getElementById('density-from');
  const to = document.getElementById('density-to');

  async function apply() {
    if (!toggle.checked) {
      zones.setStyle(zones.options.style);
      countries.setStyle(countries.options.style);
      document.body.classList.remove('choropleth');
      legend.hide();
      return;
    }
    const period = from.value || to.value ? `${from.value || '..'}/${to.value || '..'}` : '';
    const at = document.getElementById('zone-at').value;
    const params = new URLSearchParams();
    if (period) params.set('datetime', period);
    if (at) params.set('at', at);
    const d = await request(`/api/zones/density?${params}`);
    const byZone = new Map(d.zones.map((z) => [z.id, z.per_1000_km2]));
    const maxZone = Math.max(0, ...byZone.values());
    zones.setStyle((f) => {
      const c = shade(byZone.get(f.id), maxZone);
      return { fillColor: c || '#555', fillOpacity: c ? 0.7 : 0.1, color: '#222', weight: 1, dashArray: null };
    });
    const maxCountry = Math.max(0, ...Object.values(d.countries));
    countries.setStyle((f) => {
      const c = shade(d.countries[f.properties && f.properties.iso_a2], maxCountry);
      return { ...countries.options.style(f), fill: true, fillColor: c || '#232b37', fillOpacity: 1 };
    });
    document.body.classList.add('choropleth');
    legend.show(maxZone, maxCountry, period);
  }

  for (const el of [toggle, from, to]) el.addEventListener('change', () => apply().catch((e) => console.warn('choropleth', e)));
  return { apply };
}
