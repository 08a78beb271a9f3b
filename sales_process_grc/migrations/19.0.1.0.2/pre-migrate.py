# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One inheriting view per parent view (issue #15): the view records keep their
database ids under their new XML ids.

For each new XML id, the first old view of the list (the oldest, applied first)
takes the new XML id and is reloaded with the merged arch; the others are deleted
before the views are loaded, so that their fields and filters do not show twice
meanwhile, and the views that inherit them (customisations) move onto the kept
view, whose merged arch has the same elements. Without this, the upgrade would
create new records and fail to delete the old ones that a customisation
inherits."""

RENAMED_VIEWS = {
    "crm_lead_view_form_inherit_sales_process_grc": (
        "crm_lead_view_form_interview",
        "crm_lead_view_form",
    ),
    "crm_lead_view_kanban_opportunity_inherit_sales_process_grc": (
        "crm_lead_view_kanban_interview",
        "crm_lead_view_kanban_opportunities",
    ),
    "crm_lead_view_kanban_lead_inherit_temperature": ("crm_lead_view_kanban_leads",),
    "crm_lead_view_list_opportunity_inherit_sales_process_grc": (
        "crm_lead_view_list_interview",
        "crm_lead_view_list_opportunity",
        "crm_lead_view_list_opportunities",
    ),
    "crm_lead_view_list_lead_inherit_temperature": ("crm_lead_view_list_leads",),
    "crm_lead_view_search_opportunity_inherit_sales_process_grc": (
        "crm_lead_view_search_interview",
        "crm_lead_view_search_opportunity",
        "crm_lead_view_search_opportunities",
    ),
    "crm_lead_view_search_lead_inherit_sales_process_grc": (
        "crm_lead_view_search_lead_interview",
        "crm_lead_view_search_leads",
    ),
    "crm_lead_view_search_report_inherit_prospecting_goal": (
        "crm_opportunity_report_view_search",
    ),
    "crm_lead_view_pivot_inherit_temperature": ("crm_lead_view_pivot",),
    "crm_lead_view_graph_inherit_temperature": ("crm_lead_view_graph",),
    "crm_stage_view_form_inherit_temperature": ("crm_stage_view_form",),
    "crm_stage_view_list_inherit_temperature": ("crm_stage_view_list",),
    "res_partner_view_form_inherit_sales_process_grc": ("res_partner_view_form",),
    "res_partner_view_list_inherit_sales_process_grc": ("res_partner_view_list",),
    "res_partner_view_search_inherit_sales_process_grc": ("res_partner_view_search",),
    "res_partner_view_kanban_inherit_sales_process_grc": ("res_partner_view_kanban",),
    "res_partner_view_form_inherit_lawful_email": (
        "res_partner_view_form_lawful_email",
    ),
    "res_partner_view_search_inherit_lawful_email": (
        "res_partner_view_search_lawful_email",
    ),
    "mail_template_view_form_inherit_lawful_email": (
        "mail_template_view_form_lawful_email",
    ),
    "crm_lost_reason_view_form_inherit_lawful_email": (
        "crm_lost_reason_view_form_lawful_email",
    ),
    "crm_lost_reason_view_list_inherit_lawful_email": (
        "crm_lost_reason_view_list_lawful_email",
    ),
}


def _view_ids(cr, names):
    """{xml name: view id} of the addon's views among ``names``."""
    cr.execute(
        """SELECT name, res_id FROM ir_model_data
            WHERE module = 'sales_process_grc' AND model = 'ir.ui.view'
              AND name IN %s""",
        (tuple(names),),
    )
    return dict(cr.fetchall())


def migrate(cr, version):
    if not version:
        return
    for new_name, old_names in RENAMED_VIEWS.items():
        if _view_ids(cr, [new_name]):
            continue  # already done
        old_ids = _view_ids(cr, old_names)
        present = [name for name in old_names if name in old_ids]
        if not present:
            continue  # the upgrade creates the view
        kept, merged = present[0], present[1:]
        kept_id = old_ids[kept]
        cr.execute(
            """UPDATE ir_model_data SET name = %s
                WHERE module = 'sales_process_grc' AND name = %s""",
            (new_name, kept),
        )
        if not merged:
            continue
        merged_ids = tuple(old_ids[name] for name in merged)
        cr.execute(
            "UPDATE ir_ui_view SET inherit_id = %s WHERE inherit_id IN %s",
            (kept_id, merged_ids),
        )
        cr.execute("DELETE FROM ir_ui_view WHERE id IN %s", (merged_ids,))
        cr.execute(
            """DELETE FROM ir_model_data
                WHERE module = 'sales_process_grc' AND name IN %s""",
            (tuple(merged),),
        )
