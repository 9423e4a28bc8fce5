// Issue #38: the cards in a real WordPress (Debian's 6.1, Twenty Twenty-Three, MariaDB, PHP's
// built-in server: tests/wordpress/wordpress.mjs), posted as a journalist does (a card's URL
// pasted on its own line, the classic editor's paste; an embed block; a URL with moved
// assumptions; English and Arabic), read in headless Chromium at 375 and 1280 px, first as
// WordPress does it alone (the static oEmbed answer publish.mjs writes), then with the
// newsroom's plugin (wordpress/pledge-explainer/) installed and its settings saved.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch, waitReady, settled } from '../browser/helpers.mjs';
import { startWordPress, missing } from './wordpress.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 22, 26)';
const WIDTHS = [375, 1280];

let browser, site, siteDir, siteUrl, wp;
const posts = {};

/** Each post as a journalist makes it; `url` is the card's address pasted. */
const POSTS = [
  { name: 'paste', url: 'cards/claim.html', how: 'paste', lang: 'en' },
  { name: 'block', url: 'cards/claim.html', how: 'block', lang: 'en' },
  { name: 'moved', url: 'cards/claim.html?eurusd=1.1', how: 'paste', lang: 'en' },
  { name: 'arabic', url: 'cards/claim.ar.html', how: 'paste', lang: 'ar' },
  { name: 'arabic-block', url: 'cards/gdp.ar.html', how: 'block', lang: 'ar' },
  { name: 'sources', url: 'cards/sources.html', how: 'paste', lang: 'en' },
];
const PROSE = {
  en: ['Macron says France’s package matches Stargate per person.', 'Move the exchange rate to see when it holds.'],
  ar: ['يقول ماكرون إن حزمة فرنسا تعادل ستارغيت لكل فرد.', 'حرّك سعر الصرف لترى متى يصحّ ذلك.'],
};

/** A post's content as WordPress stores it: the classic editor's paste, or the block editor's embed block. */
function content({ url, how, lang }) {
  const full = `${siteUrl}${url}`;
  const [a, b] = PROSE[lang];
  if (how === 'paste') return `${a}\n\n${full}\n\n${b}`;
  const p = (t) => `<!-- wp:paragraph -->\n<p>${t}</p>\n<!-- /wp:paragraph -->`;
  return `${p(a)}\n\n<!-- wp:embed {"url":"${full}","type":"rich","providerNameSlug":"pledge-explainer"} -->
<figure class="wp-block-embed is-type-rich is-provider-pledge-explainer wp-block-embed-pledge-explainer"><div class="wp-block-embed__wrapper">
${full}
</div></figure>
<!-- /wp:embed -->\n\n${p(b)}`;
}

