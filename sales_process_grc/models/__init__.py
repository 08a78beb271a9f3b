from . import res_config_settings
from . import calendar_attendee
from . import crm_lead
from . import crm_stage
from . import res_partner
