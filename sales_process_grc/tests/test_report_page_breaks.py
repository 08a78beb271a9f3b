# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .report_common import ReportCase

REPORT = "sales_process_grc.action_report_interview_sheet"
TERMS = "Deposit of thirty percent at the order, the balance at the delivery Zebra"


@tagged("post_install", "-at_install")
class TestReportPageBreaks(ReportCase):
    """The offer of the interview sheet is never split across two pages,
    wherever the page break falls: the sheet is rendered with more and more
    interview notes, and the page that shows the offer's payment terms label
    always shows the end of the payment terms too."""

    def _pages(self, pdf):
        return self._pdf_layout_text(pdf).split("\f")

    def test_offer_stays_on_one_page(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Page Break Lead",
                "type": "opportunity",
                "offer_lead_time": "3 weeks",
                "offer_payment_terms": TERMS,
            }
        )
        lines = lead.interview_line_ids.sorted("sequence")
        note = "A long note of the interview that takes a few lines. " * 4
        split_seen = 0
        for count in range(0, len(lines) + 1, 2):
            lines[:count].write({"state": "done", "note": note})
            pages = self._pages(self._render_pdf(REPORT, lead.ids))
            [page] = [page for page in pages if "Payment Terms" in page]
            self.assertIn("Zebra", page, f"offer split with {count} notes")
            split_seen += len([page for page in pages if page.strip()]) > 1
        # the renders did cross a page break (the test means something)
        self.assertTrue(split_seen)
