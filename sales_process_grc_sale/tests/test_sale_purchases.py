# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .common import GrcSaleCase


@tagged("post_install", "-at_install")
class TestSalePurchases(GrcSaleCase):
    """Confirmed sale orders (the default source) are the purchases of their
    commercial entity."""

    def _events(self, partner=None):
        return (
            self.env["sales.customer.status.event"]
            .sudo()
            .search([("partner_id", "=", (partner or self.customer).id)], order="id")
        )

    @freeze_time("2026-05-12 15:00:00")
    def test_confirmed_order_makes_a_customer(self):
        order = self._order(lead=self.lead)
        order.with_user(self.salesman).action_confirm()
        for partner in (self.customer, self.contact):
            self.assertEqual(partner.customer_status, "customer")
            self.assertEqual(partner.last_purchase_date, date(2026, 5, 12))
            self.assertEqual(partner.customer_since, date(2026, 5, 12))
        event = self._events()
        self.assertEqual(event.event_type, "new")
        self.assertEqual(event.sale_order_id, order)
        self.assertEqual(event.lead_id, self.lead)
        self.assertEqual(event.user_id, self.salesman)
        self.assertEqual(event.date, date(2026, 5, 12))

    def test_repeat_order_moves_the_last_purchase(self):
        with freeze_time("2026-01-05"):
            self._order().with_user(self.salesman).action_confirm()
        with freeze_time("2026-04-20"):
            self._order().with_user(self.salesman).action_confirm()
        self.assertEqual(self.customer.customer_since, date(2026, 1, 5))
        self.assertEqual(self.customer.last_purchase_date, date(2026, 4, 20))
        self.assertEqual(len(self._events()), 1, "still the same customer")

    def test_lost_customer_ordering_again_is_won_back(self):
        with freeze_time("2024-02-01"):
            self._order().with_user(self.salesman).action_confirm()
        with freeze_time("2025-02-10"):
            self._classify()
        self.assertEqual(self.customer.customer_status, "lost")
        with freeze_time("2026-03-03"):
            self._order(lead=self.lead).with_user(self.salesman).action_confirm()
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertFalse(self.customer.churn_date)
        self.assertEqual(self.customer.last_purchase_date, date(2026, 3, 3))
        self.assertEqual(self.customer.customer_since, date(2024, 2, 1))
        last = self._events()[-1]
        self.assertEqual((last.old_status, last.event_type), ("lost", "won_back"))

    def test_at_risk_customer_ordering_again_is_won_back(self):
        with freeze_time("2025-06-01"):
            self._order().with_user(self.salesman).action_confirm()
        with freeze_time("2026-01-10"):
            self._classify()
            self.assertEqual(self.customer.customer_status, "at_risk")
            self._order().with_user(self.salesman).action_confirm()
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self._events()[-1].event_type, "won_back")

    def test_quotation_is_not_a_purchase(self):
        self._order(lead=self.lead).with_user(self.salesman).action_quotation_sent()
        self.assertEqual(self.customer.customer_status, "prospect")
        self.assertFalse(self.customer.last_purchase_date)

    def test_won_opportunity_is_not_a_purchase_when_orders_count(self):
        self.lead.action_set_won()
        self.assertEqual(self.lead.prospect_temperature, "hot")
        self.assertEqual(self.customer.customer_status, "prospect")

    def test_won_opportunities_count_when_the_setting_says_so(self):
        self._set_source("lead")
        self._order().with_user(self.salesman).action_confirm()
        self.assertEqual(self.customer.customer_status, "prospect")
        self.lead.action_set_won()
        self.assertEqual(self.customer.customer_status, "customer")

    def test_cancelled_order_is_no_purchase_any_more(self):
        order = self._order()
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(self.customer.customer_status, "customer")
        order.with_user(self.salesman).action_cancel()
        self.assertEqual(self.customer.customer_status, "prospect")
        self.assertFalse(self.customer.last_purchase_date)
        self.assertFalse(self._events(), "the customer never was")

    def test_settings_offer_the_three_sources(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.grc_purchase_source, "sale_order")
        settings.grc_purchase_source = "invoice"
        settings.execute()
        self.assertEqual(self.env["res.partner"]._grc_purchase_source(), "invoice")


