#!/usr/bin/env bash
# Builds the deployable static site into dist/: the page, the wasm and its JS glue, relative
# paths only, so the folder can be copied to any static host or subfolder.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Two builds of the same wasm, same exports, one JS glue: the page's default one with the story
# compiled in and no JSON reader, and `_reader` (about 12 KB gzip more) for pages that load
# another story with ?dataset=. Both have English compiled in, and load French or Arabic as a
# language pack (dist/i18n/, written below from the same Rust tables).
rm -rf pkg && mkdir -p pkg
# Every step returns its failure, so that `page_wasm` below can fall back (set -e does not
# apply inside a function called from an `if`).
build_wasm() {
  local out=$1; shift
  local target=${WASM_TARGET_DIR:-target}
  # As a cdylib alone (Cargo.toml says rlib): with crate-type = ["cdylib", "rlib"] cargo does not
  # apply LTO to the cdylib (rust-lang/cargo#9672), which costs about 8 KB of gzipped wasm.
  CARGO_TARGET_DIR=$target cargo rustc --release --target wasm32-unknown-unknown --lib --crate-type cdylib --quiet "$@" || return 1
  # The same out-name for both: it is also the module name of the wasm's imports.
  wasm-bindgen --target web --out-dir "$out" \
    "$target/wasm32-unknown-unknown/release/pledge_explainer.wasm" || return 1
  # Rust 1.95 emits these proposals by default; binaryen must be told it may keep them.
  # --zero-filled-memory holds for a fresh instance; not --low-memory-unused: Rust's stack
  # grows down towards address 0.
  node_modules/.bin/wasm-opt -Oz --converge --strip-target-features --zero-filled-memory \
    --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "$out/pledge_explainer_bg.wasm" -o "$out/pledge_explainer_bg.wasm" || return 1
}
# The page's own wasm (dist/ only; pkg/ keeps the panic hook): std built
# with it and a panic an immediate trap, no panic message formatted (std's panic and
# formatting paths, Unicode tables and file names): 7 KB gzip less in the part the first
# screen waits for (docs/speed.md, "What the page loads"). app.js stops calling a module that
# trapped, as the panic hook makes the others refuse. It needs rust-src and two unstable
# flags on the stable toolchain (RUSTC_BOOTSTRAP): a toolchain that refuses them gets the
# ordinary build, said here.
page_wasm() {
  rustup component list --installed 2>/dev/null | grep -q '^rust-src' \
    || rustup component add rust-src >/dev/null 2>&1 || return 1
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" WASM_TARGET_DIR=target/page \
    build_wasm "$1" --no-default-features --features "$2" -Zbuild-std=std,panic_abort
}
build_wasm target/reader-pkg --no-default-features --features panic-hook,dataset-reader
build_wasm pkg --no-default-features --features panic-hook
# One glue serves both: app.js hands it the reader's wasm when the URL names a dataset.
if ! cmp -s target/reader-pkg/pledge_explainer.js pkg/pledge_explainer.js; then
  echo "build.sh: the two wasm builds need different JS glue; their exports must stay the same" >&2
  exit 1
fi
mv target/reader-pkg/pledge_explainer_bg.wasm pkg/pledge_explainer_reader_bg.wasm
rm -rf target/reader-pkg
rm -rf target/page-pkg target/page-reader-pkg
# pkg/'s glue serves it if the exports are the same and pkg/'s module imports all it imports
# (it imports less: no console.error for a panic message).
same_interface() {
  node -e '
    const { readFileSync } = require("node:fs");
    const [page, whole] = process.argv.slice(1).map((f) => new WebAssembly.Module(readFileSync(f)));
    const names = (list) => list.map((e) => `${e.module || ""}.${e.name}.${e.kind}`);
    const wholeImports = new Set(names(WebAssembly.Module.imports(whole)));
    const sameExports = names(WebAssembly.Module.exports(page)).join() === names(WebAssembly.Module.exports(whole)).join();
    process.exit(sameExports && names(WebAssembly.Module.imports(page)).every((i) => wholeImports.has(i)) ? 0 : 1);
  ' "$1" "$2"
}
if page_wasm target/page-pkg panic-hook 2>target/page-wasm.log \
  && same_interface target/page-pkg/pledge_explainer_bg.wasm pkg/pledge_explainer_bg.wasm; then
  page_module=target/page-pkg/pledge_explainer_bg.wasm
