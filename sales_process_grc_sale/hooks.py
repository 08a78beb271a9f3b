# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Existing sale orders (or invoices, per the setting) are the customers'
    purchase history: their partners get their status and dates, and the
    monthly snapshots are recomputed with the revenue figures."""
    env["res.partner"]._grc_init_customers_from_documents()
    env["sales.attrition.snapshot"]._compute_history_snapshots()
