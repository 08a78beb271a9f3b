# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one base class of the addon's tests, on crm's ``TestCrmCommon``.

crm gives the company (``company_main``), the users (``user_sales_manager``,
``user_sales_leads``, ``user_sales_salesman``, ``user_admin``), the sales
team ``sales_team_1`` with its stages (``stage_team1_1``, ``stage_team1_2``,
``stage_team1_won``), generic stages (``stage_gen_1``, ``stage_gen_won``),
contacts, French and English activated, mail's gateway mocks (``MailCase``),
and on demand a second company (``_activate_multi_company``: ``company_2``,
``team_company2``, ``user_sales_manager_mc``). This class adds only what the
addon needs: its interview steps, a salesman of the second company, and the
helpers for creating leads, running the addon's crons and loading its French
terms. The feature bases (attrition, automation, interview, temperature,
reports) are thin subclasses that name these records for their tests.
"""

import importlib.util
import time
from pathlib import Path

from odoo.addons.crm.tests.common import TestCrmCommon
from odoo.addons.mail.tests.common import mail_new_test_user


def load_migration(version, script):
    """The migration script ``script`` ("pre-migrate", "post-migrate") of the
    addon's ``version``, loaded as a module (its file name is not a module
    name)."""
    path = Path(__file__).parent.parent / "migrations" / version / f"{script}.py"
    name = f"grc_{script}_{version}".replace("-", "_").replace(".", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    return migration


class SalesProcessCase(TestCrmCommon):
    """crm's test data, the addon's steps, a second company on demand
    (``multi_company``), and the helpers ``_create_leads``, ``_run_cron``
    and ``_activate_french``."""

    # a second company (crm's company_2) and a salesman of that company only
    multi_company = False

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company = cls.company_main
        cls.salesman = cls.user_sales_salesman
        if cls.multi_company:
            cls._activate_multi_company()
        cls.Step = cls.env["sales.interview.step"]
        cls.step_preparation = cls.env.ref(
            "sales_process_grc.interview_step_preparation"
        )
        cls.step_contact = cls.env.ref("sales_process_grc.interview_step_contact")
        cls.step_discovery = cls.env.ref("sales_process_grc.interview_step_discovery")
        cls.step_offer = cls.env.ref("sales_process_grc.interview_step_offer")
        cls.step_closing = cls.env.ref("sales_process_grc.interview_step_closing")
        cls.step_leave_taking = cls.env.ref(
            "sales_process_grc.interview_step_leave_taking"
        )

    @classmethod
    def _activate_multi_company(cls):  # pylint: disable=missing-return
        super()._activate_multi_company()
        cls.user_sales_salesman_c2 = mail_new_test_user(
            cls.env,
            company_id=cls.company_2.id,
            company_ids=[(6, 0, cls.company_2.ids)],
            email="user.sales.salesman.c2@test.example.com",
            login="user_sales_salesman_c2",
            groups="sales_team.group_sale_salesman",
            name="Gwenaëlle Sales Own C2",
            notification_type="inbox",
        )

    # ------------------------------------------------------------
    # leads
    # ------------------------------------------------------------

    # leads are created with the rights of their salesperson (its record
    # rules, its company, its defaults), else as the test's superuser
    leads_as_user = False

    @classmethod
    def _lead_defaults(cls):
        """Values of every lead of ``_create_leads`` (before its own)."""
        return {"name": "Lead {index}", "type": "opportunity"}

    @classmethod
    def _lead_values(cls, count=None, user=None, partners=None, company=None, **values):
        """Values of ``count`` leads (default: one, or one per partner of
        ``partners``; the partners are cycled when ``count`` is larger): the
        class's defaults, the salesperson ``user`` (the class's salesman by
        default; ``user=False`` for none), ``company`` and ``values`` on top.
        ``name`` may hold ``{index}`` and ``{partner}`` (the partner's name)."""
        if count is None:
            count = len(partners) if partners else 1
        if user is None:
            user = cls.salesman
        base = {**cls._lead_defaults(), "user_id": user.id if user else False}
        if company:
            base["company_id"] = company.id
        base.update(values)
        vals_list = []
        for index in range(count):
            vals = dict(base)
            partner = partners[index % len(partners)] if partners else None
            if partner:
                vals["partner_id"] = partner.id
            if isinstance(vals.get("name"), str):
                vals["name"] = vals["name"].format(
                    index=index, partner=partner.name if partner else ""
                )
            vals_list.append(vals)
        return vals_list

    @classmethod
    def _create_leads(
        cls,
        count=None,
        user=None,
        partners=None,
        company=None,
        as_user=None,
        context=None,
        **values,
    ):
        """The one helper creating leads in the tests: ``_lead_values`` (see
        there for ``count``, ``user``, ``partners``, ``company``, ``values``)
        created in one batch, with the rights of the salesperson when
        ``as_user`` (default: the class's ``leads_as_user``), in ``company``
        and with ``context`` when given."""
        vals_list = cls._lead_values(
            count, user=user, partners=partners, company=company, **values
        )
        lead_model = cls.env["crm.lead"]
        if as_user is None:
            as_user = cls.leads_as_user
        if as_user:
            lead_model = lead_model.with_user(user or cls.salesman)
        if company:
            lead_model = lead_model.with_company(company)
        if context:
            lead_model = lead_model.with_context(**context)
        return lead_model.create(vals_list)

    # ------------------------------------------------------------
    # crons
    # ------------------------------------------------------------

    def _run_cron(self, model, method, context=None, **kwargs):
        """Run the scheduled action's method ``model.method(**kwargs)`` the
        way the scheduler does: on its own cursor (whose commits,
        _commit_progress, are savepoints in tests), with ``context`` (see
        ``_cron_context``) on top of the test's; pending writes are flushed
        first, the test's cache is invalidated after."""
        self.env.flush_all()
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr, context=dict(self.env.context, **(context or {})))
            getattr(env[model], method)(**kwargs)
        self.env.invalidate_all()

    def _cron_context(self, xmlid, out_of_time=False):
        """Context of a scheduled run of the cron ``xmlid`` (with a progress
        record), optionally with its time already over; and the progress."""
        cron = self.env.ref(xmlid)
        cron, progress = cron._add_progress()
        context = {"cron_id": cron.id, "ir_cron_progress_id": progress.id}
        if out_of_time:
            context["cron_end_time"] = time.monotonic() - 1
        return context, progress

    # ------------------------------------------------------------
    # French
    # ------------------------------------------------------------

    @classmethod
    def _activate_french(cls, modules=("sales_process_grc",)):
        """French (crm's set-up activates the language) with the terms of
        ``modules`` loaded (a test database has none)."""
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            list(modules), ["fr_FR"], overwrite=True
        )
