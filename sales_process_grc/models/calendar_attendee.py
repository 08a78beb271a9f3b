# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
        declined → cold; accepted → warm, unless the lead is already hot."""
        # sudo: the answer is recorded by the customer through the public
        # invitation link, or by a colleague allowed to edit the meeting but
        # not the lead; only the temperature moves, with its cause logged.
        for attendee in self.sudo():
            lead = attendee.event_id.opportunity_id
            if (
                not lead
                or not lead.active
                or lead.won_status != "pending"
                or not attendee._is_prospect_of(lead)
            ):
                continue
            values = {
                "meeting": attendee.event_id.name,
                "attendee": attendee.common_name,
            }
            if attendee.state == "declined":
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
            lead._prospect_temperature_apply(
                temperature, reason, author_id=attendee.partner_id.id
            )

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
