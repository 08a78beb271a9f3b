# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import models


class CrmLead(models.Model):
    """Commercial emails of leads follow their contact's legal basis, and a
    lead lost because the prospect asked not to be contacted records his
    opposition."""

    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    def _grc_filter_commercial_email_allowed(self):
        leads = super()._grc_filter_commercial_email_allowed()
        allowed_partners = leads.partner_id._grc_filter_commercial_email_allowed()
        return leads.filtered(lambda lead: lead.partner_id in allowed_partners)

    def action_set_lost(self, **additional_values):
        res = super().action_set_lost(**additional_values)
        opposed = self.filtered(lambda lead: lead.lost_reason_id.grc_email_opposition)
        for lead in opposed:
            reason = Markup("<p>%s</p>") % self.env._(
                "Asked not to be contacted (opportunity %(lead)s lost: %(reason)s)",
                lead=lead.name,
                reason=lead.lost_reason_id.name,
            )
            emails = {lead.email_normalized, lead.partner_id.email_normalized} - {False}
            for email in emails:
                self.env["mail.blacklist"].sudo()._add(email, message=reason)
        return res
