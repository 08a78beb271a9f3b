# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class BaseAutomation(models.Model):
    _inherit = "base.automation"

    def _filter_post_export_domain(self, records, feedback=False):
        """Evaluate the rule's domain only on the records whose trigger fields
        changed. base_automation checks every rule of a model after each write
        and after each recomputation of any of its stored fields, then keeps
        the records whose trigger fields changed (``_process``): the leads'
        rules would otherwise evaluate their domains (some through one2many
        lines) on every lead for every stored field of a create or a stage
        change. Same records processed, same result."""
        if (
            records
            and self.env.context.get("old_values") is not None
            and self.sudo().trigger_field_ids
        ):
            records = records.filtered(self._check_trigger_fields)
        return super()._filter_post_export_domain(records, feedback=feedback)
