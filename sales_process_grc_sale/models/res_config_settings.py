# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .res_partner import (
    DEFAULT_PURCHASE_SOURCE,
    PURCHASE_SOURCE_PARAM,
    PURCHASE_SOURCES,
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    grc_purchase_source = fields.Selection(
        PURCHASE_SOURCES,
        string="Purchases Counted",
        default=DEFAULT_PURCHASE_SOURCE,
        required=True,
        config_parameter=PURCHASE_SOURCE_PARAM,
        help="What makes a partner a customer and dates its purchases (customer "
        "since, last purchase, at risk, lost, won back): won opportunities, "
        "confirmed sale orders or posted customer invoices (credit notes "
        "cancel them). Revenue attrition uses the same source.",
    )
