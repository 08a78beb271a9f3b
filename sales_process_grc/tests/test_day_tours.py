# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


class RepDayCase(HttpCase):
    """A salesperson's day in the browser (tour sales_process_grc_rep_day).
    Odoo 19 reads the browser size and touch emulation from the class: one
    class per screen."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="grc_rep_day",
            groups="sales_team.group_sale_salesman",
            name="Day Rep",
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Day Team", "member_ids": [(4, cls.rep.id)]}
        )
        stage_model = cls.env["crm.stage"]
        other_team = cls.env["crm.team"].create({"name": "Day Other"})
        stage_model.search([]).write({"team_ids": [(6, 0, other_team.ids)]})
        cls.stage_new = stage_model.create({"name": "Day New", "sequence": 1})
        cls.stage_gate = stage_model.create({"name": "Day Gate", "sequence": 2})
        stage_model.create({"name": "Day Won", "sequence": 3, "is_won": True})
        cls.env.ref(
            "sales_process_grc.interview_step_preparation"
        ).stage_id = cls.stage_gate
        customer = cls.env["res.partner"].create(
            {"name": "Day Customer", "is_company": True}
        )
        common = {
            "type": "opportunity",
            "user_id": cls.rep.id,
            "team_id": cls.team.id,
            "stage_id": cls.stage_new.id,
            "partner_id": customer.id,
        }
        cls.hot_lead = cls.env["crm.lead"].create(
            {**common, "name": "Day Hot Lead", "prospect_temperature": "hot"}
        )
        cls.env["crm.lead"].create(
            {**common, "name": "Day Cold Lead", "prospect_temperature": "cold"}
        )

    def _run(self):
        action = self.env.ref("crm.crm_lead_action_pipeline")
        self.start_tour(
            f"/odoo/action-{action.id}",
            "sales_process_grc_rep_day",
            login=self.rep.login,
        )
        lead = self.hot_lead
        self.assertEqual(lead.won_status, "won")
        preparation = lead.interview_line_ids.filtered(
            lambda line: line.step_id
            == self.env.ref("sales_process_grc.interview_step_preparation")
        )
        self.assertEqual(preparation.state, "done")
        self.assertEqual(preparation.note, "Two orders last year; decision by the CFO")
        self.assertEqual(
            lead.objection_ids.answer,
            "Same price over three instalments, delivery included",
        )
        loyalty = self.env.ref("sales_process_grc.mail_activity_type_loyalty_followup")
        self.assertIn(loyalty, lead.activity_ids.activity_type_id)
        self.assertEqual(lead.partner_id.customer_status, "customer")


@tagged("post_install", "-at_install")
class TestRepDayTour(RepDayCase):
    def test_rep_day(self):
        self._run()


@tagged("post_install", "-at_install")
class TestRepDayTourPhone(RepDayCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_rep_day(self):
        self._run()


class AdminDayCase(HttpCase):
    """An administrator's day in the browser (tour sales_process_grc_admin_day)."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="grc_admin_day",
            groups="sales_team.group_sale_manager,base.group_system",
            name="Day Admin",
        )
        cls.team = cls.env["crm.team"].create({"name": "Admin Day Team"})
        cls.stage = cls.env["crm.stage"].create(
            {"name": "Admin Day Gate", "sequence": 50}
        )

    def _run(self):
        rule = self.env.ref("sales_process_grc.automation_won_thank_you")
        self.assertFalse(rule.active)
        self.start_tour(
            "/odoo/action-sales_process_grc.sales_interview_step_action",
            "sales_process_grc_admin_day",
            login=self.admin.login,
        )
        step = self.env["sales.interview.step"].search([("name", "=", "Site Visit")])
        self.assertEqual(step.team_ids, self.team)
        self.assertEqual(step.stage_id, self.stage)
        rule.invalidate_recordset()
        self.assertTrue(rule.active)
        self.assertTrue(
            self.env["sales.attrition.report.wizard"].search(
                [("create_uid", "=", self.admin.id)]
            )
        )


@tagged("post_install", "-at_install")
class TestAdminDayTour(AdminDayCase):
    def test_admin_day(self):
        self._run()


@tagged("post_install", "-at_install")
class TestAdminDayTourPhone(AdminDayCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_admin_day(self):
        self._run()
