// pkg/ as an npm package: packed and installed into a throwaway folder (no registry needed),
// imported from Node with initSync and from a page in headless Chromium, and type-checked with
// the pinned TypeScript against the declarations wasm-bindgen wrote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'target/release/pledge-explainer');
let dir;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pledge-pkg-'));
  const tarball = execFileSync('npm', ['pack', join(ROOT, 'pkg'), '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'newsroom-page', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--loglevel=error', join(dir, tarball)], { cwd: dir });
});

test('the package installs with its declarations, README and both wasm builds', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/pledge-explainer/package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, cargo.match(/^version = "([^"]*)"/m)[1]);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.sideEffects, false);
  for (const file of manifest.files) readFileSync(join(dir, 'node_modules/pledge-explainer', file));
  const dts = readFileSync(join(dir, 'node_modules/pledge-explainer/pledge_explainer.d.ts'), 'utf8');
  assert.match(dts, /export class Explainer/);
  assert.match(dts, /Every figure by its public key/, 'the Rust doc comments are the declarations\' docs');
});

test('from Node: initSync with the wasm bytes, then the same figures as the CLI', () => {
  writeFileSync(join(dir, 'node.mjs'), `
    import { initSync, Explainer } from 'pledge-explainer';
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    initSync({ module: readFileSync(require.resolve('pledge-explainer/pledge_explainer_bg.wasm')) });
    const story = new Explainer(undefined, 'en');
    story.set('eurusd', 1.05);
    story.set('yardstick', 1);
    console.log(JSON.stringify({ figures: JSON.parse(story.figures()), chart: JSON.parse(story.chart('gdp', 640, true)) }));
  `);
  const out = JSON.parse(execFileSync('node', ['node.mjs'], { cwd: dir, encoding: 'utf8' }));
  const cli = JSON.parse(execFileSync(CLI, ['summary', '--json', '--eurusd', '1.05', '--yardstick', 'gdp'], { encoding: 'utf8' }));
  for (const key of ['announced_usd_bn', 'per_person_ratio', 'gdp_share_ratio', 'parity_eurusd']) assert.equal(out.figures[key], cli[key], key);
  assert.equal(out.figures.gdp_verdict, cli.gdp_verdict);
  assert.match(out.chart.svg, /^<svg/);
  assert.match(out.chart.title, /Share of GDP/);
});

test('from Node: the reader build checks a dataset and names each problem by its path', () => {
  writeFileSync(join(dir, 'check.mjs'), `
    import { initSync, check_dataset } from 'pledge-explainer';
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    initSync({ module: readFileSync(require.resolve('pledge-explainer/pledge_explainer_reader_bg.wasm')) });
    const eu = JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'data/eu-investai-2025.json'))}, 'utf8'));
    const valid = JSON.parse(check_dataset(JSON.stringify(eu), 'en'));
    eu.subject.pledges[0].low_bn = -5;
    const negative = JSON.parse(check_dataset(JSON.stringify(eu), 'fr'));
    delete eu.benchmark.population_m;
    console.log(JSON.stringify({ valid, negative, broken: JSON.parse(check_dataset(JSON.stringify(eu), 'en')) }));
  `);
  const out = JSON.parse(execFileSync('node', ['check.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.deepEqual(out.valid, []);
  // French was not loaded: the messages fall back to English, as the explainer's do.
  assert.deepEqual(out.negative, [
    { path: 'subject.pledges[0].low_bn', problem: 'negative', message: 'is negative (-5); amounts must be zero or more' },
  ]);
  // A field missing is reported first; what the values mean is checked once the shape is whole.
  assert.deepEqual(out.broken, [
    { path: 'benchmark.population_m', problem: 'missing', message: 'is required and missing' },
  ]);
});

test('from a page in headless Chromium: init() fetches the wasm beside the glue', async () => {
  // An external module: the test server sends the strict CSP, which refuses inline scripts.
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><p id="out"></p><script type="module" src="main.js"></script>');
  writeFileSync(join(dir, 'main.js'), `
    import init, { Explainer } from './node_modules/pledge-explainer/pledge_explainer.js';
    await init();
    const story = new Explainer(undefined, 'en');
    document.querySelector('#out').textContent = JSON.parse(story.live()).display.per_person_ratio;
  `);
  const { server, url } = await startServer({ root: dir });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}index.html`);
    await page.waitForFunction(() => document.querySelector('#out').textContent !== '');
    const cli = JSON.parse(execFileSync(CLI, ['summary', '--json'], { encoding: 'utf8' }));
    assert.equal(await page.locator('#out').textContent(), cli.display.per_person_ratio);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});

test('TypeScript (pinned in package-lock) type-checks a file that uses the API', () => {
  copyFileSync(join(ROOT, 'tests/package/usage.ts'), join(dir, 'usage.ts'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], skipLibCheck: false, lib: ['es2022', 'esnext.disposable', 'dom'] },
    files: ['usage.ts'],
  }));
  // node:fs and node:module types are not installed: declare the two functions used.
  writeFileSync(join(dir, 'node.d.ts'), `declare module 'node:fs' { export function readFileSync(path: string): Uint8Array; }
declare module 'node:module' { export function createRequire(url: string): { resolve(id: string): string }; }
`);
  const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
  tsconfig.files.push('node.d.ts');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  // And a wrong use is caught: the declarations are real, not `any`.
  writeFileSync(join(dir, 'wrong.ts'), `import { Explainer } from 'pledge-explainer';\nconst n: number = new Explainer(undefined, 'en').query(true);\n`);
  tsconfig.files = ['wrong.ts', 'node.d.ts'];
  writeFileSync(join(dir, 'tsconfig.wrong.json'), JSON.stringify(tsconfig));
  assert.throws(() => execFileSync(tsc, ['-p', join(dir, 'tsconfig.wrong.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }), (err) => /not assignable to type 'number'/.test(String(err.stdout)));
});
