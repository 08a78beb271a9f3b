# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import fields
from odoo.tools import SQL, split_every

from .models.res_partner import CUSTOMER_STATUS_FIELDS

_logger = logging.getLogger(__name__)


def post_init_hook(env):
    """Attrition: opportunities won before the installation make their partners
    customers, and the monthly snapshots of the known history are computed so
    that the dashboard is filled from the start."""
    init_customers_from_won_leads(env)
    env["sales.attrition.snapshot"]._compute_history_snapshots()


def init_customers_from_won_leads(env):
    """Give their customer status to the partners that won opportunities
    before the module was installed (at installation, by the post-init hook).

    Only prospects are considered, so running it again changes nothing.
    Dates come from the won opportunities; the customer is at risk / lost
    when the thresholds were crossed after its last purchase, and the
    status history (events) is rebuilt accordingly. Set-based: one grouped
    read, one batched insert of events and one UPDATE per 1000 customers.

    :param env: the superuser's environment the post-init hook is given (the
        history of every company is read and written)
    """
    partner_model = env["res.partner"]
    groups = (
        env["crm.lead"]
        .with_context(active_test=False)
        ._read_group(
            [("won_status", "=", "won"), ("partner_id", "!=", False)],
            ["partner_id", "company_id"],
            ["date_closed:min", "date_closed:max"],
        )
    )
    purchases = {}  # entity: [first date, last date, company of last purchase]
    today = fields.Date.context_today(partner_model)
    for partner, company, first, last in groups:
        if not first:
            continue
        entity = partner.commercial_partner_id
        # never after today, like crm.lead._grc_purchase_date()
        first, last = min(first.date(), today), min(last.date(), today)
        current = purchases.get(entity)
        if not current:
            purchases[entity] = [first, last, company]
            continue
        current[0] = min(current[0], first)
        if last > current[1]:
            current[1], current[2] = last, company
    entities = partner_model.browse([entity.id for entity in purchases]).filtered(
        lambda partner: partner.customer_status in (False, "prospect")
    )
    if not entities:
        return entities
    at_risk_days, lost_days = partner_model._grc_get_thresholds()
    inactivity = env.ref(
        "sales_process_grc.churn_reason_inactivity", raise_if_not_found=False
    )
    rows = []
    events = []
    for entity in entities:
        first, last, company = purchases[entity]
        at_risk_date = last + timedelta(days=at_risk_days)
        lost_date = last + timedelta(days=lost_days)
        if lost_date <= today:
            status, churn_date = "lost", lost_date
        elif at_risk_date <= today:
            status, churn_date = "at_risk", None
        else:
            status, churn_date = "customer", None
        reason_id = inactivity.id if inactivity and status == "lost" else None
        rows.append((entity.id, status, first, last, churn_date, reason_id))
        common = {
            "partner_id": entity.id,
            "company_id": company.id or entity.company_id.id or env.company.id,
            "user_id": entity.user_id.id,
            "team_id": entity.user_id.sale_team_id.id,
        }
        events.append(
            {
                **common,
                "date": first,
                "old_status": "prospect",
                "new_status": "customer",
                "date_next": at_risk_date if status != "customer" else False,
            }
        )
        if status != "customer":
            events.append(
                {
                    **common,
                    "date": at_risk_date,
                    "old_status": "customer",
                    "new_status": "at_risk",
                    "date_next": lost_date if status == "lost" else False,
                }
            )
        if status == "lost":
            events.append(
                {
                    **common,
                    "date": lost_date,
                    "old_status": "at_risk",
                    "new_status": "lost",
                    "churn_reason_id": reason_id or False,
                }
            )
    env["sales.customer.status.event"].create(events)
    env.flush_all()
    # the entities and all their contacts (commercial_partner_id is the
    # entity itself for an entity), without tracking: this is history
    for chunk in split_every(1000, rows):
        env.cr.execute(
            SQL(
                """
                UPDATE res_partner AS partner
                   SET customer_status = data.status,
                       customer_since = data.since,
                       last_purchase_date = data.last,
                       churn_date = data.churn_date,
                       churn_reason_id = data.reason_id
                  FROM (VALUES %s) AS data(id, status, since, last, churn_date,
                                           reason_id)
                 WHERE partner.commercial_partner_id = data.id
                """,
                SQL(", ").join(
                    SQL("(%s, %s, %s::date, %s::date, %s::date, %s::int)", *row)
                    for row in chunk
                ),
            )
        )
    partner_model.invalidate_model(sorted(CUSTOMER_STATUS_FIELDS))
    _logger.info(
        "Customer status initialised from won opportunities for %s partners",
        len(entities),
    )
    return entities
