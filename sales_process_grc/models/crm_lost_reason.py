# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLostReason(models.Model):
    _inherit = "crm.lost.reason"

    grc_email_opposition = fields.Boolean(
        string="Opposed to Emails",
        help="The prospect asked not to be contacted: marking an opportunity "
        "lost with this reason blacklists its email address, so that no "
        "commercial email reaches it any more.",
    )
