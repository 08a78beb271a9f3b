# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_interview import InterviewCase


@tagged("post_install", "-at_install")
class TestInterviewReporting(InterviewCase):
    def test_funnel(self):
        won = self._create_leads(name="Won")
        open_lead = self._create_leads(name="Open")
        lost = self._create_leads(name="Lost")
        for lead, done in ((won, 4), (open_lead, 2), (lost, 1)):
            lead.interview_line_ids.sorted()[:done].action_done()
        won.action_set_won()
        lost.action_set_lost()
        leads = won + open_lead + lost
        line_model = self.env["sales.interview.line"].with_user(self.salesman)
        funnel = {
            step: (reached, won_count, stalled)
            for step, reached, won_count, stalled in line_model.with_context(
                active_test=False
            )._read_group(
                [("lead_id", "in", leads.ids)],
                ["step_id"],
                ["reached_count:sum", "won_count:sum", "stalled_count:sum"],
            )
        }
        steps = self.default_steps
        # won: 1-4 done, 5 current (won, not stalled), closing done on win
        # open: 1-2 done, 3 current (stalled); lost: 1 done, 2 current (stalled)
        self.assertEqual(funnel[steps[0]], (3, 1, 0))
        self.assertEqual(funnel[steps[1]], (3, 1, 1))
        self.assertEqual(funnel[steps[2]], (2, 1, 1))
        self.assertEqual(funnel[steps[3]], (1, 1, 0))
        self.assertEqual(funnel[steps[4]], (1, 1, 0))
        self.assertEqual(funnel[steps[5]], (0, 0, 0))
        self.assertEqual(funnel[self.step_closing], (1, 1, 0))

    def test_objection_win_rate(self):
        price = self.env.ref("sales_process_grc.objection_type_price")
        timing = self.env.ref("sales_process_grc.objection_type_timing")
        won = self._create_leads()
        lost = self._create_leads()
        objection_model = self.env["sales.lead.objection"].with_user(self.salesman)
        objection_model.create(
            [
                {"lead_id": won.id, "objection_type_id": price.id},
                {"lead_id": lost.id, "objection_type_id": price.id},
                {"lead_id": lost.id, "objection_type_id": timing.id},
            ]
        )
        won.action_set_won()
        lost.action_set_lost()
        stats = {
            objection_type: (count, rate)
            for objection_type, count, rate in objection_model.with_context(
                active_test=False
            )._read_group(
                [("lead_id", "in", (won + lost).ids)],
                ["objection_type_id"],
                ["__count", "win_rate:avg"],
            )
        }
        self.assertEqual(stats, {price: (2, 50.0), timing: (1, 0.0)})
        self.assertEqual(price.objection_count, 2)
