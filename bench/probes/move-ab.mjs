// Work per slider move of two or more builds at 4× CPU (no network limit), as the bench counts
// it (the input handler, then the next frame's callbacks, style, layout and paint): ROUNDS
// rounds, each a fresh page of each build in turn (alternating order), N moves of each of the
// bench's four sliders. `node bench/probes/move-ab.mjs DIR…` (QUERY, default ?lang=en). Read the ratio of one run.
import { launch, median, p95, readyPhonePage, serve, sweep } from './common.mjs';

const dirs = process.argv.slice(2);
const N = Number(process.env.N || 30);
const ROUNDS = Number(process.env.ROUNDS || 4);
const SLIDERS = ['eurusd', 'pop_fr', 'pop_us', 'uae'];
const sites = await Promise.all(dirs.map((dir) => serve(dir)));
const browser = await launch();
const work = dirs.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const i of (round % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()])) {
    const { context, page } = await readyPhonePage(browser, sites[i], process.env.QUERY || '?lang=en');
    for (const param of SLIDERS) work[i].push(...await sweep(page, `#range-${param}`, N));
    await context.close();
  }
}
dirs.forEach((dir, i) => {
  const vsFirst = i ? `, ratio to the first ${(median(work[i]) / median(work[0])).toFixed(2)}` : '';
  console.log(dir, `work per move ${median(work[i]).toFixed(2)} ms (p95 ${p95(work[i]).toFixed(2)}), ${work[i].length} moves${vsFirst}`);
});
await browser.close();
process.exit(0);
