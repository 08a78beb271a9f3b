from . import res_config_settings
from . import sales_interview_step
from . import sales_interview_line
from . import sales_objection_type
from . import sales_lead_objection
from . import crm_lead
from . import crm_stage
