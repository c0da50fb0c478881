# Two commands on a fresh machine: `make run` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core for the browser tests' accessibility checks, from tests/browser/package-lock.json.
BROWSER := tests/browser
AXE_STAMP := $(BROWSER)/node_modules/.installed

.PHONY: run test lint typecheck unit browser rules-test bench load fuzz clean catalogues

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	# The compiled catalogues an editable install does not build (without them every process
	# compiles the .po files in memory: 50 ms of a cold `klaverblad plan`).
	$(BIN)/pybabel -q compile -d src/klaverblad/translations -D klaverblad
	touch $(STAMP)

# Without npm the browser tests skip (or fail under KLAVERBLAD_REQUIRE_BROWSER=1, as on CI).
$(AXE_STAMP): $(BROWSER)/package.json $(BROWSER)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix $(BROWSER) --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "npm not found: axe-core is not installed, the browser tests will skip"; \
	fi

run: $(STAMP)
	$(BIN)/klaverblad serve --demo

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# All tests, the browser tests of tests/browser included (headless Chromium, see its README).
unit: $(STAMP) $(AXE_STAMP)
	$(BIN)/pytest -q

browser: $(STAMP) $(AXE_STAMP)
	$(BIN)/pytest -q $(BROWSER)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

# Mixed load: 50 users for 60 s against 2 workers on loopback (not run by `make test`); options
# as in `make load LOAD_ARGS="--quick --readme"`, see benchmarks/mixed_load.py.
load: $(STAMP)
	$(BIN)/python -m benchmarks.mixed_load $(LOAD_ARGS)

# The attack families of issue 9 against a real server on loopback (1 worker), then
# schemathesis (not run by `make test`); `make fuzz FUZZ_ARGS="--quick --readme"`, see
# benchmarks/fuzz.py. Exits non-zero when a target (4xx, 1 s, 100 MB, 1 s concurrent) is missed.
fuzz: $(STAMP)
	$(BIN)/python -m benchmarks.fuzz $(FUZZ_ARGS)

# The words: extract the marked message ids (N_) into build/klaverblad.pot, add new ids to
# the nl and en catalogues (empty: the completeness test then names them until they are
# translated), drop ids no longer in the code, and compile the .mo files the package loads.
POT := build/klaverblad.pot
catalogues: $(STAMP)
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-default-keywords --add-location=file \
		--sort-by-file --project=Klaverblad --version=0.1.0 \
		--copyright-holder="Klaverblad contributors" -o $(POT) src/klaverblad
	$(BIN)/pybabel update -i $(POT) -d src/klaverblad/translations -D klaverblad \
		--no-fuzzy-matching --ignore-obsolete --width=100
	$(BIN)/pybabel compile -d src/klaverblad/translations -D klaverblad --statistics

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(BROWSER)/node_modules
