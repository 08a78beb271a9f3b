# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import GrcSaleCase


@tagged("post_install", "-at_install")
class TestRevenueAttrition(GrcSaleCase):
    """Revenue figures next to the customer counts: snapshots, the attrition
    report and the dashboard (logo churn and revenue churn side by side).

    December 2025: Acme (bought 1,500 over the year) and Globex (2,000 a year
    before, at risk since June) are the customers at the start; Globex is lost
    on 21 December: 2,000 of 3,500 lost."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.globex = cls.env["res.partner"].create(
            {"name": "Globex", "is_company": True}
        )
        for day, partner, price in (
            ("2024-12-20", cls.globex, 2000.0),
            ("2025-03-10", cls.customer, 1000.0),
            ("2025-09-05", cls.customer, 500.0),
        ):
            with freeze_time(day):
                cls._order(cls, partner=partner, price=price).action_confirm()
        # what the daily classification did on those days
        cls.globex._grc_set_customer_status("at_risk", date=date(2025, 6, 20))
        cls.globex._grc_set_customer_status(
            "lost",
            date=date(2025, 12, 21),
            reason=cls.env.ref("sales_process_grc.churn_reason_inactivity"),
        )
        cls.december = date(2025, 12, 1)

    def test_setup(self):
        self.assertEqual(self.globex.customer_status, "lost")
        self.assertEqual(self.customer.customer_status, "customer")

    def test_snapshot_revenue_figures(self):
        snapshot = self.env["sales.attrition.snapshot"]._compute_snapshots(
            [self.december], self.company
        )
        self.assertEqual((snapshot.customers_start, snapshot.customers_lost), (2, 1))
        self.assertAlmostEqual(snapshot.revenue_start, 3500.0)
        self.assertAlmostEqual(snapshot.revenue_lost, 2000.0)
        self.assertAlmostEqual(snapshot.revenue_churn_rate, 57.14, places=2)
        self.assertAlmostEqual(snapshot.gross_revenue_retention, 42.86, places=2)
        self.assertEqual(snapshot.attrition_rate, 50.0)

    def test_recompute_without_customers_resets_the_revenue(self):
        snapshot_model = self.env["sales.attrition.snapshot"]
        snapshot = snapshot_model._compute_snapshots([self.december], self.company)
        self.assertTrue(snapshot.revenue_start)
        # the history withdrawn (e.g. the orders were another customer's)
        self.env["sales.customer.status.event"].search(
            [("partner_id", "in", (self.customer | self.globex).ids)]
        ).unlink()
        again = snapshot_model._compute_snapshots([self.december], self.company)
        self.assertEqual(again, snapshot)
        self.assertEqual((snapshot.customers_start, snapshot.revenue_start), (0, 0.0))
        self.assertEqual(snapshot.revenue_lost, 0.0)
        self.assertEqual(snapshot.gross_revenue_retention, 0.0)

    def test_dashboard_rates_are_weighted(self):
        snapshots = self.env["sales.attrition.snapshot"]._compute_snapshots(
            [date(2025, 11, 1), self.december], self.company
        )
        self.assertEqual(len(snapshots), 2)
        [(churn, retention, logo_churn)] = self.env[
            "sales.attrition.snapshot"
        ]._read_group(
            [("id", "in", snapshots.ids)],
            [],
            [
                "revenue_churn_rate:avg",
                "gross_revenue_retention:avg",
                "attrition_rate:avg",
            ],
        )
        # 2,000 lost over 3,500 + 3,500 at the start of the two months
        self.assertAlmostEqual(churn, 2000 * 100 / 7000, places=2)
        self.assertAlmostEqual(retention, 100 - 2000 * 100 / 7000, places=2)
        self.assertAlmostEqual(logo_churn, 25.0, places=2)

    def test_dashboard_views_show_both_churns(self):
        for view_type in ("list", "pivot", "graph"):
            arch = self.env["sales.attrition.snapshot"].get_view(view_type=view_type)[
                "arch"
            ]
            self.assertIn('name="attrition_rate"', arch)
            self.assertIn('name="revenue_churn_rate"', arch)

    def test_attrition_report_revenue(self):
        wizard = (
            self.env["sales.attrition.report.wizard"]
            .with_user(self.salesman)
            .create(
                {
                    "date_from": self.december,
                    "date_to": date(2025, 12, 31),
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )
        report = self.env["report.sales_process_grc.report_attrition"].with_user(
            self.salesman
        )
        data = report._get_report_values(wizard.ids)["attrition"][wizard.id]
        totals = data["totals"]
        self.assertAlmostEqual(totals["revenue_start"], 3500.0)
        self.assertAlmostEqual(totals["revenue_lost"], 2000.0)
        self.assertAlmostEqual(totals["gross_revenue_retention"], 42.86, places=2)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html("sales_process_grc.action_report_attrition", wizard.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("Gross Revenue Retention", html)
        self.assertIn("42.9", html)
        self.assertIn('name="revenue_months"', html)

    def test_lead_source_revenue_is_the_expected_revenue(self):
        self._set_source("lead")
        lead = self.env["crm.lead"].create(
            {
                "name": "Initech deal",
                "type": "opportunity",
                "partner_id": self.customer.id,
                "expected_revenue": 750.0,
            }
        )
        with freeze_time("2025-10-10"):
            lead.action_set_won()
        revenue = self.env["res.partner"]._grc_revenue(
            date(2025, 1, 1), date(2025, 12, 31), self.company, self.customer.ids
        )
        self.assertEqual(revenue, {(self.company.id, self.customer.id): 750.0})
