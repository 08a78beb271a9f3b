from . import report_interview_sheet
from . import report_attrition
from . import sales_attrition_report
