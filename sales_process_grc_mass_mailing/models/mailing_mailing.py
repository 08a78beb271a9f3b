# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


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

    def write(self, vals):
        # the period is what keeps the scheduled action from sending the
        # letter twice: once set, it is never moved nor cleared
        if "grc_letter_period_start" in vals:
            period = fields.Date.to_date(vals["grc_letter_period_start"])
            if any(
                mailing.grc_letter_period_start
                and mailing.grc_letter_period_start != period
                for mailing in self
            ):
                raise UserError(self._grc_letter_kept_message())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent_information_letter(self):
        if self.filtered(
            lambda mailing: mailing.grc_letter_period_start and mailing.state != "draft"
        ):
            raise UserError(self._grc_letter_kept_message())

    def _grc_letter_kept_message(self):
        return self.env._(
            "A mailing of the information letter that was launched keeps its "
            "period: deleting it or changing its period would send the letter "
            "of that period again. Archive it instead."
        )
