// What the probes share: the bench's phone profile (scripts/bench.mjs, PROFILES.phone), a
// server for a built site and Debian's Chromium.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../../tests/browser/helpers.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
export const PHONE = {
  context: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (0.75e6 * 0.9) / 8 },
  cpu: 4,
};

export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** A site served as the bench serves it (gzip; `csp: false` for a copy whose inline code was edited). */
export const serve = (root, csp = true) => startServer({ root, isolate: true, csp });

/** A fresh context and page on the phone profile; `network: false` for the CPU alone. */
export async function phonePage(browser, { network = true } = {}) {
  const context = await browser.newContext(PHONE.context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  return { context, page, cdp };
}

export const ready = (page) => page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0, null, { timeout: 60000 });

/** A phone page with the CPU alone slowed, opened on `site` and left to settle after ready. */
export async function readyPhonePage(browser, site, query = '?lang=en') {
  const opened = await phonePage(browser, { network: false });
  await opened.page.goto(site.url + query);
  await ready(opened.page);
  await opened.page.waitForTimeout(1500);
  return opened;
}

/**
 * `n` synthetic moves of the slider `sel`, one a frame, measured as scripts/bench.mjs's `moves`
 * counts them (keep the two alike): the input handler, plus the next frame from its first
 * requestAnimationFrame callback to the end of its rendering update. Resolves to each move's ms.
 */
export const sweep = (page, sel, n) => page.evaluate(async ({ sel, n }) => {
  const range = document.querySelector(sel);
  range.scrollIntoView({ block: 'center' });
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const min = Number(range.min), max = Number(range.max);
  const work = [];
  for (let i = 0; i < n; i++) {
    range.value = String(min + ((i * 37) % n) * (max - min) / n);
    let frameStart = 0;
    work.push(await new Promise((done) => {
      requestAnimationFrame(() => { frameStart = performance.now(); });
      const t0 = performance.now();
      range.dispatchEvent(new Event('input', { bubbles: true }));
      const handler = performance.now() - t0;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(handler + performance.now() - frameStart);
        channel.port2.postMessage(0);
      });
    }));
  }
  return work;
}, { sel, n });
const sorted = (xs) => xs.filter(Number.isFinite).sort((a, b) => a - b);
export const median = (xs) => { const s = sorted(xs); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
export const p95 = (xs) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : NaN; };
