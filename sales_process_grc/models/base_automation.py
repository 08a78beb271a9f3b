# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models, tools

from odoo.addons.base_automation.models.base_automation import WRITE_TRIGGERS

# The fields the cached rule look-ups (_get_actions, _grc_write_rules) read
LOOKUP_FIELDS = {"model_id", "trigger", "active", "trigger_field_ids"}
# Context key: the write rules a write or recomputation may fire (see
# _grc_narrowed): (model name, rule ids), or None for all of them
NARROWED = "grc_automation_narrowed"
WRITE_KEY = tuple(WRITE_TRIGGERS)


def _grc_narrowed(records, fnames, patched, *args, **kw):
    """Call base_automation's ``patched`` write or ``_compute_field_value`` of
    ``records`` with only the write rules that can fire for a change of the
    stored fields ``fnames``: the rules without trigger fields and those
    watching one of ``fnames``. A rule with trigger fields runs its actions
    only on the records where one of them changed (``_check_trigger_fields``),
    and only the written or recomputed fields can change in that call; its
    precondition would still be evaluated on every record of every write and
    of every recomputed stored field. When no rule can fire, base_automation
    is not called at all."""
    rules = records.env["base.automation"]._grc_write_rules(records._name)
    ids = tuple(
        rule_id for rule_id, watched in rules if watched is None or watched & fnames
    )
    context = records.env.context
    if not ids:
        if context.get(NARROWED) is not None:
            records = records.with_context(**{NARROWED: None})
        return patched.origin(records, *args, **kw)
    narrowed = (records._name, ids) if len(ids) < len(rules) else None
    if context.get(NARROWED) != narrowed:
        records = records.with_context(**{NARROWED: narrowed})
    return patched(records, *args, **kw)


def _grc_make_write(patched):
    def write(self, vals, **kw):
        fields = self._fields
        fnames = {fname for fname in vals if fname in fields and fields[fname].store}
        return _grc_narrowed(self, fnames, patched, vals, **kw)

    write.grc_narrowing = True
    return write


def _grc_make_compute_field_value(patched):
    def _compute_field_value(self, field):
        fnames = {f.name for f in self.pool.field_computed[field] if f.store}
        if not fnames:
            return patched.origin(self, field)
        return _grc_narrowed(self, fnames, patched, field)

    _compute_field_value.grc_narrowing = True
    return _compute_field_value


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
        created or deleted or its model, trigger, trigger fields or active
        flag written, and, as every ``ormcache`` is, when the transaction that
        did it is rolled back. Within a write or a recomputation, only the
        rules ``_grc_narrowed`` chose."""
        if "__action_done" not in self.env.context:
            self = self.with_context(__action_done={})
        ids = self._grc_automation_ids(records._name, tuple(triggers))
        narrowed = self.env.context.get(NARROWED)
        if narrowed is not None:
            # only the rules _grc_narrowed chose for this write or
            # recomputation; records and nested calls go on without the key
            self = self.with_context(**{NARROWED: None})
            if narrowed[0] == records._name and tuple(triggers) == WRITE_KEY:
                ids = tuple(rule_id for rule_id in ids if rule_id in narrowed[1])
        return self.browse(ids)

    @api.model
    @tools.ormcache("model_name")
    def _grc_write_rules(self, model_name):
        """The active write rules of ``model_name``: (id, names of the trigger
        fields, or None for a rule without any)."""
        rules = self.browse(self._grc_automation_ids(model_name, WRITE_KEY)).sudo()
        return tuple(
            (rule.id, frozenset(rule.trigger_field_ids.mapped("name")) or None)
            for rule in rules
        )

    def _grc_trigger_fnames(self):
        """Names of the trigger fields of the rule ``self``, from the cached
        write rules when it is one (no query)."""
        self.ensure_one()
        for rule_id, watched in self._grc_write_rules(self.sudo().model_name):
            if rule_id == self.id:
                return sorted(watched or ())
        return self.sudo().trigger_field_ids.mapped("name")

    def _register_hook(self):
        """base_automation patches ``write`` and ``_compute_field_value`` of
        the models that have write rules: wrap them so that each call checks
        only the rules that can fire for the fields it writes or recomputes
        (``_grc_narrowed``)."""
        result = super()._register_hook()
        for model_name in {
            rule.model_name
            for rule in self.with_context(active_test=True).search(
                [("trigger", "in", WRITE_KEY)]
            )
        }:
            if model_name not in self.env:
                continue
            model_class = self.env.registry[model_name]
            for name, make in (
                ("write", _grc_make_write),
                ("_compute_field_value", _grc_make_compute_field_value),
            ):
                patched = model_class.__dict__.get(name)
                if hasattr(patched, "origin") and not hasattr(patched, "grc_narrowing"):
                    setattr(model_class, name, make(patched))
        return result

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
            fnames = self._grc_trigger_fnames()
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
