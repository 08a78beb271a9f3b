"""End to end: the whole sales process of one customer, across the features.

Prospect (a meeting accepted warms the lead up), interview (the nine steps,
an objection, a stage gate), closing (won: hot, Closing done, the company
becomes a customer), then attrition (a year without purchase: at risk, then
lost) and re-engagement (a new opportunity for the salesperson)."""

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "sales_process_grc_repo")
class TestSalesProcessScenario(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="scenario_rep",
            groups="sales_team.group_sale_salesman",
            name="Rémi Scenario",
        )
        cls.company = cls.env["res.partner"].create(
            {"name": "Scenario Meubles", "is_company": True, "user_id": cls.rep.id}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Alice Martin",
                "parent_id": cls.company.id,
                "email": "alice@scenario.example.com",
            }
        )
        cls.stages = cls.env["crm.stage"].search([], order="sequence")
        cls.won_stage = cls.stages.filtered("is_won")[:1]

    def _run_cron(self, model, method):
        """Run a cron method as the scheduler does, on its own cursor (its
        commits are savepoints in tests)."""
        self.env.flush_all()
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            getattr(self.env(cr=cr)[model], method)()
        self.env.invalidate_all()

    def test_from_prospect_to_reengagement(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .create(
                {
                    "name": "Scenario: 40 chairs",
                    "type": "opportunity",
                    "partner_id": self.contact.id,
                    "user_id": self.rep.id,
                    "expected_revenue": 12000,
                    "prospecting_goal": "new_product",
                }
            )
        )
        # Prospecting: the nine steps are there, nothing is qualified yet.
        self.assertEqual(len(lead.interview_line_ids), 9)
        self.assertFalse(lead.prospect_temperature)
        self.assertEqual(
            lead.interview_step_id,
            self.env.ref("sales_process_grc.interview_step_preparation"),
        )

        # The customer accepts the appointment: warm, explained in the chatter.
        meeting = self.env["calendar.event"].create(
            {
                "name": "Discovery meeting",
                "start": fields.Datetime.now() + timedelta(days=2),
                "stop": fields.Datetime.now() + timedelta(days=2, hours=1),
                "opportunity_id": lead.id,
                "partner_ids": [(4, self.contact.id)],
            }
        )
        attendee = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.contact)
        attendee.do_accept()
        self.assertEqual(lead.prospect_temperature, "warm")
        self.assertIn("Discovery meeting", lead.message_ids[0].body)

        # The interview: steps ticked by the rep, with an objection answered.
        lines = lead.with_user(self.rep).interview_line_ids.sorted("sequence")
        lines[:4].action_done()
        self.assertEqual(
            lead.interview_step_id,
            self.env.ref("sales_process_grc.interview_step_discussion"),
        )
        self.assertAlmostEqual(lead.interview_progress, 4 / 9 * 100, places=1)
        objection_type = self.env["sales.objection.type"].create(
            {"name": "Too expensive", "recommended_answer": "Show the TCO."}
        )
        lead.with_user(self.rep).objection_ids = [
            (
                0,
                0,
                {
                    "objection_type_id": objection_type.id,
                    "statement": "Your chairs cost too much",
                    "answer": "They last twice as long",
                    "resolved": True,
                },
            )
        ]

        # A gated stage refuses the lead while its step is not done.
        gated_stage = self.stages.filtered(lambda s: not s.is_won)[-1]
        negotiation = self.env.ref("sales_process_grc.interview_step_negotiation")
        negotiation.stage_id = gated_stage
        with self.assertRaises(UserError):
            lead.with_user(self.rep).stage_id = gated_stage
        lines.filtered(lambda li: li.step_id == negotiation).action_skip()
        lines.filtered(
            lambda li: li.step_id
            == self.env.ref("sales_process_grc.interview_step_discussion")
        ).action_done()
        lead.with_user(self.rep).stage_id = gated_stage
        self.assertEqual(lead.stage_id, gated_stage)

        # Closing: won makes the lead hot, marks Closing done and the company
        # a customer.
        lead.with_user(self.rep).action_set_won()
        closing = lead.interview_line_ids.filtered(
            lambda li: li.step_id
            == self.env.ref("sales_process_grc.interview_step_closing")
        )
        self.assertEqual(closing.state, "done")
        self.assertEqual(lead.prospect_temperature, "hot")
        self.assertEqual(self.company.customer_status, "customer")
        self.assertEqual(self.contact.customer_status, "customer")
        self.assertEqual(self.company.last_purchase_date, lead.date_closed.date())

        # Attrition: without purchase the customer gets at risk, then lost.
        purchase = self.company.last_purchase_date
        with freeze_time(purchase + timedelta(days=200)):
            self._run_cron("res.partner", "_cron_grc_classify_customers")
        self.assertEqual(self.company.customer_status, "at_risk")
        with freeze_time(purchase + timedelta(days=400)):
            self._run_cron("res.partner", "_cron_grc_classify_customers")
        self.assertEqual(self.company.customer_status, "lost")
        self.assertEqual(
            self.company.churn_reason_id,
            self.env.ref("sales_process_grc.churn_reason_inactivity"),
        )

        # Re-engagement: an opportunity for the company's salesperson.
        wizard = Form(
            self.env["sales.reengagement.wizard"].with_context(
                active_model="res.partner", active_ids=self.company.ids
            )
        ).save()
        action = wizard.action_create_opportunities()
        # the notification opens the opportunities it created
        new_lead = self.env["crm.lead"].search(action["params"]["next"]["domain"])
        self.assertEqual(len(new_lead), 1)
        self.assertEqual(new_lead.prospecting_goal, "reengagement")
        self.assertEqual(new_lead.user_id, self.rep)
        self.assertEqual(new_lead.partner_id, self.company)
