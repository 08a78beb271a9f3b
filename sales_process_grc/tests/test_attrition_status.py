# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .attrition_common import AttritionCase


@tagged("post_install", "-at_install")
class TestCustomerStatus(AttritionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Attrition Furniture",
                "is_company": True,
                "user_id": cls.salesman.id,
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Paul Buyer", "parent_id": cls.customer.id}
        )

    def test_new_partner_is_prospect(self):
        self.assertEqual(self.customer.customer_status, "prospect")
        self.assertEqual(self.contact.customer_status, "prospect")
        self.assertFalse(self._events(self.customer))

    def test_event_type_follows_the_statuses(self):
        """The type of a status change is given at create from its statuses
        (not precomputed record by record), whatever the caller passes."""
        events = (
            self.env["sales.customer.status.event"]
            .sudo()
            .create(
                [
                    {
                        "partner_id": self.customer.id,
                        "old_status": old,
                        "new_status": new,
                        "event_type": "lost",
                    }
                    for old, new in (
                        ("prospect", "customer"),
                        ("lost", "customer"),
                        ("customer", "at_risk"),
                        ("at_risk", "lost"),
                        ("customer", "prospect"),
                    )
                ]
            )
        )
        self.assertEqual(
            events.mapped("event_type"), ["new", "won_back", "at_risk", "lost", "other"]
        )
        events[0].new_status = "lost"
        self.assertEqual(events[0].event_type, "lost")

    def test_status_transitions_over_time(self):
        with freeze_time("2025-01-15 10:00:00"):
            lead = self._win(self.customer)
            self.assertEqual(self.customer.customer_status, "customer")
            self.assertEqual(self.customer.customer_since, date(2025, 1, 15))
            self.assertEqual(self.customer.last_purchase_date, date(2025, 1, 15))
            # the contact shows its company's values
            self.assertEqual(self.contact.customer_status, "customer")
            self.assertEqual(self.contact.last_purchase_date, date(2025, 1, 15))
            event = self._events(self.customer)
            self.assertRecordValues(
                event,
                [
                    {
                        "date": date(2025, 1, 15),
                        "old_status": "prospect",
                        "new_status": "customer",
                        "event_type": "new",
                        "lead_id": lead.id,
                        "company_id": self.company_a.id,
                        "date_next": False,
                    }
                ],
            )
        # 179 days without purchase: still a customer
        with freeze_time("2025-07-13 10:00:00"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "customer")
        # 180 days: at risk
        with freeze_time("2025-07-14 10:00:00"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "at_risk")
            self.assertEqual(self.contact.customer_status, "at_risk")
            self.assertFalse(self.customer.churn_reason_id)
        # 364 days: still at risk, nothing logged twice
        with freeze_time("2026-01-14 10:00:00"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "at_risk")
            self.assertEqual(len(self._events(self.customer)), 2)
        # 365 days: lost for inactivity
        with freeze_time("2026-01-15 10:00:00"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "lost")
            self.assertEqual(self.customer.churn_date, date(2026, 1, 15))
            self.assertEqual(self.customer.churn_reason_id, self.inactivity)
            self.assertEqual(self.contact.churn_reason_id, self.inactivity)
        events = self._events(self.customer)
        self.assertRecordValues(
            events,
            [
                {
                    "event_type": "new",
                    "old_status": "prospect",
                    "date": date(2025, 1, 15),
                    "churn_reason_id": False,
                    "date_next": date(2025, 7, 14),
                },
                {
                    "event_type": "at_risk",
                    "old_status": "customer",
                    "date": date(2025, 7, 14),
                    "churn_reason_id": False,
                    "date_next": date(2026, 1, 15),
                },
                {
                    "event_type": "lost",
                    "old_status": "at_risk",
                    "date": date(2026, 1, 15),
                    "churn_reason_id": self.inactivity.id,
                    "date_next": False,
                },
            ],
        )

    def test_customer_jumps_to_lost_after_a_long_pause(self):
        with freeze_time("2024-03-01 10:00:00"):
            self._win(self.customer)
        with freeze_time("2025-06-01 10:00:00"):
            self._classify()
        self.assertEqual(self.customer.customer_status, "lost")
        self.assertEqual(
            self._events(self.customer).mapped("event_type"), ["new", "lost"]
        )

    def test_won_back(self):
        with freeze_time("2024-01-10 10:00:00"):
            self._win(self.customer)
        with freeze_time("2025-02-01 10:00:00"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "lost")
        with freeze_time("2025-03-05 10:00:00"):
            self._win(self.customer)
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.customer_since, date(2024, 1, 10))
        self.assertEqual(self.customer.last_purchase_date, date(2025, 3, 5))
        self.assertFalse(self.customer.churn_date)
        self.assertFalse(self.customer.churn_reason_id)
        last_event = self._events(self.customer)[-1]
        self.assertRecordValues(
            last_event,
            [
                {
                    "old_status": "lost",
                    "new_status": "customer",
                    "event_type": "won_back",
                }
            ],
        )

    def test_at_risk_customer_buying_again_is_won_back(self):
        with freeze_time("2025-01-10 10:00:00"):
            self._win(self.customer)
        with freeze_time("2025-08-01 10:00:00"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "at_risk")
            self._win(self.contact)  # the contact's purchase counts for its company
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.last_purchase_date, date(2025, 8, 1))
        self.assertEqual(self._events(self.customer)[-1].event_type, "won_back")

    def test_repeat_purchase_keeps_customer_without_new_event(self):
        with freeze_time("2025-01-10 10:00:00"):
            self._win(self.customer)
        with freeze_time("2025-03-10 10:00:00"):
            self._win(self.customer)
        self.assertEqual(self.customer.last_purchase_date, date(2025, 3, 10))
        self.assertEqual(self.customer.customer_since, date(2025, 1, 10))
        self.assertEqual(len(self._events(self.customer)), 1)

    def test_status_change_is_tracked_in_chatter(self):
        customer = self._create_customers(1, self.company_a)
        self.cr.flush()  # end of the creation transaction: tracking starts
        self._win(customer)
        self.cr.flush()  # tracking values are written at commit
        tracking = customer.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "customer_status"
        )
        self.assertEqual(len(tracking), 1)

    def test_salesman_wins_without_contact_rights(self):
        """Winning an opportunity is enough to make a customer, even for a
        salesperson who may not edit contacts."""
        self.assertFalse(self.salesman.has_group("base.group_partner_manager"))
        self._win(self.customer, user=self.salesman)
        self.assertEqual(self.customer.customer_status, "customer")

    def test_new_contact_takes_its_company_status(self):
        self._win(self.customer)
        contact = self.env["res.partner"].create(
            {"name": "New Buyer", "parent_id": self.customer.id}
        )
        self.assertEqual(contact.customer_status, "customer")
        self.assertEqual(contact.customer_since, self.customer.customer_since)

    def test_lead_without_partner_changes_nothing(self):
        lead = self._create_leads(user=False, name="Anonymous")
        lead.action_set_won()
        self.assertFalse(
            self.env["sales.customer.status.event"].search([("lead_id", "=", lead.id)])
        )

    # ------------------------------------------------------------------
    # Manual lost
    # ------------------------------------------------------------------
    def test_salesman_marks_customer_lost(self):
        self._win(self.customer)
        wizard_form = Form(
            self.env["sales.customer.lost.wizard"]
            .with_user(self.salesman)
            .with_context(active_model="res.partner", active_id=self.contact.id)
        )
        self.assertEqual(wizard_form.partner_id, self.contact)
        wizard_form.churn_reason_id = self.price
        wizard_form.note = "Found cheaper elsewhere"
        wizard_form.save().action_mark_lost()
        self.assertEqual(self.customer.customer_status, "lost")
        self.assertEqual(self.customer.churn_reason_id, self.price)
        self.assertEqual(self.contact.customer_status, "lost")
        event = self._events(self.customer)[-1]
        self.assertRecordValues(
            event,
            [
                {
                    "event_type": "lost",
                    "churn_reason_id": self.price.id,
                    "note": "Found cheaper elsewhere",
                    "old_status": "customer",
                }
            ],
        )
        message = self.customer.message_ids[0]
        self.assertIn("Price", message.body)
        self.assertIn("Found cheaper elsewhere", message.body)
        self.assertEqual(message.author_id, self.salesman.partner_id)

    def test_mark_lost_twice_is_refused(self):
        self._win(self.customer)
        wizard = self.env["sales.customer.lost.wizard"].create(
            {"partner_id": self.customer.id, "churn_reason_id": self.price.id}
        )
        wizard.action_mark_lost()
        wizard = self.env["sales.customer.lost.wizard"].create(
            {"partner_id": self.customer.id, "churn_reason_id": self.price.id}
        )
        with self.assertRaises(UserError):
            wizard.action_mark_lost()
        self.assertEqual(len(self._events(self.customer)), 2)

    def test_prospect_cannot_be_marked_lost(self):
        wizard = self.env["sales.customer.lost.wizard"].create(
            {"partner_id": self.customer.id, "churn_reason_id": self.price.id}
        )
        with self.assertRaises(UserError):
            wizard.action_mark_lost()
        self.assertEqual(self.customer.customer_status, "prospect")
        self.assertFalse(self._events(self.customer))

    def test_reason_is_required_to_mark_lost(self):
        wizard_form = Form(
            self.env["sales.customer.lost.wizard"].with_context(
                default_partner_id=self.customer.id
            )
        )
        with self.assertRaises(AssertionError):
            wizard_form.save()


