# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    prospecting_goal = fields.Selection(
        [
            ("new_product", "Sell a New Product"),
            ("new_target", "Reach a New Target"),
            ("new_zone", "Cover a New Area"),
            ("reengagement", "Re-engage Former Customers"),
        ],
        index=True,
        tracking=True,
        help="Goal of the prospecting operation this opportunity comes from: "
        "sell a new product or service, reach a new target, cover a new "
        "geographical area or re-engage former customers.",
    )

    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        result = super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
        newly_won = self.filtered(
            lambda lead: lead.partner_id
            and new_status_by_lead.get(lead.id, {}).get("is_won")
            and not old_status_by_lead.get(lead.id, {}).get("is_won")
        )
        if newly_won:
            self.env["res.partner"]._grc_register_purchases(
                [
                    (lead, fields.Date.context_today(lead, lead.date_closed))
                    for lead in newly_won
                ]
            )
        return result
