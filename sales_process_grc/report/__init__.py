from . import report_interview_sheet
from . import report_attrition
