from . import sales_customer_lost_wizard
from . import sales_attrition_recompute_wizard
from . import sales_reengagement_wizard
from . import sales_attrition_report_wizard
from . import mail_compose_message
from . import base_partner_merge
