// The page's wasm in two parts (scripts/split-wasm.mjs): dist/pkg/'s first part alone runs
// everything the page calls before the second arrives, in every language, and refuses the
// moved exports with the placeholders' message; with the second part in, every export answers
// exactly what the whole module (pkg/, the npm package's) answers. Run from Node: two
// instances of the same glue, one per build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
const GLUE = pathToFileURL(join(ROOT, 'pkg/pledge_explainer.js')).href;
const one = (dir, pattern) => {
  const found = readdirSync(join(DIST, dir)).filter((f) => pattern.test(f));
  assert.equal(found.length, 1, `${dir}/${pattern}: ${found.join(', ')}`);
  return readFileSync(join(DIST, dir, found[0]));
};
const FIRST = one('pkg', /^pledge_explainer_bg\.[0-9a-f]{10}\.wasm$/);
const SECOND = one('pkg', /^pledge_explainer_later_bg\.[0-9a-f]{10}\.wasm$/);
const WHOLE = readFileSync(join(ROOT, 'pkg/pledge_explainer_bg.wasm'));
const PACKS = { fr: one('i18n', /^fr\.[0-9a-f]{10}\.json$/), ar: one('i18n', /^ar\.[0-9a-f]{10}\.json$/) };
const NOT_LOADED = /in its second module, not loaded yet/;

/** A fresh instance of the glue (its own module record: the query makes another URL). */
async function instance(name, wasm) {
  const glue = await import(`${GLUE}?${name}`);
  const exports = glue.initSync({ module: wasm });
  for (const [lang, pack] of Object.entries(PACKS)) assert.equal(glue.load_language(JSON.parse(pack).join('\u001f')), lang);
  return { glue, exports };
}

/**
 * What app.js calls before the second part is in (start-up, a slider, a switch, a preset, the
 * URL, the live view), in one language, as one text: every answer the first part gives.
 */
function beforeLater(glue, lang) {
  const e = new glue.Explainer(undefined, lang);
  const out = [e.lang(), e.title(), e.strings(), e.controls(), e.switches(), e.figures(), e.live(), e.chart_names().join()];
  out.push(e.apply_query('eurusd=1.1&pop_us=abc&uae=31&yardstick=gdp&private_only=1&years_fr=7&lang=ar-MA'));
  for (const c of JSON.parse(e.controls())) {
    for (const value of [c.min, c.min + c.step * Math.round((c.max - c.min) / 2 / c.step), c.max]) {
      e.set(c.param, value);
      out.push(e.live(), e.figures(), e.query(true), ...e.chart_names().map((n) => e.chart_key(n)));
    }
  }
  try { e.set('eurusd', 99); } catch (err) { out.push(String(err.message)); }
  for (const preset of ['article', 'official']) out.push(String(e.preset(preset)), e.live());
  out.push(String(e.set_locale(lang === 'en' ? 'fr' : 'en')), e.live(), e.strings());
  e.reset();
  out.push(e.live(), e.query(false));
  e.free();
  return out.join('\n');
}

/** The moved exports, in one language: the charts (inline and as files), the cards, the CSV. */
function moved(glue, lang) {
  const e = new glue.Explainer(undefined, lang);
  const out = [];
  for (const eurusd of [0.8, 1.032, 1.3]) {
    e.set('eurusd', eurusd);
    for (const name of e.chart_names()) out.push(e.chart(name, 375, true), e.chart(name, 672, false), e.chart_file(name, 1200));
    out.push(e.sections(), e.card('claim'), e.card('pledges'), e.csv());
  }
  e.free();
  return out.join('\n');
}

test('the first part alone runs all the page calls before the second arrives, and refuses the moved exports by name', async () => {
  const whole = await instance('whole-1', WHOLE);
  const split = await instance('first-only', FIRST);
  assert.ok(FIRST.length < WHOLE.length * 0.8, `the first part is ${FIRST.length} bytes of ${WHOLE.length}: nothing much was moved`);
  assert.ok('%table' in split.exports && !('%table' in whole.exports), 'the page tells a split build by its exported table');
  for (const lang of ['en', 'fr', 'ar']) assert.equal(beforeLater(split.glue, lang), beforeLater(whole.glue, lang), lang);
  const e = new split.glue.Explainer(undefined, 'en');
  for (const call of [() => e.chart('per-person', 375, true), () => e.chart_file('pledges', 1200), () => e.sections(), () => e.card('claim'), () => e.csv()]) {
    assert.throws(call, NOT_LOADED);
  }
});

test('with the second part in, every moved export answers what the whole module answers', async () => {
  const whole = await instance('whole-2', WHOLE);
  const split = await instance('first-and-second', FIRST);
  await WebAssembly.instantiate(SECOND, { primary: split.exports });
  for (const lang of ['en', 'fr', 'ar']) {
    assert.equal(moved(split.glue, lang), moved(whole.glue, lang), lang);
    assert.equal(beforeLater(split.glue, lang), beforeLater(whole.glue, lang), lang);
  }
});

// build.sh ships the ordinary build, with a warning, when the toolchain refuses the flags that
// make a panic an immediate trap; only the sizes would show it. What the trap build leaves out
// is the panic message: its words, std's source paths and the console.error it is logged with.
// pkg/ (the npm package) keeps the panic hook, so this check is shown to find them.
const panicMessages = (wasm) => {
  const text = wasm.toString('latin1');
  const found = [];
  if (text.includes('panicked at')) found.push('"panicked at"');
  if (/library\/(std|core|alloc)\/src\//.test(text)) found.push("std's source paths");
  const logs = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => /^__wbg_error_/.test(i.name));
  if (logs.length) found.push('console.error');
  return found;
};

test('the page\'s modules are built with panics as traps: no panic message in them, as the npm package keeps', () => {
  assert.deepEqual(panicMessages(WHOLE), ['"panicked at"', "std's source paths", 'console.error'], 'pkg/ keeps its panic hook');
  const reader = one('pkg', /^pledge_explainer_reader_bg\.[0-9a-f]{10}\.wasm$/);
  const single = readFileSync(join(ROOT, 'target/single/whole.wasm'));
  for (const [name, wasm] of [['the first part', FIRST], ['the second part', SECOND], ['the reader', reader], ['the one-file pages\' module', single]]) {
    assert.deepEqual(panicMessages(wasm), [], `${name}: build.sh shipped the ordinary build (see target/page-wasm.log)`);
  }
});
