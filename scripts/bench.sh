#!/usr/bin/env bash
# `make bench`: the addon side by side with vanilla Odoo. Builds two throw-away
# databases the same way (crm + base_automation, and the same plus the addon),
# fills both with the same generated data set and runs scripts/bench.py, which
# prints time, SQL queries and the ratio addon / vanilla of the everyday
# operations, then time, queries and peak memory of the addon's own work, and
# exits non-zero when a budget is exceeded.
#
#   BENCH_SCALE=0.1   data set size (default 0.1; 1.0 = 100,000 leads and
#                     100,000 customers, the size of the published figures)
#   BENCH_OPS=1000    records of the everyday create / stage write
#   BENCH_ROUNDS=3    rounds of the everyday operations (median)
#   BENCH_STAGE_REPEAT=6  flushed stage writes per round (paired, rolled back)
#   BENCH_OUTPUT=...  also write the figures as JSON to this file
#   BENCH_KEEP=1      keep the two databases afterwards
#   BENCH_SKIP_SETUP=1  skip scripts/setup.sh (virtualenv already there)
source "$(dirname "$0")/lib.sh"
# BENCH_SKIP_SETUP=1: use the existing virtualenv as it is
[ "${BENCH_SKIP_SETUP:-0}" = 1 ] || "$REPO_ROOT/scripts/setup.sh"
VANILLA_DB=${BENCH_VANILLA_DB:-grc_bench_vanilla}
ADDON_DB=${BENCH_ADDON_DB:-grc_bench_addon}
pg_start_if_needed
cleanup() {
    if [ "${BENCH_KEEP:-0}" != 1 ]; then
        drop_db "$VANILLA_DB" 2>/dev/null || true
        drop_db "$ADDON_DB" 2>/dev/null || true
    fi
    pg_stop_if_started
}
trap cleanup EXIT
install() {
    drop_db "$1"
    log "Installing $2 in $1"
    odoo_bin -d "$1" -i "$2" --stop-after-init --log-level=warn \
        --http-port="${BENCH_HTTP_PORT:-8079}" --workers=0 --max-cron-threads=0
}
install "$VANILLA_DB" crm,base_automation
install "$ADDON_DB" "crm,base_automation,$ADDON"
log "Benchmark (BENCH_SCALE=${BENCH_SCALE:-0.1})"
BENCH_VANILLA_DB=$VANILLA_DB BENCH_ADDON_DB=$ADDON_DB \
    "$PY" "$(odoo_src)/odoo-bin" shell -c "$(odoo_conf)" -d "$ADDON_DB" --no-http \
    --log-level=warn <"$REPO_ROOT/scripts/bench.py"
