from . import test_install
from . import test_interview_lines
from . import test_interview_gates
from . import test_interview_config
from . import test_interview_security
from . import test_interview_reporting
from . import test_attrition_status
from . import test_attrition_snapshot
from . import test_attrition_reengagement
from . import test_attrition_access
from . import test_interview_tour

