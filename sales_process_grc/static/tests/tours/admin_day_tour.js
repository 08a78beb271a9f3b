/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

/**
 * An administrator's day, on a wide screen and on a 375 px phone: add an
 * interview step for one sales team and make it required for a stage, switch
 * on an automation rule in the CRM settings, and print the attrition report.
 */
function pick(field, value) {
  return [
    {
      isActive: ["desktop"],
      trigger: `.o_field_widget[name=${field}] input`,
      run: `edit ${value}`,
    },
    {
      isActive: ["desktop"],
      trigger: `.o-autocomplete--dropdown-item:contains('${value}')`,
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: `.o_field_widget[name=${field}] input`,
      run: "click",
    },
    {
      isActive: ["mobile"],
      trigger: `.modal .o_data_row:contains('${value}'), .modal .o_kanban_record:contains('${value}')`,
      run: "click",
    },
    {
      trigger: `.o_field_widget[name=${field}]:contains('${value}'), .o_field_widget[name=${field}] input:value('${value}')`,
    },
  ];
}

registry.category("web_tour.tours").add("sales_process_grc_admin_day", {
  steps: () => [
    // An interview step for one team, required for a stage
    {
      trigger: ".o_list_button_add:enabled",
      content: "Add an interview step",
      run: "click",
    },
    {
      trigger: ".o_field_widget[name=name] input",
      run: "edit Site Visit",
    },
    ...pick("team_ids", "Admin Day Team"),
    ...pick("stage_id", "Admin Day Gate"),
    {
      trigger: ".o_form_button_save:enabled",
      content: "Save the step",
      run: "click",
    },
    {
      trigger: ".o_form_saved",
    },
    // An automation rule switched on
    {
      trigger: ".o_form_view",
      content: "Go to the CRM settings",
      run() {
        window.location.href = "/odoo/action-crm.crm_config_settings_action";
      },
      expectUnloadPage: true,
    },
    {
      trigger:
        "#grc_automation_won_thank_you_setting input[type='checkbox']:not(:checked)",
      content: "Switch the thank-you email on",
      run: "click",
    },
    {
      trigger: ".o_form_button_save",
      content: "Save the settings",
      run: "click",
      expectUnloadPage: true,
    },
    {
      trigger: "#grc_automation_won_thank_you_setting input[type='checkbox']:checked",
    },
    // The attrition report
    {
      trigger: ".o_setting_box, .o_settings_container",
      content: "Open the attrition report",
      run() {
        window.location.href =
          "/odoo/action-sales_process_grc.sales_attrition_report_wizard_action";
      },
      expectUnloadPage: true,
    },
    {
      trigger:
        ".modal button[name=action_print], .o_form_view button[name=action_print]",
      content: "Print the attrition report",
      run: "click",
    },
    {
      trigger: "body:not(:has(button[name=action_print]))",
      content: "The report was printed",
    },
  ],
});
