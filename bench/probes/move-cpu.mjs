// A move's main-thread CPU time (the trace's thread time, `tdur`: what the thread ran, not the
// time it waited for a core), at 4× CPU, of two or more builds in alternating fresh pages:
// each frame's BeginMainFrame (the rAF callbacks, style, layout, paint, commit) by phase. What it
// showed: under the DevTools throttle the thread time is most of the wall time (17 of 21 ms a
// move) and moved by 5-17% between two runs of the same build at load 5-12 on two cores, so it
// does not take the machine's load out; what it gives is the share of each phase (the commit's
// wall time is mostly waiting: 0.5 ms of thread time for 2.5-6.5 ms of wall).
// `node bench/probes/move-cpu.mjs DIR…`; QUERY (default ?lang=en), N moves per slider (20),
// ROUNDS (3), SLIDERS (the bench's four).
import { launch, median, p95, readyPhonePage, serve, sweep } from './common.mjs';

const dirs = process.argv.slice(2);
const N = Number(process.env.N || 20);
const ROUNDS = Number(process.env.ROUNDS || 3);
const SLIDERS = (process.env.SLIDERS || 'eurusd,pop_fr,pop_us,uae').split(',');
const PHASES = ['FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'ProxyMain::BeginMainFrame::commit'];
const sites = await Promise.all(dirs.map((dir) => serve(dir)));
const browser = await launch();
const frames = dirs.map(() => []);
const phases = dirs.map(() => Object.fromEntries(PHASES.map((p) => [p, 0])));
const wall = dirs.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const i of (round % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()])) {
    const { context, page } = await readyPhonePage(browser, sites[i], process.env.QUERY || '?lang=en');
    for (const param of SLIDERS) {
      await sweep(page, `#range-${param}`, 3); // scrolled and warm
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'cc'] });
      wall[i].push(...await sweep(page, `#range-${param}`, N));
      const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
      const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'));
      const main = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.tdur != null);
      const begin = main.filter((e) => e.name === 'ProxyMain::BeginMainFrame');
      // Only the frames that ran the page's own rAF work (a move's), not idle frames.
      const busy = begin.filter((f) => main.some((e) => e.name === 'FireAnimationFrame' && e.ts >= f.ts && e.ts < f.ts + f.dur));
      frames[i].push(...busy.map((f) => f.tdur / 1000));
      for (const e of main) if (e.name in phases[i] && busy.some((f) => e.ts >= f.ts && e.ts < f.ts + f.dur)) phases[i][e.name] += e.tdur / 1000;
    }
    await context.close();
  }
}
const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
dirs.forEach((dir, i) => {
  const n = frames[i].length;
  const by = PHASES.map((p) => `${p.replace('ProxyMain::BeginMainFrame::', '')} ${(phases[i][p] / n).toFixed(2)}`).join(', ');
  const vs = i ? `; CPU ratio to the first ${(median(frames[i]) / median(frames[0])).toFixed(2)}, wall ${(median(wall[i]) / median(wall[0])).toFixed(2)}` : '';
  console.log(`${dir}: frame CPU median ${median(frames[i]).toFixed(2)} ms (p95 ${p95(frames[i]).toFixed(2)}), ${n} frames; wall work per move ${median(wall[i]).toFixed(2)} (p95 ${p95(wall[i]).toFixed(2)}); mean CPU by phase: ${by}${vs}`);
});
console.log(`load average ${load}`);
await browser.close();
process.exit(0);
