// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

const SWITCH = "#grc_automation_won_thank_you_setting";
const RULE = "Thank-you Email";
const INACTIVE_RULE = "Re-engagement Email";

/**
 * An admin switches the thank-you email on in CRM settings (Sales Process
 * (GRC)), saves, opens the automation rules and sees the rule active (no
 * "Archived" ribbon) while a rule left off still shows the ribbon. Runs on
 * desktop and on a 375 px phone.
 */
registry.category("web_tour.tours").add("sales_process_grc_automation_settings", {
    steps: () => [
        {
            content: "The thank-you email is off",
            trigger: `${SWITCH} input[type='checkbox']:not(:checked)`,
        },
        {
            content: "Switch the thank-you email on",
            trigger: `${SWITCH} input[type='checkbox']`,
            run: "click",
        },
        {
            content: "Save the settings",
            trigger: ".o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "After saving, the switch is on",
            trigger: `${SWITCH} input[type='checkbox']:checked`,
        },
        {
            content: "Open the automation rules",
            trigger: "#grc_automation_rules_setting button:contains('Automation Rules')",
            run: "click",
        },
        {
            content: "A rule left off is shown archived",
            trigger: `.o_kanban_record:contains('${INACTIVE_RULE}') .ribbon span:contains('Archived')`,
        },
        {
            content: "The thank-you rule is active",
            trigger: `.o_kanban_record:contains('${RULE}'):not(:has(.o_widget_web_ribbon))`,
        },
    ],
});
