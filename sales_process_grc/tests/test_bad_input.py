# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input of issue 10, through the ORM and the calls the web client makes
(``web_save``, ``load``) as a salesman: invalid selection values, negative or
inconsistent delays, configuration in use, very long notes, HTML and
``<script>`` in every free-text field (views, chatter, mail templates, PDFs),
CSV import of leads. A clear error and nothing half-written."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

ADDON = "sales_process_grc"
SCRIPT = "<script>alert('grc')</script>"
ESCAPED = "&lt;script&gt;alert("
LONG_NOTE = ("Long note. " * 10_000)[:100_000]


class BadInputCase(TransactionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="bad_input_salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.manager = new_test_user(
            cls.env,
            login="bad_input_manager",
            groups="sales_team.group_sale_manager",
        )
        cls.admin = new_test_user(
            cls.env,
            login="bad_input_admin",
            groups="sales_team.group_sale_manager,base.group_system",
        )
        cls.price = cls.env.ref(f"{ADDON}.objection_type_price")
        cls.reason = cls.env.ref(f"{ADDON}.churn_reason_price")
        cls.step_contact = cls.env.ref(f"{ADDON}.interview_step_contact")
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Bad Input Won", "is_won": True, "sequence": 99}
        )

    def _lead(self, **values):
        return (
            self.env["crm.lead"]
            .with_user(self.salesman)
            .create(
                {
                    "name": "Bad input lead",
                    "type": "opportunity",
                    "user_id": self.salesman.id,
                    **values,
                }
            )
        )

    def _line(self, lead, step=None):
        step = step or self.step_contact
        return lead.interview_line_ids.filtered(lambda line: line.step_id == step)

    def _customer(self, name):
        partner = self.env["res.partner"].create(
            {"name": name, "is_company": True, "user_id": self.salesman.id}
        )
        lead = self._lead(name=f"Sale to {name}", partner_id=partner.id)
        lead.action_set_won()
        return partner


@tagged("post_install", "-at_install")
class TestBadSelectionValues(BadInputCase):
    def test_invalid_temperature(self):
        lead = self._lead(prospect_temperature="warm")
        lead_model = self.env["crm.lead"].with_user(self.salesman)
        count = lead_model.search_count([])
        with self.assertRaisesRegex(ValidationError, "tepid"):
            lead_model.create({"name": "Tepid lead", "prospect_temperature": "tepid"})
        self.assertEqual(lead_model.search_count([]), count, "no lead created")
        with self.assertRaisesRegex(ValidationError, "tepid"):
            lead.write({"prospect_temperature": "tepid"})
        # what the web client sends when saving the form
        with self.assertRaisesRegex(ValidationError, "tepid"):
            lead.web_save({"prospect_temperature": "tepid", "name": "Renamed"}, {})
        self.env.invalidate_all()
        self.assertRecordValues(
            lead, [{"prospect_temperature": "warm", "name": "Bad input lead"}]
        )
        with self.assertRaisesRegex(ValidationError, "nowhere"):
            lead.write({"prospecting_goal": "nowhere"})
        self.assertFalse(lead.prospecting_goal)

    def test_invalid_interview_line_state(self):
        lead = self._lead()
        line = self._line(lead).with_user(self.salesman)
        with self.assertRaisesRegex(ValidationError, "finished"):
            line.write({"state": "finished", "note": "Half"})
        with self.assertRaisesRegex(ValidationError, "finished"):
            lead.write(
                {
                    "interview_line_ids": [
                        fields.Command.update(line.id, {"state": "finished"})
                    ]
                }
            )
        self.env.invalidate_all()
        self.assertRecordValues(
            line, [{"state": "todo", "note": False, "done_date": False}]
        )

    def test_error_is_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms([ADDON], ["fr_FR"])
        lead = self._lead().with_context(lang="fr_FR")
        with self.assertRaises(ValidationError) as caught:
            lead.write({"prospect_temperature": "tepid"})
        # the field and its choices in the user's language
        self.assertIn("tepid", str(caught.exception))
        self.assertIn("Température du prospect", str(caught.exception))
        self.assertIn("Chaud", str(caught.exception))


