#!/usr/bin/env bash
# Idempotent set-up shared by `make run` and `make test`:
#   1. system packages (Debian): PostgreSQL, build headers, Chromium, wkhtmltopdf,
#      poppler-utils; installed only when missing;
#   2. the Odoo 19.0 source ($ODOO_SRC, /opt/odoo, or a shallow clone);
#   3. the virtual environment .venv with Odoo's requirements and the test tools,
#      reinstalled only when a requirements file changed;
#   4. the project-local PostgreSQL cluster (unless PG* variables name a server);
#   5. var/odoo.conf.
# Usage: scripts/setup.sh [--lint]   (--lint also installs the linters)
source "$(dirname "$0")/lib.sh"

WITH_LINT=0
[ "${1:-}" = --lint ] && WITH_LINT=1

# --- 1. system packages ----------------------------------------------------
need_pkgs=()
pg_bindir >/dev/null 2>&1 || need_pkgs+=(postgresql)
command -v psql >/dev/null 2>&1 || need_pkgs+=(postgresql-client)
command -v pg_config >/dev/null 2>&1 || need_pkgs+=(libpq-dev)
[ -e /usr/include/ldap.h ] || need_pkgs+=(libldap2-dev)
[ -e /usr/include/sasl/sasl.h ] || need_pkgs+=(libsasl2-dev)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v wkhtmltopdf >/dev/null 2>&1 || need_pkgs+=(wkhtmltopdf)
command -v pdftotext >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
command -v gcc >/dev/null 2>&1 || need_pkgs+=(build-essential)
command -v git >/dev/null 2>&1 || need_pkgs+=(git)
fc-list 2>/dev/null | grep -qi dejavu || need_pkgs+=(fonts-dejavu-core)
if [ "$WITH_LINT" = 1 ]; then
    command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
fi
if [ ${#need_pkgs[@]} -eq 0 ]; then
    log "System packages: all present, nothing to install"
else
    log "Installing Debian packages: ${need_pkgs[*]}"
    SUDO=""
    is_root || SUDO="sudo"
    if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
        die "missing packages (${need_pkgs[*]}) and no root/sudo to install them"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# --- 2. Odoo source --------------------------------------------------------
SRC=$(odoo_src)
log "Odoo source: $SRC"

# --- 3. virtual environment ------------------------------------------------
if [ ! -x "$PY" ]; then
    log "Creating virtual environment $VENV"
    python3 -m venv "$VENV"
fi
mkdir -p "$VAR"
# Odoo's requirements minus the pins we override (requirements/odoo-overrides.txt).
overrides=$(grep -vE '^\s*(#|$)' "$REPO_ROOT/requirements/odoo-overrides.txt" \
    | sed -E 's/[=<>!~ ;].*//' | tr 'A-Z' 'a-z')
odoo_reqs="$VAR/odoo-requirements.txt"
while IFS= read -r line; do
    name=$(printf '%s' "$line" | sed -E 's/[=<>!~ ;].*//' | tr 'A-Z' 'a-z')
    if [ -n "$name" ] && printf '%s\n' "$overrides" | grep -qxF "$name"; then
        continue
    fi
    printf '%s\n' "$line"
done <"$SRC/requirements.txt" >"$odoo_reqs.new"
cat "$REPO_ROOT/requirements/odoo-overrides.txt" >>"$odoo_reqs.new"
mv "$odoo_reqs.new" "$odoo_reqs"

req_files=("$odoo_reqs" "$REPO_ROOT/requirements/test.txt")
stamp_val=$( (echo "$SRC"; cat "${req_files[@]}") | cksum | cut -d' ' -f1)
stamp_file="$VENV/.installed"
if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_val" ]; then
    log "Installing Python requirements into .venv"
    "$PY" -m pip install -q --upgrade pip setuptools wheel
    args=()
    for f in "${req_files[@]}"; do args+=(-r "$f"); done
    "$PY" -m pip install -q "${args[@]}" -c "$REPO_ROOT/requirements/odoo-overrides.txt"
    # Odoo itself, editable (gives the `odoo` distribution our wheel requires).
    "$PY" -m pip install -q --no-deps -e "$SRC"
    echo "$stamp_val" >"$stamp_file"
fi

if [ "$WITH_LINT" = 1 ]; then
    # The linters live in their own environment: their dependencies (e.g. a
    # newer polib) would conflict with Odoo's pins.
    lint_venv="$REPO_ROOT/.venv-lint"
    [ -x "$lint_venv/bin/python" ] || python3 -m venv "$lint_venv"
    lint_stamp=$(cksum <"$REPO_ROOT/requirements/lint.txt" | cut -d' ' -f1)
    if [ "$(cat "$lint_venv/.installed" 2>/dev/null)" != "$lint_stamp" ]; then
        log "Installing the linters into .venv-lint"
        "$lint_venv/bin/python" -m pip install -q --upgrade pip
        "$lint_venv/bin/python" -m pip install -q -r "$REPO_ROOT/requirements/lint.txt"
        echo "$lint_stamp" >"$lint_venv/.installed"
    fi
    if [ ! -x "$REPO_ROOT/node_modules/.bin/prettier" ] \
        || [ "$REPO_ROOT/package-lock.json" -nt "$REPO_ROOT/node_modules/.package-lock.json" ]; then
        log "Installing prettier (npm ci)"
        (cd "$REPO_ROOT" && npm ci --silent --no-audit --no-fund)
    fi
fi

# --- 4. PostgreSQL ---------------------------------------------------------
if ! use_external_pg && [ ! -f "$PG_DATA/PG_VERSION" ]; then
    bindir=$(pg_bindir) || die "PostgreSQL binaries not found"
    log "Creating the local PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_BASE"
    mkdir -p "$PG_DATA" "$PG_SOCK"
    if is_root; then
        id -u "$PG_RUN_USER" >/dev/null 2>&1 \
            || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_RUN_USER"
        chown -R "$PG_RUN_USER" "$PG_BASE"
    fi
    chmod 700 "$PG_DATA"
    as_pg_user "$bindir/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$PG_BASE/initdb.log"
    # A throw-away development cluster: trade durability for speed.
    cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = ''
port = $LOCAL_PG_PORT
unix_socket_directories = '$PG_SOCK'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
    "$REPO_ROOT/scripts/pg.sh" start
    psql -X -q -h "$PG_SOCK" -p "$LOCAL_PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE odoo LOGIN CREATEDB"
    "$REPO_ROOT/scripts/pg.sh" stop
fi

# --- 5. Odoo configuration -------------------------------------------------
mkdir -p "$VAR/data" "$VAR/log"
{
    echo "[options]"
    echo "addons_path = $SRC/addons,$REPO_ROOT"
    echo "data_dir = $VAR/data"
    echo "admin_passwd = admin"
    echo "http_interface = 127.0.0.1"
    if ! use_external_pg; then
        echo "db_host = $PG_SOCK"
        echo "db_port = $LOCAL_PG_PORT"
        echo "db_user = odoo"
    fi
} >"$(odoo_conf)"
log "Set-up complete"
