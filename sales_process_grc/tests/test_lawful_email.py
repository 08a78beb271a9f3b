# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields, tools
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import hash_sign

from .automation_common import AutomationCase

UNSUBSCRIBE = "/sales_process_grc/unsubscribe"


@tagged("post_install", "-at_install")
class TestLawfulEmailConsent(AutomationCase):
    """Legal basis of commercial emails and the opposition."""

    def _individual(self, **values):
        return self.env["res.partner"].create(
            {"name": "Paul Particulier", "email": "paul@example.com", **values}
        )

    def test_legal_basis_follows_status_and_company_until_consent(self):
        individual = self._individual()
        self.assertEqual(individual.grc_email_legal_basis, "none")
        self.assertEqual(self.customer_en.grc_email_legal_basis, "b2b")
        contact = self.env["res.partner"].create(
            {"name": "Olive Oak", "parent_id": self.customer_en.id}
        )
        self.assertEqual(contact.grc_email_legal_basis, "b2b")
        self.customer_en._grc_set_customer_status("customer")
        self.assertEqual(self.customer_en.grc_email_legal_basis, "customer")
        # consent: dated today by default, kept whatever the status
        individual.write(
            {"grc_email_legal_basis": "consent", "grc_email_consent_source": "Fair"}
        )
        self.assertEqual(
            individual.grc_email_consent_date, fields.Date.context_today(individual)
        )
        individual._grc_set_customer_status("customer")
        self.assertEqual(individual.grc_email_legal_basis, "consent")

    def test_commercial_email_allowed_only_with_a_basis_and_no_opposition(self):
        individual = self._individual()
        company = self.customer_en
        no_email = self.env["res.partner"].create(
            {"name": "No Mail", "is_company": True}
        )
        partners = individual | company | no_email
        self.assertEqual(partners._grc_filter_commercial_email_allowed(), company)
        individual.grc_email_legal_basis = "consent"
        self.assertEqual(
            partners._grc_filter_commercial_email_allowed(), individual | company
        )
        company.with_user(self.salesman).action_grc_email_opposition()
        company.invalidate_recordset(["is_blacklisted"])
        self.assertTrue(company.is_blacklisted)
        self.assertEqual(partners._grc_filter_commercial_email_allowed(), individual)

    def test_opposition_filters_in_the_same_transaction(self):
        """An opposition recorded in the transaction (button, lost reason,
        unsubscribe) prevails at once: is_blacklisted only depends on the
        address, its value read earlier in the transaction (a form, a
        filter) is stale; the filter reads the blacklist itself."""
        partner = self.customer_en
        other = self.customer_fr
        self.assertFalse(partner.is_blacklisted)  # read, as a form view does
        partners = partner | other
        self.assertEqual(partners._grc_filter_commercial_email_allowed(), partners)
        partner.with_user(self.salesman).action_grc_email_opposition()
        self.assertFalse(partner.is_blacklisted, "upstream value is stale here")
        self.assertEqual(partners._grc_filter_commercial_email_allowed(), other)
        # the lead path too (its own address and its customer's)
        lead = self._create_leads(partners=other, email_from="buyer@example.com")
        self.assertFalse(lead.is_blacklisted)
        self.assertEqual(lead._grc_filter_commercial_email_allowed(), lead)
        self.env["mail.blacklist"]._add("buyer@example.com")
        self.assertFalse(lead._grc_filter_commercial_email_allowed())

    def test_opposition_filter_is_one_query_per_batch(self):
        partners = self.env["res.partner"].create(
            [
                {"name": f"Batch {index}", "email": f"batch{index}@example.com"}
                for index in range(30)
            ]
        )
        partners.grc_email_legal_basis = "consent"
        self.env["mail.blacklist"]._add("batch3@example.com")
        self.env.flush_all()

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            allowed = records._grc_filter_commercial_email_allowed()
            return self.env.cr.sql_log_count - before, allowed

        few, allowed_few = queries(partners[:2])
        many, allowed_many = queries(partners)
        self.assertEqual(few, many)
        self.assertEqual(allowed_few, partners[:2])
        self.assertEqual(allowed_many, partners - partners[3])

    def test_lead_lost_because_asked_not_to_be_contacted_records_opposition(self):
        reason = self.env.ref("sales_process_grc.crm_lost_reason_do_not_contact")
        self.assertTrue(reason.grc_email_opposition)
        prospect = self._individual(email="cold@example.com")
        lead = self._create_leads(partners=prospect, email_from="cold@example.com")
        lead.with_user(self.salesman).action_set_lost(lost_reason_id=reason.id)
        self.assertTrue(prospect.is_blacklisted)
        # another reason: nothing
        other = self._create_leads(partners=self.customer_fr)
        other.with_user(self.salesman).action_set_lost(
            lost_reason_id=self.env["crm.lost.reason"].create({"name": "Price"}).id
        )
        self.assertFalse(self.customer_fr.is_blacklisted)

    def test_automation_rules_follow_the_legal_basis(self):
        """A time-based offer follow-up reaches a private prospect only with
        his consent; the rule's filter edited by an admin does not bypass
        the opposition."""
        self._set_active("offer_followup", True)
        rule = self._automation("offer_followup")
        rule.filter_domain = "[('offer_awaiting_reply', '=', True)]"
        individual = self._individual()
        lead = self._create_leads(partners=individual)
        line = lead.interview_line_ids.filtered(
            lambda line: line.step_id == self.step_offer
        )
        line.with_user(self.salesman).action_done()
        line.sudo().done_date = fields.Datetime.now() - timedelta(days=8)
        blacklisted_lead = self._create_leads(partners=self.customer_en)
        line = blacklisted_lead.interview_line_ids.filtered(
            lambda line: line.step_id == self.step_offer
        )
        line.with_user(self.salesman).action_done()
        line.sudo().done_date = fields.Datetime.now() - timedelta(days=8)
        self._blacklist(self.customer_en.email)
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        self._run_rules()
        self.assertFalse(self._messages_from(lead, "offer_followup"), "no basis")
        self.assertFalse(self._messages_from(blacklisted_lead, "offer_followup"))
        individual.grc_email_legal_basis = "consent"
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        self._run_rules()
        self.assertEqual(len(self._messages_from(lead, "offer_followup")), 1)
        self.assertFalse(self._messages_from(blacklisted_lead, "offer_followup"))

    def test_one_failing_record_does_not_stop_the_others(self):
        self._set_active("won_thank_you", True)
        short = self.env["res.partner"].create(
            {"name": "Abc", "email": "short@example.com", "is_company": True}
        )
        leads = self._create_leads(partners=short, name="Deal A") | self._create_leads(
            partners=self.customer_en, name="Deal B"
        )
        # after the leads: mail checks that the template renders on the last
        # lead (crm's leads of the set-up have no customer)
        template = self._template("thank_you").copy(
            {
                "subject": "Thanks {{ object.name }}",
                "body_html": '<p t-out="object.partner_id.name[5]">x</p>',
            }
        )
        self._automation("won_thank_you").action_server_ids.template_id = template
        with self.assertLogs(
            "odoo.addons.sales_process_grc.models.ir_actions_server", "WARNING"
        ) as logs:
            leads.with_user(self.salesman).action_set_won()
        self.assertEqual(len(logs.records), 1)
        posted = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "in", leads.ids),
                ("message_type", "=", "auto_comment"),
            ]
        )
        self.assertEqual(posted.mapped("res_id"), leads[1].ids)

    def _run_rules(self):
        self._run_cron("base.automation", "_cron_process_time_based_actions")


