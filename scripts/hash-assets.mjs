// Gives every asset of dist/ that index.html loads a content hash in its name (app.3f2a…js),
// so hosts can cache them for a year and a new build is never mixed with an old cache.
// The pages (index.html, index.fr.html, index.ar.html) and embed.js keep their names: they
// are what embeds point at (serve them no-cache).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const path = (p) => new URL(p, dist);
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/** Renames `file` to its hashed name after applying `edits` to its text; returns the new name. */
function hashed(file, edits = []) {
  let body = readFileSync(path(file));
  if (edits.length) {
    let text = body.toString('utf8');
    for (const [from, to] of edits) {
      if (!text.includes(from)) throw new Error(`${file}: "${from}" not found`);
      text = text.replaceAll(from, to);
    }
    body = Buffer.from(text);
    writeFileSync(path(file), body);
  }
  const name = file.replace(/\.([a-z]+)$/, `.${hashOf(body)}.$1`);
  renameSync(path(file), path(name));
  return name;
}

const wasm = hashed('pkg/pledge_explainer_bg.wasm').replace('pkg/', '');
const glue = hashed('pkg/pledge_explainer.js', [["'pledge_explainer_bg.wasm'", `'${wasm}'`]]);
const app = hashed('app.js', [["'./pkg/pledge_explainer.js'", `'./${glue}'`]]);
const css = hashed('style.css');
const boot = hashed('boot.js');

for (const page of ['index.html', 'index.fr.html', 'index.ar.html']) {
  let html = readFileSync(path(page), 'utf8');
  for (const [from, to] of [
    ['href="style.css"', `href="${css}"`],
    ['src="boot.js"', `src="${boot}"`],
    ['src="app.js"', `src="${app}"`],
    ['href="pkg/pledge_explainer.js"', `href="${glue}"`],
    ['href="pkg/pledge_explainer_bg.wasm"', `href="pkg/${wasm}"`],
  ]) {
    if (!html.includes(from)) throw new Error(`${page}: ${from} not found`);
    html = html.replace(from, to);
  }
  writeFileSync(path(page), html);
}
console.error(`hashed: ${[app, css, boot, glue, `pkg/${wasm}`].join(', ')}`);
