# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from odoo.fields import Domain
from odoo.tests import TransactionCase, tagged

from ..models.grc_cron import CronStep, id_batches, run_cron_steps

CRON_XMLID = "sales_process_grc.ir_cron_retention"


@tagged("post_install", "-at_install")
class TestCronBatches(TransactionCase):
    """The one batching pattern of the scheduled actions (models/grc_cron.py):
    id paging, progress committed per batch, stop when the time is up."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"GRC Cron Batch {index}"} for index in range(5)]
        )
        cls.domain = Domain("name", "=like", "GRC Cron Batch %")

    def _run(self, make_steps, batch_size, out_of_time=False):
        """Run the steps the way a scheduled action does, on its own cursor
        (whose commits are savepoints in tests), in a scheduled run with a
        progress record; returns (result, done, remaining)."""
        cron, progress = self.env.ref(CRON_XMLID)._add_progress()
        context = {"cron_id": cron.id, "ir_cron_progress_id": progress.id}
        if out_of_time:
            context["cron_end_time"] = time.monotonic() - 1
        self.env.flush_all()
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr, context=dict(self.env.context, **context))
            result = run_cron_steps(env, make_steps(env), batch_size)
        self.env.invalidate_all()
        return result, progress.done, progress.remaining

    def test_batches_that_stay_in_the_domain(self):
        """Records that processing leaves in the domain are given once: the
        run ends (no loop on the same batch) and nothing is seen twice."""
        seen = []

        def make_steps(env):
            return [
                CronStep(
                    records=env["res.partner"],
                    domain=self.domain,
                    process=lambda batch: seen.append(batch.ids),
                )
            ]

        result = self._run(make_steps, batch_size=2)
        self.assertEqual(result, (True, 5, 0))
        ids = self.partners.ids
        self.assertEqual(seen, [ids[0:2], ids[2:4], ids[4:5]])

    def _renaming_steps(self, env):
        """One step renaming the partners of the domain (they leave it)."""
        return [
            CronStep(
                records=env["res.partner"],
                domain=self.domain,
                process=lambda batch: batch.write({"name": "GRC Cron Done"}),
            )
        ]

    def test_batches_that_leave_the_domain(self):
        self.assertEqual(self._run(self._renaming_steps, batch_size=2), (True, 5, 0))
        self.assertEqual(set(self.partners.mapped("name")), {"GRC Cron Done"})

    def test_stops_when_the_time_is_up_and_the_next_run_goes_on(self):
        self.assertEqual(
            self._run(self._renaming_steps, batch_size=2, out_of_time=True),
            (False, 2, 3),
        )
        self.assertEqual(
            self.partners.mapped("name"),
            ["GRC Cron Done"] * 2 + [f"GRC Cron Batch {index}" for index in (2, 3, 4)],
        )
        self.assertEqual(self._run(self._renaming_steps, batch_size=2), (True, 3, 0))
        self.assertEqual(set(self.partners.mapped("name")), {"GRC Cron Done"})

    def test_steps_in_order_and_nothing_left_when_counted_twice(self):
        """The records of both steps are counted first; those the first step
        takes out of the second's domain leave nothing to do at the end."""
        calls = []

        def make_steps(env):
            return [
                CronStep(
                    records=env["res.partner"],
                    domain=self.domain & Domain("id", "in", self.partners[:3].ids),
                    process=lambda batch: (
                        calls.append(("first", batch.ids)),
                        batch.write({"name": "GRC Cron Done"}),
                    ),
                ),
                CronStep(
                    records=env["res.partner"],
                    domain=self.domain,
                    process=lambda batch: calls.append(("second", batch.ids)),
                ),
            ]

        self.assertEqual(self._run(make_steps, batch_size=10), (True, 5, 0))
        ids = self.partners.ids
        self.assertEqual(calls, [("first", ids[:3]), ("second", ids[3:])])

    def test_units(self):
        """A list of units (e.g. months) goes through the same pattern, in
        order."""
        seen = []

        def make_steps(_env):
            return [CronStep(units=[3, 1, 5, 2, 4], process=seen.append)]

        self.assertEqual(self._run(make_steps, batch_size=2), (True, 5, 0))
        self.assertEqual(seen, [[1, 2], [3, 4], [5]])
        seen.clear()
        self.assertEqual(
            self._run(make_steps, batch_size=2, out_of_time=True), (False, 2, 3)
        )
        self.assertEqual(seen, [[1, 2]])

    def test_outside_a_scheduled_run(self):
        """Called by hand (no progress record): everything is processed."""
        seen = []
        self.env.flush_all()
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr)
            step = CronStep(
                records=env["res.partner"],
                domain=self.domain,
                process=lambda batch: seen.extend(batch.ids),
            )
            self.assertTrue(run_cron_steps(env, [step], batch_size=1))
        self.assertEqual(seen, self.partners.ids)

    def test_id_batches_queries(self):
        """One search per batch; a short batch is the last one."""
        partner_model = self.env["res.partner"]
        with self.assertQueryCount(3):
            batches = list(id_batches(partner_model, self.domain, 2))
        self.assertEqual([len(batch) for batch in batches], [2, 2, 1])
        with self.assertQueryCount(2):
            batches = list(id_batches(partner_model, self.domain, 5))
        self.assertEqual([len(batch) for batch in batches], [5])
