// Where newsrooms publish: for every page `pages()` finds in dist/ (the index pages and each
// card's own page), the tags CMSs and social networks read (oEmbed discovery, og:*,
// twitter:card, canonical), a static oEmbed answer
// (dist/oembed/<page>.json) and a share image rendered natively by the core
// (dist/share/<page>.png, 1200x630, and <page>.thumb.png in the page's own aspect).
//
//   node scripts/publish.mjs [DIST]          BASE_URL=https://news.example/explainer/ (optional)
//
// Crawlers and oEmbed consumers need absolute URLs: with BASE_URL every URL written is
// absolute; without it the tags that must be absolute are left out (the build says which) and
// the site still works from any folder. Run after hash-assets.mjs; run again, it replaces what
// it wrote (between <!-- publish:start --> and <!-- publish:end -->).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The oEmbed frame's width: a news site's content column. */
export const FRAME_WIDTH = 640;
/**
 * Each page's height in a frame FRAME_WIDTH wide, measured in Chromium by
 * tests/browser/publish.test.mjs (which fails when one is more than 10 % off or missing, and
 * rewrites the file with UPDATE_HEIGHTS=1).
 */
export const HEIGHTS_FILE = join(root, 'scripts/page-heights.json');
/** The language of a page from its name (index.fr.html, cards/claim.ar.html); no suffix: English,
 * the language inject-fallback.mjs writes without one. */
const langOf = (file) => file.match(/\.([a-z]{2,3})\.html$/)?.[1] ?? 'en';

/**
 * Every page a newsroom can paste or share, from what the build wrote: the three index pages
 * (their share image shows the story with `chart`) and each card's own page in each language
 * (dist/cards/<card>[.fr|.ar].html: inject-fallback.mjs writes the cards the core declares and
 * the story fills; their image shows the card). `width` × `height`: the oEmbed frame.
 */
export function pages(dist) {
  const heights = existsSync(HEIGHTS_FILE) ? JSON.parse(readFileSync(HEIGHTS_FILE, 'utf8')) : {};
  const index = readdirSync(dist).filter((f) => /^index(\.[a-z]{2,3})?\.html$/.test(f)).sort();
  const cardDir = join(dist, 'cards');
  const cards = existsSync(cardDir) ? readdirSync(cardDir).filter((f) => f.endsWith('.html')).sort().map((f) => `cards/${f}`) : [];
  return [...index, ...cards].map((file) => ({
    file,
    lang: langOf(file),
    ...(file.startsWith('cards/') ? { card: file.slice(6).split('.')[0] } : { chart: 'per-person' }),
    width: FRAME_WIDTH,
    height: heights[file] ?? null,
  }));
}
/** WordPress clamps an oEmbed frame to 200–1000 px: a taller page keeps its own scroll bar. */
const WORDPRESS_MAX_HEIGHT = 1000;
export const SHARE_SIZE = { width: 1200, height: 630 };

const attr = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** dist/cards/claim.fr.html → cards/claim.fr */
export const stem = (file) => file.replace(/\.html$/, '');

