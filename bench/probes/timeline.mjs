// The network timeline of cold loads on the phone profile: when each request starts and ends
// (Resource Timing), the marks and first paint. `node bench/probes/timeline.mjs [DIR] [QUERY]`,
// N loads (default 3). What it showed (the bytes goal in docs/speed.md, "Decisions in force"): the first request
// leaves about 330 ms in, on our page and on the reference alike (the renderer's start at 4×).
import { DIST, launch, phonePage, ready, serve } from './common.mjs';

const [dir = DIST, query = '?lang=en'] = process.argv.slice(2);
const site = await serve(dir);
const browser = await launch();
for (let i = 0; i < Number(process.env.N || 3); i++) {
  const { context, page } = await phonePage(browser);
  await page.goto(site.url + query);
  await ready(page).catch(() => {});
  await page.waitForTimeout(2500);
  const rows = await page.evaluate(() => {
    const r = Math.round;
    const nav = performance.getEntriesByType('navigation')[0];
    const out = [['document', r(nav.startTime), r(nav.requestStart), r(nav.responseStart), r(nav.responseEnd), nav.encodedBodySize, `interactive ${r(nav.domInteractive)}`]];
    for (const e of performance.getEntriesByType('resource')) out.push([e.name.replace(/.*\//, '').slice(0, 44), r(e.startTime), r(e.requestStart), r(e.responseStart), r(e.responseEnd), e.encodedBodySize, e.initiatorType]);
    for (const e of [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')]) out.push([e.name, r(e.startTime)]);
    return out;
  });
  console.log(`--- load ${i}: name, start, request, first byte, last byte (ms), bytes as served, kind`);
  for (const row of rows) console.log(row.join('\t'));
  await context.close();
}
await browser.close();
process.exit(0);
