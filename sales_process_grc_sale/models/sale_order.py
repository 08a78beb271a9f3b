# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain

QUOTATION_STATES = ("draft", "sent")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        # orders created confirmed (imports, integrations) are purchases too
        orders.filtered(lambda order: order.state != "draft")._grc_state_changed(
            dict.fromkeys(orders.ids, "draft")
        )
        return orders

    def write(self, vals):
        """Every move of a quotation goes through ``state``: sent (by email or
        marked sent), confirmed (by a salesperson or signed on the portal),
        cancelled. The sales process follows them, in batch."""
        if "state" not in vals and "signature" not in vals:
            return super().write(vals)
        old_states = {order.id: order.state for order in self}
        unsigned = (
            self.filtered(lambda order: not order.signature)
            if vals.get("signature")
            else self.browse()
        )
        result = super().write(vals)
        self._grc_state_changed(old_states)
        if unsigned:
            signed = unsigned.filtered(
                lambda order: order.signature and order.state in QUOTATION_STATES
            )
            signed._grc_make_leads_hot(signed=True)
        return result

    def _grc_state_changed(self, old_states):
        """React to the state changes of ``self`` (``old_states``: order id ->
        state before the change) with a constant number of queries."""
        sent = self.filtered(
            lambda order: order.state == "sent" and old_states[order.id] != "sent"
        )
        confirmed = self.filtered(
            lambda order: order.state == "sale" and old_states[order.id] != "sale"
        )
        cancelled = self.filtered(
            lambda order: order.state == "cancel" and old_states[order.id] != "cancel"
        )
        # a quotation sent, or confirmed without having been sent: the offer
        # was presented
        (sent | confirmed)._grc_mark_offer_presented()
        confirmed._grc_make_leads_hot()
        cancelled._grc_log_cancelled()
        if confirmed:
            self.env["res.partner"]._grc_register_purchases(
                [(order, order._grc_purchase_date()) for order in confirmed]
            )
        undone = cancelled.filtered(lambda order: old_states[order.id] == "sale")
        if undone and self.env["res.partner"]._grc_purchase_source() == "sale_order":
            undone.partner_id._grc_undo_document_purchases(undone)

    def _grc_mark_offer_presented(self):
        """The Offer step of the orders' opportunities is done, dated now: the
        moment the quotation is sent (or confirmed)."""
        leads = self.opportunity_id
        offer_step = self.env.ref(
            "sales_process_grc.interview_step_offer", raise_if_not_found=False
        )
        if not leads or not offer_step:
            return
        # sudo: the salesperson of the order may not be the lead's; the line
        # still records who did it (done_user_id is the current user)
        lines = (
            self.env["sales.interview.line"]
            .sudo()
            .search(
                [
                    ("lead_id", "in", leads.ids),
                    ("step_id", "=", offer_step.id),
                    ("state", "=", "todo"),
                ]
            )
        )
        lines.action_done()

    def _grc_make_leads_hot(self, signed=False):
        """The quote accepted (confirmed, or ``signed`` on the portal): the
        opportunities become hot, explained in their chatter with the
        quotation's number."""
        by_lead = {}
        for order in self.filtered("opportunity_id"):
            by_lead.setdefault(order.opportunity_id.id, order)
        if not by_lead:
            return
        reasons = {
            lead_id: self.env._("Quotation %(order)s signed", order=order.name)
            if signed
            else self.env._("Quotation %(order)s confirmed", order=order.name)
            for lead_id, order in by_lead.items()
        }
        leads = self.env["crm.lead"].sudo().browse(list(by_lead))
        leads._prospect_temperature_apply("hot", reasons)

    def _grc_log_cancelled(self):
        """A quotation cancelled is logged on its opportunity; it warms (and
        cools) nothing."""
        by_lead = {}
        for order in self.filtered("opportunity_id"):
            by_lead.setdefault(order.opportunity_id.id, []).append(order.name)
        if not by_lead:
            return
        bodies = {
            lead_id: self.env._(
                "Quotation %(orders)s cancelled", orders=", ".join(names)
            )
            for lead_id, names in by_lead.items()
        }
        self.env["crm.lead"].sudo().browse(list(by_lead))._message_log_batch(
            bodies=bodies
        )

    def _grc_purchase_date(self):
        """Day of the purchase: the order's date (the confirmation) in the
        user's time zone, never after today."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return min(fields.Date.context_today(self, self.date_order), today)

    def _grc_purchase_event_values(self, entity):
        """Values of the status event when this order makes ``entity`` a
        customer."""
        self.ensure_one()
        return {
            **entity._grc_purchase_event_owner(self, self.user_id),
            "lead_id": self.opportunity_id.id,
            "sale_order_id": self.id,
        }

    @api.model
    def _grc_purchase_documents(self, entities=None):
        """Confirmed sale orders of the commercial entities ``entities`` (None:
        of everybody)."""
        domain = Domain("state", "=", "sale")
        if entities is not None:
            domain &= Domain("partner_id.commercial_partner_id", "in", entities.ids)
        return self.sudo().search_fetch(
            domain, ["partner_id", "date_order", "company_id", "user_id", "team_id"]
        )
