# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


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
