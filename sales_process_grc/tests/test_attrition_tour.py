# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
        cls.customer._grc_set_customer_status("customer")
        cls.customer._grc_set_customer_status("at_risk")

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

    def test_mark_customer_lost(self):
        self._run_mark_lost_tour()


@tagged("post_install", "-at_install")
class TestAttritionTourMobile(TestAttritionTour):
    browser_size = "375x667"
    touch_enabled = True

    def test_mark_customer_lost_mobile(self):
        self._run_mark_lost_tour()
