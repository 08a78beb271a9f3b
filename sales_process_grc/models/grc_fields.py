# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Domain


class One2manyWithColumns(fields.One2many):
    """A one2many whose lines come with their columns.

    Odoo's one2many reads its lines' ids (and inverse field) in one query; the
    lines' other fields take a second query as soon as one of them is read,
    which is what every reader of the addon's checklist and objections does
    (the lead form, the interview sheet, the stage gates). This field fetches
    the lines' prefetched fields (those the user may read) with their ids, in
    the same query. Everything else is Odoo's: the same domain, context,
    access rules and order, and the same cache value.

    ``count_field``: a stored integer field of the record counting all its
    lines (computed as superuser from this field). The records whose count,
    read with them, is 0 have no line for anyone: they get no query. A count
    that is being computed or that is to be recomputed is not trusted.
    """

    count_field = None

    # Odoo's One2many.read is replaced, not extended: it would read the lines
    # again (its own query, with the ids only)
    def read(self, records):  # pylint: disable=method-required-super
        if self.count_field:
            empty = _known_empty(records, records._fields[self.count_field])
            if empty:
                self._insert_cache(empty, [()] * len(empty))
                records -= empty
                if not records:
                    return
        # Odoo's One2many.read, but for the fields fetched with the lines
        context = {"active_test": False}
        context.update(self.context)
        comodel = records.env[self.comodel_name].with_context(**context)
        inverse = self.inverse_name
        inverse_field = comodel._fields[inverse]
        domain = self.get_comodel_domain(records) & Domain(inverse, "in", records.ids)
        try:
            # None: the fields marked prefetch=True the user may read, which
            # include the inverse field and the active field
            lines = comodel.search_fetch(domain, None)
        except AccessError as e:
            raise AccessError(
                records.env._("Failed to read field %s", self) + "\n" + str(e)
            ) from e
        get_id = (lambda rec: rec.id) if inverse_field.type == "many2one" else int
        group = defaultdict(list)
        for line in lines:
            group[get_id(line[inverse])].append(line.id)
        self._insert_cache(records, [tuple(group[id_]) for id_ in records._ids])


def _known_empty(records, count_field):
    """The records of ``records`` whose ``count_field`` is 0 in the cache,
    neither to compute nor being computed."""
    env = records.env
    trusted = env.not_to_compute(count_field, records) - env.protected(count_field)
    cache = count_field._get_cache(env)
    return trusted.browse(
        record_id for record_id in trusted._ids if cache.get(record_id) == 0
    )
