# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user


class ProspectTemperatureCase(TransactionCase):
    """Data shared by the prospect temperature tests: a sales team with its
    stages, a salesman (lowest rights, own leads), a customer company with
    two contacts."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company = cls.env.company
        cls.salesman = new_test_user(
            cls.env,
            login="grc_temperature_salesman",
            name="Sam Salesman",
            email="sam.salesman@example.com",
            groups="sales_team.group_sale_salesman",
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "GRC Temperature Team", "member_ids": [(4, cls.salesman.id)]}
        )
        cls.stage_new = cls.env["crm.stage"].create(
            {"name": "GRC New", "sequence": 1, "team_ids": [(4, cls.team.id)]}
        )
        cls.stage_proposal = cls.env["crm.stage"].create(
            {
                "name": "GRC Proposition",
                "sequence": 2,
                "team_ids": [(4, cls.team.id)],
                "prospect_temperature": "hot",
            }
        )
        cls.stage_won = cls.env["crm.stage"].create(
            {
                "name": "GRC Won",
                "sequence": 3,
                "is_won": True,
                "team_ids": [(4, cls.team.id)],
            }
        )
        cls.customer_company = cls.env["res.partner"].create(
            {"name": "Martin SARL", "is_company": True}
        )
        cls.alice = cls.env["res.partner"].create(
            {
                "name": "Alice Martin",
                "email": "alice.martin@example.com",
                "parent_id": cls.customer_company.id,
            }
        )
        cls.bob = cls.env["res.partner"].create(
            {
                "name": "Bob Martin",
                "email": "bob.martin@example.com",
                "parent_id": cls.customer_company.id,
            }
        )

    @classmethod
    def _create_lead(cls, name="GRC Lead", **values):
        return cls.env["crm.lead"].create(
            {
                "name": name,
                "type": "opportunity",
                "team_id": cls.team.id,
                "user_id": cls.salesman.id,
                "stage_id": cls.stage_new.id,
                **values,
            }
        )

    def _temperature_notes(self, lead):
        """Internal notes of ``lead`` carrying a temperature change."""
        return lead.message_ids.filtered(
            lambda message: message.tracking_value_ids.filtered(
                lambda tracking: tracking.field_id.name == "prospect_temperature"
            )
        )
