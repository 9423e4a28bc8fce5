// One-line embed for news pages, two ways:
//   <div data-pledge-explainer data-lang="ar"></div><script src=".../embed.js" async></script>
//   <pledge-explainer lang="ar" eurusd="1.05"></pledge-explainer><script src=".../embed.js" async></script>
// One card alone (claim, gdp, pledges, horizon, sensitivity, energy, sources): data-card="claim"
// on the div, card="claim" on the element; several on one page are independent frames.
// Each becomes an iframe kept exactly as high as the explainer inside (Pym.js message format;
// the explainer also works under NPR's own pym.js parent). Attributes follow the URL
// parameters (lang and the knobs the core declares, `_` written `-`: eurusd, pop-fr, load-factor…)
// and dataset (a URL on the explainer's own site), as data-* on a div or plain on the custom
// element; title/data-title names the iframe.
// The host's look: theme (light, dark, auto), accent (#rrggbb), font (system, sans, serif, humanist);
// a later change of the custom element's theme reaches the explainer as a message (no reload).
// Without a theme an embed is light, whatever the reader's device (auto follows the device).
(function () {
  'use strict';
  // @shared (the build writes www/shared.js and the declarations here: DECLARED, languageOf)
  var script = document.currentScript;
  if (!script || window.__pledgeExplainerEmbed) return;
  window.__pledgeExplainerEmbed = true;
  var base = new URL('.', script.src);
  var PARAMS = DECLARED.state.concat(['dataset', 'theme', 'accent', 'font']);
  var dashed = function (name) { return name.replace(/_/g, '-'); };
  var frames = {};
  var count = 0;

  // The explainer's height at a width (default story, English, measured with the page's own
  // stylesheet; tests/browser/hosts.test.mjs checks it stays within 10 %). Reserving it before
  // the iframe loads keeps the host page from jumping.
  var PAGE_HEIGHTS = [[320, 4647], [375, 4545], [414, 4311], [480, 4222], [600, 3258], [736, 3195]];
  // A card alone is about one phone screen (measured likewise, the claim card; its controls go
  // beside its chart from 576 px).
  var CARD_HEIGHTS = [[320, 674], [375, 641], [414, 616], [480, 574], [575, 554], [576, 419], [736, 431]];
  function expectedHeight(width, card) {
    var HEIGHTS = card ? CARD_HEIGHTS : PAGE_HEIGHTS;
    if (width <= HEIGHTS[0][0]) return HEIGHTS[0][1];
    for (var i = 1; i < HEIGHTS.length; i++) {
      var a = HEIGHTS[i - 1], b = HEIGHTS[i];
      if (width <= b[0]) return Math.round(a[1] + (b[1] - a[1]) * (width - a[0]) / (b[0] - a[0]));
    }
    return HEIGHTS[HEIGHTS.length - 1][1];
  }

  function attr(host, name) {
    var attribute = dashed(name);
    return host.getAttribute('data-' + attribute) || (host.localName === 'pledge-explainer' ? host.getAttribute(attribute) : null);
  }

  var CARDS = ['claim', 'gdp', 'pledges', 'horizon', 'sensitivity', 'energy', 'sources'];
  /** The card asked for, if it is one (anything else embeds the whole explainer). */
  function cardOf(host) {
    var card = attr(host, 'card');
    return CARDS.indexOf(card) >= 0 ? card : null;
  }

  function source(host, id) {
    var query = new URLSearchParams();
    PARAMS.forEach(function (name) {
      var value = attr(host, name);
      if (value) query.set(name, value);
    });
    // Without a language of its own, the host page's language is the request.
    var hostLang = document.documentElement.lang;
    if (!query.has('lang') && hostLang) query.set('lang', hostLang);
    query.set('initialWidth', String(host.clientWidth));
    query.set('childId', id);
    query.set('parentUrl', location.href.split('#')[0]);
    // The static page already in the reader's language: shown at once, no rewrite at start.
    var lang = languageOf(query.get('lang'));
    var suffix = lang && lang !== DECLARED.languages[0] ? '.' + lang + '.html' : '.html';
    var card = cardOf(host);
    var page = card ? 'cards/' + card + suffix : 'index' + suffix;
    return new URL(page + '?' + query.toString(), base).href;
  }

  function mount(host) {
    if (host.__pledgeFrame) return host.__pledgeFrame;
    var id = 'pledge-explainer-' + (++count);
    var iframe = document.createElement('iframe');
    iframe.src = source(host, id);
    iframe.title = host.getAttribute('data-title') || host.getAttribute('title') || 'Interactive explainer';
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('frameborder', '0');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.height = String(expectedHeight(host.clientWidth || 375, cardOf(host)));
    iframe.__pledgeId = id;
    host.appendChild(iframe);
    host.__pledgeFrame = iframe;
    frames[id] = iframe;
    return iframe;
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== base.origin || typeof e.data !== 'string') return;
    var m = e.data.match(/^pymxPYMx(.+?)xPYMx(\S+)xPYMx(.*)$/);
    if (!m) return;
    var iframe = frames[m[1]];
    if (!iframe || e.source !== iframe.contentWindow) return;
    var height = parseInt(m[3], 10);
    if (m[2] === 'height' && height > 0 && height < 100000) iframe.height = String(height);
  });

  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      Object.keys(frames).forEach(function (id) {
        var f = frames[id];
        if (f.contentWindow) f.contentWindow.postMessage('pymxPYMx' + id + 'xPYMxwidthxPYMx' + f.clientWidth, base.origin);
      });
    }, 100);
  });

  function scan() {
    var hosts = document.querySelectorAll('[data-pledge-explainer]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();

  // <pledge-explainer>: attributes follow the URL parameters; changing one reloads the view.
  if (window.customElements && !window.customElements.get('pledge-explainer')) {
    var observed = ['card'].concat(PARAMS.map(dashed));
    var Element = function () { return Reflect.construct(HTMLElement, [], Element); };
    Element.prototype = Object.create(HTMLElement.prototype);
    Element.prototype.constructor = Element;
    Object.setPrototypeOf(Element, HTMLElement);
    Object.defineProperty(Element, 'observedAttributes', { get: function () { return observed; } });
    Element.prototype.connectedCallback = function () {
      if (!this.style.display) this.style.display = 'block';
      mount(this);
    };
    Element.prototype.attributeChangedCallback = function (name) {
      var iframe = this.__pledgeFrame;
      if (!iframe) return;
      if (name === 'theme' && iframe.contentWindow) {
        iframe.contentWindow.postMessage({ type: 'pledge-explainer:theme', theme: this.getAttribute('theme') || 'light' }, base.origin);
      } else iframe.src = source(this, iframe.__pledgeId);
    };
    window.customElements.define('pledge-explainer', Element);
  }
})();
