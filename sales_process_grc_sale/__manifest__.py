# Copyright 2026 sales_process_grc contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Process (GRC) - Sales",
    "summary": "Quotations as offers, accepted quotes as hot prospects, sale "
    "orders and invoices as purchases, revenue attrition",
    "version": "19.0.1.0.1",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-process-grc/sales_process_grc",
    "author": "sales_process_grc contributors",
    "license": "LGPL-3",
    "depends": ["sales_process_grc", "sale_crm"],
    "data": [
        # views
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "views/sales_attrition_snapshot_views.xml",
        # reports: templates extending the addon's PDF reports
        "report/crm_lead_templates.xml",
        "report/sales_attrition_templates.xml",
    ],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_tests": [
            "sales_process_grc_sale/static/tests/tours/sale_offer_tour.js",
        ],
    },
    "auto_install": True,
}
