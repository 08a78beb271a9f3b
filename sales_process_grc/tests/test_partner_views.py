# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartnerViews(TransactionCase):
    """The customer status and the prospect temperature show on the contact
    kanban card and, next to the name, in the contact list."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="grc_views_salesman", groups="sales_team.group_sale_salesman"
        )

    def _arch(self, view_type):
        views = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .get_views([(False, view_type)])
        )
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_kanban_card(self):
        arch = self._arch("kanban")
        card = arch.find(".//t[@t-name='card']")
        status = card.find(".//field[@name='customer_status']")
        temperature = card.find(".//field[@name='prospect_temperature']")
        self.assertEqual(status.get("widget"), "badge")
        self.assertEqual(temperature.get("widget"), "prospect_temperature")

    def test_list_columns_next_to_the_name(self):
        arch = self._arch("list")
        names = [field.get("name") for field in arch.iter("field")]
        position = names.index("complete_name")
        self.assertEqual(
            names[position + 1 : position + 3],
            ["customer_status", "prospect_temperature"],
        )

    def test_kanban_renders_for_a_customer(self):
        partner = self.env["res.partner"].create(
            {"name": "Views Customer", "is_company": True}
        )
        partner._grc_set_customer_status("customer")
        self.env["crm.lead"].create(
            {
                "name": "Views lead",
                "partner_id": partner.id,
                "prospect_temperature": "hot",
            }
        )
        data = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .web_search_read(
                [("id", "=", partner.id)],
                {"customer_status": {}, "prospect_temperature": {}},
            )
        )
        self.assertEqual(
            data["records"][0],
            {
                "id": partner.id,
                "customer_status": "customer",
                "prospect_temperature": "hot",
            },
        )
