// The spine end to end: dist/index.html loads the wasm, shows the figures, and a slider
// moves them by the amounts the core computes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useDist, openPage, waitReady, figure, settled, CHART_NAMES } from './helpers.mjs';

const env = useDist(before, after);

test('the page becomes ready and shows the sourced figures', async () => {
  const { page, errors, context } = await openPage(env.browser, `${env.url}?lang=en`);
  await waitReady(page);
  assert.equal(await figure(page, 'announced_usd_bn'), '$112.5bn');
  assert.equal(await figure(page, 'itemised_eur_bn'), '€63–83bn');
  assert.equal(await figure(page, 'per_person_ratio'), '1.12×');
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving the exchange-rate slider changes the dollar figures', async () => {
  const { page, errors, context } = await openPage(env.browser, `${env.url}?lang=en`);
  await waitReady(page);
  const slider = page.locator('#range-eurusd');
  await slider.focus();
  // Ten steps of 0.0005 up with the keyboard, as a reader would.
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '1.037');
  await settled(page); // the table, out of view, catches up when the slider rests
  assert.equal(await figure(page, 'announced_usd_bn'), '$113bn');
  // 109 × 1.037 = 113.033 → per person 113.033e9 / 68.606e6 = $1,647.5
  assert.equal(await figure(page, 'france_usd_per_person'), '$1,648');
  const lede = await page.locator('[data-sentence="lede"]').textContent();
  assert.match(lede, /^At \$1\.0370 per euro/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The static charts without JavaScript: each an image, loaded, over its placeholder's box. */
const staticCharts = (page) => page.evaluate(async () => {
  const images = [...document.querySelectorAll('[data-chart] .plot > noscript ~ img, [data-chart] .plot img')];
  await Promise.all(images.map((i) => i.decode().catch(() => {})));
  return images.map((i) => i.naturalWidth > 0
    && Math.abs(i.getBoundingClientRect().height - i.parentElement.closest('.plot').getBoundingClientRect().height) < 1);
});

test('without wasm the static figures stay', async () => {
  const { page, context } = await openPage(env.browser, env.url, { javaScriptEnabled: false });
  assert.equal(await page.locator('[data-figure="announced_usd_bn"]').first().textContent(), '$112.5bn');
  assert.match(await page.locator('#prose').textContent(), /France’s AI package \(€109bn\) comes to \$112\.5bn/);
  assert.deepEqual(await staticCharts(page), CHART_NAMES.map(() => true), 'the static charts');
  assert.match(await page.locator('#pledges-summary').textContent(), /€26bn was not itemised/);
  assert.match(await page.locator('noscript').first().textContent(), /needs JavaScript/);
  // Nothing that needs a script is shown: no slider, switch or button that does nothing, no
  // "Loading…" for ever (copy edit C16).
  const visible = await page.evaluate(() => [...document.querySelectorAll('input, button, select, #loading')]
    .filter((e) => e.getClientRects().length > 0).map((e) => e.id || e.outerHTML.slice(0, 60)));
  assert.deepEqual(visible, []);
  await context.close();
});

test('without JavaScript, index.ar.html and index.fr.html tell the story in Arabic and French', async () => {
  for (const [file, lang, dir, usd, heading, noScript] of [
    ['index.ar.html', 'ar', 'rtl', '\u2068١١٢٫٥ مليار دولار\u2069', 'المصادر والمنهجية', /^تتطلب النسخة التفاعلية جافاسكريبت/],
    ['index.fr.html', 'fr', 'ltr', '112,5\u00a0Md$', 'Sources et méthode', /^La version interactive nécessite JavaScript/],
  ]) {
    const { page, context } = await openPage(env.browser, `${env.url}${file}`, { javaScriptEnabled: false });
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [lang, dir]);
    assert.equal(await page.locator('[data-figure="announced_usd_bn"]').first().textContent(), usd);
    assert.equal(await page.locator('#sources-heading').textContent(), heading);
    assert.deepEqual(await staticCharts(page), CHART_NAMES.map(() => true), `${file}: the static charts`);
    assert.equal(await page.locator(`#langs a[data-lang="${lang}"]`).getAttribute('aria-current'), 'true');
    assert.match(await page.locator('noscript p').textContent(), noScript);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('link[rel=alternate]')].map((l) => `${l.hreflang} ${l.getAttribute('href')}`)),
      ['en index.html', 'fr index.fr.html', 'ar index.ar.html']);
    await context.close();
  }
});

test('index.ar.html stays Arabic in an English browser unless the URL asks for another language', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.url}index.ar.html`, { locale: 'en-US' });
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  assert.equal(await page.locator('[data-figure="announced_usd_bn"]').first().textContent(), '\u2068١١٢٫٥ مليار دولار\u2069');
  await page.goto(`${env.url}index.ar.html?lang=en`);
  await waitReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('[data-figure="announced_usd_bn"]').first().textContent(), '$112.5bn');
  assert.deepEqual(errors, []);
  await context.close();
});
