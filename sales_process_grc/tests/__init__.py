from . import test_install
from . import test_attrition_status
from . import test_attrition_snapshot
from . import test_attrition_reengagement
from . import test_attrition_access
from . import test_attrition_init
from . import test_attrition_tour
from . import test_attrition_report
