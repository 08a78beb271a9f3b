/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const LINES = ".o_field_widget[name=interview_line_ids]";
const GUIDANCE = ".o_sales_interview_guidance";
const REFUSAL = ".modal:contains('Before entering the stage Tour Gate')";

function closeRefusal() {
  return [
    {
      trigger: `${REFUSAL}:contains('Contact')`,
      content: "The move is refused: the Contact step is still to do",
    },
    {
      trigger: ".modal .modal-footer .btn-primary",
      content: "Close the message",
      run: "click",
    },
    {
      trigger: "body:not(:has(.modal))",
    },
  ];
}

registry.category("web_tour.tours").add("sales_process_grc_interview", {
  steps: () => [
    {
      trigger: ".o_form_view .o_notebook a.nav-link:contains('Sales Interview')",
      content: "Open the sales interview",
      run: "click",
    },
    {
      trigger: `${GUIDANCE}:contains('Prepare the sales interview')`,
      content: "The guidance of the current step is shown",
    },
    {
      trigger: `${LINES} .o_data_row:contains('Preparation') button[name=action_done]`,
      content: "Tick the Preparation step",
      run: "click",
    },
    {
      trigger: `${LINES} .o_data_row:contains('Preparation') td[name=state]:contains('Done')`,
    },
    {
      trigger: `${GUIDANCE}:contains('Meet or call the customer')`,
      content: "The guidance moved to the Contact step",
    },
    {
      trigger: ".o_field_widget[name=objection_ids] .o_field_x2many_list_row_add a",
      content: "Log an objection",
      run: "click",
    },
    {
      trigger: ".o_field_widget[name=objection_type_id] input",
      run: "edit Too exp",
    },
    {
      trigger: ".o-autocomplete--dropdown-item:contains('Too expensive')",
      run: "click",
    },
    {
      trigger: ".o_field_widget[name=statement] textarea",
      run: "edit Your competitor is cheaper",
    },
    {
      trigger: ".o_form_button_save:enabled",
      content: "Save the lead",
      run: "click",
    },
    {
      trigger: ".o_form_saved",
    },
    // Desktop: drag the card to the gated stage in the pipeline
    {
      isActive: ["desktop"],
      trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item a",
      content: "Back to the pipeline",
      run: "click",
    },
    {
      isActive: ["desktop"],
      trigger: ".o_kanban_record:contains('Tour Lead')",
      content: "Drag the lead to the gated stage",
      run: "drag_and_drop (.o_opportunity_kanban .o_kanban_group:has(.o_column_title:contains('Tour Gate')))",
    },
    ...closeRefusal().map((step) => ({...step, isActive: ["desktop"]})),
    {
      isActive: ["desktop"],
      trigger:
        ".o_kanban_group:has(.o_column_title:contains('Tour New')) .o_kanban_record:contains('Tour Lead')",
      content: "The lead stayed in its stage",
      run: "click",
    },
    {
      isActive: ["desktop"],
      trigger: ".o_form_view .o_notebook a.nav-link:contains('Sales Interview')",
      run: "click",
    },
    // Phone: pick the gated stage in the status bar
    {
      isActive: ["mobile"],
      trigger: ".o_statusbar_status .dropdown-toggle:contains('Tour New')",
      content: "Open the stages",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".dropdown-item:contains('Tour Gate')",
      content: "Move the lead to the gated stage",
      run: "click",
    },
    ...closeRefusal().map((step) => ({...step, isActive: ["mobile"]})),
    {
      isActive: ["mobile"],
      trigger: ".o_form_button_cancel",
      content: "Discard the refused move",
      run: "click",
    },
    // Complete the step, then the move is accepted
    {
      trigger: `${LINES} .o_data_row:contains('Contact') button[name=action_done]`,
      content: "Tick the Contact step",
      run: "click",
    },
    {
      trigger: `${GUIDANCE}:contains('Find out and analyse')`,
    },
    {
      isActive: ["desktop"],
      trigger: ".o_statusbar_status button[role=radio]:contains('Tour Gate')",
      content: "Move the lead to the gated stage",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".o_statusbar_status .dropdown-toggle:contains('Tour New')",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".dropdown-item:contains('Tour Gate')",
      content: "Move the lead to the gated stage",
      run: "click",
    },
    {
      trigger: ".o_form_saved",
    },
    {
      trigger: ".o_statusbar_status :contains('Tour Gate')",
    },
    {
      trigger: "button[name=action_set_won_rainbowman]",
      content: "Win the lead",
      run: "click",
    },
    {
      trigger: `${LINES} .o_data_row:contains('Closing') td[name=state]:contains('Done')`,
      content: "Winning ticked the Closing step",
    },
  ],
});
