# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_interview import InterviewCase


@tagged("post_install", "-at_install")
class TestInterviewSecurity(InterviewCase):
    def test_salesman_sees_only_lines_of_own_leads(self):
        own = self._create_leads()
        other = self._create_leads(user=self.other_salesman)
        line_model = self.env["sales.interview.line"].with_user(self.salesman)
        self.assertEqual(line_model.search([]).lead_id, own)
        with self.assertRaises(AccessError):
            self._line(other, self.step_contact).with_user(self.salesman).action_done()
        objection_model = self.env["sales.lead.objection"].with_user(self.salesman)
        price = self.env.ref("sales_process_grc.objection_type_price")
        with self.assertRaises(AccessError):
            objection_model.create({"lead_id": other.id, "objection_type_id": price.id})

    def test_multi_company(self):
        lead_b = self._create_leads(user=self.salesman_b, team_id=self.team_b.id)
        self.assertEqual(len(lead_b.interview_line_ids), 9)
        self.assertEqual(set(lead_b.interview_line_ids.company_id), {self.company_b})
        self._line(lead_b, self.step_contact).with_user(self.salesman_b).action_done()
        # invisible from the first company, even to the manager
        line_model = self.env["sales.interview.line"]
        self.assertFalse(
            line_model.with_user(self.manager).search([("lead_id", "=", lead_b.id)])
        )
        self.assertFalse(
            line_model.with_user(self.salesman).search([("lead_id", "=", lead_b.id)])
        )
        # a step added by the manager of the first company reaches the open
        # leads of every company
        step = self.Step.with_user(self.manager).create({"name": "Site visit"})
        self.assertIn(step, lead_b.interview_line_ids.step_id)
        # and a step worked on in another company cannot be deleted from here
        with self.assertRaisesRegex(Exception, "Archive it instead"):
            self.step_contact.with_user(self.manager).unlink()

    def test_multi_company_gate(self):
        stage = self.env["crm.stage"].create({"name": "B gated"})
        self.step_contact.stage_id = stage
        lead_b = self._create_leads(user=self.salesman_b, team_id=self.team_b.id)
        lead_b = lead_b.with_user(self.salesman_b)
        with self.assertRaisesRegex(Exception, "Contact"):
            lead_b.write({"stage_id": stage.id})
        self._line(lead_b, self.step_contact).action_done()
        lead_b.write({"stage_id": stage.id})
        self.assertEqual(lead_b.stage_id, stage)
