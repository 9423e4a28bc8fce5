// `make bench`: what a reader feels, ours against a hand-made Chart.js page (bench/chartjs/)
// and a floor page (the same first-screen text, no script) in the same run, on two profiles:
// loopback, and a mid-range phone on a slow mobile network (150 ms round trip, 1.6 Mbps down,
// CPU 4x slower, through the Chrome DevTools Protocol). Every site is served gzip-compressed.
// Prints both tables, writes target/bench.json and the tables into README.md.
// Machines here are noisy: the ratios within one run are the figures that count.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/helpers.mjs';

const root = new URL('..', import.meta.url).pathname;
const SETTLE_MS = 300;
const SOAK = Number(process.env.BENCH_SOAK || 10000);
const FRAME_MS = 1000 / 60;

/** The two profiles. `moves` is per slider; `loads` cold loads per page, interleaved. */
const PROFILES = {
  loopback: {
    label: 'loopback',
    loads: Number(process.env.BENCH_LOADS || 15),
    moves: Number(process.env.BENCH_MOVES || 200),
    context: { viewport: { width: 1280, height: 900 } },
  },
  phone: {
    label: 'phone: 150 ms RTT, 1.6 Mbps, CPU 4× slower',
    loads: Number(process.env.BENCH_PHONE_LOADS || 7),
    moves: Number(process.env.BENCH_PHONE_MOVES || 60),
    context: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (0.75e6 * 0.9) / 8 },
    cpu: 4,
  },
};

// The reference pages: Chart.js, and the floor (our English page without any script, its
// stylesheet inline: one response, what no page with this text can beat).
const refDir = mkdtempSync(join(tmpdir(), 'pledge-bench-'));
cpSync(join(root, 'bench/chartjs'), refDir, { recursive: true });
cpSync(join(root, 'node_modules/chart.js/dist/chart.umd.min.js'), join(refDir, 'chart.umd.min.js'));
mkdirSync(join(refDir, 'floor'));
writeFileSync(join(refDir, 'floor/index.html'), floorPage());

const ours = await startServer({ root: join(root, 'dist'), isolate: true });
const reference = await startServer({ root: refDir, csp: false, isolate: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

const PAGES = {
  ours: { url: `${ours.url}?lang=en`, slider: (p) => `#range-${p}` },
  chartjs: { url: reference.url, slider: (p) => `#r-${p}` },
  floor: { url: `${reference.url}floor/`, slider: null },
};
const SLIDERS = ['eurusd', 'pop_fr', 'pop_us', 'uae'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const stats = (xs, d = 1) => ({ median: round(median(xs), d), p95: round(pct(xs, 0.95), d), min: round(Math.min(...xs), d), max: round(Math.max(...xs), d), n: xs.length });

function floorPage() {
  const dist = join(root, 'dist');
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  const cssFile = readdirSync(dist).find((f) => /^style\.[0-9a-f]{10}\.css$/.test(f));
  const css = cssFile ? readFileSync(join(dist, cssFile), 'utf8') : '';
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '')
    .replace(/<script[\s\S]*?<\/script>\n?/g, '')
    .replace(/<link rel="(modulepreload|preload|alternate)"[^>]*>\n?/g, '')
    .replace(/<link rel="stylesheet"[^>]*>/, `<style>${css}</style>`);
  return html;
}

/** A fresh context and page with the profile applied before anything loads. */
async function openPage(profile, options = {}) {
  const context = await browser.newContext({ ...profile.context, ...options });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return { context, page };
}

async function waitReady(page, name) {
  if (name === 'floor') await page.waitForLoadState('load');
  else await page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0, null, { timeout: 60000 });
}

/** One cold load: first contentful paint, ready (the floor: its load event), and bytes. */
async function coldLoad(profile, name) {
  const { context, page } = await openPage(profile);
  await page.goto(PAGES[name].url);
  await waitReady(page, name);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 20000 }).catch(() => {});
  const m = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const ready = performance.getEntriesByName('explainer:ready')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    const entries = [nav, ...performance.getEntriesByType('resource')];
    return {
      fcp: fcp ? fcp.startTime : NaN,
      ready: ready ? ready.startTime : nav.loadEventEnd,
      encoded: entries.reduce((a, e) => a + (e.encodedBodySize || 0), 0),
      urls: entries.map((e) => e.name).filter((u) => !u.startsWith('data:')),
    };
  });
  await context.close();
  // Let the browser tear the closed page's process down before the next load: on two cores
  // that work would otherwise land on whichever page comes next.
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return m;
}

/**
 * Cold loads of every page, interleaved (ours, Chart.js, floor, floor, Chart.js, ours, …)
 * after one discarded warm-up each, so drift in the machine's load falls on all pages alike.
 */
