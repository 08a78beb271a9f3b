/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {Component} from "@odoo/owl";
import {Dropdown} from "@web/core/dropdown/dropdown";
import {DropdownItem} from "@web/core/dropdown/dropdown_item";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {standardFieldProps} from "@web/views/fields/standard_field_props";

/** Colour and icon of each temperature, so that it reads at a glance. */
export const TEMPERATURE_STYLES = {
  cold: {icon: "fa-snowflake-o", badge: "o_grc_temperature_cold"},
  warm: {icon: "fa-sun-o", badge: "o_grc_temperature_warm"},
  hot: {icon: "fa-fire", badge: "o_grc_temperature_hot"},
  none: {icon: "fa-question-circle-o", badge: "o_grc_temperature_none"},
};

/**
 * Prospect temperature: a coloured badge with an icon (cold / warm / hot /
 * not qualified). When editable, a click opens a menu to set it; in kanban
 * and list views the change is saved at once (option autosave, default on).
 */
export class ProspectTemperatureField extends Component {
  static template = "sales_process_grc.ProspectTemperatureField";
  static components = {Dropdown, DropdownItem};
  static props = {
    ...standardFieldProps,
    autosave: {type: Boolean, optional: true},
    showLabel: {type: Boolean, optional: true},
  };
  static defaultProps = {autosave: true, showLabel: true};

  get value() {
    return this.props.record.data[this.props.name] || false;
  }

  get options() {
    return [
      ...this.props.record.fields[this.props.name].selection,
      [false, _t("Not qualified")],
    ];
  }

  label(value) {
    const option = this.options.find((o) => o[0] === value);
    return option ? option[1] : "";
  }

  style(value) {
    return TEMPERATURE_STYLES[value || "none"] || TEMPERATURE_STYLES.none;
  }

  get title() {
    const fieldString = this.props.record.fields[this.props.name].string;
    return `${fieldString}: ${this.label(this.value)}`;
  }

  async select(value) {
    if (value === this.value) {
      return;
    }
    await this.props.record.update(
      {[this.props.name]: value},
      {save: this.props.autosave}
    );
  }
}

export const prospectTemperatureField = {
  component: ProspectTemperatureField,
  displayName: _t("Prospect Temperature"),
  supportedTypes: ["selection"],
  supportedOptions: [
    {
      label: _t("Autosave"),
      name: "autosave",
      type: "boolean",
      default: true,
      help: _t("If checked, the record is saved as soon as the temperature is set."),
    },
    {
      label: _t("Hide label"),
      name: "hide_label",
      type: "boolean",
    },
  ],
  extractProps({options}, dynamicInfo) {
    return {
      // editable outside of edition (kanban cards, list rows), like the
      // priority stars, unless the view makes it read-only
      readonly: dynamicInfo.readonly,
      autosave: "autosave" in options ? Boolean(options.autosave) : true,
      showLabel: !options.hide_label,
    };
  },
};

registry.category("fields").add("prospect_temperature", prospectTemperatureField);
