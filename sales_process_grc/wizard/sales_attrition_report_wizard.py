# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# A bar per month must stay readable on a portrait page.
MAX_REPORT_MONTHS = 36


class SalesAttritionReportWizard(models.TransientModel):
    """Choose the months of the attrition report (taux d'attrition)."""

    _name = "sales.attrition.report.wizard"
    _description = "Attrition Report"

    date_from = fields.Date(
        string="From Month",
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=12),
        help="Any day of the first month of the report.",
    )
    date_to = fields.Date(
        string="To Month",
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
        help="Any day of the last month of the report.",
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        help="Companies whose customer base is reported; empty means the "
        "companies currently selected.",
    )

    @api.constrains("date_from", "date_to")
    def _check_range(self):
        for wizard in self:
            wizard._check_months()

    def _check_months(self):
        """Refuse an empty, inverted or too long range of months."""
        self.ensure_one()
        if not self.date_from or not self.date_to:
            raise ValidationError(
                self.env._("Choose the first and the last month of the report.")
            )
        if self.date_from > self.date_to:
            raise ValidationError(
                self.env._(
                    "The first month of the report must be before its last month."
                )
            )
        if len(self._get_months()) > MAX_REPORT_MONTHS:
            raise ValidationError(
                self.env._(
                    "The attrition report covers at most %(max)s months.",
                    max=MAX_REPORT_MONTHS,
                )
            )

    def _get_months(self):
        """First days of the months of the range, in order."""
        self.ensure_one()
        return self.env["sales.attrition.snapshot"]._months_between(
            self.date_from, self.date_to
        )

    def _get_companies(self):
        self.ensure_one()
        return self.company_ids or self.env.companies

    def action_print(self):
        self.ensure_one()
        self._check_months()
        return self.env.ref("sales_process_grc.action_report_attrition").report_action(
            self
        )
