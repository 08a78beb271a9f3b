# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from .grc_cron import CronStep, run_cron_steps
from .grc_settings import (
    check_information_letter,
    checked_or_default,
    get_int_param,
    get_list_param,
)
from .res_partner_consent import EMAIL_ALLOWED_BASES

LETTER_TEMPLATE_PARAM = "sales_process_grc.information_letter_template_id"
LETTER_STATUSES_PARAM = "sales_process_grc.information_letter_statuses"
LETTER_STATUSES_DEFAULT = "customer"
LETTER_BATCH_SIZE = 500
LETTER_CRON_XMLID = "sales_process_grc.ir_cron_information_letter"
LETTER_TEMPLATE_XMLID = "sales_process_grc.mail_template_information_letter"


class SalesInformationLetter(models.Model):
    """One information letter (lettre d'information) queued for one partner
    and one period: the record that prevents sending it twice."""

    _name = "sales.information.letter"
    _description = "Information Letter Sent"
    _order = "period_start desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Recipient",
        required=True,
        index=True,
        ondelete="cascade",
        help="Customer the letter was sent to.",
    )
    period_start = fields.Date(
        required=True,
        index=True,
        help="First day of the period (month, or group of months or weeks "
        "depending on the frequency) the letter belongs to.",
    )
    template_id = fields.Many2one(
        "mail.template",
        ondelete="set null",
        help="Mail template the letter was rendered from.",
    )
    mail_id = fields.Many2one(
        "mail.mail",
        string="Email",
        ondelete="set null",
        help="Queued email (removed from the queue once sent when the template "
        "deletes its emails).",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="Company that sent the letter.",
    )

    _partner_period_unique = models.Constraint(
        "UNIQUE(partner_id, period_start)",
        "The information letter is sent only once per partner and period.",
    )

    @api.model
    def _get_period_start(self, today, interval_number, interval_type):
        """First day of the period containing ``today`` for a letter sent
        every ``interval_number`` ``interval_type`` (the cron's frequency):
        periods of N months start on a month aligned on N, periods of weeks
        on a Monday, periods of days on the day."""
        interval_number = max(interval_number or 1, 1)
        if interval_type == "months":
            index = today.year * 12 + today.month - 1
            index -= index % interval_number
            return date(index // 12, index % 12 + 1, 1)
        if interval_type == "weeks":
            monday = today - timedelta(days=today.weekday())
            weeks = (monday - date(1970, 1, 5)).days // 7
            return monday - timedelta(weeks=weeks % interval_number)
        # days (hours and minutes are counted as days: one letter a day at most)
        if interval_type != "days":
            interval_number = 1
        days = (today - date(1970, 1, 1)).days
        return today - timedelta(days=days % interval_number)

    @api.model
    def _get_settings(self):
        """Return (template, statuses) of the information letter, or (no
        template, no status) when the settings would refuse them."""
        template_id = get_int_param(self.env, LETTER_TEMPLATE_PARAM, 0)
        if template_id > 0:
            template = self.env["mail.template"].browse(template_id).exists()
        else:
            template = self.env.ref(LETTER_TEMPLATE_XMLID, raise_if_not_found=False)
        return checked_or_default(
            self.env,
            check_information_letter,
            (
                template or self.env["mail.template"],
                get_list_param(
                    self.env, LETTER_STATUSES_PARAM, LETTER_STATUSES_DEFAULT
                ),
            ),
            (self.env["mail.template"], []),
        )

    @api.model
    def _get_current_period_start(self):
        """First day of the current period of the letter's scheduled action."""
        cron = self.env.ref(LETTER_CRON_XMLID, raise_if_not_found=False)
        return self._get_period_start(
            fields.Date.context_today(self),
            cron.interval_number if cron else 1,
            cron.interval_type if cron else "months",
        )

    @api.model
    def _get_recipients_domain(self, statuses):
        """Partners of ``statuses`` that may receive the letter: an email,
        no opposition (blacklist) and a legal basis for commercial emails."""
        return (
            Domain("customer_status", "in", statuses)
            & Domain("email_normalized", "!=", False)
            & Domain("is_blacklisted", "=", False)
            & Domain("grc_email_legal_basis", "in", list(EMAIL_ALLOWED_BASES))
        )

    @api.model
    def _cron_send_information_letter(self, batch_size=LETTER_BATCH_SIZE):
        """Queue the information letter for the partners of the chosen
        statuses that did not get it in the current period.

        Partners without email, blacklisted (opposed) or without a legal
        basis for commercial emails are skipped. Emails go through
        the mail queue (no immediate sending); each batch is committed with
        its records of what was sent (see ``grc_cron``), so an interrupted
        run goes on where it stopped and a partner never gets the letter
        twice in a period.
        """
        template, statuses = self._get_settings()
        if not template:
            return
        period_start = self._get_current_period_start()
        domain = self._get_recipients_domain(statuses) & Domain(
            "information_letter_ids",
            "not any",
            [("period_start", "=", period_start)],
        )
        run_cron_steps(
            self.env,
            [
                CronStep(
                    records=self.env["res.partner"],
                    domain=domain,
                    process=lambda partners: self._send_information_letter_batch(
                        partners, template, period_start
                    ),
                )
            ],
            batch_size,
        )

    @api.model
    def _send_information_letter_batch(self, partners, template, period_start):
        """Queue the letter to ``partners`` (one batch) and record it."""
        mails = template.send_mail_batch(partners.ids, force_send=False)
        mail_by_partner = {mail.res_id: mail.id for mail in mails}
        self.create(
            [
                {
                    "partner_id": partner.id,
                    "period_start": period_start,
                    "template_id": template.id,
                    "mail_id": mail_by_partner.get(partner.id, False),
                    "company_id": partner.company_id.id or self.env.company.id,
                }
                for partner in partners
            ]
        )
