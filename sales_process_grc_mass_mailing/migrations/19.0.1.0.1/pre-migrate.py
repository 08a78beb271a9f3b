# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Inherited views named <model>_view_<type>_inherit_<feature> (issue #15): the
view records, and the customisations that inherit them, keep their database
ids under their new XML ids (see sales_process_grc's ``tools.view_migration``)."""

from odoo.addons.sales_process_grc.tools.view_migration import views_migration

RENAMED_VIEWS = {
    "mailing_mailing_view_form_inherit_information_letter": (
        "mailing_mailing_view_form",
    ),
}


migrate = views_migration("sales_process_grc_mass_mailing", RENAMED_VIEWS)