@tagged("post_install", "-at_install")
class TestBadSettings(BadInputCase):
    BAD_SETTINGS = [
        ({"grc_prospect_temperature_hot_days": -5}, "positive"),
        ({"grc_prospect_temperature_hot_days": 0}, "positive"),
        ({"grc_prospect_temperature_warm_days": -1}, "positive"),
        (
            {
                "grc_prospect_temperature_hot_days": 40,
                "grc_prospect_temperature_warm_days": 20,
            },
            "longer than",
        ),
        (
            {
                "grc_prospect_temperature_hot_days": 30,
                "grc_prospect_temperature_warm_days": 30,
            },
            "longer than",
        ),
        ({"grc_at_risk_days": -10}, "positive"),
        ({"grc_at_risk_days": 0}, "positive"),
        ({"grc_at_risk_days": 400, "grc_lost_days": 300}, "smaller than"),
        ({"grc_lost_days": -1}, "smaller than"),
        ({"grc_offer_followup_days": -3}, "positive"),
        ({"grc_offer_followup_days": 0}, "positive"),
        ({"grc_loyalty_followup_days": -30}, "positive"),
        ({"grc_information_letter_interval": 0}, "positive"),
    ]

    def _parameters(self):
        params = self.env["ir.config_parameter"].sudo()
        keys = (
            "sales_process_grc.temperature_hot_days",
            "sales_process_grc.temperature_warm_days",
            "sales_process_grc.at_risk_days",
            "sales_process_grc.lost_days",
        )
        followup = self.env.ref(f"{ADDON}.automation_offer_followup")
        loyalty = self.env.ref(f"{ADDON}.action_won_loyalty_followup")
        return (
            [params.get_param(key) for key in keys],
            followup.trg_date_range,
            loyalty.activity_date_deadline_range,
        )

    def test_negative_or_inconsistent_delays_are_refused(self):
        settings_model = self.env["res.config.settings"].with_user(self.admin)
        # valid settings are saved
        settings_model.create(
            {
                "grc_prospect_temperature_hot_days": 20,
                "grc_prospect_temperature_warm_days": 50,
                "grc_at_risk_days": 100,
                "grc_lost_days": 200,
                "grc_offer_followup_days": 5,
            }
        ).execute()
        before = self._parameters()
        self.assertEqual(before[0], ["20", "50", "100", "200"])
        self.assertEqual(before[1], 5)
        for values, message in self.BAD_SETTINGS:
            with self.subTest(values=values):
                with self.assertRaisesRegex(ValidationError, message):
                    settings_model.create(values).execute()
                self.env.invalidate_all()
                self.assertEqual(self._parameters(), before, "nothing saved")

    def test_settings_error_is_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms([ADDON], ["fr_FR"])
        settings_model = (
            self.env["res.config.settings"]
            .with_user(self.admin)
            .with_context(lang="fr_FR")
        )
        with self.assertRaisesRegex(ValidationError, "délais de refroidissement"):
            settings_model.create({"grc_prospect_temperature_hot_days": -5})


@tagged("post_install", "-at_install")
class TestDeleteConfigurationInUse(BadInputCase):
    def test_step_in_use(self):
        lead = self._lead()
        self._line(lead).with_user(self.salesman).action_done()
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            self.step_contact.with_user(self.manager).unlink()
        self.assertTrue(self.step_contact.exists())
        self.assertEqual(self._line(lead).state, "done")
        # a step nobody worked on can go, with its lines still to do
        unused = self.env["sales.interview.step"].create({"name": "Unused step"})
        self.assertTrue(self._line(lead, unused))
        unused.with_user(self.manager).unlink()
        self.assertFalse(self._line(lead, unused))

    def test_objection_type_in_use(self):
        lead = self._lead()
        self.env["sales.lead.objection"].with_user(self.salesman).create(
            {"lead_id": lead.id, "objection_type_id": self.price.id}
        )
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            self.price.with_user(self.manager).unlink()
        self.assertTrue(self.price.exists())

    def test_churn_reason_in_use(self):
        customer = self._customer("Departed")
        wizard = (
            self.env["sales.customer.lost.wizard"]
            .with_user(self.salesman)
            .create({"partner_id": customer.id, "churn_reason_id": self.reason.id})
        )
        wizard.action_mark_lost()
        self.assertEqual(customer.churn_reason_id, self.reason)
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            self.reason.with_user(self.manager).unlink()
        self.assertTrue(self.reason.exists())
        # an unused reason can be deleted
        unused = self.env["sales.churn.reason"].create({"name": "Unused reason"})
        unused.with_user(self.manager).unlink()
        self.assertFalse(unused.exists())


