# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .crm_lead import PROSPECT_TEMPERATURES


class CrmLead(models.Model):
    """Attrition analysis: remember how warm the prospect was when the
    opportunity was won (winning makes it hot), so that the attrition of the
    customers can be compared by temperature at the win."""

    _inherit = "crm.lead"

    won_prospect_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        string="Temperature When Won",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Prospect temperature just before the opportunity was won (empty: "
        "not qualified). Winning makes the prospect hot; this keeps the "
        "temperature it had, for the attrition by temperature.",
    )

    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        newly_won = self.filtered(
            lambda lead: (
                new_status_by_lead.get(lead.id, {}).get("is_won")
                and not old_status_by_lead.get(lead.id, {}).get("is_won")
            )
        )
        for temperature, leads in newly_won.grouped("prospect_temperature").items():
            leads.with_context(tracking_disable=True).write(
                {"won_prospect_temperature": temperature or False}
            )
        return super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
