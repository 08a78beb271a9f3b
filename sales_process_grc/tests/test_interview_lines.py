# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.orm.models import INSERT_BATCH_SIZE, UPDATE_BATCH_SIZE
from odoo.tests import tagged

from .automation_common import switch_off_sales_automation
from .common_interview import InterviewCase


@tagged("post_install", "-at_install")
class TestInterviewLines(InterviewCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        switch_off_sales_automation(cls.env)

    def test_default_steps_shipped_as_noupdate_data(self):
        names = [
            "preparation",
            "contact",
            "discovery",
            "offer",
            "discussion",
            "negotiation",
            "closing",
            "leave_taking",
            "follow_up",
        ]
        steps = self.Step.browse(
            [
                self.env.ref(f"sales_process_grc.interview_step_{name}").id
                for name in names
            ]
        )
        self.assertEqual(steps, self.default_steps, "nine steps, in this order")
        data = self.env["ir.model.data"].search(
            [("model", "=", "sales.interview.step"), ("res_id", "in", steps.ids)]
        )
        self.assertEqual(len(data), 9)
        self.assertTrue(all(data.mapped("noupdate")))
        self.assertEqual(
            steps.filtered("done_when_won"), self.step_closing, "only Closing"
        )
        self.assertTrue(all(steps.mapped("guidance")))

    def test_lines_created_with_the_lead(self):
        lead = self._create_leads()
        lines = lead.interview_line_ids
        self.assertEqual(lines.step_id, self.default_steps)
        self.assertEqual(lines.mapped("step_id").ids, self.default_steps.ids)
        self.assertEqual(set(lines.mapped("state")), {"todo"})
        self.assertEqual(lead.interview_progress, 0)
        self.assertEqual(lead.interview_step_id, self.step_preparation)
        self.assertEqual(lead.interview_step_guidance, self.step_preparation.guidance)

    def test_guidance_shown_as_sanitized_when_written(self):
        """The lead shows its current step's guidance as the step stored it,
        sanitized when written (the lead's field does not sanitize it again
        on each read)."""
        self.step_preparation.guidance = (
            '<p onclick="steal()">Call the buyer</p><script>alert(1)</script>'
        )
        lead = self._create_leads()
        self.assertEqual(lead.interview_step_id, self.step_preparation)
        guidance = str(lead.interview_step_guidance)
        self.assertIn("Call the buyer", guidance)
        self.assertNotIn("<script", guidance)
        self.assertNotIn("onclick", guidance)
        self.assertEqual(guidance, str(self.step_preparation.guidance))

    def test_lines_follow_the_team_of_the_step(self):
        team_step = self.Step.create(
            {"name": "Demo of the machine", "sequence": 35, "team_ids": self.team_2.ids}
        )
        lead = self._create_leads()
        lead_2 = self._create_leads(team_id=self.team_2.id)
        self.assertNotIn(team_step, lead.interview_line_ids.step_id)
        self.assertIn(team_step, lead_2.interview_line_ids.step_id)
        self.assertEqual(len(lead_2.interview_line_ids), 10)

    def test_done_skip_undo_by_salesman(self):
        lead = self._create_leads()
        preparation = self._line(lead, self.step_preparation).with_user(self.salesman)
        contact = self._line(lead, self.step_contact).with_user(self.salesman)
        with freeze_time("2026-03-14 10:00:00"):
            preparation.action_done()
        self.assertEqual(preparation.state, "done")
        self.assertEqual(str(preparation.done_date), "2026-03-14 10:00:00")
        self.assertEqual(preparation.done_user_id, self.salesman)
        self.assertAlmostEqual(lead.interview_progress, 100 / 9)
        self.assertEqual(lead.interview_step_id, self.step_contact)

        with freeze_time("2026-03-15 09:00:00"):
            contact.write({"note": "Called, meeting on Monday"})
            contact.action_skip()
        self.assertEqual(contact.state, "skipped")
        self.assertEqual(str(contact.done_date), "2026-03-15 09:00:00")
        self.assertAlmostEqual(
            lead.interview_progress, 100 / 8, msg="skipped lines do not count"
        )
        self.assertEqual(lead.interview_step_id, self.step_discovery)

        preparation.action_reset()
        self.assertEqual(preparation.state, "todo")
        self.assertFalse(preparation.done_date)
        self.assertFalse(preparation.done_user_id)
        self.assertEqual(lead.interview_progress, 0)
        self.assertEqual(lead.interview_step_id, self.step_preparation)
        self.assertEqual(contact.note, "Called, meeting on Monday")

    def test_progress_complete(self):
        lead = self._create_leads()
        lines = lead.interview_line_ids.with_user(self.salesman)
        lines[:3].action_skip()
        lines[3:].action_done()
        self.assertEqual(lead.interview_progress, 100)
        self.assertFalse(lead.interview_step_id)
        lines.action_skip()
        self.assertEqual(lead.interview_progress, 100, "all skipped is complete")

    def test_new_step_appears_on_open_leads_only(self):
        open_lead = self._create_leads()
        won_lead = self._create_leads()
        won_lead.with_user(self.salesman).action_set_won()
        lost_lead = self._create_leads()
        lost_lead.with_user(self.salesman).action_set_lost()
        step = self.Step.with_user(self.manager).create(
            {"name": "Site visit", "sequence": 25}
        )
        self.assertIn(step, open_lead.interview_line_ids.step_id)
        self.assertNotIn(step, won_lead.interview_line_ids.step_id)
        self.assertNotIn(step, lost_lead.interview_line_ids.step_id)
        # ordered by the step's sequence
        self.assertEqual(open_lead.interview_line_ids.sorted()[2].step_id, step)

    def test_archived_step_leaves_open_leads_only(self):
        open_lead = self._create_leads()
        won_lead = self._create_leads()
        won_lead.with_user(self.salesman).action_set_won()
        lost_lead = self._create_leads()
        lost_lead.with_user(self.salesman).action_set_lost()
        worked_lead = self._create_leads()
        self._line(worked_lead, self.step_contact).action_done()

        self.step_contact.with_user(self.manager).action_archive()
        # the line still to do goes; the work done stays (history)
        self.assertNotIn(self.step_contact, open_lead.interview_line_ids.step_id)
        self.assertEqual(len(open_lead.interview_line_ids), 8)
        self.assertEqual(self._line(worked_lead, self.step_contact).state, "done")
        self.assertIn(self.step_contact, won_lead.interview_line_ids.step_id)
        self.assertIn(self.step_contact, lost_lead.interview_line_ids.step_id)

        self.step_contact.with_user(self.manager).action_unarchive()
        self.assertIn(self.step_contact, open_lead.interview_line_ids.step_id)
        self.assertEqual(self._line(open_lead, self.step_contact).state, "todo")
        self.assertEqual(self._line(worked_lead, self.step_contact).state, "done")

    def test_restored_lead_gets_the_new_steps(self):
        lost_lead = self._create_leads()
        lost_lead.with_user(self.salesman).action_set_lost()
        step = self.Step.create({"name": "Site visit", "sequence": 25})
        self.assertNotIn(step, lost_lead.interview_line_ids.step_id)
        lost_lead.with_user(self.salesman).action_restore()
        self.assertIn(step, lost_lead.interview_line_ids.step_id)

    def test_team_change_keeps_what_was_done(self):
        step_team_1 = self.Step.create(
            {"name": "Team 1 step", "sequence": 15, "team_ids": self.team.ids}
        )
        step_team_1_done = self.Step.create(
            {"name": "Team 1 done step", "sequence": 16, "team_ids": self.team.ids}
        )
        step_team_2 = self.Step.create(
            {"name": "Team 2 step", "sequence": 17, "team_ids": self.team_2.ids}
        )
        lead = self._create_leads()
        self._line(lead, step_team_1_done).with_user(self.salesman).action_done()
        self._line(lead, self.step_preparation).with_user(self.salesman).action_done()

        lead.with_user(self.salesman).write({"team_id": self.team_2.id})
        steps = lead.interview_line_ids.step_id
        self.assertIn(step_team_2, steps, "the new team's step is added")
        self.assertNotIn(step_team_1, steps, "the old team's open step goes")
        self.assertIn(step_team_1_done, steps, "what was done is kept")
        self.assertEqual(self._line(lead, self.step_preparation).state, "done")

        # a step given to the other team later follows as well
        step_team_1.write({"team_ids": [(4, self.team_2.id)]})
        self.assertIn(step_team_1, lead.interview_line_ids.step_id)

    def test_copy_gets_fresh_lines(self):
        lead = self._create_leads()
        lead.interview_line_ids[:2].action_done()
        copy = lead.with_user(self.salesman).copy()
        self.assertEqual(len(copy.interview_line_ids), 9)
        self.assertEqual(set(copy.interview_line_ids.mapped("state")), {"todo"})

    def _leads_without_lines(self, count):
        """``count`` new open leads whose interview lines were removed."""
        leads = self._create_leads(count, as_user=False, name="Without lines {index}")
        leads.interview_line_ids.unlink()
        self.env.flush_all()
        self.env.invalidate_all()
        return leads

    def test_line_creation_query_count_does_not_grow(self):
        """Creating the lines of many leads costs a fixed number of queries:
        the only growth left is the ORM's own batching, which inserts and
        updates rows by packs of INSERT_BATCH_SIZE / UPDATE_BATCH_SIZE (100),
        whatever the number of leads they belong to."""

        # the leads' own lines are inserted in SQL when they are created:
        # warm the ORM's caches of the line model (defaults) first
        self._leads_without_lines(1)._interview_sync_lines()
        # 2 and 11 leads: 18 and 99 lines, one ORM batch: the same queries
        # (10: one is the update of the leads' offer date, a stored compute
        # of the sales force automation that follows the lines)
        for count in (2, 11):
            leads = self._leads_without_lines(count)
            with self.assertQueryCount(10):
                leads._interview_sync_lines()
            self.assertEqual(len(leads.interview_line_ids), 9 * count)
        # 10 vs 50 leads: only one INSERT and one UPDATE more per 100 lines
        self.assertEqual((INSERT_BATCH_SIZE, UPDATE_BATCH_SIZE), (100, 100))
        for count, queries in ((10, 10), (50, 10 + 2 * 4)):
            leads = self._leads_without_lines(count)
            with self.assertQueryCount(queries):
                leads._interview_sync_lines()
            self.assertEqual(len(leads.interview_line_ids), 9 * count)
            self.assertEqual(
                set(leads.mapped("interview_step_id")), {self.step_preparation}
            )

    def test_step_change_syncs_open_leads_by_batches(self):
        """A step change brings the lines of every open lead in line by
        batches of open leads (id paging): the same lines as in one go, and
        a fixed number of queries per batch whatever the number of leads."""
        # only our open leads: the number of batches is known
        self.env["crm.lead"].sudo().search(
            [("active", "=", True), ("won_status", "=", "pending")]
        ).write({"active": False})

        # warm the caches
        self.Step._sync_open_leads()
        self._leads_without_lines(1).active = False
        # one batch of 10 leads (12 queries, as before the batches), then 2
        # and 4 full batches of 5 leads (45 lines, one ORM pack each): 11
        # queries per batch and the search that finds no more
        for count, batch_size, queries in (
            (10, 1000, 12),
            (10, 5, 2 * 11 + 1),
            (20, 5, 4 * 11 + 1),
        ):
            leads = self._leads_without_lines(count)
            with self.assertQueryCount(queries):
                self.Step._sync_open_leads(batch_size=batch_size)
            self.assertEqual(len(leads.interview_line_ids), 9 * count)
            self.assertEqual(
                set(leads.mapped("interview_step_id")), {self.step_preparation}
            )
            leads.active = False

    def test_bulk_create_creates_every_line(self):
        leads = self.env["crm.lead"].create(
            [{"name": f"Bulk {i}", "team_id": self.team.id} for i in range(30)]
        )
        self.assertEqual(len(leads.interview_line_ids), 270)
        self.assertEqual(set(leads.mapped("interview_progress")), {0})
