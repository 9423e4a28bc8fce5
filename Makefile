# The two set-up commands (README): `make serve` and `make test`. Both install what is missing.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMEDRIVER
# The site's public address, for absolute og:/oEmbed/canonical URLs (scripts/publish.mjs).
export BASE_URL PROVIDER_NAME

.PHONY: serve build test test-engines test-wordpress test-long bench mutants setup-build setup-test

## Build, then serve the explainer on http://127.0.0.1:8000
serve: build
	node scripts/serve.mjs --root dist --port 8000

## A deployable static site in dist/ (relative paths; BASE_URL=https://…/ makes the shared ones absolute)
build: setup-build
	scripts/build.sh

## Every test there is: native, wasm in Chromium, the page in Chromium, the cards in a real
## WordPress (tests/wordpress/), then the reader's paths in Chromium, Firefox ESR and WebKitGTK
## (tests/engines/, one engine at a time)
test: setup-test
	@cargo fmt --check >/dev/null || { echo "cargo fmt --check: the Rust is not formatted; run cargo fmt"; cargo fmt --check | head -40; exit 1; }
	cargo test --quiet
	cargo test --target wasm32-unknown-unknown --test wasm
	scripts/build.sh
	node --test tests/browser/
	node --test tests/wordpress/
	node --test --test-concurrency=1 tests/engines/

## The reader's paths in the three engines alone (after a change to the page, say)
test-engines: setup-test
	scripts/build.sh
	node --test --test-concurrency=1 tests/engines/

## The cards in a real WordPress alone (tests/wordpress/: WordPress, MariaDB, PHP from Debian)
test-wordpress: setup-test
	scripts/build.sh
	node --test tests/wordpress/

## Longer property runs than CI's
test-long:
	PROPTEST_CASES=100000 cargo test --release --test properties
	CENSUS_CASES=30000 cargo test --release --test census

## How strong the native tests are: cargo-mutants changes the core one mutation at a time and
## checks that a test fails (not part of `make test`: it takes hours on a small machine).
## MUTANTS_FILES narrows it, e.g. `make mutants MUTANTS_FILES="src/params.rs"`.
MUTANTS_FILES ?= src/format.rs src/report/verdict.rs src/report/controls.rs src/report/context.rs src/report/mod.rs src/report/table.rs src/lang.rs src/grammar.rs src/model.rs src/params.rs src/decimal.rs
mutants: setup-test
	command -v cargo-mutants >/dev/null || cargo install --locked cargo-mutants
	PROPTEST_CASES=100 CENSUS_CASES=200 nice cargo mutants --no-shuffle $(foreach f,$(MUTANTS_FILES),--file $(f)) \
	  --output target/mutants -- --lib --test properties --test story --test format --test cli --test words --test layers --test census

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

## Speed and size against a hand-made Chart.js page, plus the core's native micro-benchmark (the tables: docs/speed.md)
bench: setup-test
	scripts/build.sh
	cargo bench --bench core
	node scripts/bench.mjs
