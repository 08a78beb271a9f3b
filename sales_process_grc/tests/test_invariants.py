# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Property-based invariants (issue 10): for random sequences of lead
creations, stage moves, hand-overs, step ticks, wins, undone wins, losses and
time jumps followed by the daily classification,

- ``interview_progress`` is the share of done lines among the lines that are
  not skipped;
- a partner's temperature is the hottest of its commercial entity's open
  leads;
- a customer's status agrees with its purchases (prospect exactly when it has
  no won opportunity, first and last purchase days those of its won
  opportunities) and, after the classification, with the thresholds.

Each example runs in a savepoint rolled back afterwards; time moves forward
with freezegun from tomorrow noon."""

import os
from contextlib import closing
from datetime import datetime, time, timedelta

from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..models.crm_lead import TEMPERATURE_RANK
from .attrition_common import AttritionCase
from .automation_common import switch_off_sales_automation

# GRC_HYPOTHESIS_EXAMPLES=500 explores more (random) sequences than the
# suite's fixed ones, GRC_HYPOTHESIS_OPERATIONS=20 longer ones
MAX_EXAMPLES = int(os.environ.get("GRC_HYPOTHESIS_EXAMPLES", "25"))
EXPLORE = "GRC_HYPOTHESIS_EXAMPLES" in os.environ
MAX_OPERATIONS = int(os.environ.get("GRC_HYPOTHESIS_OPERATIONS", "10"))
TEMPERATURES = (False, "cold", "warm", "hot")

LEAD = st.integers(min_value=0, max_value=7)
OPERATIONS = st.one_of(
    st.tuples(
        st.just("create"),
        st.integers(min_value=0, max_value=3),
        st.sampled_from(TEMPERATURES),
    ),
    st.tuples(st.just("stage"), LEAD, st.integers(min_value=0, max_value=2)),
    st.tuples(st.just("hand_over"), LEAD),
    st.tuples(
        st.just("tick"),
        LEAD,
        st.integers(min_value=0, max_value=9),
        st.sampled_from(("action_done", "action_skip", "action_reset")),
    ),
    st.tuples(st.just("win"), LEAD),
    st.tuples(st.just("reopen"), LEAD),
    st.tuples(st.just("lose"), LEAD),
    st.tuples(st.just("jump"), st.sampled_from((1, 30, 100, 190, 400))),
)
FIRST_LEAD = st.tuples(
    st.just("create"),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(TEMPERATURES),
)
SCENARIOS = st.tuples(FIRST_LEAD, st.lists(OPERATIONS, max_size=MAX_OPERATIONS - 1))


@tagged("post_install", "-at_install")
class TestInvariants(AttritionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        # the automation rules (activities, emails) bear on none of the
        # invariants and would only slow the examples down
        switch_off_sales_automation(cls.env)
        team_model = cls.env["crm.team"]
        cls.team_1 = team_model.create(
            {"name": "Invariant Team 1", "company_id": cls.company_a.id}
        )
        cls.team_2 = team_model.create(
            {"name": "Invariant Team 2", "company_id": cls.company_a.id}
        )
        # a step of the second team only: hand-overs change the lines
        cls.env["sales.interview.step"].create(
            {"name": "Invariant Site Visit", "team_ids": [cls.team_2.id]}
        )
        cls.seller_2 = new_test_user(
            cls.env,
            login="grc_invariant_seller_2",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.sellers = {cls.team_1: cls.salesman, cls.team_2: cls.seller_2}
        stage_model = cls.env["crm.stage"]
        cls.stages = (
            stage_model.create({"name": "Invariant New", "sequence": 1}),
            stage_model.create(
                {
                    "name": "Invariant Offer",
                    "sequence": 2,
                    "prospect_temperature": "hot",
                }
            ),
            cls.won_stage,
        )
        partner_model = cls.env["res.partner"]
        entities = partner_model.create(
            [
                {"name": f"Invariant Company {index}", "is_company": True}
                for index in (1, 2)
            ]
        )
        contacts = partner_model.create(
            [
                {"name": f"Invariant Contact {index}", "parent_id": entity.id}
                for index, entity in enumerate(entities)
            ]
        )
        cls.entities = entities
        cls.partners = entities | contacts
        cls.at_risk_days, cls.lost_days = partner_model._grc_get_thresholds()
        cls.start = datetime.combine(
            fields.Date.today() + timedelta(days=1), time(12, 0)
        )

    # --- operations ---------------------------------------------------------
    def _lead(self, leads, index, open_only=False):
        candidates = [
            lead for lead in leads if not open_only or lead.won_status == "pending"
        ]
        return candidates[index % len(candidates)] if candidates else None

    def _as_owner(self, lead):
        return lead.with_user(lead.user_id)

    def _apply(self, operation, leads, now):
        kind, *args = operation
        if kind == "create":
            partner_index, temperature = args
            team = self.team_1 if partner_index % 2 else self.team_2
            seller = self.sellers[team]
            leads.append(
                self.env["crm.lead"]
                .with_user(seller)
                .create(
                    {
                        "name": f"Invariant deal {len(leads)}",
                        "type": "opportunity",
                        "partner_id": self.partners[partner_index].id,
                        "user_id": seller.id,
                        "team_id": team.id,
                        "stage_id": self.stages[0].id,
                        "prospect_temperature": temperature,
                    }
                )
                .sudo()
            )
            return now
        if kind == "jump":
            now += timedelta(days=args[0])
            with freeze_time(now):
                self._run_cron("res.partner", "_cron_grc_classify_customers")
            return now
        lead = self._lead(leads, args[0], open_only=kind in ("hand_over", "tick"))
        if not lead or not lead.active:
            return now
        owner_lead = self._as_owner(lead)
        if kind == "stage":
            owner_lead.write({"stage_id": self.stages[args[1]].id})
        elif kind == "hand_over":
            team = self.team_2 if lead.team_id == self.team_1 else self.team_1
            owner_lead.write({"user_id": self.sellers[team].id, "team_id": team.id})
        elif kind == "tick":
            lines = lead.interview_line_ids.sorted("sequence")
            if lines:
                line = lines[args[1] % len(lines)]
                getattr(line.with_user(lead.user_id), args[2])()
        elif kind == "win":
            owner_lead.action_set_won()
        elif kind == "reopen":
            if lead.won_status == "won":
                owner_lead.write({"stage_id": self.stages[0].id})
        elif kind == "lose":
            owner_lead.action_set_lost()
        return now

    # --- invariants ---------------------------------------------------------
    def _check(self, leads, today, classified):
        self.env.flush_all()
        self.env.invalidate_all()
        all_leads = self.env["crm.lead"].with_context(active_test=False)
        all_leads = all_leads.browse([lead.id for lead in leads])
        for lead in all_leads:
            lines = lead.interview_line_ids
            counted = lines.filtered(lambda line: line.state != "skipped")
            done = counted.filtered(lambda line: line.state == "done")
            expected = (
                100.0 * len(done) / len(counted) if counted else 100.0 if lines else 0.0
            )
            self.assertAlmostEqual(
                lead.interview_progress, expected, msg=f"progress of {lead.name}"
            )
        for partner in self.partners:
            entity = partner.commercial_partner_id
            open_temperatures = [
                lead.prospect_temperature
                for lead in all_leads
                if lead.commercial_entity_id == entity
                and lead.active
                and lead.won_status == "pending"
            ]
            hottest = max(open_temperatures, key=TEMPERATURE_RANK.get, default=False)
            self.assertEqual(
                partner.prospect_temperature,
                hottest or False,
                f"temperature of {partner.name}",
            )
        for entity in self.entities:
            days = [
                lead._grc_purchase_date()
                for lead in all_leads
                if lead.commercial_entity_id == entity and lead.won_status == "won"
            ]
            status = entity.customer_status
            if not days:
                self.assertEqual(status, "prospect", entity.name)
                self.assertFalse(entity.last_purchase_date, entity.name)
                self.assertFalse(entity.customer_since, entity.name)
                continue
            self.assertNotEqual(status, "prospect", entity.name)
            self.assertEqual(entity.last_purchase_date, max(days), entity.name)
            self.assertEqual(entity.customer_since, min(days), entity.name)
            if classified:
                idle = (today - max(days)).days
                if idle >= self.lost_days:
                    expected = "lost"
                elif idle >= self.at_risk_days:
                    expected = "at_risk"
                else:
                    expected = "customer"
                self.assertEqual(
                    status, expected, f"{entity.name}, no purchase for {idle} days"
                )
            for contact in entity.child_ids:
                self.assertEqual(contact.customer_status, status, contact.name)

    def _run_scenario(self, operations):
        leads = []
        now = self.start
        for operation in operations:
            with freeze_time(now):
                try:
                    with self.env.cr.savepoint():
                        now = self._apply(operation, leads, now)
                except UserError:
                    # refused operations change nothing (e.g. a stage gate)
                    self.env.invalidate_all()
            with freeze_time(now):
                self._check(leads, now.date(), classified=operation[0] == "jump")
        return leads

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not EXPLORE,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )
    @given(SCENARIOS)
    def test_random_sequences_keep_the_invariants(self, scenario):
        first, operations = scenario
        with closing(self.env.cr.savepoint()):
            self._run_scenario([first, *operations])

    def test_undone_win_back_keeps_a_later_win_back(self):
        """Lost, won back by a first deal then bought again: reopening the
        first deal leaves the customer won back by the second one."""
        leads = self._run_scenario(
            [
                ("create", 0, "hot"),
                ("win", 0),
                ("jump", 400),
                ("create", 0, "warm"),
                ("win", 1),
                ("jump", 1),
                ("create", 0, False),
                ("win", 2),
                ("reopen", 1),
                ("jump", 1),
            ]
        )
        events = self._events(self.entities[0])
        self.assertEqual(events.mapped("event_type"), ["new", "lost", "won_back"])
        won_back = events[-1]
        self.assertEqual(won_back.lead_id, leads[2])
        self.assertEqual(won_back.date, leads[2].date_closed.date())
        self.assertEqual(events[-2].date_next, won_back.date)
        self.assertFalse(won_back.date_next)

    def test_won_again_keeps_the_purchase_day(self):
        """An opportunity already won, marked won again or archived later,
        keeps the day of its purchase (crm would move its closing date)."""
        leads = self._run_scenario(
            [
                ("create", 0, False),
                ("stage", 0, 2),
                ("jump", 30),
                ("win", 0),
                ("jump", 30),
            ]
        )
        won_day = self.start.date()
        self.assertEqual(leads[0].date_closed.date(), won_day)
        with freeze_time(self.start + timedelta(days=90)):
            leads[0].action_archive()
        self.assertEqual(leads[0].won_status, "won")
        self.assertEqual(leads[0].date_closed.date(), won_day)
        self.assertEqual(self.entities[0].last_purchase_date, won_day)
