// The embed block's "Pledge explainer" variation: in the inserter, and chosen by itself when
// an address under the explainer's is pasted (pledge-explainer.php passes the address).
wp.domReady(function () {
  var base = window.pledgeExplainer && window.pledgeExplainer.base;
  if (!base) return;
  var escaped = base.replace(/^https?:\/\//i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  wp.blocks.registerBlockVariation('core/embed', {
    name: 'pledge-explainer',
    title: 'Pledge explainer',
    description: 'A card of the pledge explainer: its question, answer, chart and sliders.',
    icon: 'chart-bar',
    keywords: ['explainer', 'card', 'chart'],
    patterns: [new RegExp('^https?://' + escaped, 'i')],
    attributes: { providerNameSlug: 'pledge-explainer', responsive: true },
  });
});
