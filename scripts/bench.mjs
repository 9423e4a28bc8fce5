// `make bench`: what a reader feels, ours against a fair reference (bench/chartjs/: the same
// charts, sliders, prose and table by a careful hand-writer with Chart.js: inline CSS, deferred
// scripts, reserved chart boxes, no animation) and a floor page (the same first-screen text, no
// script) in the same run, on two profiles: loopback, and a mid-range phone on a slow mobile
// network (150 ms round trip, 1.6 Mbps down, CPU 4x slower, through the Chrome DevTools
// Protocol). Every site is served gzip-compressed. A card (dist/cards/claim.html) is measured
// beside the full page when the build has one. Measured with the browser's own APIs: first and
// largest contentful paint, layout shift (PerformanceObserver), the time to the answer (the
// first frame in which the per-person comparison is on screen), ready, bytes until ready and
// after 5 s idle, work per slider move, and interaction to next paint of key presses on the
// sliders (Event Timing). On the phone, a trace says where the time before first paint goes.
// Prints the tables, writes target/bench.json and the tables into docs/speed.md.
// Machines here are noisy: the ratios within one run are the figures that count.
//
// BENCH_LOADS / BENCH_PHONE_LOADS (cold loads), BENCH_MOVES / BENCH_PHONE_MOVES (per slider),
// BENCH_KEYS / BENCH_PHONE_KEYS (key presses per slider), BENCH_MOVE_ROUNDS (the rounds of
// fresh pages, alternating, the moves and presses are split over; default 3), BENCH_TRACES
// (phone traces per page), BENCH_IDLE_MS (the idle wait for total bytes), BENCH_SOAK, BENCH_NAIVE=1 (also the render-
// blocked naive reference, bench/chartjs-naive/), BENCH_DOCS=0 (leave docs/speed.md alone; the
// old name BENCH_README=0 too),
// BENCH_ONLY=trace (only the phone's first-paint traces, printed), BENCH_BASELINE=DIR (also
// another build of ours, e.g. a copy of dist/ before a change, served alike: what a lever pays,
// measured in the same run), BENCH_DIST=DIR (measure a copy of dist/), BENCH_ONLY=moves (only the
// phone's moves and key presses of ours and the BENCH_BASELINE build, no reference, in each of
// BENCH_LANGS, default en,ar: per slider and in all, printed, nothing written).
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { startServer } from './serve.mjs';
import { DOC, fillMarkers, writesDocs } from './bench-docs.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/helpers.mjs';

const root = new URL('..', import.meta.url).pathname;
// BENCH_DIST: measure a copy of dist/ (so a build during the run cannot change what is measured).
const distDir = process.env.BENCH_DIST || join(root, 'dist');
const env = (name, fallback) => Number(process.env[name] || fallback);
const SETTLE_MS = 300;
const SOAK = env('BENCH_SOAK', 10000);
const IDLE_MS = env('BENCH_IDLE_MS', 5000);
const TRACES = env('BENCH_TRACES', 3);
// Moves and key presses are split over this many rounds of fresh pages, alternating (allMoves).
const MOVE_ROUNDS = Math.max(1, env('BENCH_MOVE_ROUNDS', 3));
const FRAME_MS = 1000 / 60;

/** The two profiles. `moves` and `keys` are per slider; `loads` cold loads per page, interleaved. */
const PROFILES = {
  loopback: {
    label: 'loopback',
    loads: env('BENCH_LOADS', 15),
    moves: env('BENCH_MOVES', 200),
    keys: env('BENCH_KEYS', 50),
    context: { viewport: { width: 1280, height: 900 } },
  },
  phone: {
    label: 'phone: 150 ms RTT, 1.6 Mbps, CPU 4× slower',
    loads: env('BENCH_PHONE_LOADS', 11),
    moves: env('BENCH_PHONE_MOVES', 60),
    keys: env('BENCH_PHONE_KEYS', 25),
    context: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (0.75e6 * 0.9) / 8 },
    cpu: 4,
  },
};

// The reference pages: the fair Chart.js page, the floor (our English page without any script,
// its stylesheet inline: one response, what no page with this text can beat), and on request
// the naive Chart.js page earlier runs were read against.
const refDir = mkdtempSync(join(tmpdir(), 'pledge-bench-'));
cpSync(join(root, 'bench/chartjs'), refDir, { recursive: true });
cpSync(join(root, 'bench/chartjs-naive'), join(refDir, 'naive'), { recursive: true });
for (const dir of ['', 'naive']) cpSync(join(root, 'node_modules/chart.js/dist/chart.umd.min.js'), join(refDir, dir, 'chart.umd.min.js'));
mkdirSync(join(refDir, 'floor'));
writeFileSync(join(refDir, 'floor/index.html'), floorPage());

const ours = await startServer({ root: distDir, isolate: true });
const reference = await startServer({ root: refDir, csp: false, isolate: true });
const baseline = process.env.BENCH_BASELINE ? await startServer({ root: process.env.BENCH_BASELINE, isolate: true }) : null;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

