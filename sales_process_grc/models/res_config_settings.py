# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

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
