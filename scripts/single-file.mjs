// Writes dist/explainer.html: the whole explainer (HTML, CSS, JS, wasm with the dataset) in one
// file that works opened from disk with no network: for an editor's inbox, a CMS that takes
// one file, or an archive. Built from dist/ after scripts/build.sh.
//
// Also dist/explainer-story.html, the same with the reader build of the wasm and an empty data
// block (`#pledge-explainer-story`): the story editor's "Download as one file" puts the
// journalist's story in that block. Both state the strict policy in a <meta>, their inline
// code allowed by hash; a data block is not code, so the story needs no hash of its own.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { CSP } from './serve.mjs';

const dist = new URL('../dist/', import.meta.url);
const read = (p) => readFileSync(new URL(p, dist), 'utf8');
// Inside an inline <script>, "</script" would end it early; "<\/script" means the same to JS.
const inlineJs = (js) => js.replace(/<\/script/gi, '<\\/script');

const glue = read('pkg/pledge_explainer.js')
  .replace(/^export \{[^}]*\};?\s*$/m, '')
  .replace(/^export (class|function|async function|const|let) /gm, '$1 ');
const app = read('app.js').replace(
  /^import init, \{[^}]*\} from '\.\/pkg\/pledge_explainer\.js';$/m,
  'const init = __wbg_init;',
);
if (app.includes("from './pkg/")) throw new Error('app.js import line not found: update single-file.mjs');
// French and Arabic words (the wasm has English compiled in; the site fetches these).
const languages = { fr: JSON.parse(read('i18n/fr.json')), ar: JSON.parse(read('i18n/ar.json')) };
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function singleFile(wasmFile, { story = false } = {}) {
  // The whole wasm (dist/pkg/ has the page's in two parts, the second fetched later).
  const wasm = readFileSync(new URL(`../${wasmFile}`, dist)).toString('base64');
  let html = read('index.html');
  const replace = (pattern, by) => {
    if (!pattern.test(html)) throw new Error(`index.html: ${pattern} not found`);
    html = html.replace(pattern, () => by);
  };
  replace(/<link rel="stylesheet" href="style\.css">/, `<style>\n${read('style.css')}</style>`);
  replace(/<link rel="modulepreload"[^>]*>\n?/, '');
  // The other languages' pages are not beside a single file.
  html = html.replace(/<link rel="alternate"[^>]*>\n?/g, '');
  replace(/<meta name="pledge-explainer-wasm"[^>]*>\n?/, '');
  replace(/<script src="boot\.js"><\/script>/, `<script>\n${inlineJs(read('boot.js'))}</script>`);
  replace(
    /<script type="module" src="app\.js"><\/script>/,
    `<script>globalThis.PLEDGE_EXPLAINER_WASM = "${wasm}";</script>\n` +
      `<script>globalThis.PLEDGE_EXPLAINER_LANGUAGES = ${inlineJs(JSON.stringify(languages))};</script>\n` +
      `<script type="module">\n${inlineJs(glue)}\n${inlineJs(app)}</script>`,
  );
  if (story) {
    // The static page is the default story: hidden (as boot.js does for ?dataset=) until the
    // page is rewritten with the one in the block; style.css reveals it after a few seconds anyway.
    replace(/<html lang="en" dir="ltr">/, '<html lang="en" dir="ltr" class="relabel">');
    replace(/<meta charset="utf-8">/, '<meta charset="utf-8">\n<script type="application/json" id="pledge-explainer-story"></script>');
  }
  const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => sha(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]));
  const policy = CSP
    .replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`)
    .replace("style-src 'self'", `style-src 'self' ${styles.join(' ')}`);
  if (scripts.length !== 4 || styles.length !== 1 || policy === CSP) throw new Error('single-file.mjs: inline scripts or styles not as expected');
  replace(/<meta charset="utf-8">/, `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  return html;
}

for (const [file, wasm, options] of [
  // The page's own modules (scripts/build.sh: panics as traps where the toolchain allows).
  ['explainer.html', 'target/single/whole.wasm', {}],
  ['explainer-story.html', 'target/single/reader.wasm', { story: true }],
]) {
  const html = singleFile(wasm, options);
  writeFileSync(new URL(file, dist), html);
  console.error(`wrote dist/${file} (${Math.round(html.length / 1024)} KiB)`);
}
