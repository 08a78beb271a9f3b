# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

# Prospect temperature (issue 3): the French sales method classifies prospects
# as cold (refused the appointment), warm (accepted it, little interested) and
# hot (likely to buy). Empty means "not qualified yet".
PROSPECT_TEMPERATURES = [("cold", "Cold"), ("warm", "Warm"), ("hot", "Hot")]
TEMPERATURE_RANK = {False: 0, None: 0, "cold": 1, "warm": 2, "hot": 3}

COOLING_PARAM = "sales_process_grc.temperature_cooling"
COOLING_HOT_DAYS_PARAM = "sales_process_grc.temperature_hot_days"
COOLING_WARM_DAYS_PARAM = "sales_process_grc.temperature_warm_days"
COOLING_HOT_DAYS_DEFAULT = 30
COOLING_WARM_DAYS_DEFAULT = 60
COOLING_BATCH_SIZE = 1000


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # --- prospect temperature ----------------------------------------------
    prospect_temperature = fields.Selection(
        PROSPECT_TEMPERATURES,
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
        help="How close the prospect is to buying: cold (refused the "
        "appointment), warm (accepted it but seems little interested), hot "
        "(accepted the appointment, possibly the quote, likely to buy). Empty "
        "means not qualified yet. Set by hand or moved by meetings, stages, "
        "winning and cooling.",
    )
    prospect_temperature_date = fields.Datetime(
        string="Temperature Since",
        readonly=True,
        copy=False,
        help="When the temperature was last set by a salesperson or by an "
        "event (meeting answer, stage, won). Automatic cooling does not move "
        "it: inactivity is counted from the last real activity.",
    )
    commercial_entity_id = fields.Many2one(
        "res.partner",
        string="Commercial Entity",
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        help="Company (or individual) the customer belongs to; the hottest "
        "temperature of its open leads is shown on all its contacts.",
    )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("prospect_temperature"):
                vals.setdefault("prospect_temperature_date", now)
        leads = super().create(vals_list)
        for stage, stage_leads in leads.grouped("stage_id").items():
            if stage.prospect_temperature:
                stage_leads._prospect_temperature_raise_to_stage(stage)
        return leads

    def write(self, vals):
        if "prospect_temperature" in vals and not self.env.context.get(
            "prospect_temperature_keep_date"
        ):
            vals = dict(vals, prospect_temperature_date=fields.Datetime.now())
        if (
            "prospect_temperature" in vals
            and self._prospect_temperature_mass_tracking()
        ):
            return self._prospect_temperature_mass_write(vals)
        entering = self.browse()
        stage = self.env["crm.stage"]
        if vals.get("stage_id"):
            stage = stage.browse(vals["stage_id"])
            if stage.prospect_temperature:
                entering = self.filtered(lambda lead: lead.stage_id != stage)
        result = super().write(vals)
        if entering:
            entering._prospect_temperature_raise_to_stage(stage)
        return result

    def _prospect_temperature_mass_tracking(self):
        """Whether a change of temperature on ``self`` is tracked in batch by
        this module rather than by mail: mail logs tracked changes with one
        message per record at commit (several queries each); a mass update
        logs its notes with a constant number of queries instead."""
        context = self.env.context
        return (
            len(self) > 1
            and not context.get("tracking_disable")
            and not context.get("mail_notrack")
        )

    def _prospect_temperature_mass_write(self, vals):
        fnames = ("prospect_temperature", "prospect_temperature_date")
        old_values = {lead.id: lead.prospect_temperature for lead in self}
        self.with_context(mail_notrack=True).write(
            {fname: vals[fname] for fname in fnames if fname in vals}
        )
        changed = self.filtered(
            lambda lead: lead.prospect_temperature != old_values[lead.id]
        )
        changed._prospect_temperature_log(old_values, "")
        other_vals = {key: value for key, value in vals.items() if key not in fnames}
        return self.write(other_vals) if other_vals else True

    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        result = super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
        reach_won = self.filtered(
            lambda lead: new_status_by_lead.get(lead.id, {}).get("is_won")
            and not old_status_by_lead.get(lead.id, {}).get("is_won")
        )
        if reach_won:
            reach_won._prospect_temperature_apply("hot", self.env._("Opportunity won"))
        return result

    def _merge_get_fields_specific(self):
        """Merged leads keep the hottest temperature."""
        return {
            **super()._merge_get_fields_specific(),
            "prospect_temperature": lambda fname, leads: max(
                leads.mapped(fname) or [False], key=TEMPERATURE_RANK.get
            ),
        }

    # ------------------------------------------------------------
    # TEMPERATURE: automatic changes, always explained in the chatter
    # ------------------------------------------------------------

    def _prospect_temperature_raise_to_stage(self, stage):
        """Leads of ``self`` entering ``stage`` get at least its temperature."""
        rank = TEMPERATURE_RANK[stage.prospect_temperature]
        colder = self.filtered(
            lambda lead: lead.won_status == "pending"
            and TEMPERATURE_RANK[lead.prospect_temperature] < rank
        )
        colder._prospect_temperature_apply(
            stage.prospect_temperature,
            self.env._("Stage “%(stage)s” reached", stage=stage.name),
        )

    def _prospect_temperature_apply(
        self, temperature, reason, author_id=None, keep_date=False
    ):
        """Set ``temperature`` on the leads of ``self`` that do not have it yet
        and log one chatter note per lead carrying ``reason`` (a string, or a
        dict {lead id: string}) and the tracked change. Batched: a constant
        number of queries whatever the number of leads.

        :param keep_date: do not move ``prospect_temperature_date`` (cooling)
        :return: the leads actually changed
        """
        leads = self.filtered(lambda lead: lead.prospect_temperature != temperature)
        if not leads:
            return leads
        old_values = {lead.id: lead.prospect_temperature for lead in leads}
        leads.with_context(
            mail_notrack=True, prospect_temperature_keep_date=keep_date
        ).write({"prospect_temperature": temperature})
        leads._prospect_temperature_log(old_values, reason, author_id=author_id)
        return leads

    def _prospect_temperature_log(self, old_values, reason, author_id=None):
        """One internal note per lead: the cause and the tracking value."""
        if not self:
            return
        fname = "prospect_temperature"
        field_info = self.fields_get(
            [fname], attributes=("string", "type", "selection")
        )[fname]
        bodies = {
            lead.id: reason if isinstance(reason, str) else reason[lead.id]
            for lead in self
        }
        messages = self._message_log_batch(bodies=bodies, author_id=author_id)
        tracking_model = self.env["mail.tracking.value"].sudo()
        leads_by_id = {lead.id: lead for lead in self}
        tracking_model.create(
            [
                dict(
                    tracking_model._create_tracking_values(
                        old_values[message.res_id],
                        leads_by_id[message.res_id][fname],
                        fname,
                        field_info,
                        leads_by_id[message.res_id],
                    ),
                    mail_message_id=message.id,
                )
                for message in messages
            ]
        )

    # ------------------------------------------------------------
    # TEMPERATURE: cooling of inactive leads (scheduled action)
    # ------------------------------------------------------------

    @api.model
    def _prospect_temperature_cooling_delays(self):
        """Return (enabled, hot_days, warm_days) from the settings."""
        params = self.env["ir.config_parameter"].sudo()
        enabled = params.get_param(COOLING_PARAM, "False") not in ("False", "0", "")

        def _days(key, default):
            try:
                return int(params.get_param(key, default))
            except (TypeError, ValueError):
                return default

        hot_days = _days(COOLING_HOT_DAYS_PARAM, COOLING_HOT_DAYS_DEFAULT)
        warm_days = _days(COOLING_WARM_DAYS_PARAM, COOLING_WARM_DAYS_DEFAULT)
        if hot_days <= 0 or warm_days <= hot_days:
            _logger.info(
                "Invalid prospect cooling delays (%s, %s): using the defaults",
                hot_days,
                warm_days,
            )
            hot_days, warm_days = COOLING_HOT_DAYS_DEFAULT, COOLING_WARM_DAYS_DEFAULT
        return enabled, hot_days, warm_days

    @api.model
    def _cron_prospect_temperature_cooling(self, batch_size=COOLING_BATCH_SIZE):
        """Cool down the open leads without activity: hot → warm after the
        hot delay, hot or warm → cold after the warm delay. Activity means a
        message (note, email), an activity marked as done or a meeting (past
        or planned). Works in batches and commits its progress."""
        enabled, hot_days, warm_days = self._prospect_temperature_cooling_delays()
        if not enabled:
            return
        now = fields.Datetime.now()
        hot_limit = now - timedelta(days=hot_days)
        warm_limit = now - timedelta(days=warm_days)
        # The date floor is a cheap SQL pre-filter; the real last activity is
        # computed per batch with two _read_group.
        domain = Domain("won_status", "=", "pending") & (
            (
                Domain("prospect_temperature", "=", "hot")
                & (
                    Domain("prospect_temperature_date", "<=", hot_limit)
                    | Domain("prospect_temperature_date", "=", False)
                )
            )
            | (
                Domain("prospect_temperature", "=", "warm")
                & (
                    Domain("prospect_temperature_date", "<=", warm_limit)
                    | Domain("prospect_temperature_date", "=", False)
                )
            )
        )
        cron_model = self.env["ir.cron"]
        cron_model._commit_progress(remaining=self.search_count(domain))
        last_id = 0
        while True:
            leads = self.search(
                domain & Domain("id", ">", last_id), order="id", limit=batch_size
            )
            if not leads:
                break
            last_id = leads[-1].id
            leads._prospect_temperature_cool(now, hot_days, warm_days)
            if not cron_model._commit_progress(len(leads)):
                break

    def _prospect_temperature_cool(self, now, hot_days, warm_days):
        """Cool the leads of ``self`` (one batch) given their last activity."""
        last_activity = self._prospect_temperature_last_activity()
        to_warm_ids, to_cold_ids = [], []
        reasons = {}
        for lead in self:
            last = max(
                filter(
                    None,
                    (
                        lead.prospect_temperature_date,
                        lead.create_date,
                        last_activity.get(lead.id),
                    ),
                )
            )
            idle_days = (now - last).days
            if idle_days >= warm_days:
                to_cold_ids.append(lead.id)
                days = warm_days
            elif idle_days >= hot_days and lead.prospect_temperature == "hot":
                to_warm_ids.append(lead.id)
                days = hot_days
            else:
                continue
            reasons[lead.id] = self.env._(
                "No activity (message, activity done or meeting) for %(days)s "
                "days: the prospect cools down.",
                days=days,
            )
        self.browse(to_cold_ids)._prospect_temperature_apply(
            "cold", reasons, keep_date=True
        )
        self.browse(to_warm_ids)._prospect_temperature_apply(
            "warm", reasons, keep_date=True
        )

    def _prospect_temperature_last_activity(self):
        """Return {lead id: datetime of the last activity} for ``self``, in
        two queries: messages (notes, emails, activities marked as done) and
        meetings linked to the lead (the latest start, past or planned)."""
        if not self:
            return {}
        messages = (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                Domain("model", "=", self._name)
                & Domain("res_id", "in", self.ids)
                & (
                    Domain("message_type", "in", ["comment", "email", "email_outgoing"])
                    | Domain("mail_activity_type_id", "!=", False)
                ),
                ["res_id"],
                ["date:max"],
            )
        )
        meetings = (
            self.env["calendar.event"]
            .sudo()
            ._read_group(
                [("opportunity_id", "in", self.ids)],
                ["opportunity_id"],
                ["start:max"],
            )
        )
        last = dict(messages)
        for lead, start in meetings:
            if start and (lead.id not in last or start > last[lead.id]):
                last[lead.id] = start
        return last
