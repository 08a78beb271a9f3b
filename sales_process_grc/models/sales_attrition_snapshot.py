# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from .grc_cron import CronStep, run_cron_steps
from .sales_customer_status_event import MONTH_FIGURES

RATE_AGGREGATES = (
    "attrition_rate:avg",
    "retention_rate:avg",
    "attrition_rate_annual:avg",
)


def attrition_rates(lost, start):
    """(attrition, retention) rates in % of ``lost`` customers out of the
    ``start`` customers of a period: the one formula of the addon (snapshots,
    attrition report), like ``percentage_sql`` in SQL."""
    if not start:
        return 0.0, 0.0
    attrition = lost * 100.0 / start
    return attrition, max(100.0 - attrition, 0.0)


def period_figures(start, new, won_back_lost, lost):
    """Customers at the end of a period and its rates, from its movements:
    the one place that derives them (snapshots, attrition report).

    :return: dict of customers_end, attrition_rate, retention_rate and
        attrition_rate_annual (0 without customers at start)
    """
    attrition, retention = attrition_rates(lost, start)
    return {
        "customers_end": start + new + won_back_lost - lost,
        "attrition_rate": attrition,
        "retention_rate": retention,
        "attrition_rate_annual": annualise_attrition(attrition) if start else 0.0,
    }


def percentage_sql(part, whole):
    """SQL of ``part`` in % of ``whole`` (0 when ``whole`` is 0 or NULL)."""
    return SQL("COALESCE(%s * 100.0 / NULLIF(%s, 0), 0)", part, whole)


def annualise_attrition(monthly_rate):
    """Annual attrition (%) of a monthly attrition rate (%) kept for twelve
    months: 100 x (1 - (1 - monthly)^12)."""
    remaining = max(1.0 - monthly_rate / 100.0, 0.0)
    return 100.0 * (1.0 - remaining**12)


def rate_aggregate_sql(model, aggregate_spec, query):
    """SQL of the attrition and retention rates of a group of rows: computed
    from the sums of lost customers and customers at start (a weighted rate),
    not as the average of the rates of the rows. The annualised rate is the
    one of the group's (average) monthly rate."""
    start = SQL("SUM(%s)", model._field_to_sql(model._table, "customers_start", query))
    lost = SQL("SUM(%s)", model._field_to_sql(model._table, "customers_lost", query))
    attrition = percentage_sql(lost, start)
    if aggregate_spec == "attrition_rate:avg":
        return attrition
    if aggregate_spec == "attrition_rate_annual:avg":
        return SQL("100.0 * (1 - POWER(GREATEST(1 - %s / 100.0, 0), 12))", attrition)
    return SQL(
        "CASE WHEN %s > 0 THEN GREATEST(100.0 - %s, 0) ELSE 0 END", start, attrition
    )


