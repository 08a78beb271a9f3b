# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .automation_common import AutomationCase

CRON_XMLID = "sales_process_grc.ir_cron_information_letter"


@tagged("post_install", "-at_install")
class TestInformationLetter(AutomationCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        partner_model = cls.env["res.partner"]
        cls.Letter = cls.env["sales.information.letter"]
        cls.customer_en._grc_set_customer_status("customer")
        cls.customer_fr._grc_set_customer_status("customer")
        cls.no_email = partner_model.create(
            {"name": "No Email Ltd", "is_company": True}
        )
        cls.no_email._grc_set_customer_status("customer")
        cls.blacklisted = partner_model.create(
            {"name": "Opted Out", "is_company": True, "email": "optout@example.com"}
        )
        cls.blacklisted._grc_set_customer_status("customer")
        cls.env["mail.blacklist"]._add("optout@example.com")
        cls.at_risk = partner_model.create(
            {"name": "Risky Co", "is_company": True, "email": "risky@example.com"}
        )
        cls.at_risk._grc_set_customer_status("at_risk")
        cls.prospect = partner_model.create(
            {"name": "Just Looking", "is_company": True, "email": "look@example.com"}
        )
        cls.template = cls._template_static()

    @classmethod
    def _template_static(cls):
        return cls.env.ref("sales_process_grc.mail_template_information_letter")

    def _send(self, context=None, **kwargs):
        self._run_cron(
            "sales.information.letter",
            "_cron_send_information_letter",
            context=context,
            **kwargs,
        )

    def _letters(self):
        return self.Letter.search([])

    def _mails(self, partner):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("recipient_ids", "in", partner.ids),
            ]
        )

    def test_letter_sent_to_chosen_statuses_once_per_period(self):
        with freeze_time("2026-03-10"):
            self._send()
        letters = self._letters()
        self.assertEqual(letters.partner_id, self.customer_en | self.customer_fr)
        self.assertEqual(set(letters.mapped("period_start")), {date(2026, 3, 1)})
        # queued (not sent at once), in the partner's language
        mail_fr = self._mails(self.customer_fr)
        self.assertEqual(len(mail_fr), 1)
        self.assertEqual(mail_fr.state, "outgoing")
        self.assertEqual(mail_fr.recipient_ids, self.customer_fr)
        self.assertIn("Voici nos dernières nouvelles", mail_fr.body_html)
        letter_fr = letters.filtered(
            lambda letter: letter.partner_id == self.customer_fr
        )
        self.assertEqual(letter_fr.mail_id, mail_fr)
        for partner in self.no_email | self.blacklisted | self.at_risk | self.prospect:
            self.assertFalse(self._mails(partner), partner.name)
        # same month: nothing more
        with freeze_time("2026-03-28"):
            self._send()
        self.assertEqual(len(self._letters()), 2)
        self.assertEqual(len(self._mails(self.customer_fr)), 1)
        # next month: again, and at-risk customers once added to the audience
        self.env["ir.config_parameter"].set_param(
            "sales_process_grc.information_letter_statuses", "customer,at_risk"
        )
        with freeze_time("2026-04-02"):
            self._send()
        self.assertEqual(len(self._mails(self.customer_fr)), 2)
        self.assertEqual(len(self._mails(self.at_risk)), 1)
        self.assertFalse(self._mails(self.blacklisted))

    def test_interrupted_run_resumes_without_duplicates(self):
        cron = self.env.ref(CRON_XMLID)
        cron, progress = cron._add_progress()
        context = {
            "cron_id": cron.id,
            "ir_cron_progress_id": progress.id,
            "cron_end_time": time.monotonic() - 1,
        }
        with freeze_time("2026-05-15"):
            self._send(context=context, batch_size=1)
            self.assertEqual(len(self._letters()), 1, "stopped after one batch")
            self._send(batch_size=1)
        self.assertEqual(len(self._letters()), 2)
        self.assertEqual(len(self._mails(self.customer_en)), 1)
        self.assertEqual(len(self._mails(self.customer_fr)), 1)

    def test_no_template_or_no_status_sends_nothing(self):
        params = self.env["ir.config_parameter"]
        params.set_param("sales_process_grc.information_letter_statuses", ",")
        self._send()
        self.assertFalse(self._letters())
        params.set_param("sales_process_grc.information_letter_statuses", "customer")
        other = self._template("reengagement").copy({"name": "Custom letter"})
        params.set_param(
            "sales_process_grc.information_letter_template_id", str(other.id)
        )
        self._send()
        self.assertEqual(self._letters().template_id, other)

    def test_template_of_another_model_refused_and_ignored(self):
        """One check: the settings refuse a letter template that is not on
        contacts, and the scheduled action ignores one written by other means."""
        lead_template = self.env["mail.template"].create(
            {
                "name": "Letter on leads",
                "model_id": self.env["ir.model"]._get_id("crm.lead"),
                "subject": "News",
            }
        )
        with self.assertRaisesRegex(ValidationError, "mail template"):
            self.env["res.config.settings"].create(
                {
                    "grc_information_letter": True,
                    "grc_information_letter_template_id": lead_template.id,
                    "grc_letter_to_customer": True,
                }
            )
        self.env["ir.config_parameter"].set_param(
            "sales_process_grc.information_letter_template_id", str(lead_template.id)
        )
        self.assertEqual(self.Letter._get_settings(), (self.env["mail.template"], []))
        self._send()
        self.assertFalse(self._letters())

    def test_one_letter_per_partner_and_period(self):
        vals = {"partner_id": self.customer_en.id, "period_start": "2026-01-01"}
        self.Letter.create(vals)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Letter.create(vals)

    def test_period_start(self):
        period = self.Letter._get_period_start
        self.assertEqual(period(date(2026, 3, 31), 1, "months"), date(2026, 3, 1))
        self.assertEqual(period(date(2026, 3, 31), 3, "months"), date(2026, 1, 1))
        self.assertEqual(period(date(2026, 12, 31), 3, "months"), date(2026, 10, 1))
        # weeks start on Monday
        self.assertEqual(period(date(2026, 3, 5), 1, "weeks"), date(2026, 3, 2))
        two_weeks = period(date(2026, 3, 5), 2, "weeks")
        self.assertEqual(two_weeks.weekday(), 0)
        self.assertEqual(period(two_weeks + timedelta(days=13), 2, "weeks"), two_weeks)
        self.assertEqual(
            period(two_weeks + timedelta(days=14), 2, "weeks"),
            two_weeks + timedelta(days=14),
        )
