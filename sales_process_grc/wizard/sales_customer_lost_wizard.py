# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesCustomerLostWizard(models.TransientModel):
    _name = "sales.customer.lost.wizard"
    _description = "Mark a Customer as Lost"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        help="Customer (its company when a contact is chosen) to mark as lost.",
    )
    churn_reason_id = fields.Many2one(
        "sales.churn.reason",
        required=True,
        help="Why the customer left.",
    )
    note = fields.Text(help="What happened, for the customer history.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "partner_id" in fields_list
            and not values.get("partner_id")
            and self.env.context.get("active_model") == "res.partner"
            and self.env.context.get("active_id")
        ):
            values["partner_id"] = self.env.context["active_id"]
        return values

    def action_mark_lost(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        partner._grc_check_status_rights()
        if partner.customer_status == "lost":
            raise UserError(
                self.env._("%(customer)s is already lost.", customer=partner.name)
            )
        if partner.customer_status not in ("customer", "at_risk"):
            raise UserError(
                self.env._(
                    "%(partner)s has never bought anything: only customers can be "
                    "marked as lost.",
                    partner=partner.name,
                )
            )
        partner._grc_set_customer_status(
            "lost", reason=self.churn_reason_id, note=self.note
        )
        body = Markup("%s<br/>%s") % (
            self.env._(
                "Customer marked as lost: %(reason)s", reason=self.churn_reason_id.name
            ),
            self.note or "",
        )
        partner.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window_close"}
