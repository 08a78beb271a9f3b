/* License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

// Opened on one of the attrition dashboard actions (graph or pivot first):
// the view renders the real figures, not the sample data.
registry.category("web_tour.tours").add("sales_process_grc_attrition_dashboard_tour", {
  steps: () => [
    {
      content: "The dashboard view is displayed with real data",
      trigger:
        ".o_action_manager :is(.o_graph_view, .o_pivot_view):not(.o_view_sample_data):not(:has(.o_view_sample_data))",
    },
    {
      content: "It shows figures",
      trigger: ".o_graph_view canvas, .o_pivot_view td.o_pivot_cell_value",
    },
  ],
});