async function loads(profile) {
  const names = Object.keys(PAGES);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await coldLoad(profile, n);
  for (let i = 0; i < profile.loads; i++) {
    for (const n of i % 2 ? [...names].reverse() : names) runs[n].push(await coldLoad(profile, n));
  }
  return Object.fromEntries(names.map((n) => [n, {
    fcp_ms: stats(runs[n].map((r) => r.fcp)),
    ready_ms: stats(runs[n].map((r) => r.ready)),
    encoded_bytes: median(runs[n].map((r) => r.encoded)),
    urls: runs[n][0].urls,
  }]));
}

/** Each file the page loaded, as served (gzip) and as brotli would send it. */
async function sizes(urls) {
  const files = [];
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    files.push({
      url: url.replace(/^http:\/\/[^/]+/, ''),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/**
 * Work per slider move, wherever the page does it: the input handler, plus the main-thread
 * time of the next frame from its first requestAnimationFrame callback (registered before the
 * event is dispatched, so it runs before the page's own) to the end of its rendering update
 * (a MessageChannel message posted from a callback registered after the event runs once the
 * frame's style, layout and paint are done). The slider is scrolled into view first, as a
 * reader's would be. `thumbOnly`: the page's own input handlers are stopped (a capturing
 * listener), so only the browser's work to move the thumb is left: the floor for a move.
 */
async function moves(profile, name, thumbOnly = false) {
  const { context, page } = await openPage(profile);
  await page.goto(PAGES[name].url);
  await waitReady(page, name);
  await page.waitForTimeout(500);
  if (thumbOnly) await page.evaluate(() => window.addEventListener('input', (e) => e.stopPropagation(), true));
  const work = [];
  const handler = [];
  for (const p of SLIDERS) {
    const r = await page.evaluate(async ({ sel, n }) => {
      const range = document.querySelector(sel);
      range.scrollIntoView({ block: 'center' });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const min = Number(range.min), max = Number(range.max);
      const work = [], handler = [];
      for (let i = 0; i < n; i++) {
        range.value = String(min + ((i * 37) % n) * (max - min) / n);
        let frameStart = 0;
        const frameEnd = new Promise((done) => {
          requestAnimationFrame(() => { frameStart = performance.now(); });
          const t0 = performance.now();
          range.dispatchEvent(new Event('input', { bubbles: true }));
          handler.push(performance.now() - t0);
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done(performance.now());
            channel.port2.postMessage(0);
          });
        });
        const end = await frameEnd;
        work.push(handler[handler.length - 1] + (end - frameStart));
      }
      return { work, handler };
    }, { sel: PAGES[name].slider(p), n: profile.moves });
    work.push(...r.work);
    handler.push(...r.handler);
  }
  await context.close();
  return { work_ms: stats(work, 2), handler_ms: stats(handler, 3) };
}

/** Memory over a soak of synchronous moves, after full garbage collections (loopback only). */
async function soak(name) {
  const { context, page } = await openPage(PROFILES.loopback);
  await page.goto(PAGES[name].url);
  await waitReady(page, name);
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
      if (i % 50 === 49) await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    }
    await new Promise((done) => setTimeout(done, 100));
    return { before, after: measure() };
  }, { sels: SLIDERS.map(PAGES[name].slider), n: SOAK });
  await context.close();
  return memory;
}

const results = {};
for (const [key, profile] of Object.entries(PROFILES)) {
  console.error(`${profile.label}: cold loads…`);
  const l = await loads(profile);
  results[key] = {};
  for (const name of Object.keys(PAGES)) {
    console.error(`${profile.label}: ${name}…`);
    results[key][name] = { ...l[name], ...(PAGES[name].slider ? await moves(profile, name) : {}) };
  }
  // The floor page has no sliders: a move's floor is ours with its handlers stopped.
  console.error(`${profile.label}: the thumb alone…`);
  Object.assign(results[key].floor, await moves(profile, 'ours', true));
}
const bytes = {};
for (const name of Object.keys(PAGES)) bytes[name] = await sizes(results.loopback[name].urls);
const memory = {};
for (const name of ['ours', 'chartjs']) memory[name] = await soak(name);
await browser.close();
ours.server.close();
reference.server.close();

// ---------------------------------------------------------------- the tables

