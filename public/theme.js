// The site's theme, applied before the first paint (this file is loaded, blocking, in <head>):
// the learner's choice from localStorage, else the system's. Also wires every
// [data-theme-toggle] button and tells the page (editor, diagrams) through a
// `layerwise:theme` event on document. A plain file, not an inline script, so that pages served
// with a strict Content-Security-Policy (the workshop) can load it too.
(function () {
  var KEY = 'layerwise:theme';
  var root = document.documentElement;
  var media = window.matchMedia('(prefers-color-scheme: dark)');

  // An embed follows its ?theme= (light or dark) and never stores it: the host decides.
  var embedTheme = /^\/embed\//.test(location.pathname) ? new URLSearchParams(location.search).get('theme') : null;

  function stored() {
    if (embedTheme === 'light' || embedTheme === 'dark') return embedTheme;
    try {
      var value = localStorage.getItem(KEY);
      return value === 'light' || value === 'dark' ? value : null;
    } catch (e) {
      return null; // storage blocked (a third-party iframe, a strict privacy mode)
    }
  }

  function syncButtons(theme) {
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(theme === 'dark'));
  }

  function apply() {
    var theme = stored() || (media.matches ? 'dark' : 'light');
    if (root.getAttribute('data-theme') !== theme) {
      root.setAttribute('data-theme', theme);
      document.dispatchEvent(new CustomEvent('layerwise:theme', { detail: { theme: theme } }));
    }
    syncButtons(theme);
  }

  function choose(theme) {
    try {
      localStorage.setItem(KEY, theme);
    } catch (e) {
      // not remembered, but still applied for this page
    }
    root.setAttribute('data-theme', theme);
    document.dispatchEvent(new CustomEvent('layerwise:theme', { detail: { theme: theme } }));
    syncButtons(theme);
  }

  apply();
  if (media.addEventListener) media.addEventListener('change', apply);
  window.addEventListener('storage', function (event) {
    if (event.key === KEY) apply();
  });
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-theme-toggle]') : null;
    if (button) choose(root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark');
  });
  document.addEventListener('DOMContentLoaded', function () {
    syncButtons(root.getAttribute('data-theme'));
  });
})();
