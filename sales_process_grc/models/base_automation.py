# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class BaseAutomation(models.Model):
    _inherit = "base.automation"

    def _filter_post_export_domain(self, records, feedback=False):
        """Evaluate the rule's domain only on the records whose trigger fields
        changed. base_automation checks every rule of a model after each write
        and after each recomputation of any of its stored fields, then keeps
        the records whose trigger fields changed (``_check_trigger_fields`` in
        ``_process``): the leads' rules would otherwise evaluate their domains
        (some through one2many lines) on every lead for every stored field of
        a create or a stage change. Same records processed, same result; when
        none of the trigger fields was written or recomputed (the old values
        have none of them), nothing is evaluated at all."""
        old_values = self.env.context.get("old_values")
        if records and old_values is not None:
            fnames = self.sudo().trigger_field_ids.mapped("name")
            if fnames:
                fnames = [
                    fname
                    for fname in fnames
                    if any(fname in values for values in old_values.values())
                ]

                def changed(record):
                    values = old_values.get(record.id, {})
                    return any(
                        fname in values and record[fname] != values[fname]
                        for fname in fnames
                    )

                records = records.filtered(changed) if fnames else records.browse()
        return super()._filter_post_export_domain(records, feedback=feedback)
