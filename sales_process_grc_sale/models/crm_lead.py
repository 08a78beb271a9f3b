# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    offer_order_id = fields.Many2one(
        "sale.order",
        string="Offer Quotation",
        compute="_compute_offer_order",
        compute_sudo=True,
        help="The quotation that is the offer of the sales interview: the last "
        "one sent or confirmed.",
    )
    offer_amount = fields.Monetary(
        compute="_compute_offer_order",
        compute_sudo=True,
        currency_field="offer_currency_id",
        help="Untaxed amount of the offer quotation.",
    )
    offer_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_offer_order",
        compute_sudo=True,
        help="Currency of the offer quotation.",
    )
    offer_payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Offer Payment Terms",
        compute="_compute_offer_order",
        compute_sudo=True,
        help="Payment terms of the offer quotation.",
    )
    offer_delivery_date = fields.Datetime(
        compute="_compute_offer_order",
        compute_sudo=True,
        help="Delivery date of the offer quotation: the date promised to the "
        "customer, else the expected date.",
    )

    @api.depends(
        "order_ids.state",
        "order_ids.date_order",
        "order_ids.amount_untaxed",
        "order_ids.payment_term_id",
        "order_ids.commitment_date",
        "order_ids.expected_date",
    )
    def _compute_offer_order(self):
        for lead in self:
            offers = lead.order_ids.filtered(
                lambda order: order.state in ("sent", "sale")
            ).sorted(lambda order: (order.date_order, order.id), reverse=True)
            order = offers[:1]
            lead.offer_order_id = order
            lead.offer_amount = order.amount_untaxed
            lead.offer_currency_id = order.currency_id or lead.company_currency
            lead.offer_payment_term_id = order.payment_term_id
            lead.offer_delivery_date = order.commitment_date or order.expected_date

    def _grc_interview_sheet_orders(self):
        """Quotations and orders of the lead the current user may read, for the
        interview sheet, the newest first."""
        self.ensure_one()
        return (
            self.order_ids._filtered_access("read")
            .filtered(lambda order: order.state != "cancel")
            .sorted(lambda order: (order.date_order, order.id), reverse=True)
        )
