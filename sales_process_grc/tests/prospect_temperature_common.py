# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import SalesProcessCase


class ProspectTemperatureCase(SalesProcessCase):
    """Data shared by the prospect temperature tests: crm's sales team with
    its stages (the proposition makes leads hot), crm's salesman (lowest
    rights, own leads), a customer company with two contacts."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.team = cls.sales_team_1
        cls.stage_new = cls.stage_team1_1
        cls.stage_proposal = cls.stage_team1_2
        cls.stage_proposal.prospect_temperature = "hot"
        cls.stage_won = cls.stage_team1_won
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
    def _lead_defaults(cls):
        return {
            "name": "GRC Lead",
            "type": "opportunity",
            "team_id": cls.team.id,
            "stage_id": cls.stage_new.id,
        }

    def _temperature_notes(self, lead):
        """Internal notes of ``lead`` carrying a temperature change."""
        return lead.message_ids.filtered(
            lambda message: message.tracking_value_ids.filtered(
                lambda tracking: tracking.field_id.name == "prospect_temperature"
            )
        )
