// Runs before the body is parsed (a plain, blocking script: the CSP forbids inline ones).
// The static page is the default story in English; when the reader will get French or Arabic
// or another story, keep the page
// invisible until the wasm has rewritten it, so nothing visibly jumps. CSS reveals it after a
// few seconds whatever happens, and app.js reveals it at once if the wasm cannot run.
(function () {
  // Script runs: without it (this class absent) style.css hides every control the static page
  // cannot honour, so a reader without JavaScript meets no dead slider, button or "Loading…".
  document.documentElement.classList.add('scripted');
  // font= names (the first is the default stack); their stacks are in style.css.
  var FONTS = ['system', 'sans', 'serif', 'humanist'];
  // style.css's --paper in the light and the dark theme (also charts/layout.rs BACKGROUNDS).
  var BACKGROUNDS = ['ffffff', '16161a'];
  // WCAG 2.2 1.4.11 (controls and graphical objects): 3:1.
  var MIN_ACCENT_CONTRAST = 3;
  function luminance(rgb) {
    var sum = 0;
    for (var i = 0; i < 3; i++) {
      var c = parseInt(rgb.substr(2 * i, 2), 16) / 255;
      c = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      sum += [0.2126, 0.7152, 0.0722][i] * c;
    }
    return sum;
  }
  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
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
  // The page's own language pack (index.fr.html, index.ar.html), fetched now too; app.js
  // takes this response (see hash-assets.mjs for why not a preload).
  var pack = document.querySelector('meta[name="pledge-explainer-pack"]');
  if (pack) {
    var packHref = new URL(pack.getAttribute('content'), location.href).href;
    window.__pledgeExplainerPack = { href: packHref, response: fetch(packHref, { credentials: 'same-origin' }) };
    window.__pledgeExplainerPack.response.catch(function () { /* app.js fetches it again */ });
  }
  // A touch before ready is kept (#41): the served sliders and switches are not disabled, and
  // each one's last value the reader set before the page was wired is recorded here (listening
  // on the document, so from the first parsed control on); app.js takes it at ready and applies
  // it through the core as a move (`takeEarlyMoves`). A value a browser restores by itself
  // (Firefox's form state) fires no event and is not recorded.
  var early = { moves: {} };
  var record = function (e) {
    var t = e.target;
    var box = t && t.closest && t.closest('[data-control], [data-switch]');
    if (!box) return;
    var param = box.getAttribute('data-control') || box.getAttribute('data-switch');
    var move = null;
    if (e.type === 'click') move = t.closest('button.parity') ? { parity: true } : null;
    else if (t.type === 'range' || (t.type === 'number' && e.type === 'change')) move = { value: t.valueAsNumber };
    else if (t.type === 'checkbox') move = { value: t.checked ? 1 : 0 };
    else if (t.type === 'radio' && t.checked) move = { value: Number(t.value) };
    if (!move || (move.value !== undefined && !isFinite(move.value))) return;
    delete early.moves[param]; // kept in the order last touched
    early.moves[param] = move;
  };
  var kinds = ['input', 'change', 'click'];
  kinds.forEach(function (kind) { document.addEventListener(kind, record, true); });
  early.stop = function () { kinds.forEach(function (kind) { document.removeEventListener(kind, record, true); }); };
  window.__pledgeExplainerEarly = early;
  // In a frame the host sizes us from our height: style.css then lays out everything at once.
  var framed = window.parent !== window;
  if (framed) document.documentElement.classList.add('framed');
  // The host's look, before the first paint: theme=light|dark|auto, font= (a system stack
  // named in style.css), accent= (a hex colour for controls, kept only if it shows at 3:1 on
  // both backgrounds). app.js words what was refused, from window.__pledgeExplainerLook.
  var root = document.documentElement;
  var refused = [];
  window.__pledgeExplainerLook = { refused: refused, fonts: FONTS };
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  else if (theme !== null && theme !== 'auto') refused.push({ param: 'theme', value: theme, why: 'choice', choices: 'light, dark, auto' });
  // An embed follows its host, which says dark or auto if it means it (embed.js's theme; a
  // WordPress frame says nothing): a dark device does not darken a card in a white article
  // (#38). The explainer's own pages, and the story editor's preview beside it, follow the
  // reader's device.
  if (framed && theme !== 'auto' && !root.hasAttribute('data-theme') && !query.has('preview')) root.setAttribute('data-theme', 'light');
  var font = query.get('font');
  if (font !== null && font !== 'system') {
    if (FONTS.indexOf(font) > 0) root.setAttribute('data-font', font);
    else refused.push({ param: 'font', value: font, why: 'choice', choices: FONTS.join(', ') });
  }
  var accent = query.get('accent');
  if (accent !== null) {
    var hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(accent);
    if (!hex) refused.push({ param: 'accent', value: accent, why: 'accent_bad' });
    else {
      var rgb = hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1];
      var weakest = Math.min.apply(null, BACKGROUNDS.map(function (bg) { return contrast(rgb, bg); }));
      if (weakest < MIN_ACCENT_CONTRAST) refused.push({ param: 'accent', value: accent, why: 'accent_weak' });
      else root.style.setProperty('--ui-accent', '#' + rgb);
    }
  }
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
  // The wasm's second part (scripts/split-wasm.mjs) rewrites the cards: a view the served page
  // does not show (another language, a region's digits, any assumption in the URL) needs it
  // before ready, so it comes now, beside the first; else app.js fetches it after ready.
  var later = wasm && wasm.getAttribute('data-later');
  var differs = root.classList.contains('relabel') || /[-_]/.test(query.get('lang') || '') ||
    DECLARED.state.some(function (p) { return p !== 'lang' && query.has(p); });
  if (later && differs && window.__pledgeExplainerWasm) {
    window.__pledgeExplainerLater = fetch(new URL(later, location.href).href, { credentials: 'same-origin' });
    window.__pledgeExplainerLater.catch(function () { /* app.js fetches it again */ });
  }
})();
