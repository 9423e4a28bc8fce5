// The story as cards: each card one screen (at most 812 px at 375 px, 600 px in a 640 px
// column) in three languages, its slider moving its own figures and chart; each card its own
// page and embeddable alone, exactly as high as its content, two on one host page independent;
// the full page answering first (question, answer, chart drawn, rate slider on the first
// screen), at most 5,700 px at 375 px; no layout shift; axe on a card and on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, serveDist, openPage, waitReady, nextFrame } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
/** The cards the default story fills, as the build wrote their pages. */
const CARDS = readdirSync(`${ROOT}dist/cards`).filter((f) => /^[a-z]+\.html$/.test(f)).map((f) => f.replace('.html', ''));
const LANGS = ['en', 'fr', 'ar'];
const page_ = (card, lang) => `cards/${card}${lang === 'en' ? '' : `.${lang}`}.html`;

let browser, explainer, host, hostUrl;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-cards-host-'));
  cpSync(new URL('./fixtures', import.meta.url).pathname, dir, { recursive: true });
  explainer = await serveDist();
  host = await startServer({ root: dir, csp: false });
  hostUrl = host.url.replace('127.0.0.1', 'localhost');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  explainer?.server.close();
  host?.server.close();
});

/** Scrolls every chart of the page into view until it is drawn. */
async function drawCharts(page) {
  for (const fig of await page.locator('[data-chart]').all()) {
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((name) => !document.querySelector(`[data-chart="${name}"] svg.placeholder`), await fig.getAttribute('data-chart'));
  }
  await page.evaluate(() => scrollTo(0, 0));
  await nextFrame(page);
}

test('the default story fills every card', () => {
  assert.deepEqual(CARDS.sort(), ['claim', 'energy', 'gdp', 'horizon', 'pledges', 'sensitivity', 'sources']);
});

for (const lang of LANGS) {
  test(`each card is one screen at 375 px and in a 640 px column, alone and in the page (${lang})`, async () => {
    const tall = [];
    for (const [width, limit] of [[375, 812], [640, 600]]) {
      for (const card of CARDS) {
        const { page, context, errors } = await openPage(browser, `${explainer.url}${page_(card, lang)}`, { width, height: 812 });
        await waitReady(page);
        await drawCharts(page);
        const h = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
        if (h > limit) tall.push(`${card} alone at ${width}: ${Math.round(h)} px`);
        assert.deepEqual(errors, [], card);
        await context.close();
      }
      const { page, context } = await openPage(browser, `${explainer.url}index${lang === 'en' ? '' : `.${lang}`}.html`, { width, height: 812 });
      await waitReady(page);
      await drawCharts(page);
      for (const [card, h] of await page.evaluate(() => [...document.querySelectorAll('#cards > [data-card]')].map((c) => [c.dataset.card, c.getBoundingClientRect().height]))) {
        if (h > limit) tall.push(`${card} in the page at ${width}: ${Math.round(h)} px`);
      }
      await context.close();
    }
    assert.deepEqual(tall, []);
  });
}

/** For each card with a slider: the slider, a figure of the card's that it moves, its chart. */
const MOVES = {
  claim: ['eurusd', 1.2, 'per_person_ratio', 'per-person'],
  gdp: ['gdp_fr', 2000, 'france_share_of_gdp', 'gdp'],
  pledges: ['uae', 30, 'itemised_at_point_eur_bn', 'pledges'],
  horizon: ['years_fr', 8, 'france_usd_per_person_per_year', 'horizon'],
  sensitivity: ['eurusd', 0.9, 'per_person_ratio', 'sensitivity'],
  energy: ['load_factor', 0.6, 'nuclear_ai_twh_per_year', 'energy'],
};

for (const [card, [param, value, key, chart]] of Object.entries(MOVES)) {
  test(`the ${card} card's slider moves its own figures and chart, and the URL`, async () => {
    const { page, context, errors } = await openPage(browser, `${explainer.url}${page_(card, 'en')}`, { width: 375, height: 812 });
    await waitReady(page);
    await drawCharts(page);
    const cell = page.locator(`#card-${card} [data-figure="${key}"]`);
    const before = await cell.textContent();
    const svg = () => (chart ? page.locator(`#card-${card} [data-chart="${chart}"] .plot`).innerHTML() : '');
    const drawn = await svg();
    await page.locator(`#card-${card} #number-${param}`).fill(String(value));
    await page.locator(`#card-${card} #number-${param}`).dispatchEvent('change');
    await nextFrame(page);
    assert.notEqual(await cell.textContent(), before, `${key} did not move`);
    if (chart) assert.notEqual(await svg(), drawn, `${chart} was not redrawn`);
    await page.waitForFunction((p) => new URLSearchParams(location.search).has(p), param);
    // Its own permalink: the card's page opened at that URL shows the same figure.
    const url = page.url();
    const moved = await cell.textContent();
    const again = await openPage(browser, url, { width: 375, height: 812 });
    await waitReady(again.page);
    assert.equal(await again.page.locator(`#card-${card} [data-figure="${key}"]`).textContent(), moved);
    await again.context.close();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a card page loads only its card: one chart, no other card, no page-wide controls', async () => {
  const { page, context } = await openPage(browser, `${explainer.url}cards/claim.html`, { width: 375, height: 812 });
  await waitReady(page);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-card]')].map((c) => c.dataset.card)), ['claim', 'claim']);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((c) => c.dataset.chart)), ['per-person']);
  assert.equal(await page.locator('section.controls, .masthead').count(), 0);
  await context.close();
});

