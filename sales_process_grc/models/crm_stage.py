# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .crm_lead import PROSPECT_TEMPERATURES


class CrmStage(models.Model):
    _inherit = "crm.stage"

    prospect_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        help="Optional: a lead entering this stage gets at least this "
        "temperature (e.g. a Proposition stage makes it hot). A hotter lead "
        "keeps its temperature.",
    )
