from . import res_config_settings
from . import sales_churn_reason
from . import sales_customer_status_event
from . import sales_attrition_snapshot
from . import res_partner
from . import crm_lead
