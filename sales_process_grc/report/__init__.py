from . import sales_attrition_report
