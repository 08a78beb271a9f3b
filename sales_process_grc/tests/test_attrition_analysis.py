# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import SQL

from ..report.sales_attrition_report import ANALYSIS_MAX_MONTHS
from ..report.sales_customer_cohort_report import COHORT_MAX_MONTHS
from .attrition_common import AttritionCase


@tagged("post_install", "-at_install")
class TestAttritionAnalysis(AttritionCase):
    """Cohort retention, attrition by temperature when won, annualised
    attrition and drop-off per interview step, on a hand-computed example.

    Company A, January 2025: four customers won, two warm and two cold.
    March 2025: one of the cold ones is lost. Company B: one customer won in
    January 2025 (must never show in company A's figures).
    """

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.customers = cls._create_customers(4, cls.company_a, prefix="Cohort")
        cls.other = cls._create_customers(1, cls.company_b, prefix="Cohort")

    def _win_with_temperature(self, partners, temperature, company=None, user=None):
        company = company or self.company_a
        leads = (
            self.env["crm.lead"]
            .with_company(company)
            .create(
                [
                    {
                        "name": f"Deal {partner.name}",
                        "type": "opportunity",
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "user_id": (user or self.salesman).id,
                        "prospect_temperature": temperature,
                    }
                    for partner in partners
                ]
            )
        )
        leads.action_set_won()
        return leads

    def _build(self):
        with freeze_time("2025-01-15 10:00:00"):
            warm = self._win_with_temperature(self.customers[:2], "warm")
            cold = self._win_with_temperature(self.customers[2:], "cold")
            self._win_with_temperature(
                self.other, "hot", company=self.company_b, user=self.salesman_b
            )
        with freeze_time("2025-03-10 10:00:00"):
            self.customers[3]._grc_set_customer_status("lost", reason=self.price)
        return warm, cold

    def test_temperature_when_won_is_kept(self):
        warm, cold = self._build()
        self.assertEqual(set(warm.mapped("won_prospect_temperature")), {"warm"})
        self.assertEqual(set(cold.mapped("won_prospect_temperature")), {"cold"})
        # winning made them hot, as before
        self.assertEqual(set((warm | cold).mapped("prospect_temperature")), {"hot"})

    def test_cohort_retention_matrix(self):
        self._build()
        groups = self.env["sales.customer.cohort.report"]._read_group(
            [
                ("company_id", "=", self.company_a.id),
                ("cohort_date", "=", date(2025, 1, 1)),
                ("months_since", "<=", 3),
            ],
            ["months_since"],
            ["customers_cohort:sum", "customers_retained:sum", "retention_rate:avg"],
        )
        self.assertEqual(
            [(since, size, kept, round(rate, 1)) for since, size, kept, rate in groups],
            [
                (0, 4, 4, 100.0),  # end of January
                (1, 4, 4, 100.0),  # end of February
                (2, 4, 3, 75.0),  # end of March: one lost
                (3, 4, 3, 75.0),
            ],
        )
        by_temperature = self.env["sales.customer.cohort.report"]._read_group(
            [
                ("company_id", "=", self.company_a.id),
                ("months_since", "=", 2),
            ],
            ["win_temperature"],
            ["retention_rate:avg"],
        )
        self.assertEqual(
            sorted(by_temperature), sorted([("cold", 50.0), ("warm", 100.0)])
        )

    def test_attrition_by_temperature_when_won(self):
        self._build()
        groups = self.env["sales.attrition.report"]._read_group(
            [("company_id", "=", self.company_a.id), ("date", "=", "2025-03-01")],
            ["win_temperature"],
            ["customers_start:sum", "customers_lost:sum", "attrition_rate:avg"],
        )
        self.assertEqual(
            sorted(groups), sorted([("cold", 2, 1, 50.0), ("warm", 2, 0, 0.0)])
        )

    def test_analysis_ids_cover_the_window(self):
        """The analysis views number their rows from the event and the month
        (event id * 128 + month modulo 127; event id * 64 + months since
        acquisition): unique only while the attrition analysis covers fewer
        than 127 months and the cohorts fewer than 63. Widening a window
        means widening the ids too."""
        self.assertLess(ANALYSIS_MAX_MONTHS + 1, 127)
        self.assertLess(COHORT_MAX_MONTHS + 1, 64)

    def test_analysis_rows_have_unique_ids(self):
        """The analysis views number their rows from the event and the month
        (so that PostgreSQL filters them before building them): every row
        has its own id, and a row read again by id is the same row (the list
        and pivot views open and reread rows by id)."""
        self._build()
        for model, fnames in (
            ("sales.customer.cohort.report", ["cohort_date", "months_since"]),
            ("sales.attrition.report", ["date", "customers_start", "customers_lost"]),
        ):
            with self.subTest(model):
                rows = self.env[model].search_read(
                    [("company_id", "=", self.company_a.id)], ["partner_id", *fnames]
                )
                self.assertGreater(len(rows), 10)
                ids = [row["id"] for row in rows]
                self.assertEqual(len(ids), len(set(ids)))
                again = self.env[model].browse(ids[::3]).read(["partner_id", *fnames])
                self.assertEqual(again, rows[::3])

    def test_analysis_filters_reach_the_events(self):
        """The analysis views have no window function over their rows, which
        would keep PostgreSQL from applying a report's filters (months,
        companies) before building every row of the views' years."""
        for model, domain in (
            (
                "sales.customer.cohort.report",
                [("company_id", "=", self.company_a.id), ("months_since", "<", 12)],
            ),
            (
                "sales.attrition.report",
                [("company_id", "=", self.company_a.id), ("date", ">=", "2025-01-01")],
            ),
        ):
            with self.subTest(model):
                query = self.env[model]._search(domain).select()
                self.env.cr.execute(SQL("EXPLAIN %s", query))
                plan = "\n".join(row[0] for row in self.env.cr.fetchall())
                self.assertNotIn("WindowAgg", plan)

    def test_annualised_attrition(self):
        self._build()
        snapshots = self.env["sales.attrition.snapshot"]._compute_snapshots(
            [date(2025, 3, 1)], self.company_a
        )
        self.assertAlmostEqual(snapshots.attrition_rate, 25.0)
        # 1 - 0.75^12
        self.assertAlmostEqual(snapshots.attrition_rate_annual, 96.83, places=2)
        # the attrition report's aggregate is the same formula on the group
        [(annual,)] = self.env["sales.attrition.report"]._read_group(
            [("company_id", "=", self.company_a.id), ("date", "=", "2025-03-01")],
            [],
            ["attrition_rate_annual:avg"],
        )
        self.assertAlmostEqual(annual, 96.83, places=2)

    def test_company_isolation(self):
        self._build()
        for model in ("sales.customer.cohort.report", "sales.attrition.report"):
            rows = self.env[model].with_user(self.salesman_b).search([])
            self.assertTrue(rows, model)
            self.assertEqual(rows.company_id, self.company_b, model)

    def test_report_sections(self):
        self._build()
        values = self.env["report.sales_process_grc.report_attrition"]._get_attrition(
            [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)], self.company_a
        )
        # 1 lost over 0 + 4 + 4 customer-months at the start of the months
        self.assertAlmostEqual(values["totals"]["attrition_rate_monthly"], 12.5)
        self.assertAlmostEqual(
            values["totals"]["attrition_rate_annual"], 100 * (1 - 0.875**12)
        )
        by_temperature = {
            row["name"]: (row["customers_new"], row["customers_lost"])
            for row in values["by_temperature"]
        }
        self.assertEqual(by_temperature, {"Warm": (2, 0), "Cold": (2, 1)})
        [january] = values["cohorts"]["rows"]
        self.assertEqual(january["size"], 4)
        self.assertEqual(january["cells"][:3], [100.0, 100.0, 75.0])