const GOALS = {
  loopback: { fcp: 1.1, ready: 0.5, work: 0.3 },
  phone: { fcp: 1.1, ready: 0.6, work: 0.3, work_p95_ms: FRAME_MS, bytes: 1.0 },
};
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ratio = (a, b) => (b > 0 ? round(a / b, 2) : '');
const ratios = {};
const tables = {};
for (const [key, profile] of Object.entries(PROFILES)) {
  const o = results[key].ours, c = results[key].chartjs, f = results[key].floor;
  const g = GOALS[key];
  ratios[key] = {
    fcp: ratio(o.fcp_ms.median, c.fcp_ms.median),
    ready: ratio(o.ready_ms.median, c.ready_ms.median),
    work: ratio(o.work_ms.median, c.work_ms.median),
    bytes_gzip: ratio(bytes.ours.gzip, bytes.chartjs.gzip),
  };
  const r = ratios[key];
  const rows = [
    ['', 'ours', 'Chart.js', 'floor (no script; a move: the thumb alone)', 'ours / Chart.js', 'goal'],
    ['bytes, gzip (as served)', kb(bytes.ours.gzip), kb(bytes.chartjs.gzip), kb(bytes.floor.gzip), r.bytes_gzip, g.bytes ? `≤ ${g.bytes}` : ''],
    ['bytes, brotli 11', kb(bytes.ours.brotli), kb(bytes.chartjs.brotli), kb(bytes.floor.brotli), ratio(bytes.ours.brotli, bytes.chartjs.brotli), ''],
    [`first contentful paint, median (p95) of ${profile.loads}, ms`, `${o.fcp_ms.median} (${o.fcp_ms.p95})`, `${c.fcp_ms.median} (${c.fcp_ms.p95})`, `${f.fcp_ms.median} (${f.fcp_ms.p95})`, r.fcp, `≤ ${g.fcp}`],
    ['ready, median (p95), ms (floor: load event)', `${o.ready_ms.median} (${o.ready_ms.p95})`, `${c.ready_ms.median} (${c.ready_ms.p95})`, `${f.ready_ms.median} (${f.ready_ms.p95})`, r.ready, `≤ ${g.ready}`],
    [`work per slider move, median (p95), ms, ${o.work_ms.n} moves`, `${o.work_ms.median} (${o.work_ms.p95})`, `${c.work_ms.median} (${c.work_ms.p95})`, `${f.work_ms.median} (${f.work_ms.p95})`, r.work, `≤ ${g.work}${g.work_p95_ms ? ', p95 < 16.7 ms' : ''}`],
    ['of which the input handler, median (p95), ms', `${o.handler_ms.median} (${o.handler_ms.p95})`, `${c.handler_ms.median} (${c.handler_ms.p95})`, '—', ratio(o.handler_ms.median, c.handler_ms.median), ''],
  ];
  if (key === 'loopback') {
    const memo = (m) => `JS ${kb(m.before.jsHeap)} → ${kb(m.after.jsHeap)}` + (m.before.wasm != null ? `, wasm ${kb(m.before.wasm)} → ${kb(m.after.wasm)}` : '');
    rows.push([`memory before → after ${SOAK} moves`, memo(memory.ours), memo(memory.chartjs), '—', '', 'flat']);
  }
  tables[key] = `**${profile.label}**\n\n` + rows.map((row) => `| ${row.join(' | ')} |`).join('\n').replace(/\n/, '\n|---|---|---|---|---|---|\n');
}
const report = { date: new Date().toISOString(), chromium: browser.version(), profiles: PROFILES, results, bytes, memory, ratios, goals: GOALS };
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bench.json'), JSON.stringify(report, null, 2));
const table = `${tables.loopback}\n\n${tables.phone}`;
console.log(table);
console.log('\nfiles (ours):');
for (const f of bytes.ours.files) console.log(`  ${f.url.padEnd(44)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(8)} gzip ${String(f.brotli).padStart(8)} br`);

// README.md shows the latest run: both tables and the size of each file.
const sizeRows = ['| file | raw | gzip -9 | brotli |', '|---|---|---|---|', ...bytes.ours.files.map((f) => {
  const label = f.url.replace(/^\/(\?.*)?$/, 'index.html$1').replace(/^\//, '').replace(/\.[0-9a-f]{10}\./, '.<hash>.');
  return `| \`${label}\` | ${f.raw.toLocaleString('en')} | ${f.gzip.toLocaleString('en')} | ${f.brotli.toLocaleString('en')} |`;
})].join('\n');
const readmePath = join(root, 'README.md');
let readme = readFileSync(readmePath, 'utf8');
for (const [name, text] of [['bench', table], ['sizes', sizeRows]]) {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
  if (!re.test(readme)) throw new Error(`README.md: the ${name}:start/end markers are missing`);
  readme = readme.replace(re, (all, open, close) => open + text + close);
}
writeFileSync(readmePath, readme);
console.log('\nwritten: target/bench.json, and the tables in README.md');
