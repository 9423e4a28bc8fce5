// Gives every asset of dist/ that index.html loads a content hash in its name (app.3f2a…js),
// so hosts can cache them for a year and a new build is never mixed with an old cache.
// The pages (index.html, index.fr.html, index.ar.html) and embed.js keep their names: they
// are what embeds point at (serve them no-cache).
//
// The stylesheet and boot.js go inline into each page instead: on a phone each is a round
// trip before the first paint. The strict policy still allows no inline code but these two,
// by hash, in a <meta http-equiv="Content-Security-Policy"> every static host serves as is
// (also written to dist/csp.txt, for hosts that send the header too).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { CSP } from './serve.mjs';

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
const readerWasm = hashed('pkg/pledge_explainer_reader_bg.wasm');
const laterWasm = hashed('pkg/pledge_explainer_later_bg.wasm');
const glue = hashed('pkg/pledge_explainer.js', [["'pledge_explainer_bg.wasm'", `'${wasm}'`]]);
const packs = { fr: hashed('i18n/fr.json'), ar: hashed('i18n/ar.json') };
const preview = hashed('preview.js');
const app = hashed('app.js', [
  ["'./preview.js'", `'./${preview}'`],
  ["'./pkg/pledge_explainer.js'", `'./${glue}'`],
  ["'./i18n/fr.json'", `'./${packs.fr}'`],
  ["'./i18n/ar.json'", `'./${packs.ar}'`],
]);
const css = readFileSync(path('style.css'), 'utf8');
const boot = readFileSync(path('boot.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S*\s*$/, '').trim();
rmSync(path('style.css'));
rmSync(path('boot.js'));
rmSync(path('boot.js.map'), { force: true });
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const policy = CSP
  .replace("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${sha(boot)}`)
  .replace("style-src 'self'", `style-src 'self' ${sha(css)}`);
if (!policy.includes(sha(boot)) || !policy.includes(sha(css))) throw new Error('serve.mjs CSP: script-src/style-src not as expected');
writeFileSync(path('csp.txt'), `${policy}\n`);

// The full pages, and each card's own page one folder down (inject-fallback.mjs writes them
// with every address starting with ../).
const cardPages = readdirSync(path('cards/')).filter((f) => f.endsWith('.html')).map((f) => `cards/${f}`);
for (const page of ['index.html', 'index.fr.html', 'index.ar.html', ...cardPages]) {
  let html = readFileSync(path(page), 'utf8');
  const up = page.startsWith('cards/') ? '../' : '';
  for (const [from, to] of [
    [`<link rel="stylesheet" href="${up}style.css">`, `<style>${css}</style>`],
    [`<script src="${up}boot.js"></script>`, `<script>${boot}</script>`],
    ['<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${policy}">`],
    [`src="${up}app.js"`, `src="${up}${app}"`],
    [`href="${up}pkg/pledge_explainer.js"`, `href="${up}${glue}"`],
    [`content="${up}pkg/pledge_explainer_bg.wasm"`, `content="${up}pkg/${wasm}"`],
    [`data-reader="${up}pkg/pledge_explainer_reader_bg.wasm"`, `data-reader="${up}${readerWasm}"`],
    [`data-later="${up}pkg/pledge_explainer_later_bg.wasm"`, `data-later="${up}${laterWasm}"`],
  ]) {
    if (!html.includes(from)) throw new Error(`${page}: ${from} not found`);
    html = html.replace(from, () => to);
  }
  // A page in French or Arabic needs its language pack as soon as the wasm: boot.js fetches it
  // alongside. Named in a meta, not a <link rel=preload as=fetch>: WebKit never hands such a
  // preload to fetch(), so the pack came twice and WebKit warned that the preload went unused.
  const lang = page.match(/\.(fr|ar)\.html$/)?.[1];
  if (lang) {
    const wasmMeta = html.match(/<meta name="pledge-explainer-wasm"[^>]*>/)[0];
    html = html.replace(wasmMeta, `${wasmMeta}\n<meta name="pledge-explainer-pack" content="${up}${packs[lang]}">`);
  }
  writeFileSync(path(page), html);
}
// The story editor loads the same glue and the reader build; its stylesheet goes inline too
// (a stylesheet blocks the first paint), allowed by hash in the editor's own policy.
const editor = hashed('editor.js', [
  ["'./pkg/pledge_explainer.js'", `'./${glue}'`],
  ["'./i18n/fr.json'", `'./${packs.fr}'`],
  ["'./i18n/ar.json'", `'./${packs.ar}'`],
]);
{
  let html = readFileSync(path('editor.html'), 'utf8');
  const editorCss = readFileSync(path('editor.css'), 'utf8');
  rmSync(path('editor.css'));
  for (const [from, to] of [
    ['src="editor.js"', `src="${editor}"`],
    ['content="pkg/pledge_explainer_reader_bg.wasm"', `content="${readerWasm}"`],
    ['<link rel="stylesheet" href="editor.css">', `<style>${editorCss}</style>`],
    ["style-src 'self'", `style-src 'self' ${sha(editorCss)}`],
  ]) {
    if (!html.includes(from)) throw new Error(`editor.html: ${from} not found`);
    html = html.replace(from, () => to);
  }
  writeFileSync(path('editor.html'), html);
}
console.error(`hashed: ${[app, preview, glue, `pkg/${wasm}`, readerWasm, laterWasm, packs.fr, packs.ar, editor].join(', ')}; style and boot inline, policy in dist/csp.txt`);
