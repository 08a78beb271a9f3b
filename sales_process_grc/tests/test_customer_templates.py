# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import datetime, timedelta

from odoo.tests import tagged

from .automation_common import TEMPLATE_XMLIDS, AutomationCase
from .common import load_migration

SECRET_TITLE = "SECRET internal title"
SECRET_REVENUE = 987654
# 987654, 987,654.00, 987 654,00 (narrow or not), 987.654
REVENUE_RE = re.compile(r"987\D{0,2}654")

LEAD_TEMPLATES = ("appointment", "offer_followup", "thank_you", "loyalty")
PARTNER_TEMPLATES = ("reengagement", "letter", "reconsent")
# words of the French rendering (the po is loaded)
FRENCH = {
    "appointment": ("Notre rendez-vous - ", "Nous avons le plaisir"),
    "offer_followup": ("Notre offre - ", "Nous vous avons récemment présenté"),
    "thank_you": ("Merci de votre confiance", "Merci d'avoir choisi"),
    "loyalty": ("Comment cela se passe-t-il ?", "En êtes-vous satisfait ?"),
}


@tagged("post_install", "-at_install")
class TestCustomerTemplates(AutomationCase):
    """The templates sent to customers show neither the lead's title (an
    internal label) nor its expected revenue (the internal forecast), in
    English and in French, and name the company and the salesperson."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company.name = "Grc Test Company"
        cls.lead_en = cls._secret_lead(cls.customer_en, cls.salesman)
        cls.lead_fr = cls._secret_lead(cls.customer_fr, cls.salesman_fr)

    @classmethod
    def _secret_lead(cls, partner, user, meeting=True):
        lead = cls.env["crm.lead"].create(
            {
                "name": SECRET_TITLE,
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": user.id,
                "expected_revenue": SECRET_REVENUE,
                "offer_lead_time": "3 weeks",
                "offer_payment_terms": "30 days",
            }
        )
        if meeting:
            cls.env["calendar.event"].create(
                {
                    "name": f"Meeting with {partner.name}",
                    "opportunity_id": lead.id,
                    "start": datetime.now() + timedelta(days=3),
                    "stop": datetime.now() + timedelta(days=3, hours=1),
                    "user_id": user.id,
                    "partner_ids": [(4, partner.id)],
                }
            )
        return lead

    def _template(self, key):
        if key == "reconsent":
            return self.env.ref("sales_process_grc.mail_template_reconsent")
        return super()._template(key)

    def _assert_no_internal_data(self, text):
        self.assertNotIn("SECRET", text)
        self.assertNotIn("internal title", text)
        self.assertIsNone(REVENUE_RE.search(text), text)

    def _check_lead_template(self, key, lead, user, lang):
        values = self._render(self._template(key), lead)
        subject, body = values["subject"], str(values["body_html"])
        self._assert_no_internal_data(subject)
        self._assert_no_internal_data(body)
        self.assertIn(self.company.name, body)
        self.assertIn(user.name, body)
        if lang == "fr":
            subject_fr, words_fr = FRENCH[key]
            self.assertTrue(subject.startswith(subject_fr), subject)
            self.assertIn(words_fr, body)
            self.assertIn("Bonjour", body)
        else:
            self.assertIn("Hello", body)
            self.assertNotIn("Bonjour", body)
        return subject, body

    def test_lead_templates_show_no_internal_data(self):
        for key in LEAD_TEMPLATES:
            for lang, lead, user in (
                ("en", self.lead_en, self.salesman),
                ("fr", self.lead_fr, self.salesman_fr),
            ):
                with self.subTest(template=key, lang=lang):
                    self._check_lead_template(key, lead, user, lang)

    def test_subjects_name_the_company(self):
        for key in LEAD_TEMPLATES:
            for lead in (self.lead_en, self.lead_fr):
                with self.subTest(template=key, lang=lead.partner_id.lang):
                    subject = self._render(self._template(key), lead)["subject"]
                    self.assertIn(self.company.name, subject)

    def test_offer_followup_keeps_the_offer_terms(self):
        """What was quoted (lead time, payment terms) stays; the forecast
        does not."""
        for lead in (self.lead_en, self.lead_fr):
            body = str(
                self._render(self._template("offer_followup"), lead)["body_html"]
            )
            self.assertIn("3 weeks", body)
            self.assertIn("30 days", body)
            self.assertNotIn("Amount", body)
            self.assertNotIn("Montant", body)

    def test_appointment_without_meeting(self):
        """Without a meeting the confirmation does not fall back on the
        lead's title."""
        for lang, partner, user in (
            ("en", self.customer_en, self.salesman),
            ("fr", self.customer_fr, self.salesman_fr),
        ):
            with self.subTest(lang=lang):
                lead = self._secret_lead(partner, user, meeting=False)
                self.assertFalse(lead.next_meeting_id)
                self._check_lead_template("appointment", lead, user, lang)

    def test_appointment_shows_the_meeting(self):
        body = str(
            self._render(self._template("appointment"), self.lead_en)["body_html"]
        )
        self.assertIn("Your contact", body)
        self.assertIn(self.salesman.name, body)

    def test_salesperson_without_signature_is_named(self):
        self.salesman.signature = False
        self.salesman_fr.signature = False
        self.test_lead_templates_show_no_internal_data()

    def test_partner_templates_show_no_lead_data(self):
        for key in PARTNER_TEMPLATES:
            for partner in (self.customer_en, self.customer_fr):
                with self.subTest(template=key, lang=partner.lang):
                    values = self._render(self._template(key), partner)
                    self._assert_no_internal_data(values["subject"])
                    self._assert_no_internal_data(str(values["body_html"]))
                    self.assertIn(self.company.name, str(values["body_html"]))

    def test_composer_shows_no_internal_data(self):
        """The chatter's composer renders the same texts."""
        for key in LEAD_TEMPLATES:
            for lead in (self.lead_en, self.lead_fr):
                with self.subTest(template=key, lang=lead.partner_id.lang):
                    composer = self._composer(
                        "crm.lead", lead, self._template(key), user=lead.user_id
                    )
                    self._assert_no_internal_data(composer.subject)
                    self._assert_no_internal_data(str(composer.body))
                    self.assertIn(self.company.name, str(composer.body))

    def test_senders(self):
        """The customer templates are sent as the salesperson (else the
        company)."""
        for key in LEAD_TEMPLATES:
            with self.subTest(template=key):
                values = self._template(key)._generate_template(
                    self.lead_en.ids, ["email_from"]
                )[self.lead_en.id]
                self.assertIn(self.salesman.email, values["email_from"])


