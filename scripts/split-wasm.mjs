// Splits the page's wasm in two (docs/speed.md, "What the page loads after it is ready"): the
// functions that only the named exports can reach move to a second module, `_later`, which
// the page fetches once it is ready; everything else stays in the first. By default the
// exports the first screen never calls: `chart` and `chart_file` (the charts' drawing:
// plotters, the SVG writer, the charts' layouts and ticks), `sections` and `card` (the cards
// rewritten for another language or story, which draw their charts' boxes) and `csv`.
// www/app.js calls them only once the second module is in (`later()`).
//
//   node scripts/split-wasm.mjs IN.wasm PRIMARY.wasm SECONDARY.wasm [export…]
//   node scripts/split-wasm.mjs --glue pkg/pledge_explainer.js
//
// Binaryen's wasm-split (Debian's binaryen 108, unpacked by scripts/setup.sh into
// target/binaryen/) moves the functions; which ones is decided here, from the module's text
// (wasm-dis), by a reachability that is sound for this module: from every export but the named
// ones (and the start function), following direct calls, `ref.func`, and for each
// `call_indirect` every function in the table with that signature. A function outside that set
// can only run through the named exports. The first module keeps a placeholder in the table
// for each moved function, imported from "placeholder"; the second, instantiated with the
// first's exports as "primary", writes the real functions over them. `--glue` gives
// wasm-bindgen's JS glue those placeholders: each throws, naming what is not loaded (a module
// that was not split imports none, so the same glue serves every build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const BINARYEN = process.env.BINARYEN_SPLIT_BIN || join(root, 'target/binaryen/usr/bin');
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals'];
/** What moves to the second module by default: the exports www/app.js calls through `later()`. */
export const LATER_EXPORTS = ['explainer_chart', 'explainer_chart_file', 'explainer_sections', 'explainer_card', 'explainer_csv'];
const args = process.argv.slice(2);
if (args[0] === '--glue') patchGlue(args[1]);
else await split(...args);

