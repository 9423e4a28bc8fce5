// The reader's paths, said once and run in each engine (chromium.test.mjs, firefox.test.mjs,
// webkit.test.mjs call `engineSuite`): ready in three languages, sliders by value, keyboard
// and pointer, charts at two widths with labels that never collide, no window error and no
// CSP violation, the embed's height, the single file from disk, the editor, the downloads.
// Figures are checked against the native CLI, as in tests/browser/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchEngine } from './drivers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = `${ROOT}target/release/pledge-explainer`;
const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
export const SHOTS = `${ROOT}target/shots/engines`;

/** The CLI's formatted figures for the same assumptions. */
function cli(lang, flags = {}) {
  const args = ['summary', '--json', '--lang', lang];
  for (const [k, v] of Object.entries(flags)) args.push(`--${k.replace('_', '-')}`, String(v));
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' })).display;
}

/**
 * dist/ as the suite serves it: a copy whose pages load the probe first (a same-origin script
 * the strict CSP allows), and the single file with the probe inline (its hash added to a
 * policy, should the file state one).
 */
function distWithProbe() {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-engines-'));
  // ENGINES_DIST: another build to run the paths on (an older one, to see a test fail).
  cpSync(process.env.ENGINES_DIST || `${ROOT}dist`, dir, { recursive: true });
  writeFileSync(join(dir, 'engine-probe.js'), PROBE);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.html') && n !== 'explainer.html')) {
    const html = readFileSync(join(dir, name), 'utf8');
    writeFileSync(join(dir, name), html.replace(/<head>/, '<head><script src="engine-probe.js"></script>'));
  }
  const single = readFileSync(join(dir, 'explainer.html'), 'utf8');
  const hash = `'sha256-${createHash('sha256').update(PROBE).digest('base64')}'`;
  const withProbe = single
    .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )/, `$1${hash} `)
    .replace(/<head>/, `<head><script>${PROBE}</script>`);
  writeFileSync(join(dir, 'explainer.html'), withProbe);
  return dir;
}

/** A news page on another origin that embeds the explainer with the one-line snippet. */
function hostPage() {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-engines-host-'));
  writeFileSync(join(dir, 'engine-probe.js'), PROBE);
  cpSync(new URL('./host.html', import.meta.url).pathname, join(dir, 'host.html'));
  return dir;
}

// ------------------------------------------------------------------ in-page helpers

async function waitFor(tab, fn, arg, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await tab.evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ready = (tab) => waitFor(tab, () => performance.getEntriesByName('explainer:ready').length > 0, null, 'the page to be ready');
/** Input is applied once per animation frame: two frames, then the page is current. */
const frames = (tab) => tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
/** After input: what is out of view catches up 150 ms after the last move (`aria-busy` meanwhile). */
async function settled(tab) {
  await frames(tab);
  await waitFor(tab, () => !document.querySelector('[aria-busy="true"]'), null, 'the page to settle');
  await frames(tab);
}
const figure = async (tab, key) => { await settled(tab); return tab.evaluate((k) => document.querySelector(`[data-figure="${k}"]`).textContent, key); };
const problems = (tab) => tab.evaluate(() => (window.__probe ? [...__probe.errors, ...__probe.csp.map((c) => `CSP: ${c}`)] : ['no probe']));
const sliderValue = (tab, param) => tab.evaluate((p) => document.querySelector(`#range-${p}`).valueAsNumber, param);

/** The centre of an element in viewport coordinates, scrolled into view first. */
async function centre(tab, selector, at = 0.5) {
  return tab.evaluate(([s, t]) => {
    const node = document.querySelector(s);
    node.scrollIntoView({ block: 'center', inline: 'nearest' });
    const b = node.getBoundingClientRect();
    return [b.left + b.width * t, b.top + b.height / 2];
  }, [selector, at]);
}

/** Brings each chart into view (the page draws a chart when it comes near) and waits for it. */
async function showEveryChart(tab) {
  for (const name of await tab.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((f) => f.dataset.chart))) {
    await tab.evaluate((n) => document.querySelector(`[data-chart="${n}"]`).scrollIntoView(), name);
    await waitFor(tab, (n) => !document.querySelector(`[data-chart="${n}"] svg.placeholder`), name, `the ${name} chart`);
  }
  await tab.evaluate(() => scrollTo(0, 0));
  await frames(tab);
}

