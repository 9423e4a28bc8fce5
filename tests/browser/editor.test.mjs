// The story editor (editor.html): a newsroom builds the EU InvestAI story from an empty form by
// typing, reaches a valid dataset, saves the same file as data/eu-investai-2025.json and sees
// its verdict in the preview; every bad input is refused with the core's words and the draft
// is kept; the draft survives a reload; labels, errors and axe for keyboard and screen readers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDist } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const EU_TEXT = readFileSync(`${ROOT}data/eu-investai-2025.json`, 'utf8');
const EU = JSON.parse(EU_TEXT);
const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const HOSTILE = '<img src=x onerror="window.__xss=1">';

const env = useDist(before, after);

async function openEditor({ width = 1280, lang = 'en', context: existing } = {}) {
  const context = existing || await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  // Any refusal by the strict policy (inline code, a foreign request) counts as an error.
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${env.url}editor.html?lang=${lang}`);
  await page.waitForSelector('html.ready', { timeout: 15000 });
  return { page, context, errors };
}

/** A form field by the JSON path the core names it with (sources by their place in the list). */
const field = (page, path) => page.locator(`[id="f-${path}"]`);

/** Opens the folded groups around a field, as a writer would: by clicking their summaries. */
async function unfold(page, locator) {
  const closed = await locator.evaluate((node) => {
    const out = [];
    for (let d = node.closest('details'); d; d = d.parentElement.closest('details')) if (!d.open) out.unshift(d.id);
    return out;
  });
  for (const id of closed) await page.locator(`[id="${id}"] > summary`).click();
}

async function type(page, path, value) {
  const f = field(page, path);
  await unfold(page, f);
  if (await f.evaluate((n) => n.tagName === 'SELECT')) await f.selectOption(String(value));
  else await f.fill(String(value));
}

/** Every leaf of a JSON value with its path as the core writes it, in the file's order. */
function* leaves(value, path = '') {
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    for (const [k, v] of Object.entries(value)) {
      yield* leaves(v, Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    }
  } else yield [path, value];
}

/** Types a whole dataset into the editor's empty form, field by field, as a journalist would. */
async function typeStory(page, data) {
  await page.click('#new-story');
  const sourceIds = Object.keys(data.sources);
  for (const [i, id] of sourceIds.entries()) {
    await page.click(`[data-add='["sources"]']`);
    await type(page, `sources[${i}].id`, id);
  }
  const pledgesAdded = new Set();
  const caveatsAdded = new Set();
  for (const [path, value] of leaves(data)) {
    if (path === 'schema_version') continue;
    let m;
    if ((m = path.match(/^sources\.([^.]+)\.(\w+)$/))) {
      await type(page, `sources[${sourceIds.indexOf(m[1])}].${m[2]}`, value);
    } else if ((m = path.match(/^subject\.pledges\[(\d+)\]\.(\w+)/))) {
      const i = Number(m[1]);
      if (!pledgesAdded.has(i)) {
        pledgesAdded.add(i);
        await page.click(`[data-add='["subject","pledges"]']`);
      }
      const pledge = data.subject.pledges[i];
      if (m[2] === 'high_bn' && pledge.low_bn === pledge.high_bn) continue; // one amount
      if (m[2] === 'low_bn') {
        await page.locator(`[id="amount-subject.pledges[${i}]-${pledge.low_bn === pledge.high_bn ? 'one' : 'range'}"]`).check();
      }
      await type(page, path, value);
    } else if ((m = path.match(/^caveats\[(\d+)\]\.(\w+)/))) {
      const i = Number(m[1]);
      if (!caveatsAdded.has(i)) {
        caveatsAdded.add(i);
        await page.click(`[data-add='["caveats"]']`);
      }
      if (m[2] === 'sources') {
        await page.locator(`input[data-checks='["caveats",${i},"sources"]'][value="${value}"]`).check();
      } else await type(page, path, value);
    } else await type(page, path, value);
  }
}

async function saved(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Opens a shipped story and waits until it is in the form (the file is fetched). */
async function openShipped(page, path) {
  await page.selectOption('#shipped', path);
  await page.click('#open-shipped');
  // "Opened data/….json." in the editor's language: the path is in every one.
  await page.waitForFunction((p) => document.querySelector('#messages').textContent.includes(p) && document.querySelector('#undo'), path);
}

/** Switches the editor's language and waits for the core's words in it. */
async function switchLanguage(page, lang) {
  await page.selectOption('#lang', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const problemCount = (page) => page.locator('#summary-list li').count();
const preview = (page) => page.frameLocator('#preview-frame iframe');

async function previewShows(page, json) {
  await page.waitForFunction((expected) => {
    const frame = document.querySelector('#preview-frame iframe');
    return frame && frame.dataset.shown === 'true' && JSON.parse(expected).title.en === frame.contentDocument.querySelector('#title').textContent;
  }, json, { timeout: 15000 });
}

test('builds the EU InvestAI story from an empty form by typing, and saves the same file', async () => {
  const { page, context, errors } = await openEditor();
  await typeStory(page, EU);
  assert.equal(await problemCount(page), 0, await page.locator('#summary').textContent());
  assert.equal(await page.locator('#summary-count').textContent(), 'The dataset is valid; the preview is up to date.');

  const file = await saved(page);
  assert.equal(file.name, 'eu-investai-2025.json');
  // Field by field, then the text itself: same key order and layout, so a diff is empty.
  const got = JSON.parse(file.text);
  for (const [path, value] of leaves(EU)) {
    assert.deepEqual([...leaves(got)].find(([p]) => p === path), [path, value], path);
  }
  assert.deepEqual(got, EU);
  assert.equal(file.text, EU_TEXT);

  // The preview is the explainer itself, with this story's verdict.
  await previewShows(page, file.text);
  const summary = JSON.parse(execFileSync(`${ROOT}target/release/pledge-explainer`, ['summary', '--dataset', `${ROOT}data/eu-investai-2025.json`, '--json'], { encoding: 'utf8' }));
  const frame = preview(page);
  const verdict = frame.locator('#verdict');
  assert.equal(await verdict.getAttribute('data-verdict'), 'less');
  assert.ok(summary.per_person_ratio < 0.5);
  assert.match(await frame.locator('#prose').textContent(), /\$460 per person/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each problem is shown by its field, named in a summary that links to it, and the preview follows within a frame', async () => {
  const { page, context, errors } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await previewShows(page, EU_TEXT);
  assert.equal(await problemCount(page), 0);

  // A negative amount: the core's message beside the field, tied to it for screen readers.
  await page.locator('[id="amount-subject.pledges[0]-range"]').check();
  await field(page, 'subject.pledges[0].low_bn').fill('-5');
  const low = field(page, 'subject.pledges[0].low_bn');
  assert.equal(await low.getAttribute('aria-invalid'), 'true');
  const describedBy = await low.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /is negative/);
  assert.equal(await problemCount(page), 1);
  assert.match(await page.locator('#summary-count').textContent(), /^1 problem: the preview shows the last valid version\.$/);
  // The summary's link takes the keyboard to the field.
  await page.locator('#summary-list a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-subject.pledges[0].low_bn');
  // The preview keeps the last valid story meanwhile; nothing typed is lost.
  assert.equal(await field(page, 'subject.pledges[0].low_bn').inputValue(), '-5');

  // "Named without an amount" by mistake: the amounts come back with the range.
  await page.locator('[id="amount-subject.pledges[0]-none"]').check();
  assert.equal(await field(page, 'subject.pledges[0].low_bn').count(), 0);
  await page.locator('[id="amount-subject.pledges[0]-range"]').check();
  assert.equal(await field(page, 'subject.pledges[0].low_bn').inputValue(), '-5');

  // Fixed: the preview follows with the new figure.
  await low.fill('100');
  await field(page, 'subject.pledges[0].high_bn').fill('150');
  await field(page, 'title.en').fill('InvestAI, a range');
  assert.equal(await problemCount(page), 0);
  await page.waitForFunction(() => document.querySelector('#preview-frame iframe').contentDocument.querySelector('#title').textContent === 'InvestAI, a range');
  assert.match(await preview(page).locator('#sources-body, #figures').first().textContent(), /./);

  // A missing required field and a number typed as words, in French: the core's words.
  await switchLanguage(page, 'fr');
  await field(page, 'subject.population_m.value').fill('');
  await field(page, 'exchange_rate.value').fill('un virgule zéro trois');
  const messages = await page.locator('#summary-list').textContent();
  assert.match(messages, /Population \(millions\) › Valeur: est obligatoire et manque/);
  assert.match(messages, /attendu\u00a0: un nombre, trouvé\u00a0: du texte/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a source renamed carries its citations; removing and moving items works from the keyboard', async () => {
  const { page, context } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await field(page, 'sources[0].id').fill('ec-press-release');
  assert.equal(await problemCount(page), 0, 'the figures citing it follow the new id');
  assert.equal(await field(page, 'subject.announced_bn.source').inputValue(), 'ec-press-release');
  // Two sources with one id: said at the field, not a JSON error.
  await field(page, 'sources[1].id').fill('ec-press-release');
  assert.match(await page.locator('[id="e-sources[1].id"]').textContent(), /another source has the same id/);
  await field(page, 'sources[1].id').fill('verdict-2025-02-12');

  const names = () => page.locator('fieldset.item[id^="g-subject.pledges["] > legend').allTextContents();
  assert.deepEqual(await names(), ['Pledge 1: EU AI Champions Initiative (20+ investors)', 'Pledge 2: European Commission (incl. €20bn for AI gigafactories)']);
  await page.locator('[id="down-subject.pledges[0]"]').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual((await names()).map((n) => n.slice(0, 10)), ['Pledge 1: ', 'Pledge 2: ']);
  assert.match((await names())[0], /European Commission/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'up-subject.pledges[1]', 'focus follows the moved item');
  await page.locator('[id="remove-subject.pledges[1]"]').click();
  assert.equal((await names()).length, 1);
  await context.close();
});

test('a file dropped on the page opens; a draft with problems can still be saved, and says so', async () => {
  const { page, context, errors } = await openEditor();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.querySelector('#form').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, EU_TEXT);
  await page.waitForFunction(() => /^Opened dropped\.json\./.test(document.querySelector('#messages').textContent));
  assert.equal(await field(page, 'id').inputValue(), 'eu-investai-2025');
  await field(page, 'exchange_rate.value').fill('');
  const file = await saved(page);
  assert.match(await page.locator('#messages').textContent(), /^Saved eu-investai-2025\.json\. Problems left: 1; the explainer will refuse the file until they are fixed\./);
  assert.equal(JSON.parse(file.text).exchange_rate.value, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the draft survives a reload, and the editor says so', async () => {
  const { page, context } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await field(page, 'title.en').fill('My draft headline');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('pledge-explainer:editor-draft') || '{}').model?.title?.en === 'My draft headline');
  assert.match(await page.locator('#draft-status').textContent(), /^Draft kept in this browser at /);
  await page.reload();
  await page.waitForSelector('html.ready');
  assert.equal(await field(page, 'title.en').inputValue(), 'My draft headline');
  assert.match(await page.locator('#messages').textContent(), /Your draft from .* was restored from this browser\./);
  // Opening another story can be undone.
  await page.click('#new-story');
  assert.equal(await field(page, 'title.en').inputValue(), '');
  await page.click('#undo');
  assert.equal(await field(page, 'title.en').inputValue(), 'My draft headline');
  await context.close();
});

test('a draft in storage the editor cannot read is set aside, and the editor starts', async () => {
  const { page, context } = await openEditor();
  await page.evaluate(() => localStorage.setItem('pledge-explainer:editor-draft', JSON.stringify({ saved: 'x', model: { sources: 'not a list', subject: 7 } })));
  await page.reload();
  await page.waitForSelector('html.ready');
  assert.match(await page.locator('#messages').textContent(), /could not be read; it is set aside/);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('pledge-explainer:editor-draft:unreadable'))).model.sources, 'not a list');
  await field(page, 'id').fill('works-again');
  assert.equal(await field(page, 'id').inputValue(), 'works-again');
  await context.close();
});

test('bad input is refused with a clear message, the editor keeps working and the draft is kept', async () => {
  const { page, context, errors } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await field(page, 'title.en').fill('Kept headline');
  const kept = async () => {
    assert.equal(await field(page, 'title.en').inputValue(), 'Kept headline');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('pledge-explainer:editor-draft') || '{}').model?.title?.en === 'Kept headline');
  };
  let last = '';
  /** The editor's message (a refusal, or else), once the asynchronous reading has produced it. */
  const refusal = async () => {
    await page.waitForFunction((before) => {
      const text = document.querySelector('#messages').textContent;
      return text && text !== before;
    }, last);
    last = await page.locator('#messages').textContent();
    return last;
  };
  const paste = async (text) => {
    await page.locator('.paste > summary').click({ force: true });
    await page.evaluate(() => { document.querySelector('.paste').open = true; });
    await page.fill('#paste-text', text);
    await page.click('#open-pasted');
  };

  await paste('{"schema_version": 1, "id": ');
  assert.match(await refusal(), /^Paste a dataset was not opened, and your draft is unchanged:not valid JSON at line 1, column 29/);
  await kept();

  const huge = join(mkdtempSync(join(tmpdir(), 'pledge-editor-')), 'huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.setInputFiles('#open-file', huge);
  assert.match(await refusal(), /huge\.json was not opened.*larger than 1 MB/);
  await kept();

  await page.setInputFiles('#open-file', { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...EU, schema_version: 2 })) });
  assert.match(await refusal(), /future\.json was not opened.*schema_version: schema version 2 is not supported/);
  await kept();

  await page.setInputFiles('#open-file', { name: 'extra.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...EU, chart_colour: 'red' })) });
  assert.match(await refusal(), /extra\.json was not opened.*would be lost:chart_colour/);
  await kept();

  await paste('[1, 2, 3]');
  assert.match(await refusal(), /expected a group of fields \(object\), found a list/);
  await kept();

  // Hostile labels are data: typed, shown as text in the preview, never run.
  await field(page, 'title.en').fill(HOSTILE);
  await field(page, 'subject.pledges[0].name.en').fill(`${HOSTILE}2`);
  await page.waitForFunction((h) => document.querySelector('#preview-frame iframe').contentDocument.querySelector('#title').textContent === h, HOSTILE);
  assert.equal(await preview(page).locator('img[src=x]').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss || document.querySelector('#preview-frame iframe').contentWindow.__xss), undefined);
  // A file with hostile labels opens (they are valid data) and stays inert.
  const hostile = structuredClone(EU);
  hostile.subject.package.en = HOSTILE;
  await page.setInputFiles('#open-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  assert.match(await refusal(), /^Opened hostile\.json\./);
  assert.equal(await field(page, 'subject.package.en').inputValue(), HOSTILE);
  assert.equal(await page.locator('img[src=x]').count(), 0);
  // The editor still works after all of it.
  assert.equal(await problemCount(page), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy embed code names the saved file; the page makes no request elsewhere', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
  const foreign = [];
  context.on('request', (r) => { if (!r.url().startsWith(env.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const { page } = await openEditor({ context });
  await openShipped(page, 'data/eu-investai-2025.json');
  await page.click('#copy-embed');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, `<div data-pledge-explainer data-lang="en" data-dataset="data/eu-investai-2025.json"></div><script src="${env.url}embed.js" async></script>`);
  // The code works on a host page: the frame shows the story from the named file.
  const host = await context.newPage();
  await host.setContent(`<!doctype html><html lang="en"><body><p>An article.</p>${code}</body></html>`);
  const story = host.frameLocator('iframe');
  await story.locator('html:not(.relabel) #title').filter({ hasText: EU.title.en }).waitFor({ timeout: 15000 });
  await host.close();
  await page.fill('#publish-path', 'stories/our-story.json');
  await page.click('#copy-embed');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /data-dataset="stories\/our-story\.json"/);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('Arabic: the editor is right to left, Arabic fields too, and the preview is in Arabic', async () => {
  const { page, context, errors } = await openEditor({ lang: 'ar', width: 375 });
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await openShipped(page, 'data/eu-investai-2025.json');
  assert.equal(await field(page, 'title.ar').getAttribute('dir'), 'rtl');
  assert.equal(await field(page, 'title.en').getAttribute('dir'), 'ltr');
  await previewShows(page, JSON.stringify({ title: { en: EU.title.ar } }));
  assert.equal(await preview(page).locator('html').getAttribute('dir'), 'rtl');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const lang of ['en', 'ar']) {
  test(`axe-core finds no serious or critical violation in the editor (${lang})`, async () => {
    const { page, context } = await openEditor({ lang });
    await openShipped(page, 'data/eu-investai-2025.json');
    await field(page, 'subject.population_m.value').fill(''); // with problems shown
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
    await context.close();
  });
}
