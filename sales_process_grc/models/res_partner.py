# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .crm_lead import PROSPECT_TEMPERATURES, TEMPERATURE_RANK


class ResPartner(models.Model):
    _inherit = "res.partner"

    prospect_lead_ids = fields.One2many(
        "crm.lead",
        "commercial_entity_id",
        string="Leads of the Commercial Entity",
        groups="sales_team.group_sale_salesman",
        help="Technical: the leads and opportunities whose customer belongs "
        "to this commercial entity (company and its contacts).",
    )
    prospect_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        compute="_compute_prospect_temperature",
        store=True,
        index=True,
        groups="sales_team.group_sale_salesman",
        help="Hottest temperature among the open leads and opportunities of "
        "the commercial entity (the company and all its contacts).",
    )

    @api.depends(
        "commercial_partner_id",
        "commercial_partner_id.prospect_lead_ids.prospect_temperature",
        "commercial_partner_id.prospect_lead_ids.active",
        "commercial_partner_id.prospect_lead_ids.won_status",
    )
    def _compute_prospect_temperature(self):
        # One _read_group for the whole batch; runs as superuser (stored
        # compute) so that the value never depends on who triggered it.
        entities = self.commercial_partner_id._origin
        hottest = {}
        if entities:
            groups = (
                self.env["crm.lead"]
                .with_context(active_test=False)
                ._read_group(
                    [
                        ("commercial_entity_id", "in", entities.ids),
                        ("active", "=", True),
                        ("won_status", "=", "pending"),
                        ("prospect_temperature", "!=", False),
                    ],
                    ["commercial_entity_id", "prospect_temperature"],
                )
            )
            for entity, temperature in groups:
                if (
                    TEMPERATURE_RANK[temperature]
                    > TEMPERATURE_RANK[hottest.get(entity.id)]
                ):
                    hottest[entity.id] = temperature
        for partner in self:
            partner.prospect_temperature = hottest.get(
                partner.commercial_partner_id._origin.id, False
            )
