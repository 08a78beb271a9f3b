# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_lead import (
    COOLING_HOT_DAYS_DEFAULT,
    COOLING_HOT_DAYS_PARAM,
    COOLING_PARAM,
    COOLING_WARM_DAYS_DEFAULT,
    COOLING_WARM_DAYS_PARAM,
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # --- prospect temperature cooling --------------------------------------
    prospect_temperature_cooling = fields.Boolean(
        string="Prospect Cooling",
        config_parameter=COOLING_PARAM,
        help="Every day, cool down the open leads without activity (message, "
        "activity done or meeting): hot becomes warm, then warm becomes cold.",
    )
    prospect_temperature_hot_days = fields.Integer(
        string="Hot to Warm after (days)",
        config_parameter=COOLING_HOT_DAYS_PARAM,
        default=COOLING_HOT_DAYS_DEFAULT,
        help="A hot lead without activity for this many days becomes warm.",
    )
    prospect_temperature_warm_days = fields.Integer(
        string="Warm to Cold after (days)",
        config_parameter=COOLING_WARM_DAYS_PARAM,
        default=COOLING_WARM_DAYS_DEFAULT,
        help="A hot or warm lead without activity for this many days becomes "
        "cold. Must be longer than the hot delay.",
    )

    @api.constrains("prospect_temperature_hot_days", "prospect_temperature_warm_days")
    def _check_prospect_temperature_delays(self):
        for settings in self:
            hot_days = settings.prospect_temperature_hot_days
            warm_days = settings.prospect_temperature_warm_days
            if hot_days <= 0 or warm_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The cooling delays of prospects must be a positive "
                        "number of days."
                    )
                )
            if warm_days <= hot_days:
                raise ValidationError(
                    self.env._(
                        "The warm to cold delay (%(warm)s days) must be longer "
                        "than the hot to warm delay (%(hot)s days).",
                        warm=warm_days,
                        hot=hot_days,
                    )
                )
