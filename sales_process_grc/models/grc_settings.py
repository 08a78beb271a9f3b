# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the addon's settings (``ir.config_parameter``, written by the
Sales Process (GRC) section of the settings): one helper per type, used by
every feature. The settings form validates what it saves; a parameter
written by other means and unreadable falls back to the default."""

from odoo.tools import str2bool


def _get_param(env, key):
    # sudo: the settings are read by every process of the addon, for every user
    return env["ir.config_parameter"].sudo().get_param(key)


def get_int_param(env, key, default):
    """The integer setting ``key``, or ``default`` when it is missing or is
    not a number."""
    value = _get_param(env, key)
    if value in (None, False, ""):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def get_bool_param(env, key, default=False):
    """The boolean setting ``key`` (as the settings form stores it: "True",
    "False", or missing)."""
    value = _get_param(env, key)
    if value in (None, False, ""):
        return default
    return str2bool(value, default)
