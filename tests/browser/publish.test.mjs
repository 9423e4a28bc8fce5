// Where newsrooms publish: a page pasted into WordPress (its own oEmbed filter, reproduced
// below from WordPress 6.1's wp_filter_oembed_result(), and its own wp-embed.js from Debian's
// wordpress package), oEmbed discovery and answers, share images, og: tags, the host's theme,
// accent and font. The site is published with a BASE_URL into a copy of dist/ (as
// `make build BASE_URL=…` would) and served on loopback; the host page is another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { HEIGHTS_FILE, SHARE_SIZE, baseUrl, headTags, pages, stem } from '../../scripts/publish.mjs';
import { launch, waitReady, settled } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const WP_EMBED = join(ROOT, 'target/wordpress/usr/share/wordpress/wp-includes/js/wp-embed.js');
/** The pages the build published: the index pages and every card page in every language. */
const PAGES = pages(join(ROOT, 'dist'));
const CARDS = PAGES.filter((p) => p.card);

let browser, site, siteUrl, hostDir, host, hostUrl, publishedAt;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-publish-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  site = await startServer({ root: dir });
  siteUrl = site.url;
  publishedAt = Date.now() - 1000; // file times may be a little behind the clock
  execFileSync('node', [join(ROOT, 'scripts/publish.mjs'), dir], { env: { ...process.env, BASE_URL: siteUrl }, stdio: 'pipe' });
  hostDir = mkdtempSync(join(tmpdir(), 'pledge-wp-'));
  assert.ok(existsSync(WP_EMBED), `${WP_EMBED} is missing: scripts/setup.sh test fetches it from Debian's wordpress package`);
  cpSync(WP_EMBED, join(hostDir, 'wp-embed.js'));
  host = await startServer({ root: hostDir, csp: false });
  hostUrl = host.url.replace('127.0.0.1', 'localhost'); // another site
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.server.close();
  host?.server.close();
});

