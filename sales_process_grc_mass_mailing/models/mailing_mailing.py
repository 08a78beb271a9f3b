# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    grc_letter_period_start = fields.Date(
        string="Information Letter Period",
        readonly=True,
        copy=False,
        index=True,
        help="First day of the period of the sales process' information "
        "letter this mailing sends (one mailing per period).",
    )

    _grc_letter_period_unique = models.Constraint(
        "UNIQUE(grc_letter_period_start)",
        "The information letter is sent by one mailing per period.",
    )
