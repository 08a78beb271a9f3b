# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import GrcSaleCase, messages_with

# a 1x1 PNG, as the portal's signature pad sends
PIXEL = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    b"YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestSaleOffer(GrcSaleCase):
    """Offer = quotation, hot = the quote accepted, as a salesman with sale's
    own-documents rights."""

    def test_quotation_sent_marks_the_offer_step_done(self):
        order = self._order(
            lead=self.lead,
            payment_term_id=self.payment_term.id,
            commitment_date=datetime(2026, 3, 20, 9, 0),
        )
        self.assertEqual(self._offer_line().state, "todo")
        self.assertFalse(self.lead.offer_order_id, "a draft is not an offer yet")
        with freeze_time("2026-03-02 10:30:00"):
            order.with_user(self.salesman).action_quotation_sent()
            self.env.flush_all()
        line = self._offer_line()
        self.assertEqual(line.state, "done")
        self.assertEqual(line.done_date, datetime(2026, 3, 2, 10, 30))
        self.assertEqual(line.done_user_id, self.salesman)
        self.assertEqual(self.lead.offer_presented_date, datetime(2026, 3, 2, 10, 30))
        # the lead's offer is the quotation
        lead = self.lead.with_user(self.salesman)
        self.assertEqual(lead.offer_order_id, order)
        self.assertEqual(lead.offer_amount, 100.0)
        self.assertEqual(lead.offer_payment_term_id, self.payment_term)
        self.assertEqual(lead.offer_delivery_date, datetime(2026, 3, 20, 9, 0))
        # sending is not accepting
        self.assertEqual(self.lead.prospect_temperature, "warm")

    def test_quotation_sent_by_email_marks_the_offer_step_done(self):
        order = self._order(lead=self.lead)
        # what the "Send by Email" composer does when sending
        order.with_user(self.salesman).with_context(mark_so_as_sent=True).message_post(
            body="Your quotation", message_type="comment"
        )
        self.assertEqual(order.state, "sent")
        self.assertEqual(self._offer_line().state, "done")

    def test_offer_delivery_date_defaults_to_the_expected_date(self):
        self.product.type = "consu"
        order = self._order(lead=self.lead)
        order.with_user(self.salesman).action_quotation_sent()
        self.assertTrue(order.expected_date)
        self.assertEqual(self.lead.offer_delivery_date, order.expected_date)

    def test_lead_form_shows_the_quotation_as_offer(self):
        order = self._order(lead=self.lead, payment_term_id=self.payment_term.id)
        order.with_user(self.salesman).action_quotation_sent()
        form = Form(self.lead.with_user(self.salesman))
        self.assertEqual(form.offer_order_id, order)
        self.assertEqual(form.offer_payment_term_id, self.payment_term)

    def test_confirmed_quotation_makes_the_lead_hot_with_explanation(self):
        order = self._order(lead=self.lead)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.lead.prospect_temperature, "hot")
        # confirmed without being sent: the offer was presented all the same
        self.assertEqual(self._offer_line().state, "done")
        note = messages_with(self.lead, f"Quotation {order.name} confirmed")
        self.assertEqual(len(note), 1)
        tracking = note.sudo().tracking_value_ids
        self.assertEqual(tracking.field_id.name, "prospect_temperature")
        self.assertEqual(tracking.old_value_char, "Warm")
        self.assertEqual(tracking.new_value_char, "Hot")

    def test_confirmed_quotation_explained_by_mails_tracking(self):
        """A lead created in an earlier transaction (another RPC, as in
        production): the cause is the body of mail's own tracking message,
        logged at commit."""
        order = self._order(lead=self.lead)
        self.env.flush_all()
        self.env.cr.precommit.run()
        order.with_user(self.salesman).action_confirm()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.lead.invalidate_recordset(["message_ids"])
        note = messages_with(self.lead, f"Quotation {order.name} confirmed")
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.salesman.partner_id)
        # sale_crm explains its expected revenue update in the same message
        self.assertIn("Expected revenue has been updated", note.body)
        tracking = note.sudo().tracking_value_ids.filtered(
            lambda tracking: tracking.field_id.name == "prospect_temperature"
        )
        self.assertEqual(tracking.old_value_char, "Warm")
        self.assertEqual(tracking.new_value_char, "Hot")

    def test_signed_quotation_makes_the_lead_hot(self):
        order = self._order(lead=self.lead)
        order.with_user(self.salesman).action_quotation_sent()
        # the portal signs as superuser; payment may still be due (no confirm)
        order.sudo().write({"signature": PIXEL, "signed_by": "Alice"})
        self.assertEqual(order.state, "sent")
        self.assertEqual(self.lead.prospect_temperature, "hot")
        self.assertTrue(messages_with(self.lead, f"Quotation {order.name} signed"))

    def test_cancelled_quotation_is_logged_and_warms_nothing(self):
        self.lead.prospect_temperature = "cold"
        order = self._order(lead=self.lead)
        order.with_user(self.salesman).action_quotation_sent()
        order.with_user(self.salesman).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(self.lead.prospect_temperature, "cold")
        self.assertTrue(messages_with(self.lead, f"Quotation {order.name} cancelled"))
        self.assertEqual(self.customer.customer_status, "prospect")

    def test_order_without_opportunity_touches_no_lead(self):
        order = self._order()
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(self.lead.prospect_temperature, "warm")
        self.assertEqual(self._offer_line().state, "todo")

    def _interview_sheet_html(self):
        """The interview sheet of the opportunity, as the salesman prints it."""
        return (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html(
                "sales_process_grc.action_report_interview_sheet", self.lead.ids
            )[0]
            .decode()
        )

    def test_interview_sheet_lists_the_quotations(self):
        sent = self._order(lead=self.lead, payment_term_id=self.payment_term.id)
        sent.with_user(self.salesman).action_quotation_sent()
        cancelled = self._order(lead=self.lead)
        cancelled.with_user(self.salesman).action_cancel()
        html = self._interview_sheet_html()
        self.assertIn('name="quotations"', html)
        self.assertIn(sent.name, html)
        self.assertIn("GRC 45 Days", html)
        self.assertIn("Quotation Sent", html)
        self.assertNotIn(cancelled.name, html)

    def test_interview_sheet_without_quotation(self):
        html = self._interview_sheet_html()
        self.assertIn("No quotation yet.", html)
