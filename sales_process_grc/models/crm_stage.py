# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .crm_lead import PROSPECT_TEMPERATURES


class CrmStage(models.Model):
    _inherit = "crm.stage"

    interview_step_ids = fields.One2many(
        "sales.interview.step",
        "stage_id",
        string="Required Interview Steps",
        help="Steps of the sales interview a lead must have done or skipped "
        "before entering this stage.",
    )

    prospect_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        help="Optional: a lead entering this stage gets at least this "
        "temperature (e.g. a Proposition stage makes it hot). A hotter lead "
        "keeps its temperature.",
    )

    @api.constrains("team_ids")
    def _check_interview_step_teams(self):
        self.interview_step_ids._check_stage_team()
