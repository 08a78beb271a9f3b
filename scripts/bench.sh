#!/usr/bin/env bash
# `make bench`: the benchmark of the addon's batch operations on a throw-away
# database (grc_bench): prints time, SQL queries (in total and per batch) and
# peak memory for each. BENCH_SCALE=0.1 for a quick run.
source "$(dirname "$0")/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
DB=${BENCH_DB:-grc_bench}
pg_start_if_needed
cleanup() {
    drop_db "$DB" 2>/dev/null || true
    pg_stop_if_started
}
trap cleanup EXIT
drop_db "$DB"
odoo_bin -d "$DB" -i "$ADDON" --stop-after-init --log-level=warn
"$PY" "$(odoo_src)/odoo-bin" shell -c "$(odoo_conf)" -d "$DB" --no-http \
    --log-level=warn <"$REPO_ROOT/scripts/bench.py"
