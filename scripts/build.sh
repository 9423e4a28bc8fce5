#!/usr/bin/env bash
# Builds the deployable static site into dist/: the page, the wasm and its JS glue, relative
# paths only, so the folder can be copied to any static host or subfolder.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# As a cdylib alone: with crate-type = ["cdylib", "rlib"] cargo does not apply LTO to the
# cdylib (rust-lang/cargo#9672), which costs about 8 KB of gzipped wasm.
cargo rustc --release --target wasm32-unknown-unknown --lib --crate-type cdylib --quiet
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --no-typescript --out-dir pkg \
  target/wasm32-unknown-unknown/release/pledge_explainer.wasm
# Rust 1.95 emits these proposals by default; binaryen must be told it may keep them.
# --zero-filled-memory holds for a fresh instance; not --low-memory-unused: Rust's stack
# grows down towards address 0.
node_modules/.bin/wasm-opt -Oz --converge --strip-target-features --zero-filled-memory \
  --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  pkg/pledge_explainer_bg.wasm -o pkg/pledge_explainer_bg.wasm

rm -rf dist && mkdir -p dist/pkg
cp -r www/. dist/
cp pkg/pledge_explainer.js pkg/pledge_explainer_bg.wasm dist/pkg/
# Example datasets for ?dataset= (the default story is embedded in the wasm).
mkdir -p dist/data && cp data/eu-investai-2025.json dist/data/

# The static fallback, rendered natively by the same core.
cargo build --release --bin pledge-explainer --quiet
rm -rf target/fallback
for lang in en fr ar; do
  target/release/pledge-explainer render --lang "$lang" --out "target/fallback/$lang"
done
node scripts/inject-fallback.mjs dist/index.html target/fallback
node scripts/single-file.mjs
node scripts/minify.mjs
node scripts/hash-assets.mjs
echo "built dist/ ($(du -sh dist | cut -f1))" >&2
