# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import messages_with


class SaleOfferTourCase(HttpCase):
    """In the browser, as a salesman with own-documents rights: quotation
    sent -> Offer step done; confirmed -> the opportunity is hot. Odoo 19
    reads the browser size from the class and only runs the test methods a
    class defines itself: one class per screen."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="grc_sale_tour_rep",
            groups="sales_team.group_sale_salesman",
            name="Tour Rep",
            email="tour.rep@example.com",
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "is_company": True, "email": "buy@example.com"}
        )
        product = cls.env["product.product"].create(
            {"name": "Tour Service", "type": "service", "list_price": 80.0}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Tour Opportunity",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": cls.salesman.id,
                "prospect_temperature": "warm",
            }
        )
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.salesman)
            .create(
                {
                    "partner_id": customer.id,
                    "opportunity_id": cls.lead.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
        )

    def _run_tour(self):
        action = self.env.ref("sale.action_quotations_with_onboarding")
        self.start_tour(
            f"/odoo/action-{action.id}/{self.order.id}",
            "sales_process_grc_sale_offer_tour",
            login=self.salesman.login,
        )
        self.assertEqual(self.order.state, "sale")
        offer = self.lead.interview_line_ids.filtered(
            lambda line: line.step_id
            == self.env.ref("sales_process_grc.interview_step_offer")
        )
        self.assertEqual(offer.state, "done")
        self.assertEqual(self.lead.prospect_temperature, "hot")
        self.assertTrue(
            messages_with(self.lead, f"Quotation {self.order.name} confirmed")
        )


@tagged("post_install", "-at_install")
class TestSaleOfferTour(SaleOfferTourCase):
    """On a wide screen."""

    def test_tour(self):
        self._run_tour()


@tagged("post_install", "-at_install")
class TestSaleOfferTourPhone(SaleOfferTourCase):
    """On a 375 px wide touch screen."""

    browser_size = "375x667"
    touch_enabled = True

    def test_tour(self):
        self._run_tour()
