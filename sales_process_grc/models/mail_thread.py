# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _grc_filter_commercial_email_allowed(self):
        """The records to which an automated commercial email may be sent:
        with an email address that is not blacklisted (models with an email
        blacklist); models that know their recipient's legal basis restrict
        it further."""
        if "email_normalized" not in self._fields:
            return self
        records = self.filtered("email_normalized")
        if "is_blacklisted" not in self._fields or not records:
            return records
        # read the blacklist itself: is_blacklisted only depends on the
        # address, its cached value is stale once an opposition is recorded
        # in the same transaction; one query for the whole batch
        blacklisted = set(
            self.env["mail.blacklist"]
            .sudo()
            .search_fetch(
                [("email", "in", list(set(records.mapped("email_normalized"))))],
                ["email"],
            )
            .mapped("email")
        )
        return records.filtered(
            lambda record: record.email_normalized not in blacklisted
        )
