// "Hide uncertain events": asks /api/events for events whose calibrated type confidence is at
// least MIN_CONFIDENCE (the server's min_confidence), so unclassified and weakly cued reports drop
// off the map and the list. The confidence is the share of such events the extractor got right on
// its tuning set (eval-events --calibration).
import { h } from './dom.js';

export const MIN_CONFIDENCE = 0.8;

/** Adds the given minimum to a copy of URLSearchParams, or returns them as they are for null. */
export function withMinConfidence(params, min) {
  const p = new URLSearchParams(params);
  if (min != null) p.set('min_confidence', String(min));
  return p;
}

/**
 * Puts the toggle at the end of `container`; `onChange(min)` gets MIN_CONFIDENCE when checked,
 * null when not.
 */
export function createConfidenceToggle(container, onChange) {
  const input = h('input', {
    type: 'checkbox',
    id: 'hide-uncertain',
    'data-testid': 'hide-uncertain',
  });
  const label = h('label', { for: 'hide-uncertain', class: 'confidence-toggle' },
    input, ` Hide uncertain events (confidence below ${MIN_CONFIDENCE})`);
  input.addEventListener('change', () => onChange(input.checked ? MIN_CONFIDENCE : null));
  container.append(h('div', { class: 'field confidence-field' }, label));
  return { input };
}
