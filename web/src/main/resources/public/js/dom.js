// Popups and lists are built from DOM nodes with textContent, never from HTML strings, so text
// from articles (which anyone can paste) cannot inject markup.

/**
 * h('a', {href: url, class: 'x'}, 'text', childNode) → HTMLElement.
 * Attributes are set with setAttribute; children are strings (as text) or nodes; null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  appendChildren(el, children);
  return el;
}

function appendChildren(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendChildren(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Only http(s) links are rendered as links: a javascript: URL in an article's url field must not become clickable. */
export function safeHttpUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Leaflet renders attributions as HTML, and tile providers' attributions conventionally contain
 * links and entities ("&copy; <a href=…>OpenStreetMap</a>"). Rebuild the configured string keeping
 * only text and http(s) links, so a misconfigured or hostile value cannot inject markup.
 * DOMParser documents are inert: nothing in them loads or runs.
 */
export function sanitizeAttribution(html) {
  if (typeof html !== 'string' || html.trim() === '') return '';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const walk = (node) => {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += escapeHtml(child.textContent);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const href = child.tagName === 'A' ? safeHttpUrl(child.getAttribute('href')) : null;
        out += href
          ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${walk(child)}</a>`
          : walk(child);
      }
    }
    return out;
  };
  return walk(doc.body);
}
