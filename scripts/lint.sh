#!/usr/bin/env bash
# `make lint`: the pre-commit hooks (ruff check and format, pylint-odoo, OCA
# module and .po checks, prettier with the XML plugin) on every file.
# FIX=1 lets ruff and prettier rewrite the files instead of only checking.
source "$(dirname "$0")/lib.sh"
"$REPO_ROOT/scripts/setup.sh" --lint
cd "$REPO_ROOT"
export PATH="$REPO_ROOT/.venv-lint/bin:$PATH"
if [ "${FIX:-0}" = 1 ]; then
    ruff check --fix . || true
    ruff format .
    node_modules/.bin/prettier --write --log-level warn \
        $(git ls-files '*.xml' '*.js' '*.yml' '*.yaml' | grep -v '^\.pre-commit-config.yaml$')
fi
# pre-commit needs a git checkout; outside one (e.g. an exported tree) run
# the same hooks through `pre-commit run --files`.
pre-commit run --all-files --show-diff-on-failure --color=never
log "lint: no findings"
