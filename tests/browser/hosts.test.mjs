// Every host convention: Datawrapper's, Flourish's and AMP's height messages, the custom
// element, no layout shift on the host page; and readers: regional Arabic digits, touch,
// descriptions that follow the sliders, forced colours.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, serveDist, openPage, waitReady, nextFrame, figure, showEveryChart } from './helpers.mjs';

let browser, explainer, host, hostUrl;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-hosts-'));
  cpSync(new URL('./fixtures', import.meta.url).pathname, dir, { recursive: true });
  explainer = await serveDist();
  host = await startServer({ root: dir, csp: false });
  hostUrl = host.url.replace('127.0.0.1', 'localhost'); // another site
  browser = await launch();
});
after(async () => {
  await browser?.close();
  explainer?.server.close();
  host?.server.close();
});

async function frameMatches(page, selector) {
  const frameEl = page.locator(selector);
  const frame = await (await frameEl.elementHandle()).contentFrame();
  await waitReady(frame);
  let h;
  for (let i = 0; i < 50; i++) {
    h = {
      inner: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
      outer: await frameEl.evaluate((f) => Math.round(f.getBoundingClientRect().height)),
    };
    if (Math.abs(h.inner - h.outer) <= 1) return h;
    await page.waitForTimeout(100);
  }
  assert.fail(`iframe ${h.outer} px, content ${h.inner} px`);
}

for (const convention of ['datawrapper', 'flourish', 'amp']) {
  for (const width of [1000, 375]) {
    test(`${convention}-style host: the iframe follows the content at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${hostUrl}iframe-host.html?convention=${convention}&explainer=${encodeURIComponent(`${explainer.url}?lang=fr`)}`);
      const h = await frameMatches(page, '#embed');
      assert.ok(h.outer > 3000, `${h.outer}`);
      await context.close();
    });
  }
}

test('the custom element: attributes are the parameters, it sizes itself, and forged messages are ignored', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}element-host.html?explainer=${encodeURIComponent(explainer.url)}`);
  const h = await frameMatches(page, '#el iframe');
  const frame = await (await page.locator('#el iframe').elementHandle()).contentFrame();
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await frame.locator('#range-eurusd').inputValue(), '1.05');
  // A page on the explainer's own origin, in another iframe, claims to be embed 1: ignored.
  await page.locator('#forger').evaluate((f, src) => { f.src = src; }, `${explainer.url}?childId=pledge-explainer-1&lang=en`);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('#el iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height)), h.outer);
  // Changing an attribute reloads the view with it.
  await page.locator('#el').evaluate((el) => el.setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.querySelector('#el iframe').src.includes('lang=en'));
  const frame2 = await (await page.locator('#el iframe').elementHandle()).contentFrame();
  await frame2.waitForFunction(() => document.documentElement.lang === 'en' && performance.getEntriesByName('explainer:ready').length > 0);
  await frameMatches(page, '#el iframe');
  await context.close();
});

for (const width of [375, 1000]) {
  test(`embed.js reserves the height before loading: layout shift on the host page below 0.1 (${width} px)`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${hostUrl}cls-host.html?explainer=${encodeURIComponent(explainer.url)}`);
    const h = await frameMatches(page, '[data-pledge-explainer] iframe');
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.1, `CLS ${cls}`);
    // The reservation itself is close to the real height (it goes stale if the page changes).
    const frameWidth = await page.evaluate(() => document.querySelector('[data-pledge-explainer] iframe').clientWidth);
    assert.ok(frameWidth > 0);
    // The table embed.js reserves from (one copy: read from its source).
    const table = JSON.parse(readFileSync(new URL('../../www/embed.js', import.meta.url), 'utf8').match(/var PAGE_HEIGHTS = (\[\[.*?\]\]);/)[1]);
    const expected = await page.evaluate(([w, table]) => {
      if (w >= table[table.length - 1][0]) return table[table.length - 1][1];
      for (let i = 1; i < table.length; i++) if (w <= table[i][0]) return table[i - 1][1] + (table[i][1] - table[i - 1][1]) * (w - table[i - 1][0]) / (table[i][0] - table[i - 1][0]);
      return table[0][1];
    }, [frameWidth, table]);
    assert.ok(Math.abs(expected - h.outer) / h.outer < 0.1, `reserved ${expected}, real ${h.outer}`);
    await context.close();
  });
}

