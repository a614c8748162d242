# The two commands: `make run` and `make test`. Nothing but Python 3.11, make and git needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: run test install lint contract bench load mutation screenshots lock clean

$(BIN)/.installed: requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found; set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	@touch $@

install: $(BIN)/.installed

# Absolute URLs (media, canonical URLs, sitemap, SEO previews) start with PUBLIC_BASE_URL.
run: export PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
run: install
	@echo "Preparing the database and the demo content..."
	@$(BIN)/python manage.py migrate --noinput --verbosity 0
	@$(BIN)/python manage.py load_demo_content
	@$(BIN)/python manage.py ensure_admin
	@$(BIN)/python manage.py devserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

test: lint
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py check
	$(BIN)/pytest
	./frontend_contract/check-types.sh

# Refresh frontend_contract/ after an API change: schema snapshot (refused if a breaking change
# is not in CHANGELOG.md), persisted-query manifest, operation answers and TypeScript types.
contract: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py export_schema
	UPDATE_CONTRACT_SNAPSHOTS=1 $(BIN)/pytest tests/cms/api/test_contract.py -q
	cd frontend_contract && npm ci --no-audit --no-fund --silent && npx graphql-codegen --config codegen.yml

# Benchmarks: builds its own data, prints a table, writes var/bench.json (see bench/run.py).
bench: install
	$(BIN)/python -m bench.run

# 60 s of mixed traffic on gunicorn + PostgreSQL + Redis (needs wrk; see bench/load.py).
load: install
	$(BIN)/python -m bench.load

# Mutation testing of the modules in pyproject.toml's [tool.mutmut] (slow, not in CI): writes the
# score and the surviving mutants to var/mutation.txt. MUTATION_CHILDREN=2 when the machine is
# free; MUTATION_FRESH=1 forgets earlier verdicts (mutants/); MUTATION_SAMPLE=N tests N mutants
# drawn at random and gives a 95% interval for the whole (the full run takes hours on 2 cores).
MUTATION_CHILDREN ?= 1
mutation: install
	$(BIN)/python scripts/mutation_report.py --max-children $(MUTATION_CHILDREN) $(if $(MUTATION_FRESH),--fresh) $(if $(MUTATION_SAMPLE),--sample $(MUTATION_SAMPLE))

# Rewrite the README's screenshots (docs/screenshots/) from the browser tests that take them.
screenshots: install
	UPDATE_SCREENSHOTS=1 $(BIN)/pytest -q tests/browser/test_readme_screenshots.py tests/browser/test_salary_editor.py

# Re-pin dependencies from the ranges in pyproject.toml.
lock:
	rm -rf var/lock-venv && $(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install --quiet ".[dev]"
	var/lock-venv/bin/python -m pip freeze --exclude role-guide-cms > requirements.lock
	rm -rf var/lock-venv

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
