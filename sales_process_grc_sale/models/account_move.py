# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        if self.env["res.partner"]._grc_purchase_source() == "invoice":
            posted._grc_invoices_changed()
        return posted

    def button_draft(self):
        return self._grc_unposting(super().button_draft)

    def button_cancel(self):
        return self._grc_unposting(super().button_cancel)

    def _grc_unposting(self, unpost):
        """Run ``unpost`` (reset to draft, cancel): the invoices it takes out
        of the posted ones no longer count as purchases."""
        posted = self.filtered(lambda move: move.state == "posted")
        result = unpost()
        if self.env["res.partner"]._grc_purchase_source() == "invoice":
            posted._grc_invoices_changed(undone=True)
        return result

    def _grc_invoices_changed(self, undone=False):
        """Customer invoices posted are purchases; invoices reset or cancelled,
        and the invoices that posted credit notes cancel, are not any more."""
        invoices = self.filtered(lambda move: move.move_type == "out_invoice")
        refunds = self.filtered(lambda move: move.move_type == "out_refund")
        partner_model = self.env["res.partner"]
        if undone:
            if invoices:
                invoices.partner_id._grc_undo_document_purchases(invoices)
            if refunds:
                # the credited invoices count again
                refunds.partner_id.commercial_partner_id._grc_sync_purchases()
            return
        if invoices:
            partner_model._grc_register_purchases(
                [(invoice, invoice._grc_purchase_date()) for invoice in invoices]
            )
        credited = refunds.reversed_entry_id
        if credited:
            credited.partner_id._grc_undo_document_purchases(credited)

    def _grc_purchase_date(self):
        """Day of the purchase: the invoice date, never after today."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        return min(self.invoice_date or today, today)

    def _grc_purchase_event_values(self, entity):
        """Values of the status event when this invoice makes ``entity`` a
        customer."""
        self.ensure_one()
        return {
            **entity._grc_purchase_event_owner(self, self.invoice_user_id),
            "invoice_id": self.id,
        }

    @api.model
    def _grc_purchase_documents(self, entities=None):
        """Posted customer invoices of the commercial entities ``entities``
        (None: of everybody), except the ones their posted credit notes fully
        cancel."""
        domain = Domain("move_type", "=", "out_invoice") & Domain(
            "state", "=", "posted"
        )
        if entities is not None:
            domain &= Domain("commercial_partner_id", "in", entities.ids)
        invoices = self.sudo().search_fetch(
            domain,
            ["partner_id", "invoice_date", "amount_untaxed_signed"],
        )
        return invoices - invoices._grc_fully_credited()

    def _grc_fully_credited(self):
        """The invoices of ``self`` that posted credit notes cancel in full."""
        if not self:
            return self
        credited = defaultdict(float)
        for invoice, amount in self.sudo()._read_group(
            [
                ("reversed_entry_id", "in", self.ids),
                ("move_type", "=", "out_refund"),
                ("state", "=", "posted"),
            ],
            ["reversed_entry_id"],
            ["amount_untaxed_signed:sum"],
        ):
            credited[invoice.id] += -amount
        return self.filtered(
            lambda invoice: invoice.id in credited
            and invoice.company_currency_id.compare_amounts(
                credited[invoice.id], invoice.amount_untaxed_signed
            )
            >= 0
        )
