# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import tools
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .automation_common import AutomationCase

COMPOSER_LOGGER = "odoo.addons.sales_process_grc.wizard.mail_compose_message"


@tagged("post_install", "-at_install")
class TestLawfulEmailComposer(AutomationCase, MockEmail):
    """A commercial template chosen in the mail composer (the chatter's, or
    Send email on a list) reaches only the recipients whose legal basis
    allows commercial emails, as the automation rules do."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        # three recipients: a company (B2B), a customer and a private person
        # who never consented (legal basis "none")
        cls.customer_fr._grc_set_customer_status("customer")
        cls.private = cls.env["res.partner"].create(
            {
                "name": "Paul Particulier",
                "email": "paul@example.com",
                "lang": "en_US",
                "user_id": cls.salesman.id,
            }
        )
        cls.partners = cls.customer_en | cls.customer_fr | cls.private

    def _send(self, composer):
        """Send from ``composer`` under the gateway mock; the chatter's emails
        (sent after the commit) are sent at once."""
        with self.mock_mail_gateway():
            composer.action_send_mail()
            self._new_mails.filtered(lambda mail: mail.state == "outgoing").send()

    def _sent_to(self):
        """Normalized addresses of the emails sent during the gateway mock."""
        return sorted(
            tools.email_normalize(address)
            for mail in self._mails
            for address in mail["email_to"]
        )

    def _messages(self, record, subject=None):
        domain = [("model", "=", record._name), ("res_id", "=", record.id)]
        if subject:
            domain.append(("subject", "=", subject))
        return self.env["mail.message"].sudo().search(domain)

    def test_basis_of_the_three_recipients(self):
        self.assertEqual(
            self.partners.mapped("grc_email_legal_basis"), ["b2b", "customer", "none"]
        )

    def test_mass_mode_leaves_out_who_may_not_receive_it(self):
        template = self._template("reengagement")
        self.assertTrue(template.grc_commercial)
        composer = self._composer(
            "res.partner", self.partners, template, mode="mass_mail"
        )
        subject = self._render(template, self.private)["subject"]
        with (
            self.mock_mail_gateway(),
            self.assertLogs(COMPOSER_LOGGER, logging.INFO) as logs,
        ):
            composer.action_send_mail()
        self.assertEqual(self._sent_to(), ["chene@example.com", "oak@example.com"])
        mails = self._new_mails
        self.assertEqual(
            mails.mapped("res_id"), (self.customer_en | self.customer_fr).ids
        )
        self.assertTrue(all(mails.mapped("grc_commercial")))
        self.assertEqual(set(mails.mapped("state")), {"sent"})
        # the private person: no email created, nothing in his chatter
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "=", self.private.id),
                    ("subject", "=", subject),
                ]
            )
        )
        self.assertFalse(self._messages(self.private, subject))
        self.assertTrue(
            self._messages(
                self.customer_en, self._render(template, self.customer_en)["subject"]
            )
        )
        self.assertEqual(len(logs.records), 1)
        self.assertIn(str(self.private.id), logs.output[0])
        self.assertIn(template.name, logs.output[0])

    def test_mass_mode_on_leads(self):
        template = self._template("offer_followup")
        self.assertTrue(template.grc_commercial)
        allowed = self._create_leads(partners=self.customer_en, name="Oak deal")
        refused = self._create_leads(partners=self.private, name="Paul deal")
        blacklisted = self._create_leads(partners=self.customer_fr, name="Chêne deal")
        self._blacklist(self.customer_fr.email)
        leads = allowed | refused | blacklisted
        composer = self._composer("crm.lead", leads, template, mode="mass_mail")
        with (
            self.mock_mail_gateway(),
            self.assertLogs(COMPOSER_LOGGER, logging.INFO),
        ):
            composer.action_send_mail()
        self.assertEqual(self._sent_to(), ["oak@example.com"])
        self.assertEqual(self._new_mails.mapped("res_id"), allowed.ids)

    def test_mass_mode_after_consent_sends_to_all(self):
        self.private.write(
            {"grc_email_legal_basis": "consent", "grc_email_consent_source": "Fair"}
        )
        composer = self._composer(
            "res.partner", self.partners, self._template("reengagement"), "mass_mail"
        )
        with self.mock_mail_gateway():
            composer.action_send_mail()
        self.assertEqual(
            self._sent_to(),
            ["chene@example.com", "oak@example.com", "paul@example.com"],
        )

    def test_comment_mode_refused_to_the_private_person(self):
        composer = self._composer(
            "res.partner", self.private, self._template("reengagement")
        )
        self.assertEqual(composer.partner_ids, self.private)
        messages_before = self._messages(self.private)
        with self.mock_mail_gateway(), self.assertRaises(UserError) as error:
            composer.action_send_mail()
        message = str(error.exception)
        self.assertIn("Paul Particulier has not agreed to receive commercial", message)
        self.assertIn("legal basis: None", message)
        self.assertIn("use a non-commercial template", message)
        self.assertFalse(self._mails)
        self.assertFalse(self._new_mails)
        self.assertEqual(self._messages(self.private), messages_before)

    def test_comment_mode_refusal_is_translated(self):
        composer = self._composer(
            "res.partner",
            self.private,
            self._template("reengagement"),
            user=self.salesman_fr,
            lang="fr_FR",
        )
        with self.assertRaises(UserError) as error:
            composer.action_send_mail()
        message = str(error.exception)
        self.assertIn("Paul Particulier n'a pas accepté", message)
        self.assertIn("base légale : Aucune", message)

    def test_comment_mode_on_a_lead_and_with_an_added_recipient(self):
        """The record's own recipient and the recipients added in the
        composer are both checked."""
        template = self._template("offer_followup")
        lead = self._create_leads(partners=self.private, name="Paul deal")
        composer = self._composer("crm.lead", lead, template)
        with self.assertRaises(UserError) as error:
            composer.action_send_mail()
        self.assertIn("Paul Particulier", str(error.exception))
        self.assertFalse(
            self._messages(lead).filtered(lambda m: m.message_type == "comment")
        )
        # an allowed lead, a private person added as recipient
        lead = self._create_leads(partners=self.customer_en, name="Oak deal")
        form = self._composer_form("crm.lead", lead, template)
        form.partner_ids.add(self.private)
        composer = form.save()
        with self.assertRaises(UserError) as error:
            composer.action_send_mail()
        self.assertIn("Paul Particulier", str(error.exception))
        self.assertNotIn("Oak Trading", str(error.exception))

    def test_comment_mode_on_several_records_names_only_the_refused(self):
        """The chatter's composer on several records (batch comment mode,
        recipients rendered per record): refused as a whole, naming only the
        recipients who may not receive it; nothing is posted."""
        template = self._template("reengagement")
        records = self.customer_en | self.private
        composer = self._composer("res.partner", records, template)
        self.assertTrue(composer.composition_batch)
        subject = self._render(template, self.customer_en)["subject"]
        with self.mock_mail_gateway(), self.assertRaises(UserError) as error:
            composer.action_send_mail()
        self.assertIn("Paul Particulier", str(error.exception))
        self.assertNotIn("Oak Trading", str(error.exception))
        self.assertFalse(self._new_mails)
        self.assertFalse(self._messages(self.customer_en, subject))

    def test_comment_mode_blacklisted_contact_refused(self):
        self._blacklist(self.customer_en.email)
        composer = self._composer(
            "res.partner", self.customer_en, self._template("reengagement")
        )
        with self.assertRaises(UserError) as error:
            composer.action_send_mail()
        self.assertIn("Oak Trading has not agreed", str(error.exception))

    def test_comment_mode_scheduling_refused(self):
        composer = self._composer(
            "res.partner", self.private, self._template("reengagement")
        )
        composer.scheduled_date = "2099-01-01 08:00:00"
        with self.assertRaises(UserError):
            composer.action_schedule_message()
        self.assertFalse(
            self.env["mail.scheduled.message"]
            .sudo()
            .search([("model", "=", "res.partner"), ("res_id", "=", self.private.id)])
        )

    def test_comment_mode_after_consent_is_sent(self):
        self.private.write(
            {"grc_email_legal_basis": "consent", "grc_email_consent_source": "Fair"}
        )
        template = self._template("reengagement")
        composer = self._composer("res.partner", self.private, template)
        self._send(composer)
        self.assertEqual(self._sent_to(), ["paul@example.com"])
        self.assertTrue(self._new_mails.grc_commercial)
        subject = self._render(template, self.private)["subject"]
        self.assertEqual(len(self._messages(self.private, subject)), 1)

    def test_non_commercial_template_and_no_template_unchanged(self):
        template = self._template("appointment")
        self.assertFalse(template.grc_commercial)
        lead = self._create_leads(partners=self.private, name="Paul deal")
        composer = self._composer("crm.lead", lead, template)
        self.assertEqual(composer.partner_ids, self.private)
        self._send(composer)
        self.assertEqual(self._sent_to(), ["paul@example.com"])
        self.assertFalse(self._new_mails.grc_commercial)
        # mass mode, non-commercial template: everyone
        leads = lead | self._create_leads(partners=self.customer_en, name="Oak deal")
        composer = self._composer("crm.lead", leads, template, mode="mass_mail")
        with self.mock_mail_gateway():
            composer.action_send_mail()
        self.assertEqual(self._sent_to(), ["oak@example.com", "paul@example.com"])
        # a message without template
        form = self._composer_form("res.partner", self.private)
        form.partner_ids.add(self.private)
        form.body = "<p>Your appointment on Monday</p>"
        self._send(form.save())
        self.assertEqual(self._sent_to(), ["paul@example.com"])
