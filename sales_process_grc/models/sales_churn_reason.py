# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesChurnReason(models.Model):
    _name = "sales.churn.reason"
    _description = "Churn Reason"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        translate=True,
        help="Why a customer stopped buying (price, competitor, inactivity...).",
    )
    sequence = fields.Integer(default=10, help="Order of the reasons in lists.")
    active = fields.Boolean(
        default=True,
        help="Archive a reason to stop proposing it without losing history.",
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_use(self):
        """A reason given for a lost customer is part of the history: refuse
        with a clear message instead of the database's foreign key error.
        sudo: the customers and their history may belong to companies the
        manager does not see; the reason is still in use."""
        used = (
            self.env["sales.customer.status.event"]
            .sudo()
            .search([("churn_reason_id", "in", self.ids)], limit=1)
            .churn_reason_id
        ) or (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search([("churn_reason_id", "in", self.ids)], limit=1)
            .churn_reason_id
        )
        if used:
            raise UserError(
                self.env._(
                    "The churn reason %(reason)s is used in the history of some "
                    "customers and cannot be deleted. Archive it instead.",
                    reason=used.name,
                )
            )
