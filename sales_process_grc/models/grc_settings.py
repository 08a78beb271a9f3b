# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The addon's settings (``ir.config_parameter``, written by the Sales
Process (GRC) section of the settings), in one place:

- one reader per type, used by every feature (and by the bridges);
- one check per group of settings, raising the ``ValidationError`` that the
  settings form shows, and used by the readers: a parameter written by other
  means that is unreadable or that the form would refuse falls back to the
  default (see :func:`checked_or_default`)."""

import logging

from odoo.exceptions import ValidationError
from odoo.tools import str2bool

_logger = logging.getLogger(__name__)


def get_param(env, key, default=False):
    """The raw (string) setting ``key``, or ``default`` when it is missing."""
    # sudo: the settings are read by every process of the addon, for every user
    return env["ir.config_parameter"].sudo().get_param(key, default)


def get_int_param(env, key, default):
    """The integer setting ``key``, or ``default`` when it is missing or is
    not a number."""
    value = get_param(env, key)
    if value in (None, False, ""):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def get_bool_param(env, key, default=False):
    """The boolean setting ``key`` (as the settings form stores it: "True",
    "False", or missing)."""
    value = get_param(env, key)
    if value in (None, False, ""):
        return default
    return str2bool(value, default)


def get_selection_param(env, key, selection, default):
    """The selection setting ``key``, or ``default`` when it is missing or is
    not one of the values of ``selection`` (a list of (value, label))."""
    value = get_param(env, key)
    return value if value in dict(selection) else default


def get_list_param(env, key, default=""):
    """The comma-separated setting ``key`` as a list of its non-empty items
    (``default`` when it is missing; "," is the stored empty list)."""
    return [item for item in (get_param(env, key) or default).split(",") if item]


def checked_or_default(env, check, values, defaults):
    """``values`` when ``check(env, *values)`` accepts them, else ``defaults``
    (logged): the settings form refuses what ``check`` refuses, so a value
    it refuses was written by other means."""
    try:
        check(env, *values)
    except ValidationError as error:
        _logger.info(
            "Invalid settings %s (%s): using the defaults %s", values, error, defaults
        )
        return defaults
    return values


# --- checks of the settings (the settings form and the readers) --------------


def check_attrition_thresholds(env, at_risk_days, lost_days):
    """Days without purchase before a customer is at risk, then lost."""
    if at_risk_days <= 0:
        raise ValidationError(
            env._(
                "The number of days without purchase before a customer is "
                "at risk must be positive."
            )
        )
    if at_risk_days >= lost_days:
        raise ValidationError(
            env._(
                "The number of days without purchase before a customer is "
                "at risk (%(at_risk)s) must be smaller than the number of "
                "days before it is lost (%(lost)s).",
                at_risk=at_risk_days,
                lost=lost_days,
            )
        )


def check_cooling_delays(env, hot_days, warm_days):
    """Days without activity before a hot lead becomes warm, then cold."""
    if hot_days <= 0 or warm_days <= 0:
        raise ValidationError(
            env._("The cooling delays of prospects must be a positive number of days.")
        )
    if warm_days <= hot_days:
        raise ValidationError(
            env._(
                "The warm to cold delay (%(warm)s days) must be longer "
                "than the hot to warm delay (%(hot)s days).",
                warm=warm_days,
                hot=hot_days,
            )
        )


def check_retention_years(env, years):
    """Years without contact before a prospect's data is purged."""
    if years <= 0:
        raise ValidationError(
            env._("The retention period must be a positive number of years.")
        )


def check_information_letter(env, template, statuses):
    """Mail template (on contacts) and customer statuses of the information
    letter, when it is sent."""
    if not template or template.model != "res.partner":
        raise ValidationError(
            env._("Choose the mail template of the information letter.")
        )
    if not statuses:
        raise ValidationError(
            env._(
                "Choose at least one customer status to send the information letter to."
            )
        )
