# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Concurrency and faults (issue 10): two workers running the same scheduled
action create no duplicate snapshot, status change or letter; a run killed
midway resumes with nothing lost or done twice; one invalid email address
does not stop an automation for the other records.

The races use cursors of their own on the database (like two server
workers), on data committed for the test and removed afterwards: a test
cursor cannot show them, its "commits" are savepoints of one transaction."""

from contextlib import contextmanager
from datetime import date, timedelta

import psycopg2
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import errorcodes

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .attrition_common import AttritionCase
from .automation_common import AutomationCase

CRON_XMLIDS = (
    "sales_process_grc.ir_cron_classify_customers",
    "sales_process_grc.ir_cron_attrition_snapshot",
    "sales_process_grc.ir_cron_information_letter",
    "sales_process_grc.ir_cron_prospect_temperature_cooling",
)
RACE_CODES = (errorcodes.SERIALIZATION_FAILURE, errorcodes.UNIQUE_VIOLATION)


class WorkerKilled(Exception):
    """The worker's process dies."""


class WorkerMixin:
    """Cursors of their own on the test database, like server workers."""

    @contextmanager
    def _worker(self):
        cr = db_connect(self.env.cr.dbname).cursor()
        try:
            # a lock held by the test's own transaction must fail, not hang
            cr.execute("SET lock_timeout = '10s'")
            yield api.Environment(cr, SUPERUSER_ID, {})
        finally:
            cr.rollback()
            cr.close()


@tagged("post_install", "-at_install")
class TestCronLock(WorkerMixin, TransactionCase):
    """What the scheduler guarantees: a job runs in one worker at a time."""

    def test_a_job_runs_in_one_worker_at_a_time(self):
        ir_cron = self.env["ir.cron"]
        for xmlid in CRON_XMLIDS:
            cron = self.env.ref(xmlid)
            with self.subTest(cron=xmlid), self._worker() as worker:
                # the first worker takes the job (the scheduler's query)
                job = ir_cron._acquire_one_job(
                    worker.cr, cron.id, include_not_ready=True
                )
                self.assertEqual(job and job["id"], cron.id)
                # a second worker skips it, "Run Manually" refuses
                self.assertIsNone(
                    ir_cron._acquire_one_job(
                        self.env.cr, cron.id, include_not_ready=True
                    )
                )
                with self.assertRaisesRegex(UserError, "already executing"):
                    cron.method_direct_trigger()
                # released when the first worker's transaction ends
                worker.cr.rollback()
                self.assertEqual(
                    ir_cron._acquire_one_job(
                        self.env.cr, cron.id, include_not_ready=True
                    )["id"],
                    cron.id,
                )
                # ... and now the other worker skips it
                self.assertIsNone(
                    ir_cron._acquire_one_job(worker.cr, cron.id, include_not_ready=True)
                )
                worker.cr.rollback()


