"""Side-by-side benchmark of the addon; run by scripts/bench.sh inside
`odoo-bin shell` (the shell's own ``env`` is not used: the script opens both
databases itself).

Two databases built the same way and filled with the same generated data set:
BENCH_VANILLA_DB (crm + base_automation) and BENCH_ADDON_DB (the same plus
sales_process_grc). Prints, in one run:

1. everyday operations on both databases, interleaved, median of BENCH_ROUNDS
   rounds (each round rolls back): time, SQL queries and the ratio addon /
   vanilla (create and stage write on BENCH_OPS leads, the two databases
   one after the other, the flushed stage write BENCH_STAGE_REPEAT times
   per round, each rolled back to a savepoint; then, each in a
   transaction of its own as a user's request is, kanban / list / form loads
   with the views' own specification and the partner list, READ_REPEAT runs
   after a garbage collection, the databases alternating run by run); the
   ratio is the median of the ratios of runs made one after the other, so
   that the machine's drift between rounds cancels out;
2. the addon's own work on the addon database: time, SQL queries, queries per
   batch and peak memory of the crons and reports, next to the plain SQL
   aggregate computing the same figure where there is one.

Budgets (issue 11) are checked at the end; the script exits with status 1
when one is exceeded. BENCH_SCALE scales the data set: 1.0 is the published
size (100,000 leads and 100,000 customers), the default 0.1 a quick run.
Time budgets of the scheduled work scale with the data set.
"""

import contextlib
import gc
import json
import os
import resource
import statistics
import sys
import time
from datetime import date, timedelta

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import SQL

