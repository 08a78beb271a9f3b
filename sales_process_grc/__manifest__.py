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
        "data/sales_interview_step_data.xml",
        "data/sales_objection_type_data.xml",
        "views/sales_interview_line_views.xml",
        "views/sales_interview_step_views.xml",
        "views/sales_objection_type_views.xml",
        "views/sales_lead_objection_views.xml",
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sales_interview_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_process_grc/static/tests/tours/sales_interview_tour.js",
        ],
    },
}
