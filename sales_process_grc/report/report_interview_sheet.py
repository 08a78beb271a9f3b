# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter, defaultdict

from odoo import api, models
from odoo.tools import SQL

# Past opportunities listed per customer on the sheet (the totals count all).
HISTORY_LIMIT = 10


class ReportInterviewSheet(models.AbstractModel):
    """Data of the sales interview sheet (entretien de vente), for one or many
    leads at once.

    Everything the template reads is fetched here in batch, so that the number
    of queries does not grow with the number of leads printed.
    """

    _name = "report.sales_process_grc.report_interview_sheet"
    _description = "Sales Interview Sheet Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        leads = self.env["crm.lead"].browse(docids)
        self._prefetch(leads)
        return {
            "doc_ids": docids,
            "doc_model": "crm.lead",
            "docs": leads,
            "history": self._get_history(leads),
        }

    @api.model
    def _prefetch(self, leads):
        """Read what the template shows, a fixed number of queries per batch."""
        leads.fetch(
            [
                "name",
                "type",
                "partner_id",
                "partner_name",
                "contact_name",
                "email_from",
                "phone",
                "street",
                "street2",
                "zip",
                "city",
                "state_id",
                "country_id",
                "website",
                "user_id",
                "team_id",
                "company_id",
                "prospect_temperature",
                "prospecting_goal",
                "description",
                "expected_revenue",
                "company_currency",
                "offer_lead_time",
                "offer_payment_terms",
                "interview_step_id",
                "won_status",
                "commercial_entity_id",
                "date_deadline",
                "stage_id",
            ]
        )
        partners = leads.partner_id
        partners.fetch(["lang", "commercial_partner_id", "customer_status"])
        lines = leads.interview_line_ids
        lines.fetch(["step_id", "state", "done_date", "done_user_id", "note"])
        objections = leads.objection_ids
        objections.fetch(["objection_type_id", "statement", "answer", "resolved"])
        activities = leads.activity_ids
        activities.fetch(
            ["activity_type_id", "summary", "date_deadline", "user_id", "note"]
        )
        leads.commercial_entity_id.fetch(
            ["name", "customer_status", "last_purchase_date", "customer_since"]
        )
        # display names of the related records, all at once
        for related in (
            leads.state_id,
            leads.country_id,
            leads.team_id,
            leads.stage_id,
            lines.step_id,
            objections.objection_type_id,
            activities.activity_type_id,
        ):
            related.fetch(["name"])
        users = leads.user_id | lines.done_user_id | activities.user_id
        users.partner_id.fetch(["name"])

    @api.model
    def _get_history(self, leads):
        """Past opportunities (won or lost) of the leads' commercial entities.

        :return: {lead id: {"leads": crm.lead (the most recent ones, without
            the lead itself), "won_count", "won_amount", "lost_count",
            "lost_amount", "entity": res.partner}}
        """
        entities = leads.commercial_entity_id
        if not entities:
            return {}
        lead_model = self.env["crm.lead"].with_context(active_test=False)
        domain = [
            ("commercial_entity_id", "in", entities.ids),
            ("won_status", "in", ("won", "lost")),
        ]
        totals = defaultdict(dict)
        for entity, status, count, amount in lead_model._read_group(
            domain,
            ["commercial_entity_id", "won_status"],
            ["__count", "expected_revenue:sum"],
        ):
            totals[entity.id][status] = (count, amount)
        # the most recent closed opportunities of each entity, in one query;
        # the printed leads are left out of their own history
        closed = Counter(
            lead.commercial_entity_id.id
            for lead in leads
            if lead.commercial_entity_id and lead.won_status != "pending"
        )
        extra = max(closed.values(), default=0)
        query = lead_model._search(domain)
        table = query.table
        ranked = query.select(
            SQL(
                "%s AS id, %s AS entity_id, ROW_NUMBER() OVER ("
                "PARTITION BY %s ORDER BY %s DESC NULLS LAST, %s DESC, %s DESC"
                ") AS position",
                SQL.identifier(table, "id"),
                SQL.identifier(table, "commercial_entity_id"),
                SQL.identifier(table, "commercial_entity_id"),
                SQL.identifier(table, "date_closed"),
                SQL.identifier(table, "write_date"),
                SQL.identifier(table, "id"),
            )
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM (%s) AS ranked WHERE position <= %s "
                "ORDER BY entity_id, position",
                ranked,
                HISTORY_LIMIT + extra,
            )
        )
        past = lead_model.browse([row[0] for row in rows])
        past.fetch(
            [
                "name",
                "won_status",
                "expected_revenue",
                "company_currency",
                "date_closed",
                "write_date",
                "lost_reason_id",
                "commercial_entity_id",
                "user_id",
            ]
        )
        past.lost_reason_id.fetch(["name"])
        past.user_id.partner_id.fetch(["name"])
        past_by_entity = past.grouped("commercial_entity_id")
        history = {}
        for lead in leads:
            entity = lead.commercial_entity_id
            if not entity:
                continue
            entity_totals = totals.get(entity.id, {})
            won_count, won_amount = entity_totals.get("won", (0, 0.0))
            lost_count, lost_amount = entity_totals.get("lost", (0, 0.0))
            if lead.won_status == "won":
                won_count -= 1
                won_amount -= lead.expected_revenue
            elif lead.won_status == "lost":
                lost_count -= 1
                lost_amount -= lead.expected_revenue
            others = past_by_entity.get(entity, lead_model) - lead
            history[lead.id] = {
                "entity": entity,
                "leads": others[:HISTORY_LIMIT],
                "won_count": won_count,
                "won_amount": won_amount,
                "lost_count": lost_count,
                "lost_amount": lost_amount,
            }
        return history
