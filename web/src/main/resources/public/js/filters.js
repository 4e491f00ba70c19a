// The filter form in the panel: text, event types and a date range. Its values are part of the
// URL state, so a shared link opens with the same filters.

import { h } from './dom.js';
import { EVENT_TYPE_NAMES, MAX_QUERY } from './urlState.js';
import { eventTypeInfo } from './format.js';

/**
 * @param {HTMLElement} container where the form goes
 * @param {(filters: {q: string|null, types: string[], from: string|null, to: string|null}) => void} onChange
 */
export function createFilterForm(container, onChange) {
  const q = h('input', { id: 'filter-q', type: 'search', maxlength: MAX_QUERY, placeholder: 'Place, words of the report…', autocomplete: 'off' });
  const from = h('input', { id: 'filter-from', type: 'date' });
  const to = h('input', { id: 'filter-to', type: 'date' });
  const types = EVENT_TYPE_NAMES.map((name) => h('input', { type: 'checkbox', value: name, 'data-type': name }));
  const clear = h('button', { type: 'button', id: 'filter-clear' }, 'Clear filters');

  const form = h('form', { id: 'filter-form', class: 'filter-form', role: 'search', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'filter-q' }, 'Search'), q),
    h('div', { class: 'field filter-dates' },
      h('label', { for: 'filter-from' }, 'From'), from,
      h('label', { for: 'filter-to' }, 'To'), to),
    h('fieldset', { class: 'filter-types' },
      h('legend', {}, 'Event types ', h('span', { class: 'optional' }, '(none ticked: all)')),
      types.map((input) => h('label', {},
        input,
        h('span', { class: 'swatch', style: `background:${eventTypeInfo(input.value).color}`, 'aria-hidden': 'true' }),
        ` ${input.value}`))),
    h('div', { class: 'form-actions' }, clear));
  container.append(form);

  const read = () => ({
    q: q.value.trim() || null,
    types: types.filter((t) => t.checked).map((t) => t.value).sort(),
    from: from.value || null,
    to: to.value || null,
  });

  let timer = null;
  const changed = (delay) => {
    clearTimeout(timer);
    timer = setTimeout(() => onChange(read()), delay);
  };
  q.addEventListener('input', () => changed(350));
  for (const input of [from, to, ...types]) input.addEventListener('change', () => changed(0));
  form.addEventListener('submit', (e) => { e.preventDefault(); changed(0); });
  clear.addEventListener('click', () => {
    q.value = '';
    from.value = '';
    to.value = '';
    types.forEach((t) => { t.checked = false; });
    changed(0);
  });

  return {
    /** Shows a state's filters without reporting a change. */
    set(state) {
      q.value = state.q || '';
      from.value = state.from || '';
      to.value = state.to || '';
      types.forEach((t) => { t.checked = (state.types || []).includes(t.value); });
    },
    read,
  };
}
