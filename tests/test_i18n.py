"""Every term the addon exports (Python, views, data, reports, JS) is in the
committed .pot and translated in fr.po."""

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

I18N = Path(__file__).resolve().parent.parent / "sales_process_grc" / "i18n"


@tagged("post_install", "-at_install", "sales_process_grc_repo")
class TestTranslations(TransactionCase):
    def _exported_terms(self):
        reader = TranslationModuleReader(self.env.cr, ["sales_process_grc"])
        return {source for _m, _t, _n, _r, source, _v, _c in reader if source}

    def test_pot_is_up_to_date(self):
        terms = self._exported_terms()
        pot = polib.pofile(str(I18N / "sales_process_grc.pot"))
        missing = sorted(terms - {e.msgid for e in pot})
        self.assertFalse(
            missing, f"run scripts/i18n.sh: terms missing from the .pot: {missing}"
        )

    def test_french_translation_is_complete(self):
        terms = self._exported_terms()
        french = polib.pofile(str(I18N / "fr.po"))
        translated = {e.msgid for e in french if e.msgstr and not e.obsolete}
        untranslated = sorted(terms - translated)
        self.assertFalse(untranslated, f"untranslated in fr.po: {untranslated}")
        fuzzy = [e.msgid for e in french.fuzzy_entries()]
        self.assertFalse(fuzzy, f"fuzzy entries in fr.po: {fuzzy}")
