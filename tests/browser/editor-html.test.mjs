// The story editor's markup passes the W3C Nu HTML checker (npm's vnu-jar, run on Java): the page
// as served, and the page as the editor has built it at each step (fields, a pasted table with a
// bad cell, problems shown, the publish step's codes). One checker run for all of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDist } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const VNU = `${ROOT}node_modules/vnu-jar/build/dist/vnu.jar`;
const env = useDist(before, after);

/** The checker's errors (not its warnings) for each file, as "file: line: message". */
function nuErrors(files) {
  let out;
  try {
    out = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    out = err.stderr || err.stdout; // exit status 1 when there are errors; the report is on stderr
  }
  const { messages } = JSON.parse(out || '{"messages":[]}');
  return messages.filter((m) => m.type === 'error').map((m) => `${m.url.split('/').pop()}: ${m.lastLine}: ${m.message}`);
}

test('the editor\'s HTML, served and as built at every step, has no Nu HTML checker error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledge-editor-nu-'));
  const files = [`${ROOT}dist/editor.html`];
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${env.url}editor.html?lang=ar`);
  await page.waitForSelector('html.ready');
  await page.locator('[id="f-title.en"]').fill(''); // a problem shown at its field
  for (let n = 0; n < 7; n++) {
    await page.click(`#steps button[data-step="${n}"]`);
    if (n === 2) {
      await page.locator('#table-pledges-box summary').click();
      await page.fill('#table-pledges', 'Investor\tLow\tHigh\tSource\nFund A\t10\t20\texample-source\nFund B\tlots\t5\tnowhere');
      await page.click('button[data-table="read"]');
      await page.waitForSelector('#table-pledges-result');
    }
    const file = join(dir, `step-${n + 1}.html`);
    writeFileSync(file, `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
    files.push(file);
  }
  await context.close();
  assert.deepEqual(nuErrors(files), []);
});
