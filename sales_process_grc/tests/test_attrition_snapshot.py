# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .attrition_common import AttritionCase
from .automation_common import switch_off_sales_automation


@tagged("post_install", "-at_install")
class TestAttritionSnapshot(AttritionCase):
    """Hand-computed example (the issue's): company A has 10 customers on
    2025-03-01; in March 2 are lost and 1 prospect buys for the first time.
    Attrition = 2 / 10 = 20 %, retention = 80 %."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.snapshot_model = cls.env["sales.attrition.snapshot"]
        cls.march = date(2025, 3, 1)

    def _build_example(self):
        customers = self._create_customers(10, self.company_a)
        newcomer = self._create_customers(1, self.company_a, prefix="Newcomer")
        with freeze_time("2025-02-10 10:00:00"):
            self._win(customers)
        with freeze_time("2025-03-12 10:00:00"):
            for customer in customers[:2]:
                self.env["sales.customer.lost.wizard"].create(
                    {"partner_id": customer.id, "churn_reason_id": self.price.id}
                ).action_mark_lost()
        with freeze_time("2025-03-20 10:00:00"):
            self._win(newcomer)
        # company B's customers must not count in company A
        customers_b = self._create_customers(4, self.company_b)
        with freeze_time("2025-02-15 10:00:00"):
            self._win(customers_b, company=self.company_b)
        return customers, newcomer, customers_b

    def test_hand_computed_example(self):
        self._build_example()
        snapshots = self.snapshot_model._compute_snapshots([self.march])
        snapshot_a = snapshots.filtered(lambda s: s.company_id == self.company_a)
        self.assertRecordValues(
            snapshot_a,
            [
                {
                    "date_start": date(2025, 3, 1),
                    "date_end": date(2025, 3, 31),
                    "customers_start": 10,
                    "customers_new": 1,
                    "customers_lost": 2,
                    "customers_won_back": 0,
                    "customers_end": 9,
                    "attrition_rate": 20.0,
                    "retention_rate": 80.0,
                }
            ],
        )
        snapshot_b = snapshots.filtered(lambda s: s.company_id == self.company_b)
        self.assertRecordValues(
            snapshot_b,
            [
                {
                    "customers_start": 4,
                    "customers_new": 0,
                    "customers_lost": 0,
                    "attrition_rate": 0.0,
                    "retention_rate": 100.0,
                }
            ],
        )
        # February: nobody at the start, 10 new customers
        february = self.snapshot_model._compute_snapshots([date(2025, 2, 1)]).filtered(
            lambda s: s.company_id == self.company_a
        )
        self.assertRecordValues(
            february,
            [
                {
                    "customers_start": 0,
                    "customers_new": 10,
                    "attrition_rate": 0.0,
                    "retention_rate": 0.0,
                }
            ],
        )

    def test_won_back_counted(self):
        customers, _newcomer, _customers_b = self._build_example()
        with freeze_time("2025-04-03 10:00:00"):
            self._win(customers[0])
        april = self.snapshot_model._compute_snapshots(
            [date(2025, 4, 1)], self.company_a
        )
        self.assertRecordValues(
            april,
            [
                {
                    "customers_start": 9,
                    "customers_new": 0,
                    "customers_won_back": 1,
                    "customers_won_back_lost": 1,
                    "customers_lost": 0,
                    "customers_end": 10,
                }
            ],
        )

    def test_rerun_gives_same_records(self):
        self._build_example()
        first = self.snapshot_model._compute_snapshots([self.march, date(2025, 2, 1)])
        second = self.snapshot_model._compute_snapshots([self.march, date(2025, 2, 1)])
        self.assertEqual(first, second)
        self.assertEqual(
            self.snapshot_model.search_count(
                [("company_id", "in", (self.company_a | self.company_b).ids)]
            ),
            4,
        )

    def test_recompute_updates_changed_history(self):
        customers, _newcomer, _customers_b = self._build_example()
        snapshot = self.snapshot_model._compute_snapshots([self.march], self.company_a)
        self.assertEqual(snapshot.customers_lost, 2)
        # a third customer is found lost in March after the snapshot
        self.env["res.partner"].browse(customers[2].id)._grc_set_customer_status(
            "lost", date=date(2025, 3, 25), reason=self.price
        )
        again = self.snapshot_model._compute_snapshots([self.march], self.company_a)
        self.assertEqual(again, snapshot)
        self.assertEqual(snapshot.customers_lost, 3)
        self.assertEqual(snapshot.attrition_rate, 30.0)

    def test_one_snapshot_per_month_and_company(self):
        values = {
            "date_start": self.march,
            "date_end": date(2025, 3, 31),
            "company_id": self.company_a.id,
        }
        self.snapshot_model.create(values)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.snapshot_model.create(values)

    def test_monthly_cron_fills_missing_months_without_duplicates(self):
        self._build_example()
        companies = self.company_a | self.company_b
        with freeze_time("2025-04-01 04:00:00"):
            self._run_cron("sales.attrition.snapshot", "_cron_compute_snapshots")
        snapshots = self.snapshot_model.search([("company_id", "in", companies.ids)])
        self.assertEqual(
            sorted(set(snapshots.mapped("date_start"))),
            [date(2025, 2, 1), date(2025, 3, 1)],
        )
        # the server was down for three months: no gap, no duplicate
        with freeze_time("2025-07-02 04:00:00"):
            self._run_cron("sales.attrition.snapshot", "_cron_compute_snapshots")
            self._run_cron("sales.attrition.snapshot", "_cron_compute_snapshots")
        snapshots = self.snapshot_model.search([("company_id", "=", self.company_a.id)])
        self.assertEqual(
            snapshots.sorted("date_start").mapped("date_start"),
            [date(2025, month, 1) for month in range(2, 7)],
        )
        june = snapshots.filtered(lambda s: s.date_start == date(2025, 6, 1))
        self.assertEqual(june.customers_start, 9)

    def test_interrupted_cron_resumes(self):
        self._build_example()
        context, progress = self._cron_context(
            "sales_process_grc.ir_cron_attrition_snapshot", out_of_time=True
        )
        with freeze_time("2025-07-02 04:00:00"):
            # out of time after the first month (February)
            self._run_cron(
                "sales.attrition.snapshot", "_cron_compute_snapshots", context=context
            )
            self.assertEqual(progress.done, 1)
            self.assertEqual(progress.remaining, 4)
            done = self.snapshot_model.search([("company_id", "=", self.company_a.id)])
            self.assertEqual(done.mapped("date_start"), [date(2025, 2, 1)])
            # next run: goes on from there
            self._run_cron("sales.attrition.snapshot", "_cron_compute_snapshots")
        snapshots = self.snapshot_model.search([("company_id", "=", self.company_a.id)])
        self.assertEqual(
            snapshots.sorted("date_start").mapped("date_start"),
            [date(2025, month, 1) for month in range(2, 7)],
        )

    def test_recompute_wizard(self):
        self._build_example()
        wizard_form = Form(
            self.env["sales.attrition.recompute.wizard"].with_user(self.admin)
        )
        wizard_form.date_from = date(2025, 1, 17)
        wizard_form.date_to = date(2025, 4, 2)
        wizard_form.company_ids.clear()
        wizard_form.company_ids.add(self.company_a)
        action = wizard_form.save().action_recompute()
        snapshots = self.snapshot_model.search(action["domain"])
        self.assertEqual(
            snapshots.sorted("date_start").mapped("date_start"),
            [date(2025, 2, 1), date(2025, 3, 1), date(2025, 4, 1)],
        )
        self.assertEqual(snapshots.company_id, self.company_a)

    def test_recompute_wizard_validation(self):
        wizard_model = self.env["sales.attrition.recompute.wizard"]
        with self.assertRaises(ValidationError):
            wizard_model.create(
                {"date_from": date(2025, 5, 1), "date_to": date(2025, 1, 1)}
            )
        with self.assertRaises(ValidationError):
            wizard_model.create(
                {"date_from": date(2000, 1, 1), "date_to": date(2025, 1, 1)}
            )

    def test_salesman_sees_only_his_company(self):
        self._build_example()
        self.snapshot_model._compute_snapshots([self.march])
        visible = self.snapshot_model.with_user(self.salesman).search([])
        self.assertEqual(visible.company_id, self.company_a)
        events = self.env["sales.customer.status.event"].with_user(self.salesman_b)
        self.assertEqual(events.search([]).company_id, self.company_b)


@tagged("post_install", "-at_install")
class TestAttritionPerformance(AttritionCase):
    """Queries grow with the number of batches, not of partners."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        switch_off_sales_automation(cls.env)

    def _count_queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _customers_won_on(self, count, day, prefix, contacts=0):
        customers = self._create_customers(count, self.company_a, prefix=prefix)
        if contacts:
            # contacts mirror their company's status (commercial fields)
            self.env["res.partner"].create(
                [
                    {"name": f"{customer.name} {index}", "parent_id": customer.id}
                    for customer in customers
                    for index in range(contacts)
                ]
            )
        with freeze_time(f"{day} 10:00:00"):
            self._win(customers)
        return customers

    def test_classification_queries_do_not_grow_with_partners(self):
        small = self._customers_won_on(20, "2024-01-10", "Small", contacts=2)
        with freeze_time("2024-08-01 10:00:00"):
            small_count = self._count_queries(self._classify)
        self.assertEqual(set(small.mapped("customer_status")), {"at_risk"})
        self.assertEqual(set(small.child_ids.mapped("customer_status")), {"at_risk"})
        large = self._customers_won_on(100, "2024-03-10", "Large", contacts=2)
        with freeze_time("2024-10-01 10:00:00"):
            with self.assertQueryCount(small_count):
                self._classify()
        self.assertEqual(set(large.mapped("customer_status")), {"at_risk"})
        self.assertEqual(set(large.child_ids.mapped("customer_status")), {"at_risk"})
        self.assertLess(small_count, 60)

    def test_classification_batches(self):
        customers = self._customers_won_on(25, "2024-01-10", "Batch")
        with freeze_time("2024-08-01 10:00:00"):
            self._classify(batch_size=10)
        self.assertEqual(set(customers.mapped("customer_status")), {"at_risk"})

    def test_interrupted_classification_resumes_without_duplicates(self):
        customers = self._customers_won_on(25, "2024-01-10", "Resume")
        context, progress = self._cron_context(
            "sales_process_grc.ir_cron_classify_customers", out_of_time=True
        )
        with freeze_time("2024-08-01 10:00:00"):
            self._run_cron(
                "res.partner",
                "_cron_grc_classify_customers",
                context=context,
                batch_size=10,
            )
            self.assertEqual(progress.done, 10)
            self.assertEqual(progress.remaining, 15)
            self.assertEqual(
                len(customers.filtered(lambda c: c.customer_status == "at_risk")), 10
            )
            self._classify(batch_size=10)
            self._classify(batch_size=10)
        self.assertEqual(set(customers.mapped("customer_status")), {"at_risk"})
        events = self._events(customers).filtered(lambda e: e.event_type == "at_risk")
        self.assertEqual(len(events), 25)

    def test_recompute_24_months_queries_do_not_grow_with_partners(self):
        snapshot_model = self.env["sales.attrition.snapshot"]
        months = [date(2023, 1, 1) + relativedelta(months=i) for i in range(24)]
        small = self._customers_won_on(20, "2023-02-10", "Small")
        small_count = self._count_queries(
            lambda: snapshot_model._compute_snapshots(months, self.company_a)
        )
        snapshot_model.search([("company_id", "=", self.company_a.id)]).unlink()
        self._customers_won_on(100, "2023-03-10", "Large")
        self.env.invalidate_all()
        with self.assertQueryCount(small_count):
            snapshot_model._compute_snapshots(months, self.company_a)
        march = snapshot_model.search(
            [("company_id", "=", self.company_a.id), ("date_start", "=", "2023-03-01")]
        )
        self.assertEqual(march.customers_start, len(small))
        self.assertEqual(march.customers_new, 100)
