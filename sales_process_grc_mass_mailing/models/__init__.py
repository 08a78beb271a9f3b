from . import mailing_mailing
from . import sales_information_letter
