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
export const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? Math.round(s[Math.floor(s.length / 2)]) : NaN; };
export const p95 = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]) : NaN; };
