# Every set-up step lives here: a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PLAN := examples/boulangerie.yaml
DEMO_OUT := build/demo

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(DEMO_OUT)
	$(BIN)/smplan check $(DEMO_PLAN)
	$(BIN)/smplan render $(DEMO_PLAN) --format pdf -o $(DEMO_OUT)/boulangerie.pdf
	$(BIN)/smplan render $(DEMO_PLAN) --format md -o $(DEMO_OUT)/boulangerie.md
	$(BIN)/smplan render $(DEMO_PLAN) --format pdf --summary -o $(DEMO_OUT)/boulangerie.summary.pdf
	@echo
	@echo "The demo documents are in $(DEMO_OUT)/:"
	@echo "  $(DEMO_OUT)/boulangerie.pdf          the full strategy document"
	@echo "  $(DEMO_OUT)/boulangerie.summary.pdf  the two-page summary"
	@echo "  $(DEMO_OUT)/boulangerie.md           the same document in Markdown"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check smplan tests benchmarks
	$(BIN)/mypy smplan

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
