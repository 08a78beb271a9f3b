"""Module lifecycle on a database that already has CRM data: install, upgrade,
uninstall, reinstall. Leads and partners survive every step and the log has no
warning or error."""

import json
import re
import subprocess
import textwrap

import pytest

ADDON = "sales_process_grc"
DB = "grc_lifecycle"
LOG_LINE = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ", re.M)
HARMLESS = ("addons path is not a directory",)

COUNT_SCRIPT = textwrap.dedent(
    """
    import json
    module = env["ir.module.module"].search([("name", "=", "{addon}")])
    print("RESULT=" + json.dumps({{
        "leads": env["crm.lead"].with_context(active_test=False).search_count([]),
        "partners": env["res.partner"].with_context(active_test=False).search_count([]),
        "lead_names": sorted(env["crm.lead"].search([]).mapped("name")),
        "state": module.state,
    }}))
    """
).format(addon=ADDON)


class Odoo:
    def __init__(self, odoo_bin, odoo_config, env):
        self.base = [*odoo_bin]
        self.config = odoo_config
        self.env = env

    def run(self, *args, stdin=None, timeout=900, db=DB):
        database = ["-d", db] if db else []
        cmd = [*self.base, *args[:1], "-c", self.config, *database, *args[1:]]
        proc = subprocess.run(
            cmd,
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=timeout,
            check=False,
        )
        output = proc.stdout + proc.stderr
        assert proc.returncode == 0, output[-5000:]
        return output

    def server(self, *args):
        return self.run("server", "--stop-after-init", "--log-level=warn", *args)

    def shell(self, script, db=DB):
        return self.run("shell", "--log-level=warn", "--no-http", stdin=script, db=db)

    def shell_json(self, script):
        out = self.shell(script)
        line = next(li for li in out.splitlines() if li.startswith("RESULT="))
        return json.loads(line[len("RESULT=") :])

    def counts(self):
        out = self.shell(COUNT_SCRIPT)
        line = next(li for li in out.splitlines() if li.startswith("RESULT="))
        return json.loads(line[len("RESULT=") :])


def problems(output):
    return [
        line
        for line in output.splitlines()
        if LOG_LINE.match(line) and not any(h in line for h in HARMLESS)
    ]


ADDON_FIELDS_SCRIPT = textwrap.dedent(
    """
    import json
    Partner = env["res.partner"]
    Event = env["sales.customer.status.event"]
    result = {}
    names = {"won_customer": "Won Customer", "lost_prospect": "Lost Prospect"}
    for key, name in names.items():
        partner = Partner.search([("name", "=", name)])
        events = Event.search([("partner_id", "=", partner.id)], order="date, id")
        result[key] = {
            "customer_status": partner.customer_status,
            "last_purchase_date": str(partner.last_purchase_date or ""),
            "events": [[e.old_status, e.new_status] for e in events],
        }
    open_leads = env["crm.lead"].search(
        [("name", "in", ["Lifecycle lead", "Lifecycle opportunity"])]
    )
    result["interview_lines"] = {
        lead.name: len(lead.interview_line_ids) for lead in open_leads
    }
    print("RESULT=" + json.dumps(result))
    """
)

# What an administrator edits in the addon's noupdate data and settings
ADMIN_EDITS_SCRIPT = textwrap.dedent(
    """
    ref = env.ref
    ref("sales_process_grc.interview_step_contact").write(
        {"name": "First Call", "sequence": 99}
    )
    ref("sales_process_grc.interview_step_leave_taking").action_archive()
    ref("sales_process_grc.mail_template_thank_you").write(
        {"subject": "Merci beaucoup"}
    )
    ref("sales_process_grc.automation_won_loyalty_followup").active = False
    ref("sales_process_grc.automation_won_thank_you").active = True
    ref("sales_process_grc.churn_reason_price").name = "Too expensive"
    env["ir.config_parameter"].set_param("sales_process_grc.at_risk_days", "90")
    env["ir.config_parameter"].set_param("sales_process_grc.lost_days", "200")
    env.cr.commit()
    """
)
ADMIN_EDITS_CHECK_SCRIPT = textwrap.dedent(
    """
    import json
    ref = env.ref
    addon = "sales_process_grc"
    contact = ref("sales_process_grc.interview_step_contact")
    params = env["ir.config_parameter"]
    settings = env["res.config.settings"].create({})
    print("RESULT=" + json.dumps({
        "step": [contact.name, contact.sequence],
        "archived_step_active": ref(addon + ".interview_step_leave_taking").active,
        "template_subject": ref("sales_process_grc.mail_template_thank_you").subject,
        "loyalty_rule_active": ref(addon + ".automation_won_loyalty_followup").active,
        "thank_you_rule_active": ref(addon + ".automation_won_thank_you").active,
        "churn_reason": ref("sales_process_grc.churn_reason_price").name,
        "thresholds": [
            params.get_param("sales_process_grc.at_risk_days"),
            params.get_param("sales_process_grc.lost_days"),
        ],
        "settings_form": [settings.grc_at_risk_days, settings.grc_lost_days],
    }))
    """
)
EXPECTED_ADMIN_EDITS = {
    "step": ["First Call", 99],
    "archived_step_active": False,
    "template_subject": "Merci beaucoup",
    "loyalty_rule_active": False,
    "thank_you_rule_active": True,
    "churn_reason": "Too expensive",
    "thresholds": ["90", "200"],
    "settings_form": [90, 200],
}

