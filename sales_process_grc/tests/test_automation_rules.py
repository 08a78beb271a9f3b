# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .automation_common import AutomationCase


@tagged("post_install", "-at_install")
class TestAutomationRules(AutomationCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.prepare_offer = cls.env.ref(
            "sales_process_grc.mail_activity_type_prepare_offer"
        )
        cls.loyalty = cls.env.ref(
            "sales_process_grc.mail_activity_type_loyalty_followup"
        )
        cls.reengage = cls.env.ref("sales_process_grc.mail_activity_type_reengagement")

    def _run_time_based_automations(self):
        """Run the automation rules' scheduled action the way the scheduler
        does: on its own cursor, whose commits are savepoints in tests."""
        self._run_cron("base.automation", "_cron_process_time_based_actions")

    # --- shipped state ---------------------------------------------------
    def test_internal_rules_active_customer_emails_inactive(self):
        for key in (
            "hot_offer",
            "interview_activity",
            "won_loyalty",
            "at_risk_activity",
        ):
            self.assertTrue(self._automation(key).active, key)
        for key in ("offer_followup", "won_thank_you", "at_risk_email"):
            automation = self._automation(key)
            self.assertFalse(automation.active, key)
            self.assertEqual(automation.action_server_ids.state, "mail_post")
            self.assertEqual(automation.action_server_ids.usage, "base_automation")

    # --- hot lead → prepare the offer -------------------------------------
    def test_hot_lead_gets_prepare_offer_activity(self):
        lead = self._create_leads(prospect_temperature="warm")
        self.assertFalse(self._activities(lead, self.prepare_offer))
        lead.with_user(self.salesman).prospect_temperature = "hot"
        activity = self._activities(lead, self.prepare_offer)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(
            activity.date_deadline, fields.Date.context_today(lead) + timedelta(days=2)
        )
        # staying hot does not schedule it again
        lead.with_user(self.salesman).write({"prospect_temperature": "hot"})
        lead.with_user(self.salesman).write({"name": "Still hot"})
        self.assertEqual(len(self._activities(lead, self.prepare_offer)), 1)
        # created hot: scheduled too
        hot = self._create_leads(prospect_temperature="hot")
        self.assertEqual(len(self._activities(hot, self.prepare_offer)), 1)

    def test_digest_context_from_rpc_does_not_hold_activities(self):
        """Only the classification's own digest notes activities: a plain
        dict under its context key (e.g. given over RPC) is ignored and the
        rule schedules its activity as usual."""
        lead = self._create_leads(prospect_temperature="warm")
        lead.with_user(self.salesman).with_context(
            grc_activity_digest={}
        ).prospect_temperature = "hot"
        self.assertEqual(len(self._activities(lead, self.prepare_offer)), 1)

    def test_cold_or_warm_lead_gets_nothing(self):
        lead = self._create_leads()
        lead.with_user(self.salesman).prospect_temperature = "warm"
        lead.with_user(self.salesman).prospect_temperature = "cold"
        self.assertFalse(self._activities(lead, self.prepare_offer))

    def test_hot_rule_switched_off(self):
        self._set_active("hot_offer", False)
        lead = self._create_leads()
        lead.with_user(self.salesman).prospect_temperature = "hot"
        self.assertFalse(self._activities(lead, self.prepare_offer))

    def test_rule_lookup_cached_and_follows_the_rules(self):
        """base_automation's rule look-up is cached: no query the second
        time, and a rule created, switched off or deleted counts at once."""
        automation_model = self.env["base.automation"]
        lead = self._create_leads()
        automation_model._get_actions(lead, ["on_create_or_write"])
        with self.assertQueryCount(0):
            rules = automation_model._get_actions(lead, ["on_create_or_write"])
        self.assertIn(self._automation("hot_offer"), rules)
        rule = automation_model.create(
            {
                "name": "Test: tag written leads",
                "model_id": self.env.ref("crm.model_crm_lead").id,
                "trigger": "on_create_or_write",
            }
        )
        self.env["ir.actions.server"].create(
            {
                "name": "Test: rename",
                "model_id": self.env.ref("crm.model_crm_lead").id,
                "state": "code",
                "code": "record.write({'description': 'seen by the new rule'})",
                "base_automation_id": rule.id,
            }
        )
        self.assertIn(rule, automation_model._get_actions(lead, ["on_create_or_write"]))
        lead.write({"name": "Written"})
        self.assertIn("seen by the new rule", str(lead.description))
        # what the time-based rules' cron writes leaves the cache alone (the
        # flush first: the new action's pending computations write it, and
        # ir.actions clears the caches on write)
        self.env.flush_all()
        automation_model._get_actions(lead, ["on_create_or_write"])
        rule.write({"last_run": fields.Datetime.now()})
        with self.assertQueryCount(0):
            automation_model._get_actions(lead, ["on_create_or_write"])
        rule.active = False
        self.assertNotIn(
            rule, automation_model._get_actions(lead, ["on_create_or_write"])
        )
        lead.write({"description": False})
        lead.write({"name": "Written again"})
        self.assertFalse(lead.description)
        rule.active = True
        rule.unlink()
        self.assertNotIn(
            rule, automation_model._get_actions(lead, ["on_create_or_write"])
        )
        lead.write({"name": "Written a third time"})
        self.assertFalse(lead.description)

    def _marking_rule(self, trigger_fname, mark, filter_pre_domain=False):
        """A write rule on leads watching ``trigger_fname`` whose action
        writes ``mark`` in the description of the leads it runs on."""
        trigger_field = self.env["ir.model.fields"]._get("crm.lead", trigger_fname)
        rule = self.env["base.automation"].create(
            {
                "name": f"Test: watch {trigger_fname}",
                "model_id": self.env.ref("crm.model_crm_lead").id,
                "trigger": "on_create_or_write",
                "trigger_field_ids": [(6, 0, trigger_field.ids)],
                "filter_pre_domain": filter_pre_domain,
            }
        )
        self.env["ir.actions.server"].create(
            {
                "name": f"Test: mark {mark}",
                "model_id": self.env.ref("crm.model_crm_lead").id,
                "state": "code",
                "code": f"records.write({{'description': {mark!r}}})",
                "base_automation_id": rule.id,
            }
        )
        return rule

    def test_rules_checked_only_for_their_trigger_fields(self):
        """A write or a recomputation only checks the rules that watch one of
        the fields it changes (or watch no field): a rule watching the
        priority, whose precondition reads the customers, costs no query when
        the leads are renamed; it still runs on a change of the priority, as
        a rule watching a recomputed field (the won status) runs when the
        stage change recomputes it, in the same write."""
        leads = self._create_leads(3, partners=self.customer_en)
        self.env.flush_all()

        def queries_of_renaming():
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            leads.write({"name": "Renamed"})
            self.env.flush_all()
            return self.env.cr.sql_log_count - count

        queries_of_renaming()  # warm the caches
        without_rule = queries_of_renaming()
        priority_rule = self._marking_rule(
            "priority", "priority seen", "[('partner_id.email', '!=', False)]"
        )
        self._marking_rule("won_status", "won seen")
        queries_of_renaming()
        self.assertEqual(queries_of_renaming(), without_rule)
        self.assertFalse(any(leads.mapped("description")))
        leads[0].priority = "2"
        self.assertEqual(
            [str(lead.description or "") for lead in leads],
            ["<p>priority seen</p>", "", ""],
        )
        leads[1].stage_id = self.stage_gen_won
        self.assertEqual(leads[1].won_status, "won")
        self.assertEqual(str(leads[1].description), "<p>won seen</p>")
        self.assertFalse(leads[2].description)
        # a rule's new trigger fields count at once
        priority_rule.trigger_field_ids = self.env["ir.model.fields"]._get(
            "crm.lead", "name"
        )
        leads[2].name = "Renamed once more"
        self.assertEqual(str(leads[2].description), "<p>priority seen</p>")
        # the precondition still holds: no email, no run
        self.customer_en.email = False
        leads[1].name = "Renamed without email"
        self.assertEqual(str(leads[1].description), "<p>won seen</p>")

    # --- interview step done → next step's activity -----------------------
    def test_interview_step_done_schedules_next_activity(self):
        call = self.env.ref("mail.mail_activity_data_call")
        self.env.ref("sales_process_grc.interview_step_contact").activity_type_id = call
        lead = self._create_leads()
        self.assertFalse(self._activities(lead, call), "nothing at creation")
        preparation = lead.interview_line_ids.filtered(
            lambda line: line.step_id.sequence == 10
        )
        preparation.with_user(self.salesman).action_done()
        activity = self._activities(lead, call)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        # switched off: nothing for another lead
        self._set_active("interview_activity", False)
        other = self._create_leads()
        other.interview_line_ids.filtered(
            lambda line: line.step_id.sequence == 10
        ).with_user(self.salesman).action_done()
        self.assertFalse(self._activities(other, call))

    # --- won → thank you + loyalty follow-up ------------------------------
    def test_won_sends_thank_you_and_schedules_loyalty(self):
        self._set_active("won_thank_you", True)
        lead = self._create_leads(partners=self.customer_fr)
        lead.with_user(self.salesman).action_set_won()
        message = self._messages_from(lead, "thank_you")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, self.customer_fr)
        self.assertIn("Merci d'avoir choisi", message.body)
        activity = self._activities(lead, self.loyalty)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(
            activity.date_deadline,
            fields.Date.context_today(lead) + timedelta(days=30),
        )
        self.assertIn(
            self._template("loyalty"), activity.activity_type_id.mail_template_ids
        )

    def test_lost_or_open_lead_gets_nothing(self):
        self._set_active("won_thank_you", True)
        lead = self._create_leads()
        lead.with_user(self.salesman).write({"name": "Renamed"})
        lead.with_user(self.salesman).action_set_lost()
        self.assertFalse(self._messages_from(lead, "thank_you"))
        self.assertFalse(self._activities(lead, self.loyalty))

    def test_thank_you_inactive_sends_nothing(self):
        lead = self._create_leads()
        lead.with_user(self.salesman).action_set_won()
        self.assertFalse(self._messages_from(lead, "thank_you"))
        self.assertFalse(
            self.env["mail.message"].search(
                [
                    ("model", "=", "crm.lead"),
                    ("res_id", "=", lead.id),
                    ("message_type", "=", "auto_comment"),
                ]
            )
        )
        # the internal loyalty follow-up still happens
        self.assertEqual(len(self._activities(lead, self.loyalty)), 1)

    def test_thank_you_not_sent_to_blacklisted_customer(self):
        self._set_active("won_thank_you", True)
        self._blacklist(self.customer_en.email)
        lead = self._create_leads(partners=self.customer_en)
        lead.with_user(self.salesman).action_set_won()
        self.assertFalse(self._messages_from(lead, "thank_you"))
        self.assertEqual(len(self._activities(lead, self.loyalty)), 1)

    # --- customer at risk → re-engagement email + activity ----------------
    def _make_customer(self, **values):
        partner = self.env["res.partner"].create(
            {
                "name": "Walnut Furniture",
                "is_company": True,
                "email": "walnut@example.com",
                "user_id": self.salesman.id,
                **values,
            }
        )
        contact = self.env["res.partner"].create(
            {"name": "Wally", "parent_id": partner.id, "email": "wally@example.com"}
        )
        partner._grc_set_customer_status("customer")
        return partner, contact

    def test_at_risk_customer_gets_email_and_activity(self):
        self._set_active("at_risk_email", True)
        partner, contact = self._make_customer(lang="fr_FR")
        partner._grc_set_customer_status("at_risk", track=False)
        self.assertEqual(contact.customer_status, "at_risk")
        message = self._messages_from(partner, "reengagement")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, partner)
        self.assertIn("Vous nous manquez", message.subject)
        activity = self._activities(partner, self.reengage)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        # contacts mirror the status but get nothing themselves
        self.assertFalse(self._messages_from(contact, "reengagement"))
        self.assertFalse(contact.activity_ids)
        # lost afterwards: no second email
        partner._grc_set_customer_status("lost")
        self.assertEqual(len(self._messages_from(partner, "reengagement")), 1)

    def _classify_customers_bought_on(self, day, customers):
        customers._grc_write_status_values(
            {
                "customer_status": "customer",
                "last_purchase_date": day,
                "customer_since": day,
            },
            track=False,
        )
        self._classify()

    def _classify(self):
        """The daily classification, on the scheduler's own cursor (its
        commits are savepoints in tests)."""
        self._run_cron("res.partner", "_cron_grc_classify_customers")

    def _assigned_notifications(self, user):
        """The "assigned to you" notifications of the re-engagement
        activities sent to ``user``."""
        return self.env["mail.message"].search(
            [
                ("partner_ids", "in", user.partner_id.ids),
                ("message_type", "=", "user_notification"),
                (
                    "subject",
                    "ilike",
                    self.reengage.with_context(lang=user.lang).name,
                ),
            ]
        )

    def test_classification_activities_one_notification_per_salesperson(self):
        """The daily classification makes customers at risk by batches: the
        rule's activities are the same as for one customer, and each
        salesperson is notified once per batch, in his language, with the
        customers listed, instead of once per customer."""
        reference, _contact = self._make_customer(name="Reference Rowan")
        reference._grc_set_customer_status("at_risk", track=False)
        expected = self._activities(reference, self.reengage)
        self.assertEqual(len(expected), 1)
        self.assertFalse(self._assigned_notifications(self.salesman))
        partner_model = self.env["res.partner"]
        sally = partner_model.create(
            [
                {"name": f"Sally's Customer {index}", "is_company": True}
                for index in range(3)
            ]
        )
        sally.write({"user_id": self.salesman.id})
        valerie = partner_model.create(
            [
                {"name": f"Client de Valérie {index}", "is_company": True}
                for index in range(2)
            ]
        )
        valerie.write({"user_id": self.salesman_fr.id})
        nobody = partner_model.create({"name": "Unassigned Umber", "is_company": True})
        self._classify_customers_bought_on(
            fields.Date.today() - timedelta(days=200), sally | valerie | nobody
        )
        for customer in sally | valerie | nobody:
            self.assertEqual(customer.customer_status, "at_risk")
            activity = self._activities(customer, self.reengage)
            self.assertEqual(len(activity), 1, customer.name)
            for fname in ("summary", "note", "date_deadline", "automated"):
                self.assertEqual(activity[fname], expected[fname], fname)
            self.assertEqual(activity.user_id, customer.user_id, customer.name)
        notifications = self._assigned_notifications(self.salesman)
        self.assertEqual(len(notifications), 1)
        self.assertEqual(
            notifications.subject,
            "3 activities “Re-engage the Customer” assigned to you",
        )
        for customer in sally:
            self.assertIn(customer.name, notifications.body)
        french = self._assigned_notifications(self.salesman_fr)
        self.assertEqual(len(french), 1)
        self.assertEqual(
            french.subject, "2 activités « Relancer le client » vous ont été assignées"
        )
        for customer in valerie:
            self.assertIn(customer.name, french.body)

    def test_classification_activities_queries_do_not_grow(self):
        """With the at-risk activity rule on, the classification costs the
        same number of queries for 5 or 25 customers of a salesperson."""
        partner_model = self.env["res.partner"]
        day = fields.Date.today() - timedelta(days=200)

        def count(size, prefix):
            customers = partner_model.create(
                [
                    {
                        "name": f"{prefix} {index}",
                        "is_company": True,
                        "user_id": self.salesman.id,
                        "email": f"{prefix.lower()}{index}@example.com",
                    }
                    for index in range(size)
                ]
            )
            customers._grc_write_status_values(
                {
                    "customer_status": "customer",
                    "last_purchase_date": day,
                    "customer_since": day,
                },
                track=False,
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._classify()
            queries = self.cr.sql_log_count - before
            self.assertEqual(
                set(customers.mapped("customer_status")), {"at_risk"}, prefix
            )
            self.assertEqual(len(customers.activity_ids), size)
            return queries

        small = count(5, "Small")
        large = count(25, "Large")
        # the first run also fills the caches
        self.assertLessEqual(large, small)

    def test_recompute_check_agrees_with_mail(self):
        """The automation actions' check "is this run due to a recomputation
        of the record?" (an activity is not scheduled again for it) gives
        mail's answer, in constant time instead of listing the written
        fields of every record of the write on each record's run."""
        action = self._automation("at_risk_activity").action_server_ids
        partners = self.env["res.partner"].create(
            [{"name": "Recomputed"}, {"name": "Written"}]
        )
        self.env.flush_all()
        recomputed, written = partners
        field = partners._fields["grc_email_legal_basis"]
        # as base_automation gives them: {record id: {written field: value}}
        old_values = {
            partner.id: {"grc_email_legal_basis": "none", "customer_status": False}
            for partner in partners
        }
        cases = {
            "no old values": ({"active_id": recomputed.id}, False),
            "recomputed": (
                {"active_id": recomputed.id, "old_values": old_values},
                True,
            ),
            "written": ({"active_id": written.id, "old_values": old_values}, False),
            "recomputed field in the rule's domain": (
                {
                    "active_ids": recomputed.ids,
                    "old_values": old_values,
                    "domain_post": [("grc_email_legal_basis", "!=", False)],
                },
                False,
            ),
            "every field in the rule's domain": (
                {
                    "active_id": recomputed.id,
                    "old_values": old_values,
                    "domain_post": [
                        "&",
                        ("grc_email_legal_basis", "!=", False),
                        ("customer_status", "=", "at_risk"),
                    ],
                },
                False,
            ),
        }
        self.env.add_to_compute(field, recomputed)
        try:
            for name, (context, expected) in cases.items():
                with self.subTest(name):
                    action_in = action.with_context(**context)
                    self.assertEqual(action_in._is_recompute(), expected)
                    self.assertEqual(action_in._grc_is_recompute(), expected)
        finally:
            self.env.remove_to_compute(field, recomputed)

    def test_at_risk_email_inactive_or_blacklisted(self):
        partner, _contact = self._make_customer()
        partner._grc_set_customer_status("at_risk")
        self.assertFalse(self._messages_from(partner, "reengagement"))
        self.assertEqual(len(self._activities(partner, self.reengage)), 1)
        self._set_active("at_risk_email", True)
        self._set_active("at_risk_activity", False)
        partner_2, _contact = self._make_customer(
            name="Blacklisted Beech", email="beech@example.com"
        )
        self._blacklist("beech@example.com")
        partner_2._grc_set_customer_status("at_risk")
        self.assertFalse(self._messages_from(partner_2, "reengagement"))
        self.assertFalse(self._activities(partner_2, self.reengage))
        # a customer becoming lost directly is not "at risk"
        partner_3, _contact = self._make_customer(name="Pine", email="pine@example.com")
        partner_3._grc_set_customer_status("lost")
        self.assertFalse(self._messages_from(partner_3, "reengagement"))

    # --- offer presented, no reply → follow-up email ----------------------
    def _present_offer(self, partner, days_ago):
        lead = self._create_leads(partners=partner)
        line = lead.interview_line_ids.filtered(
            lambda line: line.step_id == self.step_offer
        )
        line.with_user(self.salesman).action_done()
        line.sudo().done_date = fields.Datetime.now() - timedelta(days=days_ago)
        self.assertTrue(lead.offer_awaiting_reply)
        return lead

    def test_offer_followup_after_delay_without_reply(self):
        self._set_active("offer_followup", True)
        rule = self._automation("offer_followup")
        self.assertEqual(rule.trg_date_range, 7)
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        due = self._present_offer(self.customer_fr, days_ago=8)
        too_early = self._present_offer(self.customer_en, days_ago=3)
        replied = self._present_offer(self.customer_en, days_ago=9)
        replied.message_post(
            body="Thanks, we are studying your offer.",
            author_id=self.customer_en.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertFalse(replied.offer_awaiting_reply)
        self.assertTrue(replied.last_customer_message_date)
        won = self._present_offer(self.customer_en, days_ago=10)
        won.action_set_won()
        self._run_time_based_automations()
        message = self._messages_from(due, "offer_followup")
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, self.customer_fr)
        self.assertIn("Notre offre", message.subject)
        # sent as the salesperson, never with the internal interview sheet
        self.assertEqual(message.author_id, self.salesman.partner_id)
        self.assertFalse(message.attachment_ids)
        for lead in too_early | replied | won:
            self.assertFalse(self._messages_from(lead, "offer_followup"))
        # the follow-up email itself is not a customer reply
        self.assertTrue(due.offer_awaiting_reply)
        # next run: not twice
        self._run_time_based_automations()
        self.assertEqual(len(self._messages_from(due, "offer_followup")), 1)

    def test_offer_followup_carries_no_internal_data(self):
        """The follow-up reaches the customer without attachment and without
        any of the lead's internal data (step notes, objections and their
        answer, temperature, customer status, other deals, lost reasons)."""
        self._set_active("offer_followup", True)
        self._automation("offer_followup").last_run = fields.Datetime.now() - (
            timedelta(days=30)
        )
        lost_reason = self.env["crm.lost.reason"].create(
            {"name": "INTERNAL lost reason Quokka"}
        )
        other = self._create_leads(
            partners=self.customer_fr, name="INTERNAL other deal Wombat"
        )
        other.action_set_lost(lost_reason_id=lost_reason.id)
        lead = self._present_offer(self.customer_fr, days_ago=8)
        lead.interview_line_ids.with_user(self.salesman).write(
            {"note": "INTERNAL step note Platypus"}
        )
        objection_type = self.env["sales.objection.type"].search([], limit=1)
        self.env["sales.lead.objection"].with_user(self.salesman).create(
            {
                "lead_id": lead.id,
                "objection_type_id": objection_type.id,
                "statement": "INTERNAL objection Echidna",
                "answer": "INTERNAL answer Dingo",
            }
        )
        lead.with_user(self.salesman).prospect_temperature = "hot"
        self._run_time_based_automations()
        message = self._messages_from(lead, "offer_followup")
        self.assertEqual(len(message), 1)
        self.assertFalse(message.attachment_ids)
        mails = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertTrue(mails)
        self.assertFalse(mails.attachment_ids)
        internal = [
            "INTERNAL",
            "Quokka",
            "Wombat",
            "Platypus",
            "Echidna",
            "Dingo",
            "Chaud",
            "Hot",
            "Prospect",
        ]
        for body in (message.body, *mails.mapped("body_html")):
            for word in internal:
                self.assertNotIn(word, body)
        self.assertNotIn(
            self.env.ref("sales_process_grc.action_report_interview_sheet"),
            self._template("offer_followup").report_template_ids,
        )

    def test_automation_email_rendered_as_salesperson_in_his_company(self):
        """A customer-facing email of an automation rule is rendered with the
        rights of the lead's salesperson in the lead's company, not as
        superuser over every company (here: the customer's deals of another
        company stay out of the email)."""
        other_company = self.env["res.company"].create({"name": "GRC Other Co"})
        self._create_leads(
            user=False,
            partners=self.customer_fr,
            company=other_company,
            as_user=False,
            name="Deal of the other company Kiwi",
        )
        template = self._template("offer_followup").copy(
            {
                "body_html": "<p>Deals: <t t-out=\"', '.join("
                "object.partner_id.opportunity_ids.mapped('name'))\"/>; "
                'user: <t t-out="user.name"/>; '
                'company: <t t-out="user.env.company.name"/></p>',
            }
        )
        rule = self._automation("offer_followup")
        rule.action_server_ids.template_id = template
        self._set_active("offer_followup", True)
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        lead = self._present_offer(self.customer_fr, days_ago=8)
        self._run_time_based_automations()
        message = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("message_type", "=", "auto_comment"),
            ]
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Automation deal", message.body)
        self.assertNotIn("Kiwi", message.body)
        self.assertIn(f"user: {self.salesman.name}", message.body)
        self.assertIn(f"company: {self.company.name}", message.body)
        self.assertEqual(message.author_id, self.salesman.partner_id)

    def test_automation_email_without_salesperson_is_not_sent(self):
        self._set_active("offer_followup", True)
        rule = self._automation("offer_followup")
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        lead = self._present_offer(self.customer_fr, days_ago=8)
        lead.user_id = False
        self._run_time_based_automations()
        self.assertFalse(self._messages_from(lead, "offer_followup"))

    def test_offer_followup_inactive_or_blacklisted(self):
        rule = self._automation("offer_followup")
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        lead = self._present_offer(self.customer_en, days_ago=8)
        self._run_time_based_automations()
        self.assertFalse(self._messages_from(lead, "offer_followup"), "inactive")
        self._set_active("offer_followup", True)
        rule.last_run = fields.Datetime.now() - timedelta(days=30)
        self._blacklist(self.customer_en.email)
        self._run_time_based_automations()
        self.assertFalse(self._messages_from(lead, "offer_followup"), "blacklisted")

    def test_customer_reply_is_recorded(self):
        lead = self._present_offer(self.customer_en, days_ago=2)
        # a note or a message of the salesperson is not a reply
        lead.with_user(self.salesman).message_post(
            body="Internal note", subtype_xmlid="mail.mt_note"
        )
        lead.with_user(self.salesman).message_post(
            body="Did you read it?", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(lead.last_customer_message_date)
        self.assertTrue(lead.offer_awaiting_reply)
        # an incoming email from an unknown address is
        lead.message_post(
            body="Yes",
            author_id=False,
            email_from="x@example.com",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertTrue(lead.last_customer_message_date)
        self.assertFalse(lead.offer_awaiting_reply)
