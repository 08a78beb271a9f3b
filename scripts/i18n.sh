#!/usr/bin/env bash
# Regenerate sales_process_grc/i18n/sales_process_grc.pot from a fresh database
# (odoo-bin i18n export) and merge it into every .po file of the addon
# (msgmerge), so that translators only fill in the new msgstr.
source "$(dirname "$0")/lib.sh"
"$REPO_ROOT/scripts/setup.sh"
command -v msgmerge >/dev/null 2>&1 || {
    SUDO=""
    is_root || SUDO=sudo
    $SUDO apt-get install -y -qq gettext >/dev/null
}
DB=${I18N_DB:-grc_i18n}
pg_start_if_needed
cleanup() {
    drop_db "$DB" 2>/dev/null || true
    pg_stop_if_started
}
trap cleanup EXIT
drop_db "$DB"
odoo_bin -d "$DB" -i "$ADDON" --stop-after-init --log-level=warn
"$PY" "$(odoo_src)/odoo-bin" i18n export -c "$(odoo_conf)" -d "$DB" "$ADDON" \
        -o "$REPO_ROOT/$ADDON/i18n/$ADDON.pot"
for po in "$REPO_ROOT/$ADDON"/i18n/*.po; do
    [ -f "$po" ] || continue
    msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$REPO_ROOT/$ADDON/i18n/$ADDON.pot"
done
log "Updated $ADDON/i18n: untranslated entries have an empty msgstr"
