// Writes dist/explainer.html: the whole explainer (HTML, CSS, JS, wasm with the dataset) in one
// file that works opened from disk with no network: for an editor's inbox, a CMS that takes
// one file, or an archive. Built from dist/ after scripts/build.sh.
import { readFileSync, writeFileSync } from 'node:fs';

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
const wasm = readFileSync(new URL('pkg/pledge_explainer_bg.wasm', dist)).toString('base64');
// French and Arabic words (the wasm has English compiled in; the site fetches these).
const languages = { fr: JSON.parse(read('i18n/fr.json')), ar: JSON.parse(read('i18n/ar.json')) };

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
writeFileSync(new URL('explainer.html', dist), html);
console.error(`wrote dist/explainer.html (${Math.round(html.length / 1024)} KiB)`);
