"""Benchmark of the addon's batch operations; run by scripts/bench.sh inside
`odoo-bin shell` (``env`` is Odoo's environment). Prints one line per
operation: records, seconds, SQL queries, queries per batch, peak RSS.

BENCH_SCALE (default 1.0) scales every size: 1.0 gives the sizes named in
the issues (10,000 leads in one create/write, cooling over 100,000 leads,
classification of 100,000 partners, 24-month snapshot recompute).
"""

import os
import resource
import time
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields

from odoo.addons.sales_process_grc.models import crm_lead as crm_lead_module
from odoo.addons.sales_process_grc.models import res_partner as res_partner_module

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
N_LEADS = int(10_000 * SCALE)
N_COOL = int(100_000 * SCALE)
N_PARTNERS = int(100_000 * SCALE)
CHUNK = 5_000
env = env  # noqa: F821 (provided by odoo-bin shell)
cr = env.cr


def clock():
    # not time.perf_counter: freezegun fakes it
    return time.clock_gettime(time.CLOCK_MONOTONIC)


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label, records, func, batches=None):
    env.invalidate_all()
    env.flush_all()
    q0 = cr.sql_log_count
    t0 = clock()
    func()
    env.flush_all()
    elapsed = clock() - t0
    queries = cr.sql_log_count - q0
    per_batch = f"{queries / batches:9.1f}" if batches else f"{'-':>9}"
    print(
        f"{label:<48} {records:>8} {elapsed:>9.2f} {queries:>8} {per_batch}"
        f" {rss_mib():>9.0f}",
        flush=True,
    )


def chunks(n):
    for start in range(0, n, CHUNK):
        yield range(start, min(n, start + CHUNK))


print(f"scale {SCALE}: sizes are records; time in s; peak RSS in MiB", flush=True)
print(
    f"{'operation':<48} {'records':>8} {'seconds':>9} {'queries':>8}"
    f" {'q/batch':>9} {'peak RSS':>9}",
    flush=True,
)
Lead = env["crm.lead"].with_context(tracking_disable=True, mail_notrack=True)
Partner = env["res.partner"].with_context(tracking_disable=True)
stage = env["crm.stage"].search([], limit=1)

companies = Partner.create(
    [{"name": f"Bench Co {i}", "is_company": True} for i in range(200)]
)

# 1. interview lines: 10,000 leads in one create
vals = [
    {
        "name": f"Bench lead {i}",
        "type": "opportunity",
        "partner_id": companies[i % len(companies)].id,
        "stage_id": stage.id,
    }
    for i in range(N_LEADS)
]
leads = Lead.browse()


def create_leads():
    global leads
    leads = Lead.create(vals)


measure("create leads in one create (+ interview lines)", N_LEADS, create_leads)
lines = env["sales.interview.line"].search_count([("lead_id", "in", leads.ids)])
print(f"  -> {lines} interview lines", flush=True)
cr.commit()

# 2. temperature: one write on 10,000 leads, partners recomputed
measure(
    "write prospect_temperature=hot on leads",
    N_LEADS,
    lambda: leads.write({"prospect_temperature": "hot"}),
)
cr.commit()

# 3. cooling over N_COOL hot leads (batches of the cron's size)
for part in chunks(N_COOL - N_LEADS):
    Lead.create(
        [
            {
                "name": f"Bench cooling {i}",
                "type": "opportunity",
                "partner_id": companies[i % len(companies)].id,
                "prospect_temperature": "hot",
            }
            for i in part
        ]
    )
    cr.commit()
env["ir.config_parameter"].set_param(crm_lead_module.COOLING_PARAM, "True")
cool_batch = crm_lead_module.COOLING_BATCH_SIZE
with freeze_time(fields.Datetime.now() + timedelta(days=45)):
    measure(
        "cooling cron (hot -> warm)",
        N_COOL,
        lambda: env["crm.lead"]._cron_prospect_temperature_cooling(),
        batches=max(1, -(-N_COOL // cool_batch)),
    )
cr.commit()
warm = env["crm.lead"].search_count([("prospect_temperature", "=", "warm")])
print(f"  -> {warm} leads cooled to warm", flush=True)

# 4. classification of N_PARTNERS customers
old = fields.Date.today() - timedelta(days=400)
for part in chunks(N_PARTNERS):
    Partner.create(
        [
            {
                "name": f"Bench customer {i}",
                "is_company": True,
                "customer_status": "customer",
                "last_purchase_date": old,
                "customer_since": old,
            }
            for i in part
        ]
    )
    cr.commit()
classify_batch = res_partner_module.CLASSIFY_BATCH_SIZE
measure(
    "classify customers cron (-> lost)",
    N_PARTNERS,
    lambda: env["res.partner"]._cron_grc_classify_customers(),
    batches=max(1, -(-N_PARTNERS // classify_batch)),
)
cr.commit()
lost = env["res.partner"].search_count([("customer_status", "=", "lost")])
print(f"  -> {lost} customers classified lost", flush=True)

# 5. 24-month snapshot recompute
Snapshot = env["sales.attrition.snapshot"]
today = fields.Date.today().replace(day=1)
months = Snapshot._months_between(
    today - timedelta(days=730), today - timedelta(days=1)
)
measure(
    "snapshot recompute (months)",
    len(months),
    lambda: Snapshot._compute_snapshots(months, env.company),
)
cr.commit()
