# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from .prospect_temperature_common import ProspectTemperatureCase


@tagged("post_install", "-at_install")
class TestProspectTemperatureSettings(ProspectTemperatureCase):
    def _settings(self, **values):
        return self.env["res.config.settings"].create(values)

    def test_defaults_and_saved_as_parameters(self):
        settings = self._settings()
        self.assertFalse(settings.grc_prospect_temperature_cooling)
        self.assertEqual(settings.grc_prospect_temperature_hot_days, 30)
        self.assertEqual(settings.grc_prospect_temperature_warm_days, 60)
        self._settings(
            grc_prospect_temperature_cooling=True,
            grc_prospect_temperature_hot_days=10,
            grc_prospect_temperature_warm_days=20,
        ).execute()
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(
            params.get_param("sales_process_grc.temperature_cooling"), "True"
        )
        self.assertEqual(
            params.get_param("sales_process_grc.temperature_hot_days"), "10"
        )
        self.assertEqual(
            params.get_param("sales_process_grc.temperature_warm_days"), "20"
        )
        self.assertEqual(
            self.env["crm.lead"]._prospect_temperature_cooling_delays(), (True, 10, 20)
        )

    def test_bad_delays_refused(self):
        for hot_days, warm_days in (
            (0, 60),
            (-5, 60),
            (30, 0),
            (30, -1),
            (30, 30),
            (40, 20),
        ):
            with (
                self.subTest(hot=hot_days, warm=warm_days),
                self.assertRaises(ValidationError),
            ):
                self._settings(
                    grc_prospect_temperature_cooling=True,
                    grc_prospect_temperature_hot_days=hot_days,
                    grc_prospect_temperature_warm_days=warm_days,
                )
        params = self.env["ir.config_parameter"].sudo()
        self.assertFalse(params.get_param("sales_process_grc.temperature_hot_days"))

    def test_bad_delays_message_translated(self):
        self._activate_french()
        with self.assertRaisesRegex(ValidationError, "doit être plus long"):
            self.env["res.config.settings"].with_context(lang="fr_FR").create(
                {
                    "grc_prospect_temperature_hot_days": 30,
                    "grc_prospect_temperature_warm_days": 20,
                }
            )

    def test_settings_form(self):
        """The settings screen of a Sales Administrator: the delays show once
        cooling is on, and a bad delay is refused on save."""
        manager = new_test_user(
            self.env,
            login="grc_temperature_manager",
            groups="sales_team.group_sale_manager,base.group_system",
        )
        settings = Form(self.env["res.config.settings"].with_user(manager))
        self.assertFalse(settings.grc_prospect_temperature_cooling)
        settings.grc_prospect_temperature_cooling = True
        settings.grc_prospect_temperature_hot_days = 45
        settings.grc_prospect_temperature_warm_days = 40
        with self.assertRaises(ValidationError):
            settings.save()
        settings.grc_prospect_temperature_warm_days = 90
        settings.save().execute()
        self.assertEqual(
            self.env["crm.lead"]._prospect_temperature_cooling_delays(),
            (True, 45, 90),
        )

    def test_corrupted_parameters_fall_back_to_defaults(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("sales_process_grc.temperature_hot_days", "abc")
        self.assertEqual(
            self.env["crm.lead"]._prospect_temperature_cooling_delays()[1:], (30, 60)
        )


@tagged("post_install", "-at_install")
class TestProspectTemperatureCooling(ProspectTemperatureCase):
    """Daily cooling of inactive prospects."""

    multi_company = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "sales_process_grc.temperature_cooling", "True"
        )
        # a bit ahead of the database clock, which sets the creation dates
        cls.start = (datetime.now() + timedelta(minutes=5)).replace(microsecond=0)
        with freeze_time(cls.start):
            cls.hot = cls._create_leads(name="Hot lead", prospect_temperature="hot")
            cls.warm = cls._create_leads(name="Warm lead", prospect_temperature="warm")
            cls.cold = cls._create_leads(name="Cold lead", prospect_temperature="cold")
            cls.none = cls._create_leads(name="Unqualified lead")

    def _cool(self, days):
        self._run_cooling(days, batch_size=1000)

    def _run_cooling(self, days, batch_size, end_time=None):
        """Run the scheduled action as the cron runner does (_run_cron): with
        a progress record, committing (in test mode: releasing a savepoint)
        per batch, ``days`` after the leads' creation."""
        context, progress = self._cron_context(
            "sales_process_grc.ir_cron_prospect_temperature_cooling"
        )
        if end_time is not None:
            context["cron_end_time"] = end_time
        with freeze_time(self.start + timedelta(days=days)):
            self._run_cron(
                "crm.lead",
                "_cron_prospect_temperature_cooling",
                context=context,
                batch_size=batch_size,
            )
        return progress.done, progress.remaining

    def test_cron_record(self):
        cron = self.env.ref("sales_process_grc.ir_cron_prospect_temperature_cooling")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        self.assertEqual(
            cron.code.strip(), "model._cron_prospect_temperature_cooling()"
        )

    def test_hot_to_warm_then_cold(self):
        self._cool(29)
        self.assertEqual(self.hot.prospect_temperature, "hot")
        self._cool(30)
        self.assertEqual(self.hot.prospect_temperature, "warm")
        self.assertEqual(self.warm.prospect_temperature, "warm")
        note = self._temperature_notes(self.hot)
        self.assertEqual(len(note), 1)
        self.assertIn(
            "No activity (message, activity done or meeting) for 30 days", note.body
        )
        self.assertEqual(note.tracking_value_ids.new_value_char, "Warm")
        self._cool(59)
        self.assertEqual(self.hot.prospect_temperature, "warm")
        self._cool(60)
        # counted from the last activity, not from the previous cooling
        self.assertEqual(self.hot.prospect_temperature, "cold")
        self.assertEqual(self.warm.prospect_temperature, "cold")
        self.assertIn("for 60 days", self._temperature_notes(self.warm).body)
        self.assertEqual(self.cold.prospect_temperature, "cold")
        self.assertFalse(self.none.prospect_temperature)
        self.assertFalse(self._temperature_notes(self.cold))

    def test_disabled_does_nothing(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "sales_process_grc.temperature_cooling", False
        )
        self._cool(100)
        self.assertEqual(self.hot.prospect_temperature, "hot")

    def test_message_is_activity(self):
        with freeze_time(self.start + timedelta(days=20)):
            self.hot.message_post(
                body="Called, still interested", message_type="comment"
            )
        self._cool(35)
        self.assertEqual(self.hot.prospect_temperature, "hot")
        self._cool(50)
        self.assertEqual(self.hot.prospect_temperature, "warm")

    def test_done_activity_is_activity(self):
        with freeze_time(self.start + timedelta(days=20)):
            activity = self.hot.activity_schedule(
                "mail.mail_activity_data_call", user_id=self.salesman.id
            )
            activity.action_feedback(feedback="Spoke with the buyer")
        self._cool(35)
        self.assertEqual(self.hot.prospect_temperature, "hot")

    def test_meeting_is_activity(self):
        start = self.start + timedelta(days=40)
        self.env["calendar.event"].create(
            {
                "name": "Follow-up",
                "start": start,
                "stop": start + timedelta(hours=1),
                "opportunity_id": self.hot.id,
            }
        )
        self._cool(35)  # a planned meeting: the prospect is alive
        self.assertEqual(self.hot.prospect_temperature, "hot")
        self._cool(65)
        self.assertEqual(self.hot.prospect_temperature, "hot")
        self._cool(71)
        self.assertEqual(self.hot.prospect_temperature, "warm")

    def test_manual_change_restarts_the_clock(self):
        with freeze_time(self.start + timedelta(days=25)):
            self.warm.prospect_temperature = "hot"
        self._cool(40)
        self.assertEqual(self.warm.prospect_temperature, "hot")

    def test_closed_leads_not_cooled(self):
        self.hot.action_set_lost()
        self.warm.action_set_won()
        self._cool(100)
        self.assertEqual(self.hot.prospect_temperature, "hot")
        self.assertEqual(self.warm.prospect_temperature, "hot")

    def test_all_companies(self):
        with freeze_time(self.start):
            lead_b = self._create_leads(
                user=False, company=self.company_2, name="B", prospect_temperature="hot"
            )
        self._cool(31)
        self.assertEqual(lead_b.prospect_temperature, "warm")

    def test_batches_and_progress(self):
        with freeze_time(self.start):
            more = self._create_leads(
                3, user=False, name="Batch {index}", prospect_temperature="hot"
            )
        done, remaining = self._run_cooling(31, batch_size=2)
        self.assertEqual((done, remaining), (4, 0), "hot leads in 2 batches of 2")
        self.assertEqual(
            set((self.hot | more).mapped("prospect_temperature")), {"warm"}
        )

    def test_stops_when_time_is_up_and_resumes(self):
        with freeze_time(self.start):
            more = self._create_leads(
                3, user=False, name="Batch {index}", prospect_temperature="hot"
            )
        leads = self.hot | more
        done, remaining = self._run_cooling(
            31, batch_size=2, end_time=time.monotonic() - 1
        )
        self.assertEqual((done, remaining), (2, 2), "one batch, then gives up")
        self.assertEqual(
            sorted(leads.mapped("prospect_temperature")), ["hot", "hot", "warm", "warm"]
        )
        done, remaining = self._run_cooling(31, batch_size=2)
        self.assertEqual((done, remaining), (2, 0), "the next run finishes")
        self.assertEqual(set(leads.mapped("prospect_temperature")), {"warm"})

    def test_queries_per_batch_bounded(self):
        """A batch costs the same number of queries whatever its size."""
        with freeze_time(self.start):
            small = self._create_leads(
                5, user=False, name="S{index}", prospect_temperature="hot"
            )
            big = self._create_leads(
                50, user=False, name="B{index}", prospect_temperature="hot"
            )
        counts = []
        with freeze_time(self.start + timedelta(days=31)):
            self.hot._prospect_temperature_cool(datetime.now(), 30, 60)  # warm-up
            for leads in (small, big):
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                leads._prospect_temperature_cool(datetime.now(), 30, 60)
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(set((small | big).mapped("prospect_temperature")), {"warm"})
        self.assertEqual(counts[0], counts[1], f"queries for 5 and 50 leads: {counts}")
