# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


def _command_ids(values):
    """Partner ids of ``partner_ids`` (ids) or ``recipient_ids`` (x2many
    commands) values of the composer."""
    for value in values or []:
        if isinstance(value, int):
            yield value
        elif isinstance(value, list | tuple) and value:
            if value[0] == 4 and len(value) > 1:
                yield value[1]
            elif value[0] == 6 and len(value) > 2:
                yield from value[2] or []


def _contact_of(record):
    """The contact a record stands for (a contact itself, a lead's customer)."""
    if record._name == "res.partner":
        return record
    field = record._fields.get("partner_id")
    if field is not None and field.comodel_name == "res.partner":
        return record.partner_id
    return record.env["res.partner"]


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        """Emails composed from a commercial template (chatter composer, mass
        mailing of a list, automation rules) are marked commercial: the mail
        queue adds the unsubscribe link and header and never delivers them to
        blacklisted addresses."""
        commercial = self.filtered(lambda wizard: wizard.template_id.grc_commercial)
        if not commercial:
            return super()._action_send_mail(auto_commit=auto_commit)
        mails, messages = super(
            MailComposeMessage, commercial.with_context(grc_commercial_mail=True)
        )._action_send_mail(auto_commit=auto_commit)
        others = self - commercial
        if others:
            other_mails, other_messages = super(
                MailComposeMessage, others
            )._action_send_mail(auto_commit=auto_commit)
            mails |= other_mails
            messages |= other_messages
        return mails, messages

    def _manage_mail_values(self, mail_values_all):
        """A commercial template reaches only the recipients whose legal basis
        allows commercial emails (as the automation rules do, see
        ``_grc_filter_commercial_email_allowed``).

        Mass mode (a list's Send email): the records whose recipient may not
        receive it are left out, no email is created for them (their chatter
        gets nothing) and they are logged. Comment mode (the chatter's
        composer, sending or scheduling): the message is refused, naming
        those recipients."""
        results = super()._manage_mail_values(mail_values_all)
        if not results or not any(self.mapped("template_id.grc_commercial")):
            return results
        self.ensure_one()
        refused = self._grc_refused_commercial_recipients(results)
        if not refused:
            return results
        if self.composition_mode == "mass_mail":
            _logger.info(
                "Commercial email %r not sent to %s %s: the recipient has no "
                "legal basis for commercial emails or asked not to be contacted.",
                self.template_id.name,
                self.model,
                sorted(refused),
            )
            return {
                res_id: values
                for res_id, values in results.items()
                if res_id not in refused
            }
        partners = self.env["res.partner"].sudo()
        bases = dict(
            partners._fields["grc_email_legal_basis"]._description_selection(self.env)
        )
        lines = []
        for entries in refused.values():
            for name, partner in entries:
                basis = bases.get(partner.grc_email_legal_basis if partner else "none")
                line = self.env._(
                    "%(name)s has not agreed to receive commercial emails (legal "
                    "basis: %(basis)s) or asked not to be contacted; use a "
                    "non-commercial template or record their consent first.",
                    name=name,
                    basis=basis or bases["none"],
                )
                if line not in lines:
                    lines.append(line)
        raise UserError("\n".join(lines))

    def _grc_refused_commercial_recipients(self, mail_values_all):
        """``{res_id: [(name, partner)]}``: for each record of
        ``mail_values_all`` (the values ``_prepare_mail_values`` gives), the
        recipients who may not receive a commercial email: its partners (the
        composer's and the template's) with an email address, and the record
        itself when it has an address (a contact, a lead: its own address and
        contact) unless the message is a note. Recipients without any address
        are left to the composer (no email can reach them)."""
        partner_model = self.env["res.partner"].sudo()
        partner_ids = {
            res_id: {
                *self.partner_ids.ids,
                *_command_ids(values.get("partner_ids")),
                *_command_ids(values.get("recipient_ids")),
            }
            for res_id, values in mail_values_all.items()
        }
        partners = partner_model.browse(
            {pid for pids in partner_ids.values() for pid in pids}
        ).exists()
        partners = partners.filtered("email_normalized")
        refused_partners = partners - partners._grc_filter_commercial_email_allowed()
        refused_records = {}
        if (
            self.model
            and self.model in self.env
            and not (self.composition_mode == "comment" and self.subtype_is_log)
        ):
            records = self.env[self.model].browse(list(mail_values_all))
            if (
                hasattr(records, "_grc_filter_commercial_email_allowed")
                and "email_normalized" in records._fields
            ):
                records = records.filtered("email_normalized")
                allowed = records._grc_filter_commercial_email_allowed()
                refused_records = {record.id: record for record in records - allowed}
        refused = {}
        for res_id, pids in partner_ids.items():
            entries = [
                (partner.display_name, partner)
                for partner in refused_partners
                if partner.id in pids
            ]
            record = refused_records.get(res_id)
            contact = _contact_of(record).sudo() if record else None
            if record and not (contact in refused_partners and contact.id in pids):
                # named by its contact, or by its own address when it is
                # another one (a lead's blacklisted address)
                same = contact.email_normalized == record.email_normalized
                name = contact.display_name if same else record.email_normalized
                entries.append((name, contact))
            if entries:
                refused[res_id] = entries
        return refused