async function split(input, primary, secondary, ...named) {
if (!secondary) throw new Error('usage: split-wasm.mjs IN.wasm PRIMARY.wasm SECONDARY.wasm [export…]');
const cut = named.length ? named : LATER_EXPORTS;

const work = mkdtempSync(join(tmpdir(), 'split-wasm-'));
try {
  execFileSync(join(BINARYEN, 'wasm-dis'), [...FEATURES, input, '-o', join(work, 'in.wat')]);
  const split = onlyReachedFrom(readFileSync(join(work, 'in.wat'), 'utf8'), cut);
  writeFileSync(join(work, 'split.txt'), `${split.join('\n')}\n`);
  execFileSync(join(BINARYEN, 'wasm-split'), [...FEATURES, input, `--split-funcs=@${join(work, 'split.txt')}`,
    '--export-prefix=%', '--placeholder-namespace=placeholder', '--import-namespace=primary',
    '-o1', join(work, 'primary.wasm'), '-o2', join(work, 'secondary.wasm')]);
  await fixTableExports(input, join(work, 'primary.wasm'));
  // Binaryen 132 (npm, as build.sh) strips the names wasm-split wrote; no optimisation after
  // the split: it could turn a call through a placeholder's table slot into a direct call.
  for (const [from, to] of [['primary.wasm', primary], ['secondary.wasm', secondary]]) {
    execFileSync(join(root, 'node_modules/.bin/wasm-opt'), [...FEATURES, '--strip-debug', '--strip-producers', join(work, from), '-o', to]);
  }
  console.error(`split-wasm: ${split.length} functions reached only from ${cut.join(', ')} moved to ${secondary}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
}

/**
 * wasm-split 108 points every table export of the first module at the function table (it
 * knew one table): put each back on the table of the element type it had (wasm-bindgen's
 * `__wbindgen_externrefs` is an externref table), with binaryen 132's JS API.
 */
async function fixTableExports(input, primary) {
  const { default: binaryen } = await import('../node_modules/binaryen/index.js');
  const features = binaryen.Features.BulkMemory | binaryen.Features.NontrappingFPToInt | binaryen.Features.SignExt
    | binaryen.Features.ReferenceTypes | binaryen.Features.Multivalue | binaryen.Features.MutableGlobals
    | (binaryen.Features.BulkMemoryOpt ?? 0);
  const read = (file) => { const m = binaryen.readBinary(readFileSync(file)); m.setFeatures(features); return m; };
  const typeOf = (m, name) => binaryen._BinaryenTableGetType(m.getTable(name));
  const tableExports = (m) => Array.from({ length: m.getNumExports() }, (_, i) => binaryen.getExportInfo(m.getExportByIndex(i)))
    .filter((e) => e.kind === binaryen.ExternalTable);
  const before = read(input);
  const after = read(primary);
  let fixed = 0;
  for (const e of tableExports(before)) {
    const want = typeOf(before, e.value);
    const now = tableExports(after).find((x) => x.name === e.name);
    if (!now) throw new Error(`split-wasm: the first module lost the export ${e.name}`);
    if (typeOf(after, now.value) === want) continue;
    const tables = Array.from({ length: after.getNumTables() }, (_, i) => binaryen.getTableInfo(after.getTableByIndex(i)).name)
      .filter((name) => typeOf(after, name) === want);
    if (tables.length !== 1) throw new Error(`split-wasm: no single table for the export ${e.name}`);
    after.removeExport(e.name);
    after.addTableExport(tables[0], e.name);
    fixed++;
  }
  if (fixed) {
    if (!after.validate()) throw new Error('split-wasm: the first module does not validate');
    writeFileSync(primary, after.emitBinary());
  }
  before.dispose();
  after.dispose();
}

/** The "placeholder" imports of a split module, in the glue's import object. */
function patchGlue(file) {
  const anchor = '"./pledge_explainer_bg.js": import0,';
  const text = readFileSync(file, 'utf8');
  if (!text.includes(anchor)) throw new Error(`split-wasm: ${file}: "${anchor}" not found (a new wasm-bindgen?)`);
  if (text.includes('placeholder:')) return;
  const placeholders = `${anchor}
        // A split module's moved functions until its second part is in (scripts/split-wasm.mjs).
        placeholder: new Proxy({}, { get: () => () => { throw new Error('pledge-explainer: this part of the explainer is in its second module, not loaded yet'); } }),`;
  writeFileSync(file, text.replace(anchor, placeholders));
}

/** The names of the functions that only the exports in `cut` can reach, from wasm-dis text. */
export function onlyReachedFrom(wat, cut) {
  const funcs = new Map(); // name → { type, body }
  const typeSigs = new Map();
  const exported = [];
  const table = [];
  let start = null;
  for (const item of wat.split(/\n(?= \()/)) {
    let m;
    if (item.startsWith(' (type ') && (m = /^ \(type \$(\S+) \(func(.*)\)\)$/m.exec(item))) typeSigs.set(m[1], signature(m[2]));
    else if ((m = /^ \(func \$(\S+)(.*)$/m.exec(item))) funcs.set(m[1], { type: signature(m[2]), body: item });
    else if ((m = /^ \(export "([^"]+)" \(func \$(\S+)\)\)/.exec(item))) exported.push([m[1], m[2]]);
    else if ((m = /^ \(start \$(\S+)\)/.exec(item))) start = m[1];
    else if (item.startsWith(' (elem ')) {
      // ` (elem (table $0) (i32.const 1) func $a $b …)`: the names after `func`.
      const funcList = /\bfunc((?: \$\S+?)+)\)?\s*$/.exec(item);
      if (!funcList) throw new Error(`split-wasm: an element segment this analysis does not read: ${item.slice(0, 80)}`);
      table.push(...funcList[1].trim().split(/\s+/).map((n) => n.replace(/^\$|\)+$/g, '')));
    }
    else if (item.startsWith(' (table ') && !/funcref|externref|anyref/.test(item)) throw new Error(`split-wasm: a table this analysis does not know: ${item.slice(0, 80)}`);
  }
  for (const e of cut) if (!exported.some(([n]) => n === e)) throw new Error(`split-wasm: no export ${e}`);
  const roots = exported.filter(([n]) => !cut.includes(n)).map(([, f]) => f);
  if (start) roots.push(start);
  const reached = new Set();
  const calledTypes = new Set();
  const queue = [...roots];
  while (queue.length) {
    const f = queue.pop();
    if (reached.has(f) || !funcs.has(f)) continue;
    reached.add(f);
    const { body } = funcs.get(f);
    // Anything that could take a function out of the table other than call_indirect: refuse.
    if (/\((?:call_ref|return_call_ref|table\.get \$0|table\.copy|table\.init)\b/.test(body)) throw new Error(`split-wasm: ${f} reaches functions in a way this analysis does not follow`);
    for (const m of body.matchAll(/\((?:call|return_call|ref\.func) \$(\S+?)(?=[\s)])/g)) queue.push(m[1]);
    for (const m of body.matchAll(/\((?:return_)?call_indirect(?: \$\S+)? \(type \$(\S+?)\)/g)) {
      const sig = typeSigs.get(m[1]);
      if (!sig) throw new Error(`split-wasm: unknown type ${m[1]}`);
      if (calledTypes.has(sig)) continue;
      calledTypes.add(sig);
      queue.push(...table.filter((t) => funcs.get(t)?.type === sig));
    }
  }
  return [...funcs.keys()].filter((f) => !reached.has(f));
}

/** `(param $a i32) (param f64) (result i32)` → `i32 f64 -> i32`: a function type by structure. */
function signature(header) {
  const params = [...header.matchAll(/\(param(?: \$\S+)? ([^()]+?)\)/g)].flatMap((m) => m[1].trim().split(/\s+/));
  const results = [...header.matchAll(/\(result ([^()]+?)\)/g)].flatMap((m) => m[1].trim().split(/\s+/));
  return `${params.join(' ')} -> ${results.join(' ')}`;
}