/** Waits until every chart drawn (or the one named, kept in view) is at the width of its column. */
const chartsAtColumnWidth = (tab, name = null) => waitFor(tab, (n) => {
  if (n) document.querySelector(`[data-chart="${n}"]`).scrollIntoView({ block: 'center' });
  const width = Math.round(document.querySelector('#charts').clientWidth);
  const svgs = [...document.querySelectorAll(n ? `[data-chart="${n}"] .plot > svg` : '[data-chart] .plot > svg:not(.placeholder)')];
  return svgs.length > 0 && svgs.every((s) => Number(s.getAttribute('width')) === width) && width;
}, name, 'the charts at the column width');

/**
 * What collides in the sensitivity chart: every pair of labels whose boxes (as this engine lays
 * them out, in its fonts) overlap, a label that crosses the "your rate" line, or one that runs out of the chart.
 */
function sensitivityCollisions() {
  const svg = document.querySelector('[data-chart="sensitivity"] .plot > svg');
  const frame = svg.getBoundingClientRect();
  const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    if (a.box.left < frame.left - 1 || a.box.right > frame.right + 1) out.push(`"${a.text}" runs out of the chart`);
    for (let j = i + 1; j < boxes.length; j++) if (overlap(a.box, boxes[j].box)) out.push(`"${a.text}" overlaps "${boxes[j].text}"`);
  }
  // The reader's rate: the thin vertical line in the subject's colour, up from the axis.
  for (const node of svg.querySelectorAll('polyline, path, line')) {
    const b = node.getBoundingClientRect();
    if (b.width > 2 || b.height < 10 || !/#0072b2|rgb\(0, 114, 178\)/i.test(node.getAttribute('stroke') || '')) continue;
    for (const a of boxes) if (overlap(a.box, { left: b.left - 1, right: b.right + 1, top: b.top, bottom: b.bottom })) out.push(`the rate line crosses "${a.text}"`);
  }
  return out;
}

// ------------------------------------------------------------------ the suite

