# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.sales_process_grc.models.sales_attrition_snapshot import (
    attrition_rates,
    percentage_sql,
)
from odoo.addons.sales_process_grc.models.sales_customer_status_event import (
    ACTIVE_CUSTOMER_STATUSES,
)

REVENUE_FIGURES = ("revenue_start", "revenue_lost")
REVENUE_RATE_AGGREGATES = ("revenue_churn_rate:avg", "gross_revenue_retention:avg")
# lost customers: their revenue over the year before their last purchase
LOOKBACK_MONTHS = 12


class SalesAttritionSnapshot(models.Model):
    _inherit = "sales.attrition.snapshot"

    currency_id = fields.Many2one(
        related="company_id.currency_id", help="Currency of the company."
    )
    revenue_start = fields.Monetary(
        string="Revenue of Customers at Start",
        readonly=True,
        help="Revenue of the customers at the start of the month over the 12 "
        "previous months (untaxed, of the purchases counted: won opportunities, "
        "sale orders or invoices).",
    )
    revenue_lost = fields.Monetary(
        readonly=True,
        help="Revenue of the customers lost during the month over the 12 months "
        "up to their last purchase.",
    )
    revenue_churn_rate = fields.Float(
        string="Revenue Churn (%)",
        compute="_compute_revenue_rates",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Revenue lost / revenue of the customers at start x 100 (0 without "
        "revenue at start): the revenue side of the attrition rate.",
    )
    gross_revenue_retention = fields.Float(
        string="Gross Revenue Retention (%)",
        compute="_compute_revenue_rates",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="100 - revenue churn (0 without revenue at start).",
    )

    @api.depends("revenue_start", "revenue_lost")
    def _compute_revenue_rates(self):
        for snapshot in self:
            snapshot.revenue_churn_rate, snapshot.gross_revenue_retention = (
                self._grc_revenue_rates(snapshot.revenue_lost, snapshot.revenue_start)
            )

    @api.model
    def _grc_revenue_rates(self, lost, start):
        """(revenue churn, gross revenue retention) in percent: the formula of
        the customer attrition, on amounts."""
        if not start or start <= 0:
            return 0.0, 0.0
        return attrition_rates(lost, start)

    def _read_group_select(self, aggregate_spec, query):
        # rates of a group: from the sums (weighted), like the attrition rate
        if aggregate_spec in REVENUE_RATE_AGGREGATES:
            start = SQL(
                "SUM(%s)", self._field_to_sql(self._table, "revenue_start", query)
            )
            lost = SQL(
                "SUM(%s)", self._field_to_sql(self._table, "revenue_lost", query)
            )
            churn = percentage_sql(lost, start)
            if aggregate_spec == "revenue_churn_rate:avg":
                return churn
            return SQL(
                "CASE WHEN %s > 0 THEN GREATEST(100.0 - %s, 0) ELSE 0 END", start, churn
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def _compute_snapshots(self, month_starts, companies=None):
        snapshots = super()._compute_snapshots(month_starts, companies)
        # a snapshot recomputed without customers any more (its figures reset
        # to 0) has no revenue either
        snapshots.filtered(
            lambda snapshot: not snapshot.customers_start and snapshot.revenue_start
        ).revenue_start = 0.0
        snapshots.filtered(
            lambda snapshot: not snapshot.customers_lost and snapshot.revenue_lost
        ).revenue_lost = 0.0
        return snapshots

    @api.model
    def _compute_month_figures(self, month_start, companies):
        figures = super()._compute_month_figures(month_start, companies)
        revenue = self._grc_revenue_month_figures(month_start, companies)
        for company_id, values in figures.items():
            values.update(revenue.get(company_id, dict.fromkeys(REVENUE_FIGURES, 0.0)))
        return figures

    @api.model
    def _grc_revenue_month_figures(self, month_start, companies):
        """{company id: {revenue_start, revenue_lost}} of one month, in four
        grouped queries whatever the number of customers."""
        month_end = month_start + relativedelta(months=1, days=-1)
        events = self.env["sales.customer.status.event"].sudo()
        company_domain = Domain("company_id", "in", companies.ids)
        at_start = events._read_group(
            company_domain
            & Domain("date", "<", month_start)
            & (Domain("date_next", "=", False) | Domain("date_next", ">=", month_start))
            & Domain("new_status", "in", ACTIVE_CUSTOMER_STATUSES),
            ["company_id", "partner_id"],
        )
        lost = events._read_group(
            company_domain
            & Domain("date", ">=", month_start)
            & Domain("date", "<=", month_end)
            & Domain("event_type", "=", "lost"),
            ["company_id", "partner_id"],
            ["date:max"],
        )
        partner_model = self.env["res.partner"]
        result = defaultdict(lambda: dict.fromkeys(REVENUE_FIGURES, 0.0))
        if at_start:
            start_pairs = {(company.id, partner.id) for company, partner in at_start}
            revenue = partner_model._grc_revenue(
                month_start - relativedelta(months=LOOKBACK_MONTHS),
                month_start - relativedelta(days=1),
                companies,
                [partner.id for _company, partner in at_start],
            )
            for (company_id, partner_id), amount in revenue.items():
                if (company_id, partner_id) in start_pairs:
                    result[company_id]["revenue_start"] += amount
        if lost:
            lost_dates = {
                (company.id, partner.id): date for company, partner, date in lost
            }
            # at most lost_days before the loss, plus the year before that
            _at_risk_days, lost_days = partner_model._grc_get_thresholds()
            daily = partner_model._grc_revenue(
                month_start - relativedelta(days=lost_days, months=LOOKBACK_MONTHS + 1),
                month_end,
                companies,
                [partner.id for _company, partner, _date in lost],
                by_day=True,
            )
            days_by_pair = defaultdict(list)
            for (company_id, partner_id, day), amount in daily.items():
                lost_date = lost_dates.get((company_id, partner_id))
                if lost_date and day <= lost_date:
                    days_by_pair[(company_id, partner_id)].append((day, amount))
            for (company_id, _partner_id), days in days_by_pair.items():
                purchase_days = [day for day, amount in days if amount > 0]
                if not purchase_days:
                    continue
                last = max(purchase_days)
                floor = last - relativedelta(months=LOOKBACK_MONTHS)
                result[company_id]["revenue_lost"] += sum(
                    amount for day, amount in days if floor < day <= last
                )
        return dict(result)
