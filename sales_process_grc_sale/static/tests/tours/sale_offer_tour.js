/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// The form's current state is `label`: a button on a wide screen, the dropdown
// on a phone.
const stateIs = (label) =>
  `.o_form_view .o_statusbar_status button[aria-checked=true]:contains('${label}'),
        .o_form_view .o_statusbar_status .dropdown-toggle:contains('${label}')`;

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
      trigger: stateIs("Quotation Sent"),
    },
    {
      content: "Confirm the quotation",
      trigger: ".o_form_view button[name=action_confirm]",
      run: "click",
    },
    {
      content: "The quotation is a sales order",
      trigger: stateIs("Sales Order"),
    },
  ],
});
