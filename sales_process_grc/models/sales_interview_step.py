# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from .grc_cron import id_batches

# open leads synchronised together when a step changes
SYNC_BATCH_SIZE = 1000


class SalesInterviewStep(models.Model):
    """A step of the sales interview (entretien de vente).

    Every applicable step gets one ``sales.interview.line`` on each lead; the
    lines are kept in step with this configuration (see
    ``crm.lead._interview_sync_lines``).
    """

    _name = "sales.interview.step"
    _description = "Sales Interview Step"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10, help="Order of the step in the sales interview."
    )
    guidance = fields.Html(
        translate=True,
        sanitize_attributes=True,
        help="What the salesperson should do and ask at this step; shown next "
        "to the checklist while the step is the current one.",
    )
    team_ids = fields.Many2many(
        "crm.team",
        "sales_interview_step_crm_team_rel",
        "step_id",
        "team_id",
        string="Sales Teams",
        help="Sales teams whose leads follow this step. Leave empty for every team.",
    )
    stage_id = fields.Many2one(
        "crm.stage",
        string="Required for Stage",
        ondelete="set null",
        index=True,
        help="A lead may only enter this stage once this step is done or skipped.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity",
        domain="['|', ('res_model', '=', False), ('res_model', '=', 'crm.lead')]",
        ondelete="set null",
        help="Activity scheduled for the salesperson when the previous step is "
        "done and this step becomes the current one.",
    )
    done_when_won = fields.Boolean(
        help="Mark this step done automatically when the lead is won (the "
        "Closing step: the purchase order is signed).",
    )
    active = fields.Boolean(
        default=True,
        help="Archived steps leave the open leads where they are still to do; "
        "the work done on them (done or skipped, with notes) stays.",
    )
    line_count = fields.Integer(
        compute="_compute_line_count",
        help="Number of leads on which this step was done.",
    )

    @api.depends("active")
    def _compute_line_count(self):
        counts = dict(
            self.env["sales.interview.line"]._read_group(
                [("step_id", "in", self.ids), ("state", "=", "done")],
                ["step_id"],
                ["__count"],
            )
        )
        for step in self:
            step.line_count = counts.get(step, 0)

    @api.constrains("stage_id", "team_ids")
    def _check_stage_team(self):
        for step in self:
            stage_teams = step.stage_id.team_ids
            if not stage_teams or not step.team_ids:
                continue
            foreign_teams = step.team_ids - stage_teams
            if foreign_teams:
                raise ValidationError(
                    self.env._(
                        "The step %(step)s requires the stage %(stage)s, which "
                        "does not belong to the sales team(s) %(teams)s of "
                        "the step.",
                        step=step.name,
                        stage=step.stage_id.display_name,
                        teams=", ".join(foreign_teams.mapped("display_name")),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        self.env.registry.clear_cache()  # _grc_texts
        steps._sync_open_leads()
        return steps

    def write(self, vals):
        res = super().write(vals)
        if {"name", "guidance"} & set(vals):
            self.env.registry.clear_cache()  # _grc_texts
        if {"active", "team_ids"} & set(vals):
            self._sync_open_leads()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _grc_texts
        return res

    def _update_field_translations(self, field_name, *args, **kwargs):
        res = super()._update_field_translations(field_name, *args, **kwargs)
        if field_name in ("name", "guidance"):
            self.env.registry.clear_cache()  # _grc_texts
        return res

    # --- the steps' texts, from the registry's cache ---------------------------
    @api.model
    @tools.ormcache("self.env.lang")
    def _grc_texts(self):
        """``{step id: (name, guidance)}`` of every step, archived ones
        included, in the user's language. The steps are configuration, and
        their texts are read each time a lead is opened (the checklist, the
        current step and its guidance): they are kept in the registry's
        cache, cleared when a step is created, renamed, translated or
        deleted (Odoo clears it too when it loads translations). sudo: the
        same texts for everyone; ``_grc_prefetch_texts`` gives them only to
        users who may read the steps."""
        steps = (
            self.sudo()
            .with_context(active_test=False, prefetch_langs=False)
            .search_fetch([], ["name", "guidance"], order="id")
        )
        return tools.frozendict((step.id, (step.name, step.guidance)) for step in steps)

    @api.model
    def _grc_prefetch_texts(self):
        """Put the steps' names and guidance (``_grc_texts``) in the record
        cache, so that reading them takes no query. What the cache holds
        already, such as a step being edited, is kept."""
        if self.env.context.get("prefetch_langs") or not self.has_access("read"):
            return
        texts = self._grc_texts()
        steps = self.browse(texts)
        for index, fname in enumerate(("name", "guidance")):
            self._fields[fname]._insert_cache(
                steps, [texts[step_id][index] for step_id in steps._ids]
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_use(self):
        # sudo: a manager restricted to some companies must still not delete a
        # step worked on in another company.
        used = (
            self.env["sales.interview.line"]
            .sudo()
            .search([("step_id", "in", self.ids), ("state", "!=", "todo")], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "The step %(step)s is in use on some leads and cannot be "
                    "deleted. Archive it instead.",
                    step=used.step_id.name,
                )
            )

    def _sync_open_leads(self, batch_size=SYNC_BATCH_SIZE):
        """Bring the interview lines of every open lead in line with the
        configuration, by batches of ``batch_size`` leads (id paging, see
        ``grc_cron.id_batches``) written and dropped from the cache one after
        the other: a step change does not load every open lead of every
        company at once. sudo: steps are shared by all companies and a
        manager may only see some of them; the lines must follow on every
        lead."""
        leads_model = self.env["crm.lead"].sudo()
        domain = Domain("active", "=", True) & Domain("won_status", "=", "pending")
        for leads in id_batches(leads_model, domain, batch_size):
            leads._interview_sync_lines()
            if len(leads) == batch_size:
                # more may follow: write this batch and forget it first
                self.env.flush_all()
                self.env.invalidate_all()
