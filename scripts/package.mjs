// Makes pkg/ an npm package a JavaScript developer can install and type-check: package.json
// (name and version from Cargo.toml), the TypeScript declarations wasm-bindgen wrote (their
// docs are the `///` comments of src/wasm.rs), and a short README. Run by scripts/build.sh.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))[1];

const pkg = {
  name: field('name'),
  version: field('version'),
  description: field('description'),
  license: field('license'),
  type: 'module',
  main: './pledge_explainer.js',
  types: './pledge_explainer.d.ts',
  exports: {
    '.': { types: './pledge_explainer.d.ts', default: './pledge_explainer.js' },
    // The default build: the story compiled in, no JSON reader.
    './pledge_explainer_bg.wasm': './pledge_explainer_bg.wasm',
    // The same exports with the dataset reader: `new Explainer(json, lang)` for another story.
    './pledge_explainer_reader_bg.wasm': './pledge_explainer_reader_bg.wasm',
    './package.json': './package.json',
  },
  files: [
    'pledge_explainer.js',
    'pledge_explainer.d.ts',
    'pledge_explainer_bg.wasm',
    'pledge_explainer_bg.wasm.d.ts',
    'pledge_explainer_reader_bg.wasm',
    'README.md',
  ],
  sideEffects: false,
};
writeFileSync(new URL('pkg/package.json', root), `${JSON.stringify(pkg, null, 2)}\n`);

writeFileSync(new URL('pkg/README.md', root), `# ${pkg.name} ${pkg.version}

The core of the AI-pledges explainer as a WebAssembly module: the story's figures, in words and
charts, for the reader's assumptions, in English, French or Arabic. Every figure carries its
source; nothing is computed in JavaScript. Declarations: \`pledge_explainer.d.ts\`.

\`\`\`js
import init, { Explainer, load_language } from '${pkg.name}';
await init(); // in Node: initSync({ module: readFileSync(require.resolve('${pkg.name}/pledge_explainer_bg.wasm')) })
const story = new Explainer(undefined, 'en');        // the default story (France's €109bn against Stargate)
story.set('eurusd', 1.05);                            // an assumption, by its URL name; throws a worded Error if refused
story.set('yardstick', 1);                            // compare by share of GDP (0: per person)
const figures = JSON.parse(story.figures());          // raw numbers by public key
console.log(figures.per_person_ratio, figures.gdp_share_ratio, figures.verdict);
const words = JSON.parse(story.live());               // { display, sentences, verdict, badge, controls, compare }
const chart = JSON.parse(story.chart('per-person', 640, true)); // { name, title, desc, svg }
document.querySelector('#chart').innerHTML = chart.svg;         // an SVG string, labels escaped by the core
\`\`\`

- **Another story**: \`pledge_explainer_bg.wasm\` has the default story compiled in and no JSON
  reader; pass \`pledge_explainer_reader_bg.wasm\` to \`init\` (the same JS glue) and then
  \`new Explainer(datasetJsonText, 'en')\`: a bad dataset throws an \`Error\` naming every problem
  with its JSON path. The format: \`data/dataset.schema.json\` in the repository.
  \`check_dataset(jsonText, 'en')\` lists the problems without making an explainer, as
  \`[{ path, problem, message }]\` (\`[]\` when valid): what the story editor shows by each field.
- **French and Arabic**: English is compiled in. For \`fr\` or \`ar\`, fetch the language pack the
  site ships (\`i18n/fr.<hash>.json\`, a JSON array of strings) and call
  \`load_language(items.join('\\u001f'))\` before \`new Explainer(undefined, 'fr')\` or
  \`set_locale('fr')\`, which returns false until it is loaded.
- **Assumptions** (\`set(name, value)\`): \`eurusd\`, \`pop_fr\`, \`pop_us\`, \`uae\`, \`load_factor\`,
  \`years_fr\`, \`gdp_fr\`, \`gdp_us\`, \`private_only\` (0/1), \`yardstick\` (0 per person, 1 share
  of GDP); \`controls()\` and \`switches()\` give their ranges and labels for this story;
  \`apply_query(location.search)\` and \`query()\` read and write them as URL parameters.
- Call \`free()\` on an \`Explainer\` you no longer need (or \`using\` it: the declarations
  use \`Symbol.dispose\`, so TypeScript needs 5.2 or later with the \`esnext.disposable\` lib).
`);
console.error(`wrote pkg/package.json and pkg/README.md (${pkg.name} ${pkg.version})`);
