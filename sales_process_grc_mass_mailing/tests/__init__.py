from . import test_information_letter_mailing
