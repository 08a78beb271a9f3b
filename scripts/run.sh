#!/usr/bin/env bash
# `make run`: set-up, then serve Odoo at http://127.0.0.1:$HTTP_PORT (8069) with
# crm, the addon and demo data in the database $RUN_DB (grc), login admin/admin.
# The first run creates the database; later runs reuse it and update the addon
# (-u) only when its files changed since the last run.
source "$(dirname "$0")/lib.sh"

"$REPO_ROOT/scripts/setup.sh"

pg_start_if_needed
trap pg_stop_if_started EXIT

stamp="$VAR/run-$RUN_DB.addon-hash"
addon_hash=$(cd "$REPO_ROOT" && find "$ADDON" -type f ! -name '*.pyc' -print0 | sort -z \
    | xargs -0 cksum | cksum | cut -d' ' -f1)

update_args=()
if ! db_exists "$RUN_DB"; then
    log "Creating database $RUN_DB with crm, $ADDON and demo data"
    rm -f "$stamp"
    update_args=(-i "crm,$ADDON" --with-demo)
elif [ "$(cat "$stamp" 2>/dev/null)" != "$addon_hash" ]; then
    log "Addon changed: updating $ADDON in $RUN_DB"
    update_args=(-u "$ADDON")
fi
if [ ${#update_args[@]} -gt 0 ]; then
    odoo_bin -d "$RUN_DB" "${update_args[@]}" --stop-after-init --log-level=warn
    echo "$addon_hash" >"$stamp"
fi

log "Serving Odoo on http://127.0.0.1:$HTTP_PORT (database $RUN_DB, login admin / admin); Ctrl-C stops it"
odoo_bin -d "$RUN_DB" --db-filter="^$RUN_DB\$" --http-interface=127.0.0.1 \
    --http-port="$HTTP_PORT" "$@"