export function engineSuite(engine) {
  describe(engine, () => {
    let browser, site, host, siteDir;
    before(async () => {
      siteDir = distWithProbe();
      site = await startServer({ root: siteDir });
      // Another site, not only another port: localhost against 127.0.0.1.
      host = await startServer({ root: hostPage(), csp: false });
      host.url = host.url.replace('127.0.0.1', 'localhost');
      browser = await launchEngine(engine);
    });
    after(async () => {
      await browser?.close();
      site?.server.close();
      host?.server.close();
    });

    /** A fresh tab for one path, closed after it; its probe's findings must be empty. */
    async function withTab(options, fn) {
      const tab = await browser.newTab(options);
      try {
        await fn(tab);
      } finally {
        await tab.close();
      }
    }

    for (const [lang, page, dir] of [['en', 'index.html', 'ltr'], ['fr', 'index.fr.html', 'ltr'], ['ar', 'index.ar.html', 'rtl']]) {
      test(`${lang}: ready with the core's figures, no window error, no CSP violation`, () => withTab({}, async (tab) => {
        await tab.open(`${site.url}${page}`);
        await ready(tab);
        assert.deepEqual(await tab.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [lang, dir]);
        const want = cli(lang);
        for (const key of ['announced_usd_bn', 'france_usd_per_person', 'per_person_ratio']) assert.equal(await figure(tab, key), want[key], key);
        // What the page fetched is what it used: a preloaded language pack is fetched once.
        const packs = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/i18n/')));
        assert.ok(packs.length <= 1, `the language pack was fetched ${packs.length} times: ${packs}`);
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(await problems(tab), []);
      }));
    }

    test('a slider by value: a number typed and committed moves the figures to the core\'s', () => withTab({}, async (tab) => {
      await tab.open(`${site.url}index.html?lang=en`);
      await ready(tab);
      const [x, y] = await centre(tab, '#number-eurusd');
      await tab.click(x, y);
      await tab.evaluate(() => document.querySelector('#number-eurusd').select());
      await tab.type('1.1');
      await tab.key('Enter');
      assert.equal(await figure(tab, 'announced_usd_bn'), cli('en', { eurusd: 1.1 }).announced_usd_bn);
      assert.equal(await sliderValue(tab, 'eurusd'), 1.1);
      assert.deepEqual(await problems(tab), []);
    }));

    // The arrow keys move the thumb the way they point, in either direction of writing (the
    // native control in Chromium and Firefox; WebKit raised an RTL slider with ArrowRight).
    for (const [lang, page, right] of [['en', 'index.html', +1], ['ar', 'index.ar.html', -1]]) {
      test(`${lang}: the keyboard moves a slider both ways, the way the arrow points, and its value is announced`, () => withTab({}, async (tab) => {
        await tab.open(`${site.url}${page}`);
        await ready(tab);
        await tab.evaluate(() => document.querySelector('#range-pop_fr').focus());
        const start = await sliderValue(tab, 'pop_fr');
        const step = await tab.evaluate(() => Number(document.querySelector('#range-pop_fr').step));
        const round = (v) => Math.round(v * 1e6) / 1e6;
        const textBefore = await tab.evaluate(() => document.querySelector('#range-pop_fr').getAttribute('aria-valuetext'));
        await tab.key('ArrowRight');
        await frames(tab);
        const moved = await sliderValue(tab, 'pop_fr');
        assert.equal(moved, round(start + right * step), `ArrowRight: ${start} -> ${moved}`);
        assert.equal(await figure(tab, 'france_usd_per_person'), cli(lang, { pop_fr: moved }).france_usd_per_person);
        const text = await tab.evaluate(() => document.querySelector('#range-pop_fr').getAttribute('aria-valuetext'));
        assert.notEqual(text, textBefore, 'the announced value follows');
        assert.match(text, lang === 'ar' ? /[\u0660-\u0669]/ : /\d/);
        await tab.key('ArrowLeft');
        assert.equal(await sliderValue(tab, 'pop_fr'), start, 'ArrowLeft back');
        await tab.key('ArrowLeft');
        assert.equal(await sliderValue(tab, 'pop_fr'), round(start - right * step), 'ArrowLeft again');
        await tab.key('ArrowRight');
        await tab.key('ArrowUp');
        assert.equal(await sliderValue(tab, 'pop_fr'), round(start + step), 'ArrowUp raises in either direction');
        await tab.key('ArrowDown');
        assert.equal(await sliderValue(tab, 'pop_fr'), start, 'ArrowDown lowers');
        assert.equal(await figure(tab, 'france_usd_per_person'), cli(lang).france_usd_per_person);
        assert.deepEqual(await problems(tab), []);
      }));
    }

    for (const [lang, page, dir] of [['en', 'index.html', 'ltr'], ['ar', 'index.ar.html', 'rtl']]) {
      test(`${lang}: a pointer click and a drag on a slider move its figures (${dir})`, () => withTab({}, async (tab) => {
        await tab.open(`${site.url}${page}`);
        await ready(tab);
        const [min, max] = await tab.evaluate(() => { const r = document.querySelector('#range-eurusd'); return [Number(r.min), Number(r.max)]; });
        // Near the left end: the low end of a left-to-right slider, the high end right to left.
        const [x, y] = await centre(tab, '#range-eurusd', 0.1);
        await tab.click(x, y);
        const clicked = await sliderValue(tab, 'eurusd');
        const low = min + (max - min) * 0.25, high = min + (max - min) * 0.75;
        assert.ok(dir === 'ltr' ? clicked < low : clicked > high, `a click at 10 % from the left gave ${clicked} (${min}–${max})`);
        assert.equal(await figure(tab, 'announced_usd_bn'), cli(lang, { eurusd: clicked }).announced_usd_bn);
        const [x1] = await centre(tab, '#range-eurusd', 0.9);
        await tab.drag(x, y, x1, y);
        const dragged = await sliderValue(tab, 'eurusd');
        assert.ok(dir === 'ltr' ? dragged > high : dragged < low, `a drag to 90 % gave ${dragged}`);
        await waitFor(tab, () => !document.querySelector('[aria-busy="true"]'), null, 'the page to settle after the drag');
        assert.equal(await figure(tab, 'announced_usd_bn'), cli(lang, { eurusd: dragged }).announced_usd_bn);
        assert.deepEqual(await problems(tab), []);
      }));
    }

    for (const width of [375, 1280]) {
      test(`the four charts are drawn at the column width at ${width} px, and the page does not scroll sideways`, () => withTab({ width, height: 900 }, async (tab) => {
        await tab.open(`${site.url}index.html?lang=en`);
        await ready(tab);
        await showEveryChart(tab);
        const column = await chartsAtColumnWidth(tab);
        assert.ok(column <= width && column > width / 2, `column ${column}`);
        assert.equal(await tab.evaluate(() => document.querySelectorAll('[data-chart] .plot > svg:not(.placeholder)').length), 4);
        assert.ok(await tab.evaluate(() => document.querySelectorAll('[data-chart] .plot > svg text').length > 20));
        assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
        assert.deepEqual(await problems(tab), []);
      }));
    }

    test('the sensitivity chart\'s labels never collide, at every width from 320 px, in each language', () => withTab({ width: 320, height: 900 }, async (tab) => {
      const found = [];
      for (const [lang, page] of [['en', 'index.html'], ['fr', 'index.fr.html'], ['ar', 'index.ar.html']]) {
        for (const query of ['', '?eurusd=0.95', '?eurusd=1.12']) {
          await tab.resize(320, 900);
          await tab.open(`${site.url}${page}${query}`);
          await ready(tab);
          await tab.evaluate(() => document.querySelector('[data-chart="sensitivity"]').scrollIntoView());
          for (const width of [320, 340, 360, 375, 390, 414, 430, 480, 540, 600, 768, 1024, 1280]) {
            await tab.resize(width, 900);
            await chartsAtColumnWidth(tab, 'sensitivity');
            for (const c of await tab.evaluate(sensitivityCollisions)) found.push(`${lang}${query} at ${width} px: ${c}`);
          }
        }
      }
      assert.deepEqual(found, []);
    }));

    test('the Arabic face comes before any generic family, in the page and in the charts\' SVG, and draws the Arabic', () => withTab({}, async (tab) => {
      await tab.open(`${site.url}index.ar.html`);
      await ready(tab);
      await showEveryChart(tab);
      const stack = await tab.evaluate(() => getComputedStyle(document.body).fontFamily);
      const names = stack.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
      const generic = names.findIndex((f) => /^(system-ui|-apple-system|sans-serif|serif|ui-sans-serif|BlinkMacSystemFont)$/.test(f));
      assert.ok(names.indexOf('Noto Sans Arabic') >= 0 && names.indexOf('Noto Sans Arabic') < generic, stack);
      assert.ok(names.indexOf('Noto Sans Arabic') < names.indexOf('Noto Sans'), `the Arabic face before the Latin one: ${stack}`);
      // The face this engine draws the Arabic in: as wide as Noto Sans Arabic alone.
      const widths = await tab.evaluate(() => {
        const probe = (family) => {
          const s = document.createElement('span');
          s.textContent = 'مقارنةً بستارغيت، نصيب الفرد';
          s.style.setProperty('font-family', family);
          s.style.setProperty('white-space', 'nowrap');
          document.body.append(s);
          const w = s.getBoundingClientRect().width;
          s.remove();
          return Math.round(w * 10) / 10;
        };
        return [probe(getComputedStyle(document.body).fontFamily), probe('"Noto Sans Arabic"')];
      });
      assert.equal(widths[0], widths[1], 'the Arabic is drawn in Noto Sans Arabic');
      // A chart downloaded as SVG names the same stack (it is drawn outside the page's CSS).
      const svgFamilies = await tab.evaluate(() => [...new Set([...document.querySelectorAll('[data-chart] .plot > svg text')].map((t) => t.getAttribute('font-family')))]);
      assert.deepEqual(svgFamilies.map((f) => f.replace(/["']/g, '').replace(/\s*,\s*/g, ',')), [stack.replace(/["']/g, '').replace(/\s*,\s*/g, ',')]);
    }));

    // Firefox reported "ResizeObserver loop completed with undelivered notifications" to the
    // page, now and then, while charts were drawn as they came into view.
    test('no ResizeObserver loop: pages at 1280 px, loaded again and again and scrolled through their charts, report no window error', () => withTab({ width: 1280, height: 900 }, async (tab) => {
      for (let i = 0; i < 6; i++) {
        for (const page of ['index.ar.html', 'index.html']) {
          await tab.open(`${site.url}${page}?load=${i}`);
          await ready(tab);
          await new Promise((r) => setTimeout(r, 50));
          await showEveryChart(tab);
          await new Promise((r) => setTimeout(r, 50));
          assert.deepEqual(await problems(tab), [], `${page}, load ${i + 1}`);
        }
      }
    }));

    test('a resize that leaves the charts\' width alone redraws nothing; one that changes it redraws on the next frame', () => withTab({ width: 1280, height: 900 }, async (tab) => {
      await tab.open(`${site.url}index.html?lang=en`);
      await ready(tab);
      await showEveryChart(tab);
      await tab.evaluate(() => {
        window.__chartMutations = 0;
        new MutationObserver((list) => { window.__chartMutations += list.length; })
          .observe(document.querySelector('#charts'), { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await tab.resize(1280, 700);
      await frames(tab);
      await frames(tab);
      assert.equal(await tab.evaluate(() => window.__chartMutations), 0, 'a height change redraws nothing');
      await tab.resize(600, 700);
      await chartsAtColumnWidth(tab);
      assert.ok(await tab.evaluate(() => window.__chartMutations) > 0);
      assert.deepEqual(await problems(tab), []);
    }));

    test('an embed.js embed on another site is exactly its content\'s height', () => withTab({ width: 375, height: 800 }, async (tab) => {
      await tab.open(`${host.url}host.html?explainer=${encodeURIComponent(site.url)}`);
      await tab.evaluate((base) => {
        window.__inner = null;
        addEventListener('message', (e) => { if (e.data && e.data.enginesProbe) window.__inner = e.data.enginesProbe; });
        const s = document.createElement('script');
        s.src = `${base}embed.js`;
        document.body.append(s);
      }, site.url);
      await waitFor(tab, () => !!document.querySelector('#embed iframe'), null, 'the iframe');
      await tab.evaluate(() => document.querySelector('#embed iframe').scrollIntoView());
      // The frame's content reports its own height (the probe, once ready and on each resize).
      const heights = await waitFor(tab, () => {
        const inner = window.__inner;
        const outer = document.querySelector('#embed iframe').getBoundingClientRect().height;
        return inner && inner.ready && Math.abs(inner.height - outer) <= 1 && !inner.scrolls && { inner, outer };
      }, null, 'the iframe to be as high as its content');
      assert.ok(heights.outer > 2000, JSON.stringify(heights));
      assert.deepEqual(await problems(tab), []);
    }));

    test('dist/explainer.html from file:// becomes ready, in Arabic, and moves', () => withTab({ width: 375, height: 800 }, async (tab) => {
      await tab.open(`${pathToFileURL(join(siteDir, 'explainer.html')).href}?lang=ar&eurusd=1.05`);
      await ready(tab);
      assert.equal(await figure(tab, 'announced_usd_bn'), cli('ar', { eurusd: 1.05 }).announced_usd_bn);
      await tab.evaluate(() => document.querySelector('#range-pop_fr').focus());
      await tab.key('ArrowUp');
      const v = await sliderValue(tab, 'pop_fr');
      assert.equal(await figure(tab, 'france_usd_per_person'), cli('ar', { eurusd: 1.05, pop_fr: v }).france_usd_per_person);
      await showEveryChart(tab);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('[data-chart] .plot > svg:not(.placeholder)').length), 4);
      assert.deepEqual(await problems(tab), []);
    }));

    test('the editor opens a shipped story and its preview follows an edit', () => withTab({ width: 1280, height: 900 }, async (tab) => {
      await tab.open(`${site.url}editor.html?lang=en`);
      await waitFor(tab, () => document.documentElement.classList.contains('ready'), null, 'the editor');
      await tab.evaluate(() => { document.querySelector('#shipped').value = 'data/eu-investai-2025.json'; });
      const [x, y] = await centre(tab, '#open-shipped');
      await tab.click(x, y);
      const previewShows = (title) => waitFor(tab, (t) => {
        const f = document.querySelector('#preview-frame iframe');
        return !!f && f.dataset.shown === 'true' && f.contentDocument.querySelector('#title')?.textContent === t;
      }, title, `the preview to show "${title}"`);
      const eu = JSON.parse(readFileSync(`${ROOT}data/eu-investai-2025.json`, 'utf8'));
      await previewShows(eu.title.en);
      const [fx, fy] = await centre(tab, '[id="f-title.en"]');
      await tab.click(fx, fy);
      await tab.evaluate(() => document.querySelector('[id="f-title.en"]').select());
      await tab.type('InvestAI, edited');
      await previewShows('InvestAI, edited');
      assert.deepEqual(await problems(tab), []);
    }));

    test('the downloads: a chart as SVG and PNG, the figures as CSV', () => withTab({ width: 1280, height: 900 }, async (tab) => {
      await tab.open(`${site.url}index.html?lang=en`);
      await ready(tab);
      await showEveryChart(tab);
      // The page saves through an <a download> on a blob: what that blob holds is the file.
      await tab.evaluate(() => {
        window.__saved = [];
        const blobs = new Map();
        const createObjectURL = URL.createObjectURL;
        URL.createObjectURL = (blob) => { const url = createObjectURL(blob); blobs.set(url, blob); return url; };
        HTMLAnchorElement.prototype.click = function () {
          const { download, href } = this;
          window.__saved.push(blobs.get(href).arrayBuffer().then((b) => ({ download, bytes: Array.from(new Uint8Array(b)) })));
        };
      });
      for (const selector of ['[data-chart="sensitivity"] button[data-format="svg"]', '[data-chart="sensitivity"] button[data-format="png"]', '#download-csv']) {
        const [x, y] = await centre(tab, selector);
        await tab.click(x, y);
      }
      await waitFor(tab, () => window.__saved.length === 3, null, 'three files');
      const files = await tab.evaluate(() => Promise.all(window.__saved));
      const byName = Object.fromEntries(files.map((f) => [f.download, Buffer.from(f.bytes)]));
      assert.deepEqual(Object.keys(byName).sort(), ['figures-en.csv', 'sensitivity-en.png', 'sensitivity-en.svg']);
      const svg = byName['sensitivity-en.svg'].toString('utf8');
      assert.match(svg, /^<svg[^>]* width="1200"/);
      assert.match(svg, /<title[^>]*>[^<]+<\/title>/);
      const png = byName['sensitivity-en.png'];
      assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
      assert.equal(png.readUInt32BE(16), 2400, 'the PNG is drawn at twice the SVG\'s width');
      assert.ok(png.length > 20000, `a PNG of ${png.length} bytes has the chart in it`);
      const csv = byName['figures-en.csv'].toString('utf8');
      assert.match(csv, /^\ufeffkey,figure,value,as shown\r\n/);
      assert.match(csv, /announced_usd_bn,"Announced, converted",112\.488,\$112\.5bn/);
      assert.deepEqual(await problems(tab), []);
    }));

    test('screenshots of the Arabic page at 375 px (target/shots/engines)', () => withTab({ width: 375, height: 800 }, async (tab) => {
      mkdirSync(SHOTS, { recursive: true });
      await tab.open(`${site.url}index.ar.html`);
      await ready(tab);
      await tab.screenshot(join(SHOTS, `ar-375-top-${engine}.png`));
      await tab.evaluate(() => document.querySelector('[data-chart="sensitivity"]').scrollIntoView());
      await waitFor(tab, () => !document.querySelector('[data-chart="sensitivity"] svg.placeholder'), null, 'the chart');
      await frames(tab);
      await tab.screenshot(join(SHOTS, `ar-375-sensitivity-${engine}.png`));
    }));
  });
}
