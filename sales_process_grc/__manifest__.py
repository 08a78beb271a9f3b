# Copyright 2026 sales_process_grc contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Process (GRC)",
    "summary": "Prospect temperature, nine-step sales interview, attrition "
    "tracking and sales force automation on top of Odoo CRM",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-process-grc/sales_process_grc",
    "author": "sales_process_grc contributors",
    "license": "LGPL-3",
    "depends": ["crm", "base_automation"],
    "data": [
        "security/security.xml",
        "security/ir.model.access.csv",
        "data/sales_churn_reason_data.xml",
        "data/attrition_cron_data.xml",
        "views/res_config_settings_views.xml",
        "views/sales_churn_reason_views.xml",
        "views/sales_attrition_snapshot_views.xml",
        "views/sales_customer_status_event_views.xml",
        "report/sales_attrition_report_views.xml",
        "wizard/sales_customer_lost_wizard_views.xml",
        "wizard/sales_attrition_recompute_wizard_views.xml",
        "wizard/sales_reengagement_wizard_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_process_grc/static/tests/tours/attrition_tour.js",
            "sales_process_grc/static/tests/tours/attrition_dashboard_tour.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "demo": [
        "demo/attrition_demo.xml",
    ],
}
