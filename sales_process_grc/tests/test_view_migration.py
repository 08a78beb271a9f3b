# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.sales_process_grc.tools.view_migration import rename_views

MODULE = "sales_process_grc"


@tagged("post_install", "-at_install")
class TestViewMigration(TransactionCase):
    """rename_views(), which the 19.0.1.0.2 pre-migration and the bridges'
    call: the oldest old view takes the new XML id, the others are merged into
    it with the customisations that inherit them."""

    def _extension(self, name, parent, anchor="name"):
        view = self.env["ir.ui.view"].create(
            {
                "name": name,
                "model": parent.model,
                "inherit_id": parent.id,
                "arch": f'<field name="{anchor}" position="attributes">'
                '<attribute name="placeholder">x</attribute></field>',
            }
        )
        if name.startswith("grc_"):
            self.env["ir.model.data"].create(
                {"module": MODULE, "name": name, "model": view._name, "res_id": view.id}
            )
        return view

    def _data(self, name):
        return self.env["ir.model.data"].search(
            [("module", "=", MODULE), ("name", "=", name)]
        )

    def test_merge_keeps_the_oldest_and_moves_the_customisations(self):
        parent = self.env.ref("crm.crm_lead_view_form")
        kept = self._extension("grc_test_old_a", parent)
        merged = self._extension("grc_test_old_b", parent)
        custom = self._extension("custom", merged)
        rename_views(
            self.env.cr,
            MODULE,
            {"grc_test_new": ("grc_test_old_a", "grc_test_old_b", "grc_absent")},
        )
        self.env.invalidate_all()
        self.assertEqual(self._data("grc_test_new").res_id, kept.id)
        self.assertFalse(self._data("grc_test_old_a"))
        self.assertFalse(self._data("grc_test_old_b"))
        self.assertFalse(merged.exists())
        self.assertEqual(custom.inherit_id, kept)

    def test_done_or_absent_views_are_left_alone(self):
        parent = self.env.ref("crm.crm_lead_view_form")
        new = self._extension("grc_test_new", parent)
        old = self._extension("grc_test_old", parent)
        rename_views(
            self.env.cr,
            MODULE,
            {"grc_test_new": ("grc_test_old",), "grc_other": ("grc_absent",)},
        )
        self.env.invalidate_all()
        self.assertEqual(self._data("grc_test_new").res_id, new.id)
        self.assertEqual(self._data("grc_test_old").res_id, old.id)
        self.assertFalse(self._data("grc_other"))
