# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

CUSTOMER_STATUSES = [
    ("prospect", "Prospect"),
    ("customer", "Customer"),
    ("at_risk", "At Risk"),
    ("lost", "Lost"),
]

# Statuses counted in the customer base (the denominator of the attrition rate)
ACTIVE_CUSTOMER_STATUSES = ("customer", "at_risk")


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

    @api.depends("old_status", "new_status")
    def _compute_event_type(self):
        for event in self:
            if event.new_status == "customer":
                event.event_type = (
                    "won_back" if event.old_status in ("at_risk", "lost") else "new"
                )
            elif event.new_status in ("at_risk", "lost"):
                event.event_type = event.new_status
            else:
                event.event_type = "other"
