// The zone panel: what happened inside the chosen zone (counts per type, fatalities, a small
// monthly chart drawn as inline SVG), what was left out and why, and the zone's history, from which
// an older outline can be shown on the map.

import { request } from './api.js';
import { h } from './dom.js';
import { formatValidity } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function text(x, y, content, anchor, cls = 'tick') {
  const t = svg('text', { x, y, 'text-anchor': anchor, class: cls });
  t.textContent = content;
  return t;
}

/**
 * Bars of events per period with the fatalities as a line, on labelled axes: events on the left,
 * fatalities on the right, the first and last period below. Small and dependency-free.
 */
export function chart(series) {
  const width = 300;
  const height = 130;
  const m = { left: 30, right: 30, top: 8, bottom: 30 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'zone-chart', role: 'img' });
  if (!series.length) return root;
  const maxEvents = Math.max(1, ...series.map((b) => b.events));
  const maxDead = Math.max(1, ...series.map((b) => b.fatalities));
  const w = plotW / series.length;
  const base = m.top + plotH;
  series.forEach((b, i) => {
    const bh = (b.events / maxEvents) * plotH;
    const bar = svg('rect', { x: m.left + i * w + 0.5, y: base - bh, width: Math.max(1, w - 1), height: bh, class: 'zone-chart-bar' });
    const title = svg('title', {});
    title.textContent = `${b.start}: ${b.events} event(s), ${b.fatalities} fatalities`;
    bar.append(title);
    root.append(bar);
  });
  const points = series.map((b, i) => `${m.left + i * w + w / 2},${base - (b.fatalities / maxDead) * plotH}`).join(' ');
  root.append(svg('polyline', { points, class: 'zone-chart-line', fill: 'none' }));
  // axes: x along the bottom, events on the left, fatalities on the right
  root.append(svg('line', { x1: m.left, y1: base, x2: m.left + plotW, y2: base, class: 'axis axis-x' }));
  root.append(svg('line', { x1: m.left, y1: m.top, x2: m.left, y2: base, class: 'axis axis-y' }));
  root.append(svg('line', { x1: m.left + plotW, y1: m.top, x2: m.left + plotW, y2: base, class: 'axis axis-y2' }));
  root.append(text(m.left - 4, m.top + 8, String(maxEvents), 'end'));
  root.append(text(m.left - 4, base, '0', 'end'));
  root.append(text(m.left + plotW + 4, m.top + 8, String(maxDead), 'start'));
  root.append(text(m.left + plotW + 4, base, '0', 'start'));
  const month = (start) => String(start || '').slice(0, 7);
  root.append(text(m.left, base + 11, month(series[0].start), 'start'));
  if (series.length > 1) root.append(text(m.left + plotW, base + 11, month(series[series.length - 1].start), 'end'));
  root.append(text(m.left, height - 2, '▮ events (left)', 'start', 'tick axis-title'));
  root.append(text(m.left + plotW, height - 2, '— fatalities (right)', 'end', 'tick axis-title'));
  root.setAttribute('aria-label',
    `${series.length} periods from ${month(series[0].start)} to ${month(series[series.length - 1].start)}; `
    + `at most ${maxEvents} events and ${maxDead} fatalities in one`);
  return root;
}

export function setupZonePanel(map, onEdit) {
  const box = document.getElementById('zone-info');
  let oldOutline = null;

  function clearOld() {
    if (oldOutline) map.removeLayer(oldOutline);
    oldOutline = null;
  }

  async function showVersion(id, version) {
    clearOld();
    const f = await request(`/api/zones/${id}/versions/${version}`);
    oldOutline = L.geoJSON(f, { style: { color: '#f5f5f5', weight: 2, dashArray: '4 4', fill: false } }).addTo(map);
    map.fitBounds(oldOutline.getBounds(), { maxZoom: 9 });
  }

  async function show(feature) {
    clearOld();
    if (!feature) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const p = feature.properties || {};
    box.hidden = false;
    box.dataset.zoneId = String(feature.id);
    box.replaceChildren(h('h3', {}, p.name || 'Unnamed zone'), h('p', { class: 'hint' }, formatValidity(p.valid_from, p.valid_to)), h('p', {}, 'Loading…'));
    const [stats, history] = await Promise.all([
      request(`/api/zones/${feature.id}/stats?interval=month`),
      request(`/api/zones/${feature.id}/history`),
    ]);
    const types = Object.entries(stats.total.by_type).sort((a, b) => b[1] - a[1]);
    // replaceChildren would write a null as the text "null": leave the absent parts out
    box.replaceChildren(...[
      h('h3', {}, p.name || 'Unnamed zone'),
      h('p', { class: 'hint' }, formatValidity(p.valid_from, p.valid_to)),
      h('p', { class: 'zone-total', dataset: { events: String(stats.total.events) } },
        `${stats.total.events} event(s) inside, ${stats.total.fatalities} fatalities`),
      types.length ? h('ul', { class: 'zone-types' }, types.map(([t, n]) => h('li', {}, `${t}: ${n}`))) : null,
      chart(stats.series),
      stats.excluded.count
        ? h('p', { class: 'hint zone-excluded' }, `${stats.excluded.count} event(s) left out: `,
          stats.excluded.reasons.map((r) => (r.why ? `${r.count} ${r.why}` : String(r.count))).join('; '))
        : null,
      h('div', { class: 'form-actions' }, h('button', { type: 'button', id: 'zone-edit', onclick: () => onEdit(feature) }, 'Edit zone')),
      h('h4', {}, 'History'),
      h('ol', { class: 'zone-history' }, history.versions.map((v) =>
        h('li', {},
          `v${v.version} ${v.action || 'changed'}${v.editor ? ` by ${v.editor}` : ''}${v.changed_at ? `, ${String(v.changed_at).slice(0, 10)}` : ''}`,
          Array.isArray(v.changes) && v.changes.length && v.action === 'updated' ? ` (${v.changes.join(', ')})` : '',
          ' ',
          h('button', { type: 'button', class: 'link-button', onclick: () => showVersion(feature.id, v.version) }, 'show')))),
    ].filter(Boolean));
  }

  return { show };
}
