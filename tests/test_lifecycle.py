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
            env["crm.lead"].create([
                {"name": "Lifecycle lead", "type": "lead", "partner_id": contact.id},
                {"name": "Lifecycle opportunity", "type": "opportunity",
                 "partner_id": company.id, "expected_revenue": 1000},
            ])
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
        output = action()
        assert not problems(output), f"{step}: {problems(output)}"
        after = odoo.counts()
        assert after["state"] == expected_state[step], step
        assert after["leads"] == before["leads"], step
        assert after["partners"] == before["partners"], step
        assert after["lead_names"] == before["lead_names"], step
