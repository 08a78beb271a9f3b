# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_interview import InterviewCase


@tagged("post_install", "-at_install")
class TestInterviewGates(InterviewCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.step_offer.stage_id = cls.stage_proposal
        cls.step_discovery.stage_id = cls.stage_proposal

    def test_gate_refuses_the_move_and_names_the_steps(self):
        lead = self._create_leads().with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "Discovery, Offer") as error:
            lead.write({"stage_id": self.stage_proposal.id})
        self.assertIn("Interview Proposal", str(error.exception))
        self.assertEqual(lead.stage_id, self.stage_new)

        self._line(lead, self.step_discovery).action_done()
        with self.assertRaisesRegex(UserError, "Offer"):
            lead.write({"stage_id": self.stage_proposal.id})

        self._line(lead, self.step_offer).action_skip()
        lead.write({"stage_id": self.stage_proposal.id})
        self.assertEqual(lead.stage_id, self.stage_proposal)

    def test_gate_applies_to_the_moving_leads_of_a_batch(self):
        ready = self._create_leads(name="Ready lead")
        not_ready = self._create_leads(name="Not ready lead")
        (
            self._line(ready, self.step_discovery) + self._line(ready, self.step_offer)
        ).action_done()
        leads = (ready + not_ready).with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "Not ready lead") as error:
            leads.write({"stage_id": self.stage_proposal.id})
        self.assertNotIn("Ready lead:", str(error.exception))
        self.assertEqual(leads.stage_id, self.stage_new, "nothing half-written")

        # a lead already in the stage is not moving: a later step change on
        # a batch does not refuse it
        ready.write({"stage_id": self.stage_proposal.id})
        self._line(ready, self.step_offer).action_reset()
        ready.with_user(self.salesman).write({"stage_id": self.stage_proposal.id})

    def test_gate_applies_to_imports(self):
        lead = self._create_leads()
        xmlid = lead.sudo().export_data(["id"])["datas"][0][0]
        with mute_logger("odoo.sql_db"):
            result = (
                self.env["crm.lead"]
                .with_user(self.salesman)
                .load(
                    ["id", "stage_id/id"], [[xmlid, self._xmlid(self.stage_proposal)]]
                )
            )
        self.assertFalse(result["ids"])
        self.assertIn("Discovery, Offer", result["messages"][0]["message"])
        self.assertEqual(lead.stage_id, self.stage_new)

    def _xmlid(self, record):
        return record.sudo().export_data(["id"])["datas"][0][0]

    def test_gate_applies_to_creation_in_the_stage(self):
        with self.assertRaisesRegex(UserError, "Discovery, Offer"):
            self._create_leads(stage_id=self.stage_proposal.id)

    def test_gate_only_for_steps_of_the_lead_team(self):
        self.step_discovery.stage_id = False
        self.step_offer.team_ids = self.team_2
        lead = self._create_leads().with_user(self.salesman)
        lead.write({"stage_id": self.stage_proposal.id})
        self.assertEqual(lead.stage_id, self.stage_proposal)

    def test_archived_step_no_longer_gates(self):
        lead = self._create_leads().with_user(self.salesman)
        (self.step_discovery + self.step_offer).action_archive()
        lead.write({"stage_id": self.stage_proposal.id})
        self.assertEqual(lead.stage_id, self.stage_proposal)

    def test_step_with_a_stage_of_another_team_is_refused(self):
        team_stage = self.env["crm.stage"].create(
            {"name": "Team 2 stage", "team_ids": self.team_2.ids}
        )
        with self.assertRaisesRegex(ValidationError, self.team.name):
            self.Step.create(
                {"name": "Gated", "team_ids": self.team.ids, "stage_id": team_stage.id}
            )
        step = self.Step.create(
            {"name": "Gated", "team_ids": self.team_2.ids, "stage_id": team_stage.id}
        )
        with self.assertRaises(ValidationError):
            team_stage.team_ids = self.team
        with self.assertRaises(ValidationError):
            step.team_ids = self.team

    def test_win_marks_closing_done(self):
        lead = self._create_leads().with_user(self.salesman)
        lead.action_set_won()
        self.assertEqual(lead.won_status, "won")
        closing = self._line(lead, self.step_closing)
        self.assertEqual(closing.state, "done")
        self.assertEqual(closing.done_user_id, self.salesman)
        self.assertEqual(self._line(lead, self.step_offer).state, "todo")

    def test_creation_in_a_won_stage_marks_closing_done(self):
        lead = self._create_leads(stage_id=self.stage_won.id)
        self.assertEqual(self._line(lead, self.step_closing).state, "done")

    def test_closing_done_does_not_win(self):
        lead = self._create_leads()
        self._line(lead, self.step_closing).with_user(self.salesman).action_done()
        self.assertEqual(lead.won_status, "pending")
        self.assertEqual(lead.stage_id, self.stage_new)

    def test_won_stage_gate(self):
        self.step_closing.stage_id = self.stage_won
        self.step_offer.stage_id = False
        lead = self._create_leads().with_user(self.salesman)
        # Closing gates the won stage but winning does it: accepted
        lead.write({"stage_id": self.stage_won.id})
        self.assertEqual(lead.won_status, "won")
        self.assertEqual(self._line(lead, self.step_closing).state, "done")
        # another step gating the won stage is still required
        self.step_offer.stage_id = self.stage_won
        lead_2 = self._create_leads().with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "Offer"):
            lead_2.write({"stage_id": self.stage_won.id})
        self.assertEqual(self._line(lead_2, self.step_closing).state, "todo")

    def test_activity_of_the_next_step_is_scheduled(self):
        call = self.env.ref("mail.mail_activity_data_call")
        self.step_contact.activity_type_id = call
        lead = self._create_leads()
        self.assertFalse(lead.activity_ids, "nothing at creation")
        preparation = self._line(lead, self.step_preparation).with_user(self.salesman)
        preparation.action_done()
        activity = lead.activity_ids
        self.assertEqual(activity.activity_type_id, call)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.summary, "Making Contact")
        # undo and redo: no second activity
        preparation.action_reset()
        preparation.action_done()
        self.assertEqual(len(lead.activity_ids), 1)
        # a step without activity type schedules nothing
        self._line(lead, self.step_contact).with_user(self.salesman).action_done()
        self.assertEqual(len(lead.activity_ids), 1)

    def test_activity_after_win(self):
        meeting = self.env.ref("mail.mail_activity_data_todo")
        self.step_leave_taking.activity_type_id = meeting
        lead = self._create_leads()
        lead.interview_line_ids.filtered(
            lambda line: line.sequence < self.step_closing.sequence
        ).action_done()
        self.assertFalse(lead.activity_ids)
        lead.with_user(self.salesman).action_set_won()
        # (the loyalty follow-up automation schedules its own activity too)
        self.assertIn(meeting, lead.activity_ids.activity_type_id)
        self.assertEqual(lead.interview_step_id, self.step_leave_taking)

    def test_refusal_and_steps_in_french(self):
        self._activate_french()
        self.assertEqual(
            self.step_contact.with_context(lang="fr_FR").name, "Prise de contact"
        )
        self.assertIn(
            "rassembler des éléments d'information",
            self.step_preparation.with_context(lang="fr_FR").guidance,
        )
        lead = self._create_leads().with_user(self.salesman).with_context(lang="fr_FR")
        with self.assertRaisesRegex(
            UserError, "(?s)Avant d'entrer dans l'étape.*Découverte des besoins"
        ):
            lead.write({"stage_id": self.stage_proposal.id})