class SalesAttritionSnapshot(models.Model):
    """Customer base movements of one company over one month.

    Snapshots are computed from the customer status events, set-based: two
    grouped queries per month whatever the number of partners.
    """

    _name = "sales.attrition.snapshot"
    _description = "Monthly Attrition Snapshot"
    _order = "date_start desc, company_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", help="Month and company.")
    date_start = fields.Date(
        string="Month",
        required=True,
        index=True,
        readonly=True,
        help="First day of the month.",
    )
    date_end = fields.Date(required=True, readonly=True, help="Last day of the month.")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        help="Company whose customer base is measured.",
    )
    customers_start = fields.Integer(
        string="Customers at Start",
        readonly=True,
        help="Customers (active or at risk) on the first day of the month.",
    )
    customers_new = fields.Integer(
        string="New Customers",
        readonly=True,
        help="Prospects who became customers during the month.",
    )
    customers_lost = fields.Integer(
        string="Lost Customers",
        readonly=True,
        help="Customers who were lost during the month.",
    )
    customers_won_back = fields.Integer(
        string="Won Back Customers",
        readonly=True,
        help="At-risk or lost customers who bought again during the month.",
    )
    customers_end = fields.Integer(
        string="Customers at End",
        compute="_compute_rates",
        store=True,
        help="Customers at start + new + won back from lost - lost.",
    )
    customers_won_back_lost = fields.Integer(
        string="Won Back from Lost",
        readonly=True,
        help="Lost customers who bought again during the month (they come back "
        "into the customer base; won back at-risk customers never left it).",
    )
    attrition_rate = fields.Float(
        string="Attrition Rate (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Lost customers / customers at start x 100 (0 when there was no "
        "customer at start).",
    )
    retention_rate = fields.Float(
        string="Retention Rate (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="100 - attrition rate (0 when there was no customer at start).",
    )
    attrition_rate_annual = fields.Float(
        string="Annualised Attrition (%)",
        compute="_compute_rates",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Share of the customers lost in a year if the monthly attrition "
        "rate stayed the same: 100 x (1 - (1 - monthly rate)^12).",
    )

    _month_company_uniq = models.Constraint(
        "UNIQUE(date_start, company_id)",
        "There can be only one attrition snapshot per month and company.",
    )

    @api.depends("date_start", "company_id")
    def _compute_name(self):
        for snapshot in self:
            month = snapshot.date_start and snapshot.date_start.strftime("%Y-%m")
            snapshot.name = f"{month or ''} - {snapshot.company_id.name or ''}"

    @api.depends(
        "customers_start",
        "customers_new",
        "customers_lost",
        "customers_won_back_lost",
    )
    def _compute_rates(self):
        for snapshot in self:
            snapshot.update(
                period_figures(
                    snapshot.customers_start,
                    snapshot.customers_new,
                    snapshot.customers_won_back_lost,
                    snapshot.customers_lost,
                )
            )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in RATE_AGGREGATES:
            return rate_aggregate_sql(self, aggregate_spec, query)
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def _month_start(self, day):
        return fields.Date.to_date(day).replace(day=1)

    @api.model
    def _months_between(self, date_from, date_to):
        """First days of the months from date_from's to date_to's, included."""
        month = self._month_start(date_from)
        last = self._month_start(date_to)
        months = []
        while month <= last:
            months.append(month)
            month += relativedelta(months=1)
        return months

    @api.model
    def _compute_month_figures(self, month_start, companies):
        """Figures of one month for the given companies, in two grouped queries.

        :return: {company_id: {field name: value}} for the companies that had
            customers or movements during the month
        """
        month_end = month_start + relativedelta(months=1, days=-1)
        figures = self.env["sales.customer.status.event"]._period_figures(
            month_start, month_end, companies, "company_id"
        )
        return {company.id: values for company, values in figures.items()}

    @api.model
    def _compute_snapshots(self, month_starts, companies=None):
        """Create or update the snapshots of the given months and companies
        (default: all the companies).

        Re-running gives the same records (one per month and company), so an
        interrupted run can simply be started again.
        """
        month_starts = sorted({self._month_start(month) for month in month_starts})
        if companies is None:
            # a handful of records  # pylint: disable=no-search-all
            companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        if not month_starts or not companies:
            return self.browse()
        existing = self.search(
            [
                ("date_start", "in", month_starts),
                ("company_id", "in", companies.ids),
            ]
        )
        existing_by_key = {(s.date_start, s.company_id.id): s for s in existing}
        to_create = []
        snapshots = self.browse()
        for month_start in month_starts:
            figures = self._compute_month_figures(month_start, companies)
            # reset the figures of existing snapshots that have no more data
            for (date_start, company_id), _snapshot in existing_by_key.items():
                if date_start == month_start and company_id not in figures:
                    figures[company_id] = dict.fromkeys(MONTH_FIGURES, 0)
            for company_id, values in figures.items():
                snapshot = existing_by_key.get((month_start, company_id))
                if snapshot:
                    snapshot.write(values)
                    snapshots |= snapshot
                else:
                    to_create.append(
                        {
                            **values,
                            "date_start": month_start,
                            "date_end": month_start + relativedelta(months=1, days=-1),
                            "company_id": company_id,
                        }
                    )
        return snapshots | self.create(to_create)

    @api.model
    def _compute_history_snapshots(self, max_months=120):
        """Snapshots of every month from the first status change to the
        previous month (at most the last ``max_months``)."""
        first_event = self.env["sales.customer.status.event"].search(
            [], order="date asc", limit=1
        )
        if not first_event:
            return self.browse()
        previous_month = self._month_start(
            fields.Date.context_today(self) - relativedelta(months=1)
        )
        first_month = max(
            self._month_start(first_event.date),
            previous_month - relativedelta(months=max_months - 1),
        )
        return self._compute_snapshots(
            self._months_between(first_month, previous_month)
        )

    @api.model
    def _cron_compute_snapshots(self):
        """Compute every missing month up to the previous one, one month per batch.

        Starts after the last computed month (or at the first status event), so
        months missed while the server was down are filled in; the previous
        month is always recomputed to include late changes. The months are
        the units of the addon's cron batching (see ``grc_cron``): each one
        is committed, the run stops when the cron's time is up and the next
        one starts again at the last computed month.
        """
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        previous_month = self._month_start(
            fields.Date.context_today(self) - relativedelta(months=1)
        )
        last = self.search([], order="date_start desc", limit=1)
        months = []
        if last:
            first_month = min(last.date_start, previous_month)
            months = self._months_between(first_month, previous_month)
        else:
            first_event = self.env["sales.customer.status.event"].search(
                [], order="date asc", limit=1
            )
            if first_event:
                first_month = self._month_start(first_event.date)
                months = self._months_between(first_month, previous_month)
        run_cron_steps(
            self.env,
            [
                CronStep(
                    units=months,
                    process=lambda batch: self._compute_snapshots(batch, companies),
                )
            ],
            batch_size=1,
        )
