# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Attrition: opportunities won before the installation make their partners
    customers, and the monthly snapshots of the known history are computed so
    that the dashboard is filled from the start."""
    env["res.partner"]._grc_init_customers_from_won_leads()
    env["sales.attrition.snapshot"]._compute_history_snapshots()
