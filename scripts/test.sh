#!/usr/bin/env bash
# `make test`: set-up, then a fresh database with the addon installed with its
# tests (--test-enable --test-tags /sales_process_grc, on crm alone), then a
# second fresh database where all the bridge addons (BRIDGES in lib.sh, those
# that exist) are installed at once with their own tests, then pytest-odoo on
# the repository-level tests/. Fails on any failed or errored test, on any ERROR or
# CRITICAL log line, on any view warning or other unexpected warning, and when
# a browser test is skipped because Chromium or websocket-client is missing.
# The last line is a plain summary: "N passed, N failed, N skipped".
#
# Environment: TEST_DB (default grc_test), KEEP_DB=1 keeps the database,
# TEST_TAGS (default /sales_process_grc), PYTEST_ARGS (extra pytest arguments),
# SKIP_PYTEST=1 / SKIP_ODOO_TESTS=1 to run only one half while developing.
# Bridges: database "${TEST_DB}_bridges", BRIDGE_TEST_TAGS (default: /<bridge>
# for each existing bridge); SKIP_BRIDGES=1 skips that run, SKIP_MAIN_TESTS=1
# the main addon's; an explicit TEST_TAGS without BRIDGE_TEST_TAGS runs only
# the main addon's tests.
source "$(dirname "$0")/lib.sh"

TEST_DB=${TEST_DB:-grc_test}
if [ -n "${TEST_TAGS:-}" ] && [ -z "${BRIDGE_TEST_TAGS:-}" ]; then
    SKIP_BRIDGES=${SKIP_BRIDGES:-1}
