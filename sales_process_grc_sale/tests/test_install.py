# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_bridge_installs_with_sales_and_crm(self):
        modules = self.env["ir.module.module"].search(
            [
                (
                    "name",
                    "in",
                    ["sales_process_grc", "sale_crm", "sales_process_grc_sale"],
                )
            ]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        bridge = modules.filtered(lambda m: m.name == "sales_process_grc_sale")
        self.assertTrue(bridge.auto_install)
