# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailTemplate(models.Model):
    _inherit = "mail.template"

    grc_commercial = fields.Boolean(
        string="Commercial Email",
        help="Commercial email (prospecting, newsletter, re-engagement): its "
        "emails carry the sender's identity, an unsubscribe link and the "
        "one-click List-Unsubscribe header, are never delivered to "
        "blacklisted addresses, and automation rules send it only where the "
        "recipient's legal basis for email prospecting allows it.",
    )

    def send_mail_batch(
        self,
        res_ids,
        force_send=False,
        raise_exception=False,
        email_values=None,
        email_layout_xmlid=False,
    ):
        template = (
            self.with_context(grc_commercial_mail=True) if self.grc_commercial else self
        )
        return super(MailTemplate, template).send_mail_batch(
            res_ids,
            force_send=force_send,
            raise_exception=raise_exception,
            email_values=email_values,
            email_layout_xmlid=email_layout_xmlid,
        )
