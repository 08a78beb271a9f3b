# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import SalesProcessCase

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


def switch_off_sales_automation(env):
    """Archive the addon's automation rules for a test class.

    The performance tests of the other features measure their own queries;
    the sales force automation rules (switchable, active after install for
    the internal ones) add theirs: rule look-ups on every write and one
    activity per record. TransactionCase restores the registry's automation
    patches at class cleanup."""
    rules = env["base.automation"].browse(
        [env.ref(xmlid).id for xmlid in AUTOMATION_XMLIDS.values()]
    )
    rules.active = False


class AutomationCase(SalesProcessCase):
    """crm's company and salesman, a French-speaking salesman, an English
    and a French customer, and helpers for the sales force automation tests.
    The addon's French translations are loaded."""

    leads_as_user = True

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls._activate_french()
        cls.salesman_fr = mail_new_test_user(
            cls.env,
            login="grc_auto_vendeur",
            name="Valérie Vendeuse",
            email="valerie@example.com",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            lang="fr_FR",
        )
        partner_model = cls.env["res.partner"]
        cls.customer_en = partner_model.create(
            {
                "name": "Oak Trading",
                "is_company": True,
                "email": "oak@example.com",
                "lang": "en_US",
                "user_id": cls.salesman.id,
            }
        )
        cls.customer_fr = partner_model.create(
            {
                "name": "Chêne Négoce",
                "is_company": True,
                "email": "chene@example.com",
                "lang": "fr_FR",
                "user_id": cls.salesman.id,
            }
        )
        cls.won_stage = cls.stage_gen_won

    @classmethod
    def _lead_defaults(cls):
        return {
            "name": "Automation deal",
            "type": "opportunity",
            "partner_id": cls.customer_en.id,
        }

    def _composer_form(
        self, model, records, template=None, mode="comment", user=None, **context
    ):
        """The mail composer's form on ``records`` of ``model`` as the user
        opens it (the salesman by default), with ``template``."""
        context = {
            **context,
            "default_model": model,
            "default_res_ids": records.ids,
            "default_composition_mode": mode,
        }
        if template:
            context["default_template_id"] = template.id
        return Form(
            self.env["mail.compose.message"]
            .with_user(user or self.salesman)
            .with_context(**context)
        )

    def _composer(self, model, records, template=None, mode="comment", **kwargs):
        """The composer of ``_composer_form``, saved."""
        return self._composer_form(model, records, template, mode, **kwargs).save()

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
