from . import test_install
from . import test_sale_offer
from . import test_sale_purchases
from . import test_sale_performance
from . import test_revenue_attrition
from . import test_sale_tour
from . import test_i18n
from . import test_view_ids
