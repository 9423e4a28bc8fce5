// The story editor (editor.html): guided steps in story order; a new story opens on a valid,
// marked example with nothing in red and a preview at once; a problem shows at a field only once
// the field is touched, and all are listed when the journalist asks to publish; the EU InvestAI
// story is built through the steps, its sources and pledges pasted as tab-separated tables, and
// saves the same file as data/eu-investai-2025.json; a table with a bad cell names its row and
// column and changes nothing; "Download as one file" gives a file that works from file://;
// every bad input is refused with the core's words and the draft is kept; the draft survives a
// reload; labels, errors and axe for keyboard and screen readers; Arabic at 375 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useDist, waitReady } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const EU_TEXT = readFileSync(`${ROOT}data/eu-investai-2025.json`, 'utf8');
const EU = JSON.parse(EU_TEXT);
const EXAMPLE = JSON.parse(readFileSync(`${ROOT}www/editor-example.json`, 'utf8'));
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

/**
 * The step a field is on, as the editor places them (1 package, 2 comparison, 3 pledges,
 * 4 claims, 5 sources and caveats, 6 languages, 7 publish), counted from 0.
 */
function stepOf(path) {
  if (/(^|\.)(fr|ar)$/.test(path) && !path.startsWith('sources') && !/\.(quoted_in|forms)\./.test(path)) return 5;
  if (path.startsWith('subject.pledges')) return 2;
  const top = path.split(/[.[]/)[0];
  return { id: 0, title: 0, subject: 0, benchmark: 1, exchange_rate: 1, ranges: 1, claim: 3, gdp_claim: 3, energy: 3, sources: 4, caveats: 4, reported: 4 }[top];
}

/** Goes to step `n` by its button in the progress line, as a journalist would. */
async function goStep(page, n) {
  const button = page.locator(`#steps button[data-step="${n}"]`);
  if (await button.getAttribute('aria-current') !== 'step') await button.click();
  await page.waitForFunction((i) => document.querySelector(`#steps button[data-step="${i}"]`).getAttribute('aria-current') === 'step', n);
}

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
  await goStep(page, stepOf(path));
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

/** Rows as a spreadsheet copies them: tab-separated, a cell with a quote, tab or line break quoted. */
const tsv = (rows) => rows.map((r) => r.map((c) => (/["\t\n]/.test(String(c ?? '')) ? `"${String(c).replace(/"/g, '""')}"` : String(c ?? ''))).join('\t')).join('\n');

/** Pastes a table into the step's paste box and reads it; returns the status line. */
async function pasteTable(page, kind, text) {
  await goStep(page, kind === 'sources' ? 4 : 2);
  const box = page.locator(`#table-${kind}-box`);
  if (!(await box.evaluate((d) => d.open))) await box.locator('summary').click();
  await page.fill(`#table-${kind}`, text);
  await page.click(`button[data-table="read"][data-kind="${kind}"]`);
  return page.locator(`#table-${kind}-status`).textContent();
}

/**
 * Builds a whole dataset through the steps from the example, as a journalist would: the sources
 * and the pledges pasted as tables from a spreadsheet, every other field typed over the example.
 */
async function buildStory(page, data) {
  await page.click('#new-story');
  const sourceIds = Object.keys(data.sources);
  const fields = ['publisher', 'title', 'date', 'url', 'note'];
  const sourceRows = [['Id', 'Publisher', 'Title', 'Date', 'URL', 'Note'], ...sourceIds.map((id) => [id, ...fields.map((f) => data.sources[id][f])])];
  assert.match(await pasteTable(page, 'sources', tsv(sourceRows)), /^6 rows read, ready/);
  await page.click('button[data-table="replace"][data-kind="sources"]');
  // Each title's language, and the publisher's name in each language, typed beside its source.
  for (const [i, id] of sourceIds.entries()) {
    if (data.sources[id].lang) await type(page, `sources[${i}].lang`, data.sources[id].lang);
    for (const [lang, name] of Object.entries(data.sources[id].publisher_names || {})) {
      await type(page, `sources[${i}].publisher_names.${lang}`, name);
    }
  }
  const pledgeRows = [['Investor', 'Low', 'High', 'Source', 'As of'], ...data.subject.pledges.map((p) => [p.name.en, p.low_bn, p.high_bn, p.source, p.as_of])];
  assert.match(await pasteTable(page, 'pledges', tsv(pledgeRows)), /^2 rows read, ready/);
  await page.click('button[data-table="replace"][data-kind="pledges"]');
  for (const [path, value] of leaves(data)) {
    if (path === 'schema_version' || path.startsWith('sources.')) continue;
    if (/^subject\.pledges\[\d+\]\.(name\.en|low_bn|high_bn|source|as_of)$/.test(path)) continue; // from the table
    if (/^caveats\[\d+\]\.sources/.test(path)) continue;
    await type(page, path, value);
  }
  // The example's caveat rests on the example source: the writer ticks the story's own instead.
  for (const [i, caveat] of data.caveats.entries()) {
    await goStep(page, 4);
    for (const box of await page.locator(`input[data-checks='["caveats",${i},"sources"]']`).all()) {
      if (caveat.sources.includes(await box.getAttribute('value'))) await box.check();
      else await box.uncheck();
    }
  }
}

async function saved(page) {
  await goStep(page, 6);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Starts from a shipped story and waits until it is in the form (the file is fetched). */
async function openShipped(page, path) {
  await page.click(`[data-start="${path}"]`);
  // "Opened data/….json." in the editor's language: the path is in every one.
  await page.waitForFunction((p) => document.querySelector('#messages').textContent.includes(p) && document.querySelector('#undo'), path);
}

/** Switches the editor's language and waits for the core's words in it. */
async function switchLanguage(page, lang) {
  await page.selectOption('#lang', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const problemCount = (page) => page.locator('#summary-list li').count();
/** Problems shown beside fields (not the summary's list). */
const shownProblems = (page) => page.locator('#form .error:not([hidden])').allTextContents();
const preview = (page) => page.frameLocator('#preview-frame iframe');

async function previewShows(page, json) {
  await page.waitForFunction((expected) => {
    const frame = document.querySelector('#preview-frame iframe');
    return frame && frame.dataset.shown === 'true' && JSON.parse(expected).title.en === frame.contentDocument.querySelector('#title').textContent;
  }, json, { timeout: 15000 });
}

test('a new story opens on a valid, marked example: no problem shown at any step, and a preview at once', async () => {
  const { page, context, errors } = await openEditor();
  // The first visit opens the example; "a new story" opens it again.
  await previewShows(page, JSON.stringify(EXAMPLE));
  assert.equal(await field(page, 'title.en').inputValue(), EXAMPLE.title.en);
  await page.click('#new-story');
  assert.match(await page.locator('#messages').textContent(), /^Started a new story from the example\./);
  assert.equal(await page.locator('#progress').textContent(), 'Step 1 of 7: The package');
  for (let n = 0; n < 6; n++) {
    await goStep(page, n);
    assert.deepEqual(await shownProblems(page), [], `step ${n + 1}`);
    assert.equal(await page.locator('[aria-invalid=true]').count(), 0);
    assert.equal(await page.locator('#summary-count').textContent(), 'The dataset is valid; the preview is up to date.');
  }
  // Each step shows its own fields only.
  await goStep(page, 1);
  assert.equal(await field(page, 'title.en').count(), 0);
  assert.equal(await field(page, 'benchmark.amount_bn.value').inputValue(), '500');
  await goStep(page, 5);
  assert.equal(await field(page, 'title.en').count(), 0);
  assert.equal(await field(page, 'title.ar').getAttribute('dir'), 'rtl');
  // Asking to publish: nothing wrong, but every example value still to be replaced is listed.
  await goStep(page, 6);
  assert.equal(await problemCount(page), 0);
  const left = await page.locator('#placeholder-list li').allTextContents();
  assert.ok(left.includes('The package › Headline › English: still the example’s value'), left.join('\n'));
  assert.ok(left.some((l) => l.startsWith('Sources and caveats › Sources › Source 1 › Id')), left.join('\n'));
  assert.ok(await page.locator('#preview-frame iframe').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a field touched and left empty shows its problem; untouched ones stay quiet until publish lists them, with links', async () => {
  const { page, context, errors } = await openEditor();
  await previewShows(page, JSON.stringify(EXAMPLE));
  // Entering and leaving a valid field says nothing.
  await field(page, 'id').focus();
  await field(page, 'title.en').focus();
  assert.deepEqual(await shownProblems(page), []);
  // Emptied: its own problem, in the core's words, tied to it.
  await field(page, 'title.en').fill('');
  assert.deepEqual(await shownProblems(page), ['is required and missing']);
  assert.equal(await field(page, 'title.en').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#summary-count').textContent(), '1 problem: the preview shows the last valid version.');
  await type(page, 'title.en', 'A headline of our own');
  assert.deepEqual(await shownProblems(page), []);
  // Removing the only source breaks every figure that cites it: not shown where nothing was touched…
  await goStep(page, 4);
  await page.locator('[id="remove-sources[0]"]').click();
  await goStep(page, 1);
  assert.deepEqual(await shownProblems(page), []);
  // …but all listed at publish, by step, and each step says how many it holds.
  await goStep(page, 6);
  const listed = await page.locator('#summary-list li').allTextContents();
  assert.ok(listed.length > 5, listed.join('\n'));
  assert.ok(listed.some((l) => /^The package › The package being checked › Amount announced \(billions\) › Source: /.test(l)), listed.join('\n'));
  assert.ok(listed.some((l) => /^The comparison › What it is compared with › Amount \(billions\) › Source: /.test(l)), listed.join('\n'));
  assert.match(await page.locator('#steps button[data-step="1"]').textContent(), /\(\d+ problems\)/);
  // A link takes the keyboard to the field, on its step, where the problem is now shown.
  await page.locator('#summary-list a', { hasText: 'The comparison › What it is compared with › Amount (billions) › Source' }).click();
  assert.equal(await page.locator('#steps button[aria-current=step]').getAttribute('data-step'), '1');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-benchmark.amount_bn.source');
  assert.ok((await shownProblems(page)).length > 0);
  // Downloading one file is refused while problems are left, and says why.
  await goStep(page, 6);
  await page.click('#download-one');
  assert.match(await page.locator('#messages').textContent(), /^Fix the \d+ problems listed above first/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('builds the EU InvestAI story through the steps, sources and pledges pasted from a spreadsheet, and saves the same file', async () => {
  const { page, context, errors } = await openEditor();
  await buildStory(page, EU);
  await goStep(page, 6);
  assert.equal(await problemCount(page), 0, await page.locator('#summary').textContent());
  assert.equal(await page.locator('#placeholder-list li').count(), 0, await page.locator('#placeholder-list').textContent());
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
  assert.equal(await frame.locator('#verdict').getAttribute('data-verdict'), 'less');
  assert.ok(summary.per_person_ratio < 0.5);
  assert.match(await frame.locator('#prose').textContent(), /\$460 per person/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted table with bad cells names each by row and column, in the editor\'s language, and changes nothing', async () => {
  const { page, context, errors } = await openEditor();
  await previewShows(page, JSON.stringify(EXAMPLE));
  await goStep(page, 2);
  const before = await page.locator('fieldset.item[id^="g-subject.pledges["] > legend').allTextContents();
  await page.waitForFunction(() => localStorage.getItem('pledge-explainer:editor-draft'));
  const draftBefore = await page.evaluate(() => JSON.parse(localStorage.getItem('pledge-explainer:editor-draft'))?.model ?? null);
  const bad = tsv([['Investor', 'Low', 'High', 'Source'], ['Fund A', '10', '20', 'example-source'], ['Fund B', 'lots', '5', 'example-source'], ['Fund C', '-4', '-4', 'nowhere']]);
  assert.match(await pasteTable(page, 'pledges', bad), /^3 rows read, with 4 problems to fix first \(nothing has changed in your draft\)/);
  const listed = await page.locator('.table-problems li').allTextContents();
  assert.ok(listed.some((l) => /^Row 3, column “Low”: /.test(l)), listed.join('\n'));
  assert.ok(listed.some((l) => /^Row 4, column “Low”: .*negative/.test(l)), listed.join('\n'));
  assert.ok(listed.some((l) => /^Row 4, column “Source”: /.test(l)), listed.join('\n'));
  assert.ok(!listed.some((l) => l.startsWith('Row 2')), 'the good row has no problem');
  assert.equal(await page.locator('#table-pledges-result td.bad').count(), 4);
  assert.ok(await page.locator('button[data-table="replace"][data-kind="pledges"]').isDisabled());
  assert.ok(await page.locator('button[data-table="join"][data-kind="pledges"]').isDisabled());
  // Nothing changed: the list, the preview's story, the draft kept in this browser.
  assert.deepEqual(await page.locator('fieldset.item[id^="g-subject.pledges["] > legend').allTextContents(), before);
  assert.equal(await page.locator('#summary-count').textContent(), 'The dataset is valid; the preview is up to date.');
  await page.waitForTimeout(400); // past the draft's debounce
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('pledge-explainer:editor-draft'))?.model ?? null), draftBefore);
  // In French, the same table is named in French.
  await switchLanguage(page, 'fr');
  await page.click('button[data-table="read"][data-kind="pledges"]');
  assert.ok((await page.locator('.table-problems li').allTextContents()).some((l) => /^Ligne 3, colonne «\u00a0Bas\u00a0»\u00a0: /.test(l)));
  await switchLanguage(page, 'en');

  // CSV with quoted cells and a header in another order; joined to the list; the source named by its publisher.
  const csv = 'Source,Investor,Amount\nexample-source,"Big, Inc.",5\n"[Example] The publisher of your source","The ""Quoted"" Fund",7';
  assert.match(await pasteTable(page, 'pledges', csv), /^2 rows read, ready/);
  await page.click('button[data-table="join"][data-kind="pledges"]');
  const names = await page.locator('fieldset.item[id^="g-subject.pledges["] > legend').allTextContents();
  assert.deepEqual(names.slice(2), ['Pledge 3: Big, Inc.', 'Pledge 4: The "Quoted" Fund']);
  assert.equal(await field(page, 'subject.pledges[3].low_bn').inputValue(), '7');
  assert.equal(await field(page, 'subject.pledges[3].source').inputValue(), 'example-source');
  // Undone in one click.
  await page.click('#undo');
  assert.equal(await page.locator('fieldset.item[id^="g-subject.pledges["]').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Download as one file" gives one HTML file that works from file://, with the journalist\'s headline and verdict', async () => {
  const { page, context, errors } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await type(page, 'title.en', 'Our InvestAI check');
  await goStep(page, 6);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-one')]);
  assert.equal(download.suggestedFilename(), 'eu-investai-2025.html');
  const dir = mkdtempSync(join(tmpdir(), 'pledge-one-file-'));
  const path = join(dir, 'eu-investai-2025.html');
  copyFileSync(await download.path(), path);
  const html = readFileSync(path, 'utf8');
  // The strict policy, stated in the file: no 'unsafe-inline', inline code allowed by hash only.
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  const reader = await context.newPage();
  const requests = [];
  const readerErrors = [];
  await reader.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`)));
  reader.on('request', (r) => requests.push(r.url()));
  reader.on('console', (m) => m.type() === 'error' && readerErrors.push(m.text()));
  reader.on('pageerror', (e) => readerErrors.push(String(e)));
  await reader.goto(`${pathToFileURL(path).href}?lang=en`);
  await waitReady(reader);
  assert.equal(await reader.locator('#title').textContent(), 'Our InvestAI check');
  assert.equal(await reader.locator('#verdict').getAttribute('data-verdict'), 'less');
  assert.match(await reader.locator('#prose').textContent(), /\$460 per person/);
  // Interactive: a slider moves the figures.
  const before = await reader.locator('#prose').textContent();
  await reader.locator('.card input[type=range]').first().focus();
  await reader.keyboard.press('End');
  await reader.waitForFunction((b) => document.querySelector('#prose').textContent !== b, before);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(readerErrors, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each problem is shown by its field, named in the summary that links to it, and the preview follows within a frame', async () => {
  const { page, context, errors } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await previewShows(page, EU_TEXT);
  await goStep(page, 2);
  // The preview shows what the step edits: the pledges chart, scrolled into view.
  await page.waitForFunction(() => {
    const doc = document.querySelector('#preview-frame iframe').contentDocument;
    const chart = doc.querySelector('[data-chart="pledges"]');
    return chart && Math.abs(chart.getBoundingClientRect().top) < 5;
  });

  // A negative amount: the core's message beside the field, tied to it for screen readers.
  await page.locator('[id="amount-subject.pledges[0]-range"]').check();
  await field(page, 'subject.pledges[0].low_bn').fill('-5');
  const low = field(page, 'subject.pledges[0].low_bn');
  assert.equal(await low.getAttribute('aria-invalid'), 'true');
  const describedBy = await low.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /is negative/);
  assert.match(await page.locator('#summary-count').textContent(), /^1 problem: the preview shows the last valid version\.$/);
  await goStep(page, 6);
  assert.equal(await problemCount(page), 1);
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
  await type(page, 'title.en', 'InvestAI, a range');
  assert.equal(await page.locator('#summary-count').textContent(), 'The dataset is valid; the preview is up to date.');
  await page.waitForFunction(() => document.querySelector('#preview-frame iframe').contentDocument.querySelector('#title').textContent === 'InvestAI, a range');

  // A missing required field and a number typed as words, in French: the core's words.
  await switchLanguage(page, 'fr');
  await type(page, 'subject.population_m.value', '');
  await type(page, 'exchange_rate.value', 'un virgule zéro trois');
  await goStep(page, 6);
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
  await type(page, 'sources[0].id', 'ec-press-release');
  assert.equal(await page.locator('#summary-count').textContent(), 'The dataset is valid; the preview is up to date.', 'the figures citing it follow the new id');
  await goStep(page, 0);
  assert.equal(await field(page, 'subject.announced_bn.source').inputValue(), 'ec-press-release');
  // Two sources with one id: said at the field, not a JSON error.
  await type(page, 'sources[1].id', 'ec-press-release');
  assert.match(await page.locator('[id="e-sources[1].id"]').textContent(), /another source has the same id/);
  await field(page, 'sources[1].id').fill('verdict-2025-02-12');

  await goStep(page, 2);
  const names = () => page.locator('fieldset.item[id^="g-subject.pledges["] > legend').allTextContents();
  assert.deepEqual(await names(), ['Pledge 1: AI Champions Initiative', 'Pledge 2: European Commission (InvestAI)']);
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
  await type(page, 'exchange_rate.value', '');
  const file = await saved(page);
  assert.match(await page.locator('#messages').textContent(), /^Saved eu-investai-2025\.json\. Problems left: 1; the explainer will refuse the file until they are fixed\./);
  assert.equal(JSON.parse(file.text).exchange_rate.value, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the draft survives a reload, at its step, and the editor says so', async () => {
  const { page, context } = await openEditor();
  await openShipped(page, 'data/eu-investai-2025.json');
  await type(page, 'title.en', 'My draft headline');
  await goStep(page, 2);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('pledge-explainer:editor-draft') || '{}').step === 2);
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('pledge-explainer:editor-draft'))).model.title.en, 'My draft headline');
  assert.match(await page.locator('#draft-status').textContent(), /^Draft kept in this browser at /);
  await page.reload();
  await page.waitForSelector('html.ready');
  assert.equal(await page.locator('#progress').textContent(), 'Step 3 of 7: The pledges');
  await goStep(page, 0);
  assert.equal(await field(page, 'title.en').inputValue(), 'My draft headline');
  assert.match(await page.locator('#messages').textContent(), /Your draft from .* was restored from this browser\./);
  // Starting another story can be undone.
  await page.click('#new-story');
  assert.equal(await field(page, 'title.en').inputValue(), EXAMPLE.title.en);
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
    await goStep(page, 0);
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
  assert.match(await refusal(), /^Paste a dataset \(JSON\) was not opened, and your draft is unchanged:not valid JSON at line 1, column 29/);
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
  await type(page, 'subject.pledges[0].name.en', `${HOSTILE}2`);
  await page.waitForFunction((h) => document.querySelector('#preview-frame iframe').contentDocument.querySelector('#title').textContent === h, HOSTILE);
  assert.equal(await preview(page).locator('img[src=x]').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss || document.querySelector('#preview-frame iframe').contentWindow.__xss), undefined);
  // A hostile label in a pasted table is shown as text too.
  await pasteTable(page, 'pledges', tsv([[HOSTILE, '5', 'ec-2025-02-11']]));
  assert.equal(await page.locator('.table-result img').count(), 0);
  // A file with hostile labels opens (they are valid data) and stays inert.
  const hostile = structuredClone(EU);
  hostile.subject.package.en = HOSTILE;
  await page.setInputFiles('#open-file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  assert.match(await refusal(), /^Opened hostile\.json\./);
  await goStep(page, 0);
  assert.equal(await field(page, 'subject.package.en').inputValue(), HOSTILE);
  assert.equal(await page.locator('img[src=x]').count(), 0);
  // The editor still works after all of it.
  assert.equal(await page.locator('#summary-count').textContent(), 'The dataset is valid; the preview is up to date.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the publish step gives the page\'s and each card\'s embed code, naming the saved file; no request elsewhere', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
  const foreign = [];
  context.on('request', (r) => { if (!r.url().startsWith(env.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  const { page } = await openEditor({ context });
  await openShipped(page, 'data/eu-investai-2025.json');
  await goStep(page, 6);
  await page.click('#copy-embed');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, `<div data-pledge-explainer data-lang="en" data-dataset="data/eu-investai-2025.json"></div><script src="${env.url}embed.js" async></script>`);
  assert.equal(await page.locator('#embed-code').inputValue(), code);
  // The code works on a host page: the frame shows the story from the named file.
  const host = await context.newPage();
  await host.setContent(`<!doctype html><html lang="en"><body><p>An article.</p>${code}</body></html>`);
  const story = host.frameLocator('iframe');
  await story.locator('html:not(.relabel) #title').filter({ hasText: EU.title.en }).waitFor({ timeout: 15000 });
  await host.close();
  // One code per card, from the one list of cards.
  assert.deepEqual(await page.locator('#card-codes li').evaluateAll((li) => li.map((x) => x.dataset.card)), ['claim', 'gdp', 'pledges', 'horizon', 'sensitivity', 'energy', 'sources']);
  assert.equal(await page.locator('#card-code-pledges').inputValue(), `<div data-pledge-explainer data-card="pledges" data-lang="en" data-dataset="data/eu-investai-2025.json"></div><script src="${env.url}embed.js" async></script>`);
  assert.equal(await page.locator('[data-card="pledges"] .card-url').textContent(), `${env.url}cards/pledges.html?dataset=data/eu-investai-2025.json&lang=en`);
  await page.fill('#publish-path', 'stories/our-story.json');
  await page.click('#copy-embed');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /data-dataset="stories\/our-story\.json"/);
  assert.match(await page.locator('#card-code-claim').inputValue(), /data-dataset="stories\/our-story\.json"/);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('the fields a story rarely needs say what they are for: a name\'s forms, where a claim is quoted, a source\'s language', async () => {
  for (const [lang, says] of [['en', { forms: /d’InvestAI/, quoted: /translation/, source: /English title/ }], ['ar', { forms: /وفق القاعدة/, quoted: /ترجمة/, source: /عنوان إنجليزي/ }]]) {
    const { page, context, errors } = await openEditor({ lang });
    const hint = (path) => page.locator(`[id="h-${path}"]`);
    // Step 1: the package's forms after a preposition (folded until used), with its hint.
    await goStep(page, 0);
    assert.match(await hint('subject.forms').textContent(), says.forms);
    await unfold(page, field(page, 'subject.forms.fr.de_name'));
    assert.ok(await field(page, 'subject.forms.fr.de_name').isVisible());
    assert.equal(await page.locator('label[for="f-subject.forms.ar.li_name"]').textContent(), lang === 'en' ? 'لـ + name (optional)' : 'لـ + الاسم (اختياري)');
    // Step 4: in which languages the claim is the speaker's own words, each by its source,
    // on the claims step (French and Arabic too: they are not texts of the languages step).
    await goStep(page, 3);
    assert.match(await hint('claim.quoted_in').textContent(), says.quoted);
    for (const code of ['en', 'fr', 'ar']) {
      const choice = field(page, `claim.quoted_in.${code}`);
      await unfold(page, choice);
      assert.equal(await choice.evaluate((n) => n.tagName), 'SELECT', code);
      assert.ok((await choice.locator('option').allTextContents()).includes(EXAMPLE.sources ? Object.keys(EXAMPLE.sources)[0] : ''), code);
    }
    // Step 5: a source's language, by name, its hint tied to the control.
    await goStep(page, 4);
    const language = field(page, 'sources[0].lang');
    await unfold(page, language);
    assert.equal(await language.getAttribute('aria-describedby'), 'h-sources[0].lang');
    assert.match(await hint('sources[0].lang').textContent(), says.source);
    assert.deepEqual((await language.locator('option').allTextContents()).slice(1), lang === 'en' ? ['English', 'French', 'Arabic'] : ['الإنجليزية', 'الفرنسية', 'العربية']);
    // Chosen, the draft stays valid (the core reads 'ar' as a source's language).
    await language.selectOption('ar');
    await page.waitForTimeout(200);
    assert.deepEqual(await shownProblems(page), []);
    assert.equal(await problemCount(page), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('Arabic at 375 px: the steps right to left, nothing wider than the phone, tables named in Arabic, the preview in Arabic below', async () => {
  const { page, context, errors } = await openEditor({ lang: 'ar', width: 375 });
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.locator('#progress').textContent(), 'الخطوة ١ من ٧: الخطة');
  for (let n = 0; n < 7; n++) {
    await goStep(page, n);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), `step ${n + 1} is wider than the phone`);
  }
  await openShipped(page, 'data/eu-investai-2025.json');
  await goStep(page, 5);
  assert.equal(await field(page, 'title.ar').getAttribute('dir'), 'rtl');
  assert.equal(await field(page, 'title.ar').inputValue(), EU.title.ar);
  await previewShows(page, JSON.stringify({ title: { en: EU.title.ar } }));
  assert.equal(await preview(page).locator('html').getAttribute('dir'), 'rtl');
  const form = await page.locator('section.form').boundingBox();
  const frame = await page.locator('#preview-frame').boundingBox();
  assert.ok(frame.y >= form.y + form.height - 1, 'the preview is below the form on a phone');
  // A bad cell, named in Arabic, with Arabic-Indic row numbers.
  await pasteTable(page, 'pledges', tsv([['المستثمر', 'المبلغ', 'المصدر'], ['صندوق', 'كثير', 'ec-2025-02-11']]));
  assert.ok((await page.locator('.table-problems li').allTextContents()).some((l) => l.startsWith('الصف ٢، العمود «المبلغ»: ')));
  assert.deepEqual(errors, []);
  await context.close();
});

for (const lang of ['en', 'ar']) {
  test(`axe-core finds no serious or critical violation in the editor, at every step (${lang})`, async () => {
    const { page, context } = await openEditor({ lang });
    await openShipped(page, 'data/eu-investai-2025.json');
    await type(page, 'subject.population_m.value', ''); // with a problem shown
    await page.evaluate(AXE);
    for (let n = 0; n < 7; n++) {
      await goStep(page, n);
      if (n === 2) await pasteTable(page, 'pledges', tsv([['A', 'x', 'ec-2025-02-11']])); // a table with a bad cell
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `step ${n + 1}: ${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(', ')}`), []);
    }
    await context.close();
  });
}
