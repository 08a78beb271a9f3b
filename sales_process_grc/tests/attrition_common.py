# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from odoo.tests import TransactionCase, new_test_user


class AttritionCase(TransactionCase):
    """Companies, users, a won stage and helpers shared by the attrition tests."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company_a = cls.env["res.company"].create({"name": "Attrition Company A"})
        cls.company_b = cls.env["res.company"].create({"name": "Attrition Company B"})
        companies = cls.company_a | cls.company_b
        cls.salesman = new_test_user(
            cls.env,
            login="grc_attr_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.salesman_b = new_test_user(
            cls.env,
            login="grc_attr_salesman_b",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )
        cls.team_leader = new_test_user(
            cls.env,
            login="grc_attr_leader",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.sales_manager = new_test_user(
            cls.env,
            login="grc_attr_manager",
            groups="sales_team.group_sale_manager",
            company_id=cls.company_a.id,
            company_ids=companies.ids,
        )
        cls.admin = new_test_user(
            cls.env,
            login="grc_attr_admin",
            groups="sales_team.group_sale_manager,base.group_system",
            company_id=cls.company_a.id,
            company_ids=companies.ids,
        )
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Attrition Won", "is_won": True, "sequence": 100}
        )
        cls.inactivity = cls.env.ref("sales_process_grc.churn_reason_inactivity")
        cls.price = cls.env.ref("sales_process_grc.churn_reason_price")

    @classmethod
    def _create_customers(cls, count, company, prefix="Customer", **values):
        return cls.env["res.partner"].create(
            [
                {
                    "name": f"{prefix} {company.name} {index}",
                    "is_company": True,
                    **values,
                }
                for index in range(count)
            ]
        )

    def _win(self, partners, company=None, user=None):
        """Create one opportunity per partner and win them all at once."""
        company = company or self.company_a
        leads = (
            self.env["crm.lead"]
            .with_user(user or self.env.user)
            .with_company(company)
            .create(
                [
                    {
                        "name": f"Deal {partner.name}",
                        "type": "opportunity",
                        "partner_id": partner.id,
                        "company_id": company.id,
                        "user_id": (user or self.env.user).id,
                    }
                    for partner in partners
                ]
            )
        )
        leads.action_set_won()
        return leads

    def _events(self, partners):
        return self.env["sales.customer.status.event"].search(
            [("partner_id", "in", partners.ids)], order="date, id"
        )

    def _run_in_cron_cursor(self, model, method, context=None, **kwargs):
        """Run a cron method the way the scheduler does: on its own cursor,
        whose commits (_commit_progress) are savepoints in tests."""
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr, context=dict(self.env.context, **(context or {})))
            getattr(env[model], method)(**kwargs)

    def _classify(self, **kwargs):
        self._run_in_cron_cursor(
            "res.partner", "_cron_grc_classify_customers", **kwargs
        )

    def _cron_context(self, xmlid, out_of_time=False):
        """Context of a scheduled run of the cron ``xmlid`` (with a progress
        record), optionally with its time already over."""
        cron = self.env.ref(xmlid)
        cron, progress = cron._add_progress()
        context = {"cron_id": cron.id, "ir_cron_progress_id": progress.id}
        if out_of_time:
            context["cron_end_time"] = time.monotonic() - 1
        return context, progress
