# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SalesCustomerStatusEvent(models.Model):
    _inherit = "sales.customer.status.event"

    sale_order_id = fields.Many2one(
        "sale.order",
        ondelete="set null",
        index="btree_not_null",
        help="Confirmed sale order that made the partner a customer.",
    )
    invoice_id = fields.Many2one(
        "account.move",
        ondelete="set null",
        index="btree_not_null",
        help="Posted customer invoice that made the partner a customer.",
    )
