from . import test_install
from . import test_prospect_temperature
from . import test_prospect_temperature_cooling
from . import test_prospect_temperature_performance
from . import test_prospect_temperature_tour
