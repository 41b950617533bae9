# The checks a change must pass; CI runs the same commands.
PYTHON ?= .venv/bin/python

.PHONY: lint typecheck test test-fast

lint:
	$(PYTHON) -m ruff check .

typecheck:
	$(PYTHON) -m mypy

test:
	$(PYTHON) -m pytest -q

# Leaves out the tests marked slow: those sharing the build of the whole example (tests/conftest.py).
test-fast:
	$(PYTHON) -m pytest -q -m "not slow"
