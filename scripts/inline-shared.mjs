// Writes www/shared.js, after the core's declarations (the JSON of `pledge-explainer
// declarations`, as `var DECLARED`), into each script of dist/ at its `@shared` line, so the
// language list and the URL parameters are generated, not kept by hand, and the reader's page
// makes no extra request. Runs on dist/ after the copy of www/, before minifying and hashing.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';

const [declarationsFile] = process.argv.slice(2);
if (!declarationsFile) throw new Error('usage: node scripts/inline-shared.mjs DECLARATIONS.json');
const declared = JSON.parse(readFileSync(declarationsFile, 'utf8'));
for (const key of ['languages', 'rtl', 'state']) {
  if (!Array.isArray(declared[key]) || declared[key].length === 0) throw new Error(`${declarationsFile}: no ${key}`);
}
const dist = new URL('../dist/', import.meta.url);
const shared = readFileSync(new URL('../www/shared.js', import.meta.url), 'utf8');
const MARKER = /^[ \t]*\/\/ @shared\b.*$/m;
// Each script gets the declarations it reads (`DECLARED.<key>`, here or in shared.js), no more:
// boot.js is inline in every page.
const used = (text) => Object.keys(declared).filter((key) => new RegExp(`DECLARED\\.${key}\\b`).test(text));
for (const file of ['boot.js', 'embed.js', 'app.js', 'editor.js']) {
  const url = new URL(file, dist);
  const source = readFileSync(url, 'utf8');
  if (!MARKER.test(source)) throw new Error(`dist/${file}: no "// @shared" line for www/shared.js`);
  const keys = used(source + shared);
  const block = `var DECLARED = ${JSON.stringify(Object.fromEntries(keys.map((k) => [k, declared[k]])))};\n${shared}`;
  writeFileSync(url, source.replace(MARKER, () => block));
}
rmSync(new URL('shared.js', dist));
console.error(`inlined www/shared.js and the declarations into boot.js, embed.js, app.js, editor.js`);
