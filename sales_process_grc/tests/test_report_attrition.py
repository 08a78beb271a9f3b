# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .report_common import ReportCase

REPORT = "sales_process_grc.action_report_attrition"


@tagged("post_install", "-at_install")
class TestReportAttrition(ReportCase):
    """The attrition report on a hand-computed example.

    Company A has 10 customers since June 2025, 6 followed by salesman A
    (team A) and 4 by salesman B (team B). January 2026: customers 0 (price)
    and 6 (competitor) are lost, a prospect becomes a customer (salesman A).
    February 2026 (no snapshot yet): customer 1 is lost (price), customer 0
    is won back.

    January: start 10, new 1, lost 2 -> attrition 20 %, retention 80 %.
    February: start 9, lost 1, won back 1 -> attrition 11.1 %.
    January-February: start 10, new 1, lost 3, won back 1, end 9 ->
    attrition 30 %, retention 70 %.
    """

    multi_company = True

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company_a = cls.company_main
        cls.company_b = cls.company_2
        cls.salesman_a = cls.user_sales_salesman
        cls.salesman_b = new_test_user(
            cls.env,
            login="grc_report_salesman_b",
            name="Bruno Report",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.team_a = cls.env["crm.team"].create(
            {"name": "Report Team North", "company_id": cls.company_a.id}
        )
        cls.team_b = cls.env["crm.team"].create(
            {"name": "Report Team South", "company_id": cls.company_a.id}
        )
        cls.price = cls.env.ref("sales_process_grc.churn_reason_price")
        cls.competitor = cls.env.ref("sales_process_grc.churn_reason_competitor")
        partner_model = cls.env["res.partner"]
        cls.customers = partner_model.create(
            [
                {
                    "name": f"Report Customer {index}",
                    "is_company": True,
                    "company_id": cls.company_a.id,
                    "user_id": (cls.salesman_a if index < 6 else cls.salesman_b).id,
                }
                for index in range(10)
            ]
        )
        cls.newcomer = partner_model.create(
            {
                "name": "Report Newcomer",
                "is_company": True,
                "company_id": cls.company_a.id,
                "user_id": cls.salesman_a.id,
            }
        )
        cls._move(cls.customers, "customer", date(2025, 6, 16))
        cls.customers._grc_write_status_values(
            {"last_purchase_date": date(2025, 6, 16)}
        )
        cls._move(cls.customers[0], "lost", date(2026, 1, 10), cls.price)
        cls._move(cls.customers[6], "lost", date(2026, 1, 20), cls.competitor)
        cls._move(cls.newcomer, "customer", date(2026, 1, 25))
        cls._move(cls.customers[1], "lost", date(2026, 2, 5), cls.price)
        cls._move(cls.customers[0], "customer", date(2026, 2, 12))
        # company B: never counted in company A's report
        other = partner_model.create({"name": "Report Other Company Customer"})
        cls._move(other, "customer", date(2025, 6, 16), company=cls.company_b)
        cls._move(other, "lost", date(2026, 1, 5), cls.price, company=cls.company_b)
        cls.env["sales.attrition.snapshot"]._compute_snapshots(
            [date(2025, 12, 1), date(2026, 1, 1)], cls.company_a | cls.company_b
        )

    @classmethod
    def _move(cls, partners, status, day, reason=None, company=None):
        company = company or cls.company_a
        partners._grc_set_customer_status(
            status,
            date=day,
            reason=reason,
            event_values={
                partner.id: {
                    "company_id": company.id,
                    "team_id": (
                        cls.team_a if partner.user_id == cls.salesman_a else cls.team_b
                    ).id,
                }
                for partner in partners
            },
        )

    def _wizard(self, date_from=date(2026, 1, 1), date_to=date(2026, 2, 28), user=None):
        return (
            self.env["sales.attrition.report.wizard"]
            .with_user(user or self.salesman_a)
            .create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "company_ids": [(6, 0, self.company_a.ids)],
                }
            )
        )

    def test_figures(self):
        wizard = self._wizard()
        values = (
            self.env["report.sales_process_grc.report_attrition"]
            .with_user(self.salesman_a)
            ._get_report_values(wizard.ids)
        )
        data = values["attrition"][wizard.id]
        january, february = data["months"]
        self.assertEqual(
            (
                january["customers_start"],
                january["customers_new"],
                january["customers_lost"],
                january["customers_won_back"],
                january["customers_end"],
            ),
            (10, 1, 2, 0, 9),
        )
        self.assertAlmostEqual(january["attrition_rate"], 20.0)
        self.assertAlmostEqual(january["retention_rate"], 80.0)
        self.assertFalse(january["provisional"])
        self.assertEqual(
            (
                february["customers_start"],
                february["customers_lost"],
                february["customers_won_back"],
                february["customers_end"],
            ),
            (9, 1, 1, 9),
        )
        self.assertAlmostEqual(february["attrition_rate"], 100.0 / 9)
        self.assertTrue(february["provisional"], "no snapshot yet: from the log")
        totals = data["totals"]
        self.assertEqual(
            (
                totals["customers_start"],
                totals["customers_new"],
                totals["customers_lost"],
                totals["customers_won_back"],
                totals["customers_end"],
            ),
            (10, 1, 3, 1, 9),
        )
        self.assertAlmostEqual(totals["attrition_rate"], 30.0)
        self.assertAlmostEqual(totals["retention_rate"], 70.0)
        by_user = {row["name"]: row for row in data["by_user"]}
        self.assertEqual(
            [
                by_user[self.salesman_a.name][key]
                for key in ("customers_start", "customers_new", "customers_lost")
            ],
            [6, 1, 2],
        )
        self.assertAlmostEqual(
            by_user[self.salesman_a.name]["attrition_rate"], 100.0 / 3
        )
        self.assertEqual(by_user["Bruno Report"]["customers_lost"], 1)
        self.assertAlmostEqual(by_user["Bruno Report"]["attrition_rate"], 25.0)
        by_team = {row["name"]: row for row in data["by_team"]}
        self.assertEqual(by_team["Report Team North"]["customers_start"], 6)
        self.assertEqual(by_team["Report Team South"]["customers_lost"], 1)
        self.assertEqual(
            [(row["name"], row["count"]) for row in data["reasons"]],
            [(self.price.name, 2), (self.competitor.name, 1)],
        )
        self.assertEqual(
            data["lost_events"].partner_id,
            self.customers[0] | self.customers[6] | self.customers[1],
        )
        # bar chart: one bar per month, the tallest one for January
        bars = data["chart"]["bars"]
        self.assertEqual(len(bars), 2)
        self.assertGreater(bars[0]["height"], bars[1]["height"])

    def test_pdf_english(self):
        wizard = self._wizard()
        pdf = self._render_pdf(REPORT, wizard.ids, user=self.salesman_a)
        text, _pages = self._pdf_to_text(pdf)
        self.assertInText(
            [
                "Attrition Report",
                "From January 2026 to February 2026",
                "Key Figures",
                "Customers at the Start 10 Attrition Rate 30.0 %",
                "New Customers 1 Retention Rate 70.0 %",
                "Lost Customers 3 Customers at the End 9",
                "Won Back 1",
                "Month by Month",
                "January 2026 10 1 2 0 9 20.0 % 80.0 %",
                "February 2026 * 9 0 1 1 9 11.1 % 88.9 %",
                "Monthly Attrition Rate",
                "By Salesperson",
                f"{self.salesman_a.name} 6 1 2 1 33.3 %",
                "Bruno Report 4 0 1 0 25.0 %",
                "By Sales Team",
                "Report Team North",
                "Top Churn Reasons",
                "Price 2 66.7 %",
                "Went to a competitor 1 33.3 %",
                "Customers Lost in the Period",
                f"Report Customer 0 01/10/2026 Price 06/16/2025 {self.salesman_a.name}",
                "Report Customer 6 01/20/2026 Went to a competitor",
            ],
            text,
        )
        self.assertNotIn("Report Other Company Customer", text)

    def test_chart_is_inline_svg(self):
        html = self._render_html(REPORT, self._wizard().ids, user=self.salesman_a)
        self.assertIn("<svg", html)
        self.assertEqual(html.count('fill="#c0504d"'), 2)
        self.assertIn(">20.0<", html)
        self.assertNotIn("<script", html.split("<svg", 1)[1].split("</svg>", 1)[0])

    def test_pdf_french(self):
        self._activate_french()
        self.salesman_a.lang = "fr_FR"
        pdf = self._render_pdf(REPORT, self._wizard().ids, user=self.salesman_a)
        text, _pages = self._pdf_to_text(pdf)
        self.assertInText(
            [
                "Rapport d'attrition",
                "De janvier 2026 à février 2026",
                "Chiffres clés",
                "Clients au début 10 Taux d'attrition 30,0 %",
                "Nouveaux clients 1 Taux de fidélisation 70,0 %",
                "Clients perdus 3 Clients à la fin 9",
                "Mois par mois",
                "janvier 2026 10 1 2 0 9 20,0 % 80,0 %",
                "Par vendeur",
                "Par équipe commerciale",
                "Principaux motifs de départ",
                "Prix 2 66,7 %",
                "Parti chez un concurrent",
                "Clients perdus sur la période",
                "10/01/2026",
            ],
            text,
        )
        self.assertNotIn("Attrition Report", text)

    def test_user_text_is_escaped(self):
        self.customers[6].sudo().name = "<script>alert('lost')</script>"
        html = self._render_html(REPORT, self._wizard().ids, user=self.salesman_a)
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;alert(&#39;lost&#39;)&lt;/script&gt;", html)

    def test_wizard_validation(self):
        wizard_model = self.env["sales.attrition.report.wizard"].with_user(
            self.salesman_a
        )
        with self.assertRaisesRegex(ValidationError, "before its last month"):
            wizard_model.create(
                {"date_from": date(2026, 2, 1), "date_to": date(2026, 1, 1)}
            )
        with self.assertRaisesRegex(ValidationError, "first and the last month"):
            wizard_model.create({"date_from": False, "date_to": date(2026, 1, 1)})
        with self.assertRaisesRegex(ValidationError, "at most 36 months"):
            wizard_model.create(
                {"date_from": date(2020, 1, 1), "date_to": date(2026, 1, 1)}
            )
        # a single month is a valid range; printing returns the report action
        wizard = self._wizard(date(2026, 1, 1), date(2026, 1, 31))
        action = wizard.action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "sales_process_grc.report_attrition")
        # the range cannot be emptied afterwards either
        with self.assertRaises(ValidationError):
            wizard.date_to = False

    def test_menu_opens_wizard(self):
        menu = self.env.ref("sales_process_grc.sales_attrition_report_wizard_menu")
        self.assertEqual(
            menu.action,
            self.env.ref("sales_process_grc.sales_attrition_report_wizard_action"),
        )
        self.assertTrue(menu.with_user(self.salesman_a)._filter_visible_menus())
