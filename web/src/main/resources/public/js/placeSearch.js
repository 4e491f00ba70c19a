// "Go to place": a search box on the map backed by /api/geocode. Type, pick with the mouse or the
// arrow keys and Enter, and the map flies there. A combobox with a listbox, as WAI-ARIA describes,
// so a keyboard or screen-reader user gets the same.

import { request } from './api.js';
import { h } from './dom.js';

const DEBOUNCE_MS = 200;
const ZOOM_BY_PRECISION = { country: 5, region: 7, town: 10 };

/** "region, Syria" for the region of Aleppo, "Aleppo, Syria" for a town in it: tells namesakes apart. */
function describe(r) {
  const kind = r.precision === 'region' || r.precision === 'country' ? r.precision : null;
  const where = [r.region, r.country].filter((s) => typeof s === 'string' && s && s !== r.name);
  return [kind, ...where].filter(Boolean).join(', ');
}

export function createPlaceSearch(map) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const list = h('ul', { id: 'place-search-results', role: 'listbox', 'aria-label': 'Places found', hidden: true });
    const input = h('input', {
      id: 'place-search',
      type: 'search',
      placeholder: 'Go to place…',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-label': 'Go to place',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'place-search-results',
    });
    const status = h('div', { class: 'place-search-status', role: 'status', 'aria-live': 'polite' });
    const root = h('div', { class: 'place-search leaflet-bar', 'data-testid': 'place-search' }, input, list, status);
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);

    let results = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(i) {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
      if (i >= 0 && list.children[i]) {
        input.setAttribute('aria-activedescendant', list.children[i].id);
        list.children[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function pick(r) {
      if (!r) return;
      close();
      input.value = r.name;
      status.textContent = `Showing ${r.name}`;
      const zoom = ZOOM_BY_PRECISION[r.precision] || 8;
      map.flyTo([r.lat, r.lon], Math.max(zoom, map.getMinZoom()), { duration: 0.8 });
      document.body.dataset.flownTo = r.place_key || r.name;
    }

    function show(found) {
      results = found;
      list.replaceChildren(...found.map((r, i) => h('li', {
        id: `place-search-option-${i}`,
        role: 'option',
        'aria-selected': 'false',
        dataset: { placeKey: r.place_key || '' },
        onmousedown: (e) => { e.preventDefault(); pick(r); },
      }, r.name, describe(r) ? h('small', {}, describe(r)) : null)));
      list.hidden = found.length === 0;
      input.setAttribute('aria-expanded', String(found.length > 0));
      status.textContent = found.length ? '' : 'No place of that name';
      highlight(found.length ? 0 : -1);
    }

    async function search() {
      const q = input.value.trim();
      const ticket = ++asked;
      if (!q) { close(); status.textContent = ''; return; }
      try {
        const d = await request(`/api/geocode?q=${encodeURIComponent(q)}&limit=6`);
        if (ticket === asked) show(d.results || []);
      } catch (err) {
        if (ticket === asked) { close(); status.textContent = `Search failed: ${err.message}`; }
      }
    }

    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', async (e) => {
      if (e.key === 'ArrowDown' && results.length) {
        e.preventDefault();
        if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
        highlight((active + 1) % results.length);
      } else if (e.key === 'ArrowUp' && results.length) {
        e.preventDefault();
        highlight((active - 1 + results.length) % results.length);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        clearTimeout(timer);
        // Enter before the list arrived searches first, then goes to the best match
        if (list.hidden || !results.length) await search();
        pick(results[Math.max(active, 0)]);
      } else if (e.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
    return root;
  };
  return control;
}
