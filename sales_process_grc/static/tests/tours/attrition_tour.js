/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// A salesperson opens the at-risk and lost customers, marks one as lost with
// a reason, and sees the status and the chatter note on the customer.
registry.category("web_tour.tours").add("sales_process_grc_attrition_tour", {
  steps: () => [
    {
      content: "Open the at-risk customer",
      trigger: ".o_data_row:contains('Tour Attrition Customer') .o_data_cell",
      run: "click",
    },
    {
      content: "The status badge says at risk",
      trigger:
        ".o_form_view div[name=customer_status_badge] .badge:contains('At Risk')",
    },
    {
      content: "Mark the customer as lost",
      trigger:
        ".o_form_view div[name=customer_status_badge] button:contains('Mark as Lost')",
      run: "click",
    },
    {
      content: "Choose the churn reason",
      trigger:
        ".modal .o_field_widget[name=churn_reason_id] .o_radio_item:contains('Price') input",
      run: "click",
    },
    {
      content: "Say what happened",
      trigger: ".modal .o_field_widget[name=note] textarea",
      run: "edit Found cheaper elsewhere",
    },
    {
      content: "Confirm",
      trigger: ".modal button[name=action_mark_lost]",
      run: "click",
    },
    {
      content: "The customer is now lost",
      trigger:
        "body:not(:has(.modal)) .o_form_view div[name=customer_status_badge] .badge:contains('Lost')",
    },
    {
      content: "The chatter logs why",
      trigger: ".o-mail-Message:contains('Found cheaper elsewhere')",
    },
  ],
});
