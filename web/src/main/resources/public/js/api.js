// Thin wrappers over the conflictmap JSON API. Every failure becomes an ApiError carrying the
// server's problem+json title and detail, so the UI can show the user what actually went wrong.

export class ApiError extends Error {
  constructor(title, detail, status) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.title = title;
    this.detail = detail;
    this.status = status;
  }
}

async function problemFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, say): fall back to the HTTP status line.
  }
  const title = (body && typeof body.title === 'string' && body.title) || response.statusText || 'Request failed';
  const detail = body && typeof body.detail === 'string' ? body.detail : `HTTP ${response.status}`;
  return new ApiError(title, detail, response.status);
}

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { Accept: 'application/json, application/problem+json', ...(options.headers || {}) },
    });
  } catch (err) {
    throw new ApiError('Network error', `Could not reach the server (${err.message})`, 0);
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  return response.json();
}

export const getConfig = () => request('/api/config');
/** Who the stored token says we are: {name, role: viewer|editor|admin, canEdit, open}. */
export const getMe = () => request('/api/me', { headers: editHeaders() });
export const getCountries = () => request('/api/countries');
export const getZones = () => request('/api/zones');
export const getEvents = (limit = 5000) => request(`/api/events?limit=${encodeURIComponent(limit)}`);
/** Events matching URLSearchParams of the shared parameter set (datetime, type, zone, q). */
export const getFilteredEvents = (limit, params) => {
  const p = new URLSearchParams(params);
  p.set('limit', String(limit));
  return request(`/api/events?${p}`);
};
export const getEvent = (id) => request(`/api/events/${encodeURIComponent(id)}`);

/** @returns {Promise<{article_id:number, duplicate:boolean, events:object}>} */
export const postArticle = (article) =>
  request('/api/articles', {
    method: 'POST',
    headers: { ...editHeaders(), 'Content-Type': 'application/json' },
    body: JSON.stringify(article),
  });

// Every write (articles, zones, event corrections) carries the editor's token and name when the user
// has given them; only a server started with --open accepts writes without a token.
const EDITOR_TOKEN_KEY = 'conflictmap.editorToken';
const EDITOR_NAME_KEY = 'conflictmap.editorName';

/** Headers for a write: Authorization and X-Editor when known. */
export function editHeaders() {
  const headers = {};
  try {
    const token = localStorage.getItem(EDITOR_TOKEN_KEY);
    const name = localStorage.getItem(EDITOR_NAME_KEY);
    if (token) headers.Authorization = `Bearer ${token}`;
    if (name) headers['X-Editor'] = name;
  } catch {
    // Storage can be blocked (a sandboxed iframe): edits then go without credentials.
  }
  return headers;
}

export { request };
