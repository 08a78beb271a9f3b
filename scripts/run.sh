#!/usr/bin/env bash
# `make run`: set-up, then serve Odoo at http://127.0.0.1:$HTTP_PORT (8069) with
# crm, the addon and demo data in the database $RUN_DB (grc), login admin/admin.
# The first run creates the database; later runs reuse it and update the addon
# (-u, which also updates the bridges installed) only when its files or the
# bridges' changed since the last run.
# RUN_APPS: more Odoo apps to install with the database (comma-separated), e.g.
# RUN_APPS=sale_crm,mass_mailing: the bridges sales_process_grc_sale and
# sales_process_grc_mass_mailing then install themselves (auto_install).
source "$(dirname "$0")/lib.sh"

"$REPO_ROOT/scripts/setup.sh"

pg_start_if_needed
trap pg_stop_if_started EXIT

stamp="$VAR/run-$RUN_DB.addon-hash"
addon_dirs=("$ADDON")
for bridge in "${BRIDGES[@]}"; do
    [ -d "$REPO_ROOT/$bridge" ] && addon_dirs+=("$bridge")
done
addon_hash=$(cd "$REPO_ROOT" && find "${addon_dirs[@]}" -type f ! -name '*.pyc' -print0 \
    | sort -z | xargs -0 cksum | cksum | cut -d' ' -f1)

update_args=()
if ! db_exists "$RUN_DB"; then
    apps="crm,$ADDON${RUN_APPS:+,$RUN_APPS}"
    log "Creating database $RUN_DB with $apps and demo data"
    rm -f "$stamp"
    update_args=(-i "$apps" --with-demo)
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
