# Havengraph — two commands do everything on a fresh machine:
#   make demo   install, ingest the bundled sample case, analyse, draw, serve on 127.0.0.1:8000
#   make test   install, start a local Neo4j and headless Chromium when possible, run the whole suite
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SERVE  ?= 1
PORT   ?= 8000

.PHONY: install demo test lint neo4j-start neo4j-stop bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/havengraph demo --out out --port $(PORT) $(if $(filter 0,$(SERVE)),--no-serve,--serve)

test: install
	bash scripts/test.sh

lint: install
	$(VENV)/bin/ruff check ingest nlp graph api tests bench notebooks scripts

neo4j-start:
	bash scripts/neo4j start

neo4j-stop:
	bash scripts/neo4j stop

QUICK_BENCHES := ingest read analysis eval_resolution resolution_speed api neo4j_write ingest_writes

bench: install
	$(PY) bench/eval_extraction.py
	for b in $(QUICK_BENCHES); do echo "== bench/$$b.py"; $(PY) bench/$$b.py --size small || exit 1; done

clean:
	rm -rf out .pytest_cache test-artifacts
