# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from datetime import datetime, timedelta
from pathlib import Path

from odoo.tests import tagged
from odoo.tools import convert_file

from .automation_common import AUTOMATION_XMLIDS, TEMPLATE_XMLIDS, AutomationCase

# template: (English subject start, French subject start, English words of
# the body, French words of the body)
EXPECTED = {
    "appointment": (
        "Our appointment - ",
        "Notre rendez-vous - ",
        ["Hello", "We are pleased to confirm our appointment"],
        ["Bonjour", "Nous avons le plaisir de vous confirmer notre rendez-vous"],
    ),
    "brief": (
        "Interview preparation: ",
        "Préparation de l'entretien : ",
        ["Past opportunities", "Open activities"],
        ["Opportunités passées", "Activités en cours"],
    ),
    "offer_followup": (
        "Our offer - ",
        "Notre offre - ",
        ["We recently presented our offer"],
        ["Nous vous avons récemment présenté notre offre"],
    ),
    "thank_you": (
        "Thank you for your trust",
        "Merci de votre confiance",
        ["Thank you for choosing"],
        ["Merci d'avoir choisi"],
    ),
    "loyalty": (
        "How is everything going?",
        "Comment cela se passe-t-il ?",
        ["Are you satisfied?"],
        ["En êtes-vous satisfait ?"],
    ),
    "reengagement": (
        "We miss you, ",
        "Vous nous manquez, ",
        ["It has been a while since we last worked together"],
        ["Cela fait un moment que nous n'avons pas travaillé ensemble"],
    ),
    "letter": (
        "News from ",
        "Les nouvelles de ",
        ["Here is our latest news"],
        ["Voici nos dernières nouvelles"],
    ),
}
LEAD_TEMPLATES = ("appointment", "offer_followup", "thank_you", "loyalty")
PARTNER_TEMPLATES = ("reengagement", "letter")
COMMERCIAL = ("offer_followup", "thank_you", "loyalty", "reengagement", "letter")


