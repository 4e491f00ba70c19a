// "Hide uncertain events": asks /api/events for events whose calibrated type and place confidence
// are both at least MIN_CONFIDENCE (the server's min_confidence, kept in the URL), so unclassified,
// weakly cued and doubtfully placed reports drop off the map and the list. Each confidence is the
// share of such events the extractor got right on its tuning set (eval-events --calibration).
import { h } from './dom.js';

export const MIN_CONFIDENCE = 0.8;

/** Adds the given minimum to a copy of URLSearchParams, or returns them as they are for null. */
export function withMinConfidence(params, min) {
  const p = new URLSearchParams(params);
  if (min != null) p.set('min_confidence', String(min));
  return p;
}

/**
 * Puts the toggle at the end of `container`, checked when a floor is already set (a link's
 * min_confidence); `onChange(min)` gets MIN_CONFIDENCE when checked, null when not.
 */
export function createConfidenceToggle(container, current, onChange) {
  const input = h('input', {
    type: 'checkbox',
    id: 'hide-uncertain',
    'data-testid': 'hide-uncertain',
  });
  input.checked = current != null;
  const label = h('label', { for: 'hide-uncertain', class: 'confidence-toggle' },
    input, ` Hide uncertain events (confidence below ${MIN_CONFIDENCE})`);
  input.addEventListener('change', () => onChange(input.checked ? MIN_CONFIDENCE : null));
  container.append(h('div', { class: 'field confidence-field' }, label));
  return { input };
}
