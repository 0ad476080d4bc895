# Every set-up step lives here: a fresh machine needs only `make demo` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PLAN := examples/boulangerie.yaml
DEMO_OUT := build/demo

.PHONY: install demo test lint bench catalogs pictures clean

$(STAMP): pyproject.toml hatch_build.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)
	$(BIN)/python -m pip install --quiet --no-deps -e .

demo: $(STAMP)
	@mkdir -p $(DEMO_OUT)
	$(BIN)/smplan check $(DEMO_PLAN)
	$(BIN)/smplan render $(DEMO_PLAN) --format pdf -o $(DEMO_OUT)/boulangerie.pdf
	$(BIN)/smplan render $(DEMO_PLAN) --format md -o $(DEMO_OUT)/boulangerie.md
	$(BIN)/smplan render $(DEMO_PLAN) --format pdf --summary -o $(DEMO_OUT)/boulangerie.summary.pdf
	$(BIN)/smplan render $(DEMO_PLAN) --format docx -o $(DEMO_OUT)/boulangerie.docx
	$(BIN)/smplan status $(DEMO_PLAN)
	$(BIN)/smplan report $(DEMO_PLAN) --period 2027-02 -o $(DEMO_OUT)/boulangerie.report-2027-02.pdf
	@echo
	@echo "The demo documents are in $(DEMO_OUT)/:"
	@echo "  $(DEMO_OUT)/boulangerie.pdf          the full strategy document"
	@echo "  $(DEMO_OUT)/boulangerie.summary.pdf  the two-page summary"
	@echo "  $(DEMO_OUT)/boulangerie.md           the same document in Markdown"
	@echo "  $(DEMO_OUT)/boulangerie.docx         the same document in Word, to finish and mark up"
	@echo "  $(DEMO_OUT)/boulangerie.report-2027-02.pdf  the client's report for February 2027"

# Bytecode first, as an install has it: where PYTHONDONTWRITEBYTECODE is set, every smplan
# the suite starts would otherwise compile the package again. Each test file runs whole on
# one worker, so that what its module fixtures build (documents, a wheel) is built once.
test: lint
	$(BIN)/python -m compileall -q smplan
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check smplan tests benchmarks
	$(BIN)/mypy smplan
	$(BIN)/lint-imports

# The catalogs: extract every text from the code and templates into smplan/locale/smplan.pot,
# bring each language's .po up to date with it, and compile them (installing compiles too).
BABEL_KEYWORDS := -k N_ -k NP_:1c,2 -k L_ -k LP_:1c,2 -k LN_:1,2 -k ex -k _rule:4 -k H_
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --sort-by-file --omit-header \
		-o smplan/locale/smplan.pot .
	$(BIN)/pybabel update -i smplan/locale/smplan.pot -d smplan/locale -D smplan \
		--no-fuzzy-matching --width 100
	$(BIN)/pybabel compile -d smplan/locale -D smplan --statistics

# The README's pictures, as PNG (pdftoppm, from poppler-utils): the first pages of an example's
# document, a week of the bakery's calendar and the first page of its February report. Run it
# after a change to what they show. The calendar's page prints itself across the paper, as a
# person printing it gets it.
PICTURES := docs/pictures
PICTURES_PLAN := examples/b2b-software.yaml
pictures: $(STAMP)
	@mkdir -p $(PICTURES) build/pictures
	$(BIN)/smplan render $(PICTURES_PLAN) -o build/pictures/document.pdf
	pdftoppm -png -r 50 -f 1 -l 4 build/pictures/document.pdf \
		$(PICTURES)/$(basename $(notdir $(PICTURES_PLAN)))
	$(BIN)/smplan calendar $(DEMO_PLAN) --from 2027-05-17 --weeks 1 -f html \
		-o build/pictures/calendar-week.html
	$(BIN)/weasyprint build/pictures/calendar-week.html build/pictures/calendar-week.pdf
	pdftoppm -png -r 80 -singlefile build/pictures/calendar-week.pdf $(PICTURES)/calendar-week
	$(BIN)/smplan report $(DEMO_PLAN) --period 2027-02 -o build/pictures/report.pdf
	pdftoppm -png -r 70 -f 1 -l 1 -singlefile build/pictures/report.pdf $(PICTURES)/report-page-1

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
