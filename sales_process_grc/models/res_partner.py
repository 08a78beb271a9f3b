# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from .crm_lead import PROSPECT_TEMPERATURES, TEMPERATURE_RANK
from .grc_cron import CronStep, run_cron_steps
from .grc_settings import check_attrition_thresholds, checked_or_default, get_int_param
from .ir_actions_server import ACTIVITY_DIGEST_KEY, ActivityDigest
from .sales_customer_status_event import ACTIVE_CUSTOMER_STATUSES, CUSTOMER_STATUSES

_logger = logging.getLogger(__name__)
AT_RISK_DAYS_PARAM = "sales_process_grc.at_risk_days"
LOST_DAYS_PARAM = "sales_process_grc.lost_days"
DEFAULT_AT_RISK_DAYS = 180
DEFAULT_LOST_DAYS = 365
CLASSIFY_BATCH_SIZE = 1000
CUSTOMER_STATUS_FIELDS = frozenset(
    (
        "customer_status",
        "last_purchase_date",
        "customer_since",
        "churn_date",
        "churn_reason_id",
    )
)


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "sales.selection.label.mixin"]

    # prefetch="sales_process_grc": the addon's columns on the partner are
    # fetched together when one of them is read, not with Odoo's: a partner
    # read for its name (a lead's customer, a salesperson, a follower) does
    # not fetch them. But the temperature: it is recomputed when leads
    # change, and the ORM writes a recomputed value unless the old one was
    # fetched.
    customer_status = fields.Selection(
        CUSTOMER_STATUSES,
        default="prospect",
        index=True,
        tracking=True,
        copy=False,
        readonly=True,
        groups="base.group_user",
        help="Prospect: never bought. Customer: bought recently. At risk: no "
        "purchase for a while. Lost: no purchase for too long, or marked lost "
        "by a salesperson. Contacts show the status of their company.",
        prefetch="sales_process_grc",
    )

    last_purchase_date = fields.Date(
        index=True,
        copy=False,
        readonly=True,
        groups="base.group_user",
        help="Day of the last purchase (closing date of the last won opportunity).",
        prefetch="sales_process_grc",
    )

    customer_since = fields.Date(
        copy=False,
        readonly=True,
        groups="base.group_user",
        help="Day of the first purchase (closing date of the first won opportunity).",
        prefetch="sales_process_grc",
    )

    churn_date = fields.Date(
        copy=False,
        readonly=True,
        groups="base.group_user",
        help="Day the customer was lost.",
        prefetch="sales_process_grc",
    )

    churn_reason_id = fields.Many2one(
        "sales.churn.reason",
        copy=False,
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        groups="base.group_user",
        help="Why the customer was lost.",
        prefetch="sales_process_grc",
    )

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

    information_letter_ids = fields.One2many(
        "sales.information.letter",
        "partner_id",
        string="Information Letters",
        groups="sales_team.group_sale_salesman",
        help="Information letters sent to this partner, one per period at most.",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + sorted(CUSTOMER_STATUS_FIELDS)

    def _commercial_sync_to_descendants(self, fields_to_sync=None):
        # Contacts mirror the status of their commercial entity (Odoo's own
        # synchronisation of commercial fields); the entity's chatter tracks
        # its changes, the contacts' chatters do not repeat them.
        partners = self
        if fields_to_sync is not None and set(fields_to_sync) <= (
            CUSTOMER_STATUS_FIELDS
        ):
            partners = self.with_context(tracking_disable=True)
        return super(ResPartner, partners)._commercial_sync_to_descendants(
            fields_to_sync
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            initial = {
                fname: vals[fname]
                for fname in CUSTOMER_STATUS_FIELDS
                if fname in vals and vals[fname] not in (False, None, "prospect")
            }
            if initial and not self._grc_status_write_allowed():
                raise UserError(self._grc_status_write_error())
        return super().create(vals_list)

    def write(self, vals):
        if CUSTOMER_STATUS_FIELDS & vals.keys():
            if self.env.context.get("grc_status_skip"):
                # e.g. the partner merge wizard: the status is rebuilt from
                # the purchases afterwards (_grc_sync_purchases)
                vals = {
                    key: value
                    for key, value in vals.items()
                    if key not in CUSTOMER_STATUS_FIELDS
                }
            elif not (
                self._grc_status_write_allowed() or self._grc_is_commercial_sync(vals)
            ):
                raise UserError(self._grc_status_write_error())
        return super().write(vals)

    def _grc_status_write_allowed(self):
        """The status fields are written by the addon's own status mechanism
        only (``_grc_write_status_values``), which runs as superuser with its
        context key; a context key alone (that an RPC caller can pass) is not
        enough."""
        return self.env.su and self.env.context.get("grc_status_write")

    def _grc_is_commercial_sync(self, vals):
        """Whether ``vals`` only copies the status of each partner's commercial
        entity onto it: the core synchronisation of commercial fields when a
        contact joins a company, or a write that changes nothing."""
        for partner in self:
            entity = partner.commercial_partner_id
            for fname in CUSTOMER_STATUS_FIELDS & vals.keys():
                field = self._fields[fname]
                if field.convert_to_cache(
                    vals[fname], partner
                ) != field.convert_to_cache(entity[fname], entity):
                    return False
        return True

    def _grc_status_write_error(self):
        return self.env._(
            "The customer status, its dates and the churn reason follow the "
            "sales process (won opportunities, the daily classification, "
            "“Mark as Lost”) and cannot be set directly."
        )

    @api.model
    def _grc_commercial_entity_domain(self):
        return Domain("is_company", "=", True) | Domain("parent_id", "=", False)

    @api.model
    def _grc_get_thresholds(self):
        """Return (at_risk_days, lost_days) from the settings, or the defaults
        when the parameters are missing or inconsistent."""
        return checked_or_default(
            self.env,
            check_attrition_thresholds,
            (
                get_int_param(self.env, AT_RISK_DAYS_PARAM, DEFAULT_AT_RISK_DAYS),
                get_int_param(self.env, LOST_DAYS_PARAM, DEFAULT_LOST_DAYS),
            ),
            (DEFAULT_AT_RISK_DAYS, DEFAULT_LOST_DAYS),
        )

    def _grc_write_status_values(self, vals, track=True):
        """Write customer status values on the commercial entities ``self``;
        Odoo's synchronisation of commercial fields copies them on their
        contacts.

        The status is maintained by the sales process (won opportunities, the
        daily classification, the "mark as lost" wizard), not edited: it is
        written as superuser so that a salesperson without the right to edit
        contacts can still win an opportunity or report a lost customer.
        """
        if not self or not vals:
            return
        entities = self.sudo().with_context(grc_status_write=True)
        if not track:
            entities = entities.with_context(tracking_disable=True)
        # The synchronisation goes entity by entity down the contacts: load
        # the contacts (and theirs) of the whole batch in a few queries, so
        # that it runs from the cache.
        descendants = entities.with_context(active_test=False).search_fetch(
            [
                ("commercial_partner_id", "in", self.ids),
                ("id", "not in", self.ids),
            ],
            ["parent_id", "is_company", "type", "commercial_partner_id"]
            + sorted(vals.keys() & CUSTOMER_STATUS_FIELDS),
        )
        (entities | descendants).mapped("child_ids")
        (entities | descendants).mapped("user_ids")
        entities.write(vals)
        if not track:
            # what follows from the status (e.g. the email legal basis) is
            # recomputed now, untracked too: at the next flush it would be
            # tracked, one chatter message per partner (1,000 messages and
            # tracking values for a batch of the classification)
            (entities | descendants).flush_recordset()

    def _grc_check_status_rights(self):
        """Refuse a change of status by hand (``Mark as Lost``) by a user who
        does not manage these customers: a salesperson limited to own
        documents manages the customers assigned to him (or to nobody), every
        salesperson only those of his companies (the company the customer's
        history is counted in)."""
        self.check_access("read")
        user = self.env.user
        own_only = not self.env.su and not user.has_group(
            "sales_team.group_sale_salesman_all_leads"
        )
        # sudo: the history of another company is what must be detected
        current = {
            event.partner_id: event.company_id
            for event in self.env["sales.customer.status.event"]
            .sudo()
            .search([("partner_id", "in", self.ids), ("date_next", "=", False)])
        }
        for partner in self:
            company = current.get(partner) or partner.company_id
            if company and company not in self.env.companies:
                raise AccessError(
                    self.env._(
                        "%(customer)s is a customer of %(company)s: you cannot "
                        "change its status from your companies.",
                        customer=partner.display_name,
                        company=company.display_name,
                    )
                )
            if own_only and partner.user_id not in (user, user.browse()):
                raise AccessError(
                    self.env._(
                        "%(customer)s is followed by %(salesperson)s: only its "
                        "salesperson or a sales manager can change its status.",
                        customer=partner.display_name,
                        salesperson=partner.user_id.name,
                    )
                )

    def _grc_set_customer_status(
        self,
        new_status,
        date=None,
        reason=None,
        note=None,
        track=True,
        event_values=None,
    ):
        """Move the commercial entities ``self`` to ``new_status`` and log one
        status event per partner that actually changes, set-based.

        :param date: day of the change (default: today)
        :param reason: sales.churn.reason (for the lost status)
        :param event_values: optional {partner id: extra event values} (date,
            lead_id, team_id, company_id...)
        :return: the partners whose status changed
        """
        partners = self.filtered(lambda partner: partner.customer_status != new_status)
        if not partners:
            return partners
        if isinstance(reason, int):  # from XML data (<function>)
            reason = self.env["sales.churn.reason"].browse(reason)
        date = date or fields.Date.context_today(self)
        event_values = event_values or {}
        old_status_by_partner = {
            partner.id: partner.customer_status or "prospect" for partner in partners
        }
        vals = {"customer_status": new_status}
        if new_status == "lost":
            vals.update(churn_date=date, churn_reason_id=reason.id if reason else False)
        else:
            vals.update(churn_date=False, churn_reason_id=False)
        partners._grc_write_status_values(vals, track=track)
        partners._grc_log_status_events(
            [
                {
                    "partner_id": partner.id,
                    "date": date,
                    "old_status": old_status_by_partner[partner.id],
                    "new_status": new_status,
                    "churn_reason_id": reason.id if reason else False,
                    "note": note or False,
                    **event_values.get(partner.id, {}),
                }
                for partner in partners
            ]
        )
        return partners

    def _grc_log_status_events(self, vals_list):
        """Create status events (the event model closes the previous ones),
        counted in the company of the partner's history by default.

        The log is written as superuser: it is the audit trail of the status
        and salespeople only read it.
        """
        event_model = self.env["sales.customer.status.event"].sudo()
        partner_ids = [vals["partner_id"] for vals in vals_list]
        current_by_partner = {
            event.partner_id.id: event
            for event in event_model.search(
                [("partner_id", "in", partner_ids), ("date_next", "=", False)]
            )
        }
        partners = self.browse(partner_ids)
        for vals, partner in zip(vals_list, partners, strict=True):
            current = current_by_partner.get(partner.id)
            if not vals.get("company_id"):
                vals["company_id"] = (
                    current.company_id.id
                    if current
                    else partner.company_id.id or self.env.company.id
                )
            vals.setdefault("user_id", partner.user_id.id)
            vals.setdefault("team_id", partner.user_id.sale_team_id.id)
        return event_model.create(vals_list)

    def _grc_register_purchases(self, purchases):
        """Record won opportunities on their commercial entities.

        :param purchases: list of (crm.lead, date) of newly won opportunities
        """
        by_entity = defaultdict(list)
        for lead, date in purchases:
            by_entity[lead.partner_id.commercial_partner_id].append((date, lead))
        becoming_customers = self.browse()
        event_values = {}
        entities_by_vals = defaultdict(lambda: self.browse())
        for entity, items in by_entity.items():
            first_date = min(date for date, _lead in items)
            last_date, last_lead = max(items, key=lambda item: (item[0], item[1].id))
            vals = {}
            if not entity.last_purchase_date or last_date > entity.last_purchase_date:
                vals["last_purchase_date"] = last_date
            if not entity.customer_since or first_date < entity.customer_since:
                vals["customer_since"] = first_date
            # one write per distinct set of values (usually one for a batch)
            entities_by_vals[tuple(sorted(vals.items()))] |= entity
            if entity.customer_status != "customer":
                becoming_customers |= entity
                event_values[entity.id] = {
                    "date": last_date,
                    "lead_id": last_lead.id,
                    "company_id": last_lead.company_id.id
                    or entity.company_id.id
                    or self.env.company.id,
                    "user_id": last_lead.user_id.id or entity.user_id.id,
                    "team_id": last_lead.team_id.id or entity.user_id.sale_team_id.id,
                }
        for vals, entities in entities_by_vals.items():
            entities._grc_write_status_values(dict(vals))
        becoming_customers._grc_set_customer_status(
            "customer", event_values=event_values
        )

    @api.model
    def _grc_get_purchase_dates(self, entities):
        """Return {entity id: (first day, last day)} of the purchases of the
        commercial entities ``entities``, from their sources: the won
        opportunities (a bridge module may add sale orders or invoices)."""
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("commercial_entity_id", "in", entities.ids),
                    ("won_status", "=", "won"),
                ],
                ["commercial_entity_id", "date_closed", "create_date"],
            )
        )
        dates = defaultdict(list)
        for lead in leads:
            dates[lead.commercial_entity_id.id].append(lead._grc_purchase_date())
        return {entity_id: (min(days), max(days)) for entity_id, days in dates.items()}

    def _grc_sync_purchases(self, undone_events=None):
        """Bring the purchase dates and the status of the commercial entities
        ``self`` back in line with their purchases, after a purchase was
        undone: a won opportunity reopened, deleted, merged or given to
        another customer.

        ``undone_events`` are the current status events that the undone
        purchases created (see ``crm.lead._grc_purchase_events``): when the
        customer has no purchase left, or the undone purchase had won it
        back, the event is withdrawn and the previous status restored, so
        that the attrition history does not count a customer that never
        was. Otherwise customers keep their status (the daily
        classification applies the thresholds to the new last purchase
        date), prospects that now have purchases become customers and
        customers without any purchase left go back to prospects.
        """
        entities = self.commercial_partner_id.sudo()
        if not entities:
            return
        event_model = self.env["sales.customer.status.event"].sudo()
        undone_events = (undone_events or event_model).sudo()
        undone_by_partner = {event.partner_id: event for event in undone_events}
        purchases = self._grc_get_purchase_dates(entities)
        withdrawn = event_model
        entities_by_vals = defaultdict(lambda: self.browse())
        becoming_customers = self.browse()
        back_to_prospects = self.browse()
        for entity in entities:
            first, last = purchases.get(entity.id, (False, False))
            vals = {}
            if entity.customer_since != first:
                vals["customer_since"] = first
            if entity.last_purchase_date != last:
                vals["last_purchase_date"] = last
            entities_by_vals[tuple(sorted(vals.items()))] |= entity
            event = undone_by_partner.get(entity)
            if last and entity.customer_status == "prospect":
                becoming_customers |= entity
            elif (
                event
                and last
                and last >= event.date
                and event.old_status in ("at_risk", "lost")
            ):
                # a purchase made since the undone one won the customer back
                # as well: the event becomes that purchase's
                entity._grc_move_purchase_event(event)
            elif event and (not last or event.old_status in ("at_risk", "lost")):
                previous = event_model.search(
                    [("partner_id", "=", entity.id), ("id", "!=", event.id)],
                    order="date desc, id desc",
                    limit=1,
                )
                was_lost = previous.new_status == "lost"
                withdrawn |= event
                entity._grc_write_status_values(
                    {
                        "customer_status": event.old_status or "prospect",
                        "churn_date": previous.date if was_lost else False,
                        "churn_reason_id": previous.churn_reason_id.id
                        if was_lost
                        else False,
                    }
                )
                previous.date_next = False
            elif not last and entity.customer_status != "prospect":
                back_to_prospects |= entity
        # one write per distinct set of dates, one status change per status
        for vals, group in entities_by_vals.items():
            group._grc_write_status_values(dict(vals))
        becoming_customers._grc_set_customer_status(
            "customer",
            event_values={
                entity.id: {"date": purchases[entity.id][1]}
                for entity in becoming_customers
            },
        )
        back_to_prospects._grc_set_customer_status("prospect")
        withdrawn.unlink()

    def _grc_move_purchase_event(self, event):
        """Give the status event ``event`` of the commercial entity ``self``,
        created by a purchase since undone, to its first remaining purchase
        on or after the event's day (that purchase made the same change)."""
        self.ensure_one()
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [("commercial_entity_id", "=", self.id), ("won_status", "=", "won")]
            )
        )
        day, lead = min(
            (
                (lead._grc_purchase_date(), lead)
                for lead in leads
                if lead._grc_purchase_date() >= event.date
            ),
            key=lambda item: (item[0], item[1].id),
        )
        previous = event.search(
            [
                ("partner_id", "=", self.id),
                ("date_next", "=", event.date),
                ("id", "!=", event.id),
            ]
        )
        previous.date_next = day
        event.write({"date": day, "lead_id": lead.id})

    @api.model
    def _cron_grc_classify_customers(self, batch_size=CLASSIFY_BATCH_SIZE):
        """Daily: customers without purchase for at_risk_days become at risk,
        for lost_days lost (reason: inactivity).

        Works by batches of ``batch_size`` partners with one write and one
        event insert per batch, commits after each batch and stops when the
        cron's time is up (see ``grc_cron``); the next run goes on with the
        partners still to classify (the status is part of the search domain,
        so nothing is classified twice).
        """
        today = fields.Date.context_today(self)
        at_risk_days, lost_days = self._grc_get_thresholds()
        lost_limit = today - timedelta(days=lost_days)
        at_risk_limit = today - timedelta(days=at_risk_days)
        entities = self._grc_commercial_entity_domain()
        inactivity = self.env.ref(
            "sales_process_grc.churn_reason_inactivity", raise_if_not_found=False
        )
        run_cron_steps(
            self.env,
            [
                CronStep(
                    records=self,
                    domain=entities
                    & Domain("customer_status", "in", ACTIVE_CUSTOMER_STATUSES)
                    & Domain("last_purchase_date", "<=", lost_limit),
                    process=lambda partners: partners._grc_classify_batch(
                        "lost", today, reason=inactivity
                    ),
                ),
                CronStep(
                    records=self,
                    domain=entities
                    & Domain("customer_status", "=", "customer")
                    & Domain("last_purchase_date", "<=", at_risk_limit),
                    process=lambda partners: partners._grc_classify_batch(
                        "at_risk", today
                    ),
                ),
            ],
            batch_size,
        )

    def _grc_classify_batch(self, status, date, reason=None):
        """One batch of the daily classification: the partners ``self`` move
        to ``status``; the automation rules' activities are scheduled per
        salesperson, each notified once (see ir.actions.server)."""
        batched_activities = ActivityDigest()
        self.with_context(
            **{ACTIVITY_DIGEST_KEY: batched_activities}
        )._grc_set_customer_status(status, date=date, reason=reason, track=False)
        self.env["ir.actions.server"]._grc_schedule_batched_activities(
            batched_activities
        )

    @api.depends(
        "commercial_partner_id",
        "commercial_partner_id.prospect_lead_ids.prospect_temperature",
        "commercial_partner_id.prospect_lead_ids.active",
        # and the leads' won status: crm.lead._grc_won_status_changed
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
