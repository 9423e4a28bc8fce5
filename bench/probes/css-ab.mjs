// Work per slider move of one build with stylesheets added after ready, at 4× CPU, as the
// bench counts it: a CSS lever measured before it is built. VARIANTS is a JSON object of
// name -> CSS ("" for the build as it is); ROUNDS rounds, each a fresh page per variant in
// turn (alternating order), N moves of each of the bench's four sliders.
// `VARIANTS='{"as built":"","layers":".card .answer{will-change:transform}"}' node bench/probes/css-ab.mjs [DIR] [QUERY]`.
import { DIST, launch, median, p95, readyPhonePage, serve, sweep } from './common.mjs';

const [dir = DIST, query = '?lang=en'] = process.argv.slice(2);
const variants = Object.entries(JSON.parse(process.env.VARIANTS || '{"as built":""}'));
const N = Number(process.env.N || 30);
const ROUNDS = Number(process.env.ROUNDS || 4);
const SLIDERS = (process.env.SLIDERS || 'eurusd,pop_fr,pop_us,uae').split(',');
const site = await serve(dir);
const browser = await launch();
const work = variants.map(() => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const i of (round % 2 ? [...variants.keys()].reverse() : [...variants.keys()])) {
    const { context, page } = await readyPhonePage(browser, site, query);
    await page.evaluate((css) => { const s = new CSSStyleSheet(); s.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; }, variants[i][1]);
    for (const param of SLIDERS) work[i].push(...await sweep(page, `#range-${param}`, N));
    await context.close();
  }
}
const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
variants.forEach(([name], i) => {
  console.log(`${name}: work per move ${median(work[i]).toFixed(2)} ms (p95 ${p95(work[i]).toFixed(2)}), ${work[i].length} moves, ratio to the first ${(median(work[i]) / median(work[0])).toFixed(2)}`);
});
console.log(`load average ${load}`);
await browser.close();
process.exit(0);