else
  echo "build.sh: the page's wasm with panics as traps did not build (target/page-wasm.log); dist/ gets pkg/'s" >&2
  page_module=pkg/pledge_explainer_bg.wasm
fi
# The same for the reader (?dataset= pages, the editor's preview, the one-file story a
# journalist publishes): 7 KB gzip less than pkg/'s.
if [ "$page_module" != pkg/pledge_explainer_bg.wasm ] \
  && page_wasm target/page-reader-pkg panic-hook,dataset-reader 2>>target/page-wasm.log \
  && same_interface target/page-reader-pkg/pledge_explainer_bg.wasm pkg/pledge_explainer_reader_bg.wasm; then
  page_reader=target/page-reader-pkg/pledge_explainer_bg.wasm
else
  [ "$page_module" = pkg/pledge_explainer_bg.wasm ] || echo "build.sh: the reader's wasm with panics as traps did not build (target/page-wasm.log); dist/ gets pkg/'s" >&2
  page_reader=pkg/pledge_explainer_reader_bg.wasm
fi
# What the one-file pages (scripts/single-file.mjs) inline: the page's modules, whole.
mkdir -p target/single && cp "$page_module" target/single/whole.wasm && cp "$page_reader" target/single/reader.wasm
# The glue takes the "placeholder" imports of a split module (none in pkg/'s unsplit ones).
node scripts/split-wasm.mjs --glue pkg/pledge_explainer.js
# pkg/ as an npm package: package.json (version from Cargo.toml), README, the .d.ts above.
node scripts/package.mjs

rm -rf dist && mkdir -p dist/pkg
cp -r www/. dist/
cp pkg/pledge_explainer.js dist/pkg/ && cp "$page_reader" dist/pkg/pledge_explainer_reader_bg.wasm
# The page's wasm in two (scripts/split-wasm.mjs): what the first screen needs, and `_later`
# (the charts' drawing, the cards rewritten for another language or story, the CSV), which
# app.js fetches once the page is ready. pkg/ (npm) and dist/explainer.html keep it whole.
node scripts/split-wasm.mjs "$page_module" dist/pkg/pledge_explainer_bg.wasm dist/pkg/pledge_explainer_later_bg.wasm
# Datasets for ?dataset= and the story editor (the page's default story is compiled into the
# wasm; its JSON is here for the editor to open), and the schema the editor's form is built from.
mkdir -p dist/data && cp data/eu-investai-2025.json data/france-2025.json data/dataset.schema.json dist/data/

# The static fallback, rendered natively by the same core.
cargo build --release --bin pledge-explainer --quiet
rm -rf target/fallback
# The languages as the core declares them (src/lang.rs), the fallback first.
languages=$(target/release/pledge-explainer languages)
fallback_lang=$(head -n1 <<<"$languages")
for lang in $languages; do
  target/release/pledge-explainer render --lang "$lang" --out "target/fallback/$lang"
done
mkdir -p dist/i18n
for lang in $languages; do
  [ "$lang" = "$fallback_lang" ] || cp "target/fallback/$lang/language-pack.json" "dist/i18n/$lang.json"
done
# The charts as images, for readers without JavaScript (the pages name them in <noscript>).
for lang in $languages; do mkdir -p "dist/fallback/$lang" && cp target/fallback/$lang/*.svg "dist/fallback/$lang/"; done
# The scripts' lists (languages, the view's URL parameters) from the core's declarations, and
# www/shared.js, written into each script that says `// @shared`.
target/release/pledge-explainer declarations > target/fallback/declarations.json
node scripts/inline-shared.mjs target/fallback/declarations.json
node scripts/inject-fallback.mjs dist/index.html target/fallback
node scripts/single-file.mjs
node scripts/minify.mjs
node scripts/hash-assets.mjs
# oEmbed answers, share images (rendered by the CLI above, with resvg) and the og: tags;
# absolute URLs need BASE_URL (make build BASE_URL=https://news.example/explainer/).
node scripts/publish.mjs dist
echo "built dist/ ($(du -sh dist | cut -f1))" >&2
