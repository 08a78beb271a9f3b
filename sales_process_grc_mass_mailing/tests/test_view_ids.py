# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.sales_process_grc.tests.view_migration_common import (
    RenamedViewsMixin,
)


@tagged("post_install", "-at_install")
class TestViewIds(RenamedViewsMixin, TransactionCase):
    """Inherited views named <model>_view_<type>_inherit_<feature> (19.0.1.0.1)."""

    MIGRATION = "migrations/19.0.1.0.1/pre-migrate.py"
