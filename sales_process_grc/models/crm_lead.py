# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .grc_cron import CronStep, run_cron_steps
from .grc_fields import One2manyWithColumns
from .grc_selection import check_selection_values
from .grc_settings import (
    check_cooling_delays,
    checked_or_default,
    get_bool_param,
    get_int_param,
)

_logger = logging.getLogger(__name__)
PROSPECT_TEMPERATURES = [("cold", "Cold"), ("warm", "Warm"), ("hot", "Hot")]
TEMPERATURE_RANK = {False: 0, None: 0, "cold": 1, "warm": 2, "hot": 3}
COOLING_PARAM = "sales_process_grc.temperature_cooling"
COOLING_HOT_DAYS_PARAM = "sales_process_grc.temperature_hot_days"
COOLING_WARM_DAYS_PARAM = "sales_process_grc.temperature_warm_days"
COOLING_HOT_DAYS_DEFAULT = 30
COOLING_WARM_DAYS_DEFAULT = 60
COOLING_BATCH_SIZE = 1000
# fields of the lead whose reading shows the steps' names or guidance
GRC_STEP_TEXT_FIELDS = frozenset(
    ("interview_line_ids", "interview_step_id", "interview_step_guidance")
)
# selection fields of the addon checked with a clear error on create/write
GRC_SELECTION_FIELDS = ("prospect_temperature", "prospecting_goal")
# fields the sales process fills in (they time the offer follow-up email to
# the customer): never written directly but by the system
GRC_SYSTEM_FIELDS = frozenset(
    {
        "last_customer_message_date",
        "offer_presented_date",
        "offer_awaiting_reply",
        "interview_progress",
        "interview_step_id",
    }
)


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "sales.selection.label.mixin"]

    # ------------------------------------------------------------------
    # Sales interview (entretien de vente)
    # ------------------------------------------------------------------
    # the lines' columns come with their ids (one query instead of two)
    interview_line_ids = One2manyWithColumns(
        "sales.interview.line",
        "lead_id",
        string="Sales Interview",
        copy=False,
        help="The steps of the sales interview for this lead.",
    )

    interview_progress = fields.Float(
        compute="_compute_interview",
        store=True,
        aggregator="avg",
        help="Steps done over the steps that are not skipped, in percent.",
    )

    interview_step_id = fields.Many2one(
        "sales.interview.step",
        string="Current Step",
        compute="_compute_interview",
        store=True,
        index=True,
        help="First step of the sales interview still to do.",
    )

    # sanitize=False: the step's guidance is sanitized when it is written;
    # sanitizing it again on every read of the form cost 0.7 ms per lead
    interview_step_guidance = fields.Html(
        string="Guidance",
        compute="_compute_interview_step_guidance",
        sanitize=False,
        help="What the salesperson should do and ask at this step; shown next "
        "to the checklist while the step is the current one.",
    )

    offer_lead_time = fields.Char(
        string="Lead Time",
        help="Delivery or completion time promised in the offer, e.g. "
        "'3 weeks'. The price is the expected revenue.",
    )

    offer_payment_terms = fields.Char(
        string="Payment Terms",
        help="Payment terms proposed in the offer, e.g. '30% down payment, "
        "balance at delivery'.",
    )

    objection_ids = One2manyWithColumns(
        "sales.lead.objection",
        "lead_id",
        string="Objections",
        copy=False,
        count_field="objection_count",
        help="Objections the customer raised, and how they were answered.",
    )

    objection_count = fields.Integer(
        string="Objections Raised",
        compute="_compute_objection_count",
        store=True,
        precompute=True,
        copy=False,
        help="Number of objections the customer raised on this opportunity.",
    )

    # ------------------------------------------------------------------
    # Attrition: prospecting goal
    # ------------------------------------------------------------------
    prospecting_goal = fields.Selection(
        [
            ("new_product", "Sell a New Product"),
            ("new_target", "Reach a New Target"),
            ("new_zone", "Cover a New Area"),
            ("reengagement", "Re-engage Former Customers"),
        ],
        # most leads have no goal: only the others are indexed (a lead written
        # or created without one costs no index entry)
        index="btree_not_null",
        tracking=True,
        help="Goal of the prospecting operation this opportunity comes from: "
        "sell a new product or service, reach a new target, cover a new "
        "geographical area or re-engage former customers.",
    )

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

    # --- sales force automation ----------------------------------------------
    offer_presented_date = fields.Datetime(
        compute="_compute_offer_presented_date",
        store=True,
        # only the leads whose offer was presented: the offer follow-up rule
        # searches a window of these dates
        index="btree_not_null",
        copy=False,
        help="When the Offer step of the sales interview was done. The offer "
        "follow-up email is sent some days later if the customer did not reply.",
    )

    last_customer_message_date = fields.Datetime(
        string="Last Customer Reply",
        readonly=True,
        copy=False,
        help="When the customer last wrote on this lead (email or message "
        "from a contact who is not a user).",
    )

    offer_awaiting_reply = fields.Boolean(
        compute="_compute_offer_awaiting_reply",
        store=True,
        # not indexed: searched with the offer date (the offer follow-up
        # rule), whose index holds only the leads with an offer
        help="The offer was presented and the customer has not replied since: "
        "the offer follow-up automation may send a reminder.",
    )

    next_meeting_id = fields.Many2one(
        "calendar.event",
        compute="_compute_next_meeting_id",
        help="The next meeting planned with the prospect (the last one when "
        "none is planned); used by the appointment confirmation email.",
    )

    customer_history_lead_ids = fields.Many2many(
        "crm.lead",
        compute="_compute_customer_history_lead_ids",
        string="Past Opportunities",
        context={"active_test": False},
        help="Won and lost opportunities of the same customer (company and "
        "its contacts); used by the interview preparation brief.",
    )

    @api.depends(
        "interview_line_ids.state",
        "interview_line_ids.sequence",
        "interview_line_ids.step_id",
    )
    def _compute_interview(self):
        for lead in self:
            lines = lead.interview_line_ids.sorted(lambda line: line.sequence)
            counted = lines.filtered(lambda line: line.state != "skipped")
            done = counted.filtered(lambda line: line.state == "done")
            if counted:
                lead.interview_progress = 100.0 * len(done) / len(counted)
            else:
                lead.interview_progress = 100.0 if lines else 0.0
            lead.interview_step_id = next(
                (line.step_id for line in lines if line.state == "todo"), False
            )

    @api.depends("objection_ids")
    def _compute_objection_count(self):
        for lead in self:
            lead.objection_count = len(lead.objection_ids)

    @api.depends("interview_step_id.guidance")
    def _compute_interview_step_guidance(self):
        for lead in self:
            lead.interview_step_guidance = lead.interview_step_id.guidance

    def web_read(self, specification):
        # The lead form shows the checklist's steps, the current step and its
        # guidance: their texts come from the registry's cache instead of a
        # query on the steps each time a lead is opened.
        if self and GRC_STEP_TEXT_FIELDS & specification.keys():
            self.env["sales.interview.step"]._grc_prefetch_texts()
        return super().web_read(specification)

    @api.model_create_multi
    def create(self, vals_list):
        check_selection_values(self, vals_list, GRC_SELECTION_FIELDS)
        self._grc_check_system_fields(vals_list)
        now = fields.Datetime.now()
        for vals in vals_list:
            self._check_date_closed_given(vals.get("date_closed"))
            if vals.get("prospect_temperature"):
                vals.setdefault("prospect_temperature_date", now)
        leads = super().create(vals_list)
        leads._interview_create_lines()
        leads.filtered(lambda lead: lead.won_status == "won")._interview_mark_won()
        for stage, stage_leads in leads.grouped("stage_id").items():
            stage_leads._interview_check_stage_gates(stage, moving_only=False)
            if stage.prospect_temperature:
                # mail tracks nothing in the transaction that creates a lead:
                # the cause is a batched note (_prospect_temperature_apply)
                stage_leads._prospect_temperature_raise_to_stage(stage)
        return leads

    def write(self, vals):
        check_selection_values(self, [vals], GRC_SELECTION_FIELDS)
        self._grc_check_system_fields([vals])
        if vals.get("date_closed"):
            for lead in self:
                lead._check_date_closed_given(vals["date_closed"], lead.create_date)
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
            self._interview_check_stage_gates(stage)
            if stage.prospect_temperature:
                entering = self.filtered(lambda lead: lead.stage_id != stage)
        reassigned = self.browse()
        if "partner_id" in vals:
            # a won opportunity given to another customer moves its purchase
            reassigned = self.filtered(
                lambda lead: (
                    lead.won_status == "won"
                    and lead.partner_id.id != vals["partner_id"]
                )
            )
            previous_entities = reassigned.commercial_entity_id
            undone_events = reassigned._grc_purchase_events()
        # a closing date edited by hand moves the purchase of a won lead
        closing_edited = "date_closed" in vals
        won_dates = {}
        if "date_closed" not in vals and vals.keys() & {
            "probability",
            "stage_id",
            "active",
        }:
            won_dates = {
                lead.id: lead.date_closed
                for lead in self
                if lead.won_status == "won" and lead.date_closed
            }
        result = super().write(vals)
        if "won_status" in vals:
            self._grc_won_status_changed()
        if won_dates:
            self._grc_keep_won_dates(won_dates)
        if "team_id" in vals or "active" in vals:
            # sudo: a lead handed over to a colleague of another team is no
            # longer visible to the salesperson who just wrote it, its lines
            # must follow all the same
            self.sudo().filtered(
                lambda lead: lead.active and lead.won_status == "pending"
            )._interview_sync_lines()
        if reassigned:
            (previous_entities | reassigned.commercial_entity_id)._grc_sync_purchases(
                undone_events
            )
        if closing_edited:
            self.filtered(
                lambda lead: lead.won_status == "won"
            ).commercial_entity_id._grc_sync_purchases()
        if stage.is_won:
            self._interview_mark_won()
        if entering:
            entering._prospect_temperature_raise_to_stage(stage)
        return result

    def _grc_check_system_fields(self, vals_list):
        """Refuse a direct write of the fields the sales process fills in,
        e.g. over RPC (the views show them read-only)."""
        if self.env.su:
            return
        given = set().union(*(GRC_SYSTEM_FIELDS & vals.keys() for vals in vals_list))
        if given:
            raise UserError(
                self.env._(
                    "These fields are filled in by the sales process and cannot "
                    "be set directly: %(fields)s.",
                    fields=", ".join(
                        sorted(
                            self._fields[fname]._description_string(self.env)
                            for fname in given
                        )
                    ),
                )
            )

    def _grc_keep_won_dates(self, won_dates):  # pylint: disable=missing-return
        """crm moves the closing date of an opportunity already won that is
        marked won again or archived (not on a move between two won stages):
        its purchase was made on the day it was won, keep that day.

        :param won_dates: {lead id: closing date} before the write
        """
        moved = self.filtered(
            lambda lead: (
                lead.id in won_dates
                and lead.won_status == "won"
                and lead.date_closed != won_dates[lead.id]
            )
        )
        for date_closed, leads in moved.grouped(
            lambda lead: won_dates[lead.id]
        ).items():
            # crm's own write: the day is put back as crm had it, this module's
            # write (closing date checks, purchase moves) has nothing to do
            super(CrmLead, leads).write(  # pylint: disable=super-method-mismatch
                {"date_closed": date_closed}
            )

    def _interview_applicable_steps(self):
        """A function giving the active steps that apply to a team (the steps
        of all teams and the team's own), in order; one search of the steps,
        each team's selection computed once."""
        steps = self.env["sales.interview.step"].search([("active", "=", True)])
        by_team = {}

        def applicable(team):
            if team.id not in by_team:
                by_team[team.id] = steps.filtered(
                    lambda step: not step.team_ids or team in step.team_ids
                )
            return by_team[team.id]

        return applicable

    def _interview_sync_lines(self):
        """Give each lead one line per applicable step: add the missing ones,
        remove the lines still to do of steps archived or that no longer apply
        to the lead's team. Done and skipped lines are history and are kept.
        A fixed number of queries whatever the number of leads.

        The lines are a consequence of the lead's team and of the steps'
        configuration: they are synchronised as superuser, whoever changed
        the lead (who may no longer see it, e.g. after a hand-over)."""
        if not self:
            return
        line_model = self.env["sales.interview.line"].sudo()
        applicable_steps = self._interview_applicable_steps()
        lines_by_lead = defaultdict(dict)
        for line in line_model.search_fetch(
            [("lead_id", "in", self.ids)], ["lead_id", "step_id", "state"]
        ):
            lines_by_lead[line.lead_id.id][line.step_id.id] = line
        to_create = []
        to_remove = []
        for lead in self:
            applicable = applicable_steps(lead.team_id)
            existing = lines_by_lead[lead.id]
            to_create.extend(
                {"lead_id": lead.id, "step_id": step.id}
                for step in applicable
                if step.id not in existing
            )
            # only lines still to do go: the work done on a step (done or
            # skipped, with its note) stays when the step is archived or no
            # longer applies
            to_remove.extend(
                line.id
                for line in existing.values()
                if line.state == "todo"
                and (not line.step_id.active or line.step_id not in applicable)
            )
        if to_remove:
            line_model.browse(to_remove).unlink()
        if to_create:
            line_model.create(to_create)

    def _interview_create_lines(self):
        """Lines of the applicable steps for new leads, in one INSERT whatever
        the number of leads (the ORM inserts 100 rows per query and recomputes
        the related and funnel fields of every line afterwards). The rows get
        the values those fields would compute: all steps to do, the first one
        the current step. Leads that already have lines (given in the create
        values) go through the full synchronisation."""
        if not self:
            return
        line_model = self.env["sales.interview.line"].sudo()
        with_lines = line_model.search_fetch(
            [("lead_id", "in", self.ids)], ["lead_id"]
        ).lead_id
        (self & with_lines)._interview_sync_lines()
        leads = self - with_lines
        applicable_steps = self._interview_applicable_steps()
        columns = defaultdict(list)
        for lead in leads:
            applicable = applicable_steps(lead.team_id)
            won = lead.won_status == "won"
            for step in applicable:
                current = step == applicable[0]
                for column, value in (
                    ("lead_id", lead.id),
                    ("step_id", step.id),
                    ("sequence", step.sequence),
                    ("company_id", lead.company_id.id or None),
                    ("user_id", lead.user_id.id or None),
                    ("team_id", lead.team_id.id or None),
                    ("reached_count", int(current)),
                    ("won_count", int(current and won)),
                    ("stalled_count", int(current and not won)),
                ):
                    columns[column].append(value)
        if not columns:
            return
        now = self.env.cr.now()
        rows = self.env.execute_query(
            SQL(
                """
            INSERT INTO sales_interview_line (lead_id, step_id, sequence, state,
            company_id, user_id, team_id, reached_count, won_count,
            stalled_count, create_uid, create_date, write_uid, write_date)
            SELECT lead_id, step_id, sequence, 'todo', company_id, user_id,
            team_id, reached_count, won_count, stalled_count, %(uid)s,
            %(now)s, %(uid)s, %(now)s
            FROM unnest(%(lead_id)s::int[], %(step_id)s::int[],
            %(sequence)s::int[], %(company_id)s::int[], %(user_id)s::int[],
            %(team_id)s::int[], %(reached_count)s::int[],
            %(won_count)s::int[], %(stalled_count)s::int[])
            AS t(lead_id, step_id, sequence, company_id, user_id, team_id,
                 reached_count, won_count, stalled_count)
            RETURNING id, lead_id, step_id
                """,
                uid=self.env.uid,
                now=now,
                **columns,
            )
        )
        # what the ORM's create does after its INSERT: the fields that depend
        # on the lines are recomputed; the lines' own computed fields were
        # inserted with their values. The caches of the new lines and of the
        # leads' lines are filled with what was inserted, so that the
        # recomputation reads nothing back (1,000 leads have 9,000 lines, read
        # by packs of 1,000).
        # (one row per lead and step: RETURNING gives no order, the rows are
        # put back in the order of the columns)
        keys = zip(columns["lead_id"], columns["step_id"], strict=True)
        position = {key: index for index, key in enumerate(keys)}
        rows = sorted(rows, key=lambda row: position[row[1], row[2]])
        lines = line_model.browse([row[0] for row in rows])
        values = dict(
            columns, state=["todo"] * len(rows), done_date=[False] * len(rows)
        )
        for fname, column in values.items():
            field = lines._fields[fname]
            field._insert_cache(
                lines, [field.convert_to_cache(value, lines) for value in column]
            )
        lines_by_lead = defaultdict(list)
        for line_id, lead_id, _step_id in rows:
            lines_by_lead[lead_id].append(line_id)
        leads.invalidate_recordset(["interview_line_ids"])
        self._fields["interview_line_ids"]._insert_cache(
            self.browse(lines_by_lead), [tuple(ids) for ids in lines_by_lead.values()]
        )
        known = [
            lines._fields[fname] for fname in columns if lines._fields[fname].compute
        ]
        with self.env.protecting(known, lines):
            lines.modified(list(lines._fields), create=True)

    def _compute_field_value(self, field):
        """What follows the won status is recomputed for the leads whose won
        status really changed (``_grc_won_status_changed``), rather than on
        every change of stage, activity or probability: crm recomputes the
        won status on each of them, so an ``@api.depends`` on it would search
        and recompute its dependents (the funnel of the interview lines, the
        objections' win rate, the customers' temperature) on every stage
        change."""
        if field.name != "won_status" or field.model_name != self._name:
            return super()._compute_field_value(field)
        cache = field._get_cache(self.env)
        missing = object()
        old = {record_id: cache.get(record_id, missing) for record_id in self._ids}
        result = super()._compute_field_value(field)
        changed = [
            record_id
            for record_id, value in old.items()
            if record_id and cache.get(record_id, missing) != value
        ]
        if changed:
            self.browse(changed)._grc_won_status_changed()
        return result

    def _grc_won_status_changed(self):
        """Recompute what depends on the won status of the leads ``self``
        (none of it declares it in ``@api.depends``, see
        ``_compute_field_value``): the funnel counts of their interview lines,
        the win rate of their objections, the temperature of their customers
        (the hottest of the open leads). sudo: stored values, the same
        whoever changed the leads."""
        leads = self.sudo()
        lines = (
            self.env["sales.interview.line"]
            .sudo()
            .search([("lead_id", "in", leads.ids)])
        )
        for fname in ("reached_count", "won_count", "stalled_count"):
            self.env.add_to_compute(lines._fields[fname], lines)
        objections = (
            self.env["sales.lead.objection"]
            .sudo()
            .search([("lead_id", "in", leads.ids)])
        )
        self.env.add_to_compute(objections._fields["win_rate"], objections)
        entities = leads.commercial_entity_id
        if entities:
            partners = (
                self.env["res.partner"]
                .sudo()
                .with_context(active_test=False)
                .search([("commercial_partner_id", "in", entities.ids)])
            )
            self.env.add_to_compute(partners._fields["prospect_temperature"], partners)

    def _interview_mark_won(self):
        """Winning a lead concludes the sale: mark the Closing step done."""
        lines = self.env["sales.interview.line"].search(
            [
                ("lead_id", "in", self.ids),
                ("state", "=", "todo"),
                ("step_id.done_when_won", "=", True),
            ]
        )
        lines.action_done()

    def _interview_check_stage_gates(self, stage, moving_only=True):
        """Refuse to put leads in ``stage`` while a step that the stage
        requires is still to do on them."""
        if not stage:
            return
        gate_steps = self.env["sales.interview.step"].search(
            [("stage_id", "=", stage.id)]
        )
        if stage.is_won:
            # Winning marks these steps done itself.
            gate_steps = gate_steps.filtered(lambda step: not step.done_when_won)
        if not gate_steps:
            return
        leads = (
            self.filtered(lambda lead: lead.stage_id != stage) if moving_only else self
        )
        missing = self.env["sales.interview.line"].search(
            [
                ("lead_id", "in", leads.ids),
                ("step_id", "in", gate_steps.ids),
                ("state", "=", "todo"),
            ]
        )
        if not missing:
            return
        details = [
            self.env._(
                "- %(lead)s: %(steps)s",
                lead=lead.display_name,
                steps=", ".join(lines.step_id.mapped("name")),
            )
            for lead, lines in missing.grouped("lead_id").items()
        ]
        raise UserError(
            self.env._(
                "Before entering the stage %(stage)s, do or skip these steps of "
                "the sales interview:\n%(details)s",
                stage=stage.display_name,
                details="\n".join(details),
            )
        )

    def _interview_schedule_activities(self):
        """Schedule the activity of the current step for the salesperson when
        the interview moved to a new step, unless the lead already has one of
        that type. Run by the automation rule
        ``automation_interview_next_step_activity``."""
        for lead in self:
            step = lead.interview_step_id
            activity_type = step.activity_type_id
            if (
                not activity_type
                or not lead.active
                or activity_type in lead.activity_ids.activity_type_id
            ):
                continue
            lead.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=activity_type._get_date_deadline(),
                summary=step.name,
                user_id=lead.user_id.id or self.env.uid,
            )

    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        # the temperature before winning (which makes the lead hot), for the
        # attrition by temperature when won
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
        result = super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
        if newly_won:
            newly_won._prospect_temperature_apply("hot", self.env._("Opportunity won"))
            purchases = newly_won.filtered("partner_id")
            if purchases:
                self.env["res.partner"]._grc_register_purchases(
                    [(lead, lead._grc_purchase_date()) for lead in purchases]
                )
        # a win undone (the lead leaves the won stage): the purchase goes
        unwon = self.filtered(
            lambda lead: (
                old_status_by_lead.get(lead.id, {}).get("is_won")
                and not new_status_by_lead.get(lead.id, {}).get("is_won")
            )
        )
        if unwon.commercial_entity_id:
            unwon.commercial_entity_id._grc_sync_purchases(unwon._grc_purchase_events())
        return result

    def _grc_purchase_date(self):
        """Day of the purchase of a won lead: its closing day in the lead's
        time zone (its creation when it has none), never after today."""
        self.ensure_one()
        closed = self.date_closed or self.create_date or fields.Datetime.now()
        return min(
            fields.Date.context_today(self, closed), fields.Date.context_today(self)
        )

    @api.constrains("date_closed")
    def _check_date_closed(self):
        # a day of margin for the time zones
        limit = fields.Datetime.now() + timedelta(days=1)
        for lead in self:
            if lead.date_closed and lead.date_closed > limit:
                raise ValidationError(
                    self.env._(
                        "The closing date of %(lead)s cannot be in the future.",
                        lead=lead.display_name,
                    )
                )

    def _check_date_closed_given(self, value, created=None):
        """A closing date typed in, imported or sent over RPC becomes the
        customer's purchase date: it may not be earlier than the lead
        itself (``created``: its creation, now for a new lead), which would
        backdate the customer's status and history. crm sets the date itself
        when a lead is won or lost."""
        if not value:
            return
        closed = fields.Datetime.to_datetime(value)
        created = created or fields.Datetime.now()
        if closed < created - timedelta(days=1):
            raise ValidationError(
                self.env._(
                    "The closing date (%(date)s) cannot be earlier than the "
                    "creation of the lead (%(created)s).",
                    date=fields.Date.to_string(closed.date()),
                    created=fields.Date.to_string(created.date()),
                )
            )

    def unlink(self):
        # A won opportunity deleted (or merged into another one) is no longer
        # a purchase: its customer is brought in line afterwards.
        won = self.filtered(lambda lead: lead.won_status == "won")
        entities = won.commercial_entity_id
        undone_events = won._grc_purchase_events()
        result = super().unlink()
        if entities:
            entities._grc_sync_purchases(undone_events)
        return result

    def _grc_purchase_events(self):
        """Current status events that the wins of ``self`` created (the
        customer was made or won back by them and nothing happened since)."""
        if not self:
            return self.env["sales.customer.status.event"]
        return (
            self.env["sales.customer.status.event"]
            .sudo()
            .search(
                [
                    ("lead_id", "in", self.ids),
                    ("date_next", "=", False),
                    ("new_status", "=", "customer"),
                ]
            )
        )

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
            lambda lead: (
                lead.won_status == "pending"
                and TEMPERATURE_RANK[lead.prospect_temperature] < rank
            )
        )
        colder._prospect_temperature_apply(
            stage.prospect_temperature,
            self.env._("Stage “%(stage)s” reached", stage=stage.name),
        )

    def _prospect_temperature_apply(
        self, temperature, reason, author_id=None, keep_date=False, batched=False
    ):
        """Set ``temperature`` on the leads of ``self`` that do not have it yet,
        the change explained in the chatter by ``reason`` (a string, or a dict
        {lead id: string}; plain text, escaped), with ``author_id`` (a partner
        id; the current user by default) as author.

        The change goes through mail's own tracking: ``reason`` is the body of
        the tracking message (``_track_set_log_message``), as crm's lost wizard
        does, and ``author_id`` its author (``_track_set_author``); mail logs
        it at the end of the transaction, with the other tracked changes of
        the lead in the same transaction. The leads whose change mail would
        not log (see ``_prospect_temperature_tracked_by_mail``: created in
        this transaction, or tracking switched off) and the ``batched`` ones
        get a note logged in batch instead (``_prospect_temperature_log``).

        :param keep_date: do not move ``prospect_temperature_date`` (cooling)
        :param batched: log the notes in batch, a constant number of queries
            whatever the number of leads (the cooling cron)
        :return: the leads actually changed
        """
        leads = self.filtered(lambda lead: lead.prospect_temperature != temperature)
        if not leads:
            return leads
        tracked = (
            self.browse() if batched else leads._prospect_temperature_tracked_by_mail()
        )
        if tracked:
            for text, text_leads in tracked.grouped(
                lambda lead: reason if isinstance(reason, str) else reason[lead.id]
            ).items():
                text_leads._track_set_log_message(text)
            if author_id:
                tracked._track_set_author(self.env["res.partner"].browse(author_id))
            tracked.with_context(
                prospect_temperature_keep_date=keep_date,
                prospect_temperature_mail_tracking=True,
            ).write({"prospect_temperature": temperature})
        logged = leads - tracked
        if logged:
            old_values = {lead.id: lead.prospect_temperature for lead in logged}
            logged.with_context(
                prospect_temperature_keep_date=keep_date, mail_notrack=True
            ).write({"prospect_temperature": temperature})
            logged._prospect_temperature_log(old_values, reason, author_id=author_id)
        return leads

    def _prospect_temperature_tracked_by_mail(self):
        """The leads of ``self`` whose changes mail's tracking logs at the end
        of the transaction. Mail tracks nothing with ``tracking_disable`` or
        ``mail_notrack``, nor the records created in the transaction (its
        ``create`` discards their tracking: initial values ``None``; the
        creation message stands for them): a temperature set on those, e.g.
        by the stage a lead is created in, is explained by a batched note."""
        context = self.env.context
        if context.get("tracking_disable") or context.get("mail_notrack"):
            return self.browse()
        initial_values = self.env.cr.precommit.data.get(
            f"mail.tracking.{self._name}", {}
        )
        return self.filtered(
            lambda lead: lead.id and initial_values.get(lead.id, {}) is not None
        )

    def _track_set_log_message(self, message):  # pylint: disable=missing-return
        """Mail keeps one body per lead and transaction, the last one set: the
        cause of a temperature change would be lost when another module
        explains another change of the same transaction (e.g. sale_crm's
        expected revenue update on the quotation that makes the lead hot).
        The bodies set for a lead in a transaction are all kept, in order."""
        pending = self.env.cr.precommit.data.get(
            f"mail.tracking.message.{self._name}", {}
        )
        replaced = self.filtered(
            lambda lead: not pending.get(lead.id) or pending[lead.id] == message
        )
        super(CrmLead, replaced)._track_set_log_message(message)
        for lead in self - replaced:
            super(CrmLead, lead)._track_set_log_message(
                Markup("%s<br/>%s") % (pending[lead.id], message)
            )

    def _prospect_temperature_log(self, old_values, reason, author_id=None):
        """One internal note per lead, in batch: the cause and the tracking
        value, a constant number of queries whatever the number of leads. For
        the changes mail's tracking does not log or costs too much for (see
        ``_prospect_temperature_apply`` and
        ``_prospect_temperature_mass_tracking``).

        :param old_values: {lead id: temperature before the change}
        """
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

    @api.model
    def _prospect_temperature_cooling_delays(self):
        """Return (enabled, hot_days, warm_days) from the settings."""
        enabled = get_bool_param(self.env, COOLING_PARAM)
        hot_days, warm_days = checked_or_default(
            self.env,
            check_cooling_delays,
            (
                get_int_param(
                    self.env, COOLING_HOT_DAYS_PARAM, COOLING_HOT_DAYS_DEFAULT
                ),
                get_int_param(
                    self.env, COOLING_WARM_DAYS_PARAM, COOLING_WARM_DAYS_DEFAULT
                ),
            ),
            (COOLING_HOT_DAYS_DEFAULT, COOLING_WARM_DAYS_DEFAULT),
        )
        return enabled, hot_days, warm_days

    @api.model
    def _cron_prospect_temperature_cooling(self, batch_size=COOLING_BATCH_SIZE):
        """Cool down the open leads without activity: hot → warm after the
        hot delay, hot or warm → cold after the warm delay. Activity means a
        message (note, email), an activity marked as done or a meeting (past
        or planned). Works in batches and commits its progress (see
        ``grc_cron``)."""
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
        # id paging: the leads kept as they are (recent activity) stay in the
        # domain and are not looked at twice in a run
        run_cron_steps(
            self.env,
            [
                CronStep(
                    records=self,
                    domain=domain,
                    process=lambda leads: leads._prospect_temperature_cool(
                        now, hot_days, warm_days
                    ),
                )
            ],
            batch_size,
        )

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
        # batched notes rather than mail's tracking: a batch changes up to
        # 1,000 leads that nothing else changes, and mail costs two queries
        # per lead (its tracking prepared, one message logged per lead at
        # commit). Measured on a mass write of 10,000 leads: 20,133 queries
        # with mail's tracking, 332 batched (test_prospect_temperature_
        # performance); the cooling batch is pinned in test_performance.
        self.browse(to_cold_ids)._prospect_temperature_apply(
            "cold", reasons, keep_date=True, batched=True
        )
        self.browse(to_warm_ids)._prospect_temperature_apply(
            "warm", reasons, keep_date=True, batched=True
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

    # ------------------------------------------------------------------
    # Sales force automation
    # ------------------------------------------------------------------
    @api.depends(
        "interview_line_ids.state",
        "interview_line_ids.done_date",
        "interview_line_ids.step_id",
    )
    def _compute_offer_presented_date(self):
        offer_step = self.env.ref(
            "sales_process_grc.interview_step_offer", raise_if_not_found=False
        )
        for lead in self:
            line = lead.interview_line_ids.filtered(
                lambda line: line.step_id == offer_step and line.state == "done"
            )[:1]
            lead.offer_presented_date = line.done_date or False

    @api.depends("offer_presented_date", "last_customer_message_date")
    def _compute_offer_awaiting_reply(self):
        for lead in self:
            offer_date = lead.offer_presented_date
            reply_date = lead.last_customer_message_date
            lead.offer_awaiting_reply = bool(offer_date) and (
                not reply_date or reply_date < offer_date
            )

    @api.depends("calendar_event_ids.start")
    def _compute_next_meeting_id(self):
        now = fields.Datetime.now()
        for lead in self:
            meetings = lead.calendar_event_ids.sorted("start")
            upcoming = meetings.filtered(lambda event: event.start >= now)
            lead.next_meeting_id = upcoming[:1] or meetings[-1:]

    @api.depends("commercial_entity_id")
    def _compute_customer_history_lead_ids(self):
        entities = self.commercial_entity_id
        history = self.with_context(active_test=False).search(
            [
                ("commercial_entity_id", "in", entities.ids),
                ("won_status", "in", ["won", "lost"]),
            ],
            order="date_closed desc, id desc",
        )
        for lead in self:
            lead.customer_history_lead_ids = history.filtered(
                lambda past, lead=lead: (
                    past.commercial_entity_id == lead.commercial_entity_id
                    and past != lead
                )
            )

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        self._grc_register_customer_message(message)
        return res

    def _grc_register_customer_message(self, message):
        """Remember when the customer last wrote: an email or a message whose
        author is not a user (or unknown), like base_automation's "on
        incoming message". It stops the offer follow-up."""
        message_sudo = message.sudo()
        if message_sudo.message_type not in ("email", "comment"):
            return
        if message_sudo.is_internal or message_sudo.subtype_id.internal:
            return
        author = message_sudo.author_id
        if author and not author.partner_share:
            return
        # sudo: whoever posts (the mail gateway, a follower with read access)
        # records the reply date; it is not a change of the lead by its author
        self.sudo().write({"last_customer_message_date": message_sudo.date})

    def _prospect_temperature_mass_tracking(self):
        """Whether a change of temperature by hand on ``self`` (a mass edit,
        an import) is logged in batch (``_prospect_temperature_log``) rather
        than by mail's tracking: mail prepares the tracking of every tracked
        field of every lead and logs one message per lead at commit. Measured
        on a mass write of 10,000 leads: 20,133 queries with mail's tracking,
        332 batched (pinned in test_prospect_temperature_performance). The
        automatic changes with a cause go through mail's tracking
        (``_prospect_temperature_apply``), except the cooling cron's."""
        context = self.env.context
        return (
            len(self) > 1
            and not context.get("tracking_disable")
            and not context.get("mail_notrack")
            and not context.get("prospect_temperature_mail_tracking")
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
