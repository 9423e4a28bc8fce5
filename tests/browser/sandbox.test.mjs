// Issue #38: a card inside WordPress's oEmbed frame (sandbox="allow-scripts": no popups, no
// downloads, an opaque origin, no clipboard), with WordPress's own wp-embed.js on the host
// page (from Debian's wordpress package, scripts/setup.sh test): its links reach the reader
// through wp-embed's `link` message (its own pages only), its downloads lead to its own page,
// copying shows what is to be copied; and an embedded card is light unless its host says dark,
// while the explainer's own pages follow the reader's device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, serveDist, waitReady, settled } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const WP_EMBED = join(ROOT, 'target/wordpress/usr/share/wordpress/wp-includes/js/wp-embed.js');
const SECRET = 'a1b2c3d4e5';
const DARK = 'rgb(22, 22, 26)';
const LIGHT = 'rgb(255, 255, 255)';

let browser, site, host, hostDir, hostUrl;
before(async () => {
  assert.ok(existsSync(WP_EMBED), `${WP_EMBED} is missing: scripts/setup.sh test fetches it`);
  site = await serveDist();
  hostDir = mkdtempSync(join(tmpdir(), 'pledge-sandbox-'));
  cpSync(WP_EMBED, join(hostDir, 'wp-embed.js'));
  host = await startServer({ root: hostDir, csp: false });
  hostUrl = host.url.replace('127.0.0.1', 'localhost'); // another site
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.server.close();
  host?.server.close();
});

/**
 * A WordPress post with `page` (a path of the site, with its query) embedded as WordPress 6.1
 * prints an oEmbed answer (the blockquote, the sandboxed frame with its secret) and wp-embed.js.
 * Every message the frame posts to the host page is kept in `window.messages`.
 */
