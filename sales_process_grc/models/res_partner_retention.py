# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from .grc_cron import CronStep, run_cron_steps
from .grc_settings import (
    check_retention_years,
    checked_or_default,
    get_bool_param,
    get_int_param,
)

_logger = logging.getLogger(__name__)

RETENTION_YEARS_PARAM = "sales_process_grc.retention_years"
RETENTION_YEARS_DEFAULT = 3
RETENTION_ARCHIVE_PARAM = "sales_process_grc.retention_archive"
RETENTION_RECONSENT_PARAM = "sales_process_grc.retention_reconsent"
# French accounting documents are kept 10 years (Code de commerce L123-22):
# a customer with a purchase in that period is never purged
RETENTION_ACCOUNTING_YEARS = 10
# days left to the contact to answer the re-consent email before purge
RECONSENT_DELAY_DAYS = 30
RECONSENT_TEMPLATE_XMLID = "sales_process_grc.mail_template_reconsent"
RETENTION_BATCH_SIZE = 200


class ResPartner(models.Model):
    """Retention of prospects' data (CNIL: three years after the last contact
    coming from the prospect)."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    grc_retention_due_date = fields.Date(
        string="Retention Limit Reached",
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_user",
        help="Day the daily retention check found no contact with this "
        "prospect for the retention period (CRM settings); cleared when a "
        "contact happens again.",
        prefetch="sales_process_grc",
    )
    grc_reconsent_sent_date = fields.Date(
        string="Re-consent Email Sent",
        readonly=True,
        copy=False,
        groups="base.group_user",
        help="Day the email asking whether the contact still wishes to hear "
        "from the company was sent.",
        prefetch="sales_process_grc",
    )

    @api.model
    def _grc_retention_settings(self):
        """Return (years, archive, reconsent) from the settings; a retention
        period the settings refuse is the default one."""
        (years,) = checked_or_default(
            self.env,
            check_retention_years,
            (get_int_param(self.env, RETENTION_YEARS_PARAM, RETENTION_YEARS_DEFAULT),),
            (RETENTION_YEARS_DEFAULT,),
        )
        return (
            years,
            get_bool_param(self.env, RETENTION_ARCHIVE_PARAM),
            get_bool_param(self.env, RETENTION_RECONSENT_PARAM),
        )

    @api.model
    def _grc_retention_candidates_domain(self, today):
        """Commercial entities that may be purged: no purchase in the legal
        accounting period, not a user or a company of the database."""
        accounting_limit = today - relativedelta(years=RETENTION_ACCOUNTING_YEARS)
        return (
            self._grc_commercial_entity_domain()
            & (
                Domain("last_purchase_date", "=", False)
                | Domain("last_purchase_date", "<", accounting_limit)
            )
            # never the partners of a company or of a user of the database
            & Domain("id", "not in", self._grc_retention_protected_ids())
        )

    @api.model
    def _grc_retention_protected_ids(self):
        protected = self.browse()
        for model in ("res.company", "res.users"):
            protected |= (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search([("partner_id", "!=", False)])
                .partner_id
            )
        return protected.ids

    def _grc_recent_contact_ids(self, since):
        """Ids of the entities of ``self`` with a contact since ``since``:
        created, a message (email or comment) on them, their contacts or
        their leads, a lead opened, moved or closed, a meeting."""
        if not self:
            return set()
        self.env.flush_all()
        families = {
            partner.id: partner.with_context(active_test=False).child_ids.ids
            for partner in self
        }
        member_to_entity = {
            member: entity
            for entity, members in families.items()
            for member in (entity, *members)
        }
        members = list(member_to_entity)
        rows = self.env.execute_query(
            SQL(
                """
            SELECT id FROM res_partner
             WHERE id = ANY(%(ids)s) AND create_date >= %(since)s
            UNION
            SELECT res_id FROM mail_message
             WHERE model = 'res.partner' AND res_id = ANY(%(ids)s)
               AND message_type IN ('email', 'comment') AND date >= %(since)s
            UNION
            SELECT lead.partner_id FROM crm_lead lead
             WHERE lead.partner_id = ANY(%(ids)s)
               AND (lead.create_date >= %(since)s
                    OR lead.date_last_stage_update >= %(since)s
                    OR lead.date_closed >= %(since)s)
            UNION
            SELECT lead.partner_id FROM mail_message message
              JOIN crm_lead lead ON message.model = 'crm.lead'
                                AND message.res_id = lead.id
             WHERE lead.partner_id = ANY(%(ids)s)
               AND message.message_type IN ('email', 'comment')
               AND message.date >= %(since)s
            UNION
            SELECT rel.res_partner_id FROM calendar_event_res_partner_rel rel
              JOIN calendar_event event ON event.id = rel.calendar_event_id
             WHERE rel.res_partner_id = ANY(%(ids)s) AND event.start >= %(since)s
                """,
                ids=members,
                since=since,
            )
        )
        return {member_to_entity[row[0]] for row in rows}

    @api.model
    def _cron_grc_retention(self, batch_size=RETENTION_BATCH_SIZE):
        """Daily retention check of prospects' data.

        Lists (``grc_retention_due_date``) the prospects and former customers
        without purchase in the accounting period and without any contact for
        the retention period; when enabled in the settings, first emails
        them the re-consent letter, then archives and anonymises those still
        without contact (``RECONSENT_DELAY_DAYS`` after the letter).

        By batches of ``batch_size`` candidates, each committed, stopping
        when the cron's time is up (see ``grc_cron``)."""
        years, archive, reconsent = self._grc_retention_settings()
        today = fields.Date.context_today(self)
        since = fields.Datetime.to_datetime(today - relativedelta(years=years))
        template = self.env.ref(RECONSENT_TEMPLATE_XMLID, raise_if_not_found=False)
        run_cron_steps(
            self.env,
            [
                CronStep(
                    records=self.sudo().with_context(active_test=True),
                    domain=self._grc_retention_candidates_domain(today),
                    process=lambda batch: batch._grc_retention_batch(
                        today,
                        since,
                        archive=archive,
                        reconsent_template=template if reconsent else None,
                    ),
                )
            ],
            batch_size,
        )

    def _grc_retention_batch(self, today, since, archive, reconsent_template):
        """One batch of the retention check on the candidates ``self``: due
        date set or cleared, re-consent emails (``reconsent_template``, None
        when disabled), purge when ``archive``. The blacklist and the legal
        bases are read once for the batch."""
        recent = self.browse(self._grc_recent_contact_ids(since))
        # a contact happened again: no longer due
        recent.filtered("grc_retention_due_date").write(
            {"grc_retention_due_date": False, "grc_reconsent_sent_date": False}
        )
        due = self - recent
        due.filtered(lambda partner: not partner.grc_retention_due_date).write(
            {"grc_retention_due_date": today}
        )
        if not reconsent_template:
            if archive:
                due._grc_anonymise()
            return
        # who may receive a commercial email: one blacklist query for the batch
        allowed = due._grc_filter_commercial_email_allowed()
        to_ask = due.filtered(lambda partner: not partner.grc_reconsent_sent_date)
        for partner in to_ask & allowed:
            try:
                with self.env.cr.savepoint():
                    reconsent_template.send_mail(partner.id, force_send=False)
                    partner.grc_reconsent_sent_date = today
            except Exception as error:  # noqa: BLE001 pylint: disable=broad-except
                _logger.warning(
                    "Re-consent email not sent to partner %s: %s",
                    partner.id,
                    error,
                )
        if not archive:
            return
        limit = today - relativedelta(days=RECONSENT_DELAY_DAYS)
        expired = due.filtered(
            lambda partner: partner.grc_reconsent_sent_date
            and partner.grc_reconsent_sent_date <= limit
        )
        # never asked because they may not be emailed: purged at once,
        # without a re-consent email (a failed email is tried again next run)
        unreachable = (
            due.filtered(lambda partner: not partner.grc_reconsent_sent_date) - allowed
        )
        (due & (expired | unreachable))._grc_anonymise()

    def _grc_anonymise(self):
        """Archive and anonymise the entities of ``self``, their contacts and
        their leads; the chatter history of the partners is deleted. The
        email blacklist (the oppositions) is kept."""
        if not self:
            return
        partners = self.with_context(active_test=False)
        partners |= partners.child_ids
        leads = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)])
        )
        leads.write(
            {
                "contact_name": False,
                "partner_name": False,
                "email_from": False,
                "phone": False,
                "function": False,
                "street": False,
                "street2": False,
                "zip": False,
                "city": False,
                "website": False,
                "description": False,
                "active": False,
            }
        )
        self.env["mail.message"].sudo().search(
            [("model", "=", "res.partner"), ("res_id", "in", partners.ids)]
        ).unlink()
        for partner in partners:
            partner.write(
                {
                    "name": self.env._("Anonymised contact %(id)s", id=partner.id),
                    "email": False,
                    "phone": False,
                    "street": False,
                    "street2": False,
                    "zip": False,
                    "city": False,
                    "website": False,
                    "function": False,
                    "comment": False,
                    "vat": False,
                    "ref": False,
                    "image_1920": False,
                    "category_id": [(5, 0, 0)],
                    "grc_email_consent_source": False,
                    "active": False,
                }
            )
        # one internal note per partner, in one go (message_post takes one
        # record: a batch or a company with contacts would fail)
        body = Markup("<p>%s</p>") % self.env._(
            "Archived and anonymised: no contact during the retention period."
        )
        partners._message_log_batch(
            dict.fromkeys(partners.ids, body), message_type="notification"
        )
