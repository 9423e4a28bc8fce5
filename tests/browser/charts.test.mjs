// The charts in the page: named and described, drawn at the container's width and pixel
// ratio, left to right inside an Arabic page, redrawn on slider moves without laying out a
// DOM node per label and without a CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useDist, openPage, waitReady, nextFrame } from './helpers.mjs';

const env = useDist(before, after);

const CHARTS = ['pledges', 'per-person', 'sensitivity', 'energy'];

test('every chart has a name and a description stating its figures', async () => {
  const { page, context } = await openPage(env.browser, `${env.url}?lang=en`);
  await waitReady(page);
  const expected = {
    pledges: ['Where does the €109bn come from?', '€63–83bn'],
    'per-person': ['Is it the same proportion as Stargate?', '$1,640'],
    sensitivity: ['How much does the verdict depend on the exchange rate?', '$0.9253'],
    energy: ['1 GW for AI against the electricity France exports', '9.7%'],
  };
  for (const name of CHARTS) {
    const fig = page.locator(`[data-chart="${name}"]`);
    const [title, figure] = expected[name];
    assert.equal(await fig.getAttribute('aria-labelledby'), `${name}-heading`);
    assert.equal(await page.locator(`#${name}-heading`).textContent(), title);
    assert.match(await page.locator(`#${name}-summary`).textContent(), new RegExp(figure.replace(/[$.]/g, '\\$&')));
    assert.equal(await fig.locator('svg').count(), 1);
  }
  await context.close();
});

for (const width of [320, 1200]) {
  test(`charts are drawn at the container width (${width} px, pixel ratio 2) and the page does not scroll sideways`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${env.url}?lang=ar`);
    await waitReady(page);
    const sizes = await page.evaluate(() => [...document.querySelectorAll('[data-chart] .plot')].map((p) => ({
      plot: p.clientWidth, svg: Number(p.querySelector('svg').getAttribute('width')), dir: p.getAttribute('dir'),
    })));
    assert.equal(sizes.length, 4);
    for (const s of sizes) {
      assert.equal(s.dir, 'ltr');
      assert.ok(Math.abs(s.plot - s.svg) <= 1, `svg ${s.svg} vs plot ${s.plot}`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await context.close();
  });
}

test('slider moves redraw only the charts they change, with no DOM text measuring and no CSP violation', async () => {
  const { page, errors, context } = await openPage(env.browser, `${env.url}?lang=en`);
  await waitReady(page);
  await page.evaluate(() => {
    window.__spans = 0;
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'SPAN' && n.parentNode === document.body) window.__spans++;
    }).observe(document.body, { childList: true });
    window.__pledgesSvg = document.querySelector('[data-chart="pledges"] svg');
    window.__perPersonSvg = document.querySelector('[data-chart="per-person"] svg');
  });
  const before = await page.locator('[data-chart="per-person"] svg').innerHTML();
  await page.locator('#range-eurusd').focus();
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t0 = Date.now();
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    times.push(Date.now() - t0);
  }
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight'); // +0.01 $/€
  await nextFrame(page);
  const after = await page.locator('[data-chart="per-person"] svg').innerHTML();
  assert.notEqual(after, before, 'per-person chart follows the rate');
  const result = await page.evaluate(() => ({
    spans: window.__spans,
    violations: window.__violations,
    pledgesKept: window.__pledgesSvg === document.querySelector('[data-chart="pledges"] svg'),
    perPersonRedrawn: window.__perPersonSvg !== document.querySelector('[data-chart="per-person"] svg'),
  }));
  assert.equal(result.spans, 0, 'plotters laid out a DOM span to measure text');
  assert.deepEqual(result.violations, []);
  assert.ok(result.pledgesKept, 'the rate does not change the pledges chart: it must not be redrawn');
  assert.ok(result.perPersonRedrawn);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the UAE slider moves the marker on the pledges chart', async () => {
  const { page, context } = await openPage(env.browser, `${env.url}?lang=en`);
  await waitReady(page);
  const before = await page.locator('[data-chart="pledges"] svg').innerHTML();
  await page.locator('#number-uae').fill('35');
  await page.locator('#number-uae').press('Enter');
  await page.locator('#number-uae').blur();
  await nextFrame(page);
  const after = await page.locator('[data-chart="pledges"] svg').innerHTML();
  assert.notEqual(after, before);
  await context.close();
});
