// Choropleth mode: shades zones by events per 1000 km² and countries by events, for a period.

import { request } from './api.js';

const RAMP = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

function shade(value, max) {
  if (!value || max <= 0) return null;
  const i = Math.min(RAMP.length - 1, Math.floor((Math.log1p(value) / Math.log1p(max)) * RAMP.length));
  return RAMP[i];
}

export function setupChoropleth(zones, countries) {
  const toggle = document.getElementById('choropleth-toggle');
  const from = document.getElementById('density-from');
  const to = document.getElementById('density-to');

  async function apply() {
    if (!toggle.checked) {
      zones.setStyle(zones.options.style);
      countries.setStyle(countries.options.style);
      document.body.classList.remove('choropleth');
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
  }

  for (const el of [toggle, from, to]) el.addEventListener('change', () => apply().catch((e) => console.warn('choropleth', e)));
  return { apply };
}
