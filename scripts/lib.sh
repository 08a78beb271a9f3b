# shellcheck shell=bash
# Common settings and helpers for the project's scripts. Sourced, not run.
#
# Everything the scripts create lives in the repository and is git-ignored:
#   .venv/            Python virtual environment (Odoo's requirements + tools)
#   var/              local state: PostgreSQL cluster, Odoo config, filestore, logs
#   node_modules/     prettier for the lint hooks

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ADDON=sales_process_grc
# Bridge addons (sales_process_grc + another Odoo app, auto_install), each in
# its own top-level folder; the scripts skip the ones that do not exist.
BRIDGES=(sales_process_grc_sale sales_process_grc_mass_mailing)
existing_bridges() {
    local bridge
    for bridge in "${BRIDGES[@]}"; do
        [ -f "$REPO_ROOT/$bridge/__manifest__.py" ] && echo "$bridge"
    done
    return 0
}
VENV="$REPO_ROOT/.venv"
VAR="$REPO_ROOT/var"
PY="$VENV/bin/python"
ODOO_BRANCH=19.0
ODOO_UPSTREAM=${ODOO_UPSTREAM:-https://github.com/odoo/odoo.git}
ODOO_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/sales_process_grc/odoo-$ODOO_BRANCH
RUN_DB=${RUN_DB:-grc}
HTTP_PORT=${HTTP_PORT:-8069}
# Port of the project-local PostgreSQL cluster (only names its unix socket:
# the local cluster listens on no TCP address).
LOCAL_PG_PORT=${LOCAL_PG_PORT:-54329}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" = 0 ]; }

# --- Odoo source -----------------------------------------------------------
# $ODOO_SRC, else /opt/odoo, else a shallow clone of upstream 19.0 in a cache.
odoo_src() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo-bin" ] || die "ODOO_SRC=$ODOO_SRC has no odoo-bin"
        echo "$ODOO_SRC"
    elif [ -f /opt/odoo/odoo-bin ]; then
        echo /opt/odoo
    else
        if [ ! -f "$ODOO_CACHE/odoo-bin" ]; then
            log "Cloning Odoo $ODOO_BRANCH (shallow) into $ODOO_CACHE" >&2
            mkdir -p "$(dirname "$ODOO_CACHE")"
            git clone --quiet --depth 1 --branch "$ODOO_BRANCH" "$ODOO_UPSTREAM" "$ODOO_CACHE" >&2
        fi
        echo "$ODOO_CACHE"
    fi
}

# --- PostgreSQL ------------------------------------------------------------
# When any of PGHOST/PGPORT/PGUSER is set, that server is used as is.
# Otherwise a project-local cluster in var/pg (unix socket only).
use_external_pg() { [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; }

# The local cluster lives in var/pg. As root, the server runs as an
# unprivileged user that must be able to reach that directory; when the
# checkout sits where it cannot (e.g. below a 0700 home), the cluster goes to
# /var/tmp instead, one per checkout.
PG_RUN_USER=${PG_RUN_USER:-postgres}
PG_BASE="$VAR/pg"
if is_root && id -u "$PG_RUN_USER" >/dev/null 2>&1 \
    && ! runuser -u "$PG_RUN_USER" -- test -x "$REPO_ROOT" 2>/dev/null; then
    PG_BASE="/var/tmp/sales_process_grc-pg-$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
fi
PG_DATA="$PG_BASE/data"
PG_SOCK="$PG_BASE/run"
PG_LOG="$PG_BASE/server.log"

pg_bindir() {
    local d
    if command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && {
            echo "$d"
            return
        }
    done
    return 1
}

as_pg_user() {
    if is_root; then
        # from / : the unprivileged user may not be allowed in the current dir
        (cd / && runuser -u "$PG_RUN_USER" -- "$@")
    else
        "$@"
    fi
}

# Arguments for odoo-bin / odoo config to reach the database server.
odoo_db_args() {
    if use_external_pg; then
        # libpq reads the PG* variables itself.
        :
    else
        printf '%s\n' "--db_host=$PG_SOCK" "--db_port=$LOCAL_PG_PORT" "--db_user=odoo"
    fi
}

psql_local() {
    if use_external_pg; then
        psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
    else
        psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$LOCAL_PG_PORT" -U odoo -d postgres "$@"
    fi
}

# Database names reach SQL as psql variables (:"name" quotes an identifier,
# :'name' a literal), never spliced into the statement.
drop_db() {
    printf '%s\n' 'SET client_min_messages = warning;' \
        'DROP DATABASE IF EXISTS :"dbname" WITH (FORCE);' | psql_local -v dbname="$1"
    rm -rf "${VAR:?}/data/filestore/$1"
}

# Start the local cluster unless it runs already; pg_stop_if_started stops it
# again only when this script started it.
STARTED_PG=0
pg_start_if_needed() {
    if ! use_external_pg && ! "$REPO_ROOT/scripts/pg.sh" status >/dev/null 2>&1; then
        "$REPO_ROOT/scripts/pg.sh" start
        STARTED_PG=1
    fi
}
pg_stop_if_started() {
    if [ "$STARTED_PG" = 1 ]; then
        "$REPO_ROOT/scripts/pg.sh" stop || true
    fi
}

db_exists() {
    [ "$(printf '%s\n' "SELECT 1 FROM pg_database WHERE datname = :'dbname';" \
        | psql_local -tA -v dbname="$1")" = 1 ]
}

# --- Odoo ------------------------------------------------------------------
odoo_conf() { echo "$VAR/odoo.conf"; }

odoo_bin() {
    local src
    src=$(odoo_src)
    "$PY" "$src/odoo-bin" -c "$(odoo_conf)" "$@"
}