@tagged("post_install", "-at_install")
class TestAttritionSettings(AttritionCase):
    def _settings(self, user, **values):
        return self.env["res.config.settings"].with_user(user).create(values)

    def test_defaults(self):
        self.assertEqual(self.env["res.partner"]._grc_get_thresholds(), (180, 365))
        settings = self._settings(self.admin)
        self.assertEqual(
            (settings.grc_at_risk_days, settings.grc_lost_days), (180, 365)
        )

    def test_admin_sets_thresholds_used_by_classification(self):
        self._settings(self.admin, grc_at_risk_days=30, grc_lost_days=90).execute()
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("sales_process_grc.at_risk_days"), "30")
        self.assertEqual(params.get_param("sales_process_grc.lost_days"), "90")
        customer = self._create_customers(1, self.company_a)
        with freeze_time("2025-01-01 10:00:00"):
            self._win(customer)
        with freeze_time("2025-01-31 10:00:00"):
            self._classify()
            self.assertEqual(customer.customer_status, "at_risk")
        with freeze_time("2025-04-01 10:00:00"):
            self._classify()
            self.assertEqual(customer.customer_status, "lost")

    def test_thresholds_validation(self):
        for at_risk_days, lost_days in ((0, 365), (-5, 365), (365, 365), (400, 365)):
            with (
                self.subTest(at_risk_days=at_risk_days, lost_days=lost_days),
                self.assertRaises(ValidationError),
            ):
                self._settings(
                    self.admin, grc_at_risk_days=at_risk_days, grc_lost_days=lost_days
                )
        params = self.env["ir.config_parameter"].sudo()
        self.assertFalse(params.get_param("sales_process_grc.at_risk_days"))

    def test_inconsistent_parameters_fall_back_to_defaults(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("sales_process_grc.at_risk_days", "500")
        params.set_param("sales_process_grc.lost_days", "100")
        self.assertEqual(self.env["res.partner"]._grc_get_thresholds(), (180, 365))
        params.set_param("sales_process_grc.at_risk_days", "abc")
        self.assertEqual(self.env["res.partner"]._grc_get_thresholds(), (180, 365))

    def test_salesman_cannot_configure_thresholds(self):
        with self.assertRaises(AccessError):
            self._settings(self.salesman, grc_at_risk_days=10, grc_lost_days=20)
