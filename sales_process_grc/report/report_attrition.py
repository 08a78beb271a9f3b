# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.misc import format_date

from ..models.sales_attrition_snapshot import (
    annualise_attrition,
    attrition_rates,
    period_figures,
)
from ..models.sales_customer_status_event import MONTH_FIGURES

# Customers lost listed at the end of the report (the figures count them all).
LOST_CUSTOMERS_LIMIT = 200
TOP_REASONS = 10
# Cohort matrix of the report: months since the first purchase shown
COHORT_MONTHS = 12
# Geometry of the bar chart (SVG user units, about pixels at 96 dpi).
CHART_WIDTH = 960
CHART_HEIGHT = 260
CHART_LEFT = 52
CHART_BOTTOM = 30
CHART_TOP = 20


class ReportAttrition(models.AbstractModel):
    """Data of the attrition report (taux d'attrition) for the months chosen in
    ``sales.attrition.report.wizard``.

    Monthly figures come from ``sales.attrition.snapshot``; a month without
    snapshot yet (e.g. the current one) is computed from the customer status
    log like the monthly cron does, without storing it. The breakdowns, churn
    reasons and lost customers come from the status log. The number of queries
    grows with the number of months, not with the number of customers.
    """

    _name = "report.sales_process_grc.report_attrition"
    _description = "Attrition Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["sales.attrition.report.wizard"].browse(docids)
        lang = self.env.user.lang or self.env.context.get("lang") or "en_US"
        reports = {}
        for wizard in wizards:
            wizard._check_months()
            reports[wizard.id] = self.with_context(lang=lang)._get_attrition(
                wizard._get_months(), wizard._get_companies()
            )
        return {
            "doc_ids": docids,
            "doc_model": "sales.attrition.report.wizard",
            "docs": wizards,
            "report_lang": lang,
            "attrition": reports,
        }

    @api.model
    def _get_attrition(self, months, companies):
        """Everything the report shows for ``months`` (first days of the months,
        in order) and ``companies``."""
        date_start = months[0]
        date_end = months[-1] + relativedelta(months=1, days=-1)
        monthly = self._get_monthly_figures(months, companies)
        totals = {
            "customers_start": monthly[0]["customers_start"],
            "customers_new": sum(month["customers_new"] for month in monthly),
            "customers_lost": sum(month["customers_lost"] for month in monthly),
            "customers_won_back": sum(month["customers_won_back"] for month in monthly),
            "customers_end": monthly[-1]["customers_end"],
        }
        totals["attrition_rate"], totals["retention_rate"] = attrition_rates(
            totals["customers_lost"], totals["customers_start"]
        )
        # average monthly rate (lost over the customer-months at risk of
        # leaving) and the yearly attrition it amounts to
        totals["attrition_rate_monthly"] = attrition_rates(
            totals["customers_lost"],
            sum(month["customers_start"] for month in monthly),
        )[0]
        totals["attrition_rate_annual"] = annualise_attrition(
            totals["attrition_rate_monthly"]
        )
        events = self.env["sales.customer.status.event"]
        period_domain = (
            Domain("company_id", "in", companies.ids)
            & Domain("date", ">=", date_start)
            & Domain("date", "<=", date_end)
        )
        lost_domain = period_domain & Domain("event_type", "=", "lost")
        lost_events = events.search(lost_domain, limit=LOST_CUSTOMERS_LIMIT)
        lost_events = lost_events.sorted(lambda event: (event.date, event.id))
        lost_events.partner_id.fetch(["name", "last_purchase_date"])
        return {
            "date_start": date_start,
            "date_end": date_end,
            "companies": companies,
            "months": monthly,
            "provisional": any(month["provisional"] for month in monthly),
            "totals": totals,
            "chart": self._get_chart(monthly),
            "by_user": self._get_breakdown(date_start, date_end, companies, "user_id"),
            "by_team": self._get_breakdown(date_start, date_end, companies, "team_id"),
            "reasons": self._get_reasons(lost_domain),
            "by_temperature": self._get_by_temperature(months, companies),
            "cohorts": self._get_cohorts(months, companies),
            "dropoff": self._get_dropoff(date_start, date_end, companies),
            "lost_events": lost_events,
            "lost_note": self._get_lost_note(lost_domain, len(lost_events)),
        }

    @api.model
    def _get_lost_note(self, lost_domain, shown):
        """A note when the list of lost customers is cut."""
        if shown < LOST_CUSTOMERS_LIMIT:
            return False
        total = self.env["sales.customer.status.event"].search_count(lost_domain)
        if total <= shown:
            return False
        return self.env._(
            "Only the %(shown)s most recent of the %(total)s customers lost are "
            "listed.",
            shown=shown,
            total=total,
        )

    @api.model
    def _get_monthly_figures(self, months, companies):
        """One dict of figures per month, summed over the companies."""
        snapshot_model = self.env["sales.attrition.snapshot"]
        snapshots = snapshot_model.search_fetch(
            [("date_start", "in", months), ("company_id", "in", companies.ids)],
            ["date_start", "company_id", *MONTH_FIGURES],
        )
        by_month = defaultdict(lambda: snapshot_model)
        for snapshot in snapshots:
            by_month[snapshot.date_start] |= snapshot
        this_month = snapshot_model._month_start(fields.Date.context_today(self))
        monthly = []
        for month in months:
            values = dict.fromkeys(MONTH_FIGURES, 0)
            month_snapshots = by_month[month]
            for snapshot in month_snapshots:
                for fname in MONTH_FIGURES:
                    values[fname] += snapshot[fname]
            provisional = False
            missing = companies - month_snapshots.company_id
            if missing and month <= this_month:
                # not computed yet (or nothing to count): from the status log
                live = snapshot_model._compute_month_figures(month, missing)
                for company_values in live.values():
                    for fname in MONTH_FIGURES:
                        values[fname] += company_values[fname]
                provisional = any(
                    any(company_values.values()) for company_values in live.values()
                )
            values.update(
                period_figures(
                    values["customers_start"],
                    values["customers_new"],
                    values["customers_won_back_lost"],
                    values["customers_lost"],
                )
            )
            values.update(
                date_start=month,
                label=format_date(self.env, month, date_format="MMMM yyyy"),
                short_label=format_date(self.env, month, date_format="MMM yy"),
                provisional=provisional,
            )
            monthly.append(values)
        return monthly

    @api.model
    def _get_chart(self, monthly):
        """Geometry of the bar chart of the monthly attrition rate, drawn as
        inline SVG by the template (no JavaScript)."""
        highest = max((month["attrition_rate"] for month in monthly), default=0.0)
        # a round scale: 5, 10, 20, 25, 50, 100 %
        scale = next(
            (step for step in (5, 10, 20, 25, 50, 100) if highest <= step),
            math.ceil(highest / 100.0) * 100,
        )
        plot_width = CHART_WIDTH - CHART_LEFT - 8
        plot_height = CHART_HEIGHT - CHART_BOTTOM - CHART_TOP
        slot = plot_width / len(monthly)
        bar_width = max(slot * 0.6, 2.0)
        baseline = CHART_TOP + plot_height
        every = max(1, math.ceil(len(monthly) / 12))  # at most 12 month labels
        bars = []
        for index, month in enumerate(monthly):
            height = plot_height * month["attrition_rate"] / scale
            x = CHART_LEFT + index * slot + (slot - bar_width) / 2
            bars.append(
                {
                    "x": round(x, 1),
                    "y": round(baseline - height, 1),
                    "width": round(bar_width, 1),
                    "height": round(height, 1),
                    "center": round(x + bar_width / 2, 1),
                    "value": f"{month['attrition_rate']:.1f}",
                    "label": month["short_label"] if index % every == 0 else "",
                    "show_value": len(monthly) <= 18,
                }
            )
        gridlines = [
            {
                "y": round(baseline - plot_height * fraction, 1),
                "label": f"{scale * fraction:g} %",
            }
            for fraction in (0, 0.25, 0.5, 0.75, 1)
        ]
        return {
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
            "left": CHART_LEFT,
            "right": CHART_WIDTH - 8,
            "baseline": baseline,
            "label_y": baseline + 18,
            "bars": bars,
            "gridlines": gridlines,
        }

    @api.model
    def _get_breakdown(self, date_start, date_end, companies, fname):
        """Figures per salesperson or sales team (``fname``: user_id or
        team_id): customers at start, new, lost, won back, attrition rate.

        The salesperson and team are the ones in charge at the time of each
        status change (as logged)."""
        rows = self.env["sales.customer.status.event"]._period_figures(
            date_start, date_end, companies, fname
        )
        result = []
        for group, values in rows.items():
            values["attrition_rate"], values["retention_rate"] = attrition_rates(
                values["customers_lost"], values["customers_start"]
            )
            values["record"] = group
            values["name"] = group.display_name or self.env._("Unassigned")
            result.append(values)
        result.sort(key=lambda row: (not row["record"], row["name"].lower()))
        return result

    @api.model
    def _get_reasons(self, lost_domain):
        """Most frequent churn reasons of the customers lost in the range."""
        groups = self.env["sales.customer.status.event"]._read_group(
            lost_domain, ["churn_reason_id"], ["__count"]
        )
        total = sum(count for _reason, count in groups)
        reasons = [
            {
                "name": reason.display_name or self.env._("Not specified"),
                "count": count,
                "share": count * 100.0 / total if total else 0.0,
            }
            for reason, count in groups
        ]
        reasons.sort(key=lambda row: (-row["count"], row["name"].lower()))
        return reasons[:TOP_REASONS]

    @api.model
    def _get_by_temperature(self, months, companies):
        """Figures of the period by temperature of the prospect when it was
        won (its first purchase): do the customers won cold leave sooner?"""
        report = self.env["sales.attrition.report"]
        date_end = months[-1] + relativedelta(months=1, days=-1)
        company_domain = Domain("company_id", "in", companies.ids)
        rows = {}
        labels = dict(
            report._fields["win_temperature"]._description_selection(self.env)
        )

        def row(temperature):
            return rows.setdefault(
                temperature,
                {
                    "name": labels.get(temperature) or self.env._("Not Qualified"),
                    "customers_start": 0,
                    "customers_new": 0,
                    "customers_lost": 0,
                    "customers_won_back": 0,
                    "customers_start_months": 0,
                },
            )

        for temperature, start in report._read_group(
            company_domain & Domain("date", "=", months[0]),
            ["win_temperature"],
            ["customers_start:sum"],
        ):
            row(temperature)["customers_start"] = start
        for temperature, start, new, lost, won_back in report._read_group(
            company_domain
            & Domain("date", ">=", months[0])
            & Domain("date", "<=", date_end),
            ["win_temperature"],
            [
                "customers_start:sum",
                "customers_new:sum",
                "customers_lost:sum",
                "customers_won_back:sum",
            ],
        ):
            values = row(temperature)
            values.update(
                customers_start_months=start,
                customers_new=new,
                customers_lost=lost,
                customers_won_back=won_back,
            )
        order = {"hot": 0, "warm": 1, "cold": 2, False: 3}
        result = []
        for temperature in sorted(rows, key=order.get):
            values = rows[temperature]
            values["attrition_rate"], values["retention_rate"] = attrition_rates(
                values["customers_lost"], values["customers_start"]
            )
            monthly = attrition_rates(
                values["customers_lost"], values["customers_start_months"]
            )[0]
            values["attrition_rate_monthly"] = monthly
            values["attrition_rate_annual"] = annualise_attrition(monthly)
            result.append(values)
        return result

    @api.model
    def _get_cohorts(self, months, companies):
        """Cohort retention matrix: the customers who made their first
        purchase in each month of the report, and the share of them still
        customers 0 to COHORT_MONTHS - 1 months later."""
        this_month = fields.Date.context_today(self).replace(day=1)
        groups = self.env["sales.customer.cohort.report"]._read_group(
            [
                ("company_id", "in", companies.ids),
                ("cohort_date", ">=", months[0]),
                ("cohort_date", "<=", months[-1]),
                ("months_since", "<", COHORT_MONTHS),
            ],
            ["cohort_date:month", "months_since"],
            ["customers_cohort:sum", "customers_retained:sum"],
        )
        by_cohort = defaultdict(dict)
        for cohort, months_since, size, retained in groups:
            by_cohort[cohort][months_since] = (size, retained)
        rows = []
        for cohort in sorted(by_cohort):
            cells = by_cohort[cohort]
            size = cells.get(0, (0, 0))[0]
            elapsed = (
                (this_month.year - cohort.year) * 12 + this_month.month - cohort.month
            )
            rows.append(
                {
                    "label": format_date(self.env, cohort, date_format="MMM yy"),
                    "size": size,
                    "cells": [
                        (
                            cells[since][1] * 100.0 / cells[since][0]
                            if since in cells and since <= elapsed and cells[since][0]
                            else None
                        )
                        for since in range(COHORT_MONTHS)
                    ],
                }
            )
        return {"columns": list(range(COHORT_MONTHS)), "rows": rows}

    @api.model
    def _get_dropoff(self, date_start, date_end, companies):
        """Drop-off per interview step of the leads created in the period and
        won or lost since: reached, went on to the next step, dropped."""
        groups = self.env["sales.interview.dropoff.report"]._read_group(
            [
                ("company_id", "in", [*companies.ids, False]),
                ("date", ">=", date_start),
                ("date", "<=", date_end),
                ("won_status", "in", ("won", "lost")),
            ],
            ["step_id"],
            ["leads_reached:sum", "leads_next:sum", "leads_dropped:sum"],
        )
        rows = [
            {
                "name": step.display_name,
                "sequence": step.sequence,
                "reached": reached,
                "next": next_count,
                "dropped": dropped,
                "rate": dropped * 100.0 / reached if reached else 0.0,
            }
            for step, reached, next_count, dropped in groups
        ]
        rows.sort(key=lambda row: (row["sequence"], row["name"]))
        return rows
