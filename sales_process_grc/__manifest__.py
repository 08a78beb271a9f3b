# Copyright 2026 sales_process_grc contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Process (GRC)",
    "summary": "Prospect temperature, nine-step sales interview, attrition "
    "tracking and sales force automation on top of Odoo CRM",
    "version": "19.0.1.0.5",
    "category": "Sales/CRM",
    "website": "https://github.com/sales-process-grc/sales_process_grc",
    "author": "sales_process_grc contributors",
    "license": "LGPL-3",
    "depends": ["crm", "base_automation"],
    "data": [
        # security
        "security/security.xml",
        "security/ir.model.access.csv",
        "security/sales_analysis_security.xml",
        # data (noupdate: steps, catalogues, crons, templates, automation rules);
        # the activity types propose templates, the automation rules use both
        "data/sales_interview_step_data.xml",
        "data/sales_objection_type_data.xml",
        "data/sales_churn_reason_data.xml",
        "data/prospect_temperature_data.xml",
        "data/attrition_cron_data.xml",
        "data/mail_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/base_automation_data.xml",
        "data/information_letter_cron_data.xml",
        "data/lawful_email_data.xml",
        # wizards (before the contact form, whose button opens Mark as Lost)
        "wizard/sales_customer_lost_wizard_views.xml",
        "wizard/sales_attrition_recompute_wizard_views.xml",
        "wizard/sales_reengagement_wizard_views.xml",
        "wizard/sales_attrition_report_wizard_views.xml",
        # views
        "views/sales_interview_line_views.xml",
        "views/sales_interview_step_views.xml",
        "views/sales_objection_type_views.xml",
        "views/sales_lead_objection_views.xml",
        "views/sales_churn_reason_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_stage_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/sales_information_letter_views.xml",
        "views/sales_attrition_snapshot_views.xml",
        "views/sales_customer_status_event_views.xml",
        "views/lawful_email_views.xml",
        "views/unsubscribe_templates.xml",
        # reports: PDF actions and templates, analysis views
        "report/crm_lead_reports.xml",
        "report/crm_lead_templates.xml",
        "report/sales_attrition_reports.xml",
        "report/sales_attrition_templates.xml",
        "report/sales_attrition_report_views.xml",
        "report/sales_customer_cohort_report_views.xml",
        "report/sales_interview_dropoff_report_views.xml",
        # menus last: they open the actions above
        "views/menus.xml",
    ],
    "post_init_hook": "post_init_hook",
    "demo": [
        "demo/attrition_demo.xml",
        "demo/prospect_temperature_demo.xml",
        "demo/sales_interview_demo.xml",
        "demo/automation_demo.xml",
        "demo/sales_demo_history.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "sales_process_grc/static/src/fields/prospect_temperature_field.js",
            "sales_process_grc/static/src/fields/prospect_temperature_field.xml",
            "sales_process_grc/static/src/fields/prospect_temperature_field.scss",
        ],
        "web.report_assets_common": [
            "sales_process_grc/static/src/report/report.scss",
        ],
        "web.assets_tests": [
            "sales_process_grc/static/tests/tours/utils/interview_lines.js",
            "sales_process_grc/static/tests/tours/attrition_dashboard_tour.js",
            "sales_process_grc/static/tests/tours/attrition_tour.js",
            "sales_process_grc/static/tests/tours/automation_settings_tour.js",
            "sales_process_grc/static/tests/tours/prospect_temperature_tour.js",
            "sales_process_grc/static/tests/tours/sales_interview_tour.js",
            "sales_process_grc/static/tests/tours/rep_day_tour.js",
            "sales_process_grc/static/tests/tours/admin_day_tour.js",
        ],
    },
}
