// The embed's postMessage API for the page that frames it.
//
// In:  {type: 'conflictmap:setView', view: {center: [lon, lat], zoom: 7} | {bbox: [w, s, e, n]}}
//      {type: 'conflictmap:setFilter', filter: {datetime, type, zone, q}}  (the URL parameter names;
//      a filter replaces the previous one whole, missing names are cleared)
// Out: conflictmap:ready, conflictmap:view, conflictmap:click, conflictmap:filter, conflictmap:error.
//
// Origins: with the embed option `origin=https://host.example`, only messages from that origin are
// obeyed and every message out is sent to that origin alone. Without it, the embed obeys only its
// own parent window (never another frame or a popup) and posts to '*': what it reports is the
// public data it shows anyway, and what it obeys can only move the view or filter it.

const PREFIX = 'conflictmap:';

/** A valid `origin` option, or null; a malformed one is reported and then nothing is trusted. */
export function parseOrigin(raw) {
  if (raw == null) return { origin: null, error: null };
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin === raw.replace(/\/$/, '')) {
      return { origin: u.origin, error: null };
    }
  } catch {
    // fall through
  }
  return { origin: null, error: `origin must be a scheme and host such as https://example.org, got '${raw}'` };
}

/**
 * @param {{origin: string|null, blocked: boolean, handlers: Object<string, (msg: object) => any>}} options
 *   handlers are keyed by the command without its prefix (setView, setFilter); a handler that
 *   throws has its message sent back as conflictmap:error
 */
export function connectToParent({ origin, blocked, handlers }) {
  const parent = window.parent !== window ? window.parent : null;

  function post(type, payload = {}) {
    if (!parent || blocked) return;
    parent.postMessage({ ...payload, type: PREFIX + type }, origin || '*');
  }

  window.addEventListener('message', async (e) => {
    if (!parent || blocked || e.source !== parent) return;
    if (origin && e.origin !== origin) return;
    const msg = e.data;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string' || !msg.type.startsWith(PREFIX)) return;
    const command = msg.type.slice(PREFIX.length);
    const handler = Object.prototype.hasOwnProperty.call(handlers, command) ? handlers[command] : null;
    if (!handler) {
      post('error', { request: msg.type, message: `unknown command ${command}; known: ${Object.keys(handlers).join(', ')}` });
      return;
    }
    try {
      await handler(msg);
    } catch (err) {
      post('error', { request: msg.type, message: err.message });
    }
  });

  return { post };
}