before(async () => {
  const lack = missing();
  assert.equal(lack, null, `${lack} is missing: scripts/setup.sh test installs Debian's wordpress, mariadb-server and php`);
  // The site, published with its public address as `make build BASE_URL=…` does, into a copy
  // of dist/; "localhost" is another origin than WordPress's 127.0.0.1.
  siteDir = mkdtempSync(join(tmpdir(), 'pledge-wp-site-'));
  cpSync(join(ROOT, 'dist'), siteDir, { recursive: true });
  site = await startServer({ root: siteDir });
  siteUrl = site.url.replace('127.0.0.1', 'localhost');
  execFileSync('node', [join(ROOT, 'scripts/publish.mjs'), siteDir], { env: { ...process.env, BASE_URL: siteUrl }, stdio: 'pipe' });
  wp = await startWordPress({ env: { PLEDGE_EXPLAINER_PORT: new URL(siteUrl).port } });
  for (const post of POSTS) {
    const title = post.lang === 'ar' ? 'هل تعادل حزمة فرنسا ستارغيت؟' : 'Does France’s package match Stargate?';
    posts[post.name] = wp.php(`return wp_insert_post(array('post_title' => ${phpString(title)}, 'post_content' => ${phpString(content(post))}, 'post_status' => 'publish', 'post_author' => 1), true);`);
    assert.equal(typeof posts[post.name], 'number', JSON.stringify(posts[post.name]));
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await wp?.stop();
  site?.server.close();
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

/** The post as a reader sees it, to look at: target/shots/wordpress/<name>.png. */
const SHOTS = join(ROOT, 'target/shots/wordpress');
async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const phpString = (s) => `base64_decode('${Buffer.from(s).toString('base64')}')`;

/** Opens a post; resolves once the explainer's frame is ready and WordPress has sized it. */
async function open(name, width, { colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    // PHP's server has no rewrite to send /favicon.ico to WordPress (do_favicon()): the host's, not the card's.
    if (m.type() === 'error' && m.location().url !== `${wp.url}/favicon.ico`) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const r = await page.goto(`${wp.url}/?p=${posts[name]}`);
  assert.equal(r.status(), 200);
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(siteUrl));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, `no explainer frame in the post: ${(await page.content()).match(/<div class="entry-content[\s\S]{0,600}/)?.[0]}`);
  await waitReady(frame);
  const iframe = await frame.frameElement();
  return { context, page, frame, iframe, errors };
}

/** The frame's size in the post, its content's height, its column, and whether anything scrolls. */
async function measure(page, frame, iframe, { clamp }) {
  const inner = () => frame.evaluate(() => {
    const el = document.scrollingElement;
    return {
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      scrollsY: el.scrollHeight > el.clientHeight, scrollsX: el.scrollWidth > el.clientWidth,
      scroll: `${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
    };
  });
  const outer = () => iframe.evaluate((f) => {
    const col = f.parentElement;
    const cs = getComputedStyle(col);
    const r = f.getBoundingClientRect();
    return {
      width: Math.round(r.width), height: Math.round(r.height),
      column: Math.round(col.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)),
      pageScrollsX: document.documentElement.scrollWidth > innerWidth,
    };
  });
  const want = (h) => (clamp ? Math.min(1000, Math.max(200, h)) : h);
  // Settled: the frame at its content's height, nothing scrolling, twice in a row (a card that
  // grows scrolls for a moment, until its host has read the new height). At most 5 s.
  let i, o, good = 0;
  for (let n = 0; n < 50 && good < 2; n++) {
    [i, o] = [await inner(), await outer()];
    good = o.height === want(i.content) && !i.scrollsY && !i.scrollsX && (await inner()).content === i.content ? good + 1 : 0;
    if (good < 2) await page.waitForTimeout(100);
  }
  return { ...i, ...o, want: want(i.content) };
}

const SLIDERS = { claim: ['#range-eurusd', 'france_usd_per_person'], gdp: ['#range-gdp_fr', 'gdp_share_ratio'] };

/** The checks every post gets at every width, with or without the plugin. */
async function readPost(post, width, { clamp, sandboxed, first = async () => {} }) {
  const { context, page, frame, iframe, errors } = await open(post.name, width);
  await first(frame);
  const m = await measure(page, frame, iframe, { clamp });
  const what = `${post.name} at ${width} px: frame ${m.width}×${m.height}, column ${m.column}, content ${m.content}`;
  console.log(`# ${clamp ? 'without' : 'with'} the plugin: ${what}`);
  assert.ok(m.width <= m.column, `${what}: the frame is wider than its column`);
  assert.ok(m.width >= m.column - 1, `${what}: the frame does not fill its column`);
  assert.equal(m.pageScrollsX, false, `${what}: the post scrolls sideways`);
  assert.equal(m.height, m.want, `${what}: not its content's height`);
  assert.deepEqual([m.scrollsY, m.scrollsX], [false, false], `${what}: the card scrolls in its frame (${m.scroll})`);
  assert.equal(await frame.evaluate(() => origin === 'null'), sandboxed, 'sandboxed (an opaque origin)');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), LIGHT, 'a light host, a light card');
  const card = post.url.match(/cards\/(\w+)/)[1];
  if (SLIDERS[card]) {
    const [slider, key] = SLIDERS[card];
    const figure = frame.locator(`[data-figure="${key}"]`).first();
    const before = await figure.textContent();
    await frame.locator(slider).focus();
    for (let k = 0; k < 2; k++) await frame.locator(slider).press('PageUp'); // a tenth of its range each
    await settled(frame);
    assert.notEqual(await figure.textContent(), before, `${what}: the slider did not move the answer`);
    // The card grew or shrank with its answer: still exactly its height.
    const again = await measure(page, frame, iframe, { clamp });
    assert.equal(again.height, again.want, `${what}: after the slider, frame ${again.height} for content ${again.content}`);
  }
  assert.deepEqual(errors, [], `${what}: console errors`);
  return { context, page, frame, iframe, m };
}

describe('WordPress alone (the static oEmbed answer)', () => {
  for (const post of POSTS) {
    for (const width of WIDTHS) {
      test(`${post.how === 'paste' ? 'classic paste' : 'embed block'} of ${post.url} at ${width} px: fits its column, its content's height (200–1000 px), interactive`, async () => {
        // WordPress asks the static answer nothing of the pasted URL's query: the defaults.
        const first = async (frame) => post.name === 'moved' && assert.notEqual(await frame.locator('#number-eurusd').inputValue(), '1.1');
        const { context, page } = await readPost(post, width, { clamp: true, sandboxed: true, first });
        await shot(page, `alone-${post.name}-${width}`);
        await context.close();
      });
    }
  }

  test('a dark device: the card stays light like its host', async () => {
    const { context, frame } = await open('paste', 375, { colorScheme: 'dark' });
    assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), LIGHT);
    await context.close();
  });

  test('"Full explainer" takes the reader there (wp-embed.js); a source is shown to copy; a download leads to the card\'s page', async () => {
    const { context, page, frame } = await open('paste', 375);
    const source = frame.locator('.card-source a').first();
    await source.click();
    const copy = frame.locator('.card-foot .copy-status input');
    await copy.waitFor({ timeout: 5000 });
    assert.equal(await copy.inputValue(), await source.getAttribute('href'));
    await frame.locator('.card-foot .copy-status').evaluate((n) => n.remove());
    await frame.locator('.card-data').click();
    const notice = frame.locator('.card-foot .copy-status a');
    await notice.waitFor({ timeout: 5000 });
    assert.equal(new URL(await notice.getAttribute('href')).pathname, '/cards/claim.html');
    await frame.locator('.card-full').click();
    await page.waitForURL((u) => u.href.startsWith(`${siteUrl}index.html`), { timeout: 5000 });
    await context.close();
  });
});

describe('WordPress with the newsroom\'s plugin', () => {
  before(() => {
    cpSync(join(ROOT, 'wordpress/pledge-explainer'), join(wp.dir, 'site/wp-content/plugins/pledge-explainer'), { recursive: true });
    const r = wp.php(`
      require_once ABSPATH . 'wp-admin/includes/plugin.php';
      $r = activate_plugin('pledge-explainer/pledge-explainer.php');
      if (is_wp_error($r)) return $r->get_error_message();
      update_option('pledge_explainer', array('base' => ${phpString(siteUrl)}, 'theme' => '', 'accent' => '', 'font' => ''));
      return get_option('active_plugins');`);
    assert.deepEqual(r, ['pledge-explainer/pledge-explainer.php']);
  });

  for (const post of POSTS) {
    for (const width of WIDTHS) {
      test(`${post.how === 'paste' ? 'classic paste' : 'embed block'} of ${post.url} at ${width} px: fills its column, exactly its content's height, interactive`, async () => {
        // The pasted URL's query is the frame's.
        const first = async (frame) => post.name === 'moved' && assert.equal(await frame.locator('#number-eurusd').inputValue(), '1.1');
        const { context, page } = await readPost(post, width, { clamp: false, sandboxed: false, first });
        await shot(page, `plugin-${post.name}-${width}`);
        await context.close();
      });
    }
  }

  test('links open the reader a tab; downloads download', async () => {
    const { context, page, frame } = await open('paste', 375);
    // The sources' own sites, which this machine cannot reach: a page of their own.
    await context.route((u) => !['localhost', '127.0.0.1'].includes(u.hostname), (r) => r.fulfill({ contentType: 'text/html', body: '<title>a source</title>' }));
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }), frame.locator('.card-full').click()]);
    assert.match(popup.url(), new RegExp(`^${siteUrl}index\\.html`));
    const source = frame.locator('.card-source a').first();
    const href = await source.getAttribute('href');
    const [other] = await Promise.all([page.waitForEvent('popup', { timeout: 5000 }), source.click()]);
    await other.waitForURL((u) => u.href !== 'about:blank', { timeout: 5000, waitUntil: 'commit' }).catch(() => {});
    assert.equal(other.url(), href);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), frame.locator('.card-data').click()]);
    assert.match(download.suggestedFilename(), /^figures-en\.csv$/);
    await context.close();
  });

  test('the plugin\'s settings (a dark site, its accent, its font) reach the card; the pasted URL\'s own theme wins', async () => {
    wp.php(`update_option('pledge_explainer', array('base' => ${phpString(siteUrl)}, 'theme' => 'dark', 'accent' => '#c0392b', 'font' => 'serif')); return true;`);
    const { context, frame } = await open('paste', 1280);
    assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), DARK);
    const src = new URL(frame.url());
    assert.deepEqual([src.searchParams.get('theme'), src.searchParams.get('accent'), src.searchParams.get('font')], ['dark', '#c0392b', 'serif']);
    await context.close();
  });
});