test('a card page without JavaScript shows its answer and its chart as an image', async () => {
  const { page, context } = await openPage(browser, `${explainer.url}cards/claim.ar.html`, { width: 375, height: 812, javaScriptEnabled: false });
  assert.match(await page.locator('#card-claim .answer').textContent(), /[١٢٣٤٥٦٧٨٩]/);
  const img = page.locator('#card-claim noscript img, #card-claim img');
  assert.equal(await img.count(), 1);
  assert.ok(await img.evaluate((i) => i.complete && i.naturalWidth > 0), 'chart image not loaded');
  await context.close();
});

for (const [width, height] of [[375, 812], [1280, 800]]) {
  for (const lang of ['en', 'ar']) {
    test(`the first screen at ${width}×${height} (${lang}): the question, the answer, the chart drawn, the rate slider`, async () => {
      const { page, context } = await openPage(browser, `${explainer.url}index${lang === 'en' ? '' : `.${lang}`}.html`, { width, height });
      await waitReady(page);
      await page.waitForFunction(() => !document.querySelector('[data-chart="per-person"] svg.placeholder'));
      const inView = (sel) => page.locator(sel).first().evaluate((node, h) => {
        const r = node.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= h;
      }, height);
      for (const sel of ['#card-claim-q', '#card-claim [data-figure="per_person_ratio"]', '#verdict', '#card-claim [data-chart="per-person"] .plot svg', '#range-eurusd']) {
        assert.ok(await inView(sel), `${sel} is not on the first screen`);
      }
      // Above about 1000 px the controls sit beside the chart.
      const [chart, controls] = await Promise.all(['#card-claim .chart', '#card-claim .card-side'].map((s) => page.locator(s).boundingBox()));
      if (width >= 1000) assert.ok(controls.x >= chart.x + chart.width || controls.x + controls.width <= chart.x, 'controls not beside the chart');
      else assert.ok(controls.y >= chart.y + chart.height - 1, 'controls not under the chart');
      await context.close();
    });
  }
}

for (const lang of ['en', 'ar']) {
  test(`the full page at 375 px is at most 5,700 px, sources folded (${lang})`, async () => {
    const { page, context } = await openPage(browser, `${explainer.url}index${lang === 'en' ? '' : `.${lang}`}.html`, { width: 375, height: 812 });
    await waitReady(page);
    await drawCharts(page);
    const h = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
    assert.ok(h <= 5700, `${Math.round(h)} px`);
    assert.equal(await page.locator('details.sources').evaluate((d) => d.open), false);
    await context.close();
  });
}

