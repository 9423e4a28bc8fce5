// The words a reader sees in the page are exactly the table of expected sentences
// (tests/expected/sentences.json, the one tests/words.rs holds the core to), in three languages
// at the defaults and at four moved sets of assumptions; each claim's verdict sits beside its
// quote, and its colour follows the same judgement as its words after any rewrite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useDist, openPage, waitReady, nextFrame, settled } from './helpers.mjs';

const TABLE = JSON.parse(readFileSync(new URL('../expected/sentences.json', import.meta.url), 'utf8'));
const env = useDist(before, after);

/** What a page says, as the table has it: its prose sentences in order, each claim's verdict, each card's answer. */
function readWords() {
  const out = [];
  for (const s of document.querySelectorAll('[data-region="prose"] [data-sentence]')) out.push([s.dataset.sentence, s.textContent]);
  for (const key of ['verdict', 'gdp_verdict']) {
    const badge = document.querySelector(`.quote [data-figure="${key}"]`);
    if (badge) out.push([`badge:${key}`, badge.textContent]);
  }
  for (const card of document.querySelectorAll('#cards > [data-card]')) out.push([`card:${card.dataset.card}`, card.querySelector(':scope > .answer').textContent]);
  return out;
}

async function pageWords(page) {
  await settled(page);
  return page.evaluate(readWords);
}

