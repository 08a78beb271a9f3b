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

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "partner_ids" in fields_list
            and context.get("active_model") == "res.partner"
            and context.get("active_ids")
        ):
            # only the partners the user may read: the others (another
            # company's customers) are not proposed
            partners = (
                self.env["res.partner"]
                .browse(context["active_ids"])
                .exists()
                ._filtered_access("read")
            )
            entities = partners.commercial_partner_id.filtered(
                lambda partner: partner.customer_status in ("at_risk", "lost")
            )
            values["partner_ids"] = [fields.Command.set(entities.ids)]
        return values

    def _get_history_companies(self, entities):
        """{commercial entity: company its customer history is counted in}:
        the company of its current status event, else its own company (empty
        for a shared customer without history)."""
        # sudo: the history of another company is what must be detected
        current = {
            event.partner_id: event.company_id
            for event in self.env["sales.customer.status.event"]
            .sudo()
            .search([("partner_id", "in", entities.ids), ("date_next", "=", False)])
        }
        return {
            partner: (current.get(partner) or partner.company_id).with_env(self.env)
            for partner in entities
        }

    def action_create_opportunities(self):
        self.ensure_one()
        # only the customers the user may read (ids given over RPC included)
        entities = self.partner_ids._filtered_access("read").commercial_partner_id
        if not entities:
            raise UserError(self.env._("Select at least one customer."))
        not_former = entities.filtered(
            lambda partner: partner.customer_status not in ("at_risk", "lost")
        )
        entities -= not_former
        # customers whose history is counted in a company the user does not
        # work in are not his to win back (the opportunity would move their
        # history to his company)
        company_by_entity = self._get_history_companies(entities)
        other_company = entities.filtered(
            lambda partner: company_by_entity[partner]
            and company_by_entity[partner] not in self.env.companies
        )
        entities -= other_company
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
        lead_values = []
        for partner in to_engage:
            # in the company of the customer's history, for its salesperson
            # when he works in that company
            company = company_by_entity[partner] or self.env.company
            user = partner.user_id
            if not user or company not in user.company_ids:
                user = self.env.user
            lead_values.append(
                {
                    "name": f"{title} - {partner.name}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "company_id": company.id,
                    "prospecting_goal": "reengagement",
                }
            )
        leads = self.env["crm.lead"].create(lead_values)
        skipped = len(with_open) + len(not_former) + len(other_company)
        message = self.env._(
            "%(created)s re-engagement opportunities created, %(skipped)s customers "
            "skipped (already an open opportunity or not a former customer).",
            created=len(leads),
            skipped=skipped,
        )
        if other_company:
            message = " ".join(
                (
                    message,
                    self.env._(
                        "Customers of a company you are not working in, "
                        "left to that company: %(customers)s.",
                        customers=", ".join(other_company.mapped("display_name")),
                    ),
                )
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
