// Loaded first by every page the engine suite opens (the suite's copy of dist/ names it in each
// <head>; same origin, so the strict CSP allows it): records what a host page's error tracker
// would see, in any engine, without the driver's help.
(function () {
  var probe = window.__probe = { errors: [], csp: [] };
  addEventListener('error', function (e) {
    // Capture phase: a resource that failed to load fires here too, with no message.
    probe.errors.push(e.message || ('failed to load ' + ((e.target && (e.target.src || e.target.href)) || 'a resource')));
  }, true);
  addEventListener('unhandledrejection', function (e) { probe.errors.push('unhandled rejection: ' + e.reason); });
  document.addEventListener('securitypolicyviolation', function (e) { probe.csp.push(e.violatedDirective + ' ' + e.blockedURI); });
  var consoleError = console.error;
  console.error = function () {
    probe.errors.push(Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  // Inside an embed (embed.js names the frame with childId): tell the test on the host page
  // this document's own height, which a cross-origin host cannot read.
  if (window.parent !== window && /[?&]childId=/.test(location.search)) {
    var report = function () {
      var d = document.documentElement;
      window.parent.postMessage({ enginesProbe: {
        path: location.pathname,
        height: Math.ceil(d.getBoundingClientRect().height),
        scrolls: d.scrollHeight > d.clientHeight + 1,
        ready: performance.getEntriesByName('explainer:ready').length > 0,
      } }, '*');
    };
    new ResizeObserver(report).observe(document.documentElement);
    setInterval(report, 200);
  }
})();
