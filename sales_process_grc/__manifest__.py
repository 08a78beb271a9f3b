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
        "data/prospect_temperature_data.xml",
        "views/crm_lead_views.xml",
        "views/crm_stage_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/prospect_temperature_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "sales_process_grc/static/src/fields/prospect_temperature_field.js",
            "sales_process_grc/static/src/fields/prospect_temperature_field.xml",
            "sales_process_grc/static/src/fields/prospect_temperature_field.scss",
        ],
        "web.assets_tests": [
            "sales_process_grc/static/tests/tours/prospect_temperature_tour.js",
        ],
    },
}