@tagged("post_install", "-at_install")
class TestLongAndHostileText(BadInputCase):
    def _render_report(self, xmlid, records):
        return (
            self.env["ir.actions.report"]
            .with_user(self.salesman)
            ._render_qweb_html(xmlid, records.ids)[0]
            .decode()
        )

    def _hostile_lead(self):
        lead = self._lead(
            name=f"Deal {SCRIPT}",
            description=f"<p>Needs</p>{SCRIPT}",
            offer_lead_time=SCRIPT,
            offer_payment_terms=SCRIPT,
            contact_name=SCRIPT,
            partner_name=SCRIPT,
        )
        self._line(lead).with_user(self.salesman).write(
            {"state": "done", "note": f"Step note {SCRIPT}"}
        )
        self.env["sales.lead.objection"].with_user(self.salesman).create(
            {
                "lead_id": lead.id,
                "objection_type_id": self.price.id,
                "statement": f"Statement {SCRIPT}",
                "answer": f"Answer {SCRIPT}",
            }
        )
        return lead

    def test_very_long_notes(self):
        lead = self._lead()
        line = self._line(lead).with_user(self.salesman)
        line.write({"note": LONG_NOTE})
        objection = (
            self.env["sales.lead.objection"]
            .with_user(self.salesman)
            .create(
                {
                    "lead_id": lead.id,
                    "objection_type_id": self.price.id,
                    "statement": LONG_NOTE,
                    "answer": LONG_NOTE,
                }
            )
        )
        self.env.invalidate_all()
        self.assertEqual(len(line.note), 100_000)
        self.assertEqual(objection.statement, LONG_NOTE)
        html = self._render_report(f"{ADDON}.action_report_interview_sheet", lead)
        self.assertGreaterEqual(html.count(LONG_NOTE), 3)

    def test_free_text_is_text_in_the_form(self):
        """The free-text fields are plain text for the web client (it escapes
        them); none is shown with an HTML widget."""
        lead_model = self.env["crm.lead"].with_user(self.salesman)
        views = lead_model.get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        models_fields = views["models"]
        for model, fname, ftype in (
            ("crm.lead", "name", "char"),
            ("sales.interview.line", "note", "text"),
            ("sales.lead.objection", "statement", "text"),
            ("sales.lead.objection", "answer", "text"),
        ):
            with self.subTest(model=model, field=fname):
                self.assertEqual(
                    self.env[model]._fields[fname].type, ftype, "plain text"
                )
                self.assertIn(fname, models_fields[model]["fields"])
        self.assertNotIn('widget="html"', arch.split('name="interview_line_ids"')[1])
        wizard_view = self.env["sales.customer.lost.wizard"].get_views(
            [(False, "form")]
        )
        self.assertEqual(
            self.env["sales.customer.lost.wizard"]._fields["note"].type, "text"
        )
        self.assertNotIn('widget="html"', wizard_view["views"]["form"]["arch"])

    def test_script_escaped_in_the_chatter(self):
        customer = self._customer(f"Customer {SCRIPT}")
        wizard = (
            self.env["sales.customer.lost.wizard"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": customer.id,
                    "churn_reason_id": self.reason.id,
                    "note": f"Churn note {SCRIPT}",
                }
            )
        )
        wizard.action_mark_lost()
        body = customer.message_ids[0].body
        self.assertIn("Churn note", body)
        self.assertIn(ESCAPED, body)
        self.assertNotIn("<script", body)
        event = self.env["sales.customer.status.event"].search(
            [("partner_id", "=", customer.id), ("new_status", "=", "lost")]
        )
        self.assertEqual(event.note, f"Churn note {SCRIPT}", "kept as typed")
        # the temperature note of a stage whose name is hostile
        stage = self.env["crm.stage"].create(
            {"name": f"Stage {SCRIPT}", "prospect_temperature": "hot"}
        )
        lead = self._lead()
        lead.write({"stage_id": stage.id})
        self.assertEqual(lead.prospect_temperature, "hot")
        note = lead.message_ids.filtered(lambda message: "reached" in message.body)
        self.assertTrue(note)
        self.assertIn(ESCAPED, note[0].body)
        self.assertNotIn("<script", note[0].body)

    def test_script_escaped_in_the_meeting_answer_note(self):
        customer = self.env["res.partner"].create(
            {"name": f"Alice {SCRIPT}", "email": "alice@example.com"}
        )
        lead = self._lead(partner_id=customer.id, prospect_temperature="hot")
        start = fields.Datetime.now() + timedelta(days=2)
        meeting = (
            self.env["calendar.event"]
            .with_user(self.salesman)
            .with_context(mail_notify_author=False)
            .create(
                {
                    "name": f"Visit {SCRIPT}",
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "opportunity_id": lead.id,
                    "partner_ids": [
                        fields.Command.link(customer.id),
                        fields.Command.link(self.salesman.partner_id.id),
                    ],
                }
            )
        )
        attendee = meeting.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == customer
        )
        # the customer's own answer (invitation link)
        attendee.sudo().do_decline()
        self.assertEqual(lead.prospect_temperature, "cold")
        note = lead.message_ids.filtered(lambda message: "declined" in message.body)
        self.assertTrue(note)
        self.assertIn(f"Visit {ESCAPED}", note[0].body)
        self.assertIn(f"Alice {ESCAPED}", note[0].body)
        self.assertNotIn("<script", note[0].body)

    def test_script_escaped_in_mail_templates(self):
        lead = self._hostile_lead()
        partner = self.env["res.partner"].create(
            {
                "name": f"Partner {SCRIPT}",
                "email": "partner@example.com",
                "is_company": True,
                "user_id": self.salesman.id,
            }
        )
        lead.partner_id = partner
        templates = self.env["mail.template"].search(
            [
                ("model", "in", ("crm.lead", "res.partner")),
                ("id", "in", self._addon_ids("mail.template")),
            ]
        )
        self.assertGreaterEqual(len(templates), 7)
        for template in templates:
            record = lead if template.model == "crm.lead" else partner
            with self.subTest(template=template.name):
                body = template._render_field("body_html", record.ids)[record.id]
                self.assertNotIn("<script", body)
                self.assertIn(ESCAPED, body)

    def _addon_ids(self, model):
        return (
            self.env["ir.model.data"]
            .search([("module", "=", ADDON), ("model", "=", model)])
            .mapped("res_id")
        )

    def test_script_escaped_in_the_interview_sheet(self):
        lead = self._hostile_lead()
        html = self._render_report(f"{ADDON}.action_report_interview_sheet", lead)
        self.assertNotIn("<script>alert", html)
        for text in ("Deal ", "Step note ", "Statement ", "Answer "):
            self.assertIn(f"{text}{ESCAPED}", html)

    def test_script_escaped_in_the_attrition_report(self):
        reason = self.env["sales.churn.reason"].create({"name": f"Reason {SCRIPT}"})
        customer = self._customer(f"Customer {SCRIPT}")
        customer._grc_set_customer_status("lost", reason=reason)
        self.salesman.name = f"Seller {SCRIPT}"
        today = fields.Date.context_today(customer)
        wizard = (
            self.env["sales.attrition.report.wizard"]
            .with_user(self.salesman)
            .create({"date_from": today, "date_to": today})
        )
        html = self._render_report(f"{ADDON}.action_report_attrition", wizard)
        self.assertNotIn("<script>alert", html)
        self.assertIn(f"Customer {ESCAPED}", html)
        self.assertIn(f"Reason {ESCAPED}", html)


