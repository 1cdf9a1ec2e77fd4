# Secket: `make run` sets up and runs the app; `make test` sets up and runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test setup lint unit server-tests e2e bench fuzz-long build clean system-deps runtime

# `secket compress` makes the brotli and gzip variants the server sends (once per content:
# about a minute on a fresh clone, nothing after that).
run: $(VENV)/.stamp-run node_modules/.stamp runtime
	$(BIN)/secket compress
	$(BIN)/secket serve --host $(HOST) --port $(PORT)

test: $(VENV)/.stamp-test node_modules/.stamp runtime system-deps lint
	$(BIN)/python -m pytest

setup: $(VENV)/.stamp-test node_modules/.stamp runtime

lint: $(VENV)/.stamp-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: $(VENV)/.stamp-test
	$(BIN)/python -m pytest tests/unit

server-tests: $(VENV)/.stamp-test node_modules/.stamp
	$(BIN)/python -m pytest tests/server

e2e: $(VENV)/.stamp-test node_modules/.stamp runtime system-deps
	$(BIN)/python -m pytest tests/e2e

# The page on a desktop, a 4G phone and slow 4G (about 7 minutes here), then the signaling
# load against PeerServer and behind Redis; docs/benchmarks.md says what each prints.
bench: $(VENV)/.stamp-test node_modules/.stamp runtime system-deps
	$(BIN)/python -m bench.pages --profiles desktop,4g,slow4g
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.load --target none --rooms 1000 --redis-processes 1 2 4

# The long fuzzing profile (the quick one runs in `make test`).
fuzz-long: $(VENV)/.stamp-test
	SECKET_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/server/test_fuzz.py -q

# secket build derives the runtime itself when it is missing or stale.
build: $(VENV)/.stamp-run node_modules/.stamp
	$(BIN)/secket build --out dist

# The page's runtime derived from the pinned packages, in build/runtime/: a standard library of
# only what the page imports, as bytecode (made with Node in a few seconds; nothing to do while
# it is up to date). Without it the page starts from the npm package's, seconds slower.
runtime: $(VENV)/.stamp-run node_modules/.stamp
	$(BIN)/secket runtime

# Browsers and servers the tests drive: Debian's packages where apt-get is available
# (chromium, firefox-esr, WebKitGTK with xvfb), Playwright's own Chromium and Firefox elsewhere.
system-deps: $(VENV)/.stamp-test
	VENV=$(VENV) scripts/system-deps.sh

$(VENV)/.stamp-run: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-run
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) node_modules dist build .cache .pytest_cache .mypy_cache .ruff_cache
