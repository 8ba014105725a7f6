# Two commands from a fresh clone: `make run` and `make test` (see README.md).
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types samples

# Create the virtual environment only when it is missing.
$(BIN)/python:
	python3 -m venv $(VENV)

# Re-install (and rebuild the C text loop) only when pyproject.toml or the C source changed.
$(STAMP): pyproject.toml extractors/_pdfpage.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/recwatch run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(STAMP)
	$(BIN)/mypy --strict pipeline extractors models

# pytest exits 5 when it collects no tests; that is not a failure here.
test: lint types
	$(BIN)/python -m pytest; status=$$?; [ $$status -eq 5 ] || exit $$status

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py
