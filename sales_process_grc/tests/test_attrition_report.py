# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .attrition_common import AttritionCase


@tagged("post_install", "-at_install")
class TestAttritionReport(AttritionCase):
    """Rates by salesperson and team, and weighted rates over several rows.

    March 2025, company A: Alice has 4 customers at start and loses 1 (25 %),
    Bob has 6 and loses 3 (50 %); together 4 lost out of 10 (40 %, not the
    37.5 % average of the two rates).
    """

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.alice = new_test_user(
            cls.env,
            login="grc_attr_alice",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.bob = new_test_user(
            cls.env,
            login="grc_attr_bob",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )

    def _build(self):
        alice_customers = self._create_customers(
            4, self.company_a, prefix="Alice", user_id=self.alice.id
        )
        bob_customers = self._create_customers(
            6, self.company_a, prefix="Bob", user_id=self.bob.id
        )
        with freeze_time("2025-02-10 10:00:00"):
            self._win(alice_customers, user=self.alice)
            self._win(bob_customers, user=self.bob)
        with freeze_time("2025-03-15 10:00:00"):
            lost = alice_customers[:1] | bob_customers[:3]
            lost._grc_set_customer_status("lost", reason=self.price)
        return alice_customers, bob_customers

    def test_rates_by_salesperson(self):
        self._build()
        report = self.env["sales.attrition.report"]
        domain = [("company_id", "=", self.company_a.id), ("date", "=", "2025-03-01")]
        groups = report._read_group(
            domain,
            ["user_id"],
            ["customers_start:sum", "customers_lost:sum", "attrition_rate:avg"],
        )
        by_user = {user: values for user, *values in groups}
        self.assertEqual(by_user[self.alice], [4, 1, 25.0])
        self.assertEqual(by_user[self.bob], [6, 3, 50.0])
        [(total_start, total_lost, attrition, retention)] = report._read_group(
            domain,
            [],
            [
                "customers_start:sum",
                "customers_lost:sum",
                "attrition_rate:avg",
                "retention_rate:avg",
            ],
        )
        self.assertEqual((total_start, total_lost), (10, 4))
        self.assertAlmostEqual(attrition, 40.0)
        self.assertAlmostEqual(retention, 60.0)
        # churn reasons of the month
        [(reason, lost_count)] = report._read_group(
            domain + [("customers_lost", ">", 0)],
            ["churn_reason_id"],
            ["customers_lost:sum"],
        )
        self.assertEqual((reason, lost_count), (self.price, 4))

    def test_snapshot_rates_are_weighted_over_months(self):
        alice_customers, _bob_customers = self._build()
        with freeze_time("2025-04-15 10:00:00"):
            alice_customers[1:2]._grc_set_customer_status("lost", reason=self.price)
        snapshot_model = self.env["sales.attrition.snapshot"]
        snapshot_model._compute_snapshots(
            [date(2025, 3, 1), date(2025, 4, 1)], self.company_a
        )
        # March: 4 / 10; April: 1 / 6; both months: 5 / 16 = 31.25 %
        [(attrition,)] = snapshot_model._read_group(
            [
                ("company_id", "=", self.company_a.id),
                ("date_start", "in", ["2025-03-01", "2025-04-01"]),
            ],
            [],
            ["attrition_rate:avg"],
        )
        self.assertAlmostEqual(attrition, 31.25)

    def test_salesman_reads_his_company_only(self):
        self._build()
        customers_b = self._create_customers(2, self.company_b)
        with freeze_time("2025-02-10 10:00:00"):
            self._win(customers_b, company=self.company_b)
        rows = self.env["sales.attrition.report"].with_user(self.salesman).search([])
        self.assertTrue(rows)
        self.assertEqual(rows.company_id, self.company_a)
