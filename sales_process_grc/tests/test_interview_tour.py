# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


class InterviewTourCase(HttpCase):
    """A salesman works the sales interview of a lead in the browser. Odoo 19
    reads the browser size and touch emulation from the class attributes, not
    from start_tour()'s arguments, and only runs the test methods a class
    defines itself: one class per screen."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="interview_tour_rep",
            groups="sales_team.group_sale_salesman",
            name="Tour Rep",
        )
        cls.team = cls.env["crm.team"].create({"name": "Tour Team"})
        stage_model = cls.env["crm.stage"]
        # the tour's own pipeline: hide the other stages
        stage_model.search([]).write(
            {"team_ids": [(6, 0, cls.env["crm.team"].create({"name": "Other"}).ids)]}
        )
        cls.stage_new = stage_model.create({"name": "Tour New", "sequence": 1})
        cls.stage_gate = stage_model.create({"name": "Tour Gate", "sequence": 2})
        stage_model.create({"name": "Tour Won", "sequence": 3, "is_won": True})
        cls.env.ref(
            "sales_process_grc.interview_step_contact"
        ).stage_id = cls.stage_gate
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Tour Lead",
                "type": "opportunity",
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
                "stage_id": cls.stage_new.id,
            }
        )

    def _check_result(self):
        lead = self.lead
        self.assertEqual(lead.won_status, "won")
        states = {line.step_id.name: line.state for line in lead.interview_line_ids}
        self.assertEqual(states["Preparation"], "done")
        self.assertEqual(states["Making Contact"], "done")
        self.assertEqual(states["Closing"], "done")
        self.assertEqual(states["Discovery"], "todo")
        self.assertEqual(lead.objection_ids.statement, "Your competitor is cheaper")

    def _url(self):
        action = self.env.ref("crm.crm_lead_action_pipeline")
        return f"/odoo/action-{action.id}/{self.lead.id}"

    def _run_tour(self):
        self.start_tour(
            self._url(), "sales_process_grc_interview", login=self.salesman.login
        )
        self._check_result()


@tagged("post_install", "-at_install")
class TestInterviewTour(InterviewTourCase):
    """On a wide screen: drag and drop in the pipeline, list of steps."""

    def test_tour(self):
        self._run_tour()


@tagged("post_install", "-at_install")
class TestInterviewTourPhone(InterviewTourCase):
    """On a 375 px wide touch screen: status bar menu, cards of steps."""

    browser_size = "375x667"
    touch_enabled = True

    def test_tour(self):
        self._run_tour()
