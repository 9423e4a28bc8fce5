// Shared by the browser tests: Debian's Chromium through playwright-core, and dist/ served
// on loopback by the same server `make serve` uses.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { readdirSync } from 'node:fs';

/** The declared charts (`charts::CHARTS`), as tests/charts.rs writes a snapshot of each: the
 * default story has them all (a test there says so). */
export const CHART_NAMES = [...new Set(readdirSync(new URL('../snapshots/', import.meta.url))
  .filter((f) => f.endsWith('-en-375.svg')).map((f) => f.replace('-en-375.svg', '')))];

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A browser and dist/ served for a test file: registers the node:test hooks and returns an
 * object whose `browser` and `url` are set once they run.
 */
export function useDist(before, after) {
  const env = {};
  before(async () => {
    ({ server: env.server, url: env.url } = await serveDist());
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export async function serveDist(options = {}) {
  return startServer({ root: new URL('../../dist', import.meta.url).pathname, ...options });
}

/** Opens a page and collects console errors and page errors into `errors`. */
export async function openPage(browser, url, { width = 1280, height = 900, locale = 'en-US', javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, javaScriptEnabled });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, context, errors };
}

export async function waitReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0, null, { timeout: 15000 });
}

/** Input is applied once per animation frame: wait for two frames before reading the page. */
export const nextFrame = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Brings every chart into view once, as a reader scrolling down would: the served page has an
 * empty box for each, drawn when it comes into view. Ends at the top of the page.
 */
export async function showEveryChart(page) {
  for (const fig of await page.locator('[data-chart]').all()) {
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((name) => !document.querySelector(`[data-chart="${name}"] svg.placeholder`), await fig.getAttribute('data-chart'));
  }
  await page.evaluate(() => scrollTo(0, 0));
  await nextFrame(page);
}

export async function figure(page, key) {
  await nextFrame(page);
  // The table's form (the cards' answers write ratios in words, French units spelt out), once
  // what a move left out of view has caught up (150 ms after the last move).
  const table = page.locator(`[data-figure="${key}"]:not([data-form="prose"])`);
  if (!(await table.count())) return page.locator(`[data-figure="${key}"]`).first().textContent();
  await page.waitForFunction(() => !document.querySelector('#cards [aria-busy="true"]'), null, { timeout: 5000 });
  return table.first().textContent();
}

/**
 * Presses the mouse on the middle of a slider and drags it to `to` (0–1 of its width), leaving
 * the button down: the caller looks at the page mid-drag, then calls `page.mouse.up()`.
 */
export async function startDrag(page, slider, to, steps = 4) {
  const b = await slider.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * to, b.y + b.height / 2, { steps });
}

/**
 * After a drag: what it left out of view (the prose, the claim, the figures table, the captions
 * of charts off screen, marked `aria-busy`) is brought up to date 150 ms after the last move.
 */
export async function settled(page) {
  await nextFrame(page); // input is applied on the next frame: only then is anything left behind
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 5000 });
  await nextFrame(page);
}