DROP_SCRIPT = textwrap.dedent(
    """
    import odoo.service.db as db
    if db.exp_db_exist({db!r}):
        db.exp_drop({db!r})
    """
).format(db=DB)


@pytest.fixture(scope="module")
def odoo(odoo_bin, odoo_config, odoo_env_vars):
    o = Odoo(odoo_bin, odoo_config, odoo_env_vars)
    # Drop a leftover of an interrupted run, then our database, through Odoo.
    o.shell(DROP_SCRIPT, db=None)
    yield o
    o.shell(DROP_SCRIPT, db=None)


def test_install_upgrade_uninstall_reinstall_keeps_crm_data(odoo):
    odoo.server("-i", "crm")
    odoo.shell(
        textwrap.dedent(
            """
            Partner = env["res.partner"]
            company = Partner.create({"name": "Lifecycle Corp", "is_company": True})
            contact = Partner.create({"name": "Léa Lifecycle", "parent_id": company.id})
            won_customer = Partner.create({"name": "Won Customer", "is_company": True})
            lost_prospect = Partner.create(
                {"name": "Lost Prospect", "is_company": True}
            )
            leads = env["crm.lead"].create([
                {"name": "Lifecycle lead", "type": "lead", "partner_id": contact.id},
                {"name": "Lifecycle opportunity", "type": "opportunity",
                 "partner_id": company.id, "expected_revenue": 1000},
                {"name": "Lifecycle won", "type": "opportunity",
                 "partner_id": won_customer.id, "expected_revenue": 5000},
                {"name": "Lifecycle lost", "type": "opportunity",
                 "partner_id": lost_prospect.id, "expected_revenue": 700},
            ])
            leads[2].action_set_won()
            leads[3].action_set_lost()
            env.cr.commit()
            """
        )
    )
    before = odoo.counts()
    assert before["state"] == "uninstalled"
    assert {"Lifecycle lead", "Lifecycle opportunity"} <= set(before["lead_names"])

    steps = {
        "install": lambda: odoo.server("-i", ADDON),
        "upgrade": lambda: odoo.server("-u", ADDON),
        "uninstall": lambda: odoo.shell(
            textwrap.dedent(
                """
                env["ir.module.module"].search(
                    [("name", "=", "{addon}")]
                ).button_immediate_uninstall()
                env.cr.commit()
                """
            ).format(addon=ADDON)
        ),
        "reinstall": lambda: odoo.server("-i", ADDON),
    }
    expected_state = {
        "install": "installed",
        "upgrade": "installed",
        "uninstall": "uninstalled",
        "reinstall": "installed",
    }
    for step, action in steps.items():
        if step == "upgrade":
            odoo.shell(ADMIN_EDITS_SCRIPT)
        output = action()
        assert not problems(output), f"{step}: {problems(output)}"
        after = odoo.counts()
        assert after["state"] == expected_state[step], step
        assert after["leads"] == before["leads"], step
        assert after["partners"] == before["partners"], step
        assert after["lead_names"] == before["lead_names"], step
        if step == "install":
            # the addon's fields computed from the existing CRM data
            fields_after_install = odoo.shell_json(ADDON_FIELDS_SCRIPT)
            assert fields_after_install["won_customer"]["customer_status"] == "customer"
            assert fields_after_install["won_customer"]["last_purchase_date"]
            assert fields_after_install["won_customer"]["events"] == [
                ["prospect", "customer"]
            ]
            assert (
                fields_after_install["lost_prospect"]["customer_status"] == "prospect"
            )
            assert fields_after_install["lost_prospect"]["events"] == []
            assert fields_after_install["interview_lines"] == {
                "Lifecycle lead": 9,
                "Lifecycle opportunity": 9,
            }
        if step == "upgrade":
            # -u keeps every admin edit of the noupdate data and the settings
            assert odoo.shell_json(ADMIN_EDITS_CHECK_SCRIPT) == EXPECTED_ADMIN_EDITS
