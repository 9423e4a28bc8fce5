// Writes the static pages from dist/index.html (the template) and the natively rendered
// fallback: index.html in English, index.fr.html and index.ar.html in French and Arabic, and
// each card alone, dist/cards/<card>.html (.fr.html, .ar.html). Each shows its language's story
// before (or without) the wasm, for readers without JavaScript, feeds and search engines, and
// is what the page adopts at start in that language.
// Usage: node scripts/inject-fallback.mjs dist/index.html target/fallback (with en/ fr/ ar/ in it)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [template, root] = process.argv.slice(2);
const source = readFileSync(template, 'utf8');
const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const LANGS = ['en', 'fr', 'ar'];
const suffix = (lang) => (lang === 'en' ? '' : `.${lang}`);
/** Every card some language has (a card the story cannot fill is left out in all of them). */
const CARDS = ['claim', 'gdp', 'pledges', 'horizon', 'sensitivity', 'energy', 'sources']
  .filter((card) => existsSync(join(root, 'en', `card-${card}.html`)));
mkdirSync(join(dirname(template), 'cards'), { recursive: true });

/** The page in `lang` with `cards` (a fragment of the core) in it; `card` for a card's own page. */
function page(lang, cards, card) {
  const dir = join(root, lang);
  const strings = JSON.parse(readFileSync(join(dir, 'strings.json'), 'utf8'));
  let html = source;
  const replace = (from, to) => {
    if (!html.includes(from)) throw new Error(`${template}: "${from}" is missing`);
    html = html.replace(from, () => to); // a function: `$&` in a fragment is not a pattern
  };
  // A page named for its language keeps it unless the URL asks for another (index.html
  // follows the reader's browser languages).
  const fixed = lang === 'en' ? '' : ' data-fixed-lang';
  replace('<html lang="en" dir="ltr">', `<html lang="${strings.lang}" dir="${strings.dir}"${fixed}>`);
  // Each page names the other two, for search engines and feeds.
  const name = (l) => (card ? `${card}${suffix(l)}.html` : `index${suffix(l)}.html`);
  const alternates = LANGS.map((l) => `<link rel="alternate" hreflang="${l}" href="${name(l)}">`).join('\n');
  replace('<link rel="icon" href="data:,">', `<link rel="icon" href="data:,">\n${alternates}`);
  // Byte for byte what the core writes at run time (the page adopts it).
  replace('<!-- fallback:cards -->', cards);
  // The page's own controls, served as the page builds them (the yardstick), for it to adopt.
  for (const part of ['page-switches', 'page-sliders']) replace(`<!-- fallback:${part} -->`, readFileSync(join(dir, `${part}.html`), 'utf8').trimEnd());
  // Every marker is replaced (the title appears twice: <title> and <h1>).
  for (const part of ['title', 'description']) {
    const marker = `<!-- fallback:${part} -->`;
    if (!html.includes(marker)) throw new Error(`${template}: marker ${marker} is missing`);
    html = html.replaceAll(marker, readFileSync(join(dir, `${part}.html`), 'utf8').trim());
  }
  if (!/<svg class="placeholder" /.test(html) && card !== 'sources') {
    throw new Error(`${template}: no chart placeholder in ${card || 'the page'}`);
  }
  // The page's own words: every data-i18n element, and the landmarks' names.
  html = html.replace(/(<[^>]*\bdata-i18n="([a-z_]+)"[^>]*>)[^<]*</g, (all, open, key) => {
    if (typeof strings[key] !== 'string') throw new Error(`${template}: no string "${key}"`);
    return `${open}${escape(strings[key])}<`;
  });
  html = html.replace(/ data-failed="[^"]*"/g, ` data-failed="${escape(strings.no_wasm)}"`);
  // Said by the page in its own language if the words of that language cannot be fetched.
  // A card's page has no language links to choose from: it says to reload.
  html = html.replace(/data-pack-failed="[^"]*"/, `data-pack-failed="${escape(card ? strings.pack_failed_reload : strings.pack_failed)}"`);
  replace('aria-label="Language" id="langs"', `aria-label="${escape(strings.language_label)}" id="langs"`);
  replace('id="presets" role="group"', `id="presets" role="group" aria-label="${escape(strings.presets_label)}"`);
  replace(`data-lang="${lang}">`, `data-lang="${lang}" aria-current="true">`);
  if (card) {
    // A card alone: no masthead and no page-wide controls (its own are in it), and every
    // address one folder down.
    html = html.replace(/  <header class="masthead">[\s\S]*?<\/header>\n/, '');
    html = html.replace(/  <section class="controls"[\s\S]*?<\/section>\n/, '');
    replace('<main id="explainer" class="explainer"', `<main id="explainer" class="explainer" data-card="${card}"`);
    for (const [from, to] of [
      ['href="pkg/', 'href="../pkg/'], ['content="pkg/', 'content="../pkg/'], ['data-reader="pkg/', 'data-reader="../pkg/'], ['data-later="pkg/', 'data-later="../pkg/'],
      ['src="boot.js"', 'src="../boot.js"'], ['href="style.css"', 'href="../style.css"'], ['src="app.js"', 'src="../app.js"'],
    ]) replace(from, to);
    html = html.replaceAll('src="fallback/', 'src="../fallback/').replaceAll(/href="(index(?:\.fr|\.ar)?\.html#)/g, 'href="../$1');
  }
  return html;
}

for (const lang of LANGS) {
  const cards = readFileSync(join(root, lang, 'cards.html'), 'utf8');
  writeFileSync(lang === 'en' ? template : join(dirname(template), `index.${lang}.html`), page(lang, cards));
  for (const card of CARDS) {
    const fragment = readFileSync(join(root, lang, `card-${card}.html`), 'utf8');
    writeFileSync(join(dirname(template), 'cards', `${card}${suffix(lang)}.html`), page(lang, fragment, card));
  }
}
