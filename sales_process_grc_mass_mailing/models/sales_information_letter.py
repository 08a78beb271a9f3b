# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, models

from odoo.addons.sales_process_grc.models.mail_mail import UNSUBSCRIBE_ROUTE

# the generic unsubscribe link of the addon's templates becomes Email
# Marketing's, which the mailing replaces by each recipient's own
UNSUBSCRIBE_LINK_RE = re.compile(
    r"""(?<=href=["'])(?:https?://[^"'\s<>]*)?"""
    + re.escape(UNSUBSCRIBE_ROUTE)
    + r"""/?(?=["'])"""
)


class SalesInformationLetter(models.Model):
    _inherit = "sales.information.letter"

    @api.model
    def _cron_send_information_letter(self, batch_size=None):
        """With Email Marketing, each period's letter is one mailing to the
        partners of the chosen statuses (email, no opposition, a legal basis
        for commercial emails), launched in the mailing queue: Email
        Marketing's unsubscribe link and one-click header, statistics, its
        blacklist and opt-out, every recipient once. A period that already
        has its mailing gets no other."""
        template, statuses = self._get_settings()
        if not template:
            return
        period_start = self._get_current_period_start()
        mailing_model = self.env["mailing.mailing"].with_context(active_test=False)
        if mailing_model.search_count(
            [("grc_letter_period_start", "=", period_start)], limit=1
        ):
            return
        mailing = mailing_model.create(self._grc_prepare_mailing(template, statuses))
        mailing.grc_letter_period_start = period_start
        mailing.action_launch()

    @api.model
    def _grc_prepare_mailing(self, template, statuses):
        company = self.env.company
        body = UNSUBSCRIBE_LINK_RE.sub("/unsubscribe_from_list", template.body_html)
        values = {
            "subject": template.subject,
            "body_arch": body,
            "body_html": body,
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "mailing_domain": repr(list(self._get_recipients_domain(statuses))),
            "keep_archives": False,
        }
        if company.email:
            values["email_from"] = company.email_formatted
        return values
