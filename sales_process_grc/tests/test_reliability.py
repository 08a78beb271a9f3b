# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The guarantees of issue 10 (reliability and security), one test each:
see the README's "Reliability" section."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .attrition_common import AttritionCase
from .common_interview import InterviewCase
from .prospect_temperature_common import ProspectTemperatureCase


@tagged("post_install", "-at_install")
class TestReliabilityInterview(InterviewCase):
    def test_lines_and_objections_stay_on_their_lead(self):
        own = self._create_leads()
        other = self._create_leads(name="Own lead 2")
        line = self._line(own, self.step_contact).with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            line.write({"lead_id": other.id})
        self.assertEqual(line.lead_id, own)
        price = self.env.ref("sales_process_grc.objection_type_price")
        objection = (
            self.env["sales.lead.objection"]
            .with_user(self.salesman)
            .create({"lead_id": own.id, "objection_type_id": price.id})
        )
        colleague_lead = self._create_leads(user=self.other_salesman)
        with self.assertRaisesRegex(UserError, "cannot be moved"):
            objection.write({"lead_id": colleague_lead.id})
        self.assertEqual(objection.lead_id, own)
        # writing the same lead is not a move
        objection.write({"lead_id": own.id, "statement": "Too expensive"})
        self.assertEqual(objection.statement, "Too expensive")

    def test_hand_over_to_a_colleague_of_another_team(self):
        visit = self.Step.create({"name": "Site Visit", "team_ids": [self.team_2.id]})
        lead = self._create_leads()
        line = self._line(lead, self.step_contact).with_user(self.salesman)
        line.write({"state": "done", "note": "Called the buyer"})
        self.assertNotIn(visit, lead.interview_line_ids.step_id)
        lead.with_user(self.salesman).write(
            {"user_id": self.other_salesman.id, "team_id": self.team_2.id}
        )
        # the salesman no longer sees the lead; its lines followed it
        self.assertFalse(
            self.env["crm.lead"].with_user(self.salesman).search([("id", "=", lead.id)])
        )
        lines = lead.with_user(self.other_salesman).interview_line_ids
        self.assertEqual(len(lines), len(self.default_steps) + 1)
        self.assertIn(visit, lines.step_id)
        self.assertEqual(len(lines.step_id), len(lines), "one line per step")
        self.assertRecordValues(
            self._line(lead, self.step_contact),
            [{"state": "done", "note": "Called the buyer"}],
        )

    def test_archiving_a_step_keeps_the_work_done(self):
        worked = self._create_leads()
        untouched = self._create_leads(name="Untouched")
        self._line(worked, self.step_contact).with_user(self.salesman).write(
            {"state": "done", "note": "Met the buyer"}
        )
        self._line(worked, self.step_discovery).with_user(self.salesman).write(
            {"state": "skipped", "note": "Needs known"}
        )
        (self.step_contact | self.step_discovery).with_user(self.manager).write(
            {"active": False}
        )
        self.assertRecordValues(
            self._line(worked, self.step_contact),
            [{"state": "done", "note": "Met the buyer"}],
        )
        self.assertRecordValues(
            self._line(worked, self.step_discovery),
            [{"state": "skipped", "note": "Needs known"}],
        )
        # only the lines still to do went
        self.assertFalse(self._line(untouched, self.step_contact))
        # unarchiving brings back the lines to do, and the history as it was
        (self.step_contact | self.step_discovery).with_user(self.manager).write(
            {"active": True}
        )
        self.assertEqual(self._line(untouched, self.step_contact).state, "todo")
        self.assertRecordValues(
            self._line(worked, self.step_contact),
            [{"state": "done", "note": "Met the buyer"}],
        )
        self.assertEqual(len(worked.interview_line_ids), len(self.default_steps))


