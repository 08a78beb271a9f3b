# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from ..hooks import init_customers_from_won_leads
from .attrition_common import AttritionCase


@tagged("post_install", "-at_install")
class TestInitFromWonLeads(AttritionCase):
    """Opportunities won before the module was installed make customers."""

    def _forget_status(self, partners):
        """Put partners back in the state of a database where the module was
        just installed: prospects without history."""
        self._events(partners).unlink()
        everyone = self.env["res.partner"].search(
            [("commercial_partner_id", "in", partners.ids)]
        )
        everyone.with_context(grc_status_write=True).write(
            {
                "customer_status": "prospect",
                "customer_since": False,
                "last_purchase_date": False,
                "churn_date": False,
                "churn_reason_id": False,
            }
        )

    def test_init_rebuilds_status_and_history(self):
        recent, at_risk, lost = self._create_customers(3, self.company_a)
        contact = self.env["res.partner"].create(
            {"name": "Lost Contact", "parent_id": lost.id}
        )
        already = self._create_customers(1, self.company_a, prefix="Already")
        with freeze_time("2024-01-10 10:00:00"):
            self._win(lost | at_risk | recent)
        with freeze_time("2024-09-01 10:00:00"):
            self._win(at_risk)
        with freeze_time("2025-02-01 10:00:00"):
            self._win(recent)
            self._win(already)
        self._forget_status(recent | at_risk | lost)
        self.assertEqual(contact.customer_status, "prospect")
        with freeze_time("2025-04-01 10:00:00"):
            entities = init_customers_from_won_leads(self.env)
        self.assertEqual(entities, recent | at_risk | lost)
        self.assertRecordValues(
            recent | at_risk | lost,
            [
                {
                    "customer_status": "customer",
                    "customer_since": date(2024, 1, 10),
                    "last_purchase_date": date(2025, 2, 1),
                    "churn_date": False,
                },
                {
                    "customer_status": "at_risk",
                    "customer_since": date(2024, 1, 10),
                    "last_purchase_date": date(2024, 9, 1),
                    "churn_date": False,
                },
                {
                    "customer_status": "lost",
                    "customer_since": date(2024, 1, 10),
                    "last_purchase_date": date(2024, 1, 10),
                    "churn_date": date(2025, 1, 9),
                },
            ],
        )
        self.assertEqual(lost.churn_reason_id, self.inactivity)
        self.assertEqual(contact.customer_status, "lost")
        self.assertRecordValues(
            self._events(lost),
            [
                {
                    "event_type": "new",
                    "date": date(2024, 1, 10),
                    "date_next": date(2024, 7, 8),
                    "company_id": self.company_a.id,
                },
                {
                    "event_type": "at_risk",
                    "date": date(2024, 7, 8),
                    "date_next": date(2025, 1, 9),
                    "company_id": self.company_a.id,
                },
                {
                    "event_type": "lost",
                    "date": date(2025, 1, 9),
                    "date_next": False,
                    "company_id": self.company_a.id,
                },
            ],
        )
        # the rebuilt history gives the snapshots
        january = self.env["sales.attrition.snapshot"]._compute_snapshots(
            [date(2025, 1, 1)], self.company_a
        )
        self.assertEqual(january.customers_lost, 1)
        # running it again changes nothing
        with freeze_time("2025-04-01 10:00:00"):
            again = init_customers_from_won_leads(self.env)
        self.assertFalse(again)
        self.assertEqual(len(self._events(recent | at_risk | lost)), 6)
        self.assertEqual(len(self._events(already)), 1)

    def test_history_snapshots_cover_every_month(self):
        customers = self._create_customers(2, self.company_a)
        with freeze_time("2024-11-20 10:00:00"):
            self._win(customers)
        with freeze_time("2025-03-10 10:00:00"):
            snapshots = self.env[
                "sales.attrition.snapshot"
            ]._compute_history_snapshots()
        mine = snapshots.filtered(lambda s: s.company_id == self.company_a)
        self.assertEqual(
            mine.sorted("date_start").mapped("date_start"),
            [date(2024, 11, 1), date(2024, 12, 1), date(2025, 1, 1), date(2025, 2, 1)],
        )
        self.assertEqual(
            mine.sorted("date_start").mapped("customers_new"), [2, 0, 0, 0]
        )
