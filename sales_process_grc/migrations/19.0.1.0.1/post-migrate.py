# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lawful email and the offer follow-up leak (the templates are noupdate: an
upgrade does not reload them).

- the offer follow-up no longer attaches the internal Sales Interview Sheet;
- the shipped commercial templates are flagged commercial (unsubscribe link
  and header, blacklist respected)."""

from odoo import SUPERUSER_ID, api

COMMERCIAL_TEMPLATES = (
    "mail_template_offer_followup",
    "mail_template_thank_you",
    "mail_template_loyalty_followup",
    "mail_template_reengagement",
    "mail_template_information_letter",
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    sheet = env.ref(
        "sales_process_grc.action_report_interview_sheet", raise_if_not_found=False
    )
    followup = env.ref(
        "sales_process_grc.mail_template_offer_followup", raise_if_not_found=False
    )
    if sheet and followup and sheet in followup.report_template_ids:
        followup.report_template_ids = [(3, sheet.id)]
    for name in COMMERCIAL_TEMPLATES:
        template = env.ref(f"sales_process_grc.{name}", raise_if_not_found=False)
        if template:
            template.grc_commercial = True
