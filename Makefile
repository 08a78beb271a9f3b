# sales_process_grc: the two commands are `make run` and `make test`.
.PHONY: run test lint bench screenshots setup pg-start pg-stop clean help

help:
	@echo "make run    set up everything and serve Odoo with the addon and demo data on http://127.0.0.1:8069 (admin/admin)"
	@echo "make test   set up everything, run the addon's Odoo tests and the repository tests"
	@echo "make lint   run the linters (pre-commit: ruff, pylint-odoo, OCA hooks, prettier)"
	@echo "make bench  the addon side by side with vanilla Odoo, budgets checked (BENCH_SCALE=1 for the published size)"
	@echo "make screenshots  the README screenshots from the running demo server (make run in another terminal)"
	@echo "make setup  only the set-up (virtualenv, PostgreSQL cluster, system packages)"
	@echo "make clean  remove .venv, .venv-lint, var/ (and the local database cluster) and node_modules"

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	bash scripts/lint.sh

bench:
	bash scripts/bench.sh

screenshots:
	bash scripts/screenshots.sh

setup:
	bash scripts/setup.sh

pg-start:
	bash scripts/pg.sh start

pg-stop:
	bash scripts/pg.sh stop

clean:
	bash scripts/pg.sh clean
	rm -rf .venv .venv-lint .venv-screenshots var node_modules build dist *.egg-info
