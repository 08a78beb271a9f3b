#!/usr/bin/env bash
# `make test`: set-up, then a fresh database with the addon installed with its
# tests (--test-enable --test-tags /sales_process_grc), then pytest-odoo on the
# repository-level tests/. Fails on any failed or errored test, on any ERROR or
# CRITICAL log line, on any view warning or other unexpected warning, and when
# a browser test is skipped because Chromium or websocket-client is missing.
# The last line is a plain summary: "N passed, N failed, N skipped".
#
# Environment: TEST_DB (default grc_test), KEEP_DB=1 keeps the database,
# TEST_TAGS (default /sales_process_grc), PYTEST_ARGS (extra pytest arguments),
# SKIP_PYTEST=1 / SKIP_ODOO_TESTS=1 to run only one half while developing.
source "$(dirname "$0")/lib.sh"

TEST_DB=${TEST_DB:-grc_test}
TEST_TAGS=${TEST_TAGS:-/$ADDON}
LOG_DIR="$VAR/log"
ODOO_LOG="$LOG_DIR/test-odoo.log"
JUNIT="$LOG_DIR/pytest-junit.xml"

"$REPO_ROOT/scripts/setup.sh"
mkdir -p "$LOG_DIR"

pg_start_if_needed
cleanup() {
    if [ "${KEEP_DB:-0}" != 1 ]; then
        drop_db "$TEST_DB" 2>/dev/null || true
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
# of an editable Odoo install (see README).
BAD_LINE_RE='^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^[0-9-]+ [0-9:,]+ [0-9]+ WARNING .*(ir_ui_view|ir\.ui\.view)|^[0-9-]+ [0-9:,]+ [0-9]+ WARNING [^ ]+ odoo\.(modules|addons\.base\.models\.ir_model|addons\.sales_process_grc\.(models|wizard|report|controllers))'
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

# --- 1. Odoo's runner: the addon's own tests --------------------------------
if [ "${SKIP_ODOO_TESTS:-0}" != 1 ]; then
    log "Odoo tests: fresh database $TEST_DB, -i $ADDON --test-tags $TEST_TAGS"
    drop_db "$TEST_DB"
    set +e
    timeout -k 30 2700 "$PY" "$(odoo_src)/odoo-bin" -c "$(odoo_conf)" -d "$TEST_DB" \
        -i "$ADDON" --test-enable --test-tags "$TEST_TAGS" --stop-after-init \
        --http-interface=127.0.0.1 --http-port="$TEST_HTTP_PORT" --workers=0 \
        --max-cron-threads=0 --log-level=info 2>&1 | tee "$ODOO_LOG" \
        | grep -aE --line-buffered ' (WARNING|ERROR|CRITICAL) |FAIL|Traceback|tests when loading|odoo\.tests\.stats|: Starting |skipped '
    rc=${PIPESTATUS[0]}
    set -e
    result=$(grep -aoE '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests when loading database' "$ODOO_LOG" | tail -1 || true)
    if [ -z "$result" ]; then
        problems+=("Odoo tests: no result line (exit code $rc)")
        failed=$((failed + 1))
    else
        read -r f e total <<<"$(sed -E 's/^([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$result")"
        s=$(grep -acE ' skipped .* : ' "$ODOO_LOG" || true)
        failed=$((failed + f + e))
        skipped=$((skipped + s))
        passed=$((passed + total - f - e - s))
        [ "$total" -gt 0 ] || problems+=("Odoo tests: no test ran")
        log "Odoo tests: $result ($s skipped)"
    fi
    [ "$rc" = 0 ] || problems+=("Odoo tests: odoo-bin exited with $rc")
    check_log "$ODOO_LOG" "Odoo tests"
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
