// Where the main thread goes before first paint on the phone profile (one traced cold load):
// its long tasks, parse and layout in order, then what runs inside one of them (BIG, default
// the first layout over 50 ms; BIG=EvaluateScript BIGMIN=5000 for the inline start-up script).
// `node bench/probes/firstpaint.mjs [DIR] [QUERY]`; CSP=0 serves a copy whose inline code was
// edited. What it showed (docs/speed.md, "Decisions in force": the font stacks): the first layout's time is mostly
// font lookups (FontCache::GetFontPlatformData, a sync IPC per face and size on Linux).
import { DIST, launch, phonePage, serve } from './common.mjs';

const [dir = DIST, query = '?lang=en'] = process.argv.slice(2);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'v8', 'blink', 'toplevel', 'fonts', 'mojom', 'blink.user_timing'];
const site = await serve(dir, process.env.CSP !== '0');
const browser = await launch();
const { page } = await phonePage(browser);
await browser.startTracing(page, { categories: CATEGORIES });
await page.goto(site.url + query);
await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
await page.waitForTimeout(1500);
const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
const fcp = events.find((e) => e.name === 'firstContentfulPaint');
const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const main = events.filter((e) => e.pid === fcp.pid && mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
const start = (events.find((e) => e.name === 'navigationStart' && e.pid === fcp.pid) || main[0]).ts;
const at = (ts) => ((ts - start) / 1000).toFixed(1).padStart(8);
console.log(`first contentful paint at ${at(fcp.ts)} ms; main-thread events over 2 ms before it (start, ms, what):`);
for (const e of main) {
  if (e.ts > fcp.ts || e.dur < 2000 || !['ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'Commit', 'EvaluateScript', 'FunctionCall', 'RunTask'].includes(e.name)) continue;
  const more = e.name === 'Layout' ? ` (${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects} objects)` : '';
  console.log(at(e.ts), (e.dur / 1000).toFixed(1).padStart(7), e.name + more);
}
const big = main.find((e) => e.name === (process.env.BIG || 'Layout') && e.dur > Number(process.env.BIGMIN || 50000) && e.ts < fcp.ts);
if (big) {
  const inside = new Map();
  for (const e of events) {
    if (e === big || e.pid !== big.pid || e.tid !== big.tid || e.ph !== 'X' || e.ts < big.ts || e.ts > big.ts + big.dur) continue;
    const [ms, n] = inside.get(e.name) || [0, 0];
    inside.set(e.name, [ms + e.dur / 1000, n + 1]);
  }
  console.log(`inside the ${big.name} at ${at(big.ts)} ms (${(big.dur / 1000).toFixed(1)} ms): ms, calls, what`);
  for (const [name, [ms, n]] of [...inside].sort((a, b) => b[1][0] - a[1][0]).slice(0, 15)) console.log(ms.toFixed(1).padStart(8), String(n).padStart(5), name);
}
await browser.close();
process.exit(0);