for (const url of ['index.html', 'cards/claim.html', 'cards/pledges.ar.html']) {
  test(`no layout shift while ${url} loads and its charts are drawn`, async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${explainer.url}${url}`);
    await waitReady(page);
    await drawCharts(page);
    await page.waitForTimeout(200);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    await context.close();
  });
}

for (const url of ['cards/claim.html', 'cards/gdp.ar.html', 'index.html', 'index.ar.html']) {
  test(`axe-core finds no serious or critical violation on ${url}`, async () => {
    const { page, context } = await openPage(browser, `${explainer.url}${url}`, { width: 375, height: 812 });
    await waitReady(page);
    await drawCharts(page);
    await page.evaluate(AXE); // through the debugger protocol: the page's CSP stays strict
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(bad, []);
    await context.close();
  });
}

/** Waits until the iframe is exactly as high as its document, and returns both. */
async function settledHeights(page, selector) {
  const frameEl = page.locator(selector);
  await frameEl.scrollIntoViewIfNeeded();
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await waitReady(frame);
  let last = null;
  for (let i = 0; i < 50; i++) {
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
    const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1);
    last = { inner, outer, scrolls, frame };
    if (Math.abs(inner - outer) <= 1 && !scrolls) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

// The host's article has 12 px of padding: at 664 px its column is 640 px.
for (const width of [375, 664]) {
  test(`two cards on one host page through embed.js, each exactly as high as its content and independent (${width} px)`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${hostUrl}cards-host.html?explainer=${encodeURIComponent(explainer.url)}`);
    const claim = await settledHeights(page, '#claim iframe');
    const pledges = await settledHeights(page, '#pledges iframe');
    for (const [name, h] of [['claim', claim], ['pledges', pledges]]) {
      assert.ok(Math.abs(h.inner - h.outer) <= 1 && !h.scrolls, `${name}: ${JSON.stringify({ inner: h.inner, outer: h.outer, scrolls: h.scrolls })}`);
      assert.ok(h.outer <= (width < 640 ? 812 : 600), `${name}: ${h.outer} px`);
    }
    assert.match(await claim.frame.evaluate(() => location.pathname), /cards\/claim\.html$/);
    assert.match(await pledges.frame.evaluate(() => location.pathname), /cards\/pledges\.ar\.html$/);
    assert.equal(await pledges.frame.evaluate(() => document.documentElement.dir), 'rtl');
    // Independent: moving the claim card's rate leaves the other card's figures as they were.
    const other = await pledges.frame.evaluate(() => document.querySelector('#card-pledges').textContent);
    const ratio = await claim.frame.evaluate(() => document.querySelector('[data-figure="per_person_ratio"]').textContent);
    await claim.frame.locator('#number-eurusd').fill('1.25');
    await claim.frame.locator('#number-eurusd').dispatchEvent('change');
    await claim.frame.waitForFunction((r) => document.querySelector('[data-figure="per_person_ratio"]').textContent !== r, ratio);
    assert.equal(await pledges.frame.evaluate(() => document.querySelector('#card-pledges').textContent), other);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the embed code a card copies names that card alone', async () => {
  const { page, context } = await openPage(browser, `${explainer.url}index.html`, { width: 1280, height: 800 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: explainer.url.replace(/\/$/, '') });
  await waitReady(page);
  await page.locator('#card-gdp .card-embed').click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^<div data-pledge-explainer data-card="gdp" data-lang="en"><\/div><script src="http:\/\/[^"]+\/embed\.js" async><\/script>$/);
  await context.close();
});

test('a card page whose wasm cannot load keeps its static answer and says why, in its language', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${explainer.url}cards/claim.ar.html`);
  await page.waitForFunction(() => document.querySelector('#explainer').getAttribute('aria-busy') === 'false');
  assert.match(await page.locator('#notices').textContent(), /^تعذّر تحميل النسخة التفاعلية/);
  assert.match(await page.locator('#card-claim [data-figure="per_person_ratio"]').textContent(), /١٫١٢/);
  await context.close();
});

test('a card page reads a relative ?dataset= from the explainer\'s folder, as the full page does', async () => {
  const { page, context, errors } = await openPage(browser, `${explainer.url}cards/claim.html?dataset=data/eu-investai-2025.json`, { width: 375, height: 812 });
  await waitReady(page);
  assert.match(await page.locator('#card-claim .answer').textContent(), /InvestAI/);
  assert.equal(await page.locator('.dataset-error').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card page whose language pack cannot load says to reload (it has no language links)', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  await context.route('**/i18n/**', (route) => route.fulfill({ status: 503, body: 'down' }));
  const page = await context.newPage();
  await page.goto(`${explainer.url}cards/claim.html?lang=fr`);
  await page.locator('#notices p').waitFor();
  assert.equal(await page.locator('#notices').textContent(), 'The words for “Français” could not be loaded (the network may be down): the page goes on in “English”. Reload the page to try again.');
  await context.close();
});

for (const [width, limit] of [[375, 812], [640, 600]]) {
  test(`the sources card alone, opened, stays one screen: its body scrolls and the keyboard reaches it (${width} px)`, async () => {
    for (const lang of LANGS) {
      const { page, context } = await openPage(browser, `${explainer.url}${page_('sources', lang)}`, { width, height: 812 });
      await waitReady(page);
      await page.locator('#sources > summary').click();
      const box = await page.evaluate(() => {
        const card = document.querySelector('section[data-card="sources"]');
        const body = card.querySelector('.sources-scroll');
        return { height: card.getBoundingClientRect().height, scrolls: body.scrollHeight > body.clientHeight, tab: body.tabIndex, name: body.getAttribute('aria-labelledby') };
      });
      assert.ok(box.height <= limit, `${lang}: ${Math.round(box.height)} px`);
      assert.ok(box.scrolls, `${lang}: the body does not scroll`);
      assert.equal(box.tab, 0);
      assert.equal(box.name, 'sources-heading');
      await context.close();
    }
  });
}
