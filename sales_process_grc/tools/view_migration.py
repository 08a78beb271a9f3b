# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Renamed inherited views keep their records on upgrade (issue #15).

Used by the pre-migrations of the addon (19.0.1.0.2) and of its bridges: for
each new XML id, the first old view of the list (the oldest, applied first)
takes the new XML id and is reloaded with the merged arch; the others are
deleted before the views are loaded, so that their fields and filters do not
show twice meanwhile, and the views that inherit them (customisations) move
onto the kept view, whose merged arch has the same elements. Without this, the
upgrade would create new records and fail to delete the old ones that a
customisation inherits."""

from odoo.tools import SQL


def view_ids(cr, module, names):
    """{xml name: view id} of ``module``'s views among ``names``."""
    cr.execute(
        SQL(
            """SELECT name, res_id FROM ir_model_data
                WHERE module = %s AND model = 'ir.ui.view'
                  AND name IN %s""",
            module,
            tuple(names),
        )
    )
    return dict(cr.fetchall())


def rename_views(cr, module, renamed_views):
    """Give ``module``'s view records their new XML ids.

    ``renamed_views``: {new xml name: (old xml names, oldest first)}. A new name
    already present is left alone (already done); one without any old view is
    created by the upgrade."""
    for new_name, old_names in renamed_views.items():
        if view_ids(cr, module, [new_name]):
            continue  # already done
        old_ids = view_ids(cr, module, old_names)
        present = [name for name in old_names if name in old_ids]
        if not present:
            continue  # the upgrade creates the view
        kept, merged = present[0], present[1:]
        kept_id = old_ids[kept]
        cr.execute(
            SQL(
                "UPDATE ir_model_data SET name = %s WHERE module = %s AND name = %s",
                new_name,
                module,
                kept,
            )
        )
        if not merged:
            continue
        merged_ids = tuple(old_ids[name] for name in merged)
        cr.execute(
            SQL(
                "UPDATE ir_ui_view SET inherit_id = %s WHERE inherit_id IN %s",
                kept_id,
                merged_ids,
            )
        )
        cr.execute(SQL("DELETE FROM ir_ui_view WHERE id IN %s", merged_ids))
        cr.execute(
            SQL(
                "DELETE FROM ir_model_data WHERE module = %s AND name IN %s",
                module,
                tuple(merged),
            )
        )


def views_migration(module, renamed_views):
    """The ``migrate(cr, version)`` of a pre-migration that renames
    ``module``'s views (nothing to do on a fresh install)."""

    def migrate(cr, version):
        if version:
            rename_views(cr, module, renamed_views)

    return migrate