const get = async (path) => {
  const r = await fetch(new URL(path, siteUrl));
  assert.equal(r.status, 200, `${path}: HTTP ${r.status}`);
  return r;
};
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s) => s.replace(/&(?:#(\d+)|([a-z]+));/g, (all, n, name) => (n ? String.fromCharCode(Number(n)) : ENTITIES[name] ?? all));
const metaOf = (html, property) => {
  const m = html.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`));
  return m && unescape(m[1]);
};

// ------------------------------------------------------------ WordPress 6.1, as it is

/** wp_kses() for the few tags and attributes wp_filter_oembed_result() allows. */
function kses(html, allowed) {
  return html.replace(/<(\/?)([a-zA-Z]+)([^>]*)>/g, (all, close, tag, rest) => {
    const name = tag.toLowerCase();
    if (!allowed[name]) return '';
    if (close) return `</${name}>`;
    const attrs = [...rest.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)]
      .filter((m) => allowed[name][m[1].toLowerCase()])
      .map((m) => ` ${m[1].toLowerCase()}="${m[2] ?? m[3]}"`);
    return `<${name}${attrs.join('')}>`;
  });
}

/** wp-includes/embed.php, wp_filter_oembed_result() of WordPress 6.1, line for line. */
function wpFilterOembedResult(result) {
  const allowed = {
    a: { href: true },
    blockquote: {},
    iframe: { src: true, width: true, height: true, frameborder: true, marginwidth: true, marginheight: true, scrolling: true, title: true },
  };
  let html = kses(result, allowed);
  const content = html.match(/(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s);
  if (!content?.[2]) return false;
  html = (content[1] || '') + content[2];
  const results = html.match(/ src=(['"])(.*?)\1/);
  if (results) {
    const secret = Math.random().toString(36).slice(2, 12).replace(/[^a-z0-9]/g, 'x').padEnd(10, 'x');
    const url = `${results[2]}#?secret=${secret}`.replaceAll('&', '&#038;'); // esc_url
    const q = results[1];
    html = html.replaceAll(results[0], ` src=${q}${url}${q} data-secret=${q}${secret}${q}`);
    html = html.replaceAll('<blockquote', `<blockquote data-secret="${secret}"`);
  }
  allowed.blockquote['data-secret'] = true;
  allowed.iframe['data-secret'] = true;
  html = kses(html, allowed);
  if (content[1]) {
    html = html.replaceAll('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    html = html.replaceAll('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return html.replaceAll('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** What WordPress does with a pasted URL: discovery link → oEmbed JSON → filtered HTML. */
async function wordpressEmbed(pageUrl) {
  const html = await (await fetch(pageUrl)).text();
  const link = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
  assert.ok(link, `${pageUrl}: no oEmbed discovery link`);
  const answer = await (await fetch(unescape(link[1]))).json();
  const filtered = wpFilterOembedResult(answer.html);
  assert.ok(filtered, 'WordPress found no iframe in the oEmbed answer');
  return { answer, filtered };
}

function wordpressPost(embedHtml) {
  // A theme's usual rule for embeds in the content column; wp-embed.js as WordPress enqueues it.
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A WordPress post</title><link rel="icon" href="data:,">
<style>body{margin:0;font:18px/1.6 Georgia,serif}.entry-content{max-width:640px;margin:0 auto;padding:0 12px}.entry-content iframe{max-width:100%}</style>
</head><body><article class="entry-content"><h1>A post</h1><p>Before the embed.</p>
<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">
${embedHtml}
</div></figure><p>After the embed.</p></article>
<iframe id="forger" title="another embed" srcdoc="<p>another embed</p>" width="10" height="10"></iframe>
<script src="wp-embed.js"></script></body></html>`;
  writeFileSync(join(hostDir, 'post.html'), page);
  return `${hostUrl}post.html`;
}

async function explainerFrame(page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(siteUrl));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the explainer frame never loaded');
}

const clamp = (h) => Math.min(1000, Math.max(200, h));

/** The frame's content height and whether it scrolls either way. */
const frameBox = (frame) => frame.evaluate(() => {
  const el = document.scrollingElement;
  return {
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrollsY: el.scrollHeight > el.clientHeight,
    scrollsX: el.scrollWidth > el.clientWidth,
  };
});

const EMBEDS = [
  // What an author pastes: a card's own page (it fits in WordPress's 1000 px, so no scroll bar).
  { file: 'cards/claim.html', width: 375, card: true },
  { file: 'cards/claim.html', width: 1000, card: true },
  { file: 'cards/claim.ar.html', width: 375, card: true },
  // The whole explainer is taller than WordPress allows: clamped, with its own scroll bar.
  { file: 'index.html', width: 1000 },
];

for (const { file, width, card } of EMBEDS) {
  test(`WordPress 6.1 embeds a pasted ${file}: interactive in its sandbox, sized by wp-embed.js (${width} px)`, async () => {
    const { answer, filtered } = await wordpressEmbed(`${siteUrl}${file}`);
    assert.match(filtered, /^<blockquote class="wp-embedded-content" data-secret="[a-z0-9]{10}"><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="[^"]+" src="[^"#]+#\?secret=[a-z0-9]{10}" data-secret=/);
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(wordpressPost(filtered));
    const frame = await explainerFrame(page);
    await waitReady(frame); // the wasm, its glue, app.js and the packs were all allowed in
    assert.equal(await frame.evaluate(() => origin), 'null', 'the frame is sandboxed (opaque origin)');
    // The frame's first height message made wp-embed.js show it and hide the blockquote.
    const iframe = page.locator('iframe.wp-embedded-content');
    await page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content').hasAttribute('style'));
    assert.equal(await page.locator('blockquote.wp-embedded-content').evaluate((b) => b.style.display), 'none');
    // wp-embed.js sizes it to the content (WordPress clamps to 200–1000 px).
    const sized = async () => {
      let box, outer;
      for (let i = 0; i < 50; i++) {
        box = await frameBox(frame);
        outer = Number(await iframe.getAttribute('height'));
        if (outer === clamp(box.height)) break;
        await page.waitForTimeout(100);
      }
      assert.equal(outer, clamp(box.height), `frame ${outer} px for content ${box.height} px`);
      return box;
    };
    let box = await sized();
    assert.ok(box.height > 200, `${box.height}`);
    if (card) {
      assert.ok(box.height <= 1000, `the card is ${box.height} px tall at ${width} px: more than WordPress frames`);
      assert.deepEqual([box.scrollsY, box.scrollsX], [false, false], 'the card scrolls in its frame');
    }
    // Its slider moves its figures.
    const before = await frame.locator('[data-figure="france_usd_per_person"]').first().textContent();
    await frame.locator('#range-eurusd').focus();
    for (let i = 0; i < 10; i++) await frame.locator('#range-eurusd').press('ArrowRight');
    await settled(frame);
    const after = await frame.locator('[data-figure="france_usd_per_person"]').first().textContent();
    assert.notEqual(after, before);
    assert.equal(answer.height <= 1000, /scrolling="no"/.test(answer.html), 'a page taller than WordPress allows keeps its scroll bar');
    if (card) {
      // The news site's own dark-mode switch tells the frame (the host's theme message); the
      // card follows, and keeps its exact height and no scroll bar.
      await page.evaluate(() => document.querySelector('iframe.wp-embedded-content').contentWindow.postMessage({ type: 'pledge-explainer:theme', theme: 'dark' }, '*'));
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), DARK);
      box = await sized();
      assert.deepEqual([box.scrollsY, box.scrollsX], [false, false], 'the dark card scrolls in its frame');
      if (process.env.SCREENSHOTS) await page.screenshot({ path: join(process.env.SCREENSHOTS, `wp-${stem(file).replace('/', '-')}-${width}.png`), fullPage: true });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('each page\'s height in scripts/page-heights.json is within 10 % (or a line) of the page in a frame that wide', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const measured = {};
  const wrong = [];
  for (const entry of PAGES) {
    await page.setContent(`<iframe src="${siteUrl}${entry.file}" width="${entry.width}" height="400" style="border:0"></iframe>`);
    const frame = await explainerFrame(page);
    await waitReady(frame);
    const h = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    measured[entry.file] = h;
    // The listed height is only the frame's first height (the page then says its own), so a
    // line more or less (one wrap that moved with a word) is not wrong; a stale list is.
    if (entry.height == null || Math.abs(h - entry.height) > Math.max(0.1 * h, 48)) wrong.push(`${entry.file} at ${entry.width} px: measured ${h} px, listed ${entry.height ?? 'nothing'}`);
  }
  await context.close();
  if (process.env.UPDATE_HEIGHTS === '1') writeFileSync(HEIGHTS_FILE, `${JSON.stringify(measured, null, 2)}\n`);
  assert.deepEqual(wrong, [], `re-measure with UPDATE_HEIGHTS=1 node --test ${'tests/browser/publish.test.mjs'}`);
});

// ------------------------------------------------------------ oEmbed, share images, og: tags

/** Width and height from a PNG's IHDR. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const entry of PAGES) {
  test(`${entry.file}: oEmbed discovery, its answer, og: tags, absolute alternates`, async () => {
    const html = await (await get(entry.file)).text();
    const pageUrl = `${siteUrl}${entry.file}`;
    const href = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/);
    assert.ok(href, 'discovery link');
    assert.equal(unescape(href[1]), `${siteUrl}oembed/${stem(entry.file)}.json`);
    const response = await get(unescape(href[1]));
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const answer = await response.json();
    const title = metaOf(html, 'og:title');
    // Meta text is plain: the isolates the page keeps figures whole with are left out.
    const text = (fragment) => unescape(fragment.replace(/<[^>]+>/g, '')).replace(/[\u2066-\u2069]/g, '');
    if (entry.card) {
      // A card is shared as its question and answer, the words its page shows.
      assert.equal(title, text(html.match(new RegExp(`<h2 id="card-${entry.card}-q">(.*?)</h2>`))[1]));
      assert.equal(metaOf(html, 'og:description'), text(html.match(/<p class="answer"[^>]*>(.*?)<\/p>/)[1]));
    } else {
      assert.equal(title, unescape(html.match(/<title>([^<]*)<\/title>/)[1]));
      assert.equal(metaOf(html, 'og:description'), unescape(html.match(/<meta name="description" content="([^"]*)">/)[1]));
    }
    assert.deepEqual(
      { version: answer.version, type: answer.type, width: answer.width, height: answer.height, title: answer.title },
      { version: '1.0', type: 'rich', width: entry.width, height: entry.height, title },
    );
    assert.ok(answer.provider_name);
    assert.match(answer.html, new RegExp(`^<blockquote><a href="${pageUrl}">[^<]+</a></blockquote><iframe src="${pageUrl}" width="100%" height="${entry.height}" frameborder="0" marginwidth="0" marginheight="0"( scrolling="no")? title="[^"]+"></iframe>$`));
    const thumb = Buffer.from(await (await get(answer.thumbnail_url)).arrayBuffer());
    assert.deepEqual(pngSize(thumb), { width: answer.thumbnail_width, height: answer.thumbnail_height });
    // A card's thumbnail has the card's own aspect: its frame's.
    if (entry.card) assert.deepEqual(pngSize(thumb), { width: entry.width, height: entry.height });
    // og: and twitter: tags, escaped (the English title has quotation marks in it).
    assert.equal(metaOf(html, 'og:url'), pageUrl);
    assert.equal(metaOf(html, 'og:image'), `${siteUrl}share/${stem(entry.file)}.png`);
    assert.equal(metaOf(html, 'twitter:card'), 'summary_large_image');
    const alt = metaOf(html, 'og:image:alt');
    assert.ok(alt && alt.length > 40, alt);
    assert.match(html, new RegExp(`<link rel="canonical" href="${pageUrl}">`));
    const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)">/g)];
    assert.equal(alternates.length, 3);
    for (const [, , url] of alternates) assert.ok(url.startsWith(siteUrl), url);
  });
}

test('publish.mjs given another folder writes nothing into its own checkout (target/share)', () => {
  const share = join(ROOT, 'target/share');
  const files = existsSync(share) ? readdirSync(share, { recursive: true }).filter((f) => statSync(join(share, f)).isFile()) : [];
  const written = files.filter((f) => statSync(join(share, f)).mtimeMs >= publishedAt);
  assert.deepEqual(written, [], `written into ${share} while publishing another folder`);
});

test('the og: tags escape what they carry', () => {
  const hostile = { title: '"><script>alert(1)</script>', description: "it's <b>", alt: 'a & b "c"', thumbnail: { width: 1, height: 1 } };
  const { tags } = headTags(PAGES[0], hostile, 'https://news.example/x/');
  const html = tags.join('\n');
  assert.doesNotMatch(html, /<script|<b>|"c"/);
  assert.match(html, /content="&#34;&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;"/);
  assert.match(html, /content="a &#38; b &#34;c&#34;"/);
});

test('share images: 1200 × 630 PNGs that decode, one per page and language, each different', async () => {
  const seen = new Map();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl}index.html`);
  for (const entry of PAGES) {
    const path = `share/${stem(entry.file)}.png`;
    const bytes = Buffer.from(await (await get(path)).arrayBuffer());
    assert.deepEqual(pngSize(bytes), SHARE_SIZE);
    const decoded = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, `${siteUrl}${path}`);
    assert.deepEqual(decoded, SHARE_SIZE);
    const key = bytes.toString('base64');
    assert.ok(!seen.has(key), `${path} is the same image as ${seen.get(key)}`);
    seen.set(key, path);
  }
  await context.close();
});

test('without BASE_URL the build leaves out what must be absolute, and keeps the rest', () => {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  assert.equal(metaOf(html, 'og:image'), null);
  assert.equal(metaOf(html, 'og:url'), null);
  assert.doesNotMatch(html, /application\/json\+oembed|rel="canonical"/);
  assert.equal(metaOf(html, 'twitter:card'), 'summary_large_image');
  assert.ok(metaOf(html, 'og:title'));
  assert.match(html, /<link rel="alternate" hreflang="fr" href="index\.fr\.html">/);
  assert.ok(!existsSync(join(ROOT, 'dist/oembed')));
  const { left } = headTags(PAGES[0], { title: 't', description: 'd', alt: 'a', thumbnail: {} }, null);
  assert.deepEqual(left, ['canonical', 'oEmbed discovery', 'og:url', 'og:image']);
});

test('BASE_URL: an absolute http(s) folder, or the build stops and says why', () => {
  assert.equal(baseUrl('https://news.example/explainer'), 'https://news.example/explainer/');
  assert.equal(baseUrl(undefined), null);
  assert.throws(() => baseUrl('news.example/explainer/'), /not an absolute URL/);
  assert.throws(() => baseUrl('javascript:alert(1)'), /only http: and https:/);
  assert.throws(() => baseUrl('https://news.example/?page=2'), /without \? or #/);
});

test('every file a sandboxed frame fetches is served with Access-Control-Allow-Origin: *', async () => {
  const html = await (await get('index.fr.html')).text();
  const files = [
    html.match(/<script type="module" src="([^"]+)"/)[1],
    html.match(/<link rel="modulepreload" href="([^"]+)"/)[1],
    html.match(/<meta name="pledge-explainer-wasm" content="([^"]+)"/)[1],
    html.match(/<meta name="pledge-explainer-pack" content="([^"]+)"/)[1],
  ];
  for (const file of files) assert.equal((await get(file)).headers.get('access-control-allow-origin'), '*', file);
});

// ------------------------------------------------------------ the host's look

async function look(query, { colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(`${siteUrl}index.html${query}`);
  await waitReady(page);
  const state = await page.evaluate(() => ({
    theme: document.documentElement.dataset.theme || null,
    background: getComputedStyle(document.body).backgroundColor,
    accent: getComputedStyle(document.querySelector('#range-eurusd')).accentColor,
    font: getComputedStyle(document.body).fontFamily,
    notices: document.querySelector('#notices').textContent,
  }));
  await context.close();
  return state;
}
const DARK = 'rgb(22, 22, 26)';
const LIGHT = 'rgb(255, 255, 255)';

test('theme=dark and theme=light win over the reader\'s preference; auto follows it', async () => {
  assert.deepEqual(await look('?theme=dark').then((s) => [s.theme, s.background, s.notices]), ['dark', DARK, '']);
  assert.deepEqual(await look('?theme=light', { colorScheme: 'dark' }).then((s) => [s.theme, s.background]), ['light', LIGHT]);
  assert.equal((await look('?theme=auto', { colorScheme: 'dark' })).background, DARK);
  const bad = await look('?theme=purple');
  assert.equal(bad.background, LIGHT);
  assert.match(bad.notices, /Ignored “theme=purple”: use one of .light, dark, auto.\./);
});

test('accent=: a strong colour marks the controls; a weak or malformed one is refused with a notice', async () => {
  const defaults = await look('');
  const strong = await look('?accent=%23c0392b');
  assert.equal(strong.accent, 'rgb(192, 57, 43)');
  assert.equal(strong.notices, '');
  const weak = await look('?accent=%23ffe600'); // yellow: about 1.3:1 on white
  assert.equal(weak.accent, defaults.accent);
  assert.match(weak.notices, /Ignored “accent=#ffe600”: this colour is too faint against the page’s light or dark background/);
  const navy = await look('?accent=000080&theme=dark'); // fine on white, about 1.4:1 on the dark background
  assert.notEqual(navy.accent, 'rgb(0, 0, 128)');
  assert.match(navy.notices, /accent=000080/);
  const malformed = await look('?accent=red;background:url(x)');
  assert.match(malformed.notices, /it is not a colour/);
  const arabic = await look('?accent=%23ffe600&lang=ar');
  assert.match(arabic.notices, /باهت/);
});

test('font= picks one of the listed system stacks, and names the list when it is not one', async () => {
  assert.match((await look('?font=serif')).font, /Georgia/);
  const bad = await look('?font=Comic%20Sans');
  assert.doesNotMatch(bad.font, /Comic/);
  assert.match(bad.notices, /Ignored “font=Comic Sans”: use one of .system, sans, serif, humanist.\./);
});

test('the host\'s theme message is taken from the embedding page only; one from another frame is ignored', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  writeFileSync(join(hostDir, 'theme.html'), `<!doctype html><html><body>
<iframe id="embed" src="${siteUrl}index.html" width="700" height="600"></iframe>
<iframe id="forger" title="forger" width="10" height="10"></iframe></body></html>`);
  await page.goto(`${hostUrl}theme.html`);
  const frame = await explainerFrame(page);
  await waitReady(frame);
  const background = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), LIGHT);
  // Another frame of the host page (same origin as the host) sends the message.
  await page.locator('#forger').evaluate((f) => {
    // Run in the forger's own window (the source of a message is the window whose script sends it).
    f.contentWindow.eval("parent.frames[0].postMessage({ type: 'pledge-explainer:theme', theme: 'dark' }, '*')");
  });
  await page.waitForTimeout(500);
  assert.equal(await background(), LIGHT, 'a message from another frame changed the theme');
  // The embedding page itself.
  await page.evaluate(() => document.querySelector('#embed').contentWindow.postMessage({ type: 'pledge-explainer:theme', theme: 'dark' }, '*'));
  await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await background(), DARK);
  await page.evaluate(() => document.querySelector('#embed').contentWindow.postMessage({ type: 'pledge-explainer:theme', theme: 'auto' }, '*'));
  await frame.waitForFunction(() => !document.documentElement.dataset.theme);
  assert.equal(await background(), LIGHT);
  await context.close();
});

test('embed.js passes data-theme, data-accent and data-font, and sends a later theme as a message', async () => {
  writeFileSync(join(hostDir, 'embed.html'), `<!doctype html><html lang="en"><body>
<pledge-explainer id="el" theme="dark" accent="#c0392b" font="serif"></pledge-explainer>
<div id="div" data-pledge-explainer data-theme="light"></div>
<script src="${siteUrl}embed.js" async></script></body></html>`);
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${hostUrl}embed.html`);
  await page.waitForSelector('#el iframe');
  const src = new URL(await page.locator('#el iframe').getAttribute('src'));
  assert.deepEqual(['theme', 'accent', 'font'].map((k) => src.searchParams.get(k)), ['dark', '#c0392b', 'serif']);
  assert.equal(new URL(await page.locator('#div iframe').getAttribute('src')).searchParams.get('theme'), 'light');
  const frame = await (await page.locator('#el iframe').elementHandle()).contentFrame();
  await waitReady(frame);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), DARK);
  await page.locator('#el').evaluate((el) => el.setAttribute('theme', 'light'));
  await frame.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.equal(await page.locator('#el iframe').getAttribute('src'), src.href, 'not reloaded');
  await context.close();
});