@tagged("post_install", "-at_install")
class TestCustomerTemplatesMigration(AutomationCase):
    """19.0.1.0.3 reloads the customer templates that still have a text an
    earlier version shipped, and keeps the edited ones."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.migration = load_migration("19.0.1.0.3", "post-migrate")
        cls.shipped = cls.migration.previous_texts()
        cls.langs = ("en_US", "fr_FR")

    def _values(self, template):
        return {
            (fname, lang): str(template.with_context(lang=lang)[fname])
            for fname in ("subject", "body_html")
            for lang in self.langs
        }

    def _restore(self, template, version):
        """Give ``template`` the texts of a shipped version (as an older
        database has them)."""
        for fname in ("subject", "body_html"):
            template.update_field_translations(
                fname, {lang: version[fname][lang] for lang in self.langs}
            )
        self.env.invalidate_all()

    def test_shipped_texts_cover_the_changed_templates(self):
        keys = {
            TEMPLATE_XMLIDS[key]
            for key in ("appointment", "offer_followup", "thank_you", "loyalty")
        }
        self.assertEqual(set(self.shipped), keys)
        for xmlid, versions in self.shipped.items():
            for version in versions:
                self.assertIn("object.name", version["body_html"]["en_US"], xmlid)
                self.assertIn("object.name", version["body_html"]["fr_FR"], xmlid)

    def test_unedited_templates_are_reloaded(self):
        for xmlid, versions in self.shipped.items():
            template = self.env.ref(xmlid)
            current = self._values(template)
            for version in versions:
                with self.subTest(template=xmlid, shipped_in=version["shipped_in"]):
                    self._restore(template, version)
                    self.assertTrue(self.migration.is_unedited(template, versions))
                    reloaded, kept = self.migration.reload_unedited_templates(
                        self.env, {xmlid: versions}
                    )
                    self.assertEqual((reloaded, kept), ([xmlid], []))
                    self.assertEqual(self._values(template), current)
                    for (_fname, _lang), text in self._values(template).items():
                        self.assertNotIn("object.name", text)
                        self.assertNotIn("expected_revenue", text)

    def test_reload_keeps_the_other_fields(self):
        xmlid = TEMPLATE_XMLIDS["offer_followup"]
        template = self.env.ref(xmlid)
        template.write({"email_from": "sales@example.com", "name": "Our follow-up"})
        self._restore(template, self.shipped[xmlid][-1])
        self.migration.reload_unedited_templates(self.env, {xmlid: self.shipped[xmlid]})
        self.assertEqual(template.email_from, "sales@example.com")
        self.assertEqual(template.name, "Our follow-up")
        self.assertTrue(template.grc_commercial)
        data = self.env["ir.model.data"].search(
            [("module", "=", "sales_process_grc"), ("name", "=", xmlid.split(".")[1])]
        )
        self.assertTrue(data.noupdate, "still protected from the next upgrades")
        lead = self.env["crm.lead"].create(
            {
                "name": SECRET_TITLE,
                "partner_id": self.customer_fr.id,
                "user_id": self.salesman_fr.id,
                "expected_revenue": SECRET_REVENUE,
            }
        )
        values = self._render(template, lead)
        self.assertTrue(values["subject"].startswith("Notre offre - "))
        self.assertNotIn("SECRET", values["subject"] + str(values["body_html"]))
        self.assertIsNone(REVENUE_RE.search(str(values["body_html"])))

    def test_edited_templates_are_kept(self):
        """An edit of the English subject, of the English body or of the
        French translation only: the template is kept, and named."""
        edits = {
            "appointment": ("subject", "en_US", "Our meeting {{ object.name }}"),
            "offer_followup": (
                "body_html",
                "en_US",
                "<p>Our offer for {{ object.name }}</p>",
            ),
            "thank_you": ("body_html", "fr_FR", "<p>Merci !</p>"),
            "loyalty": ("subject", "fr_FR", "Alors ?"),
        }
        for key, (fname, lang, text) in edits.items():
            xmlid = TEMPLATE_XMLIDS[key]
            with self.subTest(template=xmlid):
                template = self.env.ref(xmlid)
                versions = self.shipped[xmlid]
                self._restore(template, versions[-1])
                template.update_field_translations(fname, {lang: text})
                self.env.invalidate_all()
                edited = self._values(template)
                self.assertFalse(self.migration.is_unedited(template, versions))
                with self.assertLogs(self.migration._logger.name, "WARNING") as logs:
                    reloaded, kept = self.migration.reload_unedited_templates(
                        self.env, {xmlid: versions}
                    )
                self.assertEqual((reloaded, kept), ([], [xmlid]))
                self.assertIn(xmlid, logs.output[0])
                self.assertEqual(self._values(template), edited)

    def test_migrate_reloads_all_unedited_and_names_the_edited(self):
        for xmlid, versions in self.shipped.items():
            self._restore(self.env.ref(xmlid), versions[-1])
        thank_you = self._template("thank_you")
        thank_you.with_context(lang="en_US").subject = "Merci beaucoup"
        self.env.flush_all()
        with self.assertLogs(self.migration._logger.name, "INFO") as logs:
            self.migration.migrate(self.env.cr, "19.0.1.0.2")
        self.env.invalidate_all()
        self.assertEqual(thank_you.with_context(lang="en_US").subject, "Merci beaucoup")
        self.assertIn(
            "object.name", str(thank_you.with_context(lang="en_US").body_html)
        )
        warnings = [line for line in logs.output if line.startswith("WARNING")]
        self.assertEqual(len(warnings), 1)
        self.assertIn(TEMPLATE_XMLIDS["thank_you"], warnings[0])
        for key in ("appointment", "offer_followup", "loyalty"):
            template = self._template(key)
            for lang in self.langs:
                body = str(template.with_context(lang=lang).body_html)
                self.assertNotIn("object.name or", body, (key, lang))
