/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {
  line,
  lineButton,
} from "@sales_process_grc/../tests/tours/utils/interview_lines";
import {registry} from "@web/core/registry";

const GUIDANCE = ".o_sales_interview_guidance";
const REFUSAL = ".modal:contains('Before entering the stage Tour Gate')";

function lineState(step, state) {
  return line(step)
    .map((selector) => `${selector} [name=state]:contains('${state}')`)
    .join(", ");
}

function refusal(device) {
  return [
    {
      isActive: [device],
      trigger: `${REFUSAL}:contains('Contact')`,
      content: "The move is refused: the Contact step is still to do",
    },
    {
      isActive: [device],
      trigger: ".modal .modal-footer .btn-primary",
      content: "Close the message",
      run: "click",
    },
    {
      isActive: [device],
      trigger: "body:not(:has(.modal))",
    },
  ];
}

function moveOnPhone() {
  return [
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
      trigger: lineButton("Preparation", "action_done"),
      content: "Tick the Preparation step",
      run: "click",
    },
    {
      trigger: lineState("Preparation", "Done"),
    },
    {
      trigger: `${GUIDANCE}:contains('Meet or call the customer')`,
      content: "The guidance moved to the Contact step",
    },
    // Log an objection: a new row on wide screens, a dialog on phones
    {
      isActive: ["desktop"],
      trigger: ".o_field_widget[name=objection_ids] .o_field_x2many_list_row_add a",
      content: "Log an objection",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".o_field_widget[name=objection_ids] .o-kanban-button-new",
      content: "Log an objection",
      run: "click",
    },
    {
      isActive: ["desktop"],
      trigger: ".o_field_widget[name=objection_type_id] input",
      run: "edit Too exp",
    },
    {
      isActive: ["desktop"],
      trigger: ".o-autocomplete--dropdown-item:contains('Too expensive')",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".o_field_widget[name=objection_type_id] input",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger:
        ".modal .o_data_row:contains('Too expensive'), .modal .o_kanban_record:contains('Too expensive')",
      content: "Pick the objection in the catalogue",
      run: "click",
    },
    {
      trigger: ".o_field_widget[name=statement] textarea",
      run: "edit Your competitor is cheaper",
    },
    {
      isActive: ["mobile"],
      trigger: ".modal .o_form_button_save",
      content: "Keep the objection",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger:
        ".o_field_widget[name=objection_ids] .o_kanban_record:contains('Your competitor is cheaper')",
    },
    {
      trigger: ".o_form_button_save:enabled",
      content: "Save the lead",
      run: "click",
    },
    {
      trigger: ".o_form_saved",
    },
    // Wide screens: drag the card to the gated stage in the pipeline
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
    ...refusal("desktop"),
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
    // Phones: pick the gated stage in the status bar
    ...moveOnPhone(),
    ...refusal("mobile"),
    {
      isActive: ["mobile"],
      trigger: ".o_form_button_cancel",
      content: "Discard the refused move",
      run: "click",
    },
    // Complete the step: the move is accepted
    {
      trigger: lineButton("Making Contact", "action_done"),
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
    ...moveOnPhone(),
    {
      trigger: ".o_form_saved",
    },
    {
      trigger: ".o_statusbar_status:contains('Tour Gate')",
    },
    {
      trigger: "button[name=action_set_won_rainbowman]",
      content: "Win the lead",
      run: "click",
    },
    {
      trigger: lineState("Closing", "Done"),
      content: "Winning ticked the Closing step",
    },
  ],
});
