# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .automation_common import AUTOMATION_XMLIDS, AutomationCase


@tagged("post_install", "-at_install")
class TestAutomationSettings(AutomationCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.admin = new_test_user(
            cls.env,
            login="grc_auto_admin",
            groups="sales_team.group_sale_manager,base.group_system",
        )

    def _settings(self, **values):
        return self.env["res.config.settings"].with_user(self.admin).create(values)

    def test_defaults_reflect_the_records(self):
        settings = self._settings()
        self.assertTrue(settings.grc_automation_hot_offer)
        self.assertTrue(settings.grc_automation_interview_activity)
        self.assertTrue(settings.grc_automation_won_loyalty)
        self.assertTrue(settings.grc_automation_at_risk_activity)
        self.assertFalse(settings.grc_automation_offer_followup)
        self.assertFalse(settings.grc_automation_won_thank_you)
        self.assertFalse(settings.grc_automation_at_risk_email)
        self.assertEqual(settings.grc_offer_followup_days, 7)
        self.assertEqual(settings.grc_loyalty_followup_days, 30)
        self.assertFalse(settings.grc_information_letter)
        self.assertEqual(settings.grc_information_letter_interval, 1)
        self.assertEqual(settings.grc_information_letter_interval_type, "months")
        self.assertTrue(settings.grc_letter_to_customer)
        self.assertFalse(settings.grc_letter_to_lost)
        self.assertEqual(
            settings.grc_information_letter_template_id,
            self._template("letter"),
        )

    def test_switches_and_delays_write_the_rules(self):
        self._settings(
            grc_automation_won_thank_you=True,
            grc_automation_hot_offer=False,
            grc_offer_followup_days=10,
            grc_loyalty_followup_days=60,
        ).execute()
        self.assertTrue(self._automation("won_thank_you").active)
        self.assertFalse(self._automation("hot_offer").active)
        self.assertEqual(self._automation("offer_followup").trg_date_range, 10)
        self.assertEqual(
            self.env.ref(
                "sales_process_grc.action_won_loyalty_followup"
            ).activity_date_deadline_range,
            60,
        )
        # and back: the settings show what the rules are
        settings = self._settings()
        self.assertTrue(settings.grc_automation_won_thank_you)
        self.assertFalse(settings.grc_automation_hot_offer)
        self.assertEqual(settings.grc_offer_followup_days, 10)
        # an admin switching a rule off in Automation Rules sees it in settings
        self._automation("won_loyalty").active = False
        self.assertFalse(self._settings().grc_automation_won_loyalty)

    def test_information_letter_settings(self):
        self._settings(
            grc_information_letter=True,
            grc_information_letter_interval=2,
            grc_information_letter_interval_type="weeks",
            grc_letter_to_customer=True,
            grc_letter_to_at_risk=True,
        ).execute()
        cron = self.env.ref("sales_process_grc.ir_cron_information_letter")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (2, "weeks"))
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(
                "sales_process_grc.information_letter_statuses"
            ),
            "customer,at_risk",
        )
        settings = self._settings()
        self.assertTrue(settings.grc_information_letter)
        self.assertTrue(settings.grc_letter_to_at_risk)

    def test_invalid_values_are_refused(self):
        invalid = [
            ({"grc_offer_followup_days": 0}, "offer follow-up delay"),
            ({"grc_loyalty_followup_days": -5}, "loyalty follow-up delay"),
            ({"grc_information_letter_interval": 0}, "frequency"),
            (
                {
                    "grc_information_letter": True,
                    "grc_letter_to_customer": False,
                },
                "at least one customer status",
            ),
            (
                {
                    "grc_information_letter": True,
                    "grc_information_letter_template_id": False,
                },
                "mail template",
            ),
        ]
        for values, message in invalid:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
            ):
                self._settings(**values)
        # nothing was written
        self.assertFalse(
            self.env.ref("sales_process_grc.ir_cron_information_letter").active
        )
        self.assertEqual(self._automation("offer_followup").trg_date_range, 7)


@tagged("post_install", "-at_install")
class TestAutomationSettingsTour(HttpCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        new_test_user(
            cls.env,
            login="grc_tour_admin",
            groups="sales_team.group_sale_manager,base.group_system",
        )

    def _check_tour(self, **kwargs):
        rule = self.env.ref(AUTOMATION_XMLIDS["won_thank_you"])
        self.assertFalse(rule.active)
        self.start_tour(
            "/odoo/action-crm.crm_config_settings_action",
            "sales_process_grc_automation_settings",
            login="grc_tour_admin",
            **kwargs,
        )
        rule.invalidate_recordset()
        self.assertTrue(rule.active)

    def test_switch_on_automation_desktop(self):
        self._check_tour()

    def test_switch_on_automation_phone(self):
        self._check_tour(browser_size="375x667", touch_enabled=True)
