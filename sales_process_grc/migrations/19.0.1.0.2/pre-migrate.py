# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One inheriting view per parent view (issue #15): the view records keep their
database ids under their new XML ids (see ``tools.view_migration``)."""

from odoo.addons.sales_process_grc.tools.view_migration import views_migration

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


migrate = views_migration("sales_process_grc", RENAMED_VIEWS)
