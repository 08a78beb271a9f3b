# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.mail.tests.common import mail_new_test_user

from .common import SalesProcessCase


class InterviewCase(SalesProcessCase):
    """crm's company, sales team, generic stages and users, the second company
    (``company_b``, its team and a salesman of its own), a second team and a
    second salesman of the main company. The nine default steps of the
    addon's data are used as shipped."""

    multi_company = True
    leads_as_user = True

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company_b = cls.company_2
        cls.manager = cls.user_sales_manager
        cls.salesman_b = cls.user_sales_salesman_c2
        # a salesman (own leads) who is not the leads' salesman
        cls.other_salesman = mail_new_test_user(
            cls.env,
            login="interview_other_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.team = cls.sales_team_1
        cls.team_2 = cls.env["crm.team"].create(
            {"name": "Interview Team 2", "company_id": cls.company.id}
        )
        cls.team_b = cls.team_company2
        # stages of every team (the steps' gates are checked against the
        # step's teams): crm's generic ones, and a proposal between them
        cls.stage_new = cls.stage_gen_1
        cls.stage_proposal = cls.env["crm.stage"].create(
            {"name": "Interview Proposal", "sequence": 4}
        )
        cls.stage_won = cls.stage_gen_won
        cls.default_steps = cls.Step.search([])

    @classmethod
    def _lead_defaults(cls):
        return {
            "name": "Interview lead",
            "type": "opportunity",
            "team_id": cls.team.id,
            "stage_id": cls.stage_new.id,
        }

    @staticmethod
    def _line(lead, step):
        return lead.interview_line_ids.filtered(lambda line: line.step_id == step)
