# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_lead import (
    COOLING_HOT_DAYS_DEFAULT,
    COOLING_HOT_DAYS_PARAM,
    COOLING_PARAM,
    COOLING_WARM_DAYS_DEFAULT,
    COOLING_WARM_DAYS_PARAM,
)
from .grc_settings import (
    check_attrition_thresholds,
    check_cooling_delays,
    check_information_letter,
    check_retention_years,
    get_list_param,
)
from .res_partner import (
    AT_RISK_DAYS_PARAM,
    DEFAULT_AT_RISK_DAYS,
    DEFAULT_LOST_DAYS,
    LOST_DAYS_PARAM,
)
from .res_partner_retention import (
    RETENTION_ARCHIVE_PARAM,
    RETENTION_RECONSENT_PARAM,
    RETENTION_YEARS_DEFAULT,
    RETENTION_YEARS_PARAM,
)
from .sales_information_letter import (
    LETTER_CRON_XMLID,
    LETTER_STATUSES_DEFAULT,
    LETTER_STATUSES_PARAM,
    LETTER_TEMPLATE_PARAM,
    LETTER_TEMPLATE_XMLID,
)

# settings switch -> automation rule it turns on or off
GRC_AUTOMATION_SWITCHES = {
    "grc_automation_hot_offer": "sales_process_grc.automation_hot_lead_prepare_offer",
    "grc_automation_interview_activity": (
        "sales_process_grc.automation_interview_next_step_activity"
    ),
    "grc_automation_offer_followup": "sales_process_grc.automation_offer_followup",
    "grc_automation_won_thank_you": "sales_process_grc.automation_won_thank_you",
    "grc_automation_won_loyalty": "sales_process_grc.automation_won_loyalty_followup",
    "grc_automation_at_risk_email": (
        "sales_process_grc.automation_at_risk_reengagement_email"
    ),
    "grc_automation_at_risk_activity": (
        "sales_process_grc.automation_at_risk_reengagement_activity"
    ),
}
GRC_OFFER_FOLLOWUP_XMLID = "sales_process_grc.automation_offer_followup"
GRC_LOYALTY_ACTION_XMLID = "sales_process_grc.action_won_loyalty_followup"
# settings checkbox -> customer status that receives the information letter
GRC_LETTER_STATUS_FIELDS = {
    "grc_letter_to_customer": "customer",
    "grc_letter_to_at_risk": "at_risk",
    "grc_letter_to_lost": "lost",
    "grc_letter_to_prospect": "prospect",
}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    grc_at_risk_days = fields.Integer(
        string="At Risk After (days)",
        default=DEFAULT_AT_RISK_DAYS,
        config_parameter=AT_RISK_DAYS_PARAM,
        help="A customer without purchase for this many days becomes at risk.",
    )

    grc_lost_days = fields.Integer(
        string="Lost After (days)",
        default=DEFAULT_LOST_DAYS,
        config_parameter=LOST_DAYS_PARAM,
        help="A customer without purchase for this many days is lost, with the "
        "reason inactivity.",
    )

    # --- prospect temperature cooling --------------------------------------
    grc_prospect_temperature_cooling = fields.Boolean(
        string="Prospect Cooling",
        config_parameter=COOLING_PARAM,
        help="Every day, cool down the open leads without activity (message, "
        "activity done or meeting): hot becomes warm, then warm becomes cold.",
    )

    grc_prospect_temperature_hot_days = fields.Integer(
        string="Hot to Warm after (days)",
        config_parameter=COOLING_HOT_DAYS_PARAM,
        default=COOLING_HOT_DAYS_DEFAULT,
        help="A hot lead without activity for this many days becomes warm.",
    )

    grc_prospect_temperature_warm_days = fields.Integer(
        string="Warm to Cold after (days)",
        config_parameter=COOLING_WARM_DAYS_PARAM,
        default=COOLING_WARM_DAYS_DEFAULT,
        help="A hot or warm lead without activity for this many days becomes "
        "cold. Must be longer than the hot delay.",
    )

    # --- sales force automation --------------------------------------------
    grc_automation_hot_offer = fields.Boolean(
        string="Hot Prospect: Prepare the Offer",
        help="When a lead becomes hot, schedule the activity 'Prepare the "
        "Offer' for its salesperson.",
    )
    grc_automation_interview_activity = fields.Boolean(
        string="Interview: Activity of the Next Step",
        help="When a step of the sales interview is done, schedule the "
        "activity of the next step (when the step defines one).",
    )
    grc_automation_offer_followup = fields.Boolean(
        string="Offer Follow-up Email",
        help="Email the offer follow-up to the customer when the offer was "
        "presented and the customer did not reply.",
    )
    grc_offer_followup_days = fields.Integer(
        string="Follow up after (days)",
        help="Days after the Offer step of the sales interview without reply "
        "from the customer before the follow-up email is sent.",
    )
    grc_automation_won_thank_you = fields.Boolean(
        string="Thank-you Email",
        help="Email the thank-you letter to the customer when an opportunity is won.",
    )
    grc_automation_won_loyalty = fields.Boolean(
        string="Loyalty Follow-up Activity",
        help="When an opportunity is won, schedule a loyalty follow-up "
        "activity for the salesperson.",
    )
    grc_loyalty_followup_days = fields.Integer(
        string="Loyalty follow-up after (days)",
        help="Days after the sale when the loyalty follow-up activity is due.",
    )
    grc_automation_at_risk_email = fields.Boolean(
        string="Re-engagement Email",
        help="Email the re-engagement letter to a customer that becomes at risk.",
    )
    grc_automation_at_risk_activity = fields.Boolean(
        string="Re-engagement Activity",
        help="When a customer becomes at risk, schedule an activity for its "
        "salesperson.",
    )
    grc_information_letter = fields.Boolean(
        string="Information Letter",
        help="Send the information letter to the customers periodically, "
        "through the mail queue, never twice in the same period.",
    )
    grc_information_letter_template_id = fields.Many2one(
        "mail.template",
        string="Letter Template",
        domain=[("model", "=", "res.partner")],
        config_parameter=LETTER_TEMPLATE_PARAM,
        default=lambda self: self.env.ref(
            LETTER_TEMPLATE_XMLID, raise_if_not_found=False
        ),
        help="Mail template of the information letter (on contacts).",
    )
    grc_information_letter_interval = fields.Integer(
        string="Every",
        help="Frequency of the information letter.",
    )
    grc_information_letter_interval_type = fields.Selection(
        [("weeks", "Weeks"), ("months", "Months")],
        string="Frequency Unit",
        help="Unit of the frequency of the information letter.",
    )
    grc_letter_to_customer = fields.Boolean(
        string="Customers", help="Send the information letter to customers."
    )
    grc_letter_to_at_risk = fields.Boolean(
        string="At-risk Customers",
        help="Send the information letter to at-risk customers.",
    )
    grc_letter_to_lost = fields.Boolean(
        string="Lost Customers", help="Send the information letter to lost customers."
    )
    grc_letter_to_prospect = fields.Boolean(
        string="Prospects", help="Send the information letter to prospects."
    )

    # --- lawful email: retention of prospects' data ---------------------
    grc_retention_years = fields.Integer(
        string="Prospects Kept (years)",
        default=RETENTION_YEARS_DEFAULT,
        config_parameter=RETENTION_YEARS_PARAM,
        help="Prospects and former customers without any contact for this "
        "many years (and without purchase in the 10-year accounting period) "
        "are listed by the daily retention check.",
    )
    grc_retention_archive = fields.Boolean(
        string="Archive and Anonymise",
        config_parameter=RETENTION_ARCHIVE_PARAM,
        help="The daily retention check archives and anonymises the listed "
        "prospects (name, addresses, chatter), after the re-consent email "
        "when it is enabled.",
    )
    grc_retention_reconsent = fields.Boolean(
        string="Re-consent Email First",
        config_parameter=RETENTION_RECONSENT_PARAM,
        help="Email the listed prospects first, asking whether they still "
        "wish to hear from you; those who do not answer within a month are "
        "archived and anonymised.",
    )

    @api.constrains("grc_retention_years")
    def _check_grc_retention_years(self):
        for settings in self:
            check_retention_years(self.env, settings.grc_retention_years)

    @api.constrains("grc_at_risk_days", "grc_lost_days")
    def _check_attrition_thresholds(self):
        for settings in self:
            check_attrition_thresholds(
                self.env, settings.grc_at_risk_days, settings.grc_lost_days
            )

    @api.constrains(
        "grc_prospect_temperature_hot_days", "grc_prospect_temperature_warm_days"
    )
    def _check_prospect_temperature_delays(self):
        for settings in self:
            check_cooling_delays(
                self.env,
                settings.grc_prospect_temperature_hot_days,
                settings.grc_prospect_temperature_warm_days,
            )

    @api.constrains(
        "grc_offer_followup_days",
        "grc_loyalty_followup_days",
        "grc_information_letter",
        "grc_information_letter_interval",
        "grc_information_letter_template_id",
        *GRC_LETTER_STATUS_FIELDS,
    )
    def _check_grc_automation_settings(self):
        for settings in self:
            if settings.grc_offer_followup_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The offer follow-up delay must be a positive number of days."
                    )
                )
            if settings.grc_loyalty_followup_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The loyalty follow-up delay must be a positive number of days."
                    )
                )
            if settings.grc_information_letter_interval <= 0:
                raise ValidationError(
                    self.env._(
                        "The frequency of the information letter must be a positive "
                        "number of weeks or months."
                    )
                )
            if settings.grc_information_letter:
                check_information_letter(
                    self.env,
                    settings.grc_information_letter_template_id,
                    settings._grc_letter_statuses(),
                )

    def _grc_letter_statuses(self):
        """Customer statuses checked for the information letter."""
        self.ensure_one()
        return [
            status for fname, status in GRC_LETTER_STATUS_FIELDS.items() if self[fname]
        ]

    @api.model
    def get_values(self):
        res = super().get_values()
        for fname, xmlid in GRC_AUTOMATION_SWITCHES.items():
            automation = self.env.ref(xmlid, raise_if_not_found=False)
            res[fname] = bool(automation and automation.active)
        followup = self.env.ref(GRC_OFFER_FOLLOWUP_XMLID, raise_if_not_found=False)
        res["grc_offer_followup_days"] = followup.trg_date_range if followup else 7
        loyalty = self.env.ref(GRC_LOYALTY_ACTION_XMLID, raise_if_not_found=False)
        res["grc_loyalty_followup_days"] = (
            loyalty.activity_date_deadline_range if loyalty else 30
        )
        cron = self.env.ref(LETTER_CRON_XMLID, raise_if_not_found=False)
        res["grc_information_letter"] = bool(cron and cron.active)
        interval_type = cron.interval_type if cron else "months"
        res["grc_information_letter_interval"] = cron.interval_number if cron else 1
        res["grc_information_letter_interval_type"] = (
            interval_type if interval_type in ("weeks", "months") else "months"
        )
        statuses = get_list_param(
            self.env, LETTER_STATUSES_PARAM, LETTER_STATUSES_DEFAULT
        )
        for fname, status in GRC_LETTER_STATUS_FIELDS.items():
            res[fname] = status in statuses
        return res

    def set_values(self):
        res = super().set_values()
        # Only write what changed: switching an automation rule reloads the
        # registry.
        for fname, xmlid in GRC_AUTOMATION_SWITCHES.items():
            automation = self.env.ref(xmlid, raise_if_not_found=False)
            if automation and automation.active != self[fname]:
                automation.active = self[fname]
        followup = self.env.ref(GRC_OFFER_FOLLOWUP_XMLID, raise_if_not_found=False)
        if followup and followup.trg_date_range != self.grc_offer_followup_days:
            followup.trg_date_range = self.grc_offer_followup_days
        loyalty = self.env.ref(GRC_LOYALTY_ACTION_XMLID, raise_if_not_found=False)
        if loyalty and (
            loyalty.activity_date_deadline_range != self.grc_loyalty_followup_days
        ):
            loyalty.activity_date_deadline_range = self.grc_loyalty_followup_days
        cron = self.env.ref(LETTER_CRON_XMLID, raise_if_not_found=False)
        if cron:
            cron_vals = {
                "active": self.grc_information_letter,
                "interval_number": self.grc_information_letter_interval,
                "interval_type": self.grc_information_letter_interval_type or "months",
            }
            if any(cron[key] != value for key, value in cron_vals.items()):
                cron.write(cron_vals)
        statuses = ",".join(self._grc_letter_statuses())
        # "," when none: an empty parameter would be deleted (and mean default)
        self.env["ir.config_parameter"].sudo().set_param(
            LETTER_STATUSES_PARAM, statuses or ","
        )
        return res
