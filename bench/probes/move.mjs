// Where a slider move's work goes at 4× CPU (no network limit): the bench's synthetic moves
// (an input event, then the next frame), swept once to warm and once traced; the main thread's
// time by event per move, and each layout's dirty and total objects.
// `node bench/probes/move.mjs [DIR]`; SEL (default #range-eurusd), N moves (default 40), CSS: a
// stylesheet added after ready (an experiment: CSS='.plot{display:none}' leaves the charts out).
import { DIST, launch, median, p95, readyPhonePage, serve, sweep } from './common.mjs';

const [dir = DIST, query = '?lang=en'] = process.argv.slice(2);
const SEL = process.env.SEL || '#range-eurusd';
const N = Number(process.env.N || 40);
const site = await serve(dir);
const browser = await launch();
const { page } = await readyPhonePage(browser, site, query);
if (process.env.CSS) {
  await page.evaluate((css) => { const s = new CSSStyleSheet(); s.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }, process.env.CSS);
}
await page.waitForTimeout(300);
const measured = async () => {
  const work = await sweep(page, SEL, N);
  return `median ${median(work).toFixed(1)} ms, p95 ${p95(work).toFixed(1)} ms`;
};
console.log('warm:', await measured());
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'toplevel'] });
console.log('traced:', await measured());
const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
const named = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
const main = events.filter((e) => e.pid === named.pid && e.tid === named.tid && e.ph === 'X' && e.dur);
const KINDS = ['FunctionCall', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'IntersectionObserverController::computeIntersections', 'EventDispatch', 'TimerFire'];
const by = new Map();
for (const e of main) if (KINDS.includes(e.name)) by.set(e.name, (by.get(e.name) || 0) + e.dur / 1000);
console.log('per move, ms (FireAnimationFrame holds the FunctionCalls of the rAF callbacks):');
for (const [name, ms] of [...by].sort((a, b) => b[1] - a[1])) console.log((ms / N).toFixed(2).padStart(7), name);
const layouts = new Map();
for (const e of main.filter((x) => x.name === 'Layout')) {
  const key = `${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects} objects`;
  const [n, ms] = layouts.get(key) || [0, 0];
  layouts.set(key, [n + 1, ms + e.dur / 1000]);
}
console.log('layouts: count, ms each, dirty of total objects');
for (const [key, [n, ms]] of [...layouts].sort((a, b) => b[1][1] - a[1][1]).slice(0, 6)) console.log(String(n).padStart(4), (ms / n).toFixed(1).padStart(6), key);
await browser.close();
process.exit(0);
