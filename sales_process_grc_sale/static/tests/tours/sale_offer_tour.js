/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// A salesperson sends the quotation of an opportunity by email, then confirms
// it: the Offer step of the interview is done, the opportunity becomes hot.
registry.category("web_tour.tours").add("sales_process_grc_sale_offer_tour", {
  steps: () => [
    {
      content: "Send the quotation by email",
      trigger: ".o_form_view button[name=action_quotation_send]",
      run: "click",
    },
    {
      content: "Send the email",
      trigger: ".modal button[name=action_send_mail]",
      run: "click",
    },
    {
      content: "The quotation is sent",
      // the current state: a button on a wide screen, the dropdown on a phone
      trigger: `.o_form_view .o_statusbar_status button[aria-checked=true]:contains('Quotation Sent'),
        .o_form_view .o_statusbar_status .dropdown-toggle:contains('Quotation Sent')`,
    },
    {
      content: "Confirm the quotation",
      trigger: ".o_form_view button[name=action_confirm]",
      run: "click",
    },
    {
      content: "The quotation is a sales order",
      // the current state: a button on a wide screen, the dropdown on a phone
      trigger: `.o_form_view .o_statusbar_status button[aria-checked=true]:contains('Sales Order'),
        .o_form_view .o_statusbar_status .dropdown-toggle:contains('Sales Order')`,
    },
  ],
});
