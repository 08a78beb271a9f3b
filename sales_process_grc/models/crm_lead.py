# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # ------------------------------------------------------------------
    # Sales interview (entretien de vente)
    # ------------------------------------------------------------------
    interview_line_ids = fields.One2many(
        "sales.interview.line",
        "lead_id",
        string="Sales Interview",
        copy=False,
        help="The steps of the sales interview for this lead.",
    )
    interview_progress = fields.Float(
        compute="_compute_interview",
        store=True,
        aggregator="avg",
        help="Steps done over the steps that are not skipped, in percent.",
    )
    interview_step_id = fields.Many2one(
        "sales.interview.step",
        string="Current Step",
        compute="_compute_interview",
        store=True,
        index=True,
        help="First step of the sales interview still to do.",
    )
    interview_step_guidance = fields.Html(
        related="interview_step_id.guidance", string="Guidance"
    )
    offer_lead_time = fields.Char(
        string="Lead Time",
        help="Delivery or completion time promised in the offer, e.g. "
        "'3 weeks'. The price is the expected revenue.",
    )
    offer_payment_terms = fields.Char(
        string="Payment Terms",
        help="Payment terms proposed in the offer, e.g. '30% down payment, "
        "balance at delivery'.",
    )
    objection_ids = fields.One2many(
        "sales.lead.objection",
        "lead_id",
        string="Objections",
        copy=False,
        help="Objections the customer raised, and how they were answered.",
    )

    @api.depends(
        "interview_line_ids.state",
        "interview_line_ids.sequence",
        "interview_line_ids.step_id",
    )
    def _compute_interview(self):
        for lead in self:
            lines = lead.interview_line_ids.sorted(lambda line: line.sequence)
            counted = lines.filtered(lambda line: line.state != "skipped")
            done = counted.filtered(lambda line: line.state == "done")
            if counted:
                lead.interview_progress = 100.0 * len(done) / len(counted)
            else:
                lead.interview_progress = 100.0 if lines else 0.0
            lead.interview_step_id = next(
                (line.step_id for line in lines if line.state == "todo"), False
            )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._interview_sync_lines()
        leads.filtered(lambda lead: lead.won_status == "won")._interview_mark_won()
        for stage, stage_leads in leads.grouped("stage_id").items():
            stage_leads._interview_check_stage_gates(stage, moving_only=False)
        return leads

    def write(self, vals):
        stage = self.env["crm.stage"]
        if vals.get("stage_id"):
            stage = stage.browse(vals["stage_id"])
            self._interview_check_stage_gates(stage)
        res = super().write(vals)
        if "team_id" in vals or "active" in vals:
            self.filtered(
                lambda lead: lead.active and lead.won_status == "pending"
            )._interview_sync_lines()
        if stage.is_won:
            self._interview_mark_won()
        return res

    def _interview_sync_lines(self):
        """Give each lead one line per applicable step: add the missing ones,
        remove the lines of archived steps and the lines still to do of
        steps that no longer apply to the lead's team. Done and skipped
        lines of steps that still exist are kept. A fixed number of queries
        whatever the number of leads."""
        if not self:
            return
        line_model = self.env["sales.interview.line"]
        steps = self.env["sales.interview.step"].search([("active", "=", True)])
        lines_by_lead = defaultdict(dict)
        for line in line_model.search_fetch(
            [("lead_id", "in", self.ids)], ["lead_id", "step_id", "state"]
        ):
            lines_by_lead[line.lead_id.id][line.step_id.id] = line
        steps_by_team = {}
        to_create = []
        to_remove = []
        for lead in self:
            team = lead.team_id
            if team.id not in steps_by_team:
                steps_by_team[team.id] = steps.filtered(
                    lambda step, team=team: not step.team_ids or team in step.team_ids
                )
            applicable = steps_by_team[team.id]
            existing = lines_by_lead[lead.id]
            to_create.extend(
                {"lead_id": lead.id, "step_id": step.id}
                for step in applicable
                if step.id not in existing
            )
            to_remove.extend(
                line.id
                for line in existing.values()
                if not line.step_id.active
                or (line.state == "todo" and line.step_id not in applicable)
            )
        if to_remove:
            line_model.browse(to_remove).unlink()
        if to_create:
            line_model.create(to_create)

    def _interview_mark_won(self):
        """Winning a lead concludes the sale: mark the Closing step done."""
        lines = self.env["sales.interview.line"].search(
            [
                ("lead_id", "in", self.ids),
                ("state", "=", "todo"),
                ("step_id.done_when_won", "=", True),
            ]
        )
        lines.action_done()

    def _interview_check_stage_gates(self, stage, moving_only=True):
        """Refuse to put leads in ``stage`` while a step that the stage
        requires is still to do on them."""
        if not stage:
            return
        gate_steps = self.env["sales.interview.step"].search(
            [("stage_id", "=", stage.id)]
        )
        if stage.is_won:
            # Winning marks these steps done itself.
            gate_steps = gate_steps.filtered(lambda step: not step.done_when_won)
        if not gate_steps:
            return
        leads = (
            self.filtered(lambda lead: lead.stage_id != stage) if moving_only else self
        )
        missing = self.env["sales.interview.line"].search(
            [
                ("lead_id", "in", leads.ids),
                ("step_id", "in", gate_steps.ids),
                ("state", "=", "todo"),
            ]
        )
        if not missing:
            return
        details = [
            self.env._(
                "- %(lead)s: %(steps)s",
                lead=lead.display_name,
                steps=", ".join(lines.step_id.mapped("name")),
            )
            for lead, lines in missing.grouped("lead_id").items()
        ]
        raise UserError(
            self.env._(
                "Before entering the stage %(stage)s, do or skip these steps of "
                "the sales interview:\n%(details)s",
                stage=stage.display_name,
                details="\n".join(details),
            )
        )

    def _interview_schedule_activities(self, previous_steps):
        """Schedule the activity of the current step for the salesperson when
        the interview moved to a new step (``previous_steps``: lead id ->
        step before the change)."""
        for lead in self:
            step = lead.interview_step_id
            activity_type = step.activity_type_id
            if (
                not activity_type
                or not lead.active
                or step == previous_steps.get(lead.id)
                or activity_type in lead.activity_ids.activity_type_id
            ):
                continue
            lead.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=activity_type._get_date_deadline(),
                summary=step.name,
                user_id=lead.user_id.id or self.env.uid,
            )
