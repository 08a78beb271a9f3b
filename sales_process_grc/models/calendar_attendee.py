# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    def write(self, vals):
        answered = self.browse()
        if vals.get("state") in ("accepted", "declined"):
            answered = self.filtered(lambda attendee: attendee.state != vals["state"])
        result = super().write(vals)
        if answered:
            answered._prospect_temperature_on_answer()
        return result

    def _prospect_temperature_on_answer(self):
        """A customer attendee of a meeting linked to an open lead answered:
        declined → cold; accepted → warm, unless the lead is already hot.

        Who may move the lead this way: the customer himself (the attendee's
        own answer, through the invitation's public link or logged in as the
        attendee's partner), provided the meeting was organised by someone
        allowed to edit the lead; otherwise only a user who may edit the lead
        (e.g. the salesperson recording an answer given by phone). An answer
        recorded by anybody else is kept on the meeting but moves nothing.
        """
        changes = defaultdict(dict)  # (temperature, author) -> {lead id: reason}
        for attendee in self:
            attendee_sudo = attendee.sudo()
            lead = attendee_sudo.event_id.opportunity_id
            if (
                not lead
                or not lead.active
                or lead.won_status != "pending"
                or not attendee_sudo._is_prospect_of(lead)
                or not attendee._may_move_temperature(lead)
            ):
                continue
            values = {
                "meeting": attendee_sudo.event_id.name,
                "attendee": attendee_sudo.common_name,
            }
            if attendee_sudo.state == "declined":
                temperature = "cold"
                reason = self.env._(
                    "Meeting “%(meeting)s” declined by %(attendee)s", **values
                )
            elif lead.prospect_temperature == "hot":
                continue
            else:
                temperature = "warm"
                reason = self.env._(
                    "Meeting “%(meeting)s” accepted by %(attendee)s", **values
                )
            changes[temperature, attendee_sudo.partner_id.id][lead.id] = reason
        # sudo: the right to move the lead was checked above, the customer
        # answering through the public link has no access to the lead
        lead_model = self.env["crm.lead"].sudo()
        for (temperature, author_id), reasons in changes.items():
            lead_model.browse(list(reasons))._prospect_temperature_apply(
                temperature, reasons, author_id=author_id
            )

    def _may_move_temperature(self, lead):
        """Whether this answer may change the temperature of ``lead`` (see
        ``_prospect_temperature_on_answer``)."""
        self.ensure_one()
        user = self.env.user
        if self._user_may_edit(user, lead):
            return True
        own_answer = self.env.su or (
            self.partner_id and user.partner_id == self.sudo().partner_id
        )
        organizer = self.sudo().event_id.user_id
        return bool(own_answer and organizer and self._user_may_edit(organizer, lead))

    def _user_may_edit(self, user, lead):
        if user._is_public() or not user._is_internal():
            return False
        return lead.with_user(user).has_access("write")

    def _is_prospect_of(self, lead):
        """The attendee is the lead's customer: its contact, or a partner
        with the lead's email."""
        self.ensure_one()
        if lead.partner_id and self.partner_id == lead.partner_id:
            return True
        return bool(
            lead.email_normalized
            and self.partner_id.email_normalized == lead.email_normalized
        )
