#!/usr/bin/env bash
# `make screenshots`: the README screenshots (docs/screenshots/) from a running
# demo database (`make run` in another terminal). Playwright and Pillow live in
# their own environment .venv-screenshots (requirements/screenshots.txt), made
# here when missing or when that file changed.
# Usage: scripts/screenshots.sh [--url http://127.0.0.1:8069] [--db grc] ...
source "$(dirname "$0")/lib.sh"

shot_venv="$REPO_ROOT/.venv-screenshots"
[ -x "$shot_venv/bin/python" ] || python3 -m venv "$shot_venv"
stamp=$(cksum <"$REPO_ROOT/requirements/screenshots.txt" | cut -d' ' -f1)
if [ "$(cat "$shot_venv/.installed" 2>/dev/null)" != "$stamp" ]; then
    log "Installing Playwright into .venv-screenshots"
    "$shot_venv/bin/python" -m pip install -q -r "$REPO_ROOT/requirements/screenshots.txt"
    echo "$stamp" >"$shot_venv/.installed"
fi
command -v pdftoppm >/dev/null 2>&1 || "$REPO_ROOT/scripts/setup.sh"
[ -x /usr/bin/chromium ] || "$REPO_ROOT/scripts/setup.sh"
exec "$shot_venv/bin/python" "$REPO_ROOT/scripts/screenshots.py" \
    --url "http://127.0.0.1:$HTTP_PORT" --db "$RUN_DB" "$@"
