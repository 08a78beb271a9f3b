# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.sales_process_grc.tests.automation_common import (
    switch_off_sales_automation,
)

from .common import GrcSaleCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestSalePerformance(GrcSaleCase):
    """Confirming orders at once costs the sales process a constant number of
    queries: the offer steps, the hot leads and their notes, the purchases of
    the customers and their status events are each written in batch."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        # the automation rules (one activity per hot lead...) cost what the
        # admin configured; they are measured by the main addon's tests
        switch_off_sales_automation(cls.env)

    def _orders(self, count):
        customers = self.env["res.partner"].create(
            [{"name": f"Batch Customer {i}", "is_company": True} for i in range(count)]
        )
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Batch Lead {i}",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": self.salesman.id,
                }
                for i, customer in enumerate(customers)
            ]
        )
        orders = (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                [
                    {
                        "partner_id": customer.id,
                        "opportunity_id": lead.id,
                        "order_line": [
                            Command.create(
                                {"product_id": self.product.id, "price_unit": 50.0}
                            )
                        ],
                    }
                    for customer, lead in zip(customers, leads, strict=True)
                ]
            )
        )
        return orders, leads, customers

    def _confirm_reaction_queries(self, count):
        """Queries of the bridge's reaction to ``count`` orders just confirmed
        (the state written as sale's action_confirm does, without the rest of
        sale's confirmation, which is not ours)."""
        orders, leads, customers = self._orders(count)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE sale_order SET state = 'sale', date_order = now() "
                "WHERE id IN %s",
                tuple(orders.ids),
            )
        )
        self.env.invalidate_all()
        orders = orders.with_user(self.salesman)
        queries_before = self.cr.sql_log_count
        orders._grc_state_changed(dict.fromkeys(orders.ids, "draft"))
        self.env.flush_all()
        queries = self.cr.sql_log_count - queries_before
        _logger.info("Reaction to %s confirmed orders: %s queries", count, queries)
        self.assertEqual(set(leads.mapped("prospect_temperature")), {"hot"})
        self.assertEqual(set(customers.mapped("customer_status")), {"customer"})
        self.assertEqual(
            self.env["sales.customer.status.event"].search_count(
                [("sale_order_id", "in", orders.ids)]
            ),
            count,
        )
        return queries

    def test_confirming_100_orders_costs_as_much_as_10(self):
        # a first batch warms the caches (record rules, parameters, defaults)
        self._confirm_reaction_queries(5)
        ten = self._confirm_reaction_queries(10)
        hundred = self._confirm_reaction_queries(100)
        self.assertEqual(ten, hundred)
        # the budget: offer lines (search, write, recompute of the leads), hot
        # leads (write, notes, tracking values), purchases (one write of the
        # entities and their contacts), status events (search, close, insert).
        # Measured: 27 with crm and sale, with or without mass_mailing (the
        # test logs it).
        self.assertLessEqual(hundred, 30)
