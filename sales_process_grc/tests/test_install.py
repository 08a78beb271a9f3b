# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_module_installed_with_its_dependencies(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "sales_process_grc")]
        )
        self.assertEqual(module.state, "installed")
        manifest = get_manifest("sales_process_grc")
        self.assertEqual(module.latest_version, manifest["version"])
        self.assertTrue(module.latest_version.startswith("19.0."))
        dependencies = module.dependencies_id.mapped("name")
        self.assertCountEqual(dependencies, ["crm", "base_automation"])
