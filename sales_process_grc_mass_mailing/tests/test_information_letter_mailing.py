# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.mail.tests.common import MockEmail


@tagged("post_install", "-at_install")
class TestInformationLetterMailing(TransactionCase, MockEmail):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        partner_model = cls.env["res.partner"]
        cls.customer = partner_model.create(
            {
                "name": "Letter Customer",
                "email": "customer@example.com",
                "is_company": True,
            }
        )
        cls.opposed = partner_model.create(
            {
                "name": "Letter Opposed",
                "email": "opposed@example.com",
                "is_company": True,
            }
        )
        cls.private = partner_model.create(
            {"name": "Private Buyer", "email": "private@example.com"}
        )
        cls.prospect = partner_model.create(
            {
                "name": "Letter Prospect",
                "email": "prospect@example.com",
                "is_company": True,
            }
        )
        (cls.customer | cls.opposed | cls.private)._grc_set_customer_status("customer")
        cls.env["mail.blacklist"]._add("opposed@example.com")
        cls.private.grc_email_legal_basis = "none"
        cls.env["ir.config_parameter"].set_param(
            "sales_process_grc.information_letter_statuses", "customer"
        )
        cls.env.company.email = "news@example.com"

    def _run_cron(self):
        self.env.flush_all()
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            self.env(cr=cr)["sales.information.letter"]._cron_send_information_letter()
        self.env.invalidate_all()

    def _mailings(self):
        return self.env["mailing.mailing"].search(
            [("grc_letter_period_start", "!=", False)], order="grc_letter_period_start"
        )

    def test_one_mailing_per_period(self):
        with freeze_time("2026-03-10"):
            self._run_cron()
            self._run_cron()
        mailing = self._mailings()
        self.assertEqual(len(mailing), 1)
        self.assertEqual(str(mailing.grc_letter_period_start), "2026-03-01")
        self.assertEqual(mailing.state, "in_queue")
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertIn("/unsubscribe_from_list", mailing.body_html)
        self.assertNotIn("/sales_process_grc/unsubscribe", mailing.body_html)
        # no plain letter next to the mailing
        self.assertFalse(self.env["sales.information.letter"].search([]))
        with freeze_time("2026-03-28"):
            self._run_cron()
        self.assertEqual(len(self._mailings()), 1)
        with freeze_time("2026-04-02"):
            self._run_cron()
        self.assertEqual(len(self._mailings()), 2)

    def test_mailing_sent_once_with_unsubscribe_and_statistics(self):
        with freeze_time("2026-03-10"):
            self._run_cron()
        mailing = self._mailings()
        recipients = self.env["res.partner"].browse(mailing._get_remaining_recipients())
        self.assertIn(self.customer, recipients)
        for partner in self.opposed | self.private | self.prospect:
            self.assertNotIn(partner, recipients)
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.action_send_mail()
        sent = [
            mail
            for mail in self._mails
            if "customer@example.com" in str(mail["email_to"])
        ]
        self.assertEqual(len(sent), 1)
        headers = sent[0]["headers"]
        self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn(f"/mailing/{mailing.id}/", headers["List-Unsubscribe"])
        self.assertIn(f"/mailing/{mailing.id}/confirm_unsubscribe", sent[0]["body"])
        self.assertIn("Letter Customer", sent[0]["body"])
        for mail in self._mails:
            self.assertNotIn("opposed@example.com", str(mail["email_to"]))
        # statistics: one trace per recipient
        self.assertIn(self.customer.id, mailing.mailing_trace_ids.mapped("res_id"))
        self.assertEqual(mailing.sent, len(mailing.mailing_trace_ids))
        # never twice
        self.assertFalse(mailing._get_remaining_recipients())

    def test_plain_letter_records_are_not_used(self):
        """The main addon's plain letter path is replaced, not added to."""
        with freeze_time("2026-05-03"):
            self._run_cron()
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "=", self.customer.id),
                    ("grc_commercial", "=", True),
                ]
            )
        )

    def test_launched_letter_mailing_is_kept(self):
        """An Email Marketing user cannot delete the period's mailing, nor
        clear or move its period, once launched: the next run would send the
        letter of the period again. He may archive it; the period is still
        taken."""
        marketer = new_test_user(
            self.env,
            login="grc_letter_marketer",
            groups="mass_mailing.group_mass_mailing_user,"
            "mail.group_mail_template_editor",
        )
        with freeze_time("2026-03-10"):
            self._run_cron()
        mailing = self._mailings().with_user(marketer)
        self.assertEqual(mailing.state, "in_queue")
        for attempt in (
            mailing.unlink,
            lambda: mailing.write({"grc_letter_period_start": False}),
            lambda: mailing.write({"grc_letter_period_start": "2026-02-01"}),
        ):
            with (
                self.assertRaisesRegex(UserError, "keeps its period"),
                self.env.cr.savepoint(),
            ):
                attempt()
        mailing.write({"subject": "March letter", "active": False})
        with freeze_time("2026-03-20"):
            self._run_cron()
        self.assertEqual(
            self.env["mailing.mailing"]
            .with_context(active_test=False)
            .search_count([("grc_letter_period_start", "=", "2026-03-01")]),
            1,
        )
        # a draft mailing of the period (not launched) may still be deleted
        mailing.sudo().write({"active": True, "state": "draft"})
        mailing.unlink()
        self.assertFalse(mailing.exists())
