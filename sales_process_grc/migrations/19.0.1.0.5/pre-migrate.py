# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fewer index entries per lead and per interview line written: the leads'
offer date and prospecting goal are indexed only where they are set (partial
indexes, ``btree_not_null``), the leads' offer-awaiting-reply flag and the
lines' state are no longer indexed. Odoo creates a missing index but keeps an
existing one whatever the field says: the old full indexes are dropped here,
the ORM creates the partial ones when the module is loaded."""

from odoo.tools import SQL

OLD_INDEXES = (
    "crm_lead__offer_presented_date_index",
    "crm_lead__prospecting_goal_index",
    "crm_lead__offer_awaiting_reply_index",
    "sales_interview_line__state_index",
)


def drop_old_indexes(cr):
    for name in OLD_INDEXES:
        cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))


def migrate(cr, version):
    if version:
        drop_old_indexes(cr)