@tagged("post_install", "-at_install")
class TestLeadImport(BadInputCase):
    def _load(self, fnames, rows):
        lead_model = self.env["crm.lead"].with_user(self.salesman)
        before = lead_model.search_count([])
        result = lead_model.load(fnames, rows)
        return result, lead_model.search_count([]) - before

    def test_valid_import(self):
        result, created = self._load(
            ["name", "prospect_temperature", "interview_line_ids/step_id"],
            [["Imported deal", "Hot", self.step_contact.name]],
        )
        self.assertFalse(result["messages"])
        self.assertEqual(created, 1)
        lead = self.env["crm.lead"].browse(result["ids"])
        self.assertEqual(lead.prospect_temperature, "hot")
        self.assertEqual(
            len(
                lead.interview_line_ids.filtered(
                    lambda line: line.step_id == self.step_contact
                )
            ),
            1,
            "the imported line is the lead's line of that step",
        )

    def test_invalid_temperature_imports_nothing(self):
        result, created = self._load(
            ["name", "prospect_temperature"],
            [["Good deal", "Hot"], ["Bad deal", "Tepid"]],
        )
        self.assertFalse(result["ids"])
        self.assertEqual(created, 0, "nothing half-written")
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(errors)
        self.assertIn("Tepid", errors[0]["message"])
        self.assertEqual(errors[0]["record"], 1)

    def test_invalid_step_or_state_imports_nothing(self):
        step = self.step_contact.name
        for fnames, good, bad, expected in (
            (
                ["name", "interview_line_ids/step_id"],
                ["Good deal", step],
                ["Bad deal", "No Such Step"],
                "No Such Step",
            ),
            (
                ["name", "interview_line_ids/step_id", "interview_line_ids/state"],
                ["Good deal", step, "Done"],
                ["Bad deal", step, "Finished"],
                "Finished",
            ),
        ):
            with self.subTest(bad=bad):
                result, created = self._load(fnames, [good, bad])
                self.assertFalse(result["ids"])
                self.assertEqual(created, 0, "nothing half-written")
                errors = [m for m in result["messages"] if m["type"] == "error"]
                self.assertTrue(errors)
                self.assertIn(expected, " ".join(m["message"] for m in errors))


