# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.crm_lead import PROSPECT_TEMPERATURES
from ..models.sales_attrition_snapshot import percentage_sql
from ..models.sales_customer_status_event import ACTIVE_CUSTOMER_STATUSES

# Cohorts of the last three years (a cohort matrix is read over a few years)
# (fewer than 63 months: the view's ids are event id * 64 + months since)
COHORT_MAX_MONTHS = 36


class SalesCustomerCohortReport(models.Model):
    """Cohort retention: customers grouped by the month of their first
    purchase (the cohort) and followed month after month.

    One row per customer and month since its first purchase (0 = the month of
    the first purchase) up to the current month: ``customers_retained`` is 1
    when the customer is still in the customer base (customer or at risk) at
    the end of that month, from the customer status log. Pivot the cohort
    month against the months since to get the retention matrix; the retention
    rate of a cell is retained / customers of the cohort.
    """

    _name = "sales.customer.cohort.report"
    _description = "Customer Cohort Retention"
    _auto = False
    _order = "cohort_date desc, months_since"
    _rec_name = "cohort_date"
    _depends = {
        "sales.customer.status.event": [
            "partner_id",
            "company_id",
            "date",
            "date_next",
            "new_status",
            "event_type",
            "user_id",
            "team_id",
            "lead_id",
        ],
        "crm.lead": ["won_prospect_temperature"],
    }

    cohort_date = fields.Date(
        string="Cohort", readonly=True, help="Month of the customer's first purchase."
    )
    months_since = fields.Integer(
        string="Months Since First Purchase",
        readonly=True,
        aggregator=False,
        help="0: the month of the first purchase.",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        readonly=True,
        help="Salesperson who made the first sale.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        readonly=True,
        help="Sales team that made the first sale.",
    )
    win_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        string="Temperature When Won",
        readonly=True,
        help="Temperature of the prospect when its first opportunity was won; "
        "empty: not qualified.",
    )
    customers_cohort = fields.Integer(
        string="Customers of the Cohort",
        readonly=True,
        help="Customers who made their first purchase in the cohort month.",
    )
    customers_retained = fields.Integer(
        string="Still Customers",
        readonly=True,
        help="Customers of the cohort still customers (or at risk) at the end "
        "of the month.",
    )
    retention_rate = fields.Float(
        string="Retention (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Still customers / customers of the cohort x 100.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH acquisitions AS (
                SELECT DISTINCT ON (event.partner_id, event.company_id)
                       event.id::bigint AS event_id,
                       event.partner_id, event.company_id, event.user_id,
                       event.team_id, event.lead_id,
                       date_trunc('month', event.date)::date AS cohort_date
                  FROM sales_customer_status_event AS event
                 WHERE event.event_type = 'new'
                   AND event.date >= date_trunc('month', CURRENT_DATE)
                       - %(max_months)s * interval '1 month'
                 ORDER BY event.partner_id, event.company_id, event.date, event.id
            ), cells AS (
                SELECT acquisitions.*, months.months_since,
                       (acquisitions.cohort_date
                        + (months.months_since + 1) * interval '1 month'
                       )::date AS measure_date
                  FROM acquisitions
                 CROSS JOIN LATERAL generate_series(
                       0,
                       ((date_part('year', CURRENT_DATE)
                         - date_part('year', acquisitions.cohort_date)) * 12
                        + date_part('month', CURRENT_DATE)
                        - date_part('month', acquisitions.cohort_date))::integer
                 ) AS months(months_since)
            )
            -- the id from the acquisition's event and the month, not a
            -- ROW_NUMBER(): a window function over the whole view keeps
            -- PostgreSQL from applying the report's filters (cohorts,
            -- companies, months since) before checking every cell of three
            -- years (months_since at most COHORT_MAX_MONTHS + 1, under 64)
            SELECT cells.event_id * 64 + cells.months_since AS id,
                   cells.cohort_date, cells.months_since, cells.partner_id,
                   cells.company_id, cells.user_id, cells.team_id,
                   lead.won_prospect_temperature AS win_temperature,
                   1 AS customers_cohort,
                   EXISTS (
                       SELECT 1
                         FROM sales_customer_status_event AS status
                        WHERE status.partner_id = cells.partner_id
                          AND status.company_id = cells.company_id
                          AND status.date < cells.measure_date
                          AND (status.date_next IS NULL
                               OR status.date_next >= cells.measure_date)
                          AND status.new_status IN %(active)s
                   )::integer AS customers_retained,
                   0.0 AS retention_rate
              FROM cells
              LEFT JOIN crm_lead AS lead ON lead.id = cells.lead_id
            """,
            active=ACTIVE_CUSTOMER_STATUSES,
            max_months=COHORT_MAX_MONTHS,
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "retention_rate:avg":
            cohort = self._field_to_sql(self._table, "customers_cohort", query)
            retained = self._field_to_sql(self._table, "customers_retained", query)
            return percentage_sql(SQL("SUM(%s)", retained), SQL("SUM(%s)", cohort))
        return super()._read_group_select(aggregate_spec, query)
