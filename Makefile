# Two commands do all set-up on a machine with only Python 3.11+ and make:
#   make serve   the platform on http://127.0.0.1:8000 (embedded PostgreSQL unless DATABASE_URL)
#   make test    the whole test suite, on a real PostgreSQL (make test-pooled: behind PgBouncer;
#                make test-fast: the quick loop, without the slow tests)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Serving needs the platform and the embedded PostgreSQL only; the tests, the linters and the
# benchmarks add their tools on top, the first time one of their targets runs.
SERVE_STAMP := $(VENV)/.installed-serve
STAMP := $(VENV)/.installed

.PHONY: serve test test-fast test-pooled golden-sql bench lint format lock clean

$(SERVE_STAMP): pyproject.toml requirements.lock
	@echo "make: installing what serving needs into $(VENV)/ (the first time only: about a minute)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# --no-compile: Python compiles what it imports on first use; most installed code never is.
	$(BIN)/python -m pip install --quiet --no-compile -c requirements.lock -e ".[embedded]"
	touch $(SERVE_STAMP)

$(STAMP): $(SERVE_STAMP)
	@echo "make: installing the test, lint and benchmark tools into $(VENV)/ (the first time only)"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,embedded,bench]"
	touch $(STAMP)

# Two pytest-xdist workers, each with a throwaway cluster of its own (tests/conftest.py), a
# file's tests on one worker so its module fixtures (the million-row table, a live server) are
# built once: half the time of one process on 2 cores. With TEST_DATABASE_URL every worker
# would share that one database, whose tables each test empties: one process then.
WORKERS := $(if $(TEST_DATABASE_URL),,-n 2 --dist loadfile)

serve: $(SERVE_STAMP)
	$(BIN)/taskapi serve $(ARGS)

test: $(STAMP)
	scripts/ensure-system-tools
	$(BIN)/pytest $(WORKERS) $(ARGS)

# The quick loop for a one-line change: everything but the tests marked `slow` (browsers,
# servers and programs in subprocesses, million-row plans, soak, faults, replicas), on two
# workers as `make test` has.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow" $(WORKERS) $(ARGS)

# Rewrites tests/golden_sql/ after a deliberate change to a statement: the diff is its SQL.
golden-sql: $(STAMP)
	UPDATE_GOLDEN_SQL=1 $(BIN)/pytest -q tests/core/test_golden_sql.py

# The same suite with the app behind PgBouncer in transaction mode, as on Neon's pooled URL.
test-pooled: $(STAMP)
	scripts/ensure-system-tools
	TEST_PGBOUNCER=1 $(BIN)/pytest $(WORKERS) $(ARGS)

# The benchmark harness (needs wrk): the platform against its ceiling; see bench/run.py.
bench: $(STAMP)
	$(BIN)/python -m bench.run $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-pin every dependency after changing pyproject.toml: one universal resolution (environment
# markers, no index URLs) that fits every supported Python (3.11 to 3.14) and platform, so the
# same requirements.lock installs with plain pip anywhere. Earlier pins are kept where they fit.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --no-header \
		--extra dev --extra embedded --extra bench --constraint requirements.lock \
		--output-file requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) bench/.runtime
