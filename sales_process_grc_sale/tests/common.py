# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.sales_process_grc_sale.models.res_partner import PURCHASE_SOURCE_PARAM


def messages_with(record, text):
    """The messages of ``record`` whose body contains ``text``."""
    return record.message_ids.filtered(lambda message: text in (message.body or ""))


class GrcSaleCase(TransactionCase):
    """A salesman with sale's own-documents rights, a customer company with a
    contact, his opportunity, a service product and helpers."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company = cls.env.company
        cls.salesman = new_test_user(
            cls.env,
            login="grc_sale_salesman",
            name="Sam Salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.other_salesman = new_test_user(
            cls.env,
            login="grc_sale_other",
            name="Olga Other",
            groups="sales_team.group_sale_salesman",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Acme Widgets", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Alice Buyer", "parent_id": cls.customer.id}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Installation", "type": "service", "list_price": 100.0}
        )
        cls.payment_term = cls.env["account.payment.term"].create(
            {"name": "GRC 45 Days"}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Acme: widgets",
                "type": "opportunity",
                "partner_id": cls.contact.id,
                "user_id": cls.salesman.id,
                "prospect_temperature": "warm",
            }
        )
        cls.offer_step = cls.env.ref("sales_process_grc.interview_step_offer")
        cls._set_source("sale_order")

    @classmethod
    def _set_source(cls, source):
        cls.env["ir.config_parameter"].sudo().set_param(PURCHASE_SOURCE_PARAM, source)

    def _order(self, partner=None, lead=None, user=None, price=100.0, **values):
        user = user or self.salesman
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.contact).id,
                    "opportunity_id": lead.id if lead else False,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.product.id,
                                "product_uom_qty": 1,
                                "price_unit": price,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                    **values,
                }
            )
        )

    def _classify(self):
        """The daily classification, run the way the scheduler does: on its
        own cursor, whose commits (_commit_progress) are savepoints in tests."""
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            self.env(cr=cr)["res.partner"]._cron_grc_classify_customers()
        self.env.invalidate_all()

    def _offer_line(self, lead=None):
        return (lead or self.lead).interview_line_ids.filtered(
            lambda line: line.step_id == self.offer_step
        )

    def _notes(self, lead=None):
        return (lead or self.lead).message_ids.filtered(
            lambda message: message.message_type == "notification"
            or message.subtype_id == self.env.ref("mail.mt_note")
        )
