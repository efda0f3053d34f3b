# The two quick-start commands: `make demo` and `make test`. Both set up .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,strategies,docs]'
	# Chinese chart labels need a CJK font: install fonts-noto-cjk when root on Debian/Ubuntu and none is present.
	command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && ! fc-list :lang=zh 2>/dev/null | grep -q . && (apt-get update -qq && apt-get install -y -qq fonts-noto-cjk fontconfig) || true
	# The HTML audit page is tested in a headless browser: install chromium when root on Debian/Ubuntu and it is missing.
	command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && ! command -v chromium >/dev/null && (apt-get update -qq && apt-get install -y -qq chromium) || true
	touch $(STAMP)

# The audit exits 1 when it finds errors, which the seed report has: that is the expected result.
demo: $(STAMP)
	$(BIN)/budgetacct audit --example xiqu-2021 || test $$? -eq 1

unit: $(STAMP)
	$(BIN)/python -m pytest -q

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict src
	$(BIN)/python -m pytest -q
	$(MAKE) docs

# The documentation site, rebuilt from scratch (-E) with warnings as errors; docs/rules.md is
# regenerated from the rule registry on the way.
docs: $(STAMP)
	$(BIN)/python -m sphinx -E -W --keep-going -q -b html docs docs/_build/html

clean:
	rm -rf $(VENV) .hypothesis .mypy_cache .ruff_cache build dist
