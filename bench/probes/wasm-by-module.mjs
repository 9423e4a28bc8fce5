// What the page's wasm code is made of, by Rust module: `node bench/probes/wasm-by-module.mjs`
// after scripts/build.sh. It reads target/page/'s module, which still has its names, before
// wasm-bindgen (so with its `__wbindgen_describe_*` functions, which the shipped module lacks),
// and optimizes it as build.sh does but keeping the names, which holds some optimizations back:
// its code is about 1.5 times the shipped module's. Read the shares, not the bytes.
// Rows: raw bytes, gzip -9 bytes, functions, module (the first crate in each v0 symbol, and
// its first module under MOD=1). Data segments (strings, the compiled-in story) are not code
// and are not here.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './common.mjs';

const input = process.argv[2] || join(ROOT, 'target/page/wasm32-unknown-unknown/release/pledge_explainer.wasm');
const named = join(tmpdir(), 'pledge-explainer-named.wasm');
execFileSync(join(ROOT, 'node_modules/.bin/wasm-opt'), ['-g', '-Oz', '--strip-target-features', '--zero-filled-memory', '--strip-producers',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue',
  '--enable-mutable-globals', input, '-o', named]);
const buf = readFileSync(named);
let p = 8;
const leb = () => { let r = 0, s = 0, b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
let imported = 0;
const bodies = [];
const names = new Map();
while (p < buf.length) {
  const id = buf[p++];
  const size = leb();
  const end = p + size;
  if (id === 2) { // imports: only functions take function indices
    for (let i = 0, n = leb(); i < n; i++) {
      for (let k = 0; k < 2; k++) { const len = leb(); p += len; } // module and field names
      const kind = buf[p++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else p += 2;
    }
  } else if (id === 10) {
    for (let i = 0, n = leb(); i < n; i++) { const len = leb(); bodies.push(buf.subarray(p, p + len)); p += len; }
  } else if (id === 0) {
    const len = leb();
    if (buf.toString('utf8', p, p + len) === 'name') {
      p += len;
      while (p < end) {
        const sub = buf[p++];
        const subSize = leb();
        const subEnd = p + subSize;
        if (sub === 1) for (let i = 0, n = leb(); i < n; i++) { const index = leb(); const l = leb(); names.set(index, buf.toString('utf8', p, p + l)); p += l; }
        p = subEnd;
      }
    }
  }
  p = end;
}
/** The crate (and under MOD=1 its first module) a v0-mangled symbol's path starts with. */
function moduleOf(symbol) {
  if (!symbol.startsWith('_R')) return symbol.replace(/_[0-9a-f]{16}$/, '');
  const crate = /C(?:s[0-9a-zA-Z]*_)?(\d+)/g;
  for (let m; (m = crate.exec(symbol));) {
    const from = m.index + m[0].length;
    const name = symbol.slice(from, from + Number(m[1]));
    if (!/^[A-Za-z_]\w*$/.test(name)) continue;
    const next = process.env.MOD && symbol.slice(from + name.length).match(/^N?t?(\d+)([A-Za-z_]\w*)/);
    return next ? `${name}::${next[2].slice(0, Number(next[1]))}` : name;
  }
  return '(unnamed)';
}
const groups = new Map();
bodies.forEach((body, i) => {
  const key = moduleOf(names.get(i + imported) || '(unnamed)');
  const g = groups.get(key) || [];
  g.push(body);
  groups.set(key, g);
});
const gz = (list) => gzipSync(Buffer.concat(list), { level: 9 }).length;
console.log(`${bodies.length} functions, code ${bodies.reduce((a, b) => a + b.length, 0)} B raw, ${gz(bodies)} B gzip`);
for (const [key, list] of [...groups].sort((a, b) => gz(b[1]) - gz(a[1])).slice(0, Number(process.env.TOP || 20))) {
  console.log(String(list.reduce((a, b) => a + b.length, 0)).padStart(8), String(gz(list)).padStart(7), String(list.length).padStart(5), key);
}
