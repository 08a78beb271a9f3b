# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

import polib

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import TranslationModuleReader

from .common import messages_with

I18N = Path(__file__).resolve().parent.parent / "i18n"
MODULE = "sales_process_grc_sale"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Every term the bridge exports is in its .pot and translated in fr.po."""

    def _exported_terms(self):
        reader = TranslationModuleReader(self.env.cr, [MODULE])
        return {source for _m, _t, _n, _r, source, _v, _c in reader if source}

    def test_pot_is_up_to_date(self):
        terms = self._exported_terms()
        self.assertTrue(terms)
        pot = polib.pofile(str(I18N / f"{MODULE}.pot"))
        missing = sorted(terms - {entry.msgid for entry in pot})
        self.assertFalse(missing, f"terms missing from the .pot: {missing}")

    def test_french_translation_is_complete(self):
        terms = self._exported_terms()
        french = polib.pofile(str(I18N / "fr.po"))
        translated = {entry.msgid for entry in french if entry.msgstr}
        untranslated = sorted(terms - translated)
        self.assertFalse(untranslated, f"untranslated in fr.po: {untranslated}")
        self.assertFalse([entry.msgid for entry in french.fuzzy_entries()])

    def test_french_messages_in_the_chatter(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        salesman = new_test_user(
            self.env,
            login="grc_sale_french",
            groups="sales_team.group_sale_salesman",
            lang="fr_FR",
        )
        customer = self.env["res.partner"].create({"name": "Client Français"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Affaire",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": salesman.id,
            }
        )
        product = self.env["product.product"].create(
            {"name": "Prestation", "type": "service", "list_price": 10.0}
        )
        order = (
            self.env["sale.order"]
            # the web client's context carries the user's language
            .with_user(salesman)
            .with_context(lang="fr_FR")
            .create(
                {
                    "partner_id": customer.id,
                    "opportunity_id": lead.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
        )
        order.action_confirm()
        self.assertTrue(messages_with(lead, f"Devis {order.name} confirmé"))