function post(name, page, sandbox = 'allow-scripts') {
  const src = `${site.url}${page}#?secret=${SECRET}`;
  writeFileSync(join(hostDir, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>
<body style="margin:0;background:#fff"><h1>A post</h1>
<blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${site.url}${page}">The card</a></blockquote>
<iframe class="wp-embedded-content" sandbox="${sandbox}" security="restricted" src="${src}" data-secret="${SECRET}" width="640" height="700" frameborder="0" title="The card"></iframe>
<script>window.messages = []; addEventListener('message', (e) => messages.push(e.data));</script>
<script src="wp-embed.js"></script></body></html>`);
  return `${hostUrl}${name}.html`;
}

async function framed(page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(site.url));
    if (frame) {
      await waitReady(frame);
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the explainer frame never loaded');
}

async function wordpress(page, { colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 700, height: 900 }, colorScheme });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(post('post', page));
  const frame = await framed(tab);
  assert.equal(await frame.evaluate(() => origin), 'null', 'the frame is sandboxed');
  return { context, tab, frame, errors };
}

const links = (tab) => tab.evaluate(() => messages.filter((m) => m && m.message === 'link').map((m) => m.value));

test('WordPress sandbox: "Full explainer" asks wp-embed.js to open the explainer, in the same view, in the reader\'s tab', async () => {
  const { context, tab, frame, errors } = await wordpress('cards/claim.html');
  await frame.locator('#number-eurusd').fill('1.1');
  await frame.locator('#number-eurusd').press('Enter');
  await settled(frame);
  await frame.locator('.card-full').click();
  await tab.waitForURL((url) => url.href.startsWith(site.url), { timeout: 5000 });
  const url = new URL(tab.url());
  assert.equal(url.pathname, '/index.html');
  assert.equal(url.searchParams.get('eurusd'), '1.1');
  assert.equal(url.hash, '#card-claim');
  await waitReady(tab);
  assert.equal(await tab.locator('#number-eurusd').inputValue(), '1.1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('WordPress sandbox: a source on another site is shown to copy; no link message names another site', async () => {
  const { context, tab, frame } = await wordpress('cards/claim.html');
  const source = frame.locator('.card-source a').first();
  const href = await source.getAttribute('href');
  assert.ok(!href.startsWith(site.url), href);
  await source.click();
  const status = frame.locator('.card-foot .copy-status');
  await status.waitFor({ timeout: 5000 });
  assert.match(await status.textContent(), /Copy this link/);
  assert.equal(await status.locator('input').inputValue(), href);
  await tab.waitForTimeout(300);
  assert.equal(tab.url(), `${hostUrl}post.html`, 'the host page was navigated');
  for (const value of await links(tab)) assert.ok(value.startsWith(site.url), `a link message for ${value}`);
  await context.close();
});

test('WordPress sandbox: "Get the data" and a chart\'s SVG lead to the card\'s own page, where the download works', async () => {
  const { context, tab, frame, errors } = await wordpress('cards/claim.html');
  await frame.locator('#number-eurusd').fill('1.1');
  await frame.locator('#number-eurusd').press('Enter');
  await settled(frame);
  await frame.locator('.card-data').click();
  const notice = frame.locator('.card-foot .copy-status');
  await notice.waitFor({ timeout: 5000 });
  const link = notice.locator('a');
  const own = new URL(await link.getAttribute('href'));
  assert.equal(own.origin + own.pathname, `${site.url}cards/claim.html`);
  assert.equal(own.searchParams.get('eurusd'), '1.1');
  // The chart's own downloads say the same.
  await frame.locator('.chart-downloads button[data-format="svg"]').waitFor();
  await notice.evaluate((n) => n.remove());
  await frame.locator('.chart-downloads button[data-format="svg"]').click();
  await notice.waitFor({ timeout: 5000 });
  // Followed, the link opens the card's page in the reader's tab (through wp-embed.js), and there
  // "Get the data" downloads the figures.
  await notice.locator('a').click();
  await tab.waitForURL((url) => url.href.startsWith(`${site.url}cards/claim.html`), { timeout: 5000 });
  await waitReady(tab);
  assert.equal(await tab.locator('#number-eurusd').inputValue(), '1.1');
  const [download] = await Promise.all([tab.waitForEvent('download', { timeout: 5000 }), tab.locator('.card-data').click()]);
  assert.match(download.suggestedFilename(), /^figures-en\.csv$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('WordPress sandbox: where copying is blocked, the embed code is shown as embed code, not as a link', async () => {
  const { context, frame } = await wordpress('cards/claim.html');
  await frame.locator('.card-embed').click();
  const status = frame.locator('.card-foot .copy-status');
  await status.locator('input').waitFor({ timeout: 5000 });
  assert.match(await status.locator('input').inputValue(), /^<div data-pledge-explainer data-card="claim"/);
  const label = await status.textContent();
  assert.doesNotMatch(label, /link/i);
  assert.match(label, /embed code/i);
  await context.close();
});

test('an embedded card is light on a dark device unless its host says dark; the card\'s own page follows the device', async () => {
  const background = (frame) => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // WordPress passes no theme.
  const wp = await wordpress('cards/claim.html', { colorScheme: 'dark' });
  assert.equal(await background(wp.frame), LIGHT, 'a WordPress frame without a theme on a dark device');
  await wp.context.close();
  // The host says dark (embed.js's theme, here in the frame's address).
  const dark = await wordpress('cards/claim.html?theme=dark', { colorScheme: 'dark' });
  assert.equal(await background(dark.frame), DARK);
  await dark.context.close();
  // The host asks to follow the reader's device.
  const auto = await wordpress('cards/claim.html?theme=auto', { colorScheme: 'dark' });
  assert.equal(await background(auto.frame), DARK);
  await auto.context.close();
  // embed.js without a theme attribute: light too.
  const context = await browser.newContext({ viewport: { width: 700, height: 900 }, colorScheme: 'dark' });
  const tab = await context.newPage();
  writeFileSync(join(hostDir, 'embed.html'), `<!doctype html><html lang="en"><body>
<div data-pledge-explainer data-card="claim"></div><script src="${site.url}embed.js" async></script></body></html>`);
  await tab.goto(`${hostUrl}embed.html`);
  assert.equal(await background(await framed(tab)), LIGHT, 'embed.js without a theme on a dark device');
  // The card's own page, at the top level: the reader's device.
  await tab.goto(`${site.url}cards/claim.html`);
  await waitReady(tab);
  assert.equal(await background(tab), DARK);
  await context.close();
});
