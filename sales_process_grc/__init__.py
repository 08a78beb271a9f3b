from . import models
from . import report
from . import wizard
from . import report
from .hooks import post_init_hook
