# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import re
import subprocess
import tempfile

from .common import SalesProcessCase


class ReportCase(SalesProcessCase):
    """Render the addon's reports to real PDFs and read their text back (on
    the common base: crm's companies, users, teams and stages)."""

    def _render_pdf(self, report_ref, res_ids, user=None):
        report_model = self.env["ir.actions.report"]
        if user:
            report_model = report_model.with_user(user)
        # wkhtmltopdf fetches the report assets from the test server
        with self.allow_pdf_render():
            pdf, report_type = report_model.with_context(
                force_report_rendering=True
            )._render_qweb_pdf(report_ref, res_ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def _render_html(self, report_ref, res_ids, user=None):
        report_model = self.env["ir.actions.report"]
        if user:
            report_model = report_model.with_user(user)
        html, _report_type = report_model._render_qweb_html(report_ref, res_ids)
        return html.decode() if isinstance(html, bytes) else str(html)

    @staticmethod
    def _pdf_layout_text(pdf):
        """Raw text of the PDF (pdftotext -layout, poppler-utils: the lines of
        the page, table rows kept on one line), pages separated by form
        feeds."""
        fd, path = tempfile.mkstemp(suffix=".pdf", prefix="grc_report_test_")
        try:
            with os.fdopen(fd, "wb") as pdf_file:
                pdf_file.write(pdf)
            return subprocess.run(
                ["pdftotext", "-layout", "-enc", "UTF-8", path, "-"],
                capture_output=True,
                check=True,
            ).stdout.decode()
        finally:
            os.unlink(path)

    @classmethod
    def _pdf_to_text(cls, pdf):
        """Text of the PDF, whitespace collapsed; the second value is the
        number of pages."""
        raw = cls._pdf_layout_text(pdf)
        pages = raw.count("\f")
        # narrow and regular no-break spaces (French thousands) as spaces
        text = re.sub(r"[\s\u00a0\u202f]+", " ", raw)
        return text, pages

    def assertInText(self, needles, text):  # pylint: disable=invalid-name
        for needle in needles:
            self.assertIn(needle, text)
