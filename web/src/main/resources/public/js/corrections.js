// Corrections in the map: an editor edits an event's type, dates and figures in its popup, drags
// it to a new place, or deletes it (after a confirmation). Every write carries editHeaders(); a
// server with an editor token refuses writes without it, so the form can store the token.

import { ApiError, editHeaders, request } from './api.js';
import { h } from './dom.js';
import { eventPopup } from './popups.js';

const TOKEN_KEY = 'conflictmap.editorToken';
const NAME_KEY = 'conflictmap.editorName';

let typesPromise = null;

/** ACLED types and sub-types, as the server validates them. */
function acledTypes() {
  if (!typesPromise) {
    typesPromise = request('/api/event-types').then((r) => r.types).catch((err) => {
      typesPromise = null;
      throw err;
    });
  }
  return typesPromise;
}

function stored(key) {
  try { return localStorage.getItem(key) || ''; } catch { return ''; }
}

function store(key, value) {
  try {
    if (value) localStorage.setItem(key, value); else localStorage.removeItem(key);
  } catch {
    // blocked storage: the edit goes without credentials and the server says so
  }
}

const patchEvent = (id, changes) => request(`/api/events/${encodeURIComponent(id)}`, {
  method: 'PATCH',
  headers: { 'Content-Type': 'application/json', ...editHeaders() },
  body: JSON.stringify(changes),
});

