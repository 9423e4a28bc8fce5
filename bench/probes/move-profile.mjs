// Which functions a slider move spends its script time in, at 4× CPU: a sampling profile of N
// synthetic moves (as the bench makes them) on a copy of the built site whose app.js and JS
// glue are put back unminified from their source maps, so the profile names our functions.
// Self and total ms per move (the sweep's own timing is in them, as small as the bench's). `node bench/probes/move-profile.mjs [DIR]`; SEL, N (default 60), QUERY (default ?lang=en).
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, readyPhonePage, serve, sweep } from './common.mjs';

const dir = mkdtempSync(join(tmpdir(), 'pledge-unminified-'));
cpSync(process.argv[2] || DIST, dir, { recursive: true });
const hashed = (sub, re) => readdirSync(join(dir, sub)).find((f) => re.test(f));
const unminify = (file, map) => writeFileSync(join(dir, file), JSON.parse(readFileSync(join(dir, map), 'utf8')).sourcesContent[0]);
const app = hashed('.', /^app\.[0-9a-f]{10}\.js$/);
const glue = hashed('pkg', /^pledge_explainer\.[0-9a-f]{10}\.js$/);
unminify(app, 'app.js.map');
unminify(`pkg/${glue}`, 'pkg/pledge_explainer.js.map');
// The sources name the files before hash-assets.mjs renamed them.
let source = readFileSync(join(dir, app), 'utf8').replace("'./pkg/pledge_explainer.js'", `'./pkg/${glue}'`);
for (const lang of ['fr', 'ar']) source = source.replace(`'./i18n/${lang}.json'`, `'./i18n/${hashed('i18n', new RegExp(`^${lang}\\.[0-9a-f]{10}\\.json$`))}'`);
writeFileSync(join(dir, app), source);

const N = Number(process.env.N || 60);
const site = await serve(dir);
const browser = await launch();
const { page, cdp } = await readyPhonePage(browser, site, process.env.QUERY || '?lang=en');
const SEL = process.env.SEL || '#range-eurusd';
await sweep(page, SEL, N); // warm
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await sweep(page, SEL, N);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*\//, '').replace(/\.[0-9a-f]{10}/, '')}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const total = new Map();
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i + 1] || 0) / 1000;
  self.set(name(byId.get(id)), (self.get(name(byId.get(id))) || 0) + ms);
  const counted = new Set();
  for (let at = id; at; at = parent.get(at)) {
    const key = name(byId.get(at));
    if (!counted.has(key)) { counted.add(key); total.set(key, (total.get(key) || 0) + ms); }
  }
});
for (const [title, table] of [['self', self], ['total', total]]) {
  console.log(`${title}, ms per move:`);
  for (const [key, ms] of [...table].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 20))) {
    console.log((ms / N).toFixed(2).padStart(7), key);
  }
}
await browser.close();
process.exit(0);
