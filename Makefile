# Two commands do all set-up on a machine with only Python 3.11+ and make:
#   make serve   the platform on http://127.0.0.1:8000 (embedded PostgreSQL unless DATABASE_URL)
#   make test    the whole test suite, on a real PostgreSQL (make test-pooled: behind PgBouncer)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test test-pooled bench lint format lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,embedded,bench]"
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/taskapi serve $(ARGS)

test: $(STAMP)
	scripts/ensure-system-tools
	$(BIN)/pytest $(ARGS)

# The same suite with the app behind PgBouncer in transaction mode, as on Neon's pooled URL.
test-pooled: $(STAMP)
	scripts/ensure-system-tools
	TEST_PGBOUNCER=1 $(BIN)/pytest $(ARGS)

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
	rm -rf $(VENV)
