// Puts the natively rendered static figures into dist/index.html, where the page shows them
// before (or without) the wasm: for readers without JavaScript, feeds and search engines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [page, dir] = process.argv.slice(2);
let html = readFileSync(page, 'utf8');
// Every marker is replaced (the title appears twice: <title> and <h1>).
for (const part of ['title', 'description', 'prose', 'claim', 'charts', 'figures', 'sources']) {
  const marker = `<!-- fallback:${part} -->`;
  if (!html.includes(marker)) throw new Error(`${page}: marker ${marker} is missing`);
  html = html.replaceAll(marker, readFileSync(join(dir, `${part}.html`), 'utf8').trim());
}
writeFileSync(page, html);