@tagged("post_install", "-at_install")
class TestInvoicePurchases(GrcSaleCase):
    """With the setting on invoices, posted customer invoices are the
    purchases and credit notes cancel them."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls._set_source("invoice")
        cls.invoicing_user = cls.env["res.users"].create(
            {
                "name": "Ivy Invoicing",
                "login": "grc_sale_invoicing",
                "group_ids": [
                    Command.set(
                        [
                            cls.env.ref("account.group_account_invoice").id,
                            cls.env.ref("sales_team.group_sale_salesman").id,
                        ]
                    )
                ],
            }
        )

    def _invoice(self, invoice_date, move_type="out_invoice", amount=100.0):
        return (
            self.env["account.move"]
            .with_user(self.invoicing_user)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": self.contact.id,
                    "invoice_date": invoice_date,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )

    def test_confirmed_order_does_not_count(self):
        self._order().with_user(self.salesman).action_confirm()
        self.assertEqual(self.customer.customer_status, "prospect")

    def test_posted_invoice_makes_a_customer(self):
        invoice = self._invoice(date(2026, 2, 14))
        self.assertEqual(self.customer.customer_status, "prospect", "draft")
        invoice.action_post()
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.last_purchase_date, date(2026, 2, 14))
        event = self.env["sales.customer.status.event"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(event.invoice_id, invoice)

    def test_invoice_reset_to_draft_is_no_purchase(self):
        invoice = self._invoice(date(2026, 2, 14))
        invoice.action_post()
        invoice.button_draft()
        self.assertEqual(self.customer.customer_status, "prospect")

    def test_credit_note_cancels_the_invoice(self):
        first = self._invoice(date(2026, 1, 10))
        first.action_post()
        second = self._invoice(date(2026, 2, 14))
        second.action_post()
        self.assertEqual(self.customer.last_purchase_date, date(2026, 2, 14))
        wizard = (
            self.env["account.move.reversal"]
            .with_user(self.invoicing_user)
            .with_context(active_model="account.move", active_ids=second.ids)
            .create({"journal_id": second.journal_id.id, "date": date(2026, 2, 20)})
        )
        wizard.refund_moves()
        refund = second.reversal_move_ids
        refund.action_post()
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.last_purchase_date, date(2026, 1, 10))

    def test_credit_note_of_the_only_invoice_leaves_a_prospect(self):
        invoice = self._invoice(date(2026, 2, 14))
        invoice.action_post()
        refund = invoice._reverse_moves(cancel=True)
        self.assertEqual(refund.state, "posted")
        self.assertEqual(self.customer.customer_status, "prospect")
        self.assertFalse(self.customer.last_purchase_date)

    def test_partial_credit_note_keeps_the_purchase(self):
        invoice = self._invoice(date(2026, 2, 14))
        invoice.action_post()
        refund = self._invoice(date(2026, 2, 20), move_type="out_refund", amount=30.0)
        refund.reversed_entry_id = invoice
        refund.action_post()
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.last_purchase_date, date(2026, 2, 14))


@tagged("post_install", "-at_install")
class TestHistoryFromOrders(GrcSaleCase):
    """The post-install hook rebuilds the history from the existing orders."""

    def _confirmed_in_the_past(self, partner, when):
        order = self._order(partner=partner)
        # as if confirmed before the bridge was installed: no reaction
        self.env.cr.execute(
            "UPDATE sale_order SET state = 'sale', date_order = %s WHERE id = %s",
            (when, order.id),
        )
        order.invalidate_recordset(["state", "date_order"])
        return order

    @freeze_time("2026-06-15")
    def test_history_rebuilt_from_orders(self):
        partners = self.env["res.partner"].create(
            [
                {"name": "Recent Buyer", "is_company": True},
                {"name": "Quiet Buyer", "is_company": True},
                {"name": "Gone Buyer", "is_company": True},
            ]
        )
        recent, quiet, gone = partners
        self._confirmed_in_the_past(recent, datetime(2026, 1, 10, 10))
        self._confirmed_in_the_past(recent, datetime(2026, 5, 2, 10))
        self._confirmed_in_the_past(quiet, datetime(2025, 10, 1, 10))
        self._confirmed_in_the_past(gone, datetime(2025, 3, 1, 10))
        self.env["res.partner"]._grc_init_customers_from_documents()
        self.assertEqual(
            partners.mapped("customer_status"), ["customer", "at_risk", "lost"]
        )
        self.assertEqual(recent.customer_since, date(2026, 1, 10))
        self.assertEqual(recent.last_purchase_date, date(2026, 5, 2))
        self.assertEqual(gone.churn_date, date(2026, 3, 1))
        events = self.env["sales.customer.status.event"].search(
            [("partner_id", "=", gone.id)], order="date"
        )
        self.assertEqual(
            [(event.date, event.new_status) for event in events],
            [
                (date(2025, 3, 1), "customer"),
                (date(2025, 8, 28), "at_risk"),
                (date(2026, 3, 1), "lost"),
            ],
        )
        # running it again changes nothing
        count = self.env["sales.customer.status.event"].search_count([])
        self.env["res.partner"]._grc_init_customers_from_documents()
        self.assertEqual(
            self.env["sales.customer.status.event"].search_count([]), count
        )
        self.assertEqual(
            partners.mapped("customer_status"), ["customer", "at_risk", "lost"]
        )

    @freeze_time("2026-06-15")
    def test_lost_customer_with_a_later_order_is_won_back(self):
        with freeze_time("2024-01-10"):
            self._order().with_user(self.salesman).action_confirm()
        with freeze_time("2025-02-01"):
            self._classify()
        self.assertEqual(self.customer.customer_status, "lost")
        self._confirmed_in_the_past(self.customer, datetime(2026, 4, 1, 9))
        self.env["res.partner"]._grc_init_customers_from_documents()
        self.assertEqual(self.customer.customer_status, "customer")
        self.assertEqual(self.customer.last_purchase_date, date(2026, 4, 1))