@tagged("post_install", "-at_install")
class TestReliabilityCustomerStatus(AttritionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.partner_editor = new_test_user(
            cls.env,
            login="grc_rel_editor",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Reliable Customer",
                "is_company": True,
                "user_id": cls.salesman.id,
                "email": "buyer@reliable.example.com",
            }
        )

    def test_status_fields_refuse_direct_writes(self):
        self._win(self.customer, user=self.salesman)
        events = self._events(self.customer)
        partner = self.customer.with_user(self.partner_editor)
        for vals in (
            {"customer_status": "lost"},
            {"last_purchase_date": "2020-01-01"},
            {"customer_since": "2020-01-01"},
            {"churn_date": "2020-01-01"},
            {"churn_reason_id": self.price.id},
        ):
            with self.assertRaisesRegex(UserError, "cannot be set directly"):
                partner.write(vals)
            # the addon's context key is not a way in from outside
            with self.assertRaisesRegex(UserError, "cannot be set directly"):
                partner.with_context(grc_status_write=True).write(vals)
        # not even as superuser without the status mechanism
        with self.assertRaisesRegex(UserError, "cannot be set directly"):
            self.customer.write({"customer_status": "lost"})
        with self.assertRaisesRegex(UserError, "cannot be set directly"):
            self.env["res.partner"].with_user(self.partner_editor).create(
                {"name": "Instant customer", "customer_status": "customer"}
            )
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self._events(self.customer), events)
        # the partner itself stays editable, and a contact joining the
        # company takes its status (Odoo's commercial fields)
        partner.write({"phone": "+33 1 23 45 67 89"})
        contact = (
            self.env["res.partner"]
            .with_user(self.partner_editor)
            .create({"name": "New Buyer", "parent_id": self.customer.id})
        )
        self.assertEqual(contact.customer_status, "customer")
        self.assertEqual(contact.last_purchase_date, self.customer.last_purchase_date)

    def test_portal_users_cannot_read_the_status(self):
        self._win(self.customer)
        portal = new_test_user(
            self.env, login="grc_rel_portal", groups="base.group_portal"
        )
        portal.partner_id.parent_id = self.customer
        own = portal.partner_id.with_user(portal)
        self.assertEqual(own.sudo().customer_status, "customer")
        for fname in (
            "customer_status",
            "last_purchase_date",
            "customer_since",
            "churn_date",
            "churn_reason_id",
        ):
            with self.assertRaises(AccessError):
                own.read([fname])
            with self.assertRaises(AccessError):
                own.parent_id.read([fname])
        self.assertNotIn("customer_status", own.fields_get())
        # internal users read it
        self.assertEqual(
            self.customer.with_user(self.salesman).customer_status, "customer"
        )

    def test_mark_as_lost_checks_the_customer_is_yours(self):
        others = self._create_customers(1, self.company_a, prefix="Other")
        others.write({"user_id": self.team_leader.id})
        self._win(self.customer | others)

        def mark_lost(partner, user):
            wizard = Form(
                self.env["sales.customer.lost.wizard"]
                .with_user(user)
                .with_context(active_model="res.partner", active_id=partner.id)
            )
            wizard.churn_reason_id = self.price
            return wizard.save().action_mark_lost()

        with self.assertRaisesRegex(AccessError, "only its salesperson"):
            mark_lost(others, self.salesman)
        self.assertEqual(others.customer_status, "customer")
        mark_lost(self.customer, self.salesman)
        self.assertEqual(self.customer.customer_status, "lost")
        # a team leader (all leads) manages every customer of his company
        mark_lost(others, self.team_leader)
        self.assertEqual(others.customer_status, "lost")

    def test_mark_as_lost_refuses_another_companys_customer(self):
        shared = self._create_customers(1, self.company_b, prefix="Shared")
        self._win(shared, company=self.company_b, user=self.salesman_b)
        event = self._events(shared)
        self.assertEqual(event.company_id, self.company_b)
        wizard = (
            self.env["sales.customer.lost.wizard"]
            .with_user(self.salesman)
            .create({"partner_id": shared.id, "churn_reason_id": self.price.id})
        )
        with self.assertRaisesRegex(AccessError, f"customer of {self.company_b.name}"):
            wizard.action_mark_lost()
        self.assertEqual(shared.customer_status, "customer")
        self.assertEqual(self._events(shared), event)

    def test_closing_date_cannot_backdate_or_freeze_the_status(self):
        lead_model = self.env["crm.lead"].with_user(self.salesman)
        values = {
            "type": "opportunity",
            "partner_id": self.customer.id,
            "stage_id": self.won_stage.id,
        }
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            lead_model.create(
                {**values, "name": "Future", "date_closed": datetime(2999, 1, 1)}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be earlier than"):
            lead_model.create(
                {**values, "name": "Backdated", "date_closed": datetime(1900, 1, 1)}
            )
        self.assertEqual(self.customer.customer_status, "prospect")
        self.assertFalse(self._events(self.customer))
        lead = lead_model.create({**values, "name": "Today"})
        self.assertEqual(lead.won_status, "won")
        today = fields.Date.context_today(lead)
        self.assertEqual(self.customer.last_purchase_date, today)
        with self.assertRaisesRegex(ValidationError, "cannot be earlier than"):
            lead.write({"date_closed": "1900-01-01 00:00:00"})
        with self.assertRaisesRegex(ValidationError, "cannot be in the future"):
            lead.write({"date_closed": "2999-01-01 00:00:00"})
        self.assertEqual(self.customer.last_purchase_date, today)
        self.assertEqual(self._events(self.customer).date, today)

    def test_closing_date_edited_moves_the_purchase(self):
        lead = self._win(self.customer)
        # 23 hours earlier: within the day of margin before the lead's creation
        closed = lead.create_date - timedelta(hours=23)
        lead.write({"date_closed": closed})
        day = fields.Date.context_today(lead, closed)
        self.assertEqual(self.customer.last_purchase_date, day)
        self.assertEqual(self.customer.customer_since, day)

    def test_analysis_is_bounded(self):
        self._win(self.customer)
        event = self._events(self.customer)
        event.write({"date": date(1900, 1, 1)})
        groups = self.env["sales.attrition.report"]._read_group(
            [("partner_id", "=", self.customer.id)], ["date:month"], ["__count"]
        )
        self.assertLessEqual(len(groups), 121)
        self.assertGreater(len(groups), 100)
        with self.assertRaisesRegex(ValidationError, "in the future"):
            event.write({"date": date.today() + timedelta(days=30)})

    def test_win_undone_reopened(self):
        with freeze_time("2025-03-01 10:00:00"):
            first = self._win(self.customer)
        with freeze_time("2025-06-01 10:00:00"):
            second = self._win(self.customer)
        self.assertEqual(self.customer.last_purchase_date, date(2025, 6, 1))
        open_stage = self.env["crm.stage"].create({"name": "Reopened", "sequence": 1})
        second.write({"stage_id": open_stage.id})
        self.assertEqual(second.won_status, "pending")
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.last_purchase_date, date(2025, 3, 1))
        self.assertEqual(self.customer.customer_since, date(2025, 3, 1))
        # the last purchase undone: a prospect again, the history withdrawn
        first.write({"stage_id": open_stage.id})
        self.assertRecordValues(
            self.customer,
            [
                {
                    "customer_status": "prospect",
                    "last_purchase_date": False,
                    "customer_since": False,
                }
            ],
        )
        self.assertFalse(self._events(self.customer))

    def test_win_undone_deleted_merged_or_moved(self):
        deleted, merged, moved, other = self._create_customers(4, self.company_a)
        # deleted
        self._win(deleted).unlink()
        self.assertEqual(deleted.customer_status, "prospect")
        self.assertFalse(deleted.last_purchase_date)
        self.assertFalse(self._events(deleted))
        # merged with an open opportunity: the status follows what remains
        won = self._win(merged)
        pending = self._create_leads(
            user=False, partners=merged, name="Follow-up", probability=10
        )
        head = (pending | won).merge_opportunity()
        self.assertEqual(len(head.exists() | won.exists() | pending.exists()), 1)
        self.assertEqual(
            merged.customer_status,
            "customer" if head.won_status == "won" else "prospect",
        )
        # given to another customer
        deal = self._win(moved)
        deal.write({"partner_id": other.id})
        self.assertEqual(moved.customer_status, "prospect")
        self.assertFalse(self._events(moved))
        self.assertEqual(other.customer_status, "customer")
        self.assertEqual(other.last_purchase_date, deal._grc_purchase_date())

    def test_win_back_undone_restores_lost(self):
        with freeze_time("2024-01-10 10:00:00"):
            self._win(self.customer)
        with freeze_time("2025-02-01 10:00:00"):
            self._classify()
        self.assertEqual(self.customer.customer_status, "lost")
        churn = (self.customer.churn_date, self.customer.churn_reason_id)
        with freeze_time("2025-03-01 10:00:00"):
            again = self._win(self.customer)
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self._events(self.customer)[-1].event_type, "won_back")
        again.unlink()
        self.assertEqual(self.customer.customer_status, "lost")
        self.assertEqual(
            (self.customer.churn_date, self.customer.churn_reason_id), churn
        )
        self.assertEqual(self.customer.last_purchase_date, date(2024, 1, 10))
        events = self._events(self.customer)
        self.assertEqual(events.mapped("new_status"), ["customer", "lost"])
        self.assertFalse(events[-1].date_next)

    def test_partner_merge_keeps_the_status_consistent(self):
        duplicate = self._create_customers(1, self.company_a, prefix="Duplicate")
        self._win(duplicate)
        self.assertEqual(self.customer.customer_status, "prospect")
        wizard = self.env["base.partner.merge.automatic.wizard"]
        wizard._merge((self.customer | duplicate).ids, dst_partner=self.customer)
        self.assertFalse(duplicate.exists())
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertTrue(self.customer.last_purchase_date)