@tagged("post_install", "-at_install")
class TestRacingWorkers(WorkerMixin, TransactionCase):
    """Two workers running a job at the same moment, past the scheduler's
    lock (a second server with its own scheduler, a job run by hand while it
    was starting): worker B selected its records before worker A committed
    the same work. The database refuses B's batch (the partner's row changed
    since B's snapshot, or the unique constraints of letters and snapshots)
    and nothing of it is kept, its emails neither."""

    def setUp(self):
        super().setUp()
        self.today = fields.Date.today()
        with self._worker() as env:
            partner = env["res.partner"].create(
                {
                    "name": "GRC Race Customer",
                    "is_company": True,
                    "email": "race@example.com",
                }
            )
            # long ago: no other record of the database shares its months
            bought = self.today - timedelta(days=1000)
            self.month = bought.replace(day=1) + relativedelta(months=1)
            partner._grc_set_customer_status("customer", date=bought)
            partner._grc_write_status_values(
                {"last_purchase_date": bought, "customer_since": bought}
            )
            env.cr.commit()
            self.partner_id = partner.id
            self.started = env.cr.now() - timedelta(minutes=1)
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self._worker() as env:
            env["mail.mail"].search(
                [("model", "=", "res.partner"), ("res_id", "=", self.partner_id)]
            ).unlink()
            env["sales.attrition.snapshot"].search(
                [("create_date", ">=", self.started)]
            ).unlink()
            env["res.partner"].browse(self.partner_id).unlink()
            env.cr.commit()

    def _assert_refused(self, env, batch):
        """``batch`` (what worker B does with the records it selected) fails
        on a guarantee of the database."""
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.Error) as caught:
            batch()
            env.flush_all()
            env.cr.commit()
        self.assertIn(caught.exception.pgcode, RACE_CODES)

    def _count(self, model, domain):
        with self._worker() as env:
            return env[model].search_count(domain)

    def _race(self, select, batch):
        """Worker B selects its records (``select``, its snapshot of the
        database), worker A runs the same ``batch`` on them and commits, then
        B runs ``batch`` on what it selected: B must be refused. Both only
        touch the test's records."""
        with self._worker() as env_a, self._worker() as env_b:
            records_b = select(env_b)
            self.assertTrue(records_b, "worker B selected the record")
            batch(env_a, select(env_a))
            env_a.flush_all()
            env_a.cr.commit()
            self._assert_refused(env_b, lambda: batch(env_b, records_b))

    def _customer_to_classify(self, env):
        return env["res.partner"].search(
            [("id", "=", self.partner_id), ("customer_status", "=", "customer")]
        )

    def test_no_duplicate_status_change(self):
        def classify(env, partners):
            # the batch of the daily classification
            partners._grc_set_customer_status(
                "lost",
                reason=env.ref("sales_process_grc.churn_reason_inactivity"),
                track=False,
            )

        self._race(self._customer_to_classify, classify)
        self.assertEqual(
            self._count(
                "sales.customer.status.event",
                [("partner_id", "=", self.partner_id), ("new_status", "=", "lost")],
            ),
            1,
        )
        self.assertEqual(
            self._count(
                "sales.customer.status.event",
                [("partner_id", "=", self.partner_id), ("date_next", "=", False)],
            ),
            1,
        )

    def _letter_period(self, env):
        cron = env.ref("sales_process_grc.ir_cron_information_letter")
        return env["sales.information.letter"]._get_period_start(
            self.today, cron.interval_number, cron.interval_type
        )

    def test_no_duplicate_letter(self):
        def select(env):
            # the partners of the job's batch: no letter yet this period
            return env["res.partner"].search(
                [
                    ("id", "=", self.partner_id),
                    (
                        "information_letter_ids",
                        "not any",
                        [("period_start", "=", self._letter_period(env))],
                    ),
                ]
            )

        def send(env, partners):
            # the job's batch: queue the emails, record the letters
            letter_model = env["sales.information.letter"]
            template, _statuses = letter_model._get_settings()
            mails = template.send_mail_batch(partners.ids, force_send=False)
            letter_model.create(
                {
                    "partner_id": partners.id,
                    "period_start": self._letter_period(env),
                    "template_id": template.id,
                    "mail_id": mails.id,
                }
            )

        self._race(select, send)
        self.assertEqual(
            self._count(
                "sales.information.letter", [("partner_id", "=", self.partner_id)]
            ),
            1,
        )
        self.assertEqual(
            self._count(
                "mail.mail",
                [("model", "=", "res.partner"), ("res_id", "=", self.partner_id)],
            ),
            1,
            "the second worker's email went with its letter",
        )

    def test_no_duplicate_snapshot(self):
        month = self.month

        def select(env):
            # no snapshot of the month yet: the job will create it
            company = env["res.partner"].browse(self.partner_id).company_id
            company = company or env.ref("base.main_company")
            existing = env["sales.attrition.snapshot"].search(
                [("date_start", "=", month), ("company_id", "=", company.id)]
            )
            return company if not existing else company.browse()

        def compute(env, company):
            # the job's batch: one month
            env["sales.attrition.snapshot"]._compute_snapshots([month], company)

        self._race(select, compute)
        with self._worker() as env:
            snapshots = env["sales.attrition.snapshot"].search(
                [("date_start", "=", month), ("create_date", ">=", self.started)]
            )
            self.assertEqual(len(snapshots), 1)
            self.assertEqual(snapshots.customers_start, 1)


