# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The leads' count of objections (``crm.lead.objection_count``, new stored
field) is filled from the objections in one query before the module is
loaded: the ORM, finding the column there, does not compute it lead by lead."""

from odoo.tools import SQL


def fill_objection_count(cr):
    cr.execute(
        SQL("ALTER TABLE crm_lead ADD COLUMN IF NOT EXISTS objection_count integer")
    )
    cr.execute(
        SQL(
            """
            UPDATE crm_lead AS lead
               SET objection_count = (
                    SELECT count(*)
                      FROM sales_lead_objection AS objection
                     WHERE objection.lead_id = lead.id
               )
            """
        )
    )


def migrate(cr, version):
    if version:
        fill_objection_count(cr)
