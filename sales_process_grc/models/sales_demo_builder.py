# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data builder: a living pipeline and two years of customer history.

Only called from the demo data (demo/sales_demo_history.xml), never in a
production install. Everything is relative to today and deterministic (fixed
random seed). The customer statuses are built only through the addon's status
mechanism: won opportunities (``_grc_register_purchases`` through the win) and
``res.partner._grc_set_customer_status`` in chronological order, so the status
log, the partners and the snapshots are exactly what the live system would
have recorded.
"""

import random
from collections import defaultdict
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

SEED = 14
HISTORY_MONTHS = 24
INITIAL_CUSTOMERS = 36
NEW_CUSTOMERS = 38
PROSPECTS = 30
# customer fates (the rest stay loyal)
EXPLICIT_LOST = 20
EXPLICIT_LOST_WON_BACK = 6
FADING_LOST = 6
FADING_AT_RISK = 8
AT_RISK_WON_BACK = 4

NAME_FIRST = (
    "Alder",
    "Birch",
    "Cedar",
    "Dune",
    "Elm",
    "Fjord",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Kestrel",
    "Linden",
    "Maple",
    "Nordic",
    "Oak",
    "Pine",
    "Quartz",
    "Rowan",
    "Sierra",
    "Tide",
    "Upland",
    "Vale",
    "Willow",
    "Yew",
    "Zenith",
)
NAME_SECOND = (
    "Interiors",
    "Office Supplies",
    "Architects",
    "Consulting",
    "Hotels",
    "Logistics",
    "Clinics",
    "Schools",
    "Studios",
)
PRODUCTS = (
    "Office desks",
    "Meeting room furniture",
    "Ergonomic chairs",
    "Open space fit-out",
    "Reception area",
    "Storage cabinets",
    "Acoustic panels",
    "Cafeteria furniture",
)
CITIES = (
    ("Brussels", "base.be"),
    ("Lyon", "base.fr"),
    ("Lille", "base.fr"),
    ("Geneva", "base.ch"),
    ("Antwerp", "base.be"),
    ("Nantes", "base.fr"),
)
CHURN_REASONS = (
    "sales_process_grc.churn_reason_price",
    "sales_process_grc.churn_reason_competitor",
    "sales_process_grc.churn_reason_quality",
    "sales_process_grc.churn_reason_need_disappeared",
    "sales_process_grc.churn_reason_company_closed",
)
STEP_NOTES = {
    10: (
        "Website and annual report read; 40 employees, moving in spring.",
        "Existing supplier since 2019; contract renewal in the autumn.",
        "Met the office manager at the trade fair; she asked for a catalogue.",
    ),
    20: (
        "Called the office manager; appointment accepted for next week.",
        "Refused the appointment: no project before next year.",
        "Reached the CFO's assistant; meeting agreed with both decision makers.",
    ),
    30: (
        "Needs 25 workstations and two meeting rooms; budget around 60k.",
        "Main pain: noise in the open space; wants acoustic solutions first.",
        "Decision by the board at the end of the quarter; two other bids.",
    ),
    40: (
        "Offer presented on site with the 3D layout; well received.",
        "Offer sent with two options (standard and premium range).",
    ),
    50: (
        "Price objection handled with the payment in three instalments.",
        "Asked for references: sent two customers of the same size.",
    ),
    60: (
        "5% discount granted against a two-year framework agreement.",
        "Delivery date moved forward by one week, no discount.",
    ),
    70: ("Order signed; deposit received.",),
    80: ("Thanked the team; introduced the installation manager.",),
    90: ("Installation checked one month later; customer satisfied.",),
}
OBJECTIONS = (
    (
        "sales_process_grc.objection_type_price",
        "Your competitor offers the same desks 15% cheaper.",
        "Delivery, assembly and a 5-year warranty are included; payment in "
        "three instalments.",
    ),
    (
        "sales_process_grc.objection_type_timing",
        "We will review our suppliers after the summer.",
        "Agreed to call back on the first of September with an updated layout.",
    ),
    (
        "sales_process_grc.objection_type_competitor",
        "We have worked with the same supplier for years.",
        "Offered a pilot on one floor so they can compare.",
    ),
    (
        "sales_process_grc.objection_type_think",
        "We need to think about it.",
        "Asked what is still unclear; sent the comparison of the two options.",
    ),
)
LOST_REASONS = ("crm.lost_reason_1", "crm.lost_reason_2", "crm.lost_reason_3")
# opportunities lost over the history, and how many steps they had done
LOST_HISTORY = 90
LOST_AT_STEP = (3, 14, 16, 10, 14, 9, 9, 4, 2)


class SalesDemoBuilder(models.AbstractModel):
    _name = "sales.demo.builder"
    _description = "Sales Process Demo Data Builder"

    @api.model
    def _grc_demo_sales_force(self):
        """The salespeople (user, team) the demo records are spread over."""
        ref = self.env.ref
        return [
            (ref("base.user_admin"), ref("sales_team.team_sales_department")),
            (
                ref("sales_process_grc.demo_user_sophie"),
                ref("sales_team.team_sales_department"),
            ),
            (ref("base.user_demo"), ref("sales_team.crm_team_1")),
            (ref("sales_process_grc.demo_user_lucas"), ref("sales_team.crm_team_1")),
        ]

    @api.model
    def _grc_demo_create_companies(self, names, rng):
        cities = [(city, self.env.ref(country).id) for city, country in CITIES]
        sales_force = self._grc_demo_sales_force()
        vals_list = []
        for index, name in enumerate(names):
            city, country_id = cities[index % len(cities)]
            user = sales_force[index % len(sales_force)][0]
            slug = name.lower().replace(" ", "-")
            vals_list.append(
                {
                    "name": name,
                    "is_company": True,
                    "email": f"contact@{slug}.example.com",
                    "phone": f"+32 2 {rng.randint(100, 999)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)}",
                    "city": city,
                    "country_id": country_id,
                    "user_id": user.id,
                }
            )
        return (
            self.env["res.partner"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(vals_list)
        )

    @api.model
    def _grc_demo_build(self):
        """Build the whole demo: customers with two years of history, prospects
        and a pipeline of opportunities, past information letters and the
        monthly snapshots."""
        rng = random.Random(SEED)
        names = [f"{first} {second}" for second in NAME_SECOND for first in NAME_FIRST]
        rng.shuffle(names)
        count = INITIAL_CUSTOMERS + NEW_CUSTOMERS
        customers = self._grc_demo_create_companies(names[:count], rng)
        prospects = self._grc_demo_create_companies(
            names[count : count + PROSPECTS], rng
        )
        plan = self._grc_demo_history_plan(customers, rng)
        self._grc_demo_play_history(plan, rng)
        self._grc_demo_build_pipeline(customers, prospects, rng)
        self._grc_demo_lost_history(prospects, rng)
        self._grc_demo_information_letters(plan)
        self.env["sales.attrition.snapshot"]._compute_history_snapshots()

    # ------------------------------------------------------------------
    # Customer history
    # ------------------------------------------------------------------
    @api.model
    def _grc_demo_history_plan(self, customers, rng):
        """Purchases and status changes of every customer over the last
        HISTORY_MONTHS months.

        :return: {partner: {"purchases": [(date, goal)], "status":
            [(date, status, reason xmlid)], "fate": str}}
        """
        today = fields.Date.context_today(self)
        start = today - relativedelta(months=HISTORY_MONTHS)
        span = (today - start).days
        plan = {}
        for index, partner in enumerate(customers):
            if index < INITIAL_CUSTOMERS:
                first = start + timedelta(days=rng.randint(0, 50))
            else:
                rank = index - INITIAL_CUSTOMERS
                offset = 60 + rank * (span - 90) // NEW_CUSTOMERS
                first = start + timedelta(days=offset + rng.randint(0, 10))
            plan[partner] = {"first": first, "fate": "loyal", "status": []}
        initial = list(customers[:INITIAL_CUSTOMERS])
        pool = list(customers)
        rng.shuffle(initial)
        rng.shuffle(pool)

        def take(candidates, condition):
            for partner in candidates:
                if plan[partner]["fate"] == "loyal" and condition(plan[partner]):
                    return partner
            return None

        # customers who leave: churn dates spread evenly over the history
        churn_span = span - 150
        for rank in range(EXPLICIT_LOST):
            churn = start + timedelta(days=120 + rank * churn_span // EXPLICIT_LOST)
            partner = take(
                pool, lambda item, c=churn: item["first"] <= c - timedelta(days=60)
            )
            if not partner:
                continue
            item = plan[partner]
            item.update(fate="lost", churn=churn)
            item["reason"] = CHURN_REASONS[rank % len(CHURN_REASONS)]
        won_back = [p for p in customers if plan[p]["fate"] == "lost"]
        won_back = [
            p for p in won_back if plan[p]["churn"] <= today - timedelta(days=200)
        ]
        for partner in won_back[:EXPLICIT_LOST_WON_BACK]:
            plan[partner]["fate"] = "lost_won_back"
        # customers who stop buying: lost for inactivity a year later
        for rank in range(FADING_LOST):
            last = start + timedelta(days=40 + rank * (span - 420) // FADING_LOST)
            partner = take(
                initial, lambda item, d=last: item["first"] <= d - timedelta(days=30)
            )
            if partner:
                plan[partner].update(fate="fading_lost", last=last)
        for rank in range(FADING_AT_RISK):
            last = today - timedelta(days=190 + rank * 160 // FADING_AT_RISK)
            partner = take(
                pool, lambda item, d=last: item["first"] <= d - timedelta(days=30)
            )
            if partner:
                plan[partner].update(fate="fading", last=last)
        for rank in range(AT_RISK_WON_BACK):
            gap_start = start + timedelta(days=200 + rank * 90)
            partner = take(
                pool, lambda item, d=gap_start: item["first"] <= d - timedelta(days=60)
            )
            if partner:
                plan[partner].update(fate="at_risk_won_back", gap=gap_start)

        for item in plan.values():
            item["purchases"] = self._grc_demo_purchases(item, today, rng)
            item["status"] = self._grc_demo_status_changes(item, today)
        return plan

    @api.model
    def _grc_demo_purchases(self, item, today, rng):
        """Purchase dates (on the Tuesday of their week, so that one batch of
        wins is played per week) and the prospecting goal of each."""

        def tuesday(day):
            return day - timedelta(days=day.weekday()) + timedelta(days=1)

        fate = item["fate"]
        first = item["first"]
        goals = ("new_product", "new_target", "new_zone")
        purchases = [(first, goals[first.toordinal() % 3])]
        if fate in ("lost", "lost_won_back"):
            stop = item["churn"] - timedelta(days=20)
        elif fate in ("fading", "fading_lost"):
            stop = item["last"]
        else:
            stop = today - timedelta(days=7)
        day = first
        while True:
            day = day + timedelta(days=rng.randint(70, 160))
            if fate == "at_risk_won_back" and item["gap"] <= day < item[
                "gap"
            ] + timedelta(days=150):
                # a gap of more than six months: at risk, then won back
                day = item["gap"] + timedelta(days=rng.randint(200, 260))
                purchases.append((day, "reengagement"))
                continue
            if day > stop:
                break
            purchases.append((day, False))
        if fate in ("fading", "fading_lost") and stop > purchases[-1][0]:
            purchases.append((stop, False))  # the last order
        if fate == "lost_won_back":
            back = item["churn"] + timedelta(days=rng.randint(100, 180))
            purchases.append((back, "reengagement"))
            day = back
            while True:
                day = day + timedelta(days=rng.randint(70, 160))
                if day > today - timedelta(days=7):
                    break
                purchases.append((day, False))
        result = []
        seen = set()
        for day, goal in sorted(purchases, key=lambda purchase: purchase[0]):
            day = min(tuesday(day), today - timedelta(days=1))
            if day not in seen:
                seen.add(day)
                result.append((day, goal))
        return result

    @api.model
    def _grc_demo_status_changes(self, item, today):
        """At risk / lost changes implied by the purchases (the daily
        classification's rules) and the customer's fate."""
        at_risk_days, lost_days = self.env["res.partner"]._grc_get_thresholds()
        days = [day for day, _goal in item["purchases"]]
        churn = item.get("churn")
        changes = []
        for index, last in enumerate(days):
            following = days[index + 1] if index + 1 < len(days) else None
            limit = following or today
            if churn and last < churn and (following is None or following > churn):
                if last + timedelta(days=at_risk_days) < churn:
                    changes.append(
                        (last + timedelta(days=at_risk_days), "at_risk", None)
                    )
                changes.append((churn, "lost", item["reason"]))
                continue
            if last + timedelta(days=at_risk_days) < limit:
                changes.append((last + timedelta(days=at_risk_days), "at_risk", None))
            if last + timedelta(days=lost_days) < limit:
                changes.append(
                    (
                        last + timedelta(days=lost_days),
                        "lost",
                        "sales_process_grc.churn_reason_inactivity",
                    )
                )
        return changes

    @api.model
    def _grc_demo_play_history(self, plan, rng):
        """Play the plan in chronological order: the wins of one day in one
        batch of won opportunities, the status changes of one day in one call
        per status and reason."""
        sales_force = self._grc_demo_sales_force()
        user_team = {user.id: team for user, team in sales_force}
        won_stage = self.env.ref("crm.stage_lead4")
        by_day = defaultdict(lambda: {"wins": [], "status": defaultdict(list)})
        for partner, item in plan.items():
            acquisition = self._grc_demo_acquisition_temperature(item["fate"], rng)
            for index, (day, goal) in enumerate(item["purchases"]):
                by_day[day]["wins"].append((partner, index, goal, acquisition))
            for day, status, reason in item["status"]:
                by_day[day]["status"][status, reason].append(partner.id)
        lead_model = self.env["crm.lead"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        partner_model = self.env["res.partner"]
        history_leads = lead_model.browse()
        for day in sorted(by_day):
            batch = by_day[day]
            vals_list = []
            for partner, index, goal, acquisition in batch["wins"]:
                user = partner.user_id
                product = PRODUCTS[(partner.id + index) % len(PRODUCTS)]
                if index == 0:
                    temperature = acquisition
                elif goal == "reengagement":
                    temperature = "warm"
                else:
                    temperature = rng.choice(("hot", "hot", "hot", "warm"))
                vals_list.append(
                    {
                        "name": f"{product} - {partner.name}",
                        "type": "opportunity",
                        "partner_id": partner.id,
                        "user_id": user.id,
                        "team_id": user_team[user.id].id,
                        "stage_id": won_stage.id,
                        "probability": 100,
                        "expected_revenue": rng.randrange(4000, 60000, 500),
                        # the superuser may set it while the registry loads
                        # (demo data): the win is dated by the lead's creation
                        "create_date": datetime.combine(day, time(9, 0)),
                        "prospect_temperature": temperature,
                        "prospecting_goal": goal,
                    }
                )
            if vals_list:
                won = lead_model.create(vals_list)
                won.write({"date_closed": datetime.combine(day, time(10, 0))})
                history_leads |= won
            for (status, reason), partner_ids in batch["status"].items():
                partner_model.browse(partner_ids)._grc_set_customer_status(
                    status,
                    date=day,
                    reason=self.env.ref(reason) if reason else None,
                    track=False,
                )
        # the old interviews were completed; no follow-up activity is due on
        # them any more
        self.env["sales.interview.line"].search(
            [("lead_id", "in", history_leads.ids), ("state", "=", "todo")]
        ).write({"state": "done"})
        self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", history_leads.ids)]
        ).unlink()
        reengagement = self.env.ref(
            "sales_process_grc.mail_activity_type_reengagement",
            raise_if_not_found=False,
        )
        if reengagement:
            partners = self.env["res.partner"].browse([p.id for p in plan])
            self.env["mail.activity"].search(
                [
                    ("res_model", "=", "res.partner"),
                    (
                        "res_id",
                        "in",
                        partners.filtered(lambda p: p.customer_status != "at_risk").ids,
                    ),
                    ("activity_type_id", "=", reengagement.id),
                ]
            ).unlink()
        return history_leads

    @api.model
    def _grc_demo_acquisition_temperature(self, fate, rng):
        """Temperature of the opportunity that made the customer: the
        customers who leave were more often won cold or unqualified."""
        if fate in ("loyal", "at_risk_won_back"):
            weights = (("hot", 12), ("warm", 6), ("cold", 1), (False, 1))
        else:
            weights = (("hot", 4), ("warm", 5), ("cold", 3), (False, 2))
        values = [value for value, weight in weights for _i in range(weight)]
        return rng.choice(values)

    # ------------------------------------------------------------------
    # Pipeline
    # ------------------------------------------------------------------
    @api.model
    def _grc_demo_build_pipeline(self, customers, prospects, rng):
        """Open, won and lost opportunities at every temperature and every
        interview step, with notes, objections and the four goals."""
        ref = self.env.ref
        sales_force = self._grc_demo_sales_force()
        stages = {
            "new": ref("crm.stage_lead1"),
            "qualified": ref("crm.stage_lead2"),
            "proposition": ref("crm.stage_lead3"),
        }
        lost_customers = customers.filtered(lambda p: p.customer_status == "lost")
        at_risk = customers.filtered(lambda p: p.customer_status == "at_risk")
        active = customers.filtered(lambda p: p.customer_status == "customer")
        # (temperature, steps done, stage, kind) - kind: open / won / lost
        specs = (
            [(False, 0, "new", "open")] * 8
            + [("cold", 1, "new", "open")] * 6
            + [("cold", 2, "new", "open")] * 4
            + [("warm", 2, "qualified", "open")] * 4
            + [("warm", 3, "qualified", "open")] * 6
            + [("hot", 4, "proposition", "open")] * 4
            + [("hot", 5, "proposition", "open")] * 4
            + [("hot", 6, "proposition", "open")] * 3
            + [("hot", 7, "proposition", "open")] * 2
            + [("hot", 8, "proposition", "open")] * 1
            + [("hot", 9, "proposition", "won")] * 3
            + [("warm", 9, "proposition", "won")] * 2
            + [("cold", 9, "proposition", "won")] * 1
            + [("warm", 3, "qualified", "lost")] * 3
            + [("hot", 5, "proposition", "lost")] * 2
            + [("cold", 1, "new", "lost")] * 2
        )
        # at-risk and lost customers first: they get open re-engagement leads
        partners = list(lost_customers[:6]) + list(at_risk[:4]) + list(prospects)
        partners += list(active[:8])
        vals_list = []
        for index, (temperature, _done, _stage, _kind) in enumerate(specs):
            partner = partners[index % len(partners)]
            user, team = sales_force[index % len(sales_force)]
            if partner.customer_status in ("lost", "at_risk"):
                goal = "reengagement"
            elif partner.customer_status == "customer":
                goal = "new_product"
            else:
                goal = ("new_product", "new_target", "new_zone", False)[index % 4]
            vals_list.append(
                {
                    "name": f"{PRODUCTS[index % len(PRODUCTS)]} - {partner.name}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "team_id": team.id,
                    "stage_id": stages["new"].id,
                    "expected_revenue": rng.randrange(5000, 80000, 500),
                    "date_deadline": fields.Date.context_today(self)
                    + timedelta(days=rng.randint(5, 90)),
                    "priority": str(rng.randint(0, 3)),
                    "prospect_temperature": temperature,
                    "prospecting_goal": goal,
                }
            )
        leads = (
            self.env["crm.lead"].with_context(mail_create_nolog=True).create(vals_list)
        )
        lines = self.env["sales.interview.line"].search([("lead_id", "in", leads.ids)])
        lines_by_lead = defaultdict(lambda: lines.browse())
        for line in lines:
            lines_by_lead[line.lead_id.id] |= line
        done = lines.browse()
        for lead, (_temperature, done_count, _stage, _kind) in zip(
            leads, specs, strict=True
        ):
            lead_lines = lines_by_lead[lead.id].sorted("sequence")
            done |= lead_lines[:done_count]
        done.write({"state": "done"})
        # a note on the last step done of most leads
        for index, (lead, spec) in enumerate(zip(leads, specs, strict=True)):
            done_count = spec[1]
            if not done_count or index % 5 == 4:
                continue
            line = lines_by_lead[lead.id].sorted("sequence")[done_count - 1]
            notes = STEP_NOTES.get(line.step_id.sequence) or STEP_NOTES[90]
            line.note = notes[index % len(notes)]
        # offers and objections from the offer step on
        objection_vals = []
        for index, (lead, spec) in enumerate(zip(leads, specs, strict=True)):
            if spec[1] >= 4:
                lead.write(
                    {
                        "offer_lead_time": ("3 weeks", "10 days", "1 month")[index % 3],
                        "offer_payment_terms": (
                            "30% down payment, balance at delivery",
                            "30 days end of month",
                            "Three monthly instalments",
                        )[index % 3],
                    }
                )
            if spec[1] >= 3 or spec[3] == "lost":
                xmlid, statement, answer = OBJECTIONS[index % len(OBJECTIONS)]
                objection_vals.append(
                    {
                        "lead_id": lead.id,
                        "objection_type_id": ref(xmlid).id,
                        "statement": statement,
                        "answer": answer,
                        "resolved": spec[3] != "lost" and index % 3 != 0,
                    }
                )
        self.env["sales.lead.objection"].create(objection_vals)
        for stage_key in ("qualified", "proposition"):
            to_move = leads.browse(
                [
                    lead.id
                    for lead, spec in zip(leads, specs, strict=True)
                    if spec[2] == stage_key
                ]
            )
            to_move.write({"stage_id": stages[stage_key].id})
        won = leads.browse(
            [
                lead.id
                for lead, spec in zip(leads, specs, strict=True)
                if spec[3] == "won"
            ]
        )
        won.action_set_won()
        for index, (lead, spec) in enumerate(zip(leads, specs, strict=True)):
            if spec[3] == "lost":
                lead.action_set_lost(
                    lost_reason_id=ref(LOST_REASONS[index % len(LOST_REASONS)]).id
                )
        return leads

    @api.model
    def _grc_demo_lost_history(self, prospects, rng, count=LOST_HISTORY):
        """Opportunities lost over the history, stopped at every step of the
        interview (most often at the first contact, the discovery and the
        offer), so that the drop-off per step reads like a real funnel."""
        today = fields.Date.context_today(self)
        start = today - relativedelta(months=HISTORY_MONTHS)
        span = (today - start).days - 45
        sales_force = self._grc_demo_sales_force()
        stopped_at = [
            done for done, weight in enumerate(LOST_AT_STEP) for _i in range(weight)
        ]
        plan = []
        for index in range(count):
            created = start + timedelta(days=index * span // count + rng.randint(0, 5))
            done = rng.choice(stopped_at)
            if done < 2:
                temperature = rng.choice(("cold", "cold", False))
            elif done < 4:
                temperature = rng.choice(("cold", "warm", "warm"))
            else:
                temperature = rng.choice(("warm", "hot", "hot"))
            plan.append((created, done, temperature))
        vals_list = []
        for index, (created, _done, temperature) in enumerate(plan):
            partner = prospects[index % len(prospects)]
            user, team = sales_force[index % len(sales_force)]
            vals_list.append(
                {
                    "name": f"{PRODUCTS[index % len(PRODUCTS)]} - {partner.name}",
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "team_id": team.id,
                    "expected_revenue": rng.randrange(5000, 80000, 500),
                    "prospect_temperature": temperature,
                    "prospecting_goal": ("new_product", "new_target", "new_zone")[
                        index % 3
                    ],
                    # the superuser may set it while the registry loads
                    "create_date": datetime.combine(created, time(9, 0)),
                }
            )
        leads = (
            self.env["crm.lead"]
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(vals_list)
        )
        lines = self.env["sales.interview.line"].search(
            [("lead_id", "in", leads.ids)], order="lead_id, sequence, id"
        )
        lines_by_lead = defaultdict(list)
        for line in lines:
            lines_by_lead[line.lead_id.id].append(line.id)
        done_ids = []
        for lead, (_created, done, _temperature) in zip(leads, plan, strict=True):
            done_ids.extend(lines_by_lead[lead.id][:done])
        lines.browse(done_ids).write({"state": "done"})
        self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)]
        ).unlink()
        reasons = [self.env.ref(xmlid).id for xmlid in LOST_REASONS]
        for reason_id in reasons:
            leads.filtered(
                lambda lead, r=reason_id: lead.id % len(reasons) == reasons.index(r)
            ).action_set_lost(lost_reason_id=reason_id)
        by_day = defaultdict(list)
        for lead, (created, _done, _temperature) in zip(leads, plan, strict=True):
            closed = min(created + timedelta(days=rng.randint(15, 45)), today)
            by_day[closed].append(lead.id)
        for day, lead_ids in by_day.items():
            leads.browse(lead_ids).write(
                {"date_closed": datetime.combine(day, time(16, 0))}
            )
        return leads

    # ------------------------------------------------------------------
    # Information letters
    # ------------------------------------------------------------------
    @api.model
    def _grc_demo_information_letters(self, plan, months=12):
        """The monthly information letter of the last ``months`` months,
        recorded as sent to the customers of that time."""
        template = self.env.ref(
            "sales_process_grc.mail_template_information_letter",
            raise_if_not_found=False,
        )
        events = self.env["sales.customer.status.event"]
        today = fields.Date.context_today(self)
        this_month = today.replace(day=1)
        partner_ids = [partner.id for partner in plan]
        vals_list = []
        for rank in range(months, 0, -1):
            period = this_month - relativedelta(months=rank)
            active = events.search(
                [
                    ("partner_id", "in", partner_ids),
                    ("date", "<=", period),
                    "|",
                    ("date_next", "=", False),
                    ("date_next", ">", period),
                    ("new_status", "=", "customer"),
                ]
            )
            vals_list.extend(
                {
                    "partner_id": event.partner_id.id,
                    "period_start": period,
                    "template_id": template.id if template else False,
                    "company_id": event.company_id.id,
                }
                for event in active
            )
        return self.env["sales.information.letter"].create(vals_list)
