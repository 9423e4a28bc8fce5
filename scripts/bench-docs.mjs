// Where `make bench` writes its latest tables: docs/speed.md, between `<!-- name:start -->` and
// `<!-- name:end -->` lines. BENCH_DOCS=0 (or its old name, BENCH_README=0) leaves it alone.
export const DOC = 'docs/speed.md';

export const writesDocs = (env) => env.BENCH_DOCS !== '0' && env.BENCH_README !== '0';

/** `text` with what lies between each pair of markers replaced; throws when a pair is missing. */
export function fillMarkers(text, parts) {
  for (const [name, body] of Object.entries(parts)) {
    const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
    if (!re.test(text)) throw new Error(`${DOC}: the ${name}:start/end markers are missing`);
    text = text.replace(re, (all, open, close) => open + body + close);
  }
  return text;
}
