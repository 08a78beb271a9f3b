# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import fields, models
from odoo.api import SUPERUSER_ID
from odoo.tools.misc import get_lang

_logger = logging.getLogger(__name__)
# Context key of the addon's scheduled runs (the daily classification): the
# activities of the automation rules triggered by a batch are noted in it and
# then created per assignee, each assignee getting one notification.
ACTIVITY_DIGEST_KEY = "grc_activity_digest"


class ActivityDigest(dict):
    """{action id: record ids} noted under ``ACTIVITY_DIGEST_KEY``: a type
    of its own, so that a context given over RPC (plain JSON) cannot make
    the automation rules note their activities instead of scheduling them."""


# Records named in that notification (the others are counted)
ACTIVITY_DIGEST_MAX_NAMES = 50


class IrActionsServer(models.Model):
    _inherit = "ir.actions.server"

    def _run_action_mail_post_multi(self, eval_context=None):
        """Send the email of an automation rule as the record's salesperson,
        in the record's company.

        Automation rules run their actions as superuser (and time-based
        rules from the scheduler, as superuser of every company): a template
        rendered that way reads whatever it reaches (other companies' deals,
        internal notes). Here each record's email is rendered and posted with
        the rights of its salesperson (``user_id``, else the user who
        triggered the rule) restricted to the record's company; a record
        without such a user is skipped. Commercial templates are only sent
        where the recipient's legal basis allows it. One record that fails
        (invalid address, access error) is logged and does not stop the
        others."""
        if (
            self.usage != "base_automation"
            or not self.template_id
            or self._grc_is_recompute()
        ):
            return super()._run_action_mail_post_multi(eval_context=eval_context)
        res_ids = self.env.context.get("active_ids") or [
            self.env.context.get("active_id")
        ]
        records = self.env[self.model_name].browse([rid for rid in res_ids if rid])
        records = records.exists()
        template = self.template_id
        if template.grc_commercial:
            records = records._grc_filter_commercial_email_allowed()
        context = dict(self.env.context)
        context.pop("default_type", None)
        context.pop("default_parent_id", None)
        context["mail_post_autofollow_author_skip"] = True
        context["mail_post_autofollow"] = self.mail_post_autofollow
        for record in records:
            owner, company = self._grc_get_mail_owner(record)
            if not owner:
                _logger.info(
                    "Automation email %r not sent for %s: no salesperson of its "
                    "company to send it as.",
                    template.name,
                    record,
                )
                continue
            owner_env = self.env(
                user=owner.id,
                su=False,
                context=dict(
                    context,
                    allowed_company_ids=[company.id],
                    active_ids=record.ids,
                    active_id=record.id,
                ),
            )
            try:
                with self.env.cr.savepoint():
                    self._grc_send_template(
                        template.with_env(owner_env), record.with_env(owner_env)
                    )
            except Exception as error:  # noqa: BLE001 pylint: disable=broad-except
                # one record must not stop the emails of the others
                _logger.warning(
                    "Automation email %r not sent for %s: %s",
                    template.name,
                    record,
                    error,
                )
        return False

    def _grc_get_mail_owner(self, record):
        """(user, company) whose rights render the automation email of
        ``record``: its salesperson, else the (non superuser) user who
        triggered the rule, in the record's company, else the user's own."""
        owner = self.env["res.users"]
        if "user_id" in record._fields and record._fields["user_id"].comodel_name == (
            "res.users"
        ):
            owner = record.user_id
        if not owner and self.env.uid != SUPERUSER_ID:
            owner = self.env.user
        if not owner or owner._is_public() or owner.share:
            return self.env["res.users"], self.env["res.company"]
        company = (
            record.company_id if "company_id" in record._fields else record.browse()
        )
        company = company or owner.company_id
        if company not in owner.company_ids:
            return self.env["res.users"], self.env["res.company"]
        return owner, company

    def _grc_send_template(self, template, record):
        """What ``mail_post`` does for one record, in ``record``'s env."""
        if self.mail_post_method in ("comment", "note"):
            xmlid = (
                "mail.mt_comment"
                if self.mail_post_method == "comment"
                else ("mail.mt_note")
            )
            record.message_post_with_source(
                template,
                message_type="auto_comment",
                subtype_id=self.env["ir.model.data"]._xmlid_to_res_id(xmlid),
            )
        else:
            template.send_mail(record.id, force_send=False, raise_exception=True)

    def run(self):
        """In a batch of the addon's scheduled runs (an ``ActivityDigest``
        under ``ACTIVITY_DIGEST_KEY`` in the context), an automation rule's
        "schedule an activity" only notes the record: the batch schedules the
        activities afterwards with ``_grc_schedule_batched_activities``.

        base_automation runs the action record by record, each run building
        its evaluation context, and Odoo notifies each activity assigned to
        someone else on its own ("assigned to you", an email by default):
        hundreds of them when the daily classification makes hundreds of
        customers at risk."""
        batched = self.env.context.get(ACTIVITY_DIGEST_KEY)
        if (
            not isinstance(batched, ActivityDigest)
            or len(self) != 1
            or self.usage != "base_automation"
            or self.state != "next_activity"
            or not self.activity_type_id
            or self.warning
            or not self.env.context.get("active_id")
            or self._grc_is_recompute()
        ):
            return super().run()
        ids = self.env.context.get("active_ids") or [self.env.context["active_id"]]
        batched.setdefault(self.id, []).extend(ids)
        return False

    def _grc_is_recompute(self):
        """mail's ``_is_recompute`` (is this run due to a recomputation of
        the record, not to a write of the rule's fields?), with the same
        answer in constant time: mail lists the fields of every record of
        the write (``old_values``) to take the first one, on each run, that
        is for each record of the write (quadratic: a third of the time of a
        classification batch)."""
        old_values = self.env.context.get("old_values")
        if not old_values:
            return False
        domain_post = self.env.context.get("domain_post")
        tracked_fields = [
            leaf[0] for leaf in domain_post or () if isinstance(leaf, tuple | list)
        ]
        field_name = next(
            (
                field_name
                for field_names in old_values.values()
                for field_name in field_names
                if field_name not in tracked_fields
            ),
            None,
        )
        if field_name is None:
            return False
        records = self.env[self.model_name].browse(
            self.env.context.get("active_ids", self.env.context.get("active_id"))
        )
        return bool(records & self.env.records_to_compute(records._fields[field_name]))

    def _grc_schedule_batched_activities(self, batched):
        """Schedule the activities noted in ``batched`` ({action id: record
        ids}, see ``_run_action_next_activity``): one call per action and
        assignee, and one notification per assignee listing the records. Same
        activities (type, summary, note, deadline, assignee) as Odoo's."""
        for action_id, record_ids in batched.items():
            action = self.browse(action_id).sudo()
            records = self.env[action.model_name].browse(record_ids).exists()
            vals = {
                "summary": action.activity_summary or "",
                "note": action.activity_note or "",
                "activity_type_id": action.activity_type_id.id,
            }
            if action.activity_date_deadline_range > 0:
                vals["date_deadline"] = fields.Date.context_today(
                    action
                ) + relativedelta(
                    **{
                        action.activity_date_deadline_range_type
                        or "days": action.activity_date_deadline_range
                    }
                )
            by_user = defaultdict(list)
            for record in records:
                user = self.env["res.users"]
                if action.activity_user_type == "specific":
                    user = action.activity_user_id
                elif (
                    action.activity_user_type == "generic"
                    and action.activity_user_field_name in record
                ):
                    user = record[action.activity_user_field_name][:1]
                by_user[user].append(record.id)
            for user, record_ids in by_user.items():
                user_vals = dict(vals, user_id=user.id) if user else vals
                activities = (
                    records.browse(record_ids)
                    .with_context(mail_activity_quick_update=True)
                    .activity_schedule(**user_vals)
                )
                if activities:
                    action._grc_notify_activities_assigned(activities)
        batched.clear()

    def _grc_notify_activities_assigned(self, activities):
        """One "assigned to you" notification for the activities of one
        assignee (``activities``), in the assignee's language."""
        user = activities.user_id[:1]
        if not user or user == self.env.user or not user.partner_id:
            return
        lang_self = self.with_context(lang=user.lang or self.env.lang)
        env = lang_self.env
        records = env[activities[0].res_model].browse(activities.mapped("res_id"))
        activity_name = activities[0].activity_type_id.with_env(env).name
        names = Markup("").join(
            Markup('<li><a href="/odoo/%s/%s">%s</a></li>')
            % (record._name, record.id, record.display_name)
            for record in records[:ACTIVITY_DIGEST_MAX_NAMES]
        )
        others = len(records) - ACTIVITY_DIGEST_MAX_NAMES
        more = (
            Markup("<p>%s</p>") % env._("And %(count)s more.", count=others)
            if others > 0
            else Markup()
        )
        body = Markup("<p>%s</p><ul>%s</ul>%s") % (
            env._(
                "%(count)s activities “%(activity)s” were assigned to you, "
                "due %(deadline)s:",
                count=len(activities),
                activity=activity_name,
                deadline=activities[0].date_deadline.strftime(
                    get_lang(env).date_format
                ),
            ),
            names,
            more,
        )
        env["mail.thread"].sudo().message_notify(
            partner_ids=user.partner_id.ids,
            subject=env._(
                "%(count)s activities “%(activity)s” assigned to you",
                count=len(activities),
                activity=activity_name,
            ),
            body=body,
            email_layout_xmlid="mail.mail_notification_layout",
        )
