// Writes the static pages from dist/index.html (the template) and the natively rendered
// fallback: index.html in English, index.fr.html and index.ar.html in French and Arabic. Each
// shows its language's story before (or without) the wasm, for readers without JavaScript,
// feeds and search engines, and is what the page adopts at start in that language.
// Usage: node scripts/inject-fallback.mjs dist/index.html target/fallback (with en/ fr/ ar/ in it)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [template, root] = process.argv.slice(2);
const source = readFileSync(template, 'utf8');
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

for (const lang of ['en', 'fr', 'ar']) {
  const dir = join(root, lang);
  const strings = JSON.parse(readFileSync(join(dir, 'strings.json'), 'utf8'));
  let html = source;
  const replace = (from, to) => {
    if (!html.includes(from)) throw new Error(`${template}: "${from}" is missing`);
    html = html.replace(from, to);
  };
  // A page named for its language keeps it unless the URL asks for another (index.html
  // follows the reader's browser languages).
  const fixed = lang === 'en' ? '' : ' data-fixed-lang';
  replace('<html lang="en" dir="ltr">', `<html lang="${strings.lang}" dir="${strings.dir}"${fixed}>`);
  // Each page names the other two, for search engines and feeds.
  const alternates = ['en', 'fr', 'ar'].map((l) => `<link rel="alternate" hreflang="${l}" href="${l === 'en' ? 'index.html' : `index.${l}.html`}">`).join('\n');
  replace('<link rel="icon" href="data:,">', `<link rel="icon" href="data:,">\n${alternates}`);
  // Every marker is replaced (the title appears twice: <title> and <h1>).
  for (const part of ['title', 'description', 'prose', 'claim', 'charts', 'figures', 'sources']) {
    const marker = `<!-- fallback:${part} -->`;
    if (!html.includes(marker)) throw new Error(`${template}: marker ${marker} is missing`);
    const fragment = readFileSync(join(dir, `${part}.html`), 'utf8');
    // Block fragments stay byte for byte what the core writes at run time (the page adopts them).
    html = html.replaceAll(marker, ['claim', 'figures', 'sources'].includes(part) ? fragment : fragment.trim());
  }
  // The charts: for readers without JavaScript, the core's standalone SVGs as images (copied
  // beside the pages by build.sh); for the others, an empty box of the chart's size, which the
  // page draws at the reader's column width when it comes into view. (Drawn here for the
  // desktop column, a phone would redraw them anyway: 2.5 KB of gzipped HTML saved.)
  let charts = 0;
  html = html.replace(
    /(<figure class="chart" data-chart="([a-z-]+)"[\s\S]*?<div class="plot" dir="ltr">)(<svg [^>]*>)[\s\S]*?<\/svg>\n?<\/div>/g,
    (all, head, name, open) => {
      charts++;
      const size = (attr) => open.match(new RegExp(` ${attr}="(\\d+)"`))[1];
      const placeholder = open.replace('<svg ', '<svg class="placeholder" ');
      return `${head}${placeholder}</svg><noscript><img src="fallback/${lang}/${name}.svg" width="${size('width')}" height="${size('height')}" alt=""></noscript></div>`;
    },
  );
  if (charts === 0) throw new Error(`${template}: no chart found to replace by its placeholder`);
  // The page's own words: every data-i18n element, and the landmarks' names.
  html = html.replace(/(<[^>]*\bdata-i18n="([a-z_]+)"[^>]*>)[^<]*</g, (all, open, key) => {
    if (typeof strings[key] !== 'string') throw new Error(`${template}: no string "${key}"`);
    return `${open}${escape(strings[key])}<`;
  });
  html = html.replace(/data-failed="[^"]*"/, `data-failed="${escape(strings.no_wasm)}"`);
  // Said by the page in its own language if the words of that language cannot be fetched.
  html = html.replace(/data-pack-failed="[^"]*"/, `data-pack-failed="${escape(strings.pack_failed)}"`);
  replace('aria-label="Language" id="langs"', `aria-label="${escape(strings.language_label)}" id="langs"`);
  replace('id="presets" role="group"', `id="presets" role="group" aria-label="${escape(strings.presets_label)}"`);
  replace('id="charts" aria-label="Charts"', `id="charts" aria-label="${escape(strings.charts_label)}"`);
  replace(`data-lang="${lang}">`, `data-lang="${lang}" aria-current="true">`);
  const out = lang === 'en' ? template : join(dirname(template), `index.${lang}.html`);
  writeFileSync(out, html);
}
