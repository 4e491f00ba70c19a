// The time slider under the map: a histogram of the filtered events per day, week or month (the
// server's /api/events/histogram, under every filter but the dates), the chosen period drawn over
// it (drag across the bars to choose another), and a play button that moves the period forward one
// step at a time, the map and the zones in force following.

import { request } from './api.js';
import { h } from './dom.js';
import { formatDate } from './format.js';

const DAY_MS = 86400000;
const STEP_PAUSE_MS = 600;

const toDay = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The first day of the bucket (day, ISO week from Monday, month) a day falls in. */
export function bucketStart(day, bucket) {
  if (bucket === 'day') return day;
  const d = new Date(day * DAY_MS);
  if (bucket === 'week') return day - ((d.getUTCDay() + 6) % 7);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

function bucketEnd(start, bucket) {
  if (bucket === 'day') return start;
  if (bucket === 'week') return start + 6;
  const d = new Date(start * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS) - 1;
}

/**
 * @param {HTMLElement} container
 * @param {object} o
 * @param {(period: {from: string, to: string}) => Promise<void>} o.onPeriod called when the user
 *   chooses a period or playback steps; resolves once the map shows it
 * @param {() => void} [o.onStop] called when playback stops
 */
export function createTimeline(container, { onPeriod, onStop = () => {} }) {
  const canvas = h('canvas', { class: 'time-slider-bars', 'data-testid': 'timeline-bars', height: '56', 'aria-label': 'Events over time: drag to choose a period' });
  const play = h('button', { type: 'button', class: 'time-slider-play', 'data-testid': 'timeline-play', 'aria-pressed': 'false' }, 'Play');
  const bucketSelect = h('select', { class: 'time-slider-bucket', 'data-testid': 'timeline-bucket', 'aria-label': 'Histogram bucket' },
    h('option', { value: 'auto' }, 'auto'), h('option', { value: 'day' }, 'days'),
    h('option', { value: 'week' }, 'weeks'), h('option', { value: 'month' }, 'months'));
  const label = h('span', { class: 'time-slider-label', 'data-testid': 'timeline-label', role: 'status', 'aria-live': 'polite' });
  const startLabel = h('span', { class: 'time-slider-end' });
  const endLabel = h('span', { class: 'time-slider-end' });
  container.append(
    h('div', { class: 'time-slider-controls' }, play, bucketSelect, label),
    h('div', { class: 'time-slider-track' }, startLabel, canvas, endLabel));

  let days = new Map(); // day number → count
  let first = null;
  let last = null;
  let period = null; // {from, to} as day numbers, or null for every date
  let playing = false;
  let loadController = null;

  const bucket = () => {
    if (bucketSelect.value !== 'auto') return bucketSelect.value;
    const span = first == null ? 0 : last - first;
    return span <= 180 ? 'day' : span <= 3 * 366 ? 'week' : 'month';
  };

  /** Events per bucket over the whole period, oldest first. */
  function buckets() {
    const b = bucket();
    const out = new Map();
    for (const [day, n] of days) {
      const s = bucketStart(day, b);
      out.set(s, (out.get(s) || 0) + n);
    }
    return out;
  }

  /** How many of the loaded events fall in [from, to] (day numbers, either end open). */
  function count(from, to) {
    let n = 0;
    for (const [day, c] of days) if ((from == null || day >= from) && (to == null || day <= to)) n += c;
    return n;
  }

  function draw() {
    const width = Math.max(100, canvas.clientWidth || 600);
    if (canvas.width !== width) canvas.width = width;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    startLabel.textContent = first == null ? '' : formatDate(isoOf(first));
    endLabel.textContent = last == null ? '' : formatDate(isoOf(last));
    if (first == null) {
      label.textContent = 'No events under these filters';
      return;
    }
    const b = bucket();
    const lo = bucketStart(first, b);
    const hi = bucketEnd(bucketStart(last, b), b);
    const x = (day) => ((day - lo) / (hi - lo + 1)) * canvas.width;
    const counts = buckets();
    const max = Math.max(1, ...counts.values());
    if (period) {
      ctx.fillStyle = 'rgba(255, 192, 97, 0.22)';
      const from = period.from ?? lo;
      const to = period.to ?? hi;
      ctx.fillRect(x(from), 0, Math.max(2, x(to + 1) - x(from)), canvas.height);
    }
    for (const [start, n] of counts) {
      const inside = !period || ((period.from == null || bucketEnd(start, b) >= period.from) && (period.to == null || start <= period.to));
      ctx.fillStyle = inside ? '#e0633a' : '#6b7686';
      const barH = Math.max(1, Math.sqrt(n / max) * (canvas.height - 4));
      const x0 = x(start);
      ctx.fillRect(x0, canvas.height - barH, Math.max(1, x(bucketEnd(start, b) + 1) - x0 - 1), barH);
    }
    const n = count(period && period.from, period && period.to);
    const what = period
      ? `${period.from != null ? formatDate(isoOf(period.from)) : 'start'} – ${period.to != null ? formatDate(isoOf(period.to)) : 'now'}`
      : 'All dates';
    label.textContent = `${what} · ${n.toLocaleString('en')} event${n === 1 ? '' : 's'} · by ${b}`;
    container.dataset.periodCount = String(n);
  }

  /** Loads the histogram under these filters (URLSearchParams without datetime). */
  async function load(params) {
    if (loadController) loadController.abort();
    loadController = new AbortController();
    const p = new URLSearchParams(params);
    p.delete('datetime');
    p.set('bucket', 'day');
    const body = await request(`/api/events/histogram?${p}`, { signal: loadController.signal });
    days = new Map((body.buckets || []).map((b) => [toDay(b.start), Number(b.count) || 0]));
    const keys = [...days.keys()];
    first = keys.length ? Math.min(...keys) : null;
    last = keys.length ? Math.max(...keys) : null;
    draw();
    return { total: Number(body.numberMatched) || 0 };
  }

  /** Shows a period chosen elsewhere (the filter form, the URL); null ends for open. */
  function setPeriod(from, to) {
    period = from || to ? { from: from ? toDay(from) : null, to: to ? toDay(to) : null } : null;
    draw();
  }

  async function choose(from, to) {
    period = { from, to };
    draw();
    await onPeriod({ from: isoOf(from), to: isoOf(to) });
  }

  // Drag across the bars to choose a period; a click chooses the bucket under the pointer.
  let dragFrom = null;
  const dayAt = (ev) => {
    const b = bucket();
    const lo = bucketStart(first, b);
    const hi = bucketEnd(bucketStart(last, b), b);
    const rect = canvas.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (ev.clientX - rect.left) / rect.width));
    return Math.min(hi, Math.floor(lo + f * (hi - lo + 1)));
  };
  canvas.addEventListener('pointerdown', (ev) => {
    if (first == null) return;
    dragFrom = dayAt(ev);
    canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener('pointerup', (ev) => {
    if (dragFrom == null) return;
    const b = bucket();
    const a = Math.min(dragFrom, dayAt(ev));
    const z = Math.max(dragFrom, dayAt(ev));
    dragFrom = null;
    stop();
    choose(bucketStart(a, b), bucketEnd(bucketStart(z, b), b)).catch((err) => console.error('period', err));
  });
  bucketSelect.addEventListener('change', draw);
  window.addEventListener('resize', draw);

  function stop() {
    const was = playing;
    playing = false;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
    if (was) onStop();
  }

  /** One step: the period moves forward by its own length (a month when every date is shown). */
  async function step() {
    if (first == null) return false;
    const b = bucket();
    let from;
    let to;
    if (!period || period.from == null || period.to == null) {
      from = bucketStart(first, b === 'day' ? 'week' : 'month');
      to = bucketEnd(from, b === 'day' ? 'week' : 'month');
    } else {
      const length = period.to - period.from + 1;
      from = period.to + 1;
      to = period.to + length;
    }
    if (from > last) return false;
    const started = performance.now();
    await choose(from, to);
    try {
      performance.measure('cm-play-step', { start: started, end: performance.now() });
    } catch {
      // figures for the bench only
    }
    return true;
  }

  async function run() {
    while (playing) {
      const moved = await step();
      if (!moved) break;
      await new Promise((resolve) => setTimeout(resolve, STEP_PAUSE_MS));
    }
    stop();
  }

  play.addEventListener('click', () => {
    if (playing) {
      stop();
      return;
    }
    playing = true;
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    run().catch((err) => { console.error('playback', err); stop(); });
  });

  return {
    load,
    setPeriod,
    count: (from, to) => count(from ? toDay(from) : null, to ? toDay(to) : null),
    step,
    stop,
    draw,
    /** Whether Play is on (a step may be under way). */
    isPlaying: () => playing,
  };
}
