// Screenshots for looking at the page: node scripts/screenshot.mjs OUTDIR [query...]
// A query may name a page first: `cards/horizon.ar.html?years_fr=6` (default the index).
import { launch, serveDist, openPage, waitReady } from '../tests/browser/helpers.mjs';
const [out = 'target/shots', ...queries] = process.argv.slice(2);
const { server, url } = await serveDist();
const browser = await launch();
for (const q of queries.length ? queries : ['lang=en', 'lang=ar']) {
  for (const width of [375, 1280]) {
    const target = /^[\w/.-]+\.html/.test(q) ? `${url.replace(/[^/]*$/, '')}${q}` : `${url}?${q}`;
    const { page, context } = await openPage(browser, target, { width, height: 800 });
    await waitReady(page);
    // Sections below the fold are laid out when scrolled near (content-visibility): a full
    // page capture needs a viewport as tall as the page.
    await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.waitForTimeout(100);
    const name = `${out}/${q.replace(/[^a-z0-9=]+/gi, '_')}-${width}.png`;
    await page.screenshot({ path: name, fullPage: true });
    console.log(name);
    await context.close();
  }
}
await browser.close();
server.close();
