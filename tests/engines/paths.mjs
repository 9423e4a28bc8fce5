// The reader's paths, said once and run in each engine (chromium.test.mjs, firefox.test.mjs,
// webkit.test.mjs call `engineSuite`), on the page as cards (the full page and a card's own page,
// dist/cards/<card>.html): ready in three languages, sliders by value, keyboard and pointer, the
// charts at two widths with labels that never collide, no window error and no CSP violation, an
// embedded card's height, the single file from disk, the editor, the downloads.
// The figures are read from the page's text and checked against the story's arithmetic on the
// dataset file (`expected`), never against the page's own wasm.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchEngine } from './drivers.mjs';

/** The declared charts (`charts::CHARTS`), as tests/charts.rs writes a snapshot of each. */
const CHART_NAMES = [...new Set(readdirSync(new URL('../snapshots/', import.meta.url))
  .filter((f) => f.endsWith('-en-375.svg')).map((f) => f.replace('-en-375.svg', '')))];

const ROOT = new URL('../../', import.meta.url).pathname;
const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
export const SHOTS = `${ROOT}target/shots/engines`;

// ------------------------------------------------------------------ the oracle

const STORY = JSON.parse(readFileSync(`${ROOT}data/france-2025.json`, 'utf8'));
/** The sourced assumptions, as the dataset file states them. */
const SOURCED = {
  eurusd: STORY.exchange_rate.value,
  pop_fr: STORY.subject.population_m.value,
  pop_us: STORY.benchmark.population_m.value,
};

/** The headline figures the story's arithmetic gives for the reader's assumptions. */
export function expected(assumptions = {}) {
  const a = { ...SOURCED, ...assumptions };
  const usd = STORY.subject.announced_bn.value * a.eurusd;
  const france = (usd / a.pop_fr) * 1000;
  const us = (STORY.benchmark.amount_bn.value / a.pop_us) * 1000;
  return { eurusd: a.eurusd, announced_usd_bn: usd, france_usd_per_person: france, us_usd_per_person: us, per_person_ratio: france / us };
}

/**
 * A figure as printed in `lang` ("$1,640", "1 640 $", "١٬٦٤٠ دولارًا") → its number and the
 * half-unit of its last printed digit (a "1,640" may be 1,635–1,645; "1.12" 1.115–1.125).
 */
export function printed(text, lang) {
  let t = text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
  if (lang === 'ar') t = t.replace(/\u066c/g, '').replace(/\u066b/g, '.');
  else if (lang === 'fr') t = t.replace(/[\u202f\u00a0 ]/g, '').replace(/,/g, '.');
  else t = t.replace(/,/g, '');
  const m = /\d+(?:\.(\d+))?/.exec(t);
  if (!m) return null;
  const decimals = m[1] ? m[1].length : 0;
  const zeros = decimals ? 0 : /0*$/.exec(m[0])[0].length;
  return { value: Number(m[0]), tolerance: 0.5 * 10 ** (zeros - decimals) };
}

/** Every printing of each figure on the page (a card's answer, the figures table) as the oracle says. */
async function checkFigures(tab, lang, assumptions, keys = ['eurusd', 'announced_usd_bn', 'france_usd_per_person', 'us_usd_per_person', 'per_person_ratio']) {
  await settled(tab);
  const want = expected(assumptions);
  const texts = await tab.evaluate((ks) => Object.fromEntries(ks.map((k) => [k, [...document.querySelectorAll(`[data-figure="${k}"]`)].map((n) => n.textContent)])), keys);
  for (const key of keys) {
    assert.ok(texts[key].length > 0, `the page prints ${key}`);
    for (const text of texts[key]) {
      const got = printed(text, lang);
      assert.ok(got && Math.abs(got.value - want[key]) <= got.tolerance + 1e-9,
        `${key} reads "${text}", the dataset gives ${want[key]} (${JSON.stringify(assumptions)})`);
    }
  }
}

/**
 * dist/ as the suite serves it: a copy whose pages (the card pages too) load the probe first (a
 * same-origin script the strict CSP allows), and the single file with the probe inline (its hash
 * added to its policy).
 */
