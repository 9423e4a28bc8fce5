// Runs before the body is parsed (a plain, blocking script: the CSP forbids inline ones).
// The static page is the default story in English; when the reader will get French or Arabic
// or another story, keep the page
// invisible until the wasm has rewritten it, so nothing visibly jumps. CSS reveals it after a
// few seconds whatever happens, and app.js reveals it at once if the wasm cannot run.
(function () {
  // @shared (the build writes www/shared.js and the declarations here: languageOf, firstLanguage)
  var query = new URLSearchParams(location.search);
  // Fetch and start compiling the wasm now, while the page is still being parsed: app.js (a
  // module) only runs after parsing. Here rather than a <link rel=preload>: a page that loads
  // another story needs the build with the JSON reader instead (the default one has its story
  // compiled in), and a preload could not be taken back.
  var wasm = document.querySelector('meta[name="pledge-explainer-wasm"]');
  if (wasm && typeof WebAssembly === 'object' && WebAssembly.compileStreaming) {
    var another = query.get('dataset') || query.has('preview'); // the story editor's preview
    var href = new URL(wasm.getAttribute(another ? 'data-reader' : 'content'), location.href).href;
    window.__pledgeExplainerWasm = WebAssembly.compileStreaming(fetch(href, { credentials: 'same-origin' }));
    window.__pledgeExplainerWasm.catch(function () { /* app.js falls back to its own fetch */ });
  }
  // In a frame the host sizes us from our height: style.css then lays out everything at once.
  if (window.parent !== window) document.documentElement.classList.add('framed');
  // Another story replaces every word of the static one.
  if ((query.get('dataset') || query.has('preview')) && typeof WebAssembly === 'object') {
    document.documentElement.classList.add('relabel');
    return;
  }
  // The same choice as app.js's: ?lang=, else the page's own language (index.ar.html), else
  // the browser's.
  var fixed = document.documentElement.hasAttribute('data-fixed-lang') ? [document.documentElement.lang] : [];
  var chosen = firstLanguage([query.get('lang')].concat(fixed, navigator.languages || [navigator.language]));
  var lang = chosen ? chosen.lang : DECLARED.languages[0];
  if (lang !== document.documentElement.lang && typeof WebAssembly === 'object') {
    document.documentElement.classList.add('relabel');
  }
})();
