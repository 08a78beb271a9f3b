/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {
  LINES,
  line,
  lineButton,
} from "@sales_process_grc/../tests/tours/utils/interview_lines";
import {registry} from "@web/core/registry";

/**
 * A salesperson's day, on a wide screen and on a 375 px phone: find the hot
 * leads of the pipeline, open one, run the interview with a note, log an
 * objection (phones show the recommended answer), pass the stage gate, win
 * the lead and find the loyalty follow-up activity that winning scheduled.
 */
const HOT = "Day Hot Lead";
const COLD = "Day Cold Lead";

registry.category("web_tour.tours").add("sales_process_grc_rep_day", {
  steps: () => [
    // Find the hot leads
    {
      trigger: `.o_kanban_record:contains('${COLD}')`,
      content: "The pipeline shows all the leads",
    },
    {
      isActive: ["mobile"],
      trigger: ".o_control_panel button:has(i.fa-search)",
      content: "Open the search",
      run: "click",
    },
    {
      trigger: ".o_searchview_dropdown_toggler",
      content: "Open the filters",
      run: "click",
    },
    {
      trigger: ".o_filter_menu .o-dropdown-item:contains('Hot')",
      content: "Only the hot leads",
      run: "click",
    },
    {
      trigger: `.o_searchview_facet:contains('Hot')`,
    },
    {
      trigger: `body:not(:has(.o_kanban_record:contains('${COLD}')))`,
      content: "The cold lead is filtered out",
    },
    {
      isActive: ["desktop"],
      trigger: ".o_searchview_dropdown_toggler",
      content: "Close the filters",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".o_searchview_dropdown_toggler",
      content: "Close the filters",
      run: "click",
    },
    {
      trigger: `.o_kanban_record:contains('${HOT}') .o_grc_temperature_badge[data-temperature='hot']`,
      content: "The hot lead is shown hot",
    },
    {
      trigger: `.o_kanban_record:contains('${HOT}') span:contains('${HOT}')`,
      content: "Open the hot lead",
      run: "click",
    },
    // Run the interview, with a note
    {
      trigger: ".o_form_view .o_notebook a.nav-link:contains('Sales Interview')",
      content: "Open the sales interview",
      run: "click",
    },
    {
      isActive: ["desktop"],
      trigger: `${LINES} .o_data_row:contains('Preparation') td[name=note]`,
      content: "Write a note on the preparation",
      run: "click",
    },
    {
      isActive: ["desktop"],
      trigger: `${LINES} .o_selected_row [name=note] textarea`,
      run: "edit Two orders last year; decision by the CFO",
    },
    {
      isActive: ["mobile"],
      trigger: `${LINES} .o_kanban_record:contains('Preparation') .fw-bold`,
      content: "Open the preparation step",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".modal [name=note] textarea",
      run: "edit Two orders last year; decision by the CFO",
    },
    {
      isActive: ["mobile"],
      trigger: ".modal .o_form_button_save",
      content: "Keep the note",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: "body:not(:has(.modal))",
    },
    {
      trigger: lineButton("Preparation", "action_done"),
      content: "The preparation is done",
      run: "click",
    },
    {
      trigger: line("Preparation")
        .map((selector) => `${selector} [name=state]:contains('Done')`)
        .join(", "),
    },
    // Log an objection
    {
      isActive: ["desktop"],
      trigger: ".o_field_widget[name=objection_ids] .o_field_x2many_list_row_add a",
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
      trigger: ".o_field_widget[name=objection_ids] .o-kanban-button-new",
      content: "Log an objection",
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
      isActive: ["mobile"],
      trigger:
        ".modal .o_field_widget[name=recommended_answer]:contains('payment terms')",
      content: "The recommended answer is at hand",
    },
    {
      trigger: ".o_field_widget[name=statement] textarea",
      run: "edit The competitor is cheaper",
    },
    {
      trigger: ".o_field_widget[name=answer] textarea",
      run: "edit Same price over three instalments, delivery included",
    },
    {
      isActive: ["mobile"],
      trigger: ".modal .o_form_button_save",
      content: "Keep the objection",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: "body:not(:has(.modal))",
    },
    {
      trigger: ".o_form_button_save:enabled",
      content: "Save the lead",
      run: "click",
    },
    {
      trigger: ".o_form_saved",
    },
    // Pass the stage gate: the preparation is done
    {
      isActive: ["desktop"],
      trigger: ".o_statusbar_status button[role=radio]:contains('Day Gate')",
      content: "Move the lead to the gated stage",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".o_statusbar_status .dropdown-toggle:contains('Day New')",
      content: "Open the stages",
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: ".dropdown-item:contains('Day Gate')",
      content: "Move the lead to the gated stage",
      run: "click",
    },
    {
      trigger: ".o_statusbar_status:contains('Day Gate')",
    },
    {
      trigger: ".o_form_saved",
    },
    // Win, and find the loyalty follow-up
    {
      trigger: "button[name=action_set_won_rainbowman]",
      content: "Win the lead",
      run: "click",
    },
    {
      trigger: ".o_form_view .ribbon:contains('Won')",
    },
    {
      trigger: ".o-mail-Chatter:contains('Follow up the customer after the sale')",
      content: "Winning planned the loyalty follow-up",
    },
  ],
});
