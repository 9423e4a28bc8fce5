// Type-checked by tests/browser/package.test.mjs against the installed package's declarations
// (`tsc --noEmit --strict`): what a newsroom developer would write.
import { initSync, Explainer, load_language, check_dataset } from 'pledge-explainer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve('pledge-explainer/pledge_explainer_bg.wasm')) });

const story: Explainer = new Explainer(undefined, 'en');
story.set('eurusd', 1.05);
const ok: boolean = story.set_locale('fr');
const loaded: string | undefined = load_language('');
interface Figures { per_person_ratio: number | null; gdp_share_ratio: number | null; verdict: string | null }
const figures = JSON.parse(story.figures()) as Figures;
const svg: string = (JSON.parse(story.chart('per-person', 640, true)) as { svg: string }).svg;
const link: string = story.query(true);
const problems = JSON.parse(check_dataset('{}', 'en')) as { path: string; problem: string; message: string }[];
console.log(JSON.stringify({ ratio: figures.per_person_ratio, ok, loaded: loaded ?? null, svg: svg.length > 0, link, problems: problems.length }));
story.free();