fi
TEST_TAGS=${TEST_TAGS:-/$ADDON}
BRIDGE_DB="${TEST_DB}_bridges"
mapfile -t bridges < <(existing_bridges)
if [ -z "${BRIDGE_TEST_TAGS:-}" ] && [ ${#bridges[@]} -gt 0 ]; then
    BRIDGE_TEST_TAGS=$(printf '/%s,' "${bridges[@]}")
    BRIDGE_TEST_TAGS=${BRIDGE_TEST_TAGS%,}
fi
LOG_DIR="$VAR/log"
ODOO_LOG="$LOG_DIR/test-odoo.log"
JUNIT="$LOG_DIR/pytest-junit.xml"

"$REPO_ROOT/scripts/setup.sh"
mkdir -p "$LOG_DIR"

pg_start_if_needed
cleanup() {
    if [ "${KEEP_DB:-0}" != 1 ]; then
        drop_db "$TEST_DB" 2>/dev/null || true
        drop_db "$BRIDGE_DB" 2>/dev/null || true
    fi
    pg_stop_if_started
}
trap cleanup EXIT

# A free port for the test HTTP server (browser tests), so that several
# checkouts can run their tests at once.
TEST_HTTP_PORT=${TEST_HTTP_PORT:-$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export TEST_HTTP_PORT

passed=0
failed=0
skipped=0
problems=()

# Log lines that fail the run. The only tolerated warning is the harmless one
# of an editable Odoo install (see README). Warnings of the addon's code and of
# every bridge's (odoo.addons.sales_process_grc_*) fail the run.
BAD_LINE_RE='^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^[0-9-]+ [0-9:,]+ [0-9]+ WARNING .*(ir_ui_view|ir\.ui\.view)|^[0-9-]+ [0-9:,]+ [0-9]+ WARNING [^ ]+ odoo\.(modules|addons\.base\.models\.ir_model|addons\.sales_process_grc(_[a-z_]+)?\.(models|wizard|report|controllers|hooks))'
BROWSER_SKIP_RE='websocket-client module is not installed|(chrome|chromium|google-chrome|chromium-browser) not found|Error during Chrome|Cannot connect to chrome dev tools|Failed to detect chrome devtools|never found .page. target'
IGNORE_RE='addons path is not a directory: .*__editable__'

check_log() { # file label
    local bad
    bad=$(grep -aE "$BAD_LINE_RE" "$1" | grep -avE "$IGNORE_RE" || true)
    if [ -n "$bad" ]; then
        printf '%s\n' "$bad" | head -40 >&2
        problems+=("$2: $(printf '%s\n' "$bad" | wc -l) ERROR/CRITICAL/warning log line(s)")
    fi
    if grep -aqiE "$BROWSER_SKIP_RE" "$1"; then
        grep -aiE "$BROWSER_SKIP_RE" "$1" | head -5 >&2
        problems+=("$2: a browser test was skipped (Chromium or websocket-client missing)")
    fi
}

# --- 1. Odoo's runner: the addons' own tests ---------------------------------
run_odoo_tests() { # database modules tags log label
    local db=$1 modules=$2 tags=$3 odoo_log=$4 label=$5 rc result f e total s
    log "$label: fresh database $db, -i $modules --test-tags $tags"
    drop_db "$db"
    set +e
    timeout -k 30 2700 "$PY" "$(odoo_src)/odoo-bin" -c "$(odoo_conf)" -d "$db" \
        -i "$modules" --test-enable --test-tags "$tags" --stop-after-init \
        --http-interface=127.0.0.1 --http-port="$TEST_HTTP_PORT" --workers=0 \
        --max-cron-threads=0 --log-level=info 2>&1 | tee "$odoo_log" \
        | grep -aE --line-buffered ' (WARNING|ERROR|CRITICAL) |FAIL|Traceback|tests when loading|odoo\.tests\.stats|: Starting |skipped '
    rc=${PIPESTATUS[0]}
    set -e
    result=$(grep -aoE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$odoo_log" | tail -1 || true)
    if [ -z "$result" ]; then
        problems+=("$label: no result line (exit code $rc)")
        failed=$((failed + 1))
    else
        read -r f e total <<<"$(sed -E 's/^([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$result")"
        s=$(grep -acE ' skipped .* : ' "$odoo_log" || true)
        failed=$((failed + f + e))
        skipped=$((skipped + s))
        passed=$((passed + total - f - e - s))
        [ "$total" -gt 0 ] || problems+=("$label: no test ran")
        log "$label: $result ($s skipped)"
    fi
    [ "$rc" = 0 ] || problems+=("$label: odoo-bin exited with $rc")
    check_log "$odoo_log" "$label"
}

if [ "${SKIP_ODOO_TESTS:-0}" != 1 ]; then
    # the main addon on crm alone: it must keep working without any bridge
    if [ "${SKIP_MAIN_TESTS:-0}" != 1 ]; then
        run_odoo_tests "$TEST_DB" "$ADDON" "$TEST_TAGS" "$ODOO_LOG" "Odoo tests"
    fi
    # every bridge in one install (sale, mass_mailing... come with them)
    if [ "${SKIP_BRIDGES:-0}" != 1 ] && [ ${#bridges[@]} -gt 0 ]; then
        run_odoo_tests "$BRIDGE_DB" "$(IFS=,; echo "${bridges[*]}")" \
            "$BRIDGE_TEST_TAGS" "$LOG_DIR/test-odoo-bridges.log" "Bridge tests"
    fi
fi

# --- 2. pytest-odoo: repository-level tests ---------------------------------
if [ "${SKIP_PYTEST:-0}" != 1 ]; then
    if ! db_exists "$TEST_DB"; then
        log "pytest: installing $ADDON in $TEST_DB"
        timeout -k 30 1200 "$PY" "$(odoo_src)/odoo-bin" -c "$(odoo_conf)" -d "$TEST_DB" \
            -i "$ADDON" --stop-after-init --log-level=warn >"$LOG_DIR/test-install.log" 2>&1
        check_log "$LOG_DIR/test-install.log" "install for pytest"
    fi
    log "pytest-odoo on tests/"
    rm -f "$JUNIT"
    set +e
    # shellcheck disable=SC2086
    timeout -k 30 2700 "$VENV/bin/pytest" "$REPO_ROOT/tests" -p no:cacheprovider -rs \
        --odoo-config="$(odoo_conf)" --odoo-database="$TEST_DB" --odoo-log-level=warn \
        --junitxml="$JUNIT" ${PYTEST_ARGS:-} 2>&1 | tee "$LOG_DIR/test-pytest.log"
    rc=${PIPESTATUS[0]}
    set -e
    if [ -f "$JUNIT" ]; then
        read -r t f e s <<<"$("$PY" - "$JUNIT" <<'PYEOF'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
keys = ("tests", "failures", "errors", "skipped")
print(*(sum(int(x.get(k, 0)) for x in suites) for k in keys))
PYEOF
)"
        passed=$((passed + t - f - e - s))
        failed=$((failed + f + e))
        skipped=$((skipped + s))
        [ "$t" -gt 0 ] || problems+=("pytest: no test ran")
    else
        problems+=("pytest: no report (exit code $rc)")
        failed=$((failed + 1))
    fi
    [ "$rc" = 0 ] || problems+=("pytest exited with $rc")
    check_log "$LOG_DIR/test-pytest.log" "pytest"
fi

status=0
if [ ${#problems[@]} -gt 0 ]; then
    echo
    echo "Test run FAILED:"
    printf ' - %s\n' "${problems[@]}"
    status=1
fi
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