@tagged("post_install", "-at_install")
class TestAutomationTemplates(AutomationCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.lead_en = cls._make_lead(cls.customer_en, cls.salesman)
        cls.lead_fr = cls._make_lead(cls.customer_fr, cls.salesman_fr)

    @classmethod
    def _make_lead(cls, partner, user):
        lead = cls._create_leads(
            user=user,
            partners=partner,
            as_user=False,
            name="Office furniture for {partner}",
            expected_revenue=12000,
            offer_lead_time="3 weeks",
        )
        cls.env["calendar.event"].create(
            {
                "name": f"Meeting {partner.name}",
                "opportunity_id": lead.id,
                "start": datetime.now() + timedelta(days=3),
                "stop": datetime.now() + timedelta(days=3, hours=1),
                "location": "12 rue de la Paix, Paris",
                "user_id": user.id,
                "partner_ids": [(4, partner.id)],
            }
        )
        return lead

    def _record(self, key, lang):
        if key in PARTNER_TEMPLATES:
            return self.customer_fr if lang == "fr" else self.customer_en
        return self.lead_fr if lang == "fr" else self.lead_en

    def test_templates_render_in_the_recipient_language(self):
        for key, (subject_en, subject_fr, words_en, words_fr) in EXPECTED.items():
            for lang, subject, words, other_words in (
                ("en", subject_en, words_en, words_fr),
                ("fr", subject_fr, words_fr, words_en),
            ):
                with self.subTest(template=key, lang=lang):
                    values = self._render(self._template(key), self._record(key, lang))
                    self.assertTrue(values["subject"].startswith(subject))
                    self.assertNotIn("{{", values["subject"])
                    for word in words:
                        self.assertIn(word, values["body_html"])
                    for word in other_words:
                        self.assertNotIn(word, values["body_html"])

    def test_templates_content_and_recipients(self):
        # appointment: date, place and salesperson of the next meeting
        values = self._render(self._template("appointment"), self.lead_en)
        self.assertIn("12 rue de la Paix, Paris", values["body_html"])
        self.assertIn(self.salesman.name, values["body_html"])
        self.assertEqual(values["partner_ids"], self.customer_en.ids)
        # brief: to the salesperson, with the history of the customer
        past = self._create_leads(partners=self.customer_en, name="Chairs 2024")
        past.action_set_won()
        lost = self._create_leads(partners=self.customer_en, name="Desks 2023")
        lost.action_set_lost()
        self.lead_en.activity_schedule(
            "mail.mail_activity_data_call", summary="Call the buyer"
        )
        self.lead_en.prospect_temperature = "hot"
        values = self._render(self._template("brief"), self.lead_en)
        self.assertEqual(values["partner_ids"], self.salesman.partner_id.ids)
        body = values["body_html"]
        for expected in ("Oak Trading", "Chairs 2024", "Desks 2023", "Call the buyer"):
            self.assertIn(expected, body)
        self.assertIn("won", body)
        self.assertIn("lost", body)
        self.assertIn("Hot", body)
        self.assertIn("Customer", body, "the customer status of a won customer")
        values = self._render(self._template("brief"), self.lead_fr)
        self.assertIn("Prospect", values["body_html"])
        # partner templates go to the partner
        values = self._render(self._template("reengagement"), self.customer_fr)
        self.assertEqual(values["partner_ids"], self.customer_fr.ids)

    def test_templates_escape_names(self):
        evil = "<script>alert('x')</script>"
        partner = self.env["res.partner"].create(
            {"name": f"{evil} Corp", "email": "evil@example.com", "is_company": True}
        )
        user = self.salesman
        user.name = f"{evil} Seller"
        lead = self._make_lead(partner, user)
        lead.name = f"{evil} deal"
        lead.offer_lead_time = evil
        for key in TEMPLATE_XMLIDS:
            with self.subTest(template=key):
                record = partner if key in PARTNER_TEMPLATES else lead
                body = self._render(self._template(key), record)["body_html"]
                self.assertNotIn("<script>", body)
                self.assertIn("&lt;script&gt;", body)

    def test_templates_in_composer(self):
        """The templates are offered in the chatter's composer of their model."""
        for key in TEMPLATE_XMLIDS:
            template = self._template(key)
            model = "res.partner" if key in PARTNER_TEMPLATES else "crm.lead"
            self.assertEqual(template.model, model)
            self.assertTrue(template.description)
            self.assertIn("{{", template.lang)
            composer = (
                self.env["mail.compose.message"]
                .with_user(self.salesman)
                .with_context(
                    default_model=model,
                    default_res_ids=self._record(key, "en").ids,
                    default_composition_mode="comment",
                )
                .create({"template_id": template.id})
            )
            self.assertIn("Hello", composer.body)

    def test_customer_templates_carry_no_internal_data(self):
        """No customer-facing template attaches a report or a file, and none
        renders the lead's internal data."""
        lost_reason = self.env["crm.lost.reason"].create(
            {"name": "INTERNAL lost reason Quokka"}
        )
        past = self._create_leads(
            partners=self.customer_en, name="INTERNAL other deal Wombat"
        )
        past.action_set_lost(lost_reason_id=lost_reason.id)
        self.lead_en.interview_line_ids.write({"note": "INTERNAL step note Platypus"})
        self.env["sales.lead.objection"].create(
            {
                "lead_id": self.lead_en.id,
                "objection_type_id": self.env["sales.objection.type"]
                .search([], limit=1)
                .id,
                "statement": "INTERNAL objection Echidna",
                "answer": "INTERNAL answer Dingo",
            }
        )
        self.lead_en.prospect_temperature = "hot"
        self.lead_en.description = "<p>INTERNAL description Numbat</p>"
        for key in TEMPLATE_XMLIDS:
            if key == "brief":  # to the salesperson
                continue
            with self.subTest(template=key):
                template = self._template(key)
                self.assertFalse(template.report_template_ids)
                self.assertFalse(template.attachment_ids)
                record = self.customer_en if key in PARTNER_TEMPLATES else self.lead_en
                body = self._render(template, record)["body_html"]
                for word in ("INTERNAL", "Hot", "Prospect", "Customer status"):
                    self.assertNotIn(word, body)

    def test_commercial_templates_identify_the_sender_and_offer_opt_out(self):
        self.company.write({"street": "5 avenue Foch", "zip": "75016", "city": "Paris"})
        for key in COMMERCIAL:
            for lang in ("en", "fr"):
                with self.subTest(template=key, lang=lang):
                    template = self._template(key)
                    self.assertTrue(template.grc_commercial)
                    body = self._render(template, self._record(key, lang))["body_html"]
                    self.assertIn(self.company.name, body)
                    self.assertIn("5 avenue Foch", body)
                    self.assertIn("/sales_process_grc/unsubscribe", body)
        for key in ("appointment", "brief"):
            self.assertFalse(self._template(key).grc_commercial)

    def test_data_is_noupdate(self):
        xmlids = [
            *TEMPLATE_XMLIDS.values(),
            *AUTOMATION_XMLIDS.values(),
            "sales_process_grc.ir_cron_information_letter",
            "sales_process_grc.action_offer_followup",
            "sales_process_grc.mail_activity_type_prepare_offer",
            "sales_process_grc.mail_template_reconsent",
            "sales_process_grc.ir_cron_retention",
            "sales_process_grc.crm_lost_reason_do_not_contact",
        ]
        for xmlid in xmlids:
            module, name = xmlid.split(".")
            data = self.env["ir.model.data"].search(
                [("module", "=", module), ("name", "=", name)]
            )
            self.assertTrue(data.noupdate, xmlid)

    def test_migration_removes_the_sheet_and_flags_commercial_templates(self):
        """Databases installed before 19.0.1.0.1 keep their (noupdate)
        templates: the migration detaches the interview sheet from the offer
        follow-up and flags the commercial templates."""
        path = Path(__file__).parent.parent / "migrations/19.0.1.0.1/post-migrate.py"
        spec = importlib.util.spec_from_file_location("grc_post_migrate", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        sheet = self.env.ref("sales_process_grc.action_report_interview_sheet")
        followup = self._template("offer_followup")
        followup.report_template_ids = sheet
        commercial = self.env["mail.template"].browse(
            [self._template(key).id for key in COMMERCIAL]
        )
        commercial.grc_commercial = False
        custom = followup.copy({"name": "Custom", "grc_commercial": False})
        migration.migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        self.assertFalse(followup.report_template_ids)
        self.assertTrue(all(commercial.mapped("grc_commercial")))
        self.assertFalse(custom.grc_commercial, "only the shipped templates")

    def test_admin_edits_survive_upgrade(self):
        template = self._template("thank_you")
        template.write({"subject": "Merci !", "body_html": "<p>Custom body</p>"})
        rule = self._automation("won_thank_you")
        rule.write({"active": True, "filter_domain": "[('won_status', '=', 'won')]"})
        loyalty = self.env.ref("sales_process_grc.action_won_loyalty_followup")
        loyalty.activity_date_deadline_range = 45
        for filename in (
            "data/mail_template_data.xml",
            "data/base_automation_data.xml",
        ):
            convert_file(self.env, "sales_process_grc", filename, {}, mode="update")
        self.assertEqual(template.subject, "Merci !")
        self.assertIn("Custom body", template.body_html)
        self.assertTrue(rule.active)
        self.assertEqual(rule.filter_domain, "[('won_status', '=', 'won')]")
        self.assertEqual(loyalty.activity_date_deadline_range, 45)
