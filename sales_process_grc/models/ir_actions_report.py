# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import lxml.html

from odoo import models

from odoo.addons.base.models.ir_actions_report import _wkhtml

# Reports of the addon printed for several records at once.
GRC_MULTI_RECORD_REPORTS = ("sales_process_grc.report_interview_sheet",)
ARTICLE_XPATH = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]"
)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """Print several interview sheets with the wkhtmltopdf of the Linux
        distributions, built against an unpatched Qt, which converts only one
        input document per run: the sheets are put in a single document, one
        per page, instead of failing with "unpatched QT"."""
        if (
            len(bodies) > 1
            and report_ref
            and "(with patched qt)" not in _wkhtml().version
            and self._get_report(report_ref).report_name in GRC_MULTI_RECORD_REPORTS
        ):
            bodies = [self._grc_merge_bodies(bodies)]
        return super()._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )

    def _grc_merge_bodies(self, bodies):
        """One html document with the articles of all ``bodies``, each one
        starting on a new page."""
        root = lxml.html.fromstring(bodies[0])
        articles = root.xpath(ARTICLE_XPATH)
        if not articles:
            return bodies[0]
        parent = articles[-1].getparent()
        for body in bodies[1:]:
            for article in lxml.html.fromstring(body).xpath(ARTICLE_XPATH):
                style = (article.get("style") or "").rstrip("; ")
                article.set(
                    "style",
                    f"{style}; page-break-before: always;"
                    if style
                    else "page-break-before: always;",
                )
                parent.append(article)
        return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
