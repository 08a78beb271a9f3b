# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import SalesProcessCase


class AttritionCase(SalesProcessCase):
    """crm's two companies (company_main, company_2), its users and generic
    won stage, and helpers shared by the attrition tests."""

    multi_company = True

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company_a = cls.company_main
        cls.company_b = cls.company_2
        cls.salesman_b = cls.user_sales_salesman_c2
        cls.team_leader = cls.user_sales_leads
        # the sales manager and the administrator work in both companies
        cls.sales_manager = cls.user_sales_manager
        cls.admin = cls.user_admin
        (cls.sales_manager | cls.admin).write({"company_ids": [(4, cls.company_b.id)]})
        cls.won_stage = cls.stage_gen_won
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
        """Create one opportunity per partner (as ``user``, the test's user
        by default) and win them all at once."""
        user = user or self.env.user
        leads = self._create_leads(
            partners=partners,
            user=user,
            company=company or self.company_a,
            as_user=True,
            name="Deal {partner}",
        )
        leads.action_set_won()
        return leads

    def _events(self, partners):
        return self.env["sales.customer.status.event"].search(
            [("partner_id", "in", partners.ids)], order="date, id"
        )

    def _classify(self, **kwargs):
        self._run_cron("res.partner", "_cron_grc_classify_customers", **kwargs)
