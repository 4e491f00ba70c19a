// The filter form in the panel: text, event types, a date range and a zone. Its values are part of
// the URL state, so a shared link opens with the same filters; the active ones show as chips above
// the form, each removable on its own.

import { h } from './dom.js';
import { EVENT_TYPE_NAMES, MAX_QUERY } from './urlState.js';
import { eventTypeInfo, formatDate } from './format.js';

/**
 * @param {HTMLElement} container where the form goes
 * @param {(filters: {q: string|null, types: string[], from: string|null, to: string|null}) => void} onChange
 */
export function createFilterForm(container, onChange) {
  const q = h('input', { id: 'filter-q', type: 'search', maxlength: MAX_QUERY, placeholder: 'Place, words of the report…', autocomplete: 'off' });
  const from = h('input', { id: 'filter-from', type: 'date' });
  const to = h('input', { id: 'filter-to', type: 'date' });
  const types = EVENT_TYPE_NAMES.map((name) => h('input', { type: 'checkbox', value: name, 'data-type': name }));
  const zone = h('select', { id: 'filter-zone' }, h('option', { value: '' }, 'Any zone'));
  const country = h('input', { id: 'filter-country', type: 'text', maxlength: 100, placeholder: 'SY,TR', autocomplete: 'off', 'aria-describedby': 'filter-country-hint' });
  const actor = h('input', { id: 'filter-actor', type: 'search', maxlength: MAX_QUERY, placeholder: 'Actor named in the report', autocomplete: 'off' });
  const precisions = [[1, 'town'], [2, 'near a town'], [3, 'region']].map(([v, text]) =>
    [h('input', { type: 'checkbox', value: String(v), 'data-precision': String(v) }), text]);
  const fatalities = h('input', { id: 'filter-fatalities', type: 'number', min: '0', max: '999999', step: '1', inputmode: 'numeric' });
  const clear = h('button', { type: 'button', id: 'filter-clear' }, 'Clear filters');
  const chips = h('ul', { class: 'filter-chips', id: 'filter-chips', 'data-testid': 'filter-chips', 'aria-label': 'Active filters' });
  const zoneNames = new Map();

  const form = h('form', { id: 'filter-form', class: 'filter-form', role: 'search', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'filter-q' }, 'Search'), q),
    h('div', { class: 'field' }, h('label', { for: 'filter-zone' }, 'Zone'), zone),
    h('div', { class: 'field filter-dates' },
      h('label', { for: 'filter-from' }, 'From'), from,
      h('label', { for: 'filter-to' }, 'To'), to),
    h('fieldset', { class: 'filter-types' },
      h('legend', {}, 'Event types ', h('span', { class: 'optional' }, '(none ticked: all)')),
      types.map((input) => h('label', {},
        input,
        h('span', { class: 'swatch', style: `background:${eventTypeInfo(input.value).color}`, 'aria-hidden': 'true' }),
        ` ${input.value}`))),
    h('div', { class: 'field' }, h('label', { for: 'filter-country' }, 'Countries'), country,
      h('span', { class: 'hint', id: 'filter-country-hint' }, 'Two-letter codes, comma-separated')),
    h('div', { class: 'field' }, h('label', { for: 'filter-actor' }, 'Actor'), actor),
    h('fieldset', { class: 'filter-precision' },
      h('legend', {}, 'Located to ', h('span', { class: 'optional' }, '(none ticked: any)')),
      precisions.map(([input, text]) => h('label', {}, input, ` ${text}`))),
    h('div', { class: 'field' }, h('label', { for: 'filter-fatalities' }, 'At least this many killed'), fatalities),
    h('div', { class: 'form-actions' }, clear));
  container.append(chips, form);

  const read = () => ({
    q: q.value.trim() || null,
    types: types.filter((t) => t.checked).map((t) => t.value).sort(),
    from: from.value || null,
    to: to.value || null,
    zone: zone.value ? Number(zone.value) : null,
    countries: [...new Set(country.value.split(',').map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))].sort(),
    actor: actor.value.trim() || null,
    precisions: precisions.filter(([i]) => i.checked).map(([i]) => Number(i.value)),
    minFatalities: /^\d{1,6}$/.test(fatalities.value) && Number(fatalities.value) > 0 ? Number(fatalities.value) : null,
  });

  const zoneLabel = (id) => zoneNames.get(id) || `Zone ${id}`;

  /** One chip per active filter; its button removes just that filter. */
  function renderChips(f) {
    const chip = (kind, text, remove) => h('li', { class: 'filter-chip', dataset: { chip: kind } },
      h('span', {}, text),
      h('button', { type: 'button', class: 'filter-chip-remove', 'aria-label': `Remove filter: ${text}`, onclick: () => { remove(); changed(0); } }, '×'));
    const items = [];
    if (f.zone != null) items.push(chip('zone', `Zone: ${zoneLabel(f.zone)}`, () => { zone.value = ''; }));
    if (f.from || f.to) {
      const text = f.from && f.to ? (f.from === f.to ? formatDate(f.from) : `${formatDate(f.from)} – ${formatDate(f.to)}`)
        : f.from ? `Since ${formatDate(f.from)}` : `Until ${formatDate(f.to)}`;
      items.push(chip('dates', text, () => { from.value = ''; to.value = ''; }));
    }
    for (const t of f.types || []) {
      items.push(chip('type', t, () => { types.forEach((i) => { if (i.value === t) i.checked = false; }); }));
    }
    if (f.q) items.push(chip('q', `“${f.q}”`, () => { q.value = ''; }));
    if (f.countries && f.countries.length) items.push(chip('country', `In ${f.countries.join(', ')}`, () => { country.value = ''; }));
    if (f.actor) items.push(chip('actor', `Actor: ${f.actor}`, () => { actor.value = ''; }));
    for (const v of f.precisions || []) {
      const [input, text] = precisions[v - 1];
      items.push(chip('precision', `Located: ${text}`, () => { input.checked = false; }));
    }
    if (f.minFatalities != null) items.push(chip('fatalities', `≥ ${f.minFatalities} killed`, () => { fatalities.value = ''; }));
    chips.replaceChildren(...items);
    chips.hidden = !items.length;
  }

  let timer = null;
  const changed = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const f = read();
      renderChips(f);
      onChange(f);
    }, delay);
  };
  q.addEventListener('input', () => changed(350));
  actor.addEventListener('input', () => changed(350));
  for (const input of [from, to, zone, country, fatalities, ...types, ...precisions.map(([i]) => i)]) input.addEventListener('change', () => changed(0));
  form.addEventListener('submit', (e) => { e.preventDefault(); changed(0); });
  clear.addEventListener('click', () => {
    q.value = '';
    from.value = '';
    to.value = '';
    types.forEach((t) => { t.checked = false; });
    zone.value = '';
    country.value = '';
    actor.value = '';
    precisions.forEach(([i]) => { i.checked = false; });
    fatalities.value = '';
    changed(0);
  });

  /** Chooses a zone; one not (yet) in the list gets an option of its own, so the filter stays visible. */
  function setZoneValue(id) {
    if (id == null) {
      zone.value = '';
      return;
    }
    if (![...zone.options].some((o) => o.value === String(id))) zone.append(h('option', { value: String(id) }, zoneLabel(id)));
    zone.value = String(id);
  }

  return {
    /** Shows a state's filters without reporting a change. */
    set(state) {
      q.value = state.q || '';
      from.value = state.from || '';
      to.value = state.to || '';
      types.forEach((t) => { t.checked = (state.types || []).includes(t.value); });
      setZoneValue(state.zone);
      country.value = (state.countries || []).join(',');
      actor.value = state.actor || '';
      precisions.forEach(([i]) => { i.checked = (state.precisions || []).includes(Number(i.value)); });
      fatalities.value = state.minFatalities != null ? String(state.minFatalities) : '';
      renderChips(read());
    },
    /** Shows a period chosen on the time slider without reporting a change. */
    setDates(fromValue, toValue) {
      from.value = fromValue || '';
      to.value = toValue || '';
      renderChips(read());
    },
    /** The zones the picker offers (a zone FeatureCollection); keeps the chosen one. */
    setZones(fc) {
      const chosen = zone.value;
      zoneNames.clear();
      const features = ((fc && fc.features) || []).filter((f) => f.id != null);
      for (const f of features) zoneNames.set(Number(f.id), (f.properties && f.properties.name) || `Zone ${f.id}`);
      zone.replaceChildren(h('option', { value: '' }, 'Any zone'),
        [...zoneNames].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => h('option', { value: String(id) }, name)));
      setZoneValue(chosen ? Number(chosen) : null);
      renderChips(read());
    },
    /** Drops the dates (the empty list's "all dates" offer) and reports the change. */
    widen() {
      from.value = '';
      to.value = '';
      changed(0);
    },
    read,
  };
}
