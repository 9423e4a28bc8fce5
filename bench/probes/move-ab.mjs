// Work per slider move of two or more builds at 4× CPU (no network limit), as the bench counts
// it (the input handler, then the next frame's callbacks, style, layout and paint): ROUNDS
// rounds, each a fresh page of each build in turn (alternating order), N moves of each of the
// bench's four sliders. `node bench/probes/move-ab.mjs DIR…`. Read the ratio of one run.
import { launch, phonePage, ready, serve } from './common.mjs';

const dirs = process.argv.slice(2);
const N = Number(process.env.N || 30);
const ROUNDS = Number(process.env.ROUNDS || 4);
const SLIDERS = ['eurusd', 'pop_fr', 'pop_us', 'uae'];
const sites = await Promise.all(dirs.map((dir) => serve(dir)));
const browser = await launch();
const work = dirs.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const i of (round % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()])) {
    const { context, page } = await phonePage(browser, { network: false });
    await page.goto(`${sites[i].url}?lang=en`);
    await ready(page);
    await page.waitForTimeout(800);
    for (const param of SLIDERS) {
      work[i].push(...await page.evaluate(async ({ sel, n }) => {
        const range = document.querySelector(sel);
        range.scrollIntoView({ block: 'center' });
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const min = Number(range.min), max = Number(range.max);
        const out = [];
        for (let k = 0; k < n; k++) {
          range.value = String(min + ((k * 37) % n) * (max - min) / n);
          let frameStart = 0;
          out.push(await new Promise((done) => {
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
        return out;
      }, { sel: `#range-${param}`, n: N }));
    }
    await context.close();
  }
}
const m = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
dirs.forEach((dir, i) => console.log(dir, `work per move ${m(work[i]).toFixed(2)} ms (p95 ${[...work[i]].sort((a, b) => a - b)[Math.floor(work[i].length * 0.95)].toFixed(2)}), ${work[i].length} moves`, i ? `ratio to the first ${(m(work[i]) / m(work[0])).toFixed(2)}` : ''));
await browser.close();
process.exit(0);
