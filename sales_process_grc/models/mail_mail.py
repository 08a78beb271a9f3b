# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import re

from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.tools.misc import hash_sign, verify_hash_signed

UNSUBSCRIBE_ROUTE = "/sales_process_grc/unsubscribe"
UNSUBSCRIBE_SCOPE = "sales_process_grc.unsubscribe"
# an unsubscribe link stays valid two years after the email was sent
UNSUBSCRIBE_TOKEN_HOURS = 2 * 366 * 24
# the generic link of the templates (made absolute by the rendering), replaced
# by each recipient's own link when the email is sent
UNSUBSCRIBE_PLACEHOLDER_RE = re.compile(
    r"""(?<=href=["'])(?:https?://[^"'\s<>]*)?"""
    + re.escape(UNSUBSCRIBE_ROUTE)
    + r"""/?(?=["'])"""
)


class MailMail(models.Model):
    _inherit = "mail.mail"

    grc_commercial = fields.Boolean(
        string="Commercial Email",
        readonly=True,
        help="Sent from a commercial template: it carries the recipient's "
        "unsubscribe link and the List-Unsubscribe headers and is never "
        "delivered to a blacklisted address.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("grc_commercial_mail"):
            for vals in vals_list:
                vals.setdefault("grc_commercial", True)
        mails = super().create(vals_list)
        for mail in mails.filtered("grc_commercial"):
            emails = mail._grc_recipient_emails()
            if len(emails) == 1:
                # one recipient (the usual case): its headers are visible on
                # the queued email; several recipients get their own when sent
                headers = mail._grc_unsubscribe_headers(emails[0])
                mail.headers = repr({**mail._grc_parsed_headers(), **headers})
        return mails

    # --- unsubscribe links ----------------------------------------------------
    @api.model
    def _grc_unsubscribe_url(self, email):
        """Public link that blacklists ``email`` (signed with the database
        secret, no login)."""
        token = hash_sign(
            self.env(su=True),
            UNSUBSCRIBE_SCOPE,
            {"email": tools.email_normalize(email) or email},
            expiration_hours=UNSUBSCRIBE_TOKEN_HOURS,
        )
        return f"{self.get_base_url()}{UNSUBSCRIBE_ROUTE}/{token}"

    @api.model
    def _grc_verify_unsubscribe_token(self, token):
        """The normalized email of a valid, unexpired ``token``, else False."""
        try:
            values = verify_hash_signed(self.env(su=True), UNSUBSCRIBE_SCOPE, token)
        except (ValueError, TypeError, UnicodeDecodeError):
            return False
        email = values.get("email") if isinstance(values, dict) else False
        return tools.email_normalize(email) if isinstance(email, str) else False

    def _grc_unsubscribe_headers(self, email, url=None):
        return {
            "List-Unsubscribe": f"<{url or self._grc_unsubscribe_url(email)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "list",
            "X-Auto-Response-Suppress": "OOF",
        }

    def _grc_parsed_headers(self):
        try:
            headers = ast.literal_eval(self.headers or "{}")
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return {}
        return headers if isinstance(headers, dict) else {}

    def _grc_recipient_emails(self):
        """Normalized addresses the email goes to."""
        self.ensure_one()
        emails = []
        for value in (
            self.email_to,
            self.email_cc,
            *self.recipient_ids.mapped("email"),
        ):
            for email in tools.mail.email_normalize_all(value or ""):
                if email not in emails:
                    emails.append(email)
        return emails

    # --- sending --------------------------------------------------------------
    def _send(
        self,
        auto_commit=False,
        raise_exception=False,
        smtp_session=None,
        alias_domain_id=False,
        mail_server=False,
        post_send_callback=None,
    ):
        self.filtered(
            lambda mail: mail.grc_commercial and mail.state == "outgoing"
        )._grc_cancel_blacklisted()
        return super()._send(
            auto_commit=auto_commit,
            raise_exception=raise_exception,
            smtp_session=smtp_session,
            alias_domain_id=alias_domain_id,
            mail_server=mail_server,
            post_send_callback=post_send_callback,
        )

    def _grc_blacklisted_emails(self, emails):
        if not emails:
            return set()
        blacklist = (
            self.env["mail.blacklist"]
            .sudo()
            .search_fetch([("email", "in", list(set(emails)))], ["email"])
        )
        return set(blacklist.mapped("email"))

    def _grc_cancel_blacklisted(self):
        """Cancel the commercial emails whose every recipient is blacklisted
        (opposition registered after the email was queued; the composer
        already refuses or leaves out the recipients who may not receive
        commercial emails): nothing is delivered, the chatter shows why."""
        emails_by_mail = {mail: mail._grc_recipient_emails() for mail in self}
        blacklisted = self._grc_blacklisted_emails(
            [email for emails in emails_by_mail.values() for email in emails]
        )
        cancelled = self.browse(
            [
                mail.id
                for mail, emails in emails_by_mail.items()
                if emails and all(email in blacklisted for email in emails)
            ]
        )
        if not cancelled:
            return
        reason = self.env._("The recipient opted out of commercial emails.")
        cancelled.write(
            {"state": "cancel", "failure_type": "mail_bl", "failure_reason": reason}
        )
        self.env["mail.notification"].sudo().search(
            [
                ("mail_mail_id", "in", cancelled.ids),
                ("notification_type", "=", "email"),
                ("notification_status", "not in", ("sent", "canceled")),
            ]
        ).write(
            {
                "notification_status": "canceled",
                "failure_type": "mail_bl",
                "failure_reason": reason,
            }
        )

    @api.model
    def _grc_split_outgoing_values(self, email_list, blacklisted):
        """One email per address for commercial emails: an email to several
        addresses (``email_to`` with several, addresses in copy) would carry
        the first one's unsubscribe link and headers to all of them (a copy
        recipient unsubscribing someone else) and reach a blacklisted address
        in copy. Blacklisted addresses are dropped; addresses that are not
        valid stay together, without link, and fail as usual."""
        result = []
        for values in email_list:
            emails = values.get("email_to_normalized") or []
            if len(emails) <= 1:
                if not (emails and emails[0] in blacklisted):
                    result.append(values)
                continue
            invalid = []
            seen = set()
            for address in [*values.get("email_to", []), *values.get("email_cc", [])]:
                normalized = tools.mail.email_normalize_all(address)
                if not normalized:
                    invalid.append(address)
                    continue
                for email in normalized:
                    if email in blacklisted or email in seen:
                        continue
                    seen.add(email)
                    result.append(
                        dict(
                            values,
                            email_to=[address if len(normalized) == 1 else email],
                            email_cc=[],
                            email_to_normalized=[email],
                        )
                    )
            if invalid:
                result.append(
                    dict(values, email_to=invalid, email_cc=[], email_to_normalized=[])
                )
        return result

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        """Commercial emails: no copy to a blacklisted address, and each
        recipient gets his own unsubscribe link and one-click headers."""
        email_list = super()._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )
        if not self.grc_commercial:
            return email_list
        blacklisted = self._grc_blacklisted_emails(
            [
                email
                for values in email_list
                for email in values.get("email_to_normalized") or []
            ]
        )
        result = []
        for values in self._grc_split_outgoing_values(email_list, blacklisted):
            emails = values.get("email_to_normalized") or []
            if not emails:
                result.append(values)
                continue
            url = self._grc_unsubscribe_url(emails[0])
            body = values.get("body") or ""
            if UNSUBSCRIBE_PLACEHOLDER_RE.search(body):
                body = UNSUBSCRIBE_PLACEHOLDER_RE.sub(url, body)
            else:
                partner = values.get("partner_id")
                lang = partner.lang if partner else None
                label = self.with_context(lang=lang).env._(
                    "Unsubscribe from our commercial emails"
                )
                body = tools.mail.append_content_to_html(
                    body,
                    Markup('<p style="font-size: 11px;"><a href="%s">%s</a></p>')
                    % (url, label),
                    plaintext=False,
                )
            values.update(
                body=body,
                body_alternative=tools.html2plaintext(body),
                headers={
                    **values["headers"],
                    **self._grc_unsubscribe_headers(emails[0], url),
                },
            )
            result.append(values)
        return result
