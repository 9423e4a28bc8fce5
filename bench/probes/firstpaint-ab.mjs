// First paint and ready of two or more builds on the phone profile, alternating cold loads in
// one browser after a discarded warm-up each: `N=15 node bench/probes/firstpaint-ab.mjs DIR…`
// (CSP=0 serves copies whose inline code was edited). Machines here are noisy: read the ratio.
import { launch, median, p95, phonePage, serve } from './common.mjs';

const dirs = process.argv.slice(2);
const N = Number(process.env.N || 9);
const sites = await Promise.all(dirs.map((dir) => serve(dir, process.env.CSP !== '0')));
const browser = await launch();
const results = dirs.map(() => ({ fcp: [], ready: [] }));
async function load(i, keep = true) {
  const { context, page } = await phonePage(browser);
  await page.goto(sites[i].url + (process.env.QUERY ?? '?lang=en'));
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
  await page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0, null, { timeout: 10000 }).catch(() => {});
  const m = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime, ready: performance.getEntriesByName('explainer:ready')[0]?.startTime ?? NaN }));
  if (keep) { results[i].fcp.push(m.fcp); results[i].ready.push(m.ready); }
  await context.close();
  await new Promise((done) => setTimeout(done, 300));
}
for (let i = 0; i < dirs.length; i++) await load(i, false);
for (let k = 0; k < N; k++) for (const i of (k % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()])) await load(i);
const ms = (x) => Math.round(x);
dirs.forEach((dir, i) => console.log(dir, `first paint ${ms(median(results[i].fcp))} ms (p95 ${ms(p95(results[i].fcp))}), ready ${ms(median(results[i].ready))} ms (p95 ${ms(p95(results[i].ready))})`));
await browser.close();
process.exit(0);