@tagged("post_install", "-at_install")
class TestInterviewDropoff(AttritionCase):
    """Two lost leads: the first stopped at step 4 (steps 1-3 done), the
    second at step 2 (step 1 done)."""

    def _lead_with_steps_done(self, done, user):
        lead = self._create_leads(
            user=user, company=self.company_a, name=f"Drop-off {done}"
        )
        lines = lead.interview_line_ids.sorted("sequence")
        lines[:done].action_done()
        lead.action_set_lost()
        return lead, lines

    def test_dropoff_per_step(self):
        first, lines = self._lead_with_steps_done(3, self.salesman)
        second, _lines = self._lead_with_steps_done(1, self.team_leader)
        steps = lines.step_id
        groups = dict(
            (step, (reached, next_count, rate))
            for step, reached, next_count, rate in self.env[
                "sales.interview.dropoff.report"
            ]._read_group(
                [("lead_id", "in", (first | second).ids)],
                ["step_id"],
                ["leads_reached:sum", "leads_next:sum", "dropoff_rate:avg"],
            )
        )
        self.assertEqual(groups[steps[0]], (2, 2, 0.0))
        self.assertEqual(groups[steps[1]], (2, 1, 50.0))
        self.assertEqual(groups[steps[2]], (1, 1, 0.0))
        self.assertEqual(groups[steps[3]], (1, 0, 100.0))
        self.assertEqual(groups[steps[4]], (0, 0, 0.0))

    def test_salesman_sees_his_leads_only(self):
        mine, _lines = self._lead_with_steps_done(2, self.salesman)
        other, _lines = self._lead_with_steps_done(2, self.team_leader)
        domain = [("lead_id", "in", (mine | other).ids)]
        report = self.env["sales.interview.dropoff.report"]
        rows = report.with_user(self.salesman).search(domain)
        self.assertEqual(rows.lead_id, mine)
        leader_rows = report.with_user(self.team_leader).search(domain)
        self.assertEqual(len(leader_rows.lead_id), 2)