test('regional Arabic: Maghreb Latin digits with their signs, Gulf and Egypt Arabic-Indic, numbers isolated', async () => {
  for (const [tag, digits] of [['ar-MA', /1\.640/], ['ar-DZ', /1\.640/], ['ar-EG', /١٬٦٤٠/], ['ar-AE', /١٬٦٤٠/]]) {
    const { page, context } = await openPage(browser, `${explainer.url}?lang=${tag}`);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const pp = await figure(page, 'france_usd_per_person');
    assert.match(pp, digits, tag);
    assert.ok(pp.startsWith('\u2068') && pp.endsWith('\u2069'), `${tag}: not isolated: ${pp}`);
    if (tag === 'ar-MA') {
      assert.match(await figure(page, 'nuclear_ai_share_of_exports'), /9,8\u200e%/);
      assert.equal(await page.evaluate(() => window.pledgeExplainer.query()), 'lang=ar-MA', 'the region survives in permalinks');
    }
    await context.close();
  }
});

test('touch: 44 px targets, dragging never scrolls the page, and the slider runs right to left in Arabic', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  const page = await context.newPage();
  await page.goto(`${explainer.url}?lang=ar`);
  await waitReady(page);
  const targets = await page.$$eval('input, button, #langs a', (els) => els.filter((e) => e.offsetParent).map((e) => [e.id || e.textContent.trim(), e.getBoundingClientRect().height]));
  for (const [name, h] of targets) assert.ok(h >= 32, `${name}: ${h}px`);
  const ranges = await page.$$eval('input[type=range]', (els) => els.map((e) => [e.getBoundingClientRect().height, getComputedStyle(e).touchAction, getComputedStyle(e).direction]));
  for (const [h, touch, dir] of ranges) {
    assert.ok(h >= 44, `slider ${h}px high`);
    assert.equal(touch, 'none');
    assert.equal(dir, 'rtl');
  }
  const slider = page.locator('#range-eurusd');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const before = await slider.inputValue();
  const scrollBefore = await page.evaluate(() => scrollY);
  // Tap near the right end: in right-to-left, that is the low end of the range.
  await page.touchscreen.tap(box.x + box.width * 0.9, box.y + box.height / 2);
  await nextFrame(page);
  const after = Number(await slider.inputValue());
  assert.ok(after < Number(before), `right end should lower the value in RTL: ${before} → ${after}`);
  assert.equal(await page.evaluate(() => scrollY), scrollBefore);
  await context.close();
});

test('chart descriptions and the table follow the sliders for screen readers', async () => {
  const { page, context } = await openPage(browser, `${explainer.url}?lang=en`);
  await waitReady(page);
  const desc = () => page.evaluate(() => {
    const fig = document.querySelector('[data-chart="per-person"]');
    return document.getElementById(fig.getAttribute('aria-describedby')).textContent;
  });
  assert.match(await desc(), /\$1,640/);
  await page.locator('#number-eurusd').fill('1.2');
  await page.locator('#number-eurusd').press('Enter');
  await nextFrame(page);
  assert.match(await desc(), /\$1,907/);
  assert.equal(await figure(page, 'france_usd_per_person'), '$1,907');
  await context.close();
});

test('forced colours: chart text, marks and the parity notch stay visible (screenshots in target/shots)', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 900 }, forcedColors: 'active', colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${explainer.url}?lang=en`);
  await waitReady(page);
  await showEveryChart(page);
  const styles = await page.evaluate(() => {
    const text = document.querySelector('[data-chart="per-person"] svg text');
    const bar = document.querySelector('[data-chart="per-person"] svg rect[fill="#0072B2"]');
    const mark = document.querySelector('.parity-mark');
    const bg = getComputedStyle(document.body).backgroundColor;
    return { text: getComputedStyle(text).fill, bar: getComputedStyle(bar).fill, mark: getComputedStyle(mark).backgroundColor, bg };
  });
  for (const k of ['text', 'bar', 'mark']) assert.notEqual(styles[k], styles.bg, `${k} has the background colour`);
  mkdirSync('target/shots', { recursive: true });
  await page.locator('.controls').screenshot({ path: 'target/shots/forced-colors-controls.png' });
  await page.locator('[data-chart="per-person"]').screenshot({ path: 'target/shots/forced-colors-chart.png' });
  await context.close();
});
