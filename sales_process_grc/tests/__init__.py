from . import test_install
from . import test_interview_lines
