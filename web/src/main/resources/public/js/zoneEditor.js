// The zone editor: draw a polygon (Leaflet.draw), reshape or delete a zone, set its name, kind,
// description, colour and validity, and save it through the API. Also: the "in force on" date that
// filters the zone layer, and GeoJSON/KML import through a file picker.

import { ApiError, editHeaders, request } from './api.js';
import { h } from './dom.js';

const KINDS = [
  ['de-escalation-zone', 'De-escalation zone'],
  ['demilitarised-zone', 'Demilitarised zone'],
  ['area-of-control', 'Area of control'],
  ['other', 'Other'],
];

/**
 * @param {L.Map} map
 * @param {L.GeoJSON} zones the zone layer (its features are what the API returned)
 * @param {(zoneFeature: object|null) => void} onSelect called when a zone is chosen for the panel
 */
export function setupZoneEditor(map, zones, onSelect) {
  const form = document.getElementById('zone-form');
  const status = document.getElementById('zone-status');
  const atInput = document.getElementById('zone-at');
  const fields = {
    name: document.getElementById('zone-name'),
    kind: document.getElementById('zone-kind'),
    description: document.getElementById('zone-description'),
    color: document.getElementById('zone-color'),
    validFrom: document.getElementById('zone-valid-from'),
    validTo: document.getElementById('zone-valid-to'),
  };
  fields.kind.replaceChildren(...KINDS.map(([v, label]) => h('option', { value: v }, label)));

  // What is being edited: a new drawn layer, or an existing zone's layer with its id.
  let current = null;
  let drawer = null;

  function say(text, state) {
    status.textContent = text;
    status.dataset.state = state;
  }

  async function reload() {
    const at = atInput.value;
    const fc = await request(at ? `/api/zones?at=${encodeURIComponent(at)}` : '/api/zones');
    zones.clearLayers();
    zones.addData(fc);
    document.body.dataset.zonesAt = at || '';
    return fc;
  }

  function openForm(props) {
    form.hidden = false;
    fields.name.value = props.name || '';
    fields.kind.value = props.kind || 'other';
    fields.description.value = props.description || '';
    fields.color.value = (props.style && /^#[0-9a-f]{6}$/i.test(props.style.color)) ? props.style.color : '#e0633a';
    fields.validFrom.value = props.valid_from || new Date().toISOString().slice(0, 10);
    fields.validTo.value = props.valid_to || '';
    document.getElementById('zone-delete').hidden = !current || current.id == null;
    fields.name.focus();
  }

  function stopEditing() {
    if (drawer) drawer.disable();
    drawer = null;
    if (current && current.layer.editing) current.layer.editing.disable();
    if (current && current.id == null) map.removeLayer(current.layer);
    current = null;
    form.hidden = true;
    document.getElementById('zone-finish').hidden = true;
  }

  document.getElementById('zone-draw').addEventListener('click', () => {
    stopEditing();
    drawer = new L.Draw.Polygon(map, { allowIntersection: false, showArea: false, shapeOptions: { color: '#e0633a' } });
    drawer.enable();
    document.getElementById('zone-finish').hidden = false;
    say('Click on the map to place the corners; click the first corner or Finish to close the shape.', 'drawing');
  });

  document.getElementById('zone-finish').addEventListener('click', () => {
    if (drawer) drawer.completeShape();
  });

  map.on(L.Draw.Event.CREATED, (e) => {
    drawer = null;
    document.getElementById('zone-finish').hidden = true;
    e.layer.addTo(map);
    current = { layer: e.layer, id: null };
    openForm({});
    say('Name the zone, set its dates and save.', 'editing');
  });

  zones.on('click', (e) => {
    const feature = e.layer.feature;
    if (!feature) return;
    onSelect(feature);
  });

  /** Starts reshaping an existing zone (called from the zone panel). */
  function edit(feature) {
    stopEditing();
    const layer = zones.getLayers().find((l) => l.feature && l.feature.id === feature.id);
    if (!layer) return;
    current = { layer, id: feature.id };
    if (layer.editing) layer.editing.enable();
    openForm(feature.properties || {});
    say('Drag the corners to reshape the zone, then save.', 'editing');
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!current) return;
    const geometry = current.layer.toGeoJSON().geometry;
    const feature = {
      type: 'Feature',
      geometry,
      properties: {
        name: fields.name.value.trim(),
        kind: fields.kind.value,
        description: fields.description.value.trim() || null,
        style: { color: fields.color.value, fillColor: fields.color.value },
        valid_from: fields.validFrom.value || null,
        valid_to: fields.validTo.value || null,
      },
    };
    const isNew = current.id == null;
    try {
      const saved = await request(isNew ? '/api/zones' : `/api/zones/${current.id}`, {
        method: isNew ? 'POST' : 'PUT',
        headers: { 'Content-Type': 'application/geo+json', ...editHeaders() },
        body: JSON.stringify(feature),
      });
      stopEditing();
      await reload();
      const repaired = saved.repaired ? ` ${saved.repaired.detail}` : '';
      say(`Saved “${saved.properties.name}”.${repaired}`, 'success');
      onSelect(saved);
    } catch (err) {
      say(err instanceof ApiError ? err.message : String(err), 'error');
    }
  });

  document.getElementById('zone-cancel').addEventListener('click', async () => {
    stopEditing();
    await reload();
    say('', 'idle');
  });

  document.getElementById('zone-delete').addEventListener('click', async () => {
    if (!current || current.id == null) return;
    if (!window.confirm(`Delete “${fields.name.value}”? Its history is kept.`)) return;
    try {
      await request(`/api/zones/${current.id}`, { method: 'DELETE', headers: editHeaders() })
        .catch((err) => { if (!(err instanceof SyntaxError)) throw err; });
      stopEditing();
      await reload();
      onSelect(null);
      say('Zone deleted.', 'success');
    } catch (err) {
      say(err.message, 'error');
    }
  });

  atInput.addEventListener('change', () => reload().catch((err) => say(err.message, 'error')));
  // Another control (a time filter) may set the map's date: the zones follow it.
  document.addEventListener('conflictmap:date', (e) => {
    atInput.value = (e.detail && e.detail.date) || '';
    reload().catch((err) => say(err.message, 'error'));
  });

  document.getElementById('zone-import-file').addEventListener('change', async (e) => {
    const file = e.target.files && e.target.files[0];
    if (!file) return;
    const kml = /\.kml$/i.test(file.name);
    try {
      const result = await request('/api/zones/import', {
        method: 'POST',
        headers: { 'Content-Type': kml ? 'application/vnd.google-earth.kml+xml' : 'application/geo+json', ...editHeaders() },
        body: await file.text(),
      });
      await reload();
      say(`Imported ${result.imported} zone(s) from ${file.name}.`, 'success');
    } catch (err) {
      say(`${file.name}: ${err.message}`, 'error');
    } finally {
      e.target.value = '';
    }
  });

  return { reload, edit };
}
