// Runs before the body is parsed (a plain, blocking script: the CSP forbids inline ones).
// The static page is the default story in English; when the reader will get French or Arabic
// or another story, keep the page
// invisible until the wasm has rewritten it, so nothing visibly jumps. CSS reveals it after a
// few seconds whatever happens, and app.js reveals it at once if the wasm cannot run.
(function () {
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
  // The page's own language pack (index.fr.html, index.ar.html), fetched now too; app.js
  // takes this response (see hash-assets.mjs for why not a preload).
  var pack = document.querySelector('meta[name="pledge-explainer-pack"]');
  if (pack) {
    var packHref = new URL(pack.getAttribute('content'), location.href).href;
    window.__pledgeExplainerPack = { href: packHref, response: fetch(packHref, { credentials: 'same-origin' }) };
    window.__pledgeExplainerPack.response.catch(function () { /* app.js fetches it again */ });
  }
  // In a frame the host sizes us from our height: style.css then lays out everything at once.
  if (window.parent !== window) document.documentElement.classList.add('framed');
  // Another story replaces every word of the static one.
  if ((query.get('dataset') || query.has('preview')) && typeof WebAssembly === 'object') {
    document.documentElement.classList.add('relabel');
    return;
  }
  var asked = query.get('lang');
  // A page named for its language (index.ar.html) keeps it unless the URL asks otherwise.
  var fixed = document.documentElement.hasAttribute('data-fixed-lang') ? [document.documentElement.lang] : [];
  var tags = [asked].concat(fixed, navigator.languages || [navigator.language]);
  for (var i = 0; i < tags.length; i++) {
    var lang = String(tags[i] || '').toLowerCase().slice(0, 2);
    if (lang === 'en' || lang === 'fr' || lang === 'ar') {
      if (lang !== document.documentElement.lang && typeof WebAssembly === 'object') {
        document.documentElement.classList.add('relabel');
      }
      return;
    }
  }
})();
