# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


def check_selection_values(records, vals_list, fnames):
    """Refuse a value that is not one of the choices of the selection fields
    ``fnames`` with a clear, translated error (the ORM would raise a bare
    ``ValueError``, shown as a server error over RPC) before anything is
    written.

    :param records: recordset giving the model and the environment (language)
    :param vals_list: list of dicts of values to create or write
    """
    for vals in vals_list:
        for fname in fnames:
            value = vals.get(fname)
            if value in (None, False):
                continue
            field = records._fields[fname]
            choices = field._description_selection(records.env)
            if value not in {key for key, _label in choices}:
                raise ValidationError(
                    records.env._(
                        "“%(value)s” is not a valid value for %(field)s; choose "
                        "one of: %(choices)s.",
                        value=value,
                        field=field._description_string(records.env),
                        choices=", ".join(label for _key, label in choices),
                    )
                )


class SalesSelectionLabelMixin(models.AbstractModel):
    """Selection labels for the mail templates of leads and partners (their
    sandboxed rendering cannot read ``_fields``)."""

    _name = "sales.selection.label.mixin"
    _description = "Selection Labels for Mail Templates"

    @api.private
    def grc_selection_label(self, fname):
        """Label of the selection field ``fname`` of this record in the
        current language (mail templates show it)."""
        self.ensure_one()
        selection = dict(self._fields[fname]._description_selection(self.env))
        return selection.get(self[fname], "")
