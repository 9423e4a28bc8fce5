// Minifies the JavaScript readers download (dist/ only; www/ stays the readable source), with
// a source map beside each file for anyone debugging an embed. Runs after single-file.mjs
// (which edits the readable glue) and before hash-assets.mjs (which renames the results).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const dist = new URL('../dist/', import.meta.url);
const FILES = [
  ['app.js', true],
  ['preview.js', true],
  ['editor.js', true],
  ['pkg/pledge_explainer.js', true],
  ['boot.js', false],
  ['embed.js', false],
];
for (const [file, module] of FILES) {
  const source = readFileSync(new URL(file, dist), 'utf8');
  const name = file.split('/').pop();
  const result = await minify({ [name]: source }, {
    module,
    compress: { passes: 2 },
    mangle: true,
    // Original quotes: hash-assets.mjs finds the asset names by their quoted text.
    format: { quote_style: 3, comments: false },
    sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
  });
  writeFileSync(new URL(file, dist), result.code);
  writeFileSync(new URL(`${file}.map`, dist), result.map);
  console.error(`minified ${file}: ${source.length} -> ${result.code.length} bytes`);
}

// The stylesheets: comments and layout whitespace only (no rewriting of rules).
for (const file of ['style.css', 'editor.css']) {
  const cssFile = new URL(file, dist);
  const css = readFileSync(cssFile, 'utf8');
  const small = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
  writeFileSync(cssFile, small);
  console.error(`minified ${file}: ${css.length} -> ${small.length} bytes`);
}