SCALE = float(os.environ.get("BENCH_SCALE", "0.1"))
N_LEADS = max(1000, int(100_000 * SCALE))
N_PARTNERS = max(1000, int(100_000 * SCALE))
N_OPS = int(os.environ.get("BENCH_OPS", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
READ_REPEAT = 15
STAGE_REPEAT = int(os.environ.get("BENCH_STAGE_REPEAT", "6"))
MONTHS = 24
SHEET_LEADS = 200
VANILLA_DB = os.environ.get("BENCH_VANILLA_DB", "grc_bench_vanilla")
ADDON_DB = os.environ.get("BENCH_ADDON_DB", "grc_bench_addon")
OUTPUT = os.environ.get("BENCH_OUTPUT", "")
ADMIN_UID = 2

# --- budgets -----------------------------------------------------------------
MAX_TIME_RATIO = float(os.environ.get("BENCH_MAX_RATIO", "1.15"))
MAX_EXTRA_QUERIES = 30  # constant, whatever BENCH_OPS
MAX_PEAK_MIB = 1024
CLASSIFY_SECONDS_PER_100K = 60.0
SNAPSHOT_SECONDS = 20.0
MAX_SQL_RATIO = 2.0
MAX_QUERIES_PER_BATCH = 200  # a batch is 1,000 records: per-record work shows
MAX_REPORT_QUERY_GROWTH = 5  # queries(200 leads) - queries(20 leads)


def clock():
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def reset_peak_rss():
    """Reset the kernel's peak RSS of this process (Linux), so that each
    measure gets its own peak."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_mib():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(*args):
    print(*args, flush=True)


# --- the data set ------------------------------------------------------------
def generate(env, addon):
    """Fill the database with the data set (set-based SQL, a few seconds):
    N_PARTNERS customer companies, N_LEADS opportunities spread over the
    stages; with the addon, its stored columns, interview lines and a customer
    status history over three years. The same rows in both databases."""
    cr = env.cr
    cr.execute(
        "SELECT value FROM ir_config_parameter WHERE key = 'grc_bench.generated'"
    )
    if cr.fetchone():
        return
    company = env.ref("base.main_company")
    team = env["crm.team"].search([], order="sequence, id", limit=1)
    stages = env["crm.stage"].search([("is_won", "=", False)], order="sequence, id")
    today = date.today()
    cr.execute(
        SQL(
            """
        INSERT INTO res_partner (name, complete_name, active, is_company, type,
            company_id, email, lang, create_uid, write_uid, create_date,
            write_date)
        SELECT 'Bench Customer ' || n, 'Bench Customer ' || n, TRUE, TRUE,
            'contact', %(company)s, 'customer' || n || '@bench.example.com',
            'en_US', 1, 1, now() - interval '3 years', now() - interval '3 years'
        FROM generate_series(1, %(n)s) n
        """,
            company=company.id,
            n=N_PARTNERS,
        )
    )
    cr.execute(
        """UPDATE res_partner SET commercial_partner_id = id
        WHERE name LIKE 'Bench Customer %' AND commercial_partner_id IS NULL"""
    )
    cr.execute(
        SQL(
            """
        CREATE TEMP TABLE bench_partner AS
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM res_partner
        WHERE name LIKE 'Bench Customer %%'
        """
        )
    )
    cr.execute(
        SQL(
            """
        INSERT INTO crm_lead (name, type, partner_id, partner_name, email_from,
            stage_id, team_id, user_id, company_id, active, probability,
            automated_probability, won_status, priority, expected_revenue,
            prorated_revenue, date_open, date_last_stage_update, create_uid,
            write_uid, create_date, write_date)
        SELECT 'Bench Opportunity ' || g.i, 'opportunity', p.id,
            'Bench Customer ' || p.n, 'customer' || p.n || '@bench.example.com',
            (%(stages)s::int[])[1 + g.i %% %(n_stages)s], %(team)s, %(uid)s,
            %(company)s, TRUE, 10, 10, 'pending', '1', 1000 + g.i %% 9000,
            100 + g.i %% 900, now() - interval '90 days',
            now() - interval '90 days', %(uid)s, %(uid)s,
            now() - interval '90 days', now() - interval '90 days'
        FROM generate_series(1, %(n)s) g(i)
        JOIN bench_partner p ON p.n = 1 + g.i %% %(n_partners)s
        """,
            stages=stages.ids,
            n_stages=len(stages),
            team=team.id,
            uid=ADMIN_UID,
            company=company.id,
            n=N_LEADS,
            n_partners=N_PARTNERS,
        )
    )
    if addon:
        generate_addon(env, today)
    cr.execute(
        "INSERT INTO ir_config_parameter (key, value)"
        " VALUES ('grc_bench.generated', '1')"
    )
    cr.execute("DROP TABLE bench_partner")
    cr.commit()
    compact(cr)


def compact(cr):
    """VACUUM FULL ANALYZE the database: the generator's set-based UPDATEs
    of every row (partners' commercial entity; with the addon, the leads'
    temperature and interview columns, the customers' status) leave a dead
    copy of each row, which autovacuum frees but never gives back: the
    addon's crm_lead was 2.5 times the size of vanilla's for the same rows
    (1.17 times once compacted, its own columns), and every sequential scan
    (a group by stage reads all the leads) read the empty pages too. A
    database grown record by record under autovacuum has no such doubled
    tables; both databases are compacted the same way."""
    connection = cr._cnx
    connection.commit()
    autocommit = connection.autocommit
    connection.autocommit = True
    try:
        with connection.cursor() as raw:
            raw.execute("VACUUM FULL ANALYZE")
    finally:
        connection.autocommit = autocommit


def generate_addon(env, today):
    """The addon's columns of the same data set, as the ORM would fill them:
    hot leads idle for 45 days (the cooling cron makes them warm), without
    objection, their interview lines, customers with
    a status history (new, some lost and won back) and the email legal basis
    of a customer, last purchase 200 to 600 days ago (the classification makes
    them at risk or lost)."""
    cr = env.cr
    steps = env["sales.interview.step"].search([], order="sequence, id")
    cr.execute(
        """UPDATE crm_lead SET prospect_temperature = 'hot',
            prospect_temperature_date = now() - interval '45 days',
            commercial_entity_id = partner_id, interview_progress = 0,
            interview_step_id = %s, offer_awaiting_reply = FALSE
        WHERE name LIKE 'Bench Opportunity %%'""",
        [steps[0].id],
    )
    cr.execute("UPDATE crm_lead SET objection_count = 0 WHERE objection_count IS NULL")
    cr.execute(
        """
        INSERT INTO sales_interview_line (lead_id, step_id, sequence, state,
            company_id, user_id, team_id, reached_count, won_count,
            stalled_count, create_uid, write_uid, create_date, write_date)
        SELECT l.id, s.id, s.sequence, 'todo', l.company_id, l.user_id,
            l.team_id, (s.id = %(first)s)::int, 0, (s.id = %(first)s)::int,
            l.create_uid, l.create_uid, l.create_date, l.create_date
        FROM crm_lead l CROSS JOIN sales_interview_step s
        WHERE l.name LIKE 'Bench Opportunity %%' AND s.active
        """,
        {"first": steps[0].id},
    )
    lost_reason = env.ref("sales_process_grc.churn_reason_inactivity")
    # d0: became customer; every 4th was lost 200 days later, won back 100
    # days after that
    cr.execute(
        """
        CREATE TEMP TABLE bench_customer AS
        SELECT id, n, (%(today)s::date - (450 + (n * 7) %% 700)::int) AS d0
        FROM bench_partner
        """,
        {"today": today},
    )
    cr.execute(
        """
        INSERT INTO sales_customer_status_event (partner_id, company_id, date,
            date_next, old_status, new_status, event_type, churn_reason_id,
            user_id, team_id, create_uid, write_uid, create_date, write_date)
        SELECT c.id, p.company_id, e.date, e.date_next, e.old_status,
            e.new_status, e.event_type, e.reason, %(uid)s, NULL, 1, 1, now(),
            now()
        FROM bench_customer c JOIN res_partner p ON p.id = c.id,
        LATERAL (VALUES
            (c.d0, CASE WHEN c.n %% 4 = 0 THEN c.d0 + 200 END, NULL, 'customer',
             'new', NULL::int),
            (CASE WHEN c.n %% 4 = 0 THEN c.d0 + 200 END, c.d0 + 300, 'customer',
             'lost', 'lost', %(reason)s),
            (CASE WHEN c.n %% 4 = 0 THEN c.d0 + 300 END, NULL, 'lost',
             'customer', 'won_back', NULL)
        ) AS e(date, date_next, old_status, new_status, event_type, reason)
        WHERE e.date IS NOT NULL
        """,
        {"uid": ADMIN_UID, "reason": lost_reason.id},
    )
    cr.execute(
        """
        UPDATE res_partner p SET customer_status = 'customer',
            customer_since = CASE WHEN c.n %% 4 = 0 THEN c.d0 + 300 ELSE c.d0 END,
            last_purchase_date = %(today)s::date - (200 + c.n %% 400)::int,
            prospect_temperature = 'hot', grc_email_legal_basis = 'customer'
        FROM bench_customer c WHERE c.id = p.id
        """,
        {"today": today},
    )
    cr.execute("DROP TABLE bench_customer")


# --- views -------------------------------------------------------------------
def spec_of(elem, model, models):
    """The web client's read specification of a view (arch after get_views):
    every field of the view, display_name of the relations, the sub-view's
    fields of the x2many with an inline list or kanban."""
    spec = {}
    fields_info = models.get(model, {}).get("fields", {})

    def add(node):
        name = node.get("name")
        info = fields_info.get(name, {})
        entry = spec.setdefault(name, {})
        ftype = info.get("type")
        if ftype == "many2one":
            entry.setdefault("fields", {"display_name": {}})
        elif ftype in ("one2many", "many2many"):
            sub = next(
                (
                    child
                    for child in node
                    if isinstance(child.tag, str) and child.tag in ("list", "kanban")
                ),
                None,
            )
            if sub is not None and info.get("relation") in models:
                entry["fields"] = spec_of(sub, info["relation"], models)
                entry["limit"] = 40
            else:
                entry.setdefault("fields", {"display_name": {}})

    def walk(parent):
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "field":
                add(child)
            else:
                walk(child)

    walk(elem)
    return spec


def view_specs(env):
    action = env.ref("crm.crm_lead_action_pipeline")
    lead_views = {
        view_type: env.ref(xmlid).id
        for view_type, xmlid in (
            ("kanban", "crm.crm_case_kanban_view_leads"),
            ("list", "crm.crm_case_tree_view_oppor"),
            ("form", "crm.crm_lead_view_form"),
        )
    }
    leads = env["crm.lead"].with_context(
        **{"default_type": "opportunity", **_eval_context(action.context)}
    )
    result = leads.get_views([(vid, vtype) for vtype, vid in lead_views.items()])
    specs = {
        vtype: spec_of(
            etree.fromstring(result["views"][vtype]["arch"]),
            "crm.lead",
            result["models"],
        )
        for vtype in lead_views
    }
    partners = env["res.partner"].get_views([(False, "list")])
    specs["partner_list"] = spec_of(
        etree.fromstring(partners["views"]["list"]["arch"]),
        "res.partner",
        partners["models"],
    )
    return specs


def _eval_context(text):
    from odoo.tools.safe_eval import safe_eval

    try:
        context = safe_eval(text or "{}", {"uid": ADMIN_UID})
    except Exception:  # noqa: BLE001 (a context using other variables)
        return {}
    return {key: value for key, value in context.items() if key.startswith("default_")}


# --- measures ----------------------------------------------------------------
def measure(env, func, precommit=True):
    """Run ``func`` on a cold cache, flush and run the pre-commit hooks (mail
    tracking) as a commit would: (seconds, queries, result). The CPU time
    of this process (without PostgreSQL's) goes to CPU_TIMES[-1]."""
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    q0 = cr.sql_log_count
    t0 = clock()
    c0 = time.process_time()
    result = func()
    env.flush_all()
    FLUSH_POINTS.append((clock() - t0, cr.sql_log_count - q0, time.process_time() - c0))
    if precommit:
        cr.precommit.run()
        env.flush_all()
    CPU_TIMES.append(time.process_time() - c0)
    return clock() - t0, cr.sql_log_count - q0, result


CPU_TIMES = []
# (seconds, queries, CPU seconds) of the last measure once flushed, before
# the commit hooks (mail's tracking: one message per record in vanilla Odoo)
FLUSH_POINTS = []


@contextlib.contextmanager
def paired_envs(registries, order):
    """An environment per database, both transactions open at once (so
    that the runs of a pair follow each other), rolled back at the end."""
    cursors = {mode: registries[mode].cursor() for mode in order}
    try:
        yield {
            mode: api.Environment(cr, ADMIN_UID, {"lang": "en_US", "tz": "UTC"})
            for mode, cr in cursors.items()
        }
    finally:
        for cr in cursors.values():
            cr.rollback()
            cr.close()


def add_pairs(key, pairs):
    """Each pair ((seconds, queries, cpu) vanilla, the same addon) of runs
    made one after the other: its ratios addon / vanilla of wall and CPU
    time go to PAIRED_RATIOS and PAIRED_CPU_RATIOS."""
    for vanilla, addon in pairs:
        PAIRED_RATIOS.setdefault(key, []).append(addon[0] / max(vanilla[0], 1e-9))
        PAIRED_CPU_RATIOS.setdefault(key, []).append(addon[2] / max(vanilla[2], 1e-9))


def everyday_round(registries, order, results):
    """Create and stage write on both databases, one after the other: the
    create of N_OPS leads (with the commit hooks; its flushed point too), the
    stage write of these leads with the commit hooks, then STAGE_REPEAT
    stage writes flushed, before the commit hooks, the databases alternating
    (each write rolled back to a savepoint; 0.4 s is too short a measure for
    one pair per round on a machine whose speed drifts). Each pair's ratio
    addon / vanilla goes to PAIRED_RATIOS."""
    with paired_envs(registries, order) as envs:
        leads, stages = {}, {}

        def record(mode, key, seconds, queries, cpu=None):
            cpu = CPU_TIMES[-1] if cpu is None else cpu
            results[mode].setdefault(key, []).append((seconds, queries, cpu))

        def pair(key):
            add_pairs(key, [(results["vanilla"][key][-1], results["addon"][key][-1])])

        for mode in order:
            env = envs[mode]
            Lead = env["crm.lead"].with_context(default_type="opportunity")
            team = env["crm.team"].search([], order="sequence, id", limit=1)
            stages[mode] = env["crm.stage"].search(
                [("is_won", "=", False)], order="sequence, id"
            )
            partners = env["res.partner"].search(
                [("name", "=like", "Bench Customer %")], limit=N_OPS, order="id"
            )
            vals = [
                {
                    "name": f"Bench new opportunity {i}",
                    "type": "opportunity",
                    "partner_id": partners[i % len(partners)].id,
                    "team_id": team.id,
                    "user_id": ADMIN_UID,
                    "stage_id": stages[mode][0].id,
                    "expected_revenue": 1000 + i,
                }
                for i in range(N_OPS)
            ]
            seconds, queries, leads[mode] = measure(
                env, lambda model=Lead, vals=vals: model.create(vals)
            )
            record(mode, "create", seconds, queries)
            record(mode, "create_flush", *FLUSH_POINTS[-1])
        pair("create")
        pair("create_flush")

        def stage_write(mode, precommit):
            env = envs[mode]
            # rolled back when closed, with the record cache and what the
            # commit hooks would have done (mail's tracking)
            with contextlib.closing(env.cr.savepoint()):
                return measure(
                    env,
                    lambda: leads[mode].write({"stage_id": stages[mode][1].id}),
                    precommit=precommit,
                )

        for mode in order:
            seconds, queries, _ = stage_write(mode, precommit=True)
            record(mode, "stage_write", seconds, queries)
        pair("stage_write")
        for repeat in range(STAGE_REPEAT):
            for mode in order if repeat % 2 == 0 else order[::-1]:
                gc.collect()
                stage_write(mode, precommit=False)
                record(mode, "stage_write_flush", *FLUSH_POINTS[-1])
            pair("stage_write_flush")


def read_functions(env):
    """The everyday reads of one database, as the web client makes them."""
    specs = view_specs(env)
    Lead = env["crm.lead"].with_context(default_type="opportunity")
    domain = [("type", "=", "opportunity")]
    lead = env["crm.lead"].search(
        [("name", "=like", "Bench Opportunity %")], limit=1, order="id"
    )
    return {
        "kanban": lambda: Lead.web_search_read(domain, specs["kanban"], limit=80),
        "list": lambda: Lead.web_search_read(domain, specs["list"], limit=80),
        "read_group_stage": lambda: Lead.formatted_read_group(
            domain, ["stage_id"], ["expected_revenue:sum", "__count"]
        ),
        "form": lambda: Lead.browse(lead.id).web_read(specs["form"]),
        "partner_list": lambda: env["res.partner"].web_search_read(
            [], specs["partner_list"], limit=80
        ),
    }


def reads_round(registries, order, results):
    """The everyday reads, each in a transaction of its own as a user's
    request is (not after the round's writes), on the data set's records:
    READ_REPEAT runs of each read, each on a cold record cache and after a
    garbage collection (so that a collection due to the round's writes does
    not fall into one database's reads), the two databases alternating run
    by run (the machine's speed drifts by tens of percent within minutes);
    the medians go to ``results`` and each run's ratio addon / vanilla to
    PAIRED_RATIOS."""
    with paired_envs(registries, order) as envs:
        reads = {mode: read_functions(env) for mode, env in envs.items()}
        for key in reads[order[0]]:
            samples = {mode: [] for mode in order}
            for mode in order:
                reads[mode][key]()  # warm: views, access rules, registry caches
            for repeat in range(READ_REPEAT):
                # the first database of the pair alternates too
                for mode in order if repeat % 2 == 0 else order[::-1]:
                    gc.collect()
                    seconds, queries, _ = measure(
                        envs[mode], reads[mode][key], precommit=False
                    )
                    samples[mode].append((seconds, queries, CPU_TIMES[-1]))
            for mode in order:
                results[mode].setdefault(key, []).append(
                    (
                        statistics.median(s for s, _q, _c in samples[mode]),
                        max(q for _s, q, _c in samples[mode]),
                        statistics.median(c for _s, _q, c in samples[mode]),
                    )
                )
            add_pairs(key, zip(samples["vanilla"], samples["addon"], strict=True))


# ratio addon / vanilla of each pair of runs made one after the other, by
# operation, of wall time (the budget is checked on their median) and of
# this process's CPU time
PAIRED_RATIOS = {}
PAIRED_CPU_RATIOS = {}


EVERYDAY = (
    ("create", f"create {N_OPS} opportunities (one call)"),
    ("create_flush", "  the same, flushed, before commit hooks"),
    ("stage_write", f"move {N_OPS} opportunities to the next stage"),
    ("stage_write_flush", "  the same, flushed, before commit hooks"),
    ("kanban", "kanban web_search_read of 80 (view spec)"),
    ("list", "list web_search_read of 80 (view spec)"),
    ("read_group_stage", "formatted_read_group by stage"),
    ("form", "open a lead form (web_read, form spec)"),
    ("partner_list", "partner list of 80 (view spec)"),
)


def run_everyday(registries):
    results = {"vanilla": {}, "addon": {}}
    for round_no in range(ROUNDS):
        order = ("vanilla", "addon") if round_no % 2 == 0 else ("addon", "vanilla")
        everyday_round(registries, order, results)
        reads_round(registries, order, results)
        log(f"  round {round_no + 1}/{ROUNDS} done")
    rows = []
    for key, label in EVERYDAY:
        row = {"key": key, "label": label}
        for mode in ("vanilla", "addon"):
            samples = results[mode][key]
            row[mode] = {
                "seconds": statistics.median(s for s, _q, _c in samples),
                "queries": int(statistics.median(q for _s, q, _c in samples)),
                "cpu": statistics.median(c for _s, _q, c in samples),
                "rounds": [s for s, _q, _c in samples],
            }
        # the median of the paired ratios: each pair ran one after the
        # other, so a drift of the machine's speed between rounds cancels
        row["ratio"] = statistics.median(PAIRED_RATIOS[key])
        row["ratio_of_medians"] = row["addon"]["seconds"] / max(
            row["vanilla"]["seconds"], 1e-9
        )
        row["cpu_ratio"] = statistics.median(PAIRED_CPU_RATIOS[key])
        row["extra_queries"] = row["addon"]["queries"] - row["vanilla"]["queries"]
        rows.append(row)
    return rows


def measure_work(env, func, batches=None, warm_up=False):
    """Time, queries and peak memory of ``func``, committed. ``warm_up``
    runs it once before (and rolls back) so that templates and access rules
    are cached, as in a running server."""
    if warm_up:
        func()
        env.cr.rollback()
    reset_peak_rss()
    seconds, queries, result = measure(env, func, precommit=True)
    env.cr.commit()
    return {
        "seconds": seconds,
        "queries": queries,
        "batches": batches,
        "per_batch": queries / batches if batches else None,
        "peak_mib": peak_rss_mib(),
        "cpu": CPU_TIMES[-1],
        "result": result,
    }


def sql_time(cr, query, repeat=3):
    times = []
    for _repeat in range(repeat):
        t0 = clock()
        cr.execute(query)
        cr.fetchall()
        times.append(clock() - t0)
    return statistics.median(times)


def run_addon_work(registry):
    from odoo.addons.sales_process_grc.models import crm_lead as crm_lead_module
    from odoo.addons.sales_process_grc.models import res_partner as partner_module

    cr = registry.cursor()
    rows = []
    try:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tz": "UTC"})
        env["ir.config_parameter"].set_param(crm_lead_module.COOLING_PARAM, "True")
        cr.commit()
        company = env.company

        n_hot = env["crm.lead"].search_count([("prospect_temperature", "=", "hot")])
        work = measure_work(
            env,
            lambda: env["crm.lead"]._cron_prospect_temperature_cooling(),
            batches=max(1, -(-n_hot // crm_lead_module.COOLING_BATCH_SIZE)),
        )
        warm = env["crm.lead"].search_count([("prospect_temperature", "=", "warm")])
        rows.append(
            dict(work, key="cooling", label=f"cooling cron over {n_hot} hot leads")
        )
        log(f"  cooling: {warm} leads cooled to warm")

        n_customers = env["res.partner"].search_count(
            [("customer_status", "=", "customer")]
        )
        work = measure_work(
            env,
            lambda: env["res.partner"]._cron_grc_classify_customers(),
            batches=max(1, -(-n_customers // partner_module.CLASSIFY_BATCH_SIZE)),
        )
        rows.append(
            dict(
                work,
                key="classify",
                label=f"classification of {n_customers} customers",
                budget_seconds=CLASSIFY_SECONDS_PER_100K * n_customers / 100_000,
            )
        )
        counts = dict(
            env["res.partner"]._read_group(
                [("customer_status", "!=", False)], ["customer_status"], ["__count"]
            )
        )
        log(f"  classification: {counts}")

        Snapshot = env["sales.attrition.snapshot"]
        this_month = date.today().replace(day=1)
        months = Snapshot._months_between(
            this_month - timedelta(days=MONTHS * 31 - 15), this_month - timedelta(1)
        )[-MONTHS:]
        work = measure_work(env, lambda: Snapshot._compute_snapshots(months, company))
        reference = sql_time(cr, snapshot_sql(months, company))
        rows.append(
            dict(
                work,
                key="snapshots",
                label=f"snapshots for {len(months)} months",
                budget_seconds=SNAPSHOT_SECONDS,
                sql_seconds=reference,
                sql_label="customers at start + movements per month, in SQL",
            )
        )

        Line = env["sales.interview.line"].with_user(ADMIN_UID)
        work = measure_work(
            env,
            lambda: Line.formatted_read_group(
                [],
                ["step_id"],
                ["reached_count:sum", "won_count:sum", "stalled_count:sum"],
            ),
            warm_up=True,
        )
        reference = sql_time(
            cr,
            SQL(
                """SELECT s.id, s.name, sum(l.reached_count), sum(l.won_count),
                sum(l.stalled_count) FROM sales_interview_line l
                JOIN sales_interview_step s ON s.id = l.step_id
                GROUP BY s.id ORDER BY s.sequence, s.id"""
            ),
        )
        rows.append(
            dict(
                work,
                key="funnel",
                label="interview funnel pivot (all lines)",
                sql_seconds=reference,
                sql_label="the same sums by step, in the steps' order, in SQL",
            )
        )

        report = env["ir.actions.report"].with_user(ADMIN_UID)
        lead_ids = env["crm.lead"].search([], order="id", limit=SHEET_LEADS).ids
        small = measure_work(
            env,
            lambda: report._render_qweb_html(
                "sales_process_grc.report_interview_sheet", lead_ids[:20]
            ),
            warm_up=True,
        )
        work = measure_work(
            env,
            lambda: report._render_qweb_html(
                "sales_process_grc.report_interview_sheet", lead_ids
            ),
        )
        rows.append(
            dict(
                work,
                key="sheet",
                label=f"interview sheet for {len(lead_ids)} leads (HTML)",
                query_growth=work["queries"] - small["queries"],
                small_queries=small["queries"],
            )
        )

        wizard = (
            env["sales.attrition.report.wizard"]
            .with_user(ADMIN_UID)
            .create(
                {
                    "date_from": months[0],
                    "date_to": months[-1],
                    "company_ids": [(6, 0, company.ids)],
                }
            )
        )
        cr.commit()
        work = measure_work(
            env,
            lambda: report._render_qweb_html(
                "sales_process_grc.report_attrition", wizard.ids
            ),
            warm_up=True,
        )
        rows.append(
            dict(
                work,
                key="attrition",
                label=f"attrition report for {len(months)} months (HTML)",
            )
        )
    finally:
        cr.rollback()
        cr.close()
    for row in rows:
        row.pop("result", None)
    return rows


def snapshot_sql(months, company):
    """The snapshot figures of every month in two plain SQL aggregates:
    customers at the start of the month (the status valid that day) and the
    movements (new, lost, won back) of the month."""
    first, last = months[0], months[-1]
    return SQL(
        """
        WITH months AS (
            SELECT m::date AS month_start,
                (m + interval '1 month' - interval '1 day')::date AS month_end
            FROM generate_series(%(first)s::date, %(last)s::date,
                interval '1 month') m
        ), starts AS (
            SELECT m.month_start, count(DISTINCT e.partner_id) AS customers
            FROM months m JOIN sales_customer_status_event e
              ON e.date < m.month_start
             AND (e.date_next IS NULL OR e.date_next >= m.month_start)
             AND e.new_status IN ('customer', 'at_risk')
            WHERE e.company_id = %(company)s
            GROUP BY m.month_start
        ), moves AS (
            SELECT m.month_start, e.event_type, e.old_status,
                count(DISTINCT e.partner_id) AS customers
            FROM months m JOIN sales_customer_status_event e
              ON e.date BETWEEN m.month_start AND m.month_end
             AND e.event_type IN ('new', 'won_back', 'lost')
            WHERE e.company_id = %(company)s
            GROUP BY m.month_start, e.event_type, e.old_status
        )
        SELECT 'start', month_start, NULL, NULL, customers FROM starts
        UNION ALL
        SELECT 'move', month_start, event_type, old_status, customers FROM moves
        """,
        first=first,
        last=last,
        company=company.id,
    )


# --- budgets and output ------------------------------------------------------
def check_budgets(everyday, work):
    failures = []
    for row in everyday:
        if row["ratio"] > MAX_TIME_RATIO:
            failures.append(
                f"{row['label']}: {row['ratio']:.2f}x vanilla time"
                f" (budget {MAX_TIME_RATIO}x)"
            )
        if row["extra_queries"] > MAX_EXTRA_QUERIES:
            failures.append(
                f"{row['label']}: {row['extra_queries']} extra queries"
                f" (budget {MAX_EXTRA_QUERIES})"
            )
    for row in work:
        if row["peak_mib"] > MAX_PEAK_MIB:
            failures.append(f"{row['label']}: peak {row['peak_mib']:.0f} MiB")
        if row.get("per_batch") and row["per_batch"] > MAX_QUERIES_PER_BATCH:
            failures.append(
                f"{row['label']}: {row['per_batch']:.0f} queries per batch"
                f" (budget {MAX_QUERIES_PER_BATCH})"
            )
        if row.get("budget_seconds") and row["seconds"] > row["budget_seconds"]:
            failures.append(
                f"{row['label']}: {row['seconds']:.1f} s"
                f" (budget {row['budget_seconds']:.1f} s)"
            )
        if row.get("sql_seconds") and row["seconds"] > MAX_SQL_RATIO * max(
            row["sql_seconds"], 0.001
        ):
            failures.append(
                f"{row['label']}: {row['seconds']:.3f} s,"
                f" more than {MAX_SQL_RATIO}x the SQL aggregate"
                f" ({row['sql_seconds']:.3f} s)"
            )
        if row.get("query_growth", 0) > MAX_REPORT_QUERY_GROWTH:
            failures.append(
                f"{row['label']}: {row['query_growth']} more queries for"
                f" {SHEET_LEADS} leads than for 20"
            )
    return failures


def print_everyday(rows):
    log("")
    log(
        f"Everyday operations, median of {ROUNDS} interleaved rounds"
        f" (vanilla = crm + base_automation); ratio = median of the ratios"
        f" wall time addon / vanilla of runs made one after the other (the"
        f" budget), cpu ratio = the same of this process's CPU time only"
    )
    header = (
        f"{'operation':<46} {'vanilla s':>10} {'q':>6} {'addon s':>10}"
        f" {'q':>6} {'ratio':>6} {'+q':>5} {'cpu ratio':>9}"
    )
    log(header)
    log("-" * len(header))
    for row in rows:
        v, a = row["vanilla"], row["addon"]
        log(
            f"{row['label']:<46} {v['seconds']:>10.4f} {v['queries']:>6}"
            f" {a['seconds']:>10.4f} {a['queries']:>6} {row['ratio']:>5.2f}x"
            f" {row['extra_queries']:>+5} {row['cpu_ratio']:>8.2f}x"
        )


def print_work(rows):
    log("")
    log("The addon's own work (addon database)")
    header = (
        f"{'operation':<46} {'seconds':>9} {'queries':>8} {'q/batch':>8}"
        f" {'peak MiB':>9} {'SQL s':>8}"
    )
    log(header)
    log("-" * len(header))
    for row in rows:
        per_batch = f"{row['per_batch']:.1f}" if row.get("per_batch") else "-"
        sql_s = f"{row['sql_seconds']:.3f}" if row.get("sql_seconds") else "-"
        log(
            f"{row['label']:<46} {row['seconds']:>9.3f} {row['queries']:>8}"
            f" {per_batch:>8} {row['peak_mib']:>9.0f} {sql_s:>8}"
        )
        if "query_growth" in row:
            log(f"{'':<4}20 leads: {row['small_queries']} queries")


def main():
    log(
        f"scale {SCALE}: {N_LEADS} opportunities, {N_PARTNERS} customers;"
        f" everyday operations on {N_OPS} records, {ROUNDS} rounds"
    )
    registries = {"vanilla": Registry(VANILLA_DB), "addon": Registry(ADDON_DB)}
    for mode, registry in registries.items():
        t0 = clock()
        with registry.cursor() as cr:
            generate(api.Environment(cr, SUPERUSER_ID, {}), mode == "addon")
        log(f"  data set of {mode} ready in {clock() - t0:.1f} s")
    everyday = run_everyday(registries)
    print_everyday(everyday)
    work = run_addon_work(registries["addon"])
    print_work(work)
    failures = check_budgets(everyday, work)
    if OUTPUT:
        with open(OUTPUT, "w") as f:
            json.dump(
                {
                    "scale": SCALE,
                    "leads": N_LEADS,
                    "partners": N_PARTNERS,
                    "ops": N_OPS,
                    "rounds": ROUNDS,
                    "everyday": everyday,
                    "work": work,
                    "failures": failures,
                },
                f,
                indent=1,
                default=str,
            )
    log("")
    if failures:
        log("BUDGETS EXCEEDED:")
        for failure in failures:
            log(f"  - {failure}")
        sys.stdout.flush()
        os._exit(1)
    log("All budgets met.")
    sys.stdout.flush()
    os._exit(0)


main()
