# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user


class InterviewCase(TransactionCase):
    """Two companies, a sales team in each, a salesman in each, a sales
    manager, and stages of our own. The nine default steps of the addon's
    data are used as shipped."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.salesman = new_test_user(
            cls.env,
            login="interview_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.other_salesman = new_test_user(
            cls.env,
            login="interview_other_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.salesman_b = new_test_user(
            cls.env,
            login="interview_salesman_b",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )
        cls.manager = new_test_user(
            cls.env,
            login="interview_manager",
            groups="sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        team_model = cls.env["crm.team"]
        cls.team = team_model.create(
            {"name": "Interview Team", "company_id": cls.company.id}
        )
        cls.team_2 = team_model.create(
            {"name": "Interview Team 2", "company_id": cls.company.id}
        )
        cls.team_b = team_model.create(
            {"name": "Interview Team B", "company_id": cls.company_b.id}
        )
        stage_model = cls.env["crm.stage"]
        cls.stage_new = stage_model.create({"name": "Interview New", "sequence": 1})
        cls.stage_proposal = stage_model.create(
            {"name": "Interview Proposal", "sequence": 2}
        )
        cls.stage_won = stage_model.create(
            {"name": "Interview Won", "sequence": 70, "is_won": True}
        )
        cls.Step = cls.env["sales.interview.step"]
        cls.step_preparation = cls.env.ref(
            "sales_process_grc.interview_step_preparation"
        )
        cls.step_contact = cls.env.ref("sales_process_grc.interview_step_contact")
        cls.step_discovery = cls.env.ref("sales_process_grc.interview_step_discovery")
        cls.step_offer = cls.env.ref("sales_process_grc.interview_step_offer")
        cls.step_closing = cls.env.ref("sales_process_grc.interview_step_closing")
        cls.step_leave_taking = cls.env.ref(
            "sales_process_grc.interview_step_leave_taking"
        )
        cls.default_steps = cls.Step.search([])

    def _create_lead(self, user=None, **values):
        user = user or self.salesman
        vals = {
            "name": "Interview lead",
            "type": "opportunity",
            "user_id": user.id,
            "team_id": self.team.id,
            "stage_id": self.stage_new.id,
        }
        vals.update(values)
        return self.env["crm.lead"].with_user(user).create(vals)

    @staticmethod
    def _line(lead, step):
        return lead.interview_line_ids.filtered(lambda line: line.step_id == step)
