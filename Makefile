# Polku. `make run` serves the app; `make test` checks everything. Both install
# what they need on a fresh machine, from the package registries only, and
# skip what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

CACHE ?= $(HOME)/.cache/polku
# Kept outside the clone so a fresh clone still builds warm.
export CARGO_TARGET_DIR ?= $(CACHE)/target
# Incremental caches pay off while editing, not in one-shot builds, and
# they grow by tens of gigabytes.
export CARGO_INCREMENTAL ?= 0
TOOLS := $(CACHE)/tools
export PATH := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

CARGO_LEPTOS_VERSION := 0.3.10
BINARYEN_VERSION := 132.0.0
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/,"",$$3); print $$3}' Cargo.lock)
SITE := target/site
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
# What a participant's first page load may transfer: wasm, JS and CSS,
# brotli quality 11, in bytes (100 KB).
SIZE_BUDGET := 100000
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE := $(TOOLS)/lighthouse/node_modules/.bin/lighthouse
# `make seed` and `make bench`: journal items in all, items per participant,
# peer groups (empty: one per 15 participants).
ITEMS ?= 50000
ITEMS_PER ?= 50
GROUPS ?=
SEED_DATABASE_URL ?= sqlite://data/seed.db

.PHONY: run build test size size-check seed bench bench-count bench-mobile tools \
        rust-tools node-tools browser brotli wrk valgrind lighthouse apt-update lint \
        test-rust test-e2e e2e-deps clean

## Build in release mode and serve at http://localhost:3000 on ./data/polku.db.
run: build
	$(CARGO_TARGET_DIR)/release/polku serve --site-root $(SITE)

build: tools brotli
	cargo leptos build --release
	scripts/precompress.sh $(SITE)

## Everything: formatting, lints for both builds, Rust tests on SQLite and
## PostgreSQL, end-to-end tests in Chromium, and the size budget of the
## release browser build.
test: tools browser brotli e2e-deps
	@url=$$(scripts/test-postgres.sh start); \
	trap 'scripts/test-postgres.sh stop' EXIT; \
	$(MAKE) --no-print-directory lint test-rust test-e2e size-check TEST_DATABASE_URL="$$url"

lint:
	cargo fmt --all --check
	cargo clippy -p app --features ssr --all-targets -- -D warnings
	cargo clippy -p server --all-targets -- -D warnings
	cargo clippy -p app --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

test-rust:
	TEST_DATABASE_URL="$(TEST_DATABASE_URL)" cargo test -p app --features ssr
	TEST_DATABASE_URL="$(TEST_DATABASE_URL)" cargo test -p server

test-e2e: brotli
	cargo leptos build
	scripts/precompress.sh $(SITE)
	cd end2end && POLKU_BIN="$(CARGO_TARGET_DIR)/debug/polku" POLKU_SITE="$(CURDIR)/$(SITE)" npx playwright test

## Bytes of wasm, JS and CSS as shipped, raw, gzip and brotli.
size: build brotli
	@scripts/size.sh $(SITE)

## Fails when a first page load of the release build transfers more than
## SIZE_BUDGET bytes brotli. Builds only the browser side in release.
size-check: tools brotli
	cargo leptos build --release --frontend-only
	scripts/precompress.sh $(SITE)
	@scripts/size.sh $(SITE) $(SIZE_BUDGET)

## A database full of made-up people at SEED_DATABASE_URL (ITEMS, ITEMS_PER,
## GROUPS); prints session tokens of a sample of them.
seed: build
	@p=$$(( ($(ITEMS) + $(ITEMS_PER) - 1) / $(ITEMS_PER) )); \
	$(CARGO_TARGET_DIR)/release/polku seed --database-url "$(SEED_DATABASE_URL)" \
		--participants $$p --items-per-participant $(ITEMS_PER) \
		--groups $(or $(GROUPS),$$(( p / 15 > 0 ? p / 15 : 1 )))

## Requests/s and latency of the main pages on a seeded release server
## (scripts/bench.sh tells its settings), e.g. `make bench ITEMS=500000`.
bench: build wrk
	BIN=$(CARGO_TARGET_DIR)/release/polku SITE=$(SITE) ITEMS=$(ITEMS) ITEMS_PER=$(ITEMS_PER) \
		BENCH_GROUPS=$(GROUPS) scripts/bench.sh

## Instructions per request of the same routes, counted by valgrind
## (scripts/bench-count.sh): the same for the same code, where req/s drift.
bench-count: build valgrind
	BIN=$(CARGO_TARGET_DIR)/release/polku SITE=$(SITE) ITEMS=$(ITEMS) ITEMS_PER=$(ITEMS_PER) \
		BENCH_GROUPS=$(GROUPS) scripts/bench-count.sh

## Lighthouse, mobile profile, on the home page (signed in) and sign-in.
bench-mobile: build browser lighthouse
	BIN=$(CARGO_TARGET_DIR)/release/polku SITE=$(SITE) LIGHTHOUSE=$(LIGHTHOUSE) \
		scripts/bench-mobile.sh

## Tools, each installed only when missing or at the wrong version.
tools: rust-tools node-tools

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@cargo leptos --version 2>/dev/null | grep -qF "$(CARGO_LEPTOS_VERSION)" || \
		cargo install cargo-leptos --locked --version $(CARGO_LEPTOS_VERSION) --features no_downloads
	@# Not --locked: its lock file pins a crate version the registry no longer serves.
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

node-tools:
	@wasm-opt --version 2>/dev/null | grep -q "version $(firstword $(subst ., ,$(BINARYEN_VERSION)))" || \
		npm install --prefix $(TOOLS) --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION)

browser:
	@command -v chromium >/dev/null || { $(MAKE) --no-print-directory apt-update; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

brotli:
	@command -v brotli >/dev/null || { $(MAKE) --no-print-directory apt-update; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli; }

wrk:
	@command -v wrk >/dev/null || { $(MAKE) --no-print-directory apt-update; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

valgrind:
	@command -v valgrind >/dev/null || { $(MAKE) --no-print-directory apt-update; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; }

# In a folder of its own: an install beside binaryen would prune it.
lighthouse:
	@$(LIGHTHOUSE) --version 2>/dev/null | grep -qxF "$(LIGHTHOUSE_VERSION)" || \
		npm install --prefix $(TOOLS)/lighthouse --no-save --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION)

apt-update:
	@apt-get update -qq

e2e-deps:
	@cd end2end && { [ -d node_modules/@playwright/test ] && npm ls --depth=0 >/dev/null 2>&1 || \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; }

clean:
	cargo clean
	rm -rf $(SITE)
