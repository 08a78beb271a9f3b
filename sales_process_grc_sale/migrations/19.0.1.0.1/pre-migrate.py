# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Inherited views named <model>_view_<type>_inherit_<feature> (issue #15): the
view records, and the customisations that inherit them, keep their database
ids under their new XML ids (see sales_process_grc's ``tools.view_migration``)."""

from odoo.addons.sales_process_grc.tools.view_migration import views_migration

RENAMED_VIEWS = {
    "crm_lead_view_form_inherit_interview": ("crm_lead_view_form_interview",),
    "res_config_settings_view_form_inherit_purchases": (
        "res_config_settings_view_form",
    ),
    "sales_attrition_snapshot_view_list_inherit_revenue_attrition": (
        "sales_attrition_snapshot_view_list",
    ),
    "sales_attrition_snapshot_view_pivot_inherit_revenue_attrition": (
        "sales_attrition_snapshot_view_pivot",
    ),
    "sales_attrition_snapshot_view_graph_inherit_revenue_attrition": (
        "sales_attrition_snapshot_view_graph",
    ),
}


migrate = views_migration("sales_process_grc_sale", RENAMED_VIEWS)
