# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks of an addon's renamed inherited views and of the pre-migration that
gives the old view records their new XML ids (``tools.view_migration``)."""

import importlib.util
from pathlib import Path

from odoo.modules.module import get_module_path


class RenamedViewsMixin:
    """For a TransactionCase of the addon that renamed its views.

    ``MIGRATION``: the pre-migration, relative to the addon; its
    ``RENAMED_VIEWS`` ({new xml name: (old xml names)}) must name every
    inheriting view of the addon (QWeb templates aside)."""

    MIGRATION = None
    # the test methods below are the subclass's (Odoo's loader skips
    # inherited ones otherwise)
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        path = Path(get_module_path(cls.test_module)) / cls.MIGRATION
        spec = importlib.util.spec_from_file_location(
            f"{cls.test_module}_pre_migrate", path
        )
        cls.migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cls.migration)

    def _ref(self, name):
        return self.env.ref(f"{self.test_module}.{name}", raise_if_not_found=False)

    def _data(self, name):
        return self.env["ir.model.data"].search(
            [("module", "=", self.test_module), ("name", "=", name)]
        )

    def _inheriting_views(self):
        """{xml name: view} of the addon's inheriting views but QWeb templates."""
        data = self.env["ir.model.data"].search(
            [("module", "=", self.test_module), ("model", "=", "ir.ui.view")]
        )
        views = {row.name: self.env["ir.ui.view"].browse(row.res_id) for row in data}
        return {
            name: view
            for name, view in views.items()
            if view.inherit_id and view.type != "qweb"
        }

    def test_new_view_ids_exist_old_ones_do_not(self):
        for new_name, old_names in self.migration.RENAMED_VIEWS.items():
            view = self._ref(new_name)
            self.assertTrue(view, new_name)
            self.assertEqual(view._name, "ir.ui.view", new_name)
            self.assertTrue(view.inherit_id, new_name)
            for old_name in old_names:
                self.assertFalse(self._ref(old_name), old_name)

    def test_inherited_view_ids_follow_the_pattern(self):
        """<model>_view_<type>[_<qualifier>]_inherit_<feature>, and the
        migration knows each of them."""
        inheriting = self._inheriting_views()
        self.assertTrue(inheriting)
        self.assertEqual(set(inheriting), set(self.migration.RENAMED_VIEWS))
        for name, view in inheriting.items():
            prefix = f"{view.model.replace('.', '_')}_view_{view.type}"
            self.assertTrue(name.startswith(prefix), name)
            self.assertIn("_inherit_", name.removeprefix(prefix), name)

    def test_migration_renames_the_old_ids_and_keeps_the_records(self):
        """A database of the previous version (the old XML ids put back):
        the migration gives each view record its new XML id."""
        renamed = self.migration.RENAMED_VIEWS
        view_ids = {}
        for new_name, old_names in renamed.items():
            view_ids[new_name] = self._ref(new_name).id
            self._data(new_name).name = old_names[0]
        self.env.flush_all()
        for _run in range(2):  # the second time, already done: no change
            self.migration.migrate(self.env.cr, "19.0.1.0.0")
            self.env.invalidate_all()
            self.env.registry.clear_cache()
            for new_name, old_names in renamed.items():
                self.assertEqual(self._data(new_name).res_id, view_ids[new_name])
                self.assertEqual(self._ref(new_name).id, view_ids[new_name])
                self.assertFalse(self._data(old_names[0]), old_names[0])

    def test_migration_does_nothing_on_install(self):
        new_name, old_names = next(iter(self.migration.RENAMED_VIEWS.items()))
        data = self._data(new_name)
        data.name = old_names[0]
        self.env.flush_all()
        self.migration.migrate(self.env.cr, None)
        self.env.invalidate_all()
        self.assertEqual(data.name, old_names[0])