for (const [query, byLang] of Object.entries(TABLE)) {
  for (const [lang, want] of Object.entries(byLang)) {
    test(`the page says exactly the expected sentences (${lang}${query ? `, ${query}` : ''})`, async () => {
      const { page, errors, context } = await openPage(env.browser, `${env.url}?lang=${lang}${query ? `&${query}` : ''}`);
      await waitReady(page);
      const got = await pageWords(page);
      assert.deepEqual(got.map(([key]) => key), want.map(([key]) => key));
      got.forEach(([key, text], i) => assert.equal(text, want[i][1], key));
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('without JavaScript the static page says the expected sentences at the defaults, in each language', async () => {
  for (const [lang, file] of [['en', 'index.html'], ['fr', 'index.fr.html'], ['ar', 'index.ar.html']]) {
    const { page, context } = await openPage(env.browser, `${env.url}${file}`, { javaScriptEnabled: false });
    const got = await page.evaluate(readWords);
    assert.deepEqual(got, TABLE[''][lang], lang);
    await context.close();
  }
});

test('each claim carries its own verdict, and a badge is coloured by its own judgement after a full rewrite (yardstick=gdp)', async () => {
  const { page, context } = await openPage(env.browser, `${env.url}?lang=en&yardstick=gdp`);
  await waitReady(page);
  // The claim cards open with their verdicts; the same judgement sits beside each quote.
  const badge = (id) => page.locator(id).evaluate((n) => ({ text: n.textContent, verdict: n.dataset.verdict, gap: n.dataset.gap }));
  const quoted = (key) => page.locator(`.quote [data-figure="${key}"]`).evaluate((n) => ({
    text: n.textContent, gap: n.dataset.gap, quote: n.closest('.quote').querySelector('blockquote').textContent,
    said: n.closest('.quote').querySelector('figcaption').textContent }));
  const person = await badge('#verdict');
  const gdp = await badge('#gdp-verdict');
  assert.deepEqual([person.text, person.verdict, person.gap], ['Close: 12% more per person', 'more', 'close']);
  // The Élysée's claim is a yes/no claim ("even in our favour"): answered yes or no first.
  assert.deepEqual([gdp.text, gdp.verdict, gdp.gap], ['True as a share of GDP: 2.18 times as much', 'more', 'multiple']);
  const byQuote = await quoted('verdict');
  assert.equal(byQuote.text, person.text);
  assert.match(byQuote.quote, /it’s the same ratio/);
  const byGdpQuote = await quoted('gdp_verdict');
  assert.equal(byGdpQuote.text, gdp.text);
  assert.match(byGdpQuote.quote, /even in our favour/);
  // The translated quote says so, in the reader's language.
  assert.match(byGdpQuote.said, /\(translated\)$/);
  // Moving to parity per person changes the per-person badge's words and colour together.
  await page.locator('#number-eurusd').fill('0.9253');
  await page.locator('#number-eurusd').press('Enter');
  await nextFrame(page);
  const atParity = await badge('#verdict');
  assert.deepEqual([atParity.text, atParity.verdict, atParity.gap], ['The same per person, within 1%', 'holds', 'same']);
  await context.close();
});

test('a quotation or title in another language than the page is marked with its own lang and dir', async () => {
  const { page, context } = await openPage(env.browser, `${env.url}index.ar.html`, { javaScriptEnabled: false });
  const marks = await page.evaluate(() => [...document.querySelectorAll('.sources-list cite bdi')].map((n) => [n.lang, n.dir]));
  assert.ok(marks.length > 10);
  for (const [lang, dir] of marks) {
    assert.ok(['en', 'fr'].includes(lang), `a source title in the Arabic page without its language: ${lang}`);
    assert.equal(dir, 'ltr');
  }
  await context.close();
});

// A move, not a load: the answers a move changes are written again by the core (the claim
// card's per year once the horizons differ), and their figures keep their running-text
// forms (French units and ratios in words), as the table has them.
for (const [lang, param, value, query] of [['en', 'years_fr', 6, 'years_fr=6'], ['fr', 'years_fr', 6, 'years_fr=6'], ['fr', 'eurusd', 0.9, 'eurusd=0.9'], ['ar', 'years_fr', 6, 'years_fr=6']]) {
  test(`after a move to ${query} the page says the expected sentences (${lang})`, async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.url}?lang=${lang}`);
    await waitReady(page);
    await page.locator(`#number-${param}`).fill(String(value));
    await page.locator(`#number-${param}`).dispatchEvent('change');
    await nextFrame(page);
    const got = await pageWords(page);
    const want = TABLE[query][lang];
    assert.deepEqual(got.map(([key]) => key), want.map(([key]) => key));
    got.forEach(([key, text], i) => assert.equal(text, want[i][1], key));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/**
 * Every text of the cards a reader can read (questions, answers, verdicts, labels, table rows,
 * captions, parity buttons, method notes), as [where, text] pairs: the charts' SVG are left
 * out (one off screen is drawn when it comes into view).
 */
function readAllTexts() {
  const out = [];
  const cards = document.querySelector('#cards');
  for (const node of cards.querySelectorAll('h2, h3, .answer, .dek, label, legend, th, td, dt, dd, figcaption p, .quote blockquote, .quote figcaption, .method li, button.parity, .marks, summary')) {
    if (node.closest('svg')) continue;
    const where = node.closest('[data-card]')?.dataset.card || '';
    out.push(`${where} ${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}: ${node.textContent.replace(/\s+/g, ' ').trim()}`);
  }
  return out;
}

// A move is a fresh load: after a reader moves sliders and switches, every word beside the
// figures is what a fresh load of the same URL prints (the copy edit of 2026-12-08 found
// labels and answers left from before a move: "France over 3 years" beside 6 years' figures,
// "Announced €49bn" once the switch was ticked).
for (const [start, moves] of [
  ['years_fr=3', [['number', 'years_fr', 6]]],
  ['years_fr=3', [['keys', 'years_fr', 3]]],
  ['yardstick=gdp', [['number', 'years_fr', 6]]],
  ['years_fr=6', [['check', 'private_only']]],
  ['private_only=1&years_fr=6', [['check', 'private_only'], ['number', 'uae', 40]]],
  ['lang=ar&years_fr=3', [['number', 'years_fr', 6], ['check', 'private_only']]],
  ['lang=fr&yardstick=gdp', [['number', 'gdp_fr', 3000], ['number', 'years_fr', 2]]],
]) {
  test(`after moves from ?${start} (${moves.map((m) => m.slice(1).join('=')).join(', ')}), every text is a fresh load's`, async () => {
    const { page, errors, context } = await openPage(env.browser, `${env.url}?${start}`);
    await waitReady(page);
    await page.evaluate(() => { for (const d of document.querySelectorAll('#cards details')) d.open = true; });
    for (const [how, param, value] of moves) {
      if (how === 'number') {
        await page.locator(`#number-${param}`).fill(String(value));
        await page.locator(`#number-${param}`).dispatchEvent('change');
      } else if (how === 'keys') {
        await page.locator(`#range-${param}`).focus();
        for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
      } else {
        await page.locator(`#switch-${param}`).click();
      }
      await nextFrame(page);
    }
    await settled(page);
    await page.waitForTimeout(500); // the URL is written 300 ms after the last move
    const moved = await page.evaluate(readAllTexts);
    const query = await page.evaluate(() => new URLSearchParams(location.search).toString());
    const fresh = await openPage(env.browser, `${env.url}?${query}`);
    await waitReady(fresh.page);
    const loaded = await fresh.page.evaluate(readAllTexts);
    assert.ok(loaded.length > 50, `${loaded.length} texts`);
    assert.deepEqual(moved, loaded, `?${query}`);
    assert.deepEqual([...errors, ...fresh.errors], []);
    await fresh.context.close();
    await context.close();
  });
}