@tagged("post_install", "-at_install")
class TestKilledRun(AttritionCase):
    """A run killed in the middle of a batch: the batches committed before
    stay, the half-done one is rolled back whole, the next run goes on."""

    def _kill_during_second_batch(self, model, method, half_done, **kwargs):
        """Run the cron until its first batch is committed, then do part of
        the second batch (``half_done``) and die before committing it."""
        xmlid = {
            "res.partner": "sales_process_grc.ir_cron_classify_customers",
            "sales.information.letter": "sales_process_grc.ir_cron_information_letter",
        }[model]
        context, _progress = self._cron_context(xmlid, out_of_time=True)
        self.env.flush_all()
        # not assertRaises: Odoo's wraps its block in a savepoint of the test
        # cursor, whose rollback would undo the committed batch too
        killed = False
        with self.enter_registry_test_mode():
            try:
                with self.registry.cursor() as cr:
                    env = self.env(cr=cr, context=dict(self.env.context, **context))
                    getattr(env[model], method)(**kwargs)
                    half_done(env)
                    env.flush_all()
                    raise WorkerKilled()
            except WorkerKilled:
                killed = True
        self.assertTrue(killed)
        self.env.invalidate_all()

    def test_classification_killed_midway(self):
        customers = self._create_customers(3, self.company_a, prefix="Killed")
        with freeze_time("2024-01-10 10:00:00"):
            self._win(customers)
        with freeze_time("2024-08-01 10:00:00"):
            self._kill_during_second_batch(
                "res.partner",
                "_cron_grc_classify_customers",
                lambda env: env["res.partner"]
                .browse(customers[1].id)
                ._grc_set_customer_status("at_risk", track=False),
                batch_size=1,
            )
            self.assertEqual(
                customers.mapped("customer_status"), ["at_risk", "customer", "customer"]
            )
            self._classify(batch_size=1)
        self.assertEqual(set(customers.mapped("customer_status")), {"at_risk"})
        events = self._events(customers)
        self.assertEqual(
            sorted(events.mapped("event_type")), ["at_risk"] * 3 + ["new"] * 3
        )
        self.assertEqual(len(events.filtered(lambda e: not e.date_next)), 3)

    def test_information_letter_killed_midway(self):
        customers = self._create_customers(3, self.company_a, prefix="Letter")
        for index, customer in enumerate(customers):
            customer.email = f"letter{index}@example.com"
        customers._grc_set_customer_status("customer")

        def half_done(env):
            template = env.ref("sales_process_grc.mail_template_information_letter")
            template.send_mail_batch(customers[1].ids, force_send=False)

        with freeze_time("2026-05-15"):
            self._kill_during_second_batch(
                "sales.information.letter",
                "_cron_send_information_letter",
                half_done,
                batch_size=1,
            )
            letters = self.env["sales.information.letter"].search(
                [("partner_id", "in", customers.ids)]
            )
            self.assertEqual(letters.partner_id, customers[0])
            self.assertEqual(self._mail_count(customers), [1, 0, 0])
            self._run_cron(
                "sales.information.letter",
                "_cron_send_information_letter",
                batch_size=1,
            )
        letters = self.env["sales.information.letter"].search(
            [("partner_id", "in", customers.ids)]
        )
        self.assertEqual(letters.partner_id, customers)
        self.assertEqual(self._mail_count(customers), [1, 1, 1])
        self.assertEqual(set(letters.mapped("period_start")), {date(2026, 5, 1)})

    def _mail_count(self, partners):
        mails = self.env["mail.mail"].search(
            [("model", "=", "res.partner"), ("res_id", "in", partners.ids)]
        )
        return [len(mails.filtered(lambda m, p=p: m.res_id == p.id)) for p in partners]


@tagged("post_install", "-at_install")
class TestInvalidEmail(AutomationCase):
    """One invalid address does not stop an automation for the others."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create(
            [
                {
                    "name": f"GRC Mailing {index}",
                    "is_company": True,
                    "email": email,
                    "user_id": cls.salesman.id,
                }
                for index, email in enumerate(
                    (
                        "first@example.com",
                        # malformed: normalised, refused when sent
                        "bob@exam_ple..com",
                        "last@example.com",
                        # not an address at all: never queued
                        "not an address",
                    )
                )
            ]
        )
        cls.valid = cls.partners[0] | cls.partners[2]
        cls.malformed = cls.partners[1]
        cls.no_address = cls.partners[3]

    def _mails(self, partner):
        """Emails to ``partner`` (not the notifications to its salesperson)."""
        return self.env["mail.mail"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("recipient_ids", "in", partner.ids),
            ]
        )

    def test_information_letter(self):
        self.partners._grc_set_customer_status("customer")
        self._run_cron(
            "sales.information.letter", "_cron_send_information_letter", batch_size=2
        )
        letters = self.env["sales.information.letter"].search(
            [("partner_id", "in", self.partners.ids)]
        )
        self.assertEqual(letters.partner_id, self.valid | self.malformed)
        for partner in self.valid | self.malformed:
            mail = letters.filtered(
                lambda letter, p=partner: letter.partner_id == p
            ).mail_id
            self.assertEqual(len(mail), 1, partner.email)
            self.assertEqual(mail.state, "outgoing")
            self.assertEqual(mail.recipient_ids, partner)
        self.assertFalse(self._mails(self.no_address))

    def test_automation_rule(self):
        """The re-engagement rule emails the customers the classification
        puts at risk, all in one batch."""
        self._set_active("at_risk_email", True)
        with freeze_time("2024-01-10 10:00:00"):
            for partner in self.partners:
                self._create_leads(partners=partner).action_set_won()
        self.assertEqual(set(self.partners.mapped("customer_status")), {"customer"})
        with freeze_time("2024-08-01 10:00:00"):
            self._run_cron("res.partner", "_cron_grc_classify_customers")
        self.assertEqual(set(self.partners.mapped("customer_status")), {"at_risk"})
        for partner in self.valid | self.malformed:
            self.assertEqual(
                len(self._messages_from(partner, "reengagement")), 1, partner.email
            )
        self.assertFalse(self._messages_from(self.no_address, "reengagement"))