function distWithProbe() {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-engines-'));
  // ENGINES_DIST: another build to run the paths on (an older one, to see a test fail).
  cpSync(process.env.ENGINES_DIST || `${ROOT}dist`, dir, { recursive: true });
  writeFileSync(join(dir, 'engine-probe.js'), PROBE);
  const inject = (folder, src) => {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.html') && n !== 'explainer.html')) {
      const html = readFileSync(join(folder, name), 'utf8');
      writeFileSync(join(folder, name), html.replace(/<head>/, `<head><script src="${src}"></script>`));
    }
  };
  inject(dir, 'engine-probe.js');
  inject(join(dir, 'cards'), '../engine-probe.js');
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

/** Clicks an element where a reader would (its centre), by the engine's pointer. */
async function clickOn(tab, selector) {
  const [x, y] = await centre(tab, selector);
  await tab.click(x, y);
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

/**
 * Waits until every chart drawn (or the one named, kept in view) is as wide as its own box in
 * its card (`.plot`); resolves to those widths by chart.
 */
async function chartsAtTheirWidth(tab, name = null) {
  try {
    return await waitFor(tab, (n) => {
      if (n) document.querySelector(`[data-chart="${n}"]`).scrollIntoView({ block: 'center' });
      const figs = [...document.querySelectorAll(n ? `[data-chart="${n}"]` : '[data-chart]')]
        .filter((f) => n || !f.querySelector('svg.placeholder'));
      const w = figs.map((f) => [f.dataset.chart, f.querySelector('.plot').clientWidth, Number(f.querySelector('.plot > svg').getAttribute('width'))]);
      return w.length > 0 && w.every(([, box, svg]) => box > 0 && box === svg) && Object.fromEntries(w.map(([c, box]) => [c, box]));
    }, name, 'the charts at their width');
  } catch (e) {
    // Which chart is at which width (its box, its SVG, whether it is still the served empty
    // box), in a page how wide, and whether the wasm's second part (the drawing) had arrived.
    const seen = await tab.evaluate(() => [innerWidth, [...document.querySelectorAll('[data-chart]')]
      .map((f) => [f.dataset.chart, f.querySelector('.plot').clientWidth, f.querySelector('.plot > svg').getAttribute('width'),
        f.querySelector('.plot > svg.placeholder') ? 'served box' : 'drawn']),
      performance.getEntriesByName('explainer:later').length > 0]);
    throw new Error(`${e.message}: at ${seen[0]} px, second part in: ${seen[2]}, [chart, box, svg, state] ${JSON.stringify(seen[1])}`);
  }
}

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

const round = (v) => Math.round(v * 1e6) / 1e6;

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

    /** A fresh tab for one path, closed after it. */
    async function withTab(options, fn) {
      const tab = await browser.newTab(options);
      try {
        await fn(tab);
      } finally {
        await tab.close();
      }
    }

    const PAGES = [
      ['en', 'index.html', 'ltr'], ['fr', 'index.fr.html', 'ltr'], ['ar', 'index.ar.html', 'rtl'],
      ['en', 'cards/claim.html', 'ltr'], ['fr', 'cards/claim.fr.html', 'ltr'], ['ar', 'cards/claim.ar.html', 'rtl'],
    ];
    for (const [lang, page, dir] of PAGES) {
      test(`${page}: ready in ${lang} with the dataset's figures, no window error, no CSP violation`, () => withTab({}, async (tab) => {
        await tab.open(`${site.url}${page}`);
        await ready(tab);
        assert.deepEqual(await tab.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), [lang, dir]);
        const card = page.startsWith('cards/');
        // A card's own page prints the claim card's figures only (no figures table).
        await checkFigures(tab, lang, {}, card ? ['eurusd', 'france_usd_per_person', 'us_usd_per_person', 'per_person_ratio'] : undefined);
        if (card) assert.equal(await tab.evaluate(() => document.querySelectorAll('[data-card]:not(main)').length), 1, 'a card page shows its card alone');
        // What the page fetched is what it used: a language pack is fetched once (WebKit warned of
        // a preloaded pack "not used within a few seconds").
        const packs = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/i18n/')));
        assert.ok(packs.length <= (lang === 'en' ? 0 : 1), `the language pack was fetched ${packs.length} times: ${packs}`);
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(await problems(tab), []);
      }));
    }

    test('a slider by value: a number typed and committed moves the figures, a folded one too once unfolded', () => withTab({}, async (tab) => {
      await tab.open(`${site.url}index.html?lang=en`);
      await ready(tab);
      await clickOn(tab, '#number-eurusd');
      await tab.evaluate(() => document.querySelector('#number-eurusd').select());
      await tab.type('1.1');
      await tab.key('Enter');
      await checkFigures(tab, 'en', { eurusd: 1.1 });
      assert.equal(await sliderValue(tab, 'eurusd'), 1.1);
      // The populations are folded under "More assumptions" in the claim card: a click unfolds them.
      await clickOn(tab, '#card-claim details.card-more > summary');
      await waitFor(tab, () => document.querySelector('#card-claim details.card-more').open && document.querySelector('#number-pop_fr').getBoundingClientRect().height > 0, null, 'the folded assumptions');
      await clickOn(tab, '#number-pop_fr');
      await tab.evaluate(() => document.querySelector('#number-pop_fr').select());
      await tab.type('80');
      await tab.key('Enter');
      await checkFigures(tab, 'en', { eurusd: 1.1, pop_fr: 80 });
      assert.deepEqual(await problems(tab), []);
    }));

    // The arrow keys move the thumb the way they point, in either direction of writing (the
    // native control in Chromium and Firefox; WebKit raised an RTL slider with ArrowRight).
    for (const [lang, page, right] of [['en', 'index.html', +1], ['ar', 'index.ar.html', -1], ['ar', 'cards/claim.ar.html', -1]]) {
      test(`${page}: the keyboard moves the rate both ways, the way the arrow points, its figures and announced value follow`, () => withTab({}, async (tab) => {
        await tab.open(`${site.url}${page}`);
        await ready(tab);
        await tab.evaluate(() => document.querySelector('#range-eurusd').focus());
        const start = await sliderValue(tab, 'eurusd');
        const step = await tab.evaluate(() => Number(document.querySelector('#range-eurusd').step));
        const textBefore = await tab.evaluate(() => document.querySelector('#range-eurusd').getAttribute('aria-valuetext'));
        const press = async (key, times) => { for (let i = 0; i < times; i++) await tab.key(key); };
        await tab.key('ArrowRight');
        await frames(tab);
        const moved = await sliderValue(tab, 'eurusd');
        assert.equal(moved, round(start + right * step), `ArrowRight: ${start} -> ${moved}`);
        const text = await tab.evaluate(() => document.querySelector('#range-eurusd').getAttribute('aria-valuetext'));
        assert.notEqual(text, textBefore, 'the announced value follows');
        assert.match(text, lang === 'ar' ? /[\u0660-\u0669]/ : /\d/);
        // Far enough for every printed figure to move: 20 steps of $0.0005.
        await press('ArrowRight', 19);
        assert.equal(await sliderValue(tab, 'eurusd'), round(start + right * 20 * step), 'ArrowRight ×20');
        await checkFigures(tab, lang, { eurusd: round(start + right * 20 * step) }, ['eurusd', 'france_usd_per_person', 'per_person_ratio']);
        await press('ArrowLeft', 40);
        assert.equal(await sliderValue(tab, 'eurusd'), round(start - right * 20 * step), 'ArrowLeft ×40');
        await checkFigures(tab, lang, { eurusd: round(start - right * 20 * step) }, ['eurusd', 'france_usd_per_person', 'per_person_ratio']);
        await press('ArrowRight', 20);
        assert.equal(await sliderValue(tab, 'eurusd'), start, 'back where it started');
        await tab.key('ArrowUp');
        assert.equal(await sliderValue(tab, 'eurusd'), round(start + step), 'ArrowUp raises in either direction');
        await tab.key('ArrowDown');
        assert.equal(await sliderValue(tab, 'eurusd'), start, 'ArrowDown lowers');
        await checkFigures(tab, lang, {}, ['eurusd', 'france_usd_per_person', 'per_person_ratio']);
        assert.deepEqual(await problems(tab), []);
      }));
    }

    for (const [lang, page, dir] of [['en', 'index.html', 'ltr'], ['ar', 'index.ar.html', 'rtl']]) {
      test(`${page}: a pointer click and a drag on the rate move its figures (${dir})`, () => withTab({}, async (tab) => {
        await tab.open(`${site.url}${page}`);
        await ready(tab);
        const [min, max] = await tab.evaluate(() => { const r = document.querySelector('#range-eurusd'); return [Number(r.min), Number(r.max)]; });
        // Near the left end: the low end of a left-to-right slider, the high end right to left.
        const [x, y] = await centre(tab, '#range-eurusd', 0.1);
        await tab.click(x, y);
        const clicked = await sliderValue(tab, 'eurusd');
        const low = min + (max - min) * 0.25, high = min + (max - min) * 0.75;
        assert.ok(dir === 'ltr' ? clicked < low : clicked > high, `a click at 10 % from the left gave ${clicked} (${min}–${max})`);
        await checkFigures(tab, lang, { eurusd: clicked });
        const [x1] = await centre(tab, '#range-eurusd', 0.9);
        await tab.drag(x, y, x1, y);
        const dragged = await sliderValue(tab, 'eurusd');
        assert.ok(dir === 'ltr' ? dragged > high : dragged < low, `a drag to 90 % gave ${dragged}`);
        await checkFigures(tab, lang, { eurusd: dragged });
        assert.deepEqual(await problems(tab), []);
      }));
    }

    for (const width of [375, 1280]) {
      test(`every card's chart is drawn at its own width at ${width} px, and the page does not scroll sideways`, () => withTab({ width, height: 900 }, async (tab) => {
        await tab.open(`${site.url}index.html?lang=en`);
        await ready(tab);
        await showEveryChart(tab);
        const widths = await chartsAtTheirWidth(tab);
        assert.deepEqual(Object.keys(widths).sort(), [...CHART_NAMES].sort());
        for (const [name, w] of Object.entries(widths)) assert.ok(w <= width && w > Math.min(width / 2, 300), `${name}: ${w} px`);
        for (const name of Object.keys(widths)) {
          assert.ok(await tab.evaluate((n) => document.querySelectorAll(`[data-chart="${n}"] .plot > svg text`).length > 3, name), `${name} has its labels`);
        }
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
            await chartsAtTheirWidth(tab, 'sensitivity');
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
    test('no ResizeObserver loop: pages and a card page at 1280 px, loaded again and again and scrolled through their charts, report no window error', () => withTab({ width: 1280, height: 900 }, async (tab) => {
      for (let i = 0; i < 5; i++) {
        for (const page of ['index.ar.html', 'index.html', 'cards/claim.ar.html']) {
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
        const count = new MutationObserver((list) => { window.__chartMutations += list.length; });
        for (const plot of document.querySelectorAll('[data-chart] .plot')) count.observe(plot, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await tab.resize(1280, 700);
      await frames(tab);
      await frames(tab);
      assert.equal(await tab.evaluate(() => window.__chartMutations), 0, 'a height change redraws nothing');
      await tab.resize(600, 700);
      await chartsAtTheirWidth(tab);
      assert.ok(await tab.evaluate(() => window.__chartMutations) > 0);
      assert.deepEqual(await problems(tab), []);
    }));

    for (const width of [375, 1280]) {
      test(`embed.js on another site at ${width} px: the page and a card (in Arabic) are each exactly their content's height`, () => withTab({ width, height: 800 }, async (tab) => {
        await tab.open(`${host.url}host.html`);
        await tab.evaluate((base) => {
          // Each frame's content reports its own height (the probe, once ready and on each resize).
          window.__inner = {};
          addEventListener('message', (e) => {
            const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
            if (frame && e.data && e.data.enginesProbe) window.__inner[frame.parentElement.id] = e.data.enginesProbe;
          });
          const s = document.createElement('script');
          s.src = `${base}embed.js`;
          document.body.append(s);
        }, site.url);
        for (const [id, path] of [['card', /\/cards\/claim\.ar\.html$/], ['embed', /\/index\.html$/]]) {
          await waitFor(tab, (i) => !!document.querySelector(`#${i} iframe`), id, `the ${id} iframe`);
          await tab.evaluate((i) => document.querySelector(`#${i} iframe`).scrollIntoView(), id);
          const heights = await waitFor(tab, (i) => {
            const inner = window.__inner[i];
            const outer = document.querySelector(`#${i} iframe`).getBoundingClientRect().height;
            return inner && inner.ready && Math.abs(inner.height - outer) <= 1 && !inner.scrolls && { inner, outer };
          }, id, `the ${id} iframe to be as high as its content`);
          assert.match(heights.inner.path, path);
          if (id === 'card') assert.ok(heights.outer > 300 && heights.outer < 1000, `the card: ${JSON.stringify(heights)}`);
          else assert.ok(heights.outer > 2000, `the page: ${JSON.stringify(heights)}`);
        }
        assert.deepEqual(await problems(tab), []);
      }));
    }

    test('dist/explainer.html from file:// becomes ready, in Arabic, and moves', () => withTab({ width: 375, height: 800 }, async (tab) => {
      await tab.open(`${pathToFileURL(join(siteDir, 'explainer.html')).href}?lang=ar&eurusd=1.05`);
      await ready(tab);
      await checkFigures(tab, 'ar', { eurusd: 1.05 });
      await tab.evaluate(() => document.querySelector('#range-eurusd').focus());
      for (let i = 0; i < 20; i++) await tab.key('ArrowUp');
      const v = await sliderValue(tab, 'eurusd');
      assert.equal(v, 1.06);
      await checkFigures(tab, 'ar', { eurusd: v });
      await showEveryChart(tab);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('[data-chart] .plot > svg:not(.placeholder)').length), CHART_NAMES.length);
      assert.deepEqual(await problems(tab), []);
    }));

    test('the editor opens a shipped story, steps to the pledges, and its preview follows an edit', () => withTab({ width: 1280, height: 900 }, async (tab) => {
      await tab.open(`${site.url}editor.html?lang=en`);
      await waitFor(tab, () => document.documentElement.classList.contains('ready'), null, 'the editor');
      await clickOn(tab, '[data-start="data/eu-investai-2025.json"]');
      const previewShows = (title) => waitFor(tab, (t) => {
        const f = document.querySelector('#preview-frame iframe');
        return !!f && f.dataset.shown === 'true' && f.contentDocument.querySelector('#title')?.textContent === t;
      }, title, `the preview to show "${title}"`);
      const eu = JSON.parse(readFileSync(`${ROOT}data/eu-investai-2025.json`, 'utf8'));
      await previewShows(eu.title.en);
      // Step 3, the pledges: the preview shows what the step edits, the pledges chart.
      await clickOn(tab, '#steps button[data-step="2"]');
      await waitFor(tab, () => {
        const doc = document.querySelector('#preview-frame iframe').contentDocument;
        const chart = doc.querySelector('[data-chart="pledges"]');
        return document.querySelector('#steps button[data-step="2"]').getAttribute('aria-current') === 'step'
          && chart && Math.abs(chart.getBoundingClientRect().top) < 5;
      }, null, 'the pledges step and its card in the preview');
      // Back to step 1, where the title is: the writer edits it, the preview follows.
      await clickOn(tab, '#steps button[data-step="0"]');
      await waitFor(tab, () => document.querySelector('[id="f-title.en"]')?.getBoundingClientRect().height > 0, null, 'the title field');
      await clickOn(tab, '[id="f-title.en"]');
      await tab.evaluate(() => document.querySelector('[id="f-title.en"]').select());
      await tab.type('InvestAI, edited');
      await previewShows('InvestAI, edited');
      assert.deepEqual(await problems(tab), []);
    }));

    test('the downloads from a card: its chart as SVG and PNG, the figures as CSV', () => withTab({ width: 1280, height: 900 }, async (tab) => {
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
      for (const selector of ['#card-sensitivity .chart-downloads button[data-format="svg"]', '#card-sensitivity .chart-downloads button[data-format="png"]', '#card-sensitivity .card-data']) {
        await clickOn(tab, selector);
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
      const row = /\r\nannounced_usd_bn,"Announced, in dollars",([0-9.]+),\$112\.5bn\r\n/.exec(csv);
      assert.ok(row, 'the CSV has the converted total');
      assert.ok(Math.abs(Number(row[1]) - expected().announced_usd_bn) < 1e-9, `${row[1]} against the dataset's ${expected().announced_usd_bn}`);
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

    // In a tab of its own: WebKitWebDriver's screenshot of a second page opened in one tab once
    // never answered.
    test('a screenshot of the claim card\'s page in Arabic at 375 px (target/shots/engines)', () => withTab({ width: 375, height: 800 }, async (tab) => {
      mkdirSync(SHOTS, { recursive: true });
      await tab.open(`${site.url}cards/claim.ar.html`);
      await ready(tab);
      await waitFor(tab, () => !document.querySelector('[data-chart] svg.placeholder'), null, 'the card\'s chart');
      await frames(tab);
      await tab.screenshot(join(SHOTS, `claim-ar-375-${engine}.png`));
    }));
  });
}
