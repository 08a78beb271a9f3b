# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

MAX_MONTHS = 120


class SalesAttritionRecomputeWizard(models.TransientModel):
    _name = "sales.attrition.recompute.wizard"
    _description = "Recompute Attrition Snapshots"

    date_from = fields.Date(
        string="From Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=12),
        help="Any day of the first month to recompute.",
    )
    date_to = fields.Date(
        string="To Month",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
        help="Any day of the last month to recompute.",
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        help="Companies whose snapshots are recomputed.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The first month must be before the last month.")
                )
            months = self.env["sales.attrition.snapshot"]._months_between(
                wizard.date_from, wizard.date_to
            )
            if len(months) > MAX_MONTHS:
                raise ValidationError(
                    self.env._(
                        "You can recompute at most %(max)s months at once.",
                        max=MAX_MONTHS,
                    )
                )

    def action_recompute(self):
        self.ensure_one()
        companies = self.company_ids or self.env.companies
        if companies - self.env.companies:
            raise AccessError(
                self.env._(
                    "You can only recompute the snapshots of the companies you "
                    "are working in: %(companies)s.",
                    companies=", ".join(self.env.companies.mapped("name")),
                )
            )
        # sudo: snapshots are figures computed from the status history, read
        # only for everyone; the wizard (Sales Administrators) recomputes them
        snapshot_model = self.env["sales.attrition.snapshot"].sudo()
        months = snapshot_model._months_between(self.date_from, self.date_to)
        snapshots = snapshot_model._compute_snapshots(months, companies)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_process_grc.sales_attrition_snapshot_action"
        )
        action["domain"] = [("id", "in", snapshots.ids)]
        return action
