# The checks a change must pass; CI runs the same commands.
PYTHON ?= .venv/bin/python

.PHONY: lint typecheck test test-fast

lint:
	$(PYTHON) -m ruff check .

typecheck:
	$(PYTHON) -m mypy

test:
	$(PYTHON) -m pytest -q

# Leaves out the tests marked slow: those that share the build of the whole example or render many documents.
test-fast:
	$(PYTHON) -m pytest -q -m "not slow"
