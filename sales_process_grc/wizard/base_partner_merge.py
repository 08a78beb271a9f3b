# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        # The customer status is not merged field by field (it may only follow
        # the sales process): it is rebuilt from the purchases, which the
        # merge has just moved to the destination partner.
        result = super()._update_values(
            src_partners, dst_partner.with_context(grc_status_skip=True)
        )
        dst_partner._grc_sync_purchases()
        return result
