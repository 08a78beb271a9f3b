from . import res_config_settings
from . import res_partner
from . import sales_customer_status_event
from . import crm_lead
from . import sale_order
from . import account_move
from . import sales_attrition_snapshot
