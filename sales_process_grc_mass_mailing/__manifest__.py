# Copyright 2026 sales_process_grc contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Sales Process (GRC) - Email Marketing",
    "summary": "The information letter of the sales process as an Email "
    "Marketing mailing: unsubscribe flow, one-click header, statistics",
    "version": "19.0.1.0.1",
    "category": "Marketing/Email Marketing",
    "website": "https://github.com/sales-process-grc/sales_process_grc",
    "author": "sales_process_grc contributors",
    "license": "LGPL-3",
    "depends": ["sales_process_grc", "mass_mailing"],
    "data": [
        # views
        "views/mailing_mailing_views.xml",
    ],
    "auto_install": True,
}