// The answer: the per-person comparison and its figures. Ours (and the card, and the floor,
// which is our static page): the claim card's answer, both per-person figures and their ratio,
// by their data- hooks (the first of each is the claim card's; the prose's lede sentence is in
// the folded sources since the cards). The Chart.js page: its prose, which its script writes.
const OUR_ANSWER = ['[data-figure="france_usd_per_person"]', '[data-figure="us_usd_per_person"]', '[data-figure="per_person_ratio"]'];
const CARD = join(distDir, 'cards/claim.html');
const PAGES = {
  ours: { label: 'ours', url: `${ours.url}?lang=en`, slider: (p) => `#range-${p}`, answer: OUR_ANSWER },
  chartjs: { label: 'Chart.js (fair)', url: reference.url, slider: (p) => `#r-${p}`, answer: ['#prose'] },
  floor: { label: 'floor (no script)', url: `${reference.url}floor/`, slider: null, answer: OUR_ANSWER, readyIsLoad: true },
};
if (existsSync(CARD)) PAGES.card = { label: 'card (cards/claim.html)', url: `${ours.url}cards/claim.html?lang=en`, slider: null, answer: ['[data-figure="per_person_ratio"]'], card: true };
if (baseline) PAGES.baseline = { label: `ours, other build (${process.env.BENCH_BASELINE})`, url: `${baseline.url}?lang=en`, slider: (p) => `#range-${p}`, answer: OUR_ANSWER };
if (process.env.BENCH_NAIVE === '1') PAGES.naive = { label: 'Chart.js (naive)', url: `${reference.url}naive/`, slider: (p) => `#r-${p}`, answer: ['#prose'] };
const SLIDERS = ['eurusd', 'pop_fr', 'pop_us', 'uae'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const stats = (xs, d = 1) => {
  const ok = xs.filter(Number.isFinite);
  if (!ok.length) return { median: NaN, p95: NaN, min: NaN, max: NaN, n: 0 };
  return { median: round(median(ok), d), p95: round(pct(ok, 0.95), d), min: round(Math.min(...ok), d), max: round(Math.max(...ok), d), n: ok.length };
};
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const kb = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KiB` : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b, 2) : '');
const timing = (s) => (s && Number.isFinite(s.median) ? `${s.median} (${s.p95})` : '—');
const eventMs = (x) => (x >= 16 ? String(x) : '< 16');
const inpText = (i) => (i ? `${eventMs(i.inp_ms)} (${eventMs(i.median_ms)}, ${eventMs(i.p95_ms)}; ${i.over_16_ms} of ${i.presses} over 16)` : '—');

function floorPage() {
  const dist = distDir;
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

/**
 * Runs in every page before its own scripts: largest contentful paint and layout shifts from
 * PerformanceObserver, and the time to the answer. The answer is watched for in the DOM as
 * the parser or a script writes it (a MutationObserver: no polling while the page loads); once
 * every part of it has text, each next frame checks that it is rendered (visible, with a box),
 * and the first frame in which it is is timed after its rendering update (a message posted
 * from the frame's animation callback runs once style, layout and paint are done).
 */
function instrument(answer) {
  const bench = (window.__bench = { lcp: null, shifts: [], answer: null, answerInDom: null, answerFirstScreen: null, chart: null });
  // Ours: the first chart drawn (the served page has empty boxes; the wasm's second part draws
  // them). The reference draws its charts before its ready mark.
  const charts = new MutationObserver(() => {
    if (!document.querySelector('.plot > svg:not(.placeholder)')) return;
    charts.disconnect();
    bench.chart = performance.now();
  });
  charts.observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) bench.shifts.push([e.startTime, e.value]); })
      .observe({ type: 'layout-shift', buffered: true });
  } catch { /* an engine without them: the figures stay empty */ }
  const parts = () => answer.map((sel) => document.querySelector(sel));
  const written = () => parts().every((el) => el && el.textContent.trim() !== '');
  const frame = () => {
    const els = parts();
    const shown = els.every((el) => el && el.textContent.trim() !== '' && el.getClientRects().length > 0 &&
      el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
    if (!shown) { requestAnimationFrame(frame); return; }
    bench.answerFirstScreen = els.every((el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { bench.answer = performance.now(); };
    channel.port2.postMessage(0);
  };
  const watch = new MutationObserver(() => {
    if (!written()) return;
    watch.disconnect();
    bench.answerInDom = performance.now();
    requestAnimationFrame(frame);
  });
  watch.observe(document, { childList: true, subtree: true, characterData: true });
}

/** The largest session window of layout shifts (as CLS is defined: 1 s gaps, 5 s at most). */
function cumulativeLayoutShift(shifts) {
  let best = 0, sum = 0, start = -Infinity, last = -Infinity;
  for (const [t, v] of shifts) {
    if (t - last > 1000 || t - start > 5000) { sum = 0; start = t; }
    sum += v;
    last = t;
    best = Math.max(best, sum);
  }
  return best;
}

/** A fresh context and page with the profile applied before anything loads. */
async function openPage(profile, name) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  if (name) await page.addInitScript(instrument, PAGES[name].answer);
  const cdp = await context.newCDPSession(page);
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return { context, page };
}

/** Ready: the page's `explainer:ready` mark (the floor's: its load event). False if it never came. */
async function waitReady(page, name) {
  if (PAGES[name].readyIsLoad) { await page.waitForLoadState('load'); return true; }
  return page.waitForFunction(() => performance.getEntriesByName('explainer:ready').length > 0, null, { timeout: PAGES[name].card ? 20000 : 60000 })
    .then(() => true, (e) => { if (PAGES[name].card) return false; throw e; });
}

/**
 * One cold load: first and largest contentful paint, the answer, ready (the floor: its load
 * event), layout shift, and the bytes as served (encoded bodies) until ready. `idle`: then
 * waits that long and counts every byte loaded by then.
 */
async function coldLoad(profile, name, idle = 0) {
  const { context, page } = await openPage(profile, name);
  await page.goto(PAGES[name].url);
  const marked = await waitReady(page, name);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 && window.__bench.answer != null, null, { timeout: 20000 }).catch(() => {});
  if (PAGES[name].slider && PAGES[name].answer === OUR_ANSWER) await page.waitForFunction(() => window.__bench.chart != null, null, { timeout: 20000 }).catch(() => {});
  if (idle) await sleep(idle);
  const m = await page.evaluate((marked) => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const mark = performance.getEntriesByName('explainer:ready')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    const ready = marked && mark ? mark.startTime : nav.loadEventEnd;
    const entries = [nav, ...performance.getEntriesByType('resource')];
    const sum = (list) => list.reduce((a, e) => a + (e.encodedBodySize || 0), 0);
    const b = window.__bench;
    return {
      fcp: fcp ? fcp.startTime : NaN,
      lcp: b.lcp ?? NaN,
      answer: b.answer == null ? NaN : Math.max(b.answer, fcp ? fcp.startTime : 0),
      answer_in_dom: b.answerInDom ?? NaN,
      answer_first_screen: b.answerFirstScreen,
      ready,
      chart: b.chart ?? (document.querySelector('.plot') ? NaN : ready),
      later: performance.getEntriesByName('explainer:later')[0]?.startTime ?? NaN,
      marked: !!(marked && mark),
      shifts: b.shifts,
      bytes_until_ready: sum(entries.filter((e) => e.responseEnd <= ready)),
      bytes_loaded: sum(entries),
      requests: entries.length,
      urls: entries.map((e) => e.name).filter((u) => !u.startsWith('data:')),
    };
  }, marked);
  m.cls = cumulativeLayoutShift(m.shifts);
  await context.close();
  // Let the browser tear the closed page's process down before the next load: on two cores
  // that work would otherwise land on whichever page comes next.
  await sleep(SETTLE_MS);
  return m;
}

/** Alternates the pages: a, b, c, then c, b, a, … so drift in the machine's load falls on all alike. */
const alternate = (names, i) => (i % 2 ? [...names].reverse() : names);

/**
 * Cold loads of every page, interleaved after one discarded warm-up each, then one load each
 * left idle for IDLE_MS after ready (every byte a reader's browser fetches unasked).
 */
async function loads(profile) {
  const names = Object.keys(PAGES);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await coldLoad(profile, n);
  for (let i = 0; i < profile.loads; i++) for (const n of alternate(names, i)) runs[n].push(await coldLoad(profile, n));
  const idle = {};
  for (const n of names) idle[n] = await coldLoad(profile, n, IDLE_MS);
  return Object.fromEntries(names.map((n) => [n, {
    fcp_ms: stats(runs[n].map((r) => r.fcp)),
    lcp_ms: stats(runs[n].map((r) => r.lcp)),
    answer_ms: stats(runs[n].map((r) => r.answer)),
    answer_in_dom_ms: stats(runs[n].map((r) => r.answer_in_dom)),
    answer_first_screen: runs[n].every((r) => r.answer_first_screen === true),
    ready_ms: stats(runs[n].map((r) => r.ready)),
    chart_ms: stats(runs[n].map((r) => r.chart)),
    later_ms: stats(runs[n].map((r) => r.later)),
    ready_marked: runs[n].every((r) => r.marked) || !!PAGES[n].readyIsLoad,
    cls: stats(runs[n].map((r) => r.cls), 4),
    bytes_until_ready: median(runs[n].map((r) => r.bytes_until_ready)),
    bytes_total: idle[n].bytes_loaded,
    requests_total: idle[n].requests,
    urls: idle[n].urls,
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
 * Then (not for the thumb alone) `keys` key presses on each slider, as real input, for Event
 * Timing. `count` moves of each slider. Resolves to the raw figures, which `allMoves` gathers
 * over its rounds: each move's work and handler time, the presses and the slow interactions.
 * (bench/probes/common.mjs's `sweep` measures a move alike.)
 */
async function moves(profile, name, thumbOnly = false, count = profile.moves, keys = profile.keys, lang = 'en') {
  const { context, page } = await openPage(profile, name);
  await page.goto(PAGES[name].url.replace('?lang=en', `?lang=${lang}`));
  await waitReady(page, name);
  await page.waitForTimeout(500);
  if (thumbOnly) await page.evaluate(() => window.addEventListener('input', (e) => e.stopPropagation(), true));
  const work = [];
  const handler = [];
  const bySlider = {};
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
    }, { sel: PAGES[name].slider(p), n: count });
    work.push(...r.work);
    handler.push(...r.handler);
    bySlider[p] = r.work;
  }
  const result = { work, handler, bySlider, presses: 0, slow: [] };
  if (!thumbOnly && keys > 0) {
    await page.waitForTimeout(500);
    Object.assign(result, await keyPresses(page, name, keys));
  }
  await context.close();
  return result;
}

/**
 * The moves and key presses of every page with sliders, in MOVE_ROUNDS rounds: each round a
 * fresh page of each, in alternating order (a, b, c, then c, b, a), with its share of the
 * moves and presses, so drift in the machine's load falls on all pages alike, as the cold
 * loads do. Then the thumb alone (ours with its handlers stopped), alternated the same way.
 */
async function allMoves(profile) {
  const names = Object.keys(PAGES).filter((n) => PAGES[n].slider);
  const runs = Object.fromEntries([...names, 'thumb'].map((n) => [n, { work: [], handler: [], presses: 0, slow: [] }]));
  const share = (total, round) => Math.floor(total / MOVE_ROUNDS) + (round < total % MOVE_ROUNDS ? 1 : 0);
  for (let round = 0; round < MOVE_ROUNDS; round++) {
    for (const n of alternate([...names, 'thumb'], round)) {
      const r = n === 'thumb'
        ? await moves(profile, 'ours', true, share(profile.moves, round), 0)
        : await moves(profile, n, false, share(profile.moves, round), share(profile.keys, round));
      const into = runs[n];
      into.work.push(...r.work);
      into.handler.push(...r.handler);
      into.presses += r.presses;
      into.slow.push(...r.slow);
    }
  }
  const summary = ({ work, handler, presses, slow }, withKeys) => ({
    work_ms: stats(work, 2),
    handler_ms: stats(handler, 3),
    ...(withKeys ? { interactions: interactions(presses, slow) } : {}),
  });
  return {
    pages: Object.fromEntries(names.map((n) => [n, summary(runs[n], true)])),
    thumb: summary(runs.thumb, false),
  };
}

/**
 * Interaction to next paint of slider moves, from the browser's Event Timing API: key presses
 * (trusted input through the DevTools protocol; each press is one interaction, keydown and
 * keyup sharing its interactionId) on each slider in turn, ten to the left, ten to the right,
 * one frame apart. An interaction's duration is its longest event's `duration` (from the
 * press to the next paint after its handlers, rounded to 8 ms), as INP is defined; the API
 * reports none under 16 ms, so a press without an entry took less than that (counted as 0 in
 * the order; `interactions` below). INP: the worst interaction, leaving out one per 50 (the
 * 98th percentile).
 */
async function keyPresses(page, name, n) {
  await page.evaluate(() => {
    window.__interactions = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) || 0, e.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  let presses = 0;
  for (const p of SLIDERS) {
    await page.evaluate(async (sel) => {
      const range = document.querySelector(sel);
      range.scrollIntoView({ block: 'center' });
      range.focus();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, PAGES[name].slider(p));
    for (let i = 0; i < n; i++) {
      await page.keyboard.press(i % 20 < 10 ? 'ArrowLeft' : 'ArrowRight');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      presses++;
    }
  }
  await page.waitForTimeout(500);
  return { presses, slow: await page.evaluate(() => [...window.__interactions.values()]) };
}

/** INP and the order of interactions over all the presses of a page (`slow`: those reported). */
function interactions(presses, slow) {
  const all = [...slow, ...Array(Math.max(0, presses - slow.length)).fill(0)].sort((a, b) => b - a);
  return {
    presses,
    over_16_ms: slow.length,
    inp_ms: all[Math.min(all.length - 1, Math.floor(presses / 50))],
    median_ms: median(all),
    p95_ms: pct(all, 0.95),
    max_ms: all[0],
  };
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

// ---------------------------------------------------------------- where first paint goes

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink.user_timing', 'toplevel', 'v8.execute', 'blink'];
const BUCKETS = [
  ['commit', /^(DocumentLoader::|Document::Document|Document::OpenForNavigation|LocalFrame::|NavigationBodyLoader)/],
  ['parse', /^(ParseHTML|HTMLDocumentParser::)/],
  ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet|RecalculateStyles|Document::updateStyle|StyleEngine)/],
  ['layout', /^(Layout|UpdateLayout|LocalFrameView::layout|LocalFrameView::UpdateStyleAndLayout)$/],
  ['paint', /^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintArtifactCompositor|LocalFrameView::RunPaintLifecyclePhase|WebFrameWidgetImpl::UpdateLifecycle|ProxyMain::BeginMainFrame)/],
  ['script', /^(EvaluateScript|EvaluateModule|v8\.|V8\.|FunctionCall|CompileScript|CompileCode|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|CacheScript|ScriptStreamer|WebAssembly)/i],
];
const bucketOf = (name) => (BUCKETS.find(([, re]) => re.test(name)) || ['other'])[0];

/**
 * Main-thread time from navigation start to first contentful paint, by kind (self time: a
 * style recalculation forced inside the parser counts as style, not parse), with the time
 * spent in each script file; the rest of the span is the main thread waiting (for bytes).
 */
function firstPaintBreakdown(events, pageUrl) {
  const nav = events.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL || '').startsWith(pageUrl.split('?')[0]) && e.args?.data?.isLoadingMainFrame).pop();
  if (!nav) return null;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid && e.ts >= nav.ts);
  if (!fcp) return null;
  const from = nav.ts, to = fcp.ts;
  // Complete ('X') events and begin/end pairs of the page's main thread, as intervals.
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== nav.pid || e.tid !== nav.tid) continue;
    if (e.ph === 'X' && e.dur != null) spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, start: b.ts, end: e.ts, args: b.args });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const time = { commit: 0, parse: 0, style: 0, layout: 0, paint: 0, script: 0, other: 0 };
  const scripts = {};
  const others = {};
  let busy = 0;
  const stack = [];
  const clip = (s) => Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  const close = (s) => {
    const self = clip(s) - s.children;
    if (self <= 0) return;
    time[s.bucket] += self;
    if (s.bucket === 'script' && s.script) scripts[s.script] = (scripts[s.script] || 0) + self;
    if (s.bucket === 'other') others[s.name] = (others[s.name] || 0) + self;
  };
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    while (stack.length && stack[stack.length - 1].end <= s.start) close(stack.pop());
    const parent = stack[stack.length - 1];
    const url = s.args?.data?.url;
    s.bucket = bucketOf(s.name);
    // A script's own name, inherited by what runs inside it.
    s.script = (s.name === 'EvaluateScript' || s.name === 'EvaluateModule' || s.name === 'v8.compile' || s.name === 'CompileScript') && url
      ? (url.split('?')[0] === pageUrl.split('?')[0] ? 'inline' : url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, ''))
      : parent?.script;
    if (s.bucket === 'other' && parent && parent.bucket !== 'other') s.bucket = parent.bucket;
    s.children = 0;
    if (parent) parent.children += clip(s);
    else busy += clip(s);
    stack.push(s);
  }
  while (stack.length) close(stack.pop());
  const ms = (us) => round(us / 1000, 1);
  return {
    fcp_ms: ms(to - from),
    busy_ms: ms(busy),
    idle_ms: ms(to - from - busy),
    ...Object.fromEntries(Object.entries(time).map(([k, v]) => [`${k}_ms`, ms(v)])),
    scripts_ms: Object.fromEntries(Object.entries(scripts).map(([k, v]) => [k.replace(/\.[0-9a-f]{10}\./, '.'), ms(v)])),
    other_by_name_ms: Object.fromEntries(Object.entries(others).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => [k, ms(v)])),
  };
}

/** One traced cold load on the phone profile: the network side from Navigation and Resource Timing. */
async function tracedLoad(profile, name) {
  const { context, page } = await openPage(profile, name);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(PAGES[name].url);
  await waitReady(page, name);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 20000 }).catch(() => {});
  const net = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= fcp);
    const blocking = performance.getEntriesByType('resource').filter((e) => e.renderBlockingStatus === 'blocking');
    return {
      html_bytes: nav.encodedBodySize,
      html_first_byte_ms: nav.responseStart,
      html_last_byte_ms: nav.responseEnd,
      blocking_last_byte_ms: blocking.length ? Math.max(...blocking.map((e) => e.responseEnd)) : null,
      blocking: blocking.map((e) => e.name.replace(/^https?:\/\/[^/]+\//, '').replace(/\.[0-9a-f]{10}\./, '.')),
      requests_before_fcp: before.length,
      fcp_ms: fcp,
    };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const main = firstPaintBreakdown(trace.traceEvents || trace, page.url());
  await context.close();
  await sleep(SETTLE_MS);
  return { ...net, main };
}

/**
 * TRACES traced loads of each page, alternating after a discarded warm-up each; of each page,
 * the load whose first paint is the median one, whole (medians taken part by part would not
 * add up to a load that happened).
 */
async function firstPaint(profile) {
  const names = Object.keys(PAGES);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await tracedLoad(profile, n);
  for (let i = 0; i < TRACES; i++) for (const n of alternate(names, i)) runs[n].push(await tracedLoad(profile, n));
  return Object.fromEntries(names.map((n) => {
    const traced = runs[n].filter((x) => x.main);
    const sorted = (traced.length ? traced : runs[n]).sort((a, b) => (a.main?.fcp_ms ?? a.fcp_ms) - (b.main?.fcp_ms ?? b.fcp_ms));
    const t = sorted[Math.floor(sorted.length / 2)];
    return [n, { ...t, fcp_ms: t.main?.fcp_ms ?? round(t.fcp_ms, 1), html_first_byte_ms: round(t.html_first_byte_ms, 1), html_last_byte_ms: round(t.html_last_byte_ms, 1),
      blocking_last_byte_ms: t.blocking_last_byte_ms == null ? null : round(t.blocking_last_byte_ms, 1), traced: traced.length, fcp_of_each_ms: runs[n].map((x) => round(x.main?.fcp_ms ?? x.fcp_ms, 1)) }];
  }));
}

// ---------------------------------------------------------------- the run

const uptimeNow = () => { try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return ''; } };
const load = { start: uptimeNow() };
if (process.env.BENCH_ONLY === 'loads') {
  // Only the phone's cold loads (for work on loading): printed, nothing written.
  const l = await loads(PROFILES.phone);
  for (const [n, r] of Object.entries(l)) console.log(`${PAGES[n].label}: bytes until ready ${kb(r.bytes_until_ready)}, in total ${kb(r.bytes_total)}; FCP ${timing(r.fcp_ms)}, answer ${timing(r.answer_ms)}, ready ${timing(r.ready_ms)}, first chart ${timing(r.chart_ms)}, second part in ${timing(r.later_ms)}, CLS ${r.cls.median} (${r.cls.max})`);
  await browser.close();
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'moves') {
  // Only the phone's moves and key presses, ours and the baseline, in each language: printed.
  const profile = PROFILES.phone;
  const names = Object.keys(PAGES).filter((n) => n === 'ours' || n === 'baseline');
  const share = (total, round) => Math.floor(total / MOVE_ROUNDS) + (round < total % MOVE_ROUNDS ? 1 : 0);
  console.log(`load average at start ${uptimeNow()}; ${profile.moves} moves and ${profile.keys} key presses per slider, ${MOVE_ROUNDS} rounds`);
  for (const lang of (process.env.BENCH_LANGS || 'en,ar').split(',')) {
    const runs = Object.fromEntries(names.map((n) => [n, { work: [], bySlider: {}, presses: 0, slow: [] }]));
    for (let round = 0; round < MOVE_ROUNDS; round++) {
      for (const n of alternate(names, round)) {
        const r = await moves(profile, n, false, share(profile.moves, round), share(profile.keys, round), lang);
        const into = runs[n];
        into.work.push(...r.work);
        for (const [p, w] of Object.entries(r.bySlider)) (into.bySlider[p] ||= []).push(...w);
        into.presses += r.presses;
        into.slow.push(...r.slow);
      }
    }
    for (const n of names) {
      const r = runs[n];
      const each = SLIDERS.map((p) => `${p} ${timing(stats(r.bySlider[p] || [], 2))}`).join(', ');
      console.log(`${lang} ${n === 'ours' ? 'ours' : 'baseline'}: work per move median (p95) ${timing(stats(r.work, 2))} ms, ${r.work.length} moves; ${each}; INP ${inpText(interactions(r.presses, r.slow))}`);
    }
    console.log(`  (load average ${uptimeNow()})`);
  }
  await browser.close();
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'trace') {
  // Only the phone's traces (for work on the first paint): printed, nothing written.
  console.log(JSON.stringify(await firstPaint(PROFILES.phone), null, 1));
  await browser.close();
  process.exit(0);
}
const results = {};
const firstPaints = {};
for (const [key, profile] of Object.entries(PROFILES)) {
  console.error(`${profile.label}: cold loads… (load average ${uptimeNow()})`);
  const l = await loads(profile);
  console.error(`${profile.label}: moves and key presses, ${MOVE_ROUNDS} rounds of the pages in turn, and the thumb alone…`);
  const m = await allMoves(profile);
  results[key] = Object.fromEntries(Object.keys(PAGES).map((name) => [name, { ...l[name], ...(m.pages[name] || {}) }]));
  // The floor page has no sliders: a move's floor is ours with its handlers stopped.
  Object.assign(results[key].floor, m.thumb);
  if (profile.cpu) {
    console.error(`${profile.label}: traces of the first paint…`);
    firstPaints[key] = await firstPaint(profile);
  }
}
load.middle = uptimeNow();
const bytes = {};
for (const name of Object.keys(PAGES)) bytes[name] = await sizes(results.loopback[name].urls);
const memory = {};
for (const name of ['ours', 'chartjs']) memory[name] = await soak(name);
load.end = uptimeNow();
await browser.close();
ours.server.close();
reference.server.close();
baseline?.server.close();

// ---------------------------------------------------------------- the tables

const GOALS = {
  loopback: { fcp: 1.1, ready: 0.5, work: 0.3 },
  phone: { fcp: 1.1, answer: 0.4, ready: 0.6, work: 0.3, inp: 0.3, bytes_until_ready: 1.0, bytes_total: 1.25, card_bytes_until_ready: 0.8, card_ready: 0.5 },
};
const goal = (g) => (g ? `≤ ${g}` : '');
const ratios = {};
const tables = {};
const hasCard = !!PAGES.card;
for (const [key, profile] of Object.entries(PROFILES)) {
  const r = results[key];
  const o = r.ours, c = r.chartjs, f = r.floor, k = r.card;
  const g = GOALS[key];
  const cell = (fn, x) => (x ? fn(x) : '—');
  const cardCell = (fn) => (hasCard ? fn(k) : 'not built');
  ratios[key] = {
    bytes_until_ready: ratio(o.bytes_until_ready, c.bytes_until_ready),
    bytes_total: ratio(o.bytes_total, c.bytes_total),
    fcp: ratio(o.fcp_ms.median, c.fcp_ms.median),
    lcp: ratio(o.lcp_ms.median, c.lcp_ms.median),
    answer: ratio(o.answer_ms.median, c.answer_ms.median),
    ready: ratio(o.ready_ms.median, c.ready_ms.median),
    work: ratio(o.work_ms.median, c.work_ms.median),
    inp: ratio(o.interactions.inp_ms, c.interactions.inp_ms),
    card: hasCard ? {
      bytes_until_ready: ratio(k.bytes_until_ready, c.bytes_until_ready),
      bytes_total: ratio(k.bytes_total, c.bytes_total),
      answer: ratio(k.answer_ms.median, c.answer_ms.median),
      ready: ratio(k.ready_ms.median, c.ready_ms.median),
    } : null,
  };
  const q = ratios[key];
  const below = (x) => (x && !x.answer_first_screen ? ' †' : '');
  const rows = [
    ['', 'ours', PAGES.chartjs.label, 'floor (no script; a move: the thumb alone)', 'card (`cards/claim.html`)', 'ours / Chart.js', 'card / Chart.js', 'goal (ours; card)'],
    ['bytes until ready, as served (gzip)', kb(o.bytes_until_ready), kb(c.bytes_until_ready), kb(f.bytes_until_ready), cardCell((x) => kb(x.bytes_until_ready)), q.bytes_until_ready, q.card?.bytes_until_ready ?? '', key === 'phone' ? `≤ ${g.bytes_until_ready}; ≤ ${g.card_bytes_until_ready}` : ''],
    [`bytes in total after ${IDLE_MS / 1000} s idle, as served`, kb(o.bytes_total), kb(c.bytes_total), kb(f.bytes_total), cardCell((x) => kb(x.bytes_total)), q.bytes_total, q.card?.bytes_total ?? '', goal(g.bytes_total)],
    ['every file loaded, gzip -9 / brotli 11', `${kb(bytes.ours.gzip)} / ${kb(bytes.ours.brotli)}`, `${kb(bytes.chartjs.gzip)} / ${kb(bytes.chartjs.brotli)}`, `${kb(bytes.floor.gzip)} / ${kb(bytes.floor.brotli)}`, cardCell(() => `${kb(bytes.card.gzip)} / ${kb(bytes.card.brotli)}`), `${ratio(bytes.ours.gzip, bytes.chartjs.gzip)} / ${ratio(bytes.ours.brotli, bytes.chartjs.brotli)}`, hasCard ? ratio(bytes.card.gzip, bytes.chartjs.gzip) : '', ''],
    [`first contentful paint, median (p95) of ${profile.loads}, ms`, timing(o.fcp_ms), timing(c.fcp_ms), timing(f.fcp_ms), cardCell((x) => timing(x.fcp_ms)), q.fcp, hasCard ? ratio(k.fcp_ms.median, c.fcp_ms.median) : '', goal(g.fcp)],
    ['largest contentful paint, median (p95), ms', timing(o.lcp_ms), timing(c.lcp_ms), timing(f.lcp_ms), cardCell((x) => timing(x.lcp_ms)), q.lcp, hasCard ? ratio(k.lcp_ms.median, c.lcp_ms.median) : '', ''],
    ['the answer on screen, median (p95), ms', timing(o.answer_ms) + below(o), timing(c.answer_ms) + below(c), timing(f.answer_ms) + below(f), cardCell((x) => timing(x.answer_ms) + below(x)), q.answer, q.card?.answer ?? '', goal(g.answer)],
    ['the answer in the document (parsed or written), median (p95), ms', timing(o.answer_in_dom_ms), timing(c.answer_in_dom_ms), timing(f.answer_in_dom_ms), cardCell((x) => timing(x.answer_in_dom_ms)), ratio(o.answer_in_dom_ms.median, c.answer_in_dom_ms.median), hasCard ? ratio(k.answer_in_dom_ms.median, c.answer_in_dom_ms.median) : '', ''],
    ['ready, median (p95), ms (floor: load event)', timing(o.ready_ms), timing(c.ready_ms), timing(f.ready_ms), cardCell((x) => timing(x.ready_ms) + (x.ready_marked ? '' : ' (no ready mark: load event)')), q.ready, q.card?.ready ?? '', key === 'phone' ? `≤ ${g.ready}; ≤ ${g.card_ready}` : goal(g.ready)],
    ['the first chart drawn (ours: the claim card\'s, on the first screen; the reference: at ready), median (p95), ms', timing(o.chart_ms), timing(c.chart_ms), '—', cardCell((x) => timing(x.chart_ms)), ratio(o.chart_ms.median, c.chart_ms.median), '', ''],
    ['layout shift (CLS), median (max)', `${o.cls.median} (${o.cls.max})`, `${c.cls.median} (${c.cls.max})`, `${f.cls.median} (${f.cls.max})`, cardCell((x) => `${x.cls.median} (${x.cls.max})`), '', '', ''],
    [`work per slider move, median (p95), ms, ${o.work_ms.n} moves`, timing(o.work_ms), timing(c.work_ms), timing(f.work_ms), '—', q.work, '', `${goal(g.work)}${key === 'phone' ? ', p95 < 16.7 ms' : ''}`],
    ['of which the input handler, median (p95), ms', timing(o.handler_ms), timing(c.handler_ms), '—', '—', ratio(o.handler_ms.median, c.handler_ms.median), '', ''],
    ['INP of key presses on the sliders (Event Timing), ms: INP (median, p95; presses over 16 ms)', inpText(o.interactions), inpText(c.interactions), '—', '—', q.inp, '', key === 'phone' ? `${goal(g.inp)}, < 16.7 ms` : ''],
  ];
  if (key === 'loopback') {
    const memo = (m) => `JS ${kb(m.before.jsHeap)} → ${kb(m.after.jsHeap)}` + (m.before.wasm != null ? `, wasm ${kb(m.before.wasm)} → ${kb(m.after.wasm)}` : '');
    rows.push([`memory before → after ${SOAK} moves`, memo(memory.ours), memo(memory.chartjs), '—', '—', '', '', 'flat']);
  }
  if (PAGES.baseline) {
    const b = r.baseline;
    rows.push([`${PAGES.baseline.label}: bytes until ready, in total, FCP, answer, ready, work per move, INP (ours / it)`,
      [ratio(o.bytes_until_ready, b.bytes_until_ready), ratio(o.bytes_total, b.bytes_total), ratio(o.fcp_ms.median, b.fcp_ms.median), ratio(o.answer_ms.median, b.answer_ms.median), ratio(o.ready_ms.median, b.ready_ms.median), ratio(o.work_ms.median, b.work_ms.median), ratio(o.interactions.inp_ms, b.interactions.inp_ms)].join(', '),
      `${kb(b.bytes_until_ready)}, ${kb(b.bytes_total)}, ${timing(b.fcp_ms)}, ${timing(b.answer_ms)}, ${timing(b.ready_ms)}, ${timing(b.work_ms)}, ${inpText(b.interactions)}`, '', '', '', '', '']);
  }
  if (PAGES.naive) {
    const n = r.naive;
    rows.push([`${PAGES.naive.label}: FCP, answer, ready, work per move, ms (ours / naive)`, `${ratio(o.fcp_ms.median, n.fcp_ms.median)}, ${ratio(o.answer_ms.median, n.answer_ms.median)}, ${ratio(o.ready_ms.median, n.ready_ms.median)}, ${ratio(o.work_ms.median, n.work_ms.median)}`, `${n.fcp_ms.median}, ${n.answer_ms.median}, ${n.ready_ms.median}, ${n.work_ms.median}`, '', '', '', '', '']);
  }
  const head = rows.shift();
  tables[key] = `**${profile.label}**\n\n` + [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
const traceNames = Object.keys(PAGES);
const fp = firstPaints.phone;
const scriptText = (m) => Object.entries(m.scripts_ms).filter(([, v]) => v >= 0.1).map(([s, v]) => `${s === 'inline' ? 'the inline start-up script' : s} ${v}`).join(', ') || '—';
const traceRows = [
  ['page', 'HTML, as served', 'HTML first byte → last byte, ms', 'render-blocking files, last byte, ms', 'first contentful paint (traced), ms (of each traced load)', 'main thread before it: busy / waiting, ms', 'document set-up', 'parse', 'style', 'layout', 'paint and composite', 'script', 'other (task overhead)', 'script by file, ms'],
  ...traceNames.map((n) => {
    const t = fp[n], m = t.main;
    return [PAGES[n].label, kb(t.html_bytes), `${t.html_first_byte_ms} → ${t.html_last_byte_ms}`, t.blocking.length ? `${t.blocking_last_byte_ms} (${t.blocking.join(', ')})` : 'none',
      `${t.fcp_ms} (of ${t.fcp_of_each_ms.join(', ')})`, m ? `${m.busy_ms} / ${m.idle_ms}` : '—', ...(m ? [m.commit_ms, m.parse_ms, m.style_ms, m.layout_ms, m.paint_ms, m.script_ms, m.other_ms, scriptText(m)] : Array(8).fill('—'))];
  }),
];
const traceHead = traceRows.shift();
const traceTable = `**where first paint goes on the phone** (of ${TRACES} traced loads of each page, the one with the median first paint; tracing itself slows the page a little)\n\n` +
  [traceHead, traceHead.map(() => '---'), ...traceRows].map((row) => `| ${row.join(' | ')} |`).join('\n');
const loadLine = `Load average (1, 5, 15 min) during the run: ${load.start} at the start, ${load.middle} after the loads, ${load.end} at the end; † the answer below the first screen.`;

const report = { date: new Date().toISOString(), chromium: browser.version(), load, profiles: PROFILES, results, first_paint: firstPaints, bytes, memory, ratios, goals: GOALS, card: hasCard ? 'measured' : 'not built' };
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target/bench.json'), JSON.stringify(report, null, 2));
const table = `${tables.loopback}\n\n${tables.phone}\n\n${traceTable}\n\n${loadLine}`;
console.log(table);
if (!hasCard) console.log('\ncard (dist/cards/claim.html): not built');
for (const name of ['ours', ...(hasCard ? ['card'] : [])]) {
  console.log(`\nfiles (${name}):`);
  for (const f of bytes[name].files) console.log(`  ${f.url.padEnd(44)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(8)} gzip ${String(f.brotli).padStart(8)} br`);
}

// docs/speed.md shows the latest run: the tables and the size of each file, between markers.
if (writesDocs(process.env)) {
  const sizeRows = ['| file | raw | gzip -9 | brotli |', '|---|---|---|---|', ...bytes.ours.files.map((f) => {
    const label = f.url.replace(/^\/(\?.*)?$/, 'index.html$1').replace(/^\//, '').replace(/\.[0-9a-f]{10}\./, '.<hash>.');
    return `| \`${label}\` | ${f.raw.toLocaleString('en')} | ${f.gzip.toLocaleString('en')} | ${f.brotli.toLocaleString('en')} |`;
  })].join('\n');
  const docPath = join(root, DOC);
  writeFileSync(docPath, fillMarkers(readFileSync(docPath, 'utf8'), { bench: table, sizes: sizeRows }));
  console.log(`\nwritten: target/bench.json, and the tables in ${DOC}`);
} else console.log('\nwritten: target/bench.json');
