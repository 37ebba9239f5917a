# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Offline machines: keep Prefect from trying to send telemetry.
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install demo test bench clean-db

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/evnews demo

test: install
	$(PY) -m pytest

bench: install
	$(PY) benchmarks/run_all.py

clean-db:
	rm -f warehouse/evnews.duckdb warehouse/evnews.duckdb.wal warehouse/evnews.snapshot.duckdb
