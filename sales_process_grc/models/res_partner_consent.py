# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

EMAIL_LEGAL_BASES = [
    ("consent", "Consent"),
    ("customer", "Existing Customer"),
    ("b2b", "Professional Interest (B2B)"),
    ("none", "None"),
]
# legal bases that allow commercial emails (the recipient may still oppose)
EMAIL_ALLOWED_BASES = ("consent", "customer", "b2b")


class ResPartner(models.Model):
    """Legal basis of commercial emails (prospecting, newsletter) to a
    contact: France CPCE art. L34-5 and the CNIL guidance. The opposition is
    Odoo's email blacklist."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    grc_email_legal_basis = fields.Selection(
        EMAIL_LEGAL_BASES,
        string="Email Prospecting Basis",
        compute="_compute_grc_email_legal_basis",
        store=True,
        readonly=False,
        groups="base.group_user",
        tracking=True,
        help="Why commercial emails may be sent to this contact. Consent: the "
        "person agreed (date and source below). Existing customer: soft opt-in "
        "for products similar to those bought. Professional interest: a "
        "business contact written to about his job (opt-out). None: no "
        "commercial email. Computed from the customer status and the company "
        "until set to Consent; an opposition (blacklist) always prevails.",
        prefetch="sales_process_grc",
    )
    grc_email_consent_date = fields.Date(
        string="Consent Date",
        groups="base.group_user",
        tracking=True,
        copy=False,
        help="Day the contact consented to commercial emails.",
        prefetch="sales_process_grc",
    )
    grc_email_consent_source = fields.Char(
        string="Consent Source",
        groups="base.group_user",
        tracking=True,
        copy=False,
        help="How the consent was collected (web form, trade show, signed "
        "order form...): keep what proves it.",
        prefetch="sales_process_grc",
    )

    @api.depends("customer_status", "is_company", "parent_id.is_company")
    def _compute_grc_email_legal_basis(self):
        for partner in self:
            if partner.grc_email_legal_basis == "consent":
                continue
            status = partner.sudo().customer_status
            if status and status != "prospect":
                partner.grc_email_legal_basis = "customer"
            elif partner.is_company or partner.parent_id.is_company:
                partner.grc_email_legal_basis = "b2b"
            else:
                partner.grc_email_legal_basis = "none"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._grc_default_consent_date(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._grc_default_consent_date(vals)
        return super().write(vals)

    @api.model
    def _grc_default_consent_date(self, vals):
        if vals.get("grc_email_legal_basis") == "consent" and not vals.get(
            "grc_email_consent_date"
        ):
            vals["grc_email_consent_date"] = fields.Date.context_today(self)

    def action_grc_email_opposition(self):
        """The contact asked not to receive commercial emails any more:
        blacklist the address (Odoo's opposition register)."""
        self.check_access("write")
        without_email = self.filtered(lambda partner: not partner.email_normalized)
        if without_email:
            raise UserError(
                self.env._(
                    "%(names)s has no email address to blacklist.",
                    names=", ".join(without_email.mapped("display_name")),
                )
            )
        self._grc_record_email_opposition(
            self.env._("Opposition recorded by %(user)s", user=self.env.user.name)
        )

    def _grc_record_email_opposition(self, reason):
        blacklist = self.env["mail.blacklist"].sudo()
        for email in set(self.mapped("email_normalized")) - {False}:
            blacklist._add(email, message=Markup("<p>%s</p>") % reason)

    def _grc_filter_commercial_email_allowed(self):
        """The partners that may receive a commercial email now: an email
        address, no opposition (blacklist) and a legal basis that allows it."""
        partners = super()._grc_filter_commercial_email_allowed()
        return partners.filtered(
            lambda partner: partner.sudo().grc_email_legal_basis in EMAIL_ALLOWED_BASES
        )
