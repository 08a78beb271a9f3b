# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.crm_lead import PROSPECT_TEMPERATURES
from ..models.sales_attrition_snapshot import RATE_AGGREGATES, rate_aggregate_sql
from ..models.sales_customer_status_event import ACTIVE_CUSTOMER_STATUSES

# The analysis covers at most the last ten years, whatever the oldest event.
# (Fewer than 127 months: the view's ids are event id * 128 + month modulo 127.)
ANALYSIS_MAX_MONTHS = 120


class SalesAttritionReport(models.Model):
    """Attrition by salesperson and sales team, month by month.

    Read-only view on the customer status events: one "start" row per customer
    of the customer base on the first day of each month (with the salesperson
    and team of its last status change), and one row per new, won back or
    lost customer of the month. Rates are computed from the sums of each group
    (see rate_aggregate_sql), so they are right at every level of a pivot.
    """

    _name = "sales.attrition.report"
    _description = "Attrition Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "date"
    _depends = {
        "sales.customer.status.event": [
            "partner_id",
            "company_id",
            "date",
            "date_next",
            "old_status",
            "new_status",
            "event_type",
            "churn_reason_id",
            "user_id",
            "team_id",
            "lead_id",
        ],
        "crm.lead": ["won_prospect_temperature"],
    }

    date = fields.Date(string="Month", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    churn_reason_id = fields.Many2one("sales.churn.reason", readonly=True)
    customers_start = fields.Integer(string="Customers at Start", readonly=True)
    customers_new = fields.Integer(string="New Customers", readonly=True)
    customers_lost = fields.Integer(string="Lost Customers", readonly=True)
    customers_won_back = fields.Integer(string="Won Back Customers", readonly=True)
    attrition_rate = fields.Float(
        string="Attrition Rate (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    retention_rate = fields.Float(
        string="Retention Rate (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    attrition_rate_annual = fields.Float(
        string="Annualised Attrition (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Share of the customers lost in a year at this monthly rate.",
    )
    win_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        string="Temperature When Won",
        readonly=True,
        help="Temperature of the prospect when the opportunity that made it a "
        "customer (its first purchase) was won; empty: not qualified.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH months AS (
                -- bounded: the last %(max_months)s months at most
                SELECT generate_series(
                    GREATEST(
                        date_trunc('month', MIN(date)),
                        date_trunc('month', CURRENT_DATE)
                            - %(max_months)s * interval '1 month'
                    ),
                    date_trunc('month', CURRENT_DATE),
                    interval '1 month'
                )::date AS month
                FROM sales_customer_status_event
            ), acquisitions AS (
                -- the temperature of the win that made each partner a customer
                SELECT DISTINCT ON (event.partner_id)
                       event.partner_id, lead.won_prospect_temperature
                  FROM sales_customer_status_event AS event
                  LEFT JOIN crm_lead AS lead ON lead.id = event.lead_id
                 WHERE event.event_type = 'new'
                 ORDER BY event.partner_id, event.date, event.id
            ), report_rows AS (
                SELECT months.month AS date, event.partner_id, event.company_id,
                       event.user_id, event.team_id,
                       NULL::integer AS churn_reason_id,
                       1 AS customers_start, 0 AS customers_new,
                       0 AS customers_lost, 0 AS customers_won_back,
                       event.id AS event_id, 1 AS kind
                  FROM months
                  JOIN sales_customer_status_event AS event
                    ON event.date < months.month
                   AND (event.date_next IS NULL OR event.date_next >= months.month)
                 WHERE event.new_status IN %(active)s
                 UNION ALL
                SELECT date_trunc('month', event.date)::date, event.partner_id,
                       event.company_id, event.user_id, event.team_id,
                       event.churn_reason_id,
                       0,
                       (event.event_type = 'new')::integer,
                       (event.event_type = 'lost')::integer,
                       (event.event_type = 'won_back')::integer,
                       event.id, 2
                  FROM sales_customer_status_event AS event
                 WHERE event.event_type IN ('new', 'lost', 'won_back')
                   AND event.date >= date_trunc('month', CURRENT_DATE)
                       - %(max_months)s * interval '1 month'
            )
            -- the id from the row's event and month, not a ROW_NUMBER(): a
            -- window function over the whole view keeps PostgreSQL from
            -- applying the report's filters (months, companies) before
            -- building every row of ten years
            SELECT report_rows.event_id::bigint * 128 + CASE
                       WHEN kind = 1
                       THEN mod((date_part('year', date) * 12
                                 + date_part('month', date))::integer, 127) + 1
                       ELSE 0
                   END AS id,
                   date, report_rows.partner_id, company_id, user_id, team_id,
                   churn_reason_id, customers_start, customers_new,
                   customers_lost, customers_won_back,
                   0.0 AS attrition_rate, 0.0 AS retention_rate,
                   0.0 AS attrition_rate_annual,
                   acquisitions.won_prospect_temperature AS win_temperature
              FROM report_rows
              LEFT JOIN acquisitions
                ON acquisitions.partner_id = report_rows.partner_id
            """,
            active=ACTIVE_CUSTOMER_STATUSES,
            max_months=ANALYSIS_MAX_MONTHS,
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in RATE_AGGREGATES:
            return rate_aggregate_sql(self, aggregate_spec, query)
        return super()._read_group_select(aggregate_spec, query)
