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
from .res_partner import DEFAULT_AT_RISK_DAYS, DEFAULT_LOST_DAYS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    at_risk_days = fields.Integer(
        string="At Risk After (days)",
        default=DEFAULT_AT_RISK_DAYS,
        config_parameter="sales_process_grc.at_risk_days",
        help="A customer without purchase for this many days becomes at risk.",
    )

    lost_days = fields.Integer(
        string="Lost After (days)",
        default=DEFAULT_LOST_DAYS,
        config_parameter="sales_process_grc.lost_days",
        help="A customer without purchase for this many days is lost, with the "
        "reason inactivity.",
    )

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

    @api.constrains("at_risk_days", "lost_days")
    def _check_attrition_thresholds(self):
        for settings in self:
            if settings.at_risk_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The number of days without purchase before a customer is "
                        "at risk must be positive."
                    )
                )
            if settings.at_risk_days >= settings.lost_days:
                raise ValidationError(
                    self.env._(
                        "The number of days without purchase before a customer is "
                        "at risk (%(at_risk)s) must be smaller than the number of "
                        "days before it is lost (%(lost)s).",
                        at_risk=settings.at_risk_days,
                        lost=settings.lost_days,
                    )
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
