from . import test_information_letter_mailing
from . import test_view_ids