export function baseUrl(raw) {
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BASE_URL "${raw}" is not an absolute URL (say https://news.example/explainer/)`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`BASE_URL "${raw}": only http: and https: addresses are shared`);
  if (url.search || url.hash) throw new Error(`BASE_URL "${raw}": the site's folder, without ? or #`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * The oEmbed answer for a page: WordPress keeps the blockquote (its fallback) and the iframe.
 * The frame is as wide as its column (`width="100%"`, an attribute wp_kses() keeps, where a
 * `style` would be dropped): WordPress asks for `maxwidth=500`, which a static answer cannot
 * honour, and its classic paste sets no max-width on an iframe in a paragraph, so a fixed width
 * overflowed a phone's column. `width` in the JSON stays the width the height was measured at.
 */
export function oembed(page, words, base, provider) {
  const url = new URL(page.file, base).href;
  const scrolling = page.height <= WORDPRESS_MAX_HEIGHT ? ' scrolling="no"' : '';
  const html =
    `<blockquote><a href="${attr(url)}">${attr(words.title)}</a></blockquote>` +
    `<iframe src="${attr(url)}" width="100%" height="${page.height}" frameborder="0" marginwidth="0" marginheight="0"${scrolling} title="${attr(words.title)}"></iframe>`;
  return {
    version: '1.0',
    type: 'rich',
    provider_name: provider,
    provider_url: base,
    title: words.title,
    html,
    width: page.width,
    height: page.height,
    thumbnail_url: new URL(`share/${stem(page.file)}.thumb.png`, base).href,
    thumbnail_width: words.thumbnail.width,
    thumbnail_height: words.thumbnail.height,
  };
}

/** The tags for a page's <head>, and the names of those left out for want of a base URL. */
export function headTags(page, words, base) {
  const abs = (path) => (base ? new URL(path, base).href : null);
  const tags = [];
  const left = [];
  const add = (tag, needsBase) => (needsBase && !base ? left.push(needsBase) : tags.push(tag));
  add(`<link rel="canonical" href="${attr(abs(page.file))}">`, 'canonical');
  add(`<link rel="alternate" type="application/json+oembed" href="${attr(abs(`oembed/${stem(page.file)}.json`))}" title="${attr(words.title)}">`, 'oEmbed discovery');
  tags.push(`<meta property="og:type" content="article">`);
  tags.push(`<meta property="og:title" content="${attr(words.title)}">`);
  tags.push(`<meta property="og:description" content="${attr(words.description)}">`);
  add(`<meta property="og:url" content="${attr(abs(page.file))}">`, 'og:url');
  add(`<meta property="og:image" content="${attr(abs(`share/${stem(page.file)}.png`))}">`, 'og:image');
  if (base) {
    tags.push(`<meta property="og:image:width" content="${SHARE_SIZE.width}">`);
    tags.push(`<meta property="og:image:height" content="${SHARE_SIZE.height}">`);
  }
  tags.push(`<meta property="og:image:alt" content="${attr(words.alt)}">`);
  tags.push(`<meta name="twitter:card" content="summary_large_image">`);
  return { tags, left };
}

export function publish(dist, base, provider = 'Pledge explainer') {
  const cli = join(root, 'target/release/pledge-explainer');
  const leftOut = new Set();
  const list = pages(dist);
  const unmeasured = [];
  // The CLI's images go through a folder of their own, not this checkout's target/: the site
  // published may be any folder (another checkout's build may be publishing at the same time).
  const scratch = mkdtempSync(join(tmpdir(), 'pledge-share-'));
  for (const page of list) {
    const name = stem(page.file);
    if (page.height == null) {
      // A card new to the story: the frame starts at WordPress's most and is sized by the
      // page's height messages; the publish test says to measure it.
      unmeasured.push(page.file);
      page.height = WORDPRESS_MAX_HEIGHT;
    }
    // The default story's image: a permalink with moved assumptions shares this one too.
    const out = join(scratch, name);
    const thumbnail = page.height <= WORDPRESS_MAX_HEIGHT ? ['--thumbnail', `${page.width}x${page.height}`] : [];
    const what = page.card ? ['--card', page.card] : ['--chart', page.chart];
    execFileSync(cli, ['share', '--lang', page.lang, ...what, '--out', out, ...thumbnail], { stdio: ['ignore', 'inherit', 'inherit'] });
    const words = JSON.parse(readFileSync(join(out, 'share.json'), 'utf8'));
    mkdirSync(dirname(join(dist, 'share', name)), { recursive: true });
    copyFileSync(join(out, 'share.png'), join(dist, 'share', `${name}.png`));
    copyFileSync(join(out, 'thumbnail.png'), join(dist, 'share', `${name}.thumb.png`));

    const file = join(dist, page.file);
    let html = readFileSync(file, 'utf8').replace(/\n?<!-- publish:start -->[\s\S]*?<!-- publish:end -->/, '');
    const { tags, left } = headTags(page, words, base);
    left.forEach((t) => leftOut.add(t));
    if (base) {
      // Search engines want the language alternates absolute too (Lighthouse's hreflang audit).
      html = html.replace(/(<link rel="alternate" hreflang="[^"]+" href=")([^"]+)(">)/g, (all, a, href, b) => a + attr(new URL(href, new URL(page.file, base)).href) + b);
    }
    const anchor = '<link rel="icon" href="data:,">';
    if (!html.includes(anchor)) throw new Error(`${page.file}: ${anchor} not found`);
    html = html.replace(anchor, () => `${anchor}\n<!-- publish:start -->\n${tags.join('\n')}\n<!-- publish:end -->`);
    writeFileSync(file, html);
    if (base) {
      mkdirSync(dirname(join(dist, 'oembed', name)), { recursive: true });
      writeFileSync(join(dist, 'oembed', `${name}.json`), `${JSON.stringify(oembed(page, words, base, provider), null, 2)}\n`);
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  if (unmeasured.length) {
    console.error(`publish: no measured height for ${unmeasured.join(', ')} (framed at ${WORDPRESS_MAX_HEIGHT} px until measured): ` +
      'UPDATE_HEIGHTS=1 node --test tests/browser/publish.test.mjs writes scripts/page-heights.json');
  }
  if (base) console.error(`publish: ${list.length} pages at ${base}: oEmbed answers in oembed/, share images in share/`);
  else {
    console.error(`publish: no BASE_URL, so left out (they must be absolute): ${[...leftOut].join(', ')}, oembed/*.json; ` +
      'hreflang stays relative. make build BASE_URL=https://YOUR-HOST/PATH/ writes them.');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    publish(process.argv[2] || join(root, 'dist'), baseUrl(process.env.BASE_URL), process.env.PROVIDER_NAME || 'Pledge explainer');
  } catch (err) {
    console.error(`publish: ${err.message}`);
    process.exit(1);
  }
}
