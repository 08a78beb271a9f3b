# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .attrition_common import AttritionCase


@tagged("post_install", "-at_install")
class TestReengagement(AttritionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        partner_model = cls.env["res.partner"]
        cls.lost = partner_model.create(
            {"name": "Lost Ltd", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.at_risk = partner_model.create({"name": "At Risk Ltd", "is_company": True})
        cls.lost_busy = partner_model.create(
            {"name": "Lost Busy Ltd", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.active = partner_model.create({"name": "Active Ltd", "is_company": True})
        cls.lost_contact = partner_model.create(
            {"name": "Lost Contact", "parent_id": cls.lost.id}
        )

    def setUp(self):  # pylint: disable=invalid-name
        super().setUp()
        with freeze_time("2024-01-10 10:00:00"):
            self._win(self.lost | self.lost_busy)
        with freeze_time("2024-06-10 10:00:00"):
            self._win(self.at_risk)
        with freeze_time("2025-01-20 10:00:00"):
            self._classify()
            self._win(self.active)
        self.assertEqual(self.lost.customer_status, "lost")
        self.assertEqual(self.lost_busy.customer_status, "lost")
        self.assertEqual(self.at_risk.customer_status, "at_risk")
        # an open opportunity already exists for lost_busy (through a contact)
        busy_contact = self.env["res.partner"].create(
            {"name": "Busy Contact", "parent_id": self.lost_busy.id}
        )
        self.open_lead = self._create_leads(
            user=False,
            partners=busy_contact,
            company=self.company_a,
            name="Already on it",
        )

    def _wizard(self, partners, user=None):
        return Form(
            self.env["sales.reengagement.wizard"]
            .with_user(user or self.team_leader)
            .with_context(active_model="res.partner", active_ids=partners.ids)
        )

    def _created_leads(self, action):
        """The opportunities the wizard's notification opens (none: no
        next window)."""
        domain = action["params"]["next"].get("domain")
        return self.env["crm.lead"].search(domain) if domain else self.env["crm.lead"]

    def test_creates_reengagement_opportunities(self):
        selection = self.lost_contact | self.at_risk | self.lost_busy | self.active
        wizard_form = self._wizard(selection)
        # the active customer is not proposed; the contact stands for its company
        self.assertEqual(
            set(wizard_form.partner_ids.ids),
            {self.lost.id, self.at_risk.id, self.lost_busy.id},
        )
        wizard = wizard_form.save()
        action = wizard.action_create_opportunities()
        leads = self._created_leads(action)
        self.assertEqual(len(leads), 2)
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("2 re-engagement opportunities", action["params"]["message"])
        self.assertIn("1 customers skipped", action["params"]["message"])
        by_partner = {lead.partner_id: lead for lead in leads}
        self.assertEqual(set(by_partner), {self.lost, self.at_risk})
        self.assertRecordValues(
            by_partner[self.lost],
            [
                {
                    "type": "opportunity",
                    "prospecting_goal": "reengagement",
                    "user_id": self.salesman.id,
                }
            ],
        )
        # no salesperson on the customer: the user of the wizard
        self.assertEqual(by_partner[self.at_risk].user_id, self.team_leader)

    def test_second_run_skips_everything(self):
        partners = self.lost | self.at_risk
        self._wizard(partners).save().action_create_opportunities()
        wizard = self._wizard(partners).save()
        action = wizard.action_create_opportunities()
        self.assertNotIn("domain", action["params"]["next"])
        self.assertIn("0 re-engagement opportunities", action["params"]["message"])
        self.assertIn("2 customers skipped", action["params"]["message"])
        self.assertEqual(action["params"]["type"], "warning")

    def test_reengaged_customer_winning_is_won_back(self):
        wizard = self._wizard(self.lost).save()
        leads = self._created_leads(wizard.action_create_opportunities())
        with freeze_time("2025-02-01 10:00:00"):
            leads.action_set_won()
        self.assertEqual(self.lost.customer_status, "customer")
        self.assertEqual(self._events(self.lost)[-1].event_type, "won_back")

    def test_plain_salesman_cannot_use_the_wizard(self):
        with self.assertRaises(AccessError):
            self.env["sales.reengagement.wizard"].with_user(self.salesman).create(
                {"partner_ids": [(6, 0, self.lost.ids)]}
            )

    def _former_customer_of_b(self, name, **values):
        """A customer won and lost in company B."""
        partner = self.env["res.partner"].create(
            {"name": name, "is_company": True, **values}
        )
        with freeze_time("2024-01-10 10:00:00"):
            self._win(partner, company=self.company_b, user=self.salesman_b)
        with freeze_time("2025-01-20 10:00:00"):
            partner._grc_set_customer_status("lost", reason=self.price)
        self.assertEqual(self._events(partner)[-1].company_id, self.company_b)
        return partner

    def _leads_of(self, partner):
        return (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "=", partner.id)])
        )

    def test_customers_of_another_company_are_left_to_it(self):
        """A company-A team leader cannot re-engage a customer whose history
        is in company B: a shared customer (no company) is skipped with a
        message naming it, a customer of company B is not even proposed."""
        shared = self._former_customer_of_b("Shared Lost Ltd")
        own_b = self._former_customer_of_b("B Lost Ltd", company_id=self.company_b.id)
        before = {partner: self._leads_of(partner) for partner in (shared, own_b)}
        wizard_form = self._wizard(self.lost | shared | own_b)
        self.assertEqual(set(wizard_form.partner_ids.ids), {self.lost.id, shared.id})
        wizard = wizard_form.save()
        action = wizard.action_create_opportunities()
        leads = self._created_leads(action)
        self.assertEqual(leads.partner_id, self.lost)
        self.assertEqual(leads.company_id, self.company_a)
        self.assertIn("1 customers skipped", action["params"]["message"])
        self.assertIn("Shared Lost Ltd", action["params"]["message"])
        self.assertIn("not working in", action["params"]["message"])
        for partner, leads in before.items():
            self.assertEqual(self._leads_of(partner), leads)
        # given by id (RPC), company B's own customer is not reachable either
        wizard = (
            self.env["sales.reengagement.wizard"]
            .with_user(self.team_leader)
            .create({"partner_ids": [(6, 0, own_b.ids)]})
        )
        self.env.invalidate_all()
        with self.assertRaisesRegex(UserError, "Select at least one customer"):
            wizard.action_create_opportunities()
        self.assertEqual(self._leads_of(own_b), before[own_b])
        self.assertEqual(shared.customer_status, "lost")
        self.assertEqual(self._events(shared)[-1].company_id, self.company_b)

    def test_message_of_another_company_is_translated(self):
        self._activate_french()
        shared = self._former_customer_of_b("Shared Lost Ltd")
        wizard = self._wizard(shared).save().with_context(lang="fr_FR")
        message = wizard.action_create_opportunities()["params"]["message"]
        self.assertIn("Shared Lost Ltd", message)
        self.assertNotIn("not working in", message)

    def test_reengaged_in_the_company_of_the_history(self):
        """A manager working in both companies re-engages company B's customer
        in company B, for its salesperson there: winning it back keeps the
        history in company B."""
        shared = self._former_customer_of_b(
            "Shared Lost Ltd", user_id=self.salesman_b.id
        )
        wizard = (
            self.env["sales.reengagement.wizard"]
            .with_user(self.sales_manager)
            .with_context(
                allowed_company_ids=[self.company_a.id, self.company_b.id],
                active_model="res.partner",
                active_ids=shared.ids,
            )
        )
        wizard = Form(wizard).save()
        lead = self._created_leads(wizard.action_create_opportunities())
        self.assertEqual(lead.partner_id, shared)
        self.assertEqual(lead.company_id, self.company_b)
        self.assertEqual(lead.user_id, self.salesman_b)
        lead.with_env(self.env).with_user(self.salesman_b).action_set_won()
        self.assertEqual(shared.customer_status, "customer")
        event = self._events(shared)[-1]
        self.assertEqual(event.event_type, "won_back")
        self.assertEqual(event.company_id, self.company_b)


@tagged("post_install", "-at_install")
class TestProspectingGoal(AttritionCase):
    def test_prospecting_goal_filter_and_group_by(self):
        lead_model = self.env["crm.lead"]
        lead_model.create(
            [
                {"name": "A", "type": "opportunity", "prospecting_goal": "new_product"},
                {"name": "B", "type": "opportunity", "prospecting_goal": "new_zone"},
                {"name": "C", "type": "opportunity", "prospecting_goal": "new_zone"},
                {
                    "name": "D",
                    "type": "opportunity",
                    "prospecting_goal": "reengagement",
                },
            ]
        )
        groups = dict(
            lead_model._read_group(
                [("name", "in", ["A", "B", "C", "D"])],
                ["prospecting_goal"],
                ["__count"],
            )
        )
        self.assertEqual(groups, {"new_product": 1, "new_zone": 2, "reengagement": 1})
        selection = dict(lead_model._fields["prospecting_goal"].selection)
        self.assertEqual(
            set(selection), {"new_product", "new_target", "new_zone", "reengagement"}
        )

    def test_search_views_offer_filter_and_group_by(self):
        for xmlid in (
            "crm.view_crm_case_opportunities_filter",
            "crm.crm_opportunity_report_view_search",
        ):
            arch = self.env["crm.lead"].get_view(self.env.ref(xmlid).id, "search")[
                "arch"
            ]
            with self.subTest(view=xmlid):
                self.assertIn("filter_prospecting_goal_reengagement", arch)
                self.assertIn("groupby_prospecting_goal", arch)
