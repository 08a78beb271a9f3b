from . import report_attrition
