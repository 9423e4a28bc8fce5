// Issue #41, "a touch before ready is kept": on a phone the served page is on screen seconds
// before the wasm is ready; a reader who moves a slider, presses an arrow key on it or flips a
// switch then must not lose it. At ready the page applies each control's last value through
// the core, as a move: the slider, the figures, the prose and the URL follow.
// On the bench's phone profile (scripts/bench.mjs, bench/probes/common.mjs: 150 ms, 1.6 Mbps,
// the CPU 4× slower).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE } from '../../bench/probes/common.mjs';
import { useDist, waitReady, nextFrame, settled } from './helpers.mjs';

const env = useDist(before, after);

async function phone() {
  const context = await env.browser.newContext({ ...PHONE.context, locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  return { context, page, errors };
}

const isReady = (page) => page.evaluate(() => performance.getEntriesByName('explainer:ready').length > 0);
/** What the page shows that follows the rate: the slider, the claim card's figure, the lede. */
const shown = (page) => page.evaluate(() => ({
  slider: document.querySelector('#range-eurusd').value,
  number: document.querySelector('#number-eurusd').value,
  figure: document.querySelector('#card-claim [data-figure="france_usd_per_person"]').textContent,
  lede: document.querySelector('[data-sentence="lede"]').textContent,
}));

/** The same view loaded from its URL (no throttling): what the page must show. */
async function expected(query) {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${env.url}?${query}`);
  await waitReady(page);
  const view = await shown(page);
  await context.close();
  return view;
}

/**
 * Opens the page on the phone and waits for the served slider to be on screen, before ready.
 * The page's wasm is held back until `release()`: on a real phone the reader has seconds (the
 * bench's phone run: the first paint about 1 s before ready), a test driving the page through
 * the throttled CPU takes about as long per touch.
 */
async function servedSlider() {
  const opened = await phone();
  let release;
  const held = new Promise((done) => { release = done; });
  await opened.page.route(/\/pledge_explainer_bg\.[^/]*wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await opened.page.goto(`${env.url}?lang=en`, { waitUntil: 'commit' });
  const slider = opened.page.locator('#range-eurusd');
  await slider.waitFor({ state: 'visible', timeout: 30000 });
  await slider.scrollIntoViewIfNeeded();
  return { ...opened, slider, release };
}

async function afterReady(page, defaults, before) {
  await waitReady(page);
  await settled(page);
  const query = await page.evaluate(() => globalThis.pledgeExplainer.query());
  const eurusd = new URLSearchParams(query).get('eurusd');
  assert.equal(eurusd, before, `the core's view: ${query}`);
  assert.equal(new URL(page.url()).searchParams.get('eurusd'), before, 'the URL');
  const now = await shown(page);
  const want = await expected(`lang=en&eurusd=${eurusd}`);
  assert.deepEqual(now, want);
  assert.notEqual(now.figure, defaults.figure);
  assert.notEqual(now.lede, defaults.lede);
}

test('phone: a tap on a slider and a switch before ready is applied at ready (slider, figure, lede, URL)', async () => {
  const { page, context, slider, errors, release } = await servedSlider();
  const defaults = await shown(page);
  const box = await slider.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.85, box.y + box.height / 2);
  const tapped = await slider.inputValue();
  const privateOnly = page.locator('#switch-private_only');
  await privateOnly.scrollIntoViewIfNeeded();
  await privateOnly.tap({ force: true }); // a finger does not wait for the page
  assert.equal(await isReady(page), false, 'the page was ready before the tap: the test proves nothing');
  assert.notEqual(tapped, defaults.slider, 'the served slider did not move under the finger');
  assert.equal(await privateOnly.isChecked(), true, 'the served switch did not flip');
  release();
  await waitReady(page);
  await settled(page);
  assert.equal(await privateOnly.isChecked(), true);
  const query = new URLSearchParams(await page.evaluate(() => globalThis.pledgeExplainer.query()));
  assert.equal(query.get('private_only'), '1');
  assert.equal(query.get('eurusd'), tapped);
  // Both moves were applied: the view equals the one loaded from its URL.
  const now = await shown(page);
  assert.deepEqual(now, await expected(`lang=en&eurusd=${tapped}&private_only=1`));
  assert.notEqual(now.figure, defaults.figure);
  assert.equal(new URL(page.url()).searchParams.get('eurusd'), tapped);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: ArrowRight on a slider before ready is applied at ready', async () => {
  const { page, context, slider, errors, release } = await servedSlider();
  const defaults = await shown(page);
  await slider.focus();
  for (let i = 0; i < 3; i++) await slider.press('ArrowRight');
  const pressed = await slider.inputValue();
  assert.equal(await isReady(page), false, 'the page was ready before the keys: the test proves nothing');
  assert.ok(Number(pressed) > Number(defaults.slider), `ArrowRight did not move the served slider: ${defaults.slider} → ${pressed}`);
  release();
  await afterReady(page, defaults, pressed);
  // And the page goes on as usual from there.
  await slider.press('ArrowRight');
  await settled(page);
  assert.ok(Number(await slider.inputValue()) > Number(pressed));
  assert.deepEqual(errors, []);
  await context.close();
});
