from . import report_interview_sheet
from . import report_attrition
from . import sales_attrition_report
from . import sales_customer_cohort_report
from . import sales_interview_dropoff_report
