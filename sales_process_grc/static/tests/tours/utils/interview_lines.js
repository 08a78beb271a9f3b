/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

/** The interview checklist of the lead form. */
export const LINES = ".o_field_widget[name=interview_line_ids]";

/** A step of the checklist: a list row on wide screens, a card on phones. */
export function line(step) {
  return [
    `${LINES} .o_data_row:contains('${step}')`,
    `${LINES} .o_kanban_record:contains('${step}')`,
  ];
}

/** A button of a step of the checklist, on wide screens and phones. */
export function lineButton(step, button) {
  return line(step)
    .map((selector) => `${selector} button[name=${button}]`)
    .join(", ");
}
