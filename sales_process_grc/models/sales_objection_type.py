# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesObjectionType(models.Model):
    """A catalogue of the objections customers raise, with the answer the
    sales team recommends (step 5 of the interview: Discussion)."""

    _name = "sales.objection.type"
    _description = "Sales Objection Type"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help="Order in the catalogue.")
    recommended_answer = fields.Html(
        translate=True,
        help="How the salesperson is advised to answer this objection.",
    )
    active = fields.Boolean(default=True, help="Archived types can't be chosen.")
    objection_count = fields.Integer(
        compute="_compute_objection_count",
        help="How many times customers raised this objection.",
    )

    def _compute_objection_count(self):
        counts = dict(
            self.env["sales.lead.objection"]._read_group(
                [("objection_type_id", "in", self.ids)],
                ["objection_type_id"],
                ["__count"],
            )
        )
        for objection_type in self:
            objection_type.objection_count = counts.get(objection_type, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_use(self):
        # sudo: the objections may belong to leads of companies the manager
        # does not see; the type is still in use.
        used = (
            self.env["sales.lead.objection"]
            .sudo()
            .search([("objection_type_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "The objection type %(type)s is used on some leads and "
                    "cannot be deleted. Archive it instead.",
                    type=used.objection_type_id.name,
                )
            )