async function deleteEvent(id) {
  let response;
  try {
    response = await fetch(`/api/events/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { Accept: 'application/problem+json', ...editHeaders() },
    });
  } catch (err) {
    throw new ApiError('Network error', `Could not reach the server (${err.message})`, 0);
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not a problem document */ }
    throw new ApiError((body && body.title) || 'Delete refused', (body && body.detail) || `HTTP ${response.status}`, response.status);
  }
}

function errorText(err) {
  if (err instanceof ApiError) {
    return err.status === 401 ? `${err.detail} Enter the editor token below.` : `${err.title}: ${err.detail}`;
  }
  return String(err && err.message ? err.message : err);
}

function field(label, input, hint) {
  const id = `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null);
}

/** An empty number input means "not stated" (null), which is not 0. */
function figureValue(input) {
  const v = input.value.trim();
  return v === '' ? null : Number(v);
}

/**
 * @param {object} deps
 * @param {L.Map} deps.map
 * @param {object} deps.events the event layer from createEventLayer
 * @param {() => void} deps.onChange called after an event changed or went
 */
export function createCorrections({ map, events, onChange = () => {} }) {
  function popup(marker) {
    return eventPopup(marker.feature, tools(marker));
  }

  function show(marker, content) {
    const open = () => {
      marker.setPopupContent(content);
      if (!marker.isPopupOpen()) marker.openPopup();
      marker.setPopupContent(content);
    };
    // a moved marker may have gone into a cluster: bring it out first
    if (marker._map) open(); else events.layer.zoomToShowLayer(marker, open);
  }

  function tools(marker) {
    const id = marker.feature.id ?? marker.feature.properties.id;
    const history = h('div', { class: 'popup-history', 'data-testid': 'popup-history' });
    const confirmRow = h('div', { class: 'popup-confirm', hidden: true, role: 'group', 'aria-label': 'Confirm deletion' },
      h('p', {}, 'Delete this event? It stays deleted even when its article is ingested again.'),
      h('button', { type: 'button', class: 'danger', 'data-testid': 'confirm-delete', onclick: () => remove(marker, id, confirmRow) }, 'Delete'),
      h('button', { type: 'button', onclick: () => { confirmRow.hidden = true; } }, 'Cancel'),
      h('p', { class: 'form-error', role: 'alert' }));
    return h('div', { class: 'popup-tools' },
      h('div', { class: 'popup-actions' },
        h('button', { type: 'button', 'data-testid': 'edit-event', onclick: () => edit(marker) }, 'Edit'),
        h('button', { type: 'button', 'data-testid': 'move-event', onclick: () => startMove(marker) }, 'Move'),
        h('button', { type: 'button', 'data-testid': 'delete-event', onclick: () => { confirmRow.hidden = false; } }, 'Delete'),
        h('button', { type: 'button', 'data-testid': 'history-event', onclick: () => loadHistory(id, history) }, 'History')),
      confirmRow,
      history);
  }

  async function remove(marker, id, row) {
    const error = row.querySelector('.form-error');
    error.textContent = '';
    try {
      await deleteEvent(id);
      events.remove(id);
      onChange();
    } catch (err) {
      error.textContent = errorText(err);
    }
  }

  async function loadHistory(id, el) {
    el.replaceChildren(h('p', { class: 'hint' }, 'Loading history…'));
    try {
      const r = await request(`/api/events/${encodeURIComponent(id)}/history`);
      el.replaceChildren(r.corrections.length
        ? h('ol', { class: 'history-list' }, r.corrections.map((c) => h('li', {},
          h('span', { class: 'history-field' }, c.field.replaceAll('_', ' ')), ': ',
          c.old ?? 'not stated', ' → ', c.new ?? 'not stated',
          h('span', { class: 'history-who' }, ` (${c.editor}, ${new Date(c.at).toLocaleString()})`))))
        : h('p', { class: 'hint' }, 'No corrections yet.'));
    } catch (err) {
      el.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, errorText(err)));
    }
  }

  async function edit(marker) {
    const p = marker.feature.properties;
    const id = marker.feature.id ?? p.id;
    let types;
    try {
      types = await acledTypes();
    } catch (err) {
      show(marker, eventPopup(marker.feature, h('p', { class: 'form-error', role: 'alert' }, errorText(err))));
      return;
    }
    const typeSelect = h('select', { name: 'event_type', 'data-testid': 'edit-type' },
      types.map((t) => h('option', { value: t.event_type, selected: t.event_type === p.event_type }, t.event_type)));
    if (!types.some((t) => t.event_type === p.event_type)) {
      typeSelect.prepend(h('option', { value: '', selected: true, disabled: true }, p.event_type || 'Unclassified'));
    }
    const subSelect = h('select', { name: 'sub_event_type', 'data-testid': 'edit-subtype' });
    const fillSubTypes = () => {
      const t = types.find((x) => x.event_type === typeSelect.value);
      subSelect.replaceChildren(h('option', { value: '' }, '(none)'),
        ...(t ? t.sub_event_types : []).map((s) => h('option', { value: s, selected: s === p.sub_event_type }, s)));
    };
    typeSelect.addEventListener('change', fillSubTypes);
    fillSubTypes();
    const date = h('input', { type: 'date', name: 'event_date', value: p.event_date || '', required: true, 'data-testid': 'edit-date' });
    const end = h('input', { type: 'date', name: 'event_date_end', value: p.event_date_end || '', 'data-testid': 'edit-date-end' });
    const fatalities = h('input', { type: 'number', min: 0, step: 1, name: 'fatalities', placeholder: 'not stated',
      value: Number.isInteger(p.fatalities) ? p.fatalities : '', 'data-testid': 'edit-fatalities' });
    const injuries = h('input', { type: 'number', min: 0, step: 1, name: 'injuries', placeholder: 'not stated',
      value: Number.isInteger(p.injuries) ? p.injuries : '', 'data-testid': 'edit-injuries' });
    const planned = h('input', { type: 'checkbox', name: 'planned', checked: !!p.planned, 'data-testid': 'edit-planned' });
    const editor = h('input', { type: 'text', name: 'editor', value: stored(NAME_KEY), autocomplete: 'name' });
    const token = h('input', { type: 'password', name: 'token', value: stored(TOKEN_KEY), autocomplete: 'off' });
    const error = h('p', { class: 'form-error', role: 'alert', 'data-testid': 'edit-error' });

    const form = h('form', { class: 'popup-form', 'data-testid': 'edit-form', novalidate: true },
      h('h3', { class: 'popup-title' }, `Correct: ${p.place_name || 'event'}`),
      field('Event type', typeSelect),
      field('Sub-event type', subSelect),
      h('div', { class: 'field-row' }, field('Date', date), field('Until', end, 'for a range')),
      h('div', { class: 'field-row' },
        field('Fatalities', fatalities), field('Injuries', injuries)),
      h('p', { class: 'hint' }, 'Leave a figure empty when the sources state none; 0 means none died.'),
      h('label', { class: 'check' }, planned, ' Planned (announced, not yet happened)'),
      h('details', { class: 'editor-creds', open: !stored(TOKEN_KEY) && !stored(NAME_KEY) },
        h('summary', {}, 'Editor'),
        field('Your name', editor), field('Editor token', token, 'only if this server requires one')),
      error,
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', 'data-testid': 'edit-save' }, 'Save'),
        h('button', { type: 'button', onclick: () => show(marker, popup(marker)) }, 'Cancel')));
    L.DomEvent.disableClickPropagation(form);

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      store(NAME_KEY, editor.value.trim());
      store(TOKEN_KEY, token.value.trim());
      const changes = {};
      const setIf = (key, value, current) => { if (value !== current) changes[key] = value; };
      if (typeSelect.value) setIf('event_type', typeSelect.value, p.event_type);
      setIf('sub_event_type', subSelect.value || null, p.sub_event_type ?? null);
      setIf('event_date', date.value, p.event_date);
      setIf('event_date_end', end.value || null, p.event_date_end ?? null);
      setIf('fatalities', figureValue(fatalities), p.fatalities ?? null);
      setIf('injuries', figureValue(injuries), p.injuries ?? null);
      setIf('planned', planned.checked, !!p.planned);
      if (!Object.keys(changes).length) {
        show(marker, popup(marker));
        return;
      }
      error.textContent = '';
      form.setAttribute('aria-busy', 'true');
      try {
        const updated = await patchEvent(id, changes);
        events.update(updated);
        onChange();
        show(marker, popup(marker));
      } catch (err) {
        error.textContent = errorText(err);
      } finally {
        form.removeAttribute('aria-busy');
      }
    });
    show(marker, form);
  }

  function startMove(marker) {
    const id = marker.feature.id ?? marker.feature.properties.id;
    const from = marker.getLatLng();
    marker.closePopup();
    if (!marker.dragging) return;
    marker.dragging.enable();
    marker.getElement()?.classList.add('is-moving');
    marker.bindTooltip('Drag to the right place', { permanent: true, direction: 'top', className: 'cm-tooltip' }).openTooltip();
    marker.once('dragend', () => {
      marker.dragging.disable();
      marker.unbindTooltip();
      marker.getElement()?.classList.remove('is-moving');
      const to = marker.getLatLng();
      const error = h('p', { class: 'form-error', role: 'alert' });
      const confirm = h('div', { class: 'popup popup-move', 'data-testid': 'move-confirm' },
        h('p', {}, `Move this event to ${to.lat.toFixed(4)}, ${to.lng.toFixed(4)}?`),
        error,
        h('div', { class: 'form-actions' },
          h('button', {
            type: 'button',
            'data-testid': 'move-save',
            onclick: async () => {
              try {
                const updated = await patchEvent(id, { lat: Number(to.lat.toFixed(6)), lon: Number(L.Util.wrapNum(to.lng, [-180, 180], true).toFixed(6)) });
                events.update(updated);
                onChange();
                show(marker, popup(marker));
              } catch (err) {
                error.textContent = errorText(err);
              }
            },
          }, 'Save position'),
          h('button', { type: 'button', onclick: () => { marker.setLatLng(from); show(marker, popup(marker)); } }, 'Cancel')));
      show(marker, confirm);
    });
  }

  return { popup };
}
