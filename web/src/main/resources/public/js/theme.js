// Light or dark: the system's choice (prefers-color-scheme) until the user picks one with the
// topbar button; the pick is remembered in localStorage. The theme is a data attribute on <html>
// that css/theme.css reads, so the offline base map (land, sea, borders, labels) follows it too.

const KEY = 'conflictmap.theme';
const system = window.matchMedia('(prefers-color-scheme: light)');

function stored() {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage blocked (a sandboxed frame): follow the system
  }
}

/** The theme in force: the remembered pick, else the system's. */
export function currentTheme() {
  return stored() || (system.matches ? 'light' : 'dark');
}

function apply() {
  const theme = currentTheme();
  document.documentElement.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent('conflictmap:theme', { detail: { theme } }));
  return theme;
}

/** Applies the theme now, follows the system while nothing is picked, and wires the toggle. */
export function setupTheme(button) {
  apply();
  system.addEventListener('change', () => { if (!stored()) apply(); });
  if (!button) return;
  const label = () => {
    const next = currentTheme() === 'light' ? 'dark' : 'light';
    button.setAttribute('aria-label', `Switch to the ${next} theme`);
    button.title = `Switch to the ${next} theme`;
    button.dataset.theme = currentTheme();
  };
  label();
  button.addEventListener('click', () => {
    const next = currentTheme() === 'light' ? 'dark' : 'light';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered, but still switched for this page
      document.documentElement.dataset.theme = next;
    }
    apply();
    label();
  });
  document.addEventListener('conflictmap:theme', label);
}
