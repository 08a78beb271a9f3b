# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import lxml.html

from odoo.tests import tagged

from ..models.ir_actions_report import ARTICLE_XPATH
from .report_common import ReportCase

REPORT = "sales_process_grc.action_report_interview_sheet"


@tagged("post_install", "-at_install")
class TestReportInterviewSheet(ReportCase):
    """The sales interview sheet, printed by a salesman on his own leads."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.team = cls.sales_team_1
        cls.lost_reason = cls.env["crm.lost.reason"].create(
            {"name": "Sheet budget cut"}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Boulangerie Sheet Martin", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Jeanne Sheet", "parent_id": cls.customer.id}
        )
        lead_model = cls.env["crm.lead"]
        past = lead_model.create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": cls.customer.id,
                    "user_id": cls.salesman.id,
                    "team_id": cls.team.id,
                    "expected_revenue": amount,
                }
                for name, amount in (
                    ("Sheet bread oven 1", 12000),
                    ("Sheet bread oven 2", 13500),
                    ("Sheet dough mixer", 15000),
                )
            ]
        )
        past[:2].action_set_won()
        past[2].action_set_lost(lost_reason_id=cls.lost_reason.id)
        cls.lead = lead_model.create(
            {
                "name": "Sheet production line renewal",
                "type": "opportunity",
                "partner_id": cls.contact.id,
                "partner_name": "Boulangerie Sheet Martin",
                "contact_name": "Jeanne Sheet",
                "email_from": "jeanne@sheet-martin.example",
                "phone": "+33 4 78 00 00 01",
                "city": "Lyon",
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
                "expected_revenue": 48500,
                "prospect_temperature": "hot",
                "prospecting_goal": "new_product",
                "offer_lead_time": "6 weeks after order",
                "offer_payment_terms": "30% down payment, balance on delivery",
                "description": "<p>Needs a 120 kg dough mixer before Christmas.</p>",
            }
        )
        lines = cls.lead.interview_line_ids
        lines[0].write({"state": "done", "note": "Annual reports read."})
        lines[1].write({"state": "done", "note": "Warm welcome by the manager."})
        lines[2].write({"note": "Capacity +30%, less noise."})
        objection_type = cls.env["sales.objection.type"].create(
            {"name": "Sheet too expensive"}
        )
        cls.env["sales.lead.objection"].create(
            {
                "lead_id": cls.lead.id,
                "objection_type_id": objection_type.id,
                "statement": "Cheaper at the competitor.",
                "answer": "Lower energy bill over ten years.",
                "resolved": True,
            }
        )
        cls.lead.activity_schedule(
            "mail.mail_activity_data_call",
            summary="Call back about the factory visit",
            user_id=cls.salesman.id,
        )

    def test_pdf_english(self):
        pdf = self._render_pdf(REPORT, self.lead.ids, user=self.salesman)
        text, pages = self._pdf_to_text(pdf)
        self.assertGreaterEqual(pages, 1)
        self.assertInText(
            [
                # prospect, company, contact details, follow-up
                "Sales Interview Sheet",
                "Sheet production line renewal",
                "Boulangerie Sheet Martin",
                "Jeanne Sheet",
                "jeanne@sheet-martin.example",
                "+33 4 78 00 00 01",
                self.salesman.name,
                self.team.name,
                "Temperature Hot",
                "Customer Status Customer",
                "Prospecting Goal Sell a New Product",
                # preparation: history (2 won, 1 lost) and last purchase
                "Preparation: History with this Customer",
                "Last Purchase",
                "2 ($ 25,500.00)",
                "1 ($ 15,000.00)",
                "Sheet bread oven 1",
                "Sheet bread oven 2",
                "Sheet dough mixer",
                "Sheet budget cut",
                # the steps, with status, who and notes; current step
                "Preparation",
                "Follow-up",
                "Done",
                "To Do",
                "Annual reports read.",
                "Warm welcome by the manager.",
                "Capacity +30%, less noise.",
                "(current step)",
                # needs, offer, objections, activities, signature
                "Needs a 120 kg dough mixer before Christmas.",
                "$ 48,500.00",
                "6 weeks after order",
                "30% down payment, balance on delivery",
                "Sheet too expensive",
                "Cheaper at the competitor.",
                "Lower energy bill over ten years.",
                "Yes",
                "Call back about the factory visit",
                "Name, date and signature",
            ],
            text,
        )
        self.assertNotIn("Sheet production line renewal Won", text)

    def test_current_step_highlighted(self):
        html = self._render_html(REPORT, self.lead.ids, user=self.salesman)
        self.assertEqual(
            self.lead.interview_step_id, self.lead.interview_line_ids[2].step_id
        )
        self.assertEqual(html.count('class="o_grc_current"'), 1)
        current = html.split('class="o_grc_current"', 1)[1]
        self.assertIn(self.lead.interview_step_id.name, current.split("</tr>", 1)[0])

    def test_pdf_french(self):
        self._activate_french(("crm", "sales_process_grc"))
        self.contact.lang = "fr_FR"
        pdf = self._render_pdf(REPORT, self.lead.ids, user=self.salesman)
        text, _pages = self._pdf_to_text(pdf)
        self.assertInText(
            [
                "Fiche d'entretien de vente",
                "Préparation : historique avec ce client",
                "Température Chaud",
                "Statut client Client",
                "Vendre un nouveau produit",
                "48 500,00",
                "2 ($ 25 500,00)",
                "Gagnée",
                "Perdu",
                "(étape en cours)",
                "Objections",
                "Oui",
                "Nom, date et signature",
            ],
            text,
        )
        self.assertNotIn("Sales Interview Sheet", text)

    def test_several_leads_in_one_pdf(self):
        """One sheet per lead, each in its customer's language, in one PDF
        (also with the unpatched-Qt wkhtmltopdf of Debian)."""
        self._activate_french()
        other = self.lead.copy({"name": "Sheet second lead", "partner_id": False})
        self.contact.lang = "fr_FR"
        leads = self.lead | other
        pdf = self._render_pdf(REPORT, leads.ids, user=self.salesman)
        text, pages = self._pdf_to_text(pdf)
        self.assertGreaterEqual(pages, 2)
        self.assertInText(
            [
                "Fiche d'entretien de vente",
                "Sheet production line renewal",
                "Sales Interview Sheet",
                "Sheet second lead",
                "No customer linked to this lead yet: no history.",
            ],
            text,
        )
        self.assertLess(
            text.index("Sheet production line renewal"), text.index("Sheet second lead")
        )

    def test_merge_bodies_for_unpatched_wkhtmltopdf(self):
        """The wkhtmltopdf of the distributions converts one document per run:
        the sheets of several leads are merged in one document, one per page."""
        html = self.env["ir.actions.report"]._render_qweb_html(
            REPORT, (self.lead | self.lead.copy({"name": "Sheet copy"})).ids
        )[0]
        report = self.env["ir.actions.report"]._get_report(REPORT)
        bodies, _ids, _header, _footer, _args = report._prepare_html(
            html, report_model="crm.lead"
        )
        self.assertEqual(len(bodies), 2)
        merged = report._grc_merge_bodies(bodies)
        self.assertEqual(len(lxml.html.fromstring(merged).xpath(ARTICLE_XPATH)), 2)
        self.assertEqual(merged.count("page-break-before: always"), 1)
        self.assertLess(
            merged.index("Sheet production line renewal"), merged.index("Sheet copy")
        )

    def test_user_text_is_escaped(self):
        self.lead.interview_line_ids[0].note = "<script>alert('note')</script>"
        self.lead.objection_ids.statement = "<b>bold</b> <script>x()</script>"
        self.lead.offer_lead_time = "<script>lead_time()</script>"
        html = self._render_html(REPORT, self.lead.ids, user=self.salesman)
        self.assertNotIn("<script>", html)
        self.assertNotIn("<b>bold</b>", html)
        self.assertIn("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;", html)
        self.assertIn("&lt;b&gt;bold&lt;/b&gt;", html)
        self.assertIn("&lt;script&gt;lead_time()&lt;/script&gt;", html)

    def test_history_of_other_customers_not_shown(self):
        other_customer = self.env["res.partner"].create(
            {"name": "Sheet Other Customer", "is_company": True}
        )
        other_lead = self.env["crm.lead"].create(
            {
                "name": "Sheet other customer deal",
                "type": "opportunity",
                "partner_id": other_customer.id,
                "user_id": self.salesman.id,
            }
        )
        html = self._render_html(REPORT, other_lead.ids, user=self.salesman)
        self.assertNotIn("Sheet bread oven 1", html)
        self.assertIn("No other won or lost opportunity with this customer.", html)

    def test_query_count_does_not_grow_with_leads(self):
        """The sheets of 200 leads take as many queries as those of 20."""
        customers = self.env["res.partner"].create(
            [{"name": f"Sheet batch {i}", "is_company": True} for i in range(200)]
        )
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Sheet batch lead {i}",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": self.salesman.id,
                    "team_id": self.team.id,
                    "description": f"<p>Need {i}</p>",
                }
                for i, customer in enumerate(customers)
            ]
        )
        past = self.env["crm.lead"].create(
            [
                {
                    "name": f"Sheet batch past {i}",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": self.salesman.id,
                    "expected_revenue": 1000,
                }
                for i, customer in enumerate(customers)
            ]
        )
        past.action_set_won()
        leads.interview_line_ids.filtered(lambda line: line.sequence <= 20).write(
            {"state": "done", "note": "Done in batch"}
        )
        self.env["sales.lead.objection"].create(
            [
                {
                    "lead_id": lead.id,
                    "objection_type_id": self.lead.objection_ids.objection_type_id.id,
                    "statement": "Too expensive",
                }
                for lead in leads
            ]
        )
        leads.activity_schedule(
            "mail.mail_activity_data_call", user_id=self.salesman.id
        )
        # warm up: templates compiled, access rules and their caches loaded
        self._render_html(REPORT, leads[:20].ids, user=self.salesman)

        def count_queries(batch):
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            html = self._render_html(REPORT, batch.ids, user=self.salesman)
            count = self.cr.sql_log_count - start
            self.assertEqual(html.count("Sheet batch past"), len(batch))
            self.assertEqual(html.count("Done in batch"), 2 * len(batch))
            return count

        queries_20 = count_queries(leads[:20])
        queries_200 = count_queries(leads)
        # the first run may also fill a few access-rule caches
        self.assertLessEqual(queries_200, queries_20)
        self.assertLessEqual(queries_200, 40)
