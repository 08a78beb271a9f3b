# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import models
from odoo.api import SUPERUSER_ID

_logger = logging.getLogger(__name__)


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
            or self._is_recompute()
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
