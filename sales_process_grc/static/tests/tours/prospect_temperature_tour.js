// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

const LEAD = "Tour Temperature Lead";
const CARD = `.o_kanban_record:contains('${LEAD}')`;

/**
 * A salesman sets the prospect temperature from a pipeline card (saved at
 * once), then from the lead form. Runs on desktop and on a 375 px phone.
 */
registry.category("web_tour.tours").add("sales_process_grc_prospect_temperature", {
  steps: () => [
    {
      content: "The card shows a 'not qualified' badge",
      trigger: `${CARD} .o_grc_temperature_badge[data-temperature='none']`,
    },
    {
      content: "Open the temperature menu of the card",
      trigger: `${CARD} .o_grc_temperature_toggle`,
      run: "click",
    },
    {
      content: "Choose Warm",
      trigger: ".o_grc_temperature_option_warm",
      run: "click",
    },
    {
      content: "The card now shows Warm (saved at once)",
      trigger: `${CARD} .o_grc_temperature_badge[data-temperature='warm']`,
    },
    {
      content: "Open the lead",
      trigger: `${CARD} span:contains('${LEAD}')`,
      run: "click",
    },
    {
      content: "The form shows Warm",
      trigger:
        ".o_form_view .o_field_widget[name='prospect_temperature'] .o_grc_temperature_badge[data-temperature='warm']",
    },
    {
      content: "Open the temperature menu of the form",
      trigger:
        ".o_form_view .o_field_widget[name='prospect_temperature'] .o_grc_temperature_toggle",
      run: "click",
    },
    {
      content: "Choose Hot",
      trigger: ".o_grc_temperature_option_hot",
      run: "click",
    },
    {
      content: "The form shows Hot",
      trigger:
        ".o_form_view .o_field_widget[name='prospect_temperature'] .o_grc_temperature_badge[data-temperature='hot']",
    },
    {
      content: "Save",
      trigger: ".o_form_button_save",
      run: "click",
    },
    {
      content: "Saved",
      trigger: ".o_form_view .o_form_saved",
    },
  ],
});

const ROW = `.o_data_row:contains('${LEAD}')`;

/** The same from a row of the pipeline list, without opening the lead. */
registry.category("web_tour.tours").add("sales_process_grc_prospect_temperature_list", {
  steps: () => [
    {
      content: "Open the temperature menu of the row",
      trigger: `${ROW} .o_grc_temperature_toggle`,
      run: "click",
    },
    {
      content: "Choose Cold",
      trigger: ".o_grc_temperature_option_cold",
      run: "click",
    },
    {
      content: "The row shows Cold (saved at once)",
      trigger: `${ROW} .o_grc_temperature_badge[data-temperature='cold']`,
    },
    {
      content: "Still on the list: the lead was not opened",
      trigger: "body:not(:has(.o_form_view)) .o_list_view",
    },
  ],
});
