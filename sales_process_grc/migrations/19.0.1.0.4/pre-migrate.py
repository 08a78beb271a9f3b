# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The leads' count of objections (``crm.lead.objection_count``, new stored
field) is filled from the objections before the module is loaded: the ORM,
finding the column there, does not compute it lead by lead. The column is
added with 0 for every lead (PostgreSQL does not rewrite the table for it) and
only the leads that have objections are updated."""

from odoo.tools import SQL


def fill_objection_count(cr):
    cr.execute(
        SQL(
            """
            ALTER TABLE crm_lead
                ADD COLUMN IF NOT EXISTS objection_count integer DEFAULT 0;
            ALTER TABLE crm_lead ALTER COLUMN objection_count DROP DEFAULT
            """
        )
    )
    cr.execute(
        SQL(
            """
            UPDATE crm_lead AS lead
               SET objection_count = counts.total
              FROM (
                    SELECT lead_id, count(*) AS total
                      FROM sales_lead_objection
                  GROUP BY lead_id
                   ) AS counts
             WHERE counts.lead_id = lead.id
               AND lead.objection_count IS DISTINCT FROM counts.total
            """
        )
    )
    # a count left by an earlier run (the column was there already)
    cr.execute(
        SQL(
            """
            UPDATE crm_lead AS lead
               SET objection_count = 0
             WHERE lead.objection_count IS DISTINCT FROM 0
               AND NOT EXISTS (
                    SELECT 1
                      FROM sales_lead_objection AS objection
                     WHERE objection.lead_id = lead.id
               )
            """
        )
    )


def migrate(cr, version):
    if version:
        fill_objection_count(cr)
