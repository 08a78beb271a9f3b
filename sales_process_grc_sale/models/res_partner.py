# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.sales_process_grc.models.grc_settings import get_selection_param

PURCHASE_SOURCE_PARAM = "sales_process_grc_sale.purchase_source"
PURCHASE_SOURCES = [
    ("lead", "Won Opportunities"),
    ("sale_order", "Confirmed Sale Orders"),
    ("invoice", "Posted Customer Invoices"),
]
DEFAULT_PURCHASE_SOURCE = "sale_order"


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _grc_purchase_source(self):
        """What counts as a purchase (Settings): won opportunities, confirmed
        sale orders (default) or posted customer invoices."""
        return get_selection_param(
            self.env, PURCHASE_SOURCE_PARAM, PURCHASE_SOURCES, DEFAULT_PURCHASE_SOURCE
        )

    def _grc_register_purchases(self, purchases):
        """Purchases are won opportunities (crm.lead), confirmed sale orders
        (sale.order) or posted customer invoices (account.move); only the
        source chosen in the settings counts."""
        source = self._grc_purchase_source()
        model = {"lead": "crm.lead", "sale_order": "sale.order"}.get(
            source, "account.move"
        )
        purchases = [item for item in purchases if item[0]._name == model]
        if not purchases:
            return None
        if model == "crm.lead":
            return super()._grc_register_purchases(purchases)
        return self._grc_register_document_purchases(purchases)

    def _grc_register_document_purchases(self, purchases):
        """Record sale orders or invoices on their commercial entities, with a
        constant number of queries whatever their number: one write per set of
        new dates (most often one: today) and one status change for the
        entities that become (or become again) customers.

        :param purchases: list of (document, date)
        """
        by_entity = defaultdict(list)
        for document, date in purchases:
            by_entity[document.partner_id.commercial_partner_id.sudo()].append(
                (date, document)
            )
        to_write = defaultdict(lambda: self.browse())
        becoming_customers = self.browse()
        event_values = {}
        for entity, items in by_entity.items():
            first_date = min(date for date, _document in items)
            last_date, last_document = max(
                items, key=lambda item: (item[0], item[1].id)
            )
            vals = {}
            if not entity.last_purchase_date or last_date > entity.last_purchase_date:
                vals["last_purchase_date"] = last_date
            if not entity.customer_since or first_date < entity.customer_since:
                vals["customer_since"] = first_date
            if vals:
                to_write[tuple(sorted(vals.items()))] |= entity
            if entity.customer_status != "customer":
                becoming_customers |= entity
                event_values[entity.id] = {
                    "date": last_date,
                    **last_document._grc_purchase_event_values(entity),
                }
        for vals, entities in to_write.items():
            entities._grc_write_status_values(dict(vals))
        return becoming_customers._grc_set_customer_status(
            "customer", event_values=event_values
        )

    @api.model
    def _grc_get_purchase_dates(self, entities):
        """{entity id: (first day, last day)} of the purchases of the chosen
        source: won opportunities, confirmed sale orders or posted invoices."""
        source = self._grc_purchase_source()
        if source == "lead":
            return super()._grc_get_purchase_dates(entities)
        documents = self.env[
            "sale.order" if source == "sale_order" else "account.move"
        ]._grc_purchase_documents(entities)
        days = defaultdict(list)
        for document in documents:
            days[document.partner_id.commercial_partner_id.id].append(
                document._grc_purchase_date()
            )
        return {
            entity_id: (min(dates), max(dates)) for entity_id, dates in days.items()
        }

    def _grc_purchase_event_owner(self, document, user):
        """Company, salesperson and sales team of the status event that
        ``document``, sold by ``user``, causes for this commercial entity: the
        document's, else the entity's (its salesperson's team)."""
        return {
            "company_id": document.company_id.id
            or self.company_id.id
            or document.env.company.id,
            "user_id": user.id or self.user_id.id,
            "team_id": document.team_id.id or self.user_id.sale_team_id.id,
        }

    def _grc_undo_document_purchases(self, documents):
        """Sale orders cancelled, invoices reset or credited: bring the
        commercial entities ``self`` back in line with the purchases left."""
        entities = self.commercial_partner_id
        if not entities:
            return
        fname = "sale_order_id" if documents._name == "sale.order" else "invoice_id"
        undone_events = (
            self.env["sales.customer.status.event"]
            .sudo()
            .search(
                [
                    (fname, "in", documents.ids),
                    ("date_next", "=", False),
                    ("new_status", "=", "customer"),
                ]
            )
        )
        entities._grc_sync_purchases(undone_events)

    @api.model
    def _grc_revenue(self, date_from, date_to, companies, entity_ids, by_day=False):
        """Untaxed revenue of the purchases of the chosen source (won
        opportunities, confirmed sale orders, posted invoices minus credit
        notes) from ``date_from`` to ``date_to`` included, in the currency of
        each company, in one grouped query.

        :return: {(company id, entity id): amount}, or with ``by_day``
            {(company id, entity id, day): amount}
        """
        if not entity_ids or not companies:
            return {}
        source = self._grc_purchase_source()
        start = datetime.combine(date_from, time.min)
        stop = datetime.combine(date_to + timedelta(days=1), time.min)
        if source == "lead":
            model = self.env["crm.lead"].with_context(active_test=False)
            entity_field, date_field, amount_field = (
                "commercial_entity_id",
                "date_closed",
                "expected_revenue",
            )
            domain = (
                Domain("won_status", "=", "won")
                & Domain("date_closed", ">=", start)
                & Domain("date_closed", "<", stop)
            )
            currency_field = None
        elif source == "sale_order":
            model = self.env["sale.order"]
            entity_field, date_field, amount_field = (
                "partner_id",
                "date_order",
                "amount_untaxed",
            )
            domain = (
                Domain("state", "=", "sale")
                & Domain("date_order", ">=", start)
                & Domain("date_order", "<", stop)
                & Domain("partner_id.commercial_partner_id", "in", entity_ids)
            )
            currency_field = "currency_id"
        else:
            model = self.env["account.move"]
            entity_field, date_field, amount_field = (
                "commercial_partner_id",
                "invoice_date",
                "amount_untaxed_signed",
            )
            domain = (
                Domain("move_type", "in", ("out_invoice", "out_refund"))
                & Domain("state", "=", "posted")
                & Domain("invoice_date", ">=", date_from)
                & Domain("invoice_date", "<=", date_to)
            )
            currency_field = None
        if entity_field != "partner_id":
            domain &= Domain(entity_field, "in", entity_ids)
        domain &= Domain("company_id", "in", companies.ids)
        groupby = ["company_id", entity_field]
        if currency_field:
            groupby.append(currency_field)
        if by_day:
            groupby.append(f"{date_field}:day")
        revenue = defaultdict(float)
        for row in model.sudo()._read_group(domain, groupby, [f"{amount_field}:sum"]):
            company, partner, *rest, amount = row
            currency = rest.pop(0) if currency_field else None
            day = rest.pop(0) if by_day else None
            if currency and currency != company.currency_id:
                amount = currency._convert(
                    amount, company.currency_id, company, day or date_to
                )
            key = (company.id, partner.commercial_partner_id.id)
            if by_day:
                key += (fields.Date.to_date(day),)
            revenue[key] += amount or 0.0
        return dict(revenue)

    @api.model
    def _grc_write_status_values_grouped(self, vals_by_entity):
        """Write ``{entity: vals}`` untracked, in one write per distinct set of
        values (most entities share their dates) instead of one per entity."""
        to_write = defaultdict(lambda: self.browse())
        for entity, vals in vals_by_entity.items():
            if vals:
                to_write[tuple(sorted(vals.items()))] |= entity
        for vals, entities in to_write.items():
            entities._grc_write_status_values(dict(vals), track=False)

    @api.model
    def _grc_init_customers_from_documents(self):
        """Rebuild the purchase history from the sale orders (or invoices)
        that exist when the bridge is installed (post-install hook).

        Prospects with purchases become customers at their first purchase,
        then at risk / lost when the thresholds were crossed after their last
        one, with the status events dated accordingly. Customers already known
        (won opportunities) get the dates of their orders when these are
        later (or earlier, for ``customer_since``); an at-risk or lost customer
        who ordered since is won back at that order's date. Running it again
        changes nothing.
        """
        source = self._grc_purchase_source()
        if source == "lead":
            return self.browse()
        model = self.env["sale.order" if source == "sale_order" else "account.move"]
        documents = model._grc_purchase_documents()
        by_entity = defaultdict(list)
        for document in documents:
            by_entity[document.partner_id.commercial_partner_id.sudo()].append(
                (document._grc_purchase_date(), document)
            )
        if not by_entity:
            return self.browse()
        today = fields.Date.context_today(self)
        at_risk_days, lost_days = self._grc_get_thresholds()
        inactivity = self.env.ref(
            "sales_process_grc.churn_reason_inactivity", raise_if_not_found=False
        )
        events = []
        won_back = defaultdict(dict)
        vals_by_entity = {}
        for entity, items in by_entity.items():
            first, first_document = min(items, key=lambda item: (item[0], item[1].id))
            last, last_document = max(items, key=lambda item: (item[0], item[1].id))
            vals = {}
            if not entity.customer_since or first < entity.customer_since:
                vals["customer_since"] = first
            if not entity.last_purchase_date or last > entity.last_purchase_date:
                vals["last_purchase_date"] = last
            if entity.customer_status in (False, "prospect"):
                at_risk_date = last + timedelta(days=at_risk_days)
                lost_date = last + timedelta(days=lost_days)
                if lost_date <= today:
                    status = "lost"
                elif at_risk_date <= today:
                    status = "at_risk"
                else:
                    status = "customer"
                vals["customer_status"] = status
                if status == "lost":
                    vals.update(
                        churn_date=lost_date,
                        churn_reason_id=inactivity.id if inactivity else False,
                    )
                common = first_document._grc_purchase_event_values(entity)
                events.append(
                    {
                        **common,
                        "partner_id": entity.id,
                        "date": first,
                        "old_status": "prospect",
                        "new_status": "customer",
                        "date_next": at_risk_date if status != "customer" else False,
                    }
                )
                common = {
                    key: common[key]
                    for key in ("company_id", "user_id", "team_id")
                    if key in common
                }
                if status != "customer":
                    events.append(
                        {
                            **common,
                            "partner_id": entity.id,
                            "date": at_risk_date,
                            "old_status": "customer",
                            "new_status": "at_risk",
                            "date_next": lost_date if status == "lost" else False,
                        }
                    )
                if status == "lost":
                    events.append(
                        {
                            **common,
                            "partner_id": entity.id,
                            "date": lost_date,
                            "old_status": "at_risk",
                            "new_status": "lost",
                            "churn_reason_id": vals["churn_reason_id"],
                        }
                    )
            elif (
                entity.customer_status in ("at_risk", "lost")
                and "last_purchase_date" in vals
            ):
                # ordered after the status was last set: won back at that date
                status_date = entity.churn_date or entity.last_purchase_date
                if not status_date or last > status_date:
                    won_back[last][entity.id] = {
                        "date": last,
                        **last_document._grc_purchase_event_values(entity),
                    }
            vals_by_entity[entity] = vals
        self._grc_write_status_values_grouped(vals_by_entity)
        self.env["sales.customer.status.event"].sudo().create(events)
        for date, event_values in won_back.items():
            self.browse(list(event_values))._grc_set_customer_status(
                "customer", date=date, track=False, event_values=event_values
            )
        return self.browse([entity.id for entity in by_entity])
