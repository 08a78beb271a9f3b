# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user

TEMPLATE_XMLIDS = {
    "appointment": "sales_process_grc.mail_template_appointment_confirmation",
    "brief": "sales_process_grc.mail_template_interview_brief",
    "offer_followup": "sales_process_grc.mail_template_offer_followup",
    "thank_you": "sales_process_grc.mail_template_thank_you",
    "loyalty": "sales_process_grc.mail_template_loyalty_followup",
    "reengagement": "sales_process_grc.mail_template_reengagement",
    "letter": "sales_process_grc.mail_template_information_letter",
}

AUTOMATION_XMLIDS = {
    "hot_offer": "sales_process_grc.automation_hot_lead_prepare_offer",
    "interview_activity": "sales_process_grc.automation_interview_next_step_activity",
    "offer_followup": "sales_process_grc.automation_offer_followup",
    "won_thank_you": "sales_process_grc.automation_won_thank_you",
    "won_loyalty": "sales_process_grc.automation_won_loyalty_followup",
    "at_risk_email": "sales_process_grc.automation_at_risk_reengagement_email",
    "at_risk_activity": "sales_process_grc.automation_at_risk_reengagement_activity",
}


class AutomationCase(TransactionCase):
    """A salesman, an English and a French customer, a won stage, and helpers
    for the sales force automation tests. French is activated and the addon's
    French translations are loaded."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["sales_process_grc"], ["fr_FR"], overwrite=True
        )
        cls.company = cls.env.company
        cls.salesman = new_test_user(
            cls.env,
            login="grc_auto_salesman",
            name="Sally Seller",
            email="sally@example.com",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.salesman_fr = new_test_user(
            cls.env,
            login="grc_auto_vendeur",
            name="Valérie Vendeuse",
            email="valerie@example.com",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
            lang="fr_FR",
        )
        Partner = cls.env["res.partner"]
        cls.customer_en = Partner.create(
            {
                "name": "Oak Trading",
                "is_company": True,
                "email": "oak@example.com",
                "lang": "en_US",
                "user_id": cls.salesman.id,
            }
        )
        cls.customer_fr = Partner.create(
            {
                "name": "Chêne Négoce",
                "is_company": True,
                "email": "chene@example.com",
                "lang": "fr_FR",
                "user_id": cls.salesman.id,
            }
        )
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Automation Won", "is_won": True, "sequence": 100}
        )
        cls.step_offer = cls.env.ref("sales_process_grc.interview_step_offer")

    def _create_lead(self, partner=None, user=None, **values):
        user = user or self.salesman
        vals = {
            "name": "Automation deal",
            "type": "opportunity",
            "partner_id": (partner or self.customer_en).id,
            "user_id": user.id,
        }
        vals.update(values)
        return self.env["crm.lead"].with_user(user).create(vals)

    def _automation(self, key):
        return self.env.ref(AUTOMATION_XMLIDS[key])

    def _set_active(self, key, active):
        self._automation(key).active = active

    def _template(self, key):
        return self.env.ref(TEMPLATE_XMLIDS[key])

    def _messages_from(self, record, key):
        """Messages posted on ``record`` from the template ``key`` (the
        automation's emails are posted in the chatter)."""
        template = self._template(key)
        record.invalidate_recordset()
        return self.env["mail.message"].search(
            [
                ("model", "=", record._name),
                ("res_id", "=", record.id),
                ("message_type", "=", "auto_comment"),
                ("subject", "=", self._render(template, record)["subject"]),
            ]
        )

    @staticmethod
    def _activities(record, activity_type):
        return record.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )

    def _blacklist(self, email):
        self.env["mail.blacklist"].sudo()._add(email)

    @staticmethod
    def _render(template, record):
        """Subject, body and recipients of ``template`` for ``record``, in the
        language of the template (the recipient's)."""
        return template._generate_template(
            record.ids, ("subject", "body_html", "partner_to", "lang")
        )[record.id]
