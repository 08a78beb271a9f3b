# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesLeadObjection(models.Model):
    """An objection a customer raised on a lead, and how it was answered."""

    _name = "sales.lead.objection"
    _description = "Lead Objection"
    _order = "id"
    _rec_name = "objection_type_id"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Lead or opportunity on which the customer raised the objection.",
    )
    objection_type_id = fields.Many2one(
        "sales.objection.type",
        string="Objection",
        required=True,
        index=True,
        ondelete="restrict",
        help="Kind of objection, from the catalogue.",
    )
    recommended_answer = fields.Html(related="objection_type_id.recommended_answer")
    statement = fields.Text(
        string="Customer Said",
        help="What the customer said, in their own words.",
    )
    answer = fields.Text(
        string="Answer Given", help="How the salesperson answered the objection."
    )
    resolved = fields.Boolean(
        help="The customer accepted the answer; the objection no longer blocks "
        "the sale.",
    )
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    user_id = fields.Many2one(
        related="lead_id.user_id", string="Salesperson", store=True
    )
    team_id = fields.Many2one(related="lead_id.team_id", store=True)
    lead_won_status = fields.Selection(related="lead_id.won_status", string="Status")
    win_rate = fields.Float(
        compute="_compute_win_rate",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 when the lead was won, 0 otherwise: averaged in the analysis "
        "it gives the win rate of leads that raised the objection.",
    )

    # and the lead's won status: crm.lead._grc_won_status_changed
    @api.depends("lead_id")
    def _compute_win_rate(self):
        for objection in self:
            objection.win_rate = 100.0 if objection.lead_id.won_status == "won" else 0.0

    def write(self, vals):
        # An objection belongs to its lead for good: moving it to another lead
        # would bypass the record rules checked on that lead.
        if "lead_id" in vals and any(
            objection.lead_id.id != vals["lead_id"] for objection in self
        ):
            raise UserError(self.env._("An objection cannot be moved to another lead."))
        return super().write(vals)
