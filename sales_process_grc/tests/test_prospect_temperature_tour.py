# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


class ProspectTemperatureTourCase(HttpCase):
    """A salesman sets a temperature from the pipeline kanban, then from the
    lead form (tour ``sales_process_grc_prospect_temperature``)."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="grc_tour_salesman",
            name="Tour Salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "GRC Tour Team", "member_ids": [(4, cls.salesman.id)]}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Tour Temperature Lead",
                "type": "opportunity",
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
            }
        )

    def _run_tour(self):
        self.start_tour(
            "/odoo/action-crm.crm_lead_action_pipeline?view_type=kanban",
            "sales_process_grc_prospect_temperature",
            login=self.salesman.login,
        )
        self.assertEqual(self.lead.prospect_temperature, "hot")
        trackings = self.lead.message_ids.tracking_value_ids.filtered(
            lambda tracking: tracking.field_id.name == "prospect_temperature"
        )
        self.assertEqual(sorted(trackings.mapped("new_value_char")), ["Hot", "Warm"])


@tagged("post_install", "-at_install")
class TestProspectTemperatureTourDesktop(ProspectTemperatureTourCase):
    def test_tour_desktop(self):
        self._run_tour()

    def test_tour_list(self):
        self.start_tour(
            "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
            "sales_process_grc_prospect_temperature_list",
            login=self.salesman.login,
        )
        self.assertEqual(self.lead.prospect_temperature, "cold")


@tagged("post_install", "-at_install")
class TestProspectTemperatureTourPhone(ProspectTemperatureTourCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_tour_phone(self):
        self._run_tour()
