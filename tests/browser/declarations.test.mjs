// What the core declares reaches every script: a knob only the URL sets (load_factor) survives
// the permalink, the embed code and embed.js (the div and the custom element), and every
// script reads a language tag as the core does (`?lang=arabic` is no language anywhere).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, serveDist, openPage, waitReady, figure, settled } from './helpers.mjs';

let browser, explainer, host, hostDir;
before(async () => {
  explainer = await serveDist();
  hostDir = mkdtempSync(join(tmpdir(), 'pledge-decl-'));
  host = await startServer({ root: hostDir, csp: false });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  explainer?.server.close();
  host?.server.close();
});

// 1 GW all year is 8.76 TWh; at a load factor of 0.6, 5.256: shown to two places.
const AT_06 = '5.26 TWh';

test('load_factor round-trips through the permalink and the embed code', async () => {
  const { page, errors, context } = await openPage(browser, `${explainer.url}?lang=en&load_factor=0.6`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(explainer.url).origin });
  await waitReady(page);
  assert.equal(await figure(page, 'nuclear_ai_twh_per_year'), AT_06);
  // Another change rewrites the URL: the knob the page has no slider for stays in it.
  await page.locator('#range-eurusd').focus();
  await page.keyboard.press('ArrowRight');
  await settled(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).has('eurusd'), null, { timeout: 5000 });
  const query = new URL(page.url()).searchParams;
  assert.equal(query.get('load_factor'), '0.6', page.url());
  await page.locator('#copy-embed').click();
  await page.locator('#copy-status').filter({ hasText: /copied/ }).waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /data-load-factor="0\.6"/, snippet);
  assert.deepEqual(errors, []);
  await context.close();

  // The snippet pasted into a news page on another site: embed.js carries it into the frame.
  writeFileSync(join(hostDir, 'snippet.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><article>${snippet}</article></body></html>`);
  const pasted = await openPage(browser, `${host.url.replace('127.0.0.1', 'localhost')}snippet.html`);
  const iframe = pasted.page.locator('iframe');
  await iframe.waitFor({ state: 'attached' });
  assert.equal(new URL(await iframe.getAttribute('src')).searchParams.get('load_factor'), '0.6');
  const frame = await (await iframe.elementHandle()).contentFrame();
  await waitReady(frame);
  assert.equal(await frame.locator('[data-figure="nuclear_ai_twh_per_year"]').first().textContent(), AT_06);
  await pasted.context.close();
});

test('the custom element takes every declared knob as an attribute, load-factor included', async () => {
  writeFileSync(join(hostDir, 'element.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<pledge-explainer id="el" load-factor="0.6" pop-fr="70"></pledge-explainer>
<script src="${explainer.url}embed.js" async></script></body></html>`);
  const { page, context } = await openPage(browser, `${host.url.replace('127.0.0.1', 'localhost')}element.html`);
  const iframe = page.locator('#el iframe');
  await iframe.waitFor({ state: 'attached' });
  let src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.searchParams.get('load_factor'), '0.6');
  assert.equal(src.searchParams.get('pop_fr'), '70');
  // Changing an attribute reloads the view with it.
  await page.locator('#el').evaluate((el) => el.setAttribute('load-factor', '0.3'));
  await page.waitForFunction(() => new URL(document.querySelector('#el iframe').src).searchParams.get('load_factor') === '0.3');
  src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.pathname.endsWith('/index.html'), true, src.href);
  await context.close();
});

/** Whether boot.js hid the page for relabelling at any moment (watched from the document's start). */
async function watchRelabel(context) {
  await context.addInitScript(() => {
    window.__relabel = false;
    const add = DOMTokenList.prototype.add;
    DOMTokenList.prototype.add = function (...names) {
      if (names.includes('relabel')) window.__relabel = true;
      return add.apply(this, names);
    };
  });
}

for (const [asked, hides, shown] of [
  ['arabic', false, 'en'], // a word, not a tag: English, shown at once
  ['ar', true, 'ar'], // the check can see a relabel
  ['AR_ma', true, 'ar'],
  ['fr-CA', true, 'fr'],
]) {
  test(`?lang=${asked}: boot.js and app.js agree (${shown}${hides ? ', hidden until relabelled' : ', never hidden'})`, async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    await watchRelabel(context);
    const page = await context.newPage();
    await page.goto(`${explainer.url}?lang=${encodeURIComponent(asked)}`);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), shown);
    assert.equal(await page.evaluate(() => window.__relabel), hides);
    await context.close();
  });
}

test('embed.js picks the static page as the core reads the tag', async () => {
  for (const [lang, pageName] of [['arabic', 'index.html'], ['ar-MA', 'index.ar.html'], ['FR', 'index.fr.html'], ['en-GB', 'index.html']]) {
    writeFileSync(join(hostDir, 'lang.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body>
<div data-pledge-explainer data-lang="${lang}"></div><script src="${explainer.url}embed.js" async></script></body></html>`);
    const { page, context } = await openPage(browser, `${host.url.replace('127.0.0.1', 'localhost')}lang.html`);
    const iframe = page.locator('iframe');
    await iframe.waitFor({ state: 'attached' });
    const src = new URL(await iframe.getAttribute('src'));
    assert.ok(src.pathname.endsWith(`/${pageName}`), `${lang}: ${src.href}`);
    await context.close();
  }
});
