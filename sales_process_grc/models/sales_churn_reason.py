# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
