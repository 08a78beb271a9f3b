# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .attrition_common import AttritionCase


@tagged("post_install", "-at_install")
class TestAttritionAccess(AttritionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        customers = cls._create_customers(2, cls.company_a)
        cls.customers = customers
        cls.env["sales.attrition.snapshot"].create(
            {
                "date_start": date(2025, 1, 1),
                "date_end": date(2025, 1, 31),
                "company_id": cls.company_a.id,
            }
        )

    def test_default_churn_reasons(self):
        reasons = self.env["sales.churn.reason"].search([])
        for xmlid in (
            "churn_reason_price",
            "churn_reason_competitor",
            "churn_reason_quality",
            "churn_reason_need_disappeared",
            "churn_reason_company_closed",
            "churn_reason_inactivity",
        ):
            self.assertIn(self.env.ref(f"sales_process_grc.{xmlid}"), reasons)

    def test_salesman_reads_but_does_not_configure(self):
        reason_model = self.env["sales.churn.reason"].with_user(self.salesman)
        self.assertTrue(reason_model.search([]))
        with self.assertRaises(AccessError):
            reason_model.create({"name": "Too far"})
        with self.assertRaises(AccessError):
            self.price.with_user(self.salesman).write({"name": "Cost"})
        snapshot_model = self.env["sales.attrition.snapshot"].with_user(self.salesman)
        self.assertEqual(len(snapshot_model.search([])), 1)
        with self.assertRaises(AccessError):
            snapshot_model.search([]).write({"customers_lost": 3})
        event_model = self.env["sales.customer.status.event"].with_user(self.salesman)
        self._win(self.customers, user=self.salesman)
        events = event_model.search([("partner_id", "in", self.customers.ids)])
        self.assertEqual(len(events), 2)
        with self.assertRaises(AccessError):
            events.write({"new_status": "lost"})
        with self.assertRaises(AccessError):
            event_model.create(
                {"partner_id": self.customers[0].id, "new_status": "lost"}
            )
        with self.assertRaises(AccessError):
            self.env["sales.attrition.recompute.wizard"].with_user(
                self.salesman
            ).create({"date_from": date(2025, 1, 1), "date_to": date(2025, 2, 1)})

    def test_manager_configures_reasons(self):
        reason_model = self.env["sales.churn.reason"].with_user(self.sales_manager)
        reason = reason_model.create({"name": "Moved abroad"})
        reason.write({"active": False})
        self.assertFalse(reason_model.search([("name", "=", "Moved abroad")]))
