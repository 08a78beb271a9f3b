# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportAttrition(models.AbstractModel):
    """The attrition report gains the revenue figures next to the customer
    counts: revenue of the customers at start, revenue lost, revenue churn and
    gross revenue retention."""

    _inherit = "report.sales_process_grc.report_attrition"

    @api.model
    def _get_monthly_figures(self, months, companies):
        monthly = super()._get_monthly_figures(months, companies)
        snapshot_model = self.env["sales.attrition.snapshot"]
        for values in monthly:
            figures = snapshot_model._grc_revenue_month_figures(
                values["date_start"], companies
            )
            values["revenue_start"] = sum(
                company["revenue_start"] for company in figures.values()
            )
            values["revenue_lost"] = sum(
                company["revenue_lost"] for company in figures.values()
            )
            values["revenue_churn_rate"], values["gross_revenue_retention"] = (
                snapshot_model._grc_revenue_rates(
                    values["revenue_lost"], values["revenue_start"]
                )
            )
        return monthly

    @api.model
    def _get_attrition(self, months, companies):
        data = super()._get_attrition(months, companies)
        monthly, totals = data["months"], data["totals"]
        totals["revenue_start"] = monthly[0]["revenue_start"] if monthly else 0.0
        totals["revenue_lost"] = sum(month["revenue_lost"] for month in monthly)
        totals["revenue_churn_rate"], totals["gross_revenue_retention"] = self.env[
            "sales.attrition.snapshot"
        ]._grc_revenue_rates(totals["revenue_lost"], totals["revenue_start"])
        data["revenue_currency"] = (
            companies[:1].currency_id or self.env.company.currency_id
        )
        return data