@tagged("post_install", "-at_install")
class TestReliabilityMeetingAnswer(ProspectTemperatureCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.employee = new_test_user(
            cls.env, login="grc_rel_employee", groups="base.group_user"
        )
        cls.lead = cls._create_leads(partner_id=cls.alice.id)
        cls.lead.prospect_temperature = "hot"

    def _meeting(self, user):
        start = datetime.now() + timedelta(days=3)
        return (
            self.env["calendar.event"]
            .with_user(user)
            .with_context(mail_notify_author=False)
            .create(
                {
                    "name": "Visit",
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "partner_ids": [(4, self.alice.id), (4, user.partner_id.id)],
                }
            )
        )

    def _alice(self, meeting):
        return meeting.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == self.alice
        )

    def test_employee_without_crm_rights_cannot_cool_a_lead(self):
        meeting = self._meeting(self.employee)
        meeting.sudo().opportunity_id = self.lead
        self._alice(meeting).with_user(self.employee).write({"state": "declined"})
        self.assertEqual(self._alice(meeting).state, "declined")
        self.assertEqual(self.lead.prospect_temperature, "hot")
        # nor through the customer's public answer to his meeting
        self._alice(meeting).sudo().do_accept()
        self._alice(meeting).sudo().do_decline()
        self.assertEqual(self.lead.prospect_temperature, "hot")
        self.assertFalse(self._temperature_notes(self.lead))

    def test_customer_answer_through_the_public_link(self):
        meeting = self._meeting(self.salesman)
        meeting.opportunity_id = self.lead
        public = self.env.ref("base.public_user")
        # the invitation's public link: the attendee found by its token, sudo
        attendee = self._alice(meeting).with_user(public).sudo()
        # the lead is hot since an earlier transaction: mail logs the change
        # when this one ends (MailCase.flush_tracking)
        self.flush_tracking()
        before = self._temperature_notes(self.lead)
        attendee.do_decline()
        self.assertEqual(self.lead.prospect_temperature, "cold")
        self.flush_tracking()
        note = self._temperature_notes(self.lead) - before
        self.assertEqual(note.author_id, self.alice)
