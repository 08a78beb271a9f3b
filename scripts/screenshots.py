#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""README screenshots, taken from a running demo database.

Drives the system Chromium with Playwright (requirements/screenshots.txt, in
.venv-screenshots: run it through scripts/screenshots.sh) and saves,
at desktop (1280x800) and phone (375x667, touch) sizes: the pipeline, the
Sales Interview tab of a hot opportunity and the attrition dashboard; plus
the pages of that opportunity's interview sheet PDF (pdftoppm). The PNGs are
reduced to a 256-colour palette to keep the repository small.

Usage (a server running on a database installed with the demo data, e.g.
``make run`` in another terminal):

    make screenshots        # or: bash scripts/screenshots.sh --login admin

Run it again after a UI change and commit docs/screenshots/.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 375, "height": 667},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 1,
    },
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    return parser.parse_args()


def save_small(png_bytes, path):
    """Save a screenshot as a 256-colour PNG."""
    with tempfile.NamedTemporaryFile(suffix=".png") as tmp:
        tmp.write(png_bytes)
        tmp.flush()
        image = Image.open(tmp.name).convert("RGB")
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True
        )
    print(f"{path}: {path.stat().st_size // 1024} kB")


def call_kw(page, model, method, args, kwargs=None):
    """JSON-RPC call with the browser's session."""
    response = page.request.post(
        f"{page.url.split('/odoo')[0]}/web/dataset/call_kw/{model}/{method}",
        data=json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            }
        ),
        headers={"Content-Type": "application/json"},
    )
    payload = response.json()
    if "error" in payload:
        raise RuntimeError(payload["error"])
    return payload["result"]


# the chat windows (OdooBot's welcome) would hide the views
HIDE = (
    ".o-mail-ChatWindow, .o-mail-ChatHub, .o-mail-ChatBubble "
    "{display: none !important;}"
)


def wait_for_view(page, selector):
    page.wait_for_load_state("load")
    page.add_style_tag(content=HIDE)
    page.wait_for_selector(selector, state="visible", timeout=30000)
    # let the graphs draw and the animations end
    page.wait_for_timeout(1200)


def login(page, args):
    page.goto(f"{args.url}/web/login?db={args.db}", wait_until="load")
    page.fill("input[name=login]", args.login)
    page.fill("input[name=password]", args.password)
    page.click("button[type=submit]")
    page.wait_for_url("**/odoo**", wait_until="load")
    wait_for_view(page, ".o_main_navbar")


def hot_opportunity(page):
    [lead] = call_kw(
        page,
        "crm.lead",
        "search_read",
        [
            [
                ("prospect_temperature", "=", "hot"),
                ("won_status", "=", "pending"),
                ("offer_payment_terms", "!=", False),
            ]
        ],
        {"fields": ["id"], "limit": 1, "order": "interview_progress desc, id"},
    )
    return lead["id"]


def shoot(page, args, size, out):
    base = args.url
    # under the CRM app, so that its menu shows
    page.goto(f"{base}/odoo/crm", wait_until="load")
    wait_for_view(page, ".o_kanban_record")
    save_small(page.screenshot(), out / f"pipeline_{size}.png")

    lead_id = hot_opportunity(page)
    page.goto(f"{base}/odoo/crm/{lead_id}", wait_until="load")
    wait_for_view(page, ".o_form_view .o_notebook")
    tab = page.locator(".o_notebook a.nav-link", has_text="Sales Interview")
    tab.click()
    wait_for_view(page, ".o_field_widget[name=interview_line_ids]")
    page.locator(".o_notebook").scroll_into_view_if_needed()
    save_small(page.screenshot(), out / f"sales_interview_{size}.png")

    page.goto(
        f"{base}/odoo/crm/action-sales_process_grc.sales_attrition_snapshot_action",
        wait_until="load",
    )
    wait_for_view(page, ".o_graph_renderer canvas")
    save_small(page.screenshot(), out / f"attrition_dashboard_{size}.png")

    page.goto(
        f"{base}/odoo/crm/action-sales_process_grc.sales_customer_cohort_report_action",
        wait_until="load",
    )
    wait_for_view(page, ".o_pivot table")
    save_small(page.screenshot(), out / f"cohort_retention_{size}.png")
    return lead_id


def interview_sheet(page, args, lead_id, out):
    response = page.request.get(
        f"{args.url}/report/pdf/sales_process_grc.report_interview_sheet/{lead_id}"
    )
    if not response.ok or response.headers.get("content-type") != "application/pdf":
        raise RuntimeError(f"interview sheet: {response.status}")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sheet.pdf"
        pdf.write_bytes(response.body())
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(pdf), str(Path(tmp) / "page")],
            check=True,
        )
        for index, page_png in enumerate(sorted(Path(tmp).glob("page-*.png")), 1):
            save_small(page_png.read_bytes(), out / f"interview_sheet_page{index}.png")


def main():
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium)
        lead_id = None
        for size, options in SIZES.items():
            context = browser.new_context(**options)
            page = context.new_page()
            login(page, args)
            lead_id = shoot(page, args, size, out)
            if size == "desktop":
                interview_sheet(page, args, lead_id, out)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
