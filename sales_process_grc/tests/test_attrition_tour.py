# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAttritionTour(HttpCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="grc_attr_tour_salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Attrition Customer",
                "is_company": True,
                "user_id": cls.salesman.id,
            }
        )
        cls.customer._grc_set_customer_status("customer", date=date(2025, 1, 10))
        cls.customer._grc_set_customer_status("at_risk", date=date(2025, 7, 9))
        cls.env["sales.attrition.snapshot"]._compute_snapshots(
            [date(2025, 1, 1), date(2025, 2, 1)]
        )

    def _run_mark_lost_tour(self):
        self.start_tour(
            "/odoo/action-sales_process_grc.res_partner_action_attrition",
            "sales_process_grc_attrition_tour",
            login=self.salesman.login,
        )
        self.assertEqual(self.customer.customer_status, "lost")
        self.assertEqual(
            self.customer.churn_reason_id,
            self.env.ref("sales_process_grc.churn_reason_price"),
        )

    def _run_dashboard_tours(self):
        for xmlid in (
            "sales_attrition_snapshot_action",
            "sales_customer_status_event_action",
            "sales_attrition_report_action",
        ):
            with self.subTest(action=xmlid):
                self.start_tour(
                    f"/odoo/action-sales_process_grc.{xmlid}",
                    "sales_process_grc_attrition_dashboard_tour",
                    login=self.salesman.login,
                )

    def test_mark_customer_lost(self):
        self._run_mark_lost_tour()

    def test_dashboard(self):
        self._run_dashboard_tours()


@tagged("post_install", "-at_install")
class TestAttritionTourMobile(TestAttritionTour):
    browser_size = "375x667"
    touch_enabled = True

    def test_mark_customer_lost_mobile(self):
        self._run_mark_lost_tour()

    def test_dashboard_mobile(self):
        self._run_dashboard_tours()
