// Embedding in news pages on another origin: NPR's pym.js parent and our embed.js size the
// iframe to the explainer's height at every width and after a language switch; two embeds do
// not interfere; the explainer runs under the strict CSP and requests nothing elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, serveDist, waitReady, startDrag, CHART_NAMES } from './helpers.mjs';

let browser, explainer, host, hostUrl, explainerUrl;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-host-'));
  cpSync(new URL('./fixtures', import.meta.url).pathname, dir, { recursive: true });
  cpSync(new URL('../../node_modules/pym.js/dist/pym.v1.min.js', import.meta.url).pathname, join(dir, 'pym.v1.min.js'));
  explainer = await serveDist();
  explainerUrl = explainer.url;
  host = await startServer({ root: dir, csp: false });
  // A different site, not only a different port: localhost against 127.0.0.1.
  hostUrl = host.url.replace('127.0.0.1', 'localhost');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  explainer?.server.close();
  host?.server.close();
});

/** Waits until the iframe's height equals its document's height, and returns both. */
async function settledHeights(page, selector) {
  const frameEl = page.locator(selector);
  // Chromium throttles the rendering of off-screen cross-origin frames, so a frame below the
  // fold can report a stale viewport; a reader sees it only once scrolled to, so look there.
  await frameEl.scrollIntoViewIfNeeded();
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await waitReady(frame);
  let last = null;
  for (let i = 0; i < 50; i++) {
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
    // Sub-pixel layout may round scrollHeight one pixel past the frame: no scroll bar shows for that.
    const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1);
    last = { inner, outer, scrolls };
    if (Math.abs(inner - outer) <= 1 && !scrolls) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

for (const width of [1000, 375]) {
  test(`pym.js parent: the iframe is exactly as high as the explainer at ${width} px, and after a language switch`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${hostUrl}pym-host.html?explainer=${encodeURIComponent(`${explainerUrl}?lang=en`)}`);
    let h = await settledHeights(page, '#explainer-embed iframe');
    assert.ok(Math.abs(h.inner - h.outer) <= 1 && !h.scrolls, JSON.stringify(h));
    const enHeight = h.outer;
    const frame = await (await page.locator('#explainer-embed iframe').elementHandle()).contentFrame();
    assert.match(frame.url(), /initialWidth=\d+&childId=explainer-embed/);
    await frame.locator('#langs a[data-lang="ar"]').click();
    await frame.waitForFunction(() => document.documentElement.dir === 'rtl');
    h = await settledHeights(page, '#explainer-embed iframe');
    assert.ok(Math.abs(h.inner - h.outer) <= 1 && !h.scrolls, JSON.stringify(h));
    // The Arabic page is laid out (its height may or may not differ from the English one at
    // this width), and the iframe is exactly as high as it.
    assert.match(await frame.locator('h1').textContent(), /[\u0600-\u06FF]/);
    assert.ok(h.outer > 0 && enHeight > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('embed.js: two embeds on one page size themselves independently, with the host page language as default', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}embed-host.html?explainer=${encodeURIComponent(explainerUrl)}`);
  const first = await settledHeights(page, '#first iframe');
  const second = await settledHeights(page, '#second iframe');
  for (const h of [first, second]) assert.ok(Math.abs(h.inner - h.outer) <= 1 && !h.scrolls, JSON.stringify(h));
  const [f1, f2] = await Promise.all(['#first iframe', '#second iframe'].map(async (s) => (await page.locator(s).elementHandle()).contentFrame()));
  assert.equal(await f1.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await f2.evaluate(() => document.documentElement.lang), 'fr', 'the host page is in French');
  // Each loads the static page already in its language: shown at once, adopted, not rewritten.
  assert.match(await page.locator('#first iframe').getAttribute('src'), /\/index\.ar\.html\?/);
  assert.match(await page.locator('#second iframe').getAttribute('src'), /\/index\.fr\.html\?/);
  assert.equal(await f2.locator('#range-eurusd').inputValue(), '1.1');
  assert.equal(await page.locator('#first iframe').getAttribute('title'), 'Explainer in Arabic');
  // Resizing the host: both follow.
  await page.setViewportSize({ width: 375, height: 900 });
  const narrow1 = await settledHeights(page, '#first iframe');
  const narrow2 = await settledHeights(page, '#second iframe');
  for (const h of [narrow1, narrow2]) assert.ok(Math.abs(h.inner - h.outer) <= 1 && !h.scrolls, JSON.stringify(h));
  assert.ok(narrow1.outer > first.outer, 'taller when narrower');
  await context.close();
});

test('a host page with an opaque origin (about:blank, a file) gets the explainer, sized, with another story', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.setContent(`<!doctype html><html lang="en"><body><p>An article.</p><div data-pledge-explainer data-dataset="data/eu-investai-2025.json"></div><script src="${explainerUrl}embed.js" async></script></body></html>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('html:not(.relabel) #title').filter({ hasText: /InvestAI/ }).waitFor({ timeout: 15000 });
  // Cross-origin: the frame's height is read inside it, until embed.js has applied it.
  let height = 0;
  let content = -1;
  for (let i = 0; i < 150 && Math.round(height) !== content; i++) {
    if (i) await page.waitForTimeout(100);
    height = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    content = await frame.locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
  }
  assert.equal(Math.round(height), content);
  await page.close();
});

test('a forged height message from the host page itself is ignored by embed.js', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}embed-host.html?explainer=${encodeURIComponent(explainerUrl)}`);
  const h = await settledHeights(page, '#first iframe');
  await page.evaluate(() => window.postMessage('pymxPYMxpledge-explainer-1xPYMxheightxPYMx5', '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#first iframe').evaluate((f) => f.getBoundingClientRect().height), h.outer);
  await context.close();
});

