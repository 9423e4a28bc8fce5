// One-line embed for news pages:
//   <div data-pledge-explainer data-lang="ar"></div><script src=".../embed.js" async></script>
// Creates an iframe per placeholder and keeps it exactly as high as the explainer inside, using
// the Pym.js message format (the explainer also works under NPR's own pym.js parent).
// Attributes follow the URL parameters: data-lang, data-eurusd, data-pop-fr, data-pop-us,
// data-uae, data-dataset (a dataset URL on the explainer's own site); data-title names the
// iframe for screen readers.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__pledgeExplainerEmbed) return;
  window.__pledgeExplainerEmbed = true;
  var base = new URL('.', script.src);
  var PARAMS = ['lang', 'eurusd', 'pop_fr', 'pop_us', 'uae', 'dataset'];
  var frames = {};
  var count = 0;

  function mount(host) {
    if (host.getAttribute('data-pledge-mounted')) return;
    host.setAttribute('data-pledge-mounted', 'true');
    var id = 'pledge-explainer-' + (++count);
    var query = new URLSearchParams();
    PARAMS.forEach(function (name) {
      var value = host.getAttribute('data-' + name.replace('_', '-'));
      if (value) query.set(name, value);
    });
    // Without data-lang, the host page's own language is the request.
    var hostLang = document.documentElement.lang;
    if (!query.has('lang') && hostLang) query.set('lang', hostLang);
    query.set('initialWidth', String(host.clientWidth));
    query.set('childId', id);
    query.set('parentUrl', location.href.split('#')[0]);

    var iframe = document.createElement('iframe');
    iframe.src = new URL('index.html?' + query.toString(), base).href;
    iframe.title = host.getAttribute('data-title') || 'Interactive explainer';
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('frameborder', '0');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.height = '600';
    host.appendChild(iframe);
    frames[id] = iframe;
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
})();