@tagged("post_install", "-at_install")
class TestLawfulEmailSending(AutomationCase):
    """The unsubscribe link and headers of commercial emails and the
    blacklist, whatever the sending path."""

    def _compose(self, template, partner):
        composer = self._composer("res.partner", partner, template)
        _mails, messages = composer._action_send_mail()
        return messages

    def _mail_of(self, message):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("mail_message_id", "in", message.ids)])
        )

    def test_composer_commercial_template_headers_and_link(self):
        message = self._compose(self._template("reengagement"), self.customer_en)
        mail = self._mail_of(message)
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.grc_commercial)
        headers = ast.literal_eval(mail.headers)
        self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn(f"{UNSUBSCRIBE}/", headers["List-Unsubscribe"])
        with self.mock_mail_gateway():
            mail.send()
        self.assertEqual(len(self._mails), 1)
        sent = self._mails[0]
        self.assertEqual(
            sent["headers"]["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click"
        )
        url = sent["headers"]["List-Unsubscribe"].strip("<>")
        self.assertIn(f"{UNSUBSCRIBE}/", url)
        token = url.rsplit("/", 1)[1]
        self.assertEqual(
            self.env["mail.mail"]._grc_verify_unsubscribe_token(token),
            "oak@example.com",
        )
        # the generic link of the template became the recipient's own, next
        # to the sender's identity
        self.assertIn(f'href="{url}"', sent["body"])
        self.assertNotIn(f'{UNSUBSCRIBE}"', sent["body"])
        self.assertIn(self.env.company.name, sent["body"])

    def test_template_without_link_gets_one(self):
        """A commercial template whose link was removed by an admin still
        carries the recipient's unsubscribe link."""
        template = self._template("reengagement")
        template.body_html = "<p>Hello, no link here</p>"
        message = self._compose(template, self.customer_en)
        with self.mock_mail_gateway():
            self._mail_of(message).send()
        url = self._mails[0]["headers"]["List-Unsubscribe"].strip("<>")
        self.assertIn(f'href="{url}"', self._mails[0]["body"])
        self.assertIn("Unsubscribe", self._mails[0]["body"])

    def test_non_commercial_template_has_no_unsubscribe(self):
        lead = self._create_leads(partners=self.customer_en)
        composer = self._composer("crm.lead", lead, self._template("appointment"))
        _mails, message = composer._action_send_mail()
        mail = self._mail_of(message)
        self.assertFalse(mail.grc_commercial)
        with self.mock_mail_gateway():
            mail.send()
        self.assertNotIn("List-Unsubscribe", self._mails[0]["headers"])

    def test_composer_to_blacklisted_contact_is_not_delivered(self):
        """An opposition recorded once the email is queued (the composer
        itself refuses a blacklisted recipient, see
        test_lawful_email_composer)."""
        message = self._compose(self._template("reengagement"), self.customer_fr)
        mail = self._mail_of(message)
        self._blacklist(self.customer_fr.email)
        with self.mock_mail_gateway():
            mail.send()
        self.assertFalse(self._mails)
        self.assertEqual(mail.state, "cancel")
        self.assertEqual(mail.failure_type, "mail_bl")
        notification = message.notification_ids
        self.assertEqual(notification.notification_status, "canceled")

    def test_queued_letter_not_delivered_after_opposition(self):
        self.customer_en._grc_set_customer_status("customer")
        self.customer_fr._grc_set_customer_status("customer")
        self._run_cron("sales.information.letter", "_cron_send_information_letter")
        mails = (
            self.env["sales.information.letter"]
            .search([("partner_id", "=", self.customer_en.id)])
            .mail_id
        )
        self.assertEqual(len(mails), 1)
        self.assertTrue(mails.grc_commercial)
        self._blacklist(self.customer_en.email)
        with self.mock_mail_gateway():
            mails.send()
        self.assertFalse(self._mails)
        self.assertEqual(mails.state, "cancel")

    def test_letter_respects_the_legal_basis(self):
        individual = self.env["res.partner"].create(
            {"name": "Private Prospect", "email": "private@example.com"}
        )
        self.env["ir.config_parameter"].set_param(
            "sales_process_grc.information_letter_statuses", "prospect"
        )
        letter = self.env["sales.information.letter"]
        self._run_cron("sales.information.letter", "_cron_send_information_letter")
        self.assertNotIn(individual, letter.search([]).partner_id)
        self.assertIn(self.customer_en, letter.search([]).partner_id)
        individual.grc_email_legal_basis = "consent"
        letter.search([]).unlink()
        self._run_cron("sales.information.letter", "_cron_send_information_letter")
        self.assertIn(individual, letter.search([]).partner_id)

    def test_mass_mail_template_path_is_commercial(self):
        """send_mail (mail_post by email, scheduled actions) marks the mail
        commercial too."""
        mail = self.env["mail.mail"].browse(
            self._template("letter").send_mail(self.customer_en.id)
        )
        self.assertTrue(mail.grc_commercial)
        self.assertIn("List-Unsubscribe", mail.headers)
        self._blacklist(self.customer_en.email)
        with self.mock_mail_gateway():
            mail.send()
        self.assertFalse(self._mails)

    def test_each_address_gets_its_own_link_and_no_copy_to_blacklisted(self):
        """A commercial email to several addresses (in copy, or several in
        To) is one email per address: a copy recipient never gets (and
        cannot click) the unsubscribe link of another, and a blacklisted
        address in copy receives nothing."""
        mail = self.env["mail.mail"].browse(
            self._template("letter").send_mail(
                self.customer_en.id,
                email_values={
                    "email_cc": "Copy <copy@example.com>, opposed@example.com",
                    "email_to": "first@example.com, second@example.com",
                },
            )
        )
        self.assertTrue(mail.grc_commercial)
        self._blacklist("opposed@example.com")
        with self.mock_mail_gateway():
            mail.send()
        verify = self.env["mail.mail"]._grc_verify_unsubscribe_token
        received = {}
        for sent in self._mails:
            self.assertFalse(sent["email_cc"])
            self.assertEqual(len(sent["email_to"]), 1)
            address = tools.email_normalize(sent["email_to"][0])
            url = sent["headers"]["List-Unsubscribe"].strip("<>")
            self.assertEqual(verify(url.rsplit("/", 1)[1]), address)
            self.assertIn(f'href="{url}"', sent["body"])
            received[address] = sent
        self.assertEqual(
            set(received),
            {
                "oak@example.com",
                "copy@example.com",
                "first@example.com",
                "second@example.com",
            },
        )
        oak_url = received["oak@example.com"]["headers"]["List-Unsubscribe"]
        for address in ("copy@example.com", "first@example.com"):
            self.assertNotIn(oak_url.strip("<>"), received[address]["body"])
        self.assertEqual(mail.state, "sent")


@tagged("post_install", "-at_install")
class TestLawfulEmailRetention(AutomationCase):
    """The daily retention check of prospects' data."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        partner_model = cls.env["res.partner"]
        cls.old_prospect = partner_model.create(
            {
                "name": "Forgotten Prospect",
                "email": "forgotten@example.com",
                "is_company": True,
                "phone": "+33 1 00 00 00 00",
            }
        )
        cls.old_lead = cls.env["crm.lead"].create(
            {
                "name": "Old lead",
                "partner_id": cls.old_prospect.id,
                "contact_name": "Forgotten Person",
                "email_from": "forgotten@example.com",
            }
        )
        cls.old_customer = partner_model.create(
            {"name": "Old Customer", "email": "oldc@example.com", "is_company": True}
        )
        cls.old_customer._grc_set_customer_status("customer", date=date(2019, 6, 1))
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = '2020-01-01' WHERE id IN %s",
            [(cls.old_prospect.id, cls.old_customer.id)],
        )
        cls.env.cr.execute(
            "UPDATE crm_lead SET create_date = '2020-01-01', "
            "date_last_stage_update = '2020-01-01' WHERE id = %s",
            [cls.old_lead.id],
        )
        cls.env.cr.execute(
            "UPDATE mail_message SET date = '2020-01-01' WHERE model IN "
            "('res.partner', 'crm.lead') AND res_id IN %s",
            [(cls.old_prospect.id, cls.old_customer.id, cls.old_lead.id)],
        )
        cls.env.cr.execute(
            "UPDATE res_partner SET last_purchase_date = '2019-06-01' WHERE id = %s",
            [cls.old_customer.id],
        )
        cls.env.invalidate_all()
        cls.params = cls.env["ir.config_parameter"]

    def _run(self):
        self._run_cron("res.partner", "_cron_grc_retention")

    def test_lists_without_archiving_by_default(self):
        with freeze_time("2026-06-01"):
            self._run()
        self.assertEqual(self.old_prospect.grc_retention_due_date, date(2026, 6, 1))
        self.assertTrue(self.old_prospect.active)
        self.assertEqual(self.old_prospect.name, "Forgotten Prospect")
        # a customer with a purchase in the accounting period is never listed
        self.assertFalse(self.old_customer.grc_retention_due_date)
        # recent partners are not listed
        self.assertFalse(self.customer_en.grc_retention_due_date)
        # not yet three years: not listed
        self.old_prospect.grc_retention_due_date = False
        with freeze_time("2022-06-01"):
            self._run()
        self.assertFalse(self.old_prospect.grc_retention_due_date)

    def test_archives_and_anonymises_when_enabled(self):
        self.params.set_param("sales_process_grc.retention_archive", "True")
        with freeze_time("2026-06-01"):
            self._run()
        prospect = self.old_prospect.with_context(active_test=False)
        self.assertFalse(prospect.active)
        self.assertFalse(prospect.email)
        self.assertFalse(prospect.phone)
        self.assertNotIn("Forgotten", prospect.name)
        lead = self.old_lead.with_context(active_test=False)
        self.assertFalse(lead.active)
        self.assertFalse(lead.contact_name)
        self.assertFalse(lead.email_from)
        self.assertTrue(self.old_customer.active)

    def test_contact_again_clears_the_listing(self):
        with freeze_time("2026-06-01"):
            self._run()
            self.assertTrue(self.old_prospect.grc_retention_due_date)
            self.old_prospect.message_post(
                body="We spoke on the phone", message_type="comment"
            )
            self._run()
        self.assertFalse(self.old_prospect.grc_retention_due_date)

    def test_reconsent_email_then_purge_without_answer(self):
        self.params.set_param("sales_process_grc.retention_archive", "True")
        self.params.set_param("sales_process_grc.retention_reconsent", "True")
        with freeze_time("2026-06-01"):
            self._run()
        self.assertTrue(self.old_prospect.active, "asked first")
        self.assertEqual(self.old_prospect.grc_reconsent_sent_date, date(2026, 6, 1))
        mail = self.env["mail.mail"].search(
            [("model", "=", "res.partner"), ("res_id", "=", self.old_prospect.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.grc_commercial)
        with freeze_time("2026-06-15"):
            self._run()
        self.assertTrue(self.old_prospect.active, "still waiting for an answer")
        with freeze_time("2026-07-02"):
            self._run()
        self.assertFalse(self.old_prospect.with_context(active_test=False).active)

    def test_reconsent_not_allowed_purges_at_once(self):
        """A due prospect who may not be emailed (opposition) is not asked
        again: he is purged on the first run."""
        self.params.set_param("sales_process_grc.retention_archive", "True")
        self.params.set_param("sales_process_grc.retention_reconsent", "True")
        self.env["mail.blacklist"]._add("forgotten@example.com")
        with freeze_time("2026-06-01"):
            self._run()
        prospect = self.old_prospect.with_context(active_test=False)
        self.assertFalse(prospect.active)
        self.assertFalse(prospect.grc_reconsent_sent_date)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "res.partner"), ("res_id", "=", prospect.id)]
            )
        )

    def test_blacklist_read_once_per_batch(self):
        """Choosing whom to ask for re-consent and whom to purge at once reads
        the blacklist once for the batch, not once per partner."""
        self.params.set_param("sales_process_grc.retention_archive", "True")
        self.params.set_param("sales_process_grc.retention_reconsent", "True")
        opposed = self.env["res.partner"].create(
            [
                {"name": f"Opposed {index}", "email": f"opposed{index}@example.com"}
                for index in range(3)
            ]
        )
        for partner in opposed:
            self.env["mail.blacklist"]._add(partner.email)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = '2020-01-01' WHERE id IN %s",
            [tuple(opposed.ids)],
        )
        self.env.cr.execute(
            "UPDATE mail_message SET date = '2020-01-01' "
            "WHERE model = 'res.partner' AND res_id IN %s",
            [tuple(opposed.ids)],
        )
        self.env.invalidate_all()
        batch = (self.old_prospect | opposed).sudo()
        template = self.env.ref("sales_process_grc.mail_template_reconsent")
        today = date(2026, 6, 1)
        self.env.flush_all()
        queries = []
        with contextmanager(self._patchExecute)(queries):
            batch._grc_retention_batch(
                today,
                datetime(2023, 6, 1),
                archive=True,
                reconsent_template=template,
            )
        # the searches of the blacklist (with or without the emails fetched)
        searches = [
            query
            for query in map(str, queries)
            if query.startswith('SELECT "mail_blacklist"."id"')
            and 'FROM "mail_blacklist"' in query
        ]
        self.assertEqual(len(searches), 1, "\n".join(searches))
        # the opposed are purged at once, the other one is asked first
        self.assertEqual(self.old_prospect.grc_reconsent_sent_date, today)
        self.assertTrue(self.old_prospect.active)
        opposed = opposed.with_context(active_test=False)
        self.assertEqual(opposed.mapped("active"), [False] * 3)
        self.assertFalse(any(opposed.mapped("grc_reconsent_sent_date")))

    def test_reconsent_answered_keeps_the_prospect(self):
        self.params.set_param("sales_process_grc.retention_archive", "True")
        self.params.set_param("sales_process_grc.retention_reconsent", "True")
        with freeze_time("2026-06-01"):
            self._run()
        with freeze_time("2026-06-10"):
            self.old_prospect.message_post(
                body="Yes, keep me informed",
                message_type="email",
                author_id=self.old_prospect.id,
            )
        with freeze_time("2026-07-02"):
            self._run()
        self.assertTrue(self.old_prospect.active)
        self.assertFalse(self.old_prospect.grc_retention_due_date)

    def test_retention_settings(self):
        settings = self.env["res.config.settings"].create(
            {
                "grc_retention_years": 5,
                "grc_retention_archive": True,
                "grc_retention_reconsent": True,
            }
        )
        settings.execute()
        self.assertEqual(
            self.params.get_param("sales_process_grc.retention_years"), "5"
        )
        with freeze_time("2026-06-01"):
            self._run()
        self.assertTrue(self.old_prospect.grc_retention_due_date, "6 years > 5")
        settings = self.env["res.config.settings"].create({"grc_retention_years": 8})
        settings.execute()
        self.old_prospect.grc_retention_due_date = False
        with freeze_time("2026-06-01"):
            self._run()
        self.assertFalse(self.old_prospect.grc_retention_due_date)
        cron = self.env.ref("sales_process_grc.ir_cron_retention")
        self.assertTrue(cron.active)
        self.assertEqual(cron.interval_type, "days")

    def test_refused_retention_period_is_the_default(self):
        """A retention period that the settings refuse, written by other
        means, is the default three years, never a shorter one."""
        partner_model = self.env["res.partner"]
        for value in ("0", "-2", "abc"):
            with self.subTest(value=value):
                self.params.set_param("sales_process_grc.retention_years", value)
                self.assertEqual(partner_model._grc_retention_settings()[0], 3)


@tagged("post_install", "-at_install")
class TestUnsubscribeRoute(HttpCase):
    """The public unsubscribe page, without login."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.partner = cls.env["res.partner"].create(
            {"name": "Reader", "email": "Reader@Example.com", "is_company": True}
        )
        cls.url = cls.env["mail.mail"]._grc_unsubscribe_url(cls.partner.email)
        cls.path = cls.url.split(cls.env["mail.mail"].get_base_url(), 1)[1]

    def _blacklisted(self):
        self.env.invalidate_all()
        return self.partner.is_blacklisted

    def test_get_confirms_then_post_blacklists(self):
        response = self.url_open(self.path)
        self.assertEqual(response.status_code, 200)
        self.assertIn("reader@example.com", response.text)
        self.assertIn('method="post"', response.text)
        self.assertFalse(self._blacklisted(), "a GET (link scanner) never unsubscribes")
        response = self.url_open(self.path, data={"unsubscribe": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("You are unsubscribed", response.text)
        self.assertTrue(self._blacklisted())

    def test_one_click_post(self):
        response = self.url_open(self.path, data={"List-Unsubscribe": "One-Click"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self._blacklisted())

    def test_bad_and_expired_tokens_refused(self):
        token = self.path.rsplit("/", 1)[1]
        forged = hash_sign(
            self.env(su=True), "another.scope", {"email": "reader@example.com"}
        )
        expired = hash_sign(
            self.env(su=True),
            "sales_process_grc.unsubscribe",
            {"email": "reader@example.com"},
            expiration=datetime.now() - timedelta(days=1),
        )
        for bad in (
            f"{token[:-3]}abc",
            "garbage",
            "",
            forged,
            expired,
        ):
            with self.subTest(token=bad[:12]):
                response = self.url_open(
                    f"{UNSUBSCRIBE}/{bad}" if bad else UNSUBSCRIBE,
                    data={"List-Unsubscribe": "One-Click"},
                )
                self.assertEqual(response.status_code, 403)
                self.assertIn("This link is not valid", response.text)
                self.assertFalse(self._blacklisted())
