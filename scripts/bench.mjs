// `make bench`: the explainer against a hand-made Chart.js page (bench/chartjs/) in the same
// run, in headless Chromium on loopback. Prints a table and writes target/bench.json.
// Machines here are noisy: the ratios within one run are the figures that count.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/helpers.mjs';

const COLD_LOADS = Number(process.env.BENCH_LOADS || 25);
const SETTLE_MS = 300;
const MOVES = Number(process.env.BENCH_MOVES || 200);
const SOAK = Number(process.env.BENCH_SOAK || 10000);
const root = new URL('..', import.meta.url).pathname;

const refDir = mkdtempSync(join(tmpdir(), 'pledge-bench-'));
cpSync(join(root, 'bench/chartjs'), refDir, { recursive: true });
cpSync(join(root, 'node_modules/chart.js/dist/chart.umd.min.js'), join(refDir, 'chart.umd.min.js'));

const ours = await startServer({ root: join(root, 'dist'), isolate: true });
const reference = await startServer({ root: refDir, csp: false, isolate: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

const PAGES = {
  ours: { url: `${ours.url}?lang=en`, slider: (p) => `#range-${p}` },
  chartjs: { url: `${reference.url}`, slider: (p) => `#r-${p}` },
};
const SLIDERS = ['eurusd', 'pop_fr', 'pop_us', 'uae'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function bytes(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = [];
  page.on('response', async (r) => {
    try {
      const body = await r.body();
      files.push({ url: r.url().replace(/^http:\/\/[^/]+/, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch { /* redirects have no body */ }
  });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0);
  await page.waitForTimeout(300);
  await context.close();
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0) };
}

async function coldLoad(url) {
  const context = await browser.newContext(); // a cold cache every time
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0);
  const t = await page.evaluate(() => performance.getEntriesByName('explainer:ready')[0].startTime);
  await context.close();
  // Let the browser tear the closed page's process down before the next load: on two cores
  // that work would otherwise land on whichever page comes next.
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return t;
}

/**
 * Cold loads of every page, interleaved (ours, Chart.js, Chart.js, ours, …) after one
 * discarded warm-up each, so that drift in the machine's load falls on both pages alike.
 */
async function readyAll() {
  const names = Object.keys(PAGES);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await coldLoad(PAGES[n].url);
  for (let i = 0; i < COLD_LOADS; i++) {
    for (const n of i % 2 ? [...names].reverse() : names) times[n].push(await coldLoad(PAGES[n].url));
  }
  return Object.fromEntries(names.map((n) => [n, {
    median: round(median(times[n]), 1), min: round(Math.min(...times[n]), 1), max: round(Math.max(...times[n]), 1),
    runs: times[n].map((t) => round(t, 1)),
  }]));
}

async function interaction(url, sliderSel) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0);
  const perSlider = {};
  for (const p of SLIDERS) {
    perSlider[p] = await page.evaluate(async ({ sel, n }) => {
      const r = document.querySelector(sel);
      const min = Number(r.min), max = Number(r.max);
      const sync = [], frame = [], render = [];
      for (let i = 0; i < n; i++) {
        r.value = String(min + ((i * 37) % n) * (max - min) / n);
        const t0 = performance.now();
        r.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        // The next painted frame: after rAF, once the frame is produced.
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        sync.push(t1 - t0);
        frame.push(performance.now() - t0);
        // Work done in the frame (ours coalesces input into one render per frame).
        render.push(globalThis.pledgeExplainer ? globalThis.pledgeExplainer.lastFrameMs() : t1 - t0);
      }
      return { sync, frame, render };
    }, { sel: sliderSel(p), n: MOVES });
  }
  const sync = Object.values(perSlider).flatMap((s) => s.sync);
  const frame = Object.values(perSlider).flatMap((s) => s.frame);
  const render = Object.values(perSlider).flatMap((s) => s.render);

  // Memory over a soak of synchronous moves, after full garbage collections.
  const memory = await page.evaluate(async ({ sels, n }) => {
    const measure = () => {
      gc();
      return { jsHeap: performance.memory.usedJSHeapSize, wasm: globalThis.pledgeExplainer ? globalThis.pledgeExplainer.memoryBytes() : null };
    };
    const before = measure();
    const ranges = sels.map((s) => document.querySelector(s));
    for (let i = 0; i < n; i++) {
      const r = ranges[i % ranges.length];
      r.value = String(Number(r.min) + ((i * 7919) % 1000) * (Number(r.max) - Number(r.min)) / 1000);
      r.dispatchEvent(new Event('input', { bubbles: true }));
      if (i % 500 === 499) await new Promise((done) => setTimeout(done, 0));
    }
    await new Promise((done) => setTimeout(done, 100));
    return { before, after: measure() };
  }, { sels: SLIDERS.map(sliderSel), n: SOAK });
  await context.close();
  return {
    sync_ms: { median: round(median(sync)), p95: round(pct(sync, 0.95)), max: round(Math.max(...sync)) },
    frame_ms: { median: round(median(frame), 2), p95: round(pct(frame, 0.95), 2) },
    render_ms: { median: round(median(render)), p95: round(pct(render, 0.95)) },
    per_slider_sync_median_ms: Object.fromEntries(Object.entries(perSlider).map(([k, v]) => [k, round(median(v.sync))])),
    moves: sync.length,
    memory,
  };
}

console.error('measuring cold loads…');
const readyMs = await readyAll();
const results = {};
for (const [name, page] of Object.entries(PAGES)) {
  console.error(`measuring ${name}…`);
  results[name] = { bytes: await bytes(page.url), ready_ms: readyMs[name], ...(await interaction(page.url, page.slider)) };
}
await browser.close();
ours.server.close();
reference.server.close();

const o = results.ours, c = results.chartjs;
const ratios = {
  bytes_gzip: round(o.bytes.gzip / c.bytes.gzip, 2),
  ready: round(o.ready_ms.median / c.ready_ms.median, 2),
  slider_sync: round(o.sync_ms.median / c.sync_ms.median, 3),
  slider_p95: round(o.sync_ms.p95 / c.sync_ms.p95, 3),
  frame: round(o.frame_ms.median / c.frame_ms.median, 2),
  render: round(o.render_ms.median / c.render_ms.median, 3),
};
const budget = { bytes_gzip: 0.6, ready: 0.5, slider_sync: 0.1 };
const report = { date: new Date().toISOString(), chromium: browser.version?.(), cold_loads: COLD_LOADS, moves_per_slider: MOVES, soak_moves: SOAK, results, ratios, budget };
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bench.json'), JSON.stringify(report, null, 2));

const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const memo = (m) => `JS ${kb(m.before.jsHeap)} → ${kb(m.after.jsHeap)}` + (m.before.wasm != null ? `, wasm ${kb(m.before.wasm)} → ${kb(m.after.wasm)}` : '');
const rows = [
  ['', 'ours', 'Chart.js', 'ours / Chart.js', 'budget'],
  ['bytes loaded, gzip -9', kb(o.bytes.gzip), kb(c.bytes.gzip), ratios.bytes_gzip, '≤ 0.6'],
  ['bytes loaded, raw', kb(o.bytes.raw), kb(c.bytes.raw), round(o.bytes.raw / c.bytes.raw, 2), ''],
  [`ready, median of ${COLD_LOADS} cold loads, interleaved (ms)`, `${o.ready_ms.median} (${o.ready_ms.min}–${o.ready_ms.max})`, `${c.ready_ms.median} (${c.ready_ms.min}–${c.ready_ms.max})`, ratios.ready, '≤ 0.5'],
  [`slider input, sync work median (ms, ${o.moves} moves)`, o.sync_ms.median, c.sync_ms.median, ratios.slider_sync, '≤ 0.1'],
  ['slider input, sync work p95 (ms)', o.sync_ms.p95, c.sync_ms.p95, ratios.slider_p95, '< 2 ms'],
  ['all work for one move: render in the frame, median (ms)', o.render_ms.median, c.render_ms.median, ratios.render, ''],
  ['all work for one move, p95 (ms)', o.render_ms.p95, c.render_ms.p95, round(o.render_ms.p95 / c.render_ms.p95, 3), ''],
  ['input to next painted frame, median (ms)', o.frame_ms.median, c.frame_ms.median, ratios.frame, ''],
  [`memory before → after ${SOAK} moves`, memo(o.memory), memo(c.memory), '', 'flat'],
];
const table = rows.map((r) => `| ${r.join(' | ')} |`).join('\n').replace(/\n/, '\n|---|---|---|---|---|\n');
console.log(table);
console.log('\nfiles (ours):');
for (const f of o.bytes.files) console.log(`  ${f.url.padEnd(40)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(8)} gzip`);

// README.md shows the latest run: the table above and the size of each file.
const NAMES = [
  ['_bg.', '`pkg/pledge_explainer_bg.<hash>.wasm`'],
  ['/pkg/pledge_explainer.', '`pkg/pledge_explainer.<hash>.js` (wasm-bindgen glue, minified)'],
  ['/app.', '`app.<hash>.js` (minified)'],
  ['?lang', '`index.html` (with the static fallback)'],
  ['/style.', '`style.<hash>.css`'],
  ['/boot.', '`boot.<hash>.js` (minified)'],
];
const sizes = ['| file | raw | gzip |', '|---|---|---|', ...NAMES.map(([part, label]) => {
  const f = o.bytes.files.find((x) => x.url.includes(part));
  return f ? `| ${label} | ${f.raw.toLocaleString('en')} | ${f.gzip.toLocaleString('en')} |` : null;
}).filter(Boolean)].join('\n');
const readmePath = join(root, 'README.md');
let readme = readFileSync(readmePath, 'utf8');
for (const [name, text] of [['bench', table], ['sizes', sizes]]) {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
  if (!re.test(readme)) throw new Error(`README.md: the ${name}:start/end markers are missing`);
  readme = readme.replace(re, (all, open, close) => open + text + close);
}
writeFileSync(readmePath, readme);
console.log('\nwritten: target/bench.json, and the tables in README.md');
