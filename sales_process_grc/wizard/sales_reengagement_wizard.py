# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesReengagementWizard(models.TransientModel):
    _name = "sales.reengagement.wizard"
    _description = "Re-engage Former Customers"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        required=True,
        domain=[("customer_status", "in", ("at_risk", "lost"))],
        help="At-risk or lost customers to win back.",
    )
    name = fields.Char(
        string="Opportunity Title",
        help="Title of the opportunities; the customer's name is appended. "
        "Default: Re-engagement.",
    )
    lead_ids = fields.Many2many(
        "crm.lead",
        string="Created Opportunities",
        readonly=True,
        help="Opportunities created by the last run.",
    )
    skipped_count = fields.Integer(
        readonly=True, help="Customers skipped by the last run."
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "partner_ids" in fields_list
            and context.get("active_model") == "res.partner"
            and context.get("active_ids")
        ):
            partners = self.env["res.partner"].browse(context["active_ids"])
            entities = partners.commercial_partner_id.filtered(
                lambda partner: partner.customer_status in ("at_risk", "lost")
            )
            values["partner_ids"] = [fields.Command.set(entities.ids)]
        return values

    def action_create_opportunities(self):
        self.ensure_one()
        entities = self.partner_ids.commercial_partner_id
        if not entities:
            raise UserError(self.env._("Select at least one customer."))
        not_former = entities.filtered(
            lambda partner: partner.customer_status not in ("at_risk", "lost")
        )
        entities -= not_former
        # one query for all the customers: who already has an open opportunity?
        open_groups = self.env["crm.lead"]._read_group(
            [
                ("partner_id.commercial_partner_id", "in", entities.ids),
                ("type", "=", "opportunity"),
                ("won_status", "=", "pending"),
            ],
            ["partner_id"],
        )
        with_open = self.env["res.partner"].union(
            *(partner.commercial_partner_id for (partner,) in open_groups)
        )
        to_engage = entities - with_open
        title = self.name or self.env._("Re-engagement")
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"{title} - {partner.name}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": partner.user_id.id or self.env.user.id,
                    "prospecting_goal": "reengagement",
                }
                for partner in to_engage
            ]
        )
        skipped = len(with_open) + len(not_former)
        self.write(
            {"lead_ids": [fields.Command.set(leads.ids)], "skipped_count": skipped}
        )
        message = self.env._(
            "%(created)s re-engagement opportunities created, %(skipped)s customers "
            "skipped (already an open opportunity or not a former customer).",
            created=len(leads),
            skipped=skipped,
        )
        next_action = {"type": "ir.actions.act_window_close"}
        if leads:
            next_action = {
                "type": "ir.actions.act_window",
                "name": self.env._("Re-engagement Opportunities"),
                "res_model": "crm.lead",
                "view_mode": "list,form",
                "views": [(False, "list"), (False, "form")],
                "domain": [("id", "in", leads.ids)],
            }
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Re-engagement"),
                "message": message,
                "type": "success" if leads else "warning",
                "sticky": False,
                "next": next_action,
            },
        }
