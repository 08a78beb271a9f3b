# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools

# The fields base_automation's rule look-up (_get_actions) reads
LOOKUP_FIELDS = {"model_id", "trigger", "active"}


class BaseAutomation(models.Model):
    _inherit = "base.automation"

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()  # _grc_automation_ids
        return super().create(vals_list)

    def write(self, vals):
        # only what the look-up depends on: the time-based rules' cron writes
        # last_run on every run, which must not clear every worker's caches
        if vals.keys() & LOOKUP_FIELDS:
            self.env.registry.clear_cache()  # _grc_automation_ids
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()  # _grc_automation_ids
        return super().unlink()

    def _get_actions(self, records, triggers):
        """The rules of ``triggers`` on the model of ``records``, as
        base_automation gives them, from a cache rather than a search.
        base_automation looks the rules up after each write and after each
        recomputation of any stored field of a model that has rules: the
        addon's rules on leads made that 30 identical searches for one create
        of leads and 9 for a stage change. The cache is cleared when a rule is
        created or deleted or its model, trigger or active flag written, and,
        as every ``ormcache`` is, when the transaction that did it is rolled
        back."""
        if "__action_done" not in self.env.context:
            self = self.with_context(__action_done={})
        return self.browse(self._grc_automation_ids(records._name, tuple(triggers)))

    @api.model
    @tools.ormcache("model_name", "triggers")
    def _grc_automation_ids(self, model_name, triggers):
        """Ids of the active rules of ``triggers`` on ``model_name``, in the
        rules' order (base_automation's ``_get_actions`` search)."""
        domain = [("model_name", "=", model_name), ("trigger", "in", list(triggers))]
        return tuple(self.with_context(active_test=True).sudo().search(domain).ids)

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
