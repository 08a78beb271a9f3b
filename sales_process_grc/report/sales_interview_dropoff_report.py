# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.sales_attrition_snapshot import percentage_sql


class SalesInterviewDropoffReport(models.Model):
    """Drop-off per step of the sales interview: of the leads that reached a
    step, how many reached the next one.

    One row per interview line: ``leads_reached`` is 1 when the lead reached
    the step (done, skipped or current step), ``leads_next`` is 1 when it also
    reached its next step (the next line of the lead in the interview order;
    for the last step: when the lead was won). The drop-off rate of a group
    is computed from the sums: (reached - next) / reached.
    """

    _name = "sales.interview.dropoff.report"
    _description = "Sales Interview Drop-off"
    _auto = False
    _order = "sequence, step_id"
    _rec_name = "step_id"
    _depends = {
        "sales.interview.line": [
            "lead_id",
            "step_id",
            "sequence",
            "company_id",
            "user_id",
            "team_id",
            "reached_count",
            "won_count",
        ],
        "crm.lead": ["create_date", "won_status", "active"],
    }

    step_id = fields.Many2one("sales.interview.step", readonly=True)
    sequence = fields.Integer(readonly=True, aggregator=False)
    lead_id = fields.Many2one("crm.lead", readonly=True)
    date = fields.Date(
        string="Lead Created On", readonly=True, help="Creation day of the lead."
    )
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    won_status = fields.Selection(
        [("won", "Won"), ("lost", "Lost"), ("pending", "Pending")],
        string="Status",
        readonly=True,
    )
    leads_reached = fields.Integer(
        string="Reached", readonly=True, help="Leads that reached the step."
    )
    leads_next = fields.Integer(
        string="Reached Next Step",
        readonly=True,
        help="Leads that reached the step and the next one (the last step: "
        "and were won).",
    )
    leads_dropped = fields.Integer(
        string="Dropped",
        readonly=True,
        help="Leads that reached the step but not the next one.",
    )
    dropoff_rate = fields.Float(
        string="Drop-off (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Dropped / reached x 100.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT line.id, line.step_id, line.sequence, line.lead_id,
                   lead.create_date::date AS date, line.company_id,
                   line.user_id, line.team_id, lead.won_status,
                   line.reached_count AS leads_reached,
                   (line.reached_count = 1 AND COALESCE(
                        LEAD(line.reached_count) OVER lead_steps,
                        line.won_count
                   ) = 1)::integer AS leads_next,
                   (line.reached_count = 1 AND COALESCE(
                        LEAD(line.reached_count) OVER lead_steps,
                        line.won_count
                   ) = 0)::integer AS leads_dropped,
                   0.0 AS dropoff_rate
              FROM sales_interview_line AS line
              JOIN crm_lead AS lead ON lead.id = line.lead_id
            WINDOW lead_steps AS (
                   PARTITION BY line.lead_id ORDER BY line.sequence, line.id
            )
            """
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "dropoff_rate:avg":
            reached = self._field_to_sql(self._table, "leads_reached", query)
            dropped = self._field_to_sql(self._table, "leads_dropped", query)
            return percentage_sql(SQL("SUM(%s)", dropped), SQL("SUM(%s)", reached))
        return super()._read_group_select(aggregate_spec, query)
