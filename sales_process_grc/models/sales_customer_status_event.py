# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

# The figures of a period that the status events give (stored on the monthly
# snapshots); the customers at the end and the rates are derived from them
# (sales_attrition_snapshot.period_figures).
MONTH_FIGURES = (
    "customers_start",
    "customers_new",
    "customers_lost",
    "customers_won_back",
    "customers_won_back_lost",
)

CUSTOMER_STATUSES = [
    ("prospect", "Prospect"),
    ("customer", "Customer"),
    ("at_risk", "At Risk"),
    ("lost", "Lost"),
]

# Statuses counted in the customer base (the denominator of the attrition rate)
ACTIVE_CUSTOMER_STATUSES = ("customer", "at_risk")


def event_type_of(old_status, new_status):
    """The kind of movement of a change of customer status (event_type)."""
    if new_status == "customer":
        return "won_back" if old_status in ("at_risk", "lost") else "new"
    if new_status in ("at_risk", "lost"):
        return new_status
    return "other"


class SalesCustomerStatusEvent(models.Model):
    """One line per change of the customer status of a commercial entity.

    The log is the history the monthly attrition snapshots are computed from:
    the status of a partner at a date is the one of its last event before that
    date. ``date_next`` (the date of the partner's next event) turns each event
    into a validity interval so that "customers at the start of a month" is a
    plain ``_read_group`` instead of a per-partner lookup.
    """

    _name = "sales.customer.status.event"
    _description = "Customer Status Change"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        help="Commercial entity whose status changed.",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="Company whose customer base the change is counted in.",
    )
    date = fields.Date(
        required=True,
        index=True,
        default=fields.Date.context_today,
        help="Day of the status change.",
    )
    date_next = fields.Date(
        string="Next Change",
        index=True,
        readonly=True,
        help="Day of the next status change of the same customer (empty for the "
        "current status).",
    )
    old_status = fields.Selection(
        CUSTOMER_STATUSES, string="Previous Status", help="Status before the change."
    )
    new_status = fields.Selection(
        CUSTOMER_STATUSES, required=True, help="Status after the change."
    )
    event_type = fields.Selection(
        [
            ("new", "New Customer"),
            ("won_back", "Won Back"),
            ("at_risk", "At Risk"),
            ("lost", "Lost"),
            ("other", "Other"),
        ],
        compute="_compute_event_type",
        store=True,
        precompute=True,
        # given by create from the statuses (see there); nobody but the
        # superuser writes events (read-only for every group)
        readonly=False,
        index=True,
        help="New customer (prospect who bought), won back (at-risk or lost "
        "customer who bought again), at risk or lost.",
    )
    churn_reason_id = fields.Many2one(
        "sales.churn.reason",
        index=True,
        ondelete="restrict",
        help="Why the customer was lost.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        help="Salesperson in charge of the customer at the time of the change.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index=True,
        help="Sales team in charge of the customer at the time of the change.",
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        ondelete="set null",
        help="Won opportunity that made the partner a customer.",
    )
    note = fields.Text(help="Comment given when the change was made by hand.")

    # The partner's current event (the one without next change), looked up
    # for a whole batch of partners by every new event (see create) and by
    # the daily classification: the index on date_next alone matches every
    # current event, the planner then filters them all.
    _partner_current_idx = models.Index("(partner_id) WHERE date_next IS NULL")

    @api.constrains("date")
    def _check_date(self):
        # a day of margin for the time zones
        limit = fields.Date.context_today(self) + timedelta(days=1)
        for event in self:
            if event.date > limit:
                raise ValidationError(
                    self.env._(
                        "A customer status change cannot be dated in the future "
                        "(%(date)s).",
                        date=event.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """New events close the validity of their partner's current event
        (``date_next``: the day of the first new event of the partner)."""
        partner_ids = {
            vals["partner_id"] for vals in vals_list if vals.get("partner_id")
        }
        current = self.search(
            [("partner_id", "in", list(partner_ids)), ("date_next", "=", False)]
        )
        for vals in vals_list:
            # what the precomputation gives, without building a new record
            # per event to compute it (a third of a classification batch)
            if "new_status" in vals:
                vals["event_type"] = event_type_of(
                    vals.get("old_status"), vals["new_status"]
                )
        events = super().create(vals_list)
        first_dates = {}
        for event in events:
            day = first_dates.get(event.partner_id)
            if not day or event.date < day:
                first_dates[event.partner_id] = event.date
        for day, to_close in current.grouped(
            lambda event: first_dates[event.partner_id]
        ).items():
            to_close.date_next = day
        return events

    @api.depends("old_status", "new_status")
    def _compute_event_type(self):
        for event in self:
            event.event_type = event_type_of(event.old_status, event.new_status)

    @api.model
    def _period_figures(self, date_start, date_end, companies, groupby):
        """Customer movements of a period, grouped by ``groupby`` (a many2one
        of the events: company_id, user_id or team_id), in two grouped
        queries: customers at the start (the event valid on ``date_start``),
        new, lost, won back (and won back from lost) during the period.

        :return: {group record: {figure: count}} for the groups that had
            customers or movements
        """
        company_domain = Domain("company_id", "in", companies.ids)
        figures = {}

        def group_figures(group):
            return figures.setdefault(group, dict.fromkeys(MONTH_FIGURES, 0))

        start_domain = (
            company_domain
            & Domain("date", "<", date_start)
            & (Domain("date_next", "=", False) | Domain("date_next", ">=", date_start))
            & Domain("new_status", "in", ACTIVE_CUSTOMER_STATUSES)
        )
        for group, count in self._read_group(
            start_domain, [groupby], ["partner_id:count_distinct"]
        ):
            group_figures(group)["customers_start"] = count

        moves_domain = (
            company_domain
            & Domain("date", ">=", date_start)
            & Domain("date", "<=", date_end)
            & Domain("event_type", "in", ("new", "won_back", "lost"))
        )
        field_by_type = {
            "new": "customers_new",
            "won_back": "customers_won_back",
            "lost": "customers_lost",
        }
        for group, event_type, old_status, count in self._read_group(
            moves_domain,
            [groupby, "event_type", "old_status"],
            ["partner_id:count_distinct"],
        ):
            values = group_figures(group)
            values[field_by_type[event_type]] += count
            if event_type == "won_back" and old_status == "lost":
                values["customers_won_back_lost"] += count
        return figures
