# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .grc_selection import check_selection_values


class SalesInterviewLine(models.Model):
    """One step of the sales interview on one lead: the rep's checklist."""

    _name = "sales.interview.line"
    _description = "Sales Interview Line"
    _order = "sequence, id"
    _rec_name = "step_id"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        help="Lead or opportunity whose sales interview this line belongs to.",
    )
    step_id = fields.Many2one(
        "sales.interview.step",
        required=True,
        index=True,
        ondelete="cascade",
        help="Step of the sales interview.",
    )
    sequence = fields.Integer(
        related="step_id.sequence",
        store=True,
        precompute=True,
        help="Order of the step in the sales interview.",
    )
    guidance = fields.Html(related="step_id.guidance")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done"), ("skipped", "Skipped")],
        default="todo",
        required=True,
        copy=False,
        # not indexed: three values, always searched with the lead or the step
        help="To Do: still to be done. Done: the step was carried out. "
        "Skipped: the step does not apply to this sale.",
    )
    done_date = fields.Datetime(
        readonly=True,
        copy=False,
        help="When the step was done or skipped; filled automatically.",
    )
    done_user_id = fields.Many2one(
        "res.users",
        string="Done By",
        readonly=True,
        copy=False,
        help="Who marked the step done or skipped; filled automatically.",
    )
    note = fields.Text(help="What was learnt or agreed at this step.")
    # Stored copies of the lead for the analysis views and the record rules.
    company_id = fields.Many2one(
        related="lead_id.company_id", store=True, precompute=True
    )
    user_id = fields.Many2one(
        related="lead_id.user_id", string="Salesperson", store=True, precompute=True
    )
    team_id = fields.Many2one(related="lead_id.team_id", store=True, precompute=True)
    lead_won_status = fields.Selection(related="lead_id.won_status", string="Status")
    # Funnel measures (sum them in the pivot/graph views).
    reached_count = fields.Integer(
        string="Reached",
        compute="_compute_funnel",
        store=True,
        help="1 when the lead reached this step: the step is done or skipped, "
        "or it is the lead's current step.",
    )
    won_count = fields.Integer(
        string="Won",
        compute="_compute_funnel",
        store=True,
        help="1 when the lead reached this step and was won.",
    )
    stalled_count = fields.Integer(
        string="Stalled",
        compute="_compute_funnel",
        store=True,
        help="1 when this step is where a lead that is not won stands still "
        "(its current step).",
    )

    _lead_step_unique = models.Constraint(
        "UNIQUE(lead_id, step_id)",
        "A step appears only once on a lead.",
    )

    # and the lead's won status: recomputed by crm.lead._compute_field_value
    # when it changes
    @api.depends("state", "lead_id.interview_step_id")
    def _compute_funnel(self):
        for line in self:
            current = line.lead_id.interview_step_id == line.step_id
            reached = line.state != "todo" or current
            line.reached_count = int(reached)
            line.won_count = int(reached and line.lead_id.won_status == "won")
            line.stalled_count = int(current and line.lead_id.won_status != "won")

    @api.model_create_multi
    def create(self, vals_list):
        check_selection_values(self, vals_list, ["state"])
        self._check_done_values_not_given(vals_list)
        for vals in vals_list:
            if vals.get("state", "todo") != "todo":
                vals.update(self._done_values(vals["state"]))
        return super().create(vals_list)

    def write(self, vals):
        check_selection_values(self, [vals], ["state"])
        self._check_done_values_not_given([vals])
        self._check_lead_unchanged(vals)
        if "state" in vals:
            vals = {**vals, **self._done_values(vals["state"])}
        # A step done or skipped moves the interview forward: the activity of
        # the step that becomes the current one is scheduled by the automation
        # rule "Sales Process: Interview Step Done, Activity of the Next Step"
        # (data/base_automation_data.xml), which admins can switch off. The
        # current step is computed at once so that the rule runs now rather
        # than at the next flush.
        res = super().write(vals)
        if "state" in vals:
            self.lead_id.mapped("interview_step_id")
        return res

    def _check_lead_unchanged(self, vals):
        """A line belongs to its lead for good: moving it to another lead
        would bypass the record rules checked on that lead."""
        if "lead_id" in vals and any(
            line.lead_id.id != vals["lead_id"] for line in self
        ):
            raise UserError(
                self.env._(
                    "A step of the sales interview cannot be moved to another lead."
                )
            )

    def _check_done_values_not_given(self, vals_list):
        """When and by whom a step was done are filled in from the state
        (they date the offer, which times the follow-up email sent to the
        customer): nobody but the system sets them directly."""
        if self.env.su:
            return
        if any(vals.keys() & {"done_date", "done_user_id"} for vals in vals_list):
            raise UserError(
                self.env._(
                    "The date and the author of a step of the sales interview "
                    "are filled in automatically when it is done or skipped."
                )
            )

    def _done_values(self, state):
        """Done date and user follow the state: set when the step is done or
        skipped, cleared when it is set back to do."""
        if state == "todo":
            return {"done_date": False, "done_user_id": False}
        return {"done_date": fields.Datetime.now(), "done_user_id": self.env.uid}

    def action_done(self):
        self.write({"state": "done"})

    def action_skip(self):
        self.write({"state": "skipped"})

    def action_reset(self):
        self.write({"state": "todo"})