test('under the strict CSP: no violation, ready, and every request stays on the explainer\'s origin', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${explainerUrl}?lang=ar`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await waitReady(page);
  // Exercise everything: sliders, language, presets, a chart download.
  await page.locator('#range-eurusd').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-preset="article"]').click();
  await page.locator('#langs a[data-lang="fr"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#card-pledges button[data-format="png"]').click()]);
  assert.ok(await download.path());
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const origin = new URL(explainerUrl).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  await context.close();
});

test('dist/ works from a subfolder of a static host', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-sub-'));
  cpSync(new URL('../../dist', import.meta.url).pathname, join(dir, 'news', 'explainer'), { recursive: true });
  const sub = await startServer({ root: dir });
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${sub.url}news/explainer/?lang=en`);
  await waitReady(page);
  assert.equal(await page.locator('[data-figure="announced_usd_bn"]').first().textContent(), '$112.5bn');
  assert.deepEqual(errors, []);
  await page.close();
  sub.server.close();
});

test('dist/explainer.html opened from disk becomes ready and fetches nothing', async () => {
  const file = new URL('../../dist/explainer.html', import.meta.url).href;
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${file}?lang=ar&eurusd=1.05`);
  await waitReady(page);
  assert.equal(await page.locator('[data-figure="announced_usd_bn"]').first().textContent(), '\u2068١١٤٫٥ مليار دولار\u2069');
  await page.locator('#range-pop_fr').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('[data-chart] svg').count(), CHART_NAMES.length);
  const network = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('assets carry content hashes and are cached for a year; index.html and embed.js are not', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const caching = {};
  page.on('response', (r) => { caching[new URL(r.url()).pathname] = r.headers()['cache-control']; });
  await page.goto(`${explainerUrl}?lang=en`);
  await waitReady(page);
  // The wasm's second part (the charts' drawing) comes after ready: hashed and cached alike.
  await page.waitForFunction(() => performance.getEntriesByName('explainer:later').length > 0);
  const assets = Object.keys(caching).filter((p) => /\.(js|css|wasm)$/.test(p));
  assert.ok(assets.length >= 3, assets.join());
  // Nothing blocks the first paint but the page itself: its style and boot script are inline,
  // allowed by hash in the policy the page states (the same one the server sends).
  const head = await page.evaluate(() => ({
    external: document.querySelectorAll('link[rel=stylesheet], head script[src]:not([type=module])').length,
    inline: document.querySelectorAll('head style, head script:not([src])').length,
    policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
    styled: getComputedStyle(document.querySelector('#explainer')).maxWidth !== 'none',
  }));
  assert.ok(head.styled, 'the inline style was refused');
  assert.equal(head.external, 0);
  assert.equal(head.inline, 2);
  assert.match(head.policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+';/);
  assert.match(head.policy, /style-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  assert.doesNotMatch(head.policy, /unsafe-inline/);
  for (const p of assets) {
    assert.match(p, /\.[0-9a-f]{10}\.(js|css|wasm)$/, `${p} has no content hash`);
    assert.match(caching[p], /immutable/, p);
  }
  assert.equal(caching['/'], 'no-cache');
  // The default story is compiled into the wasm: the build with the JSON reader is not loaded.
  assert.deepEqual(assets.filter((p) => p.endsWith('.wasm')).map((p) => p.replace(/\.[0-9a-f]{10}\./, '.')), ['/pkg/pledge_explainer_bg.wasm', '/pkg/pledge_explainer_later_bg.wasm']);
  await context.close();
});

test('inside an iframe sized by embed.js, a drag at 375 px keeps the claim card\'s answer and chart in the host\'s view and the host is not told a new height', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: false });
  const page = await context.newPage();
  await page.goto(`${hostUrl}embed-host.html?explainer=${encodeURIComponent(explainerUrl)}`);
  await settledHeights(page, '#second iframe');
  const frame = await (await page.locator('#second iframe').elementHandle()).contentFrame();
  await frame.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0);
  const range = frame.locator('#range-eurusd');
  // The reader brings the card into view (it is one phone screen: its slider is in view too).
  await page.locator('#second iframe').evaluate((f) => f.scrollIntoView({ block: 'start' }));
  const slider = await range.boundingBox();
  assert.ok(slider.y >= 0 && slider.y + slider.height <= 812, `the slider is not in view with its card: ${JSON.stringify(slider)}`);
  const heightBefore = await page.locator('#second iframe').evaluate((f) => f.getBoundingClientRect().height);
  const ratio = await frame.locator('#card-claim [data-figure="per_person_ratio"]').textContent();
  await startDrag(page, range, 0.2);
  await page.waitForTimeout(100);
  // The card's own answer and chart are the live view, in the host's viewport.
  for (const sel of ['#card-claim [data-figure="per_person_ratio"]', '#card-claim [data-chart="per-person"] .plot']) {
    const p = await frame.locator(sel).boundingBox(); // in the host page's viewport
    assert.ok(p.y >= 0 && p.y + p.height <= 812, `${sel}: ${JSON.stringify(p)}`);
  }
  assert.notEqual(await frame.locator('#card-claim [data-figure="per_person_ratio"]').textContent(), ratio);
  await page.mouse.up();
  await page.waitForTimeout(300);
  const heightAfter = await page.locator('#second iframe').evaluate((f) => f.getBoundingClientRect().height);
  assert.equal(heightAfter, heightBefore, 'the drag moved nothing: the host was told no new height');
  await context.close();
});