@tagged("post_install", "-at_install")
class TestForgedSystemValues(BadInputCase):
    """What the sales process fills in (when and by whom a step was done, the
    offer date that times the follow-up email, the last reply of the
    customer, the progress) cannot be forged over RPC."""

    def test_step_done_date_and_author(self):
        lead = self._lead()
        line = self._line(lead).with_user(self.salesman)
        for values in (
            {"done_date": "2020-01-01 10:00:00"},
            {"done_user_id": self.manager.id},
            {"state": "done", "done_date": "2020-01-01 10:00:00"},
        ):
            with self.subTest(values=values):
                with self.assertRaisesRegex(UserError, "filled in automatically"):
                    line.write(values)
        with self.assertRaisesRegex(UserError, "filled in automatically"):
            self.env["sales.interview.line"].with_user(self.salesman).create(
                {
                    "lead_id": lead.id,
                    "step_id": self.env["sales.interview.step"]
                    .create({"name": "Forged step"})
                    .id,
                    "done_user_id": self.manager.id,
                }
            )
        self.env.invalidate_all()
        self.assertRecordValues(
            line, [{"state": "todo", "done_date": False, "done_user_id": False}]
        )
        line.action_done()
        self.assertEqual(line.done_user_id, self.salesman)

    def test_lead_process_fields(self):
        lead = self._lead(prospect_temperature="warm")
        before = lead.read(
            ["prospect_temperature_date", "offer_presented_date", "interview_progress"]
        )
        for values in (
            {"offer_presented_date": "2020-01-01 10:00:00"},
            {"offer_awaiting_reply": True},
            {"last_customer_message_date": "2020-01-01 10:00:00"},
            {"interview_progress": 100.0, "name": "Done already"},
            {"interview_step_id": False},
        ):
            with self.subTest(values=values):
                with self.assertRaisesRegex(UserError, "filled in by the sales"):
                    lead.write(values)
        with self.assertRaisesRegex(UserError, "filled in by the sales"):
            self.env["crm.lead"].with_user(self.salesman).create(
                {"name": "Forged", "offer_awaiting_reply": True}
            )
        self.env.invalidate_all()
        self.assertEqual(
            lead.read(
                [
                    "prospect_temperature_date",
                    "offer_presented_date",
                    "interview_progress",
                ]
            ),
            before,
        )
        self.assertEqual(lead.name, "Bad input lead")
        self.assertFalse(lead.offer_awaiting_reply)
