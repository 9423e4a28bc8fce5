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
  const fragment = readFileSync(join(dir, `${part}.html`), 'utf8');
  // Block fragments stay byte for byte what the core writes at run time (the page adopts them).
  html = html.replaceAll(marker, ['claim', 'figures', 'sources'].includes(part) ? fragment : fragment.trim());
}
writeFileSync(page, html);
