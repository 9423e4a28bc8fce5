// Sizes the explainer's frames (pledge-explainer.php) to their content, to the pixel: each card
// posts WordPress's `{message: "height", value, secret}` (WordPress's own wp-embed.js clamps
// that to 200–1000 px; these frames are not its). A message counts only from the frame whose
// secret it carries.
(function () {
  function frames() {
    return document.querySelectorAll('iframe.pledge-explainer-frame');
  }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.message !== 'height' || typeof d.secret !== 'string') return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      if (f.contentWindow !== e.source || f.getAttribute('data-secret') !== d.secret) continue;
      var h = parseInt(d.value, 10);
      if (h > 0 && h < 100000) f.height = String(h);
    }
  });
  // A frame that reported before this script listened: it answers "ready" with its height.
  var list = frames();
  for (var i = 0; i < list.length; i++) {
    if (list[i].contentWindow) list[i].contentWindow.postMessage({ message: 'ready', secret: list[i].getAttribute('data-secret') }, '*');
  }
})();
