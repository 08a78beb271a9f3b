# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .prospect_temperature_common import ProspectTemperatureCase


@tagged("post_install", "-at_install")
class TestProspectTemperatureLead(ProspectTemperatureCase):
    """Rules that move the temperature of a lead, each one explained in the
    chatter."""

    def test_field_definition(self):
        field = self.env["crm.lead"]._fields["prospect_temperature"]
        self.assertEqual(
            [key for key, _label in field.selection], ["cold", "warm", "hot"]
        )
        self.assertTrue(field.store)
        self.assertTrue(field.index)
        self.assertTrue(field.tracking)

    def test_available_for_predictive_lead_scoring(self):
        variable = self.env.ref(
            "sales_process_grc.frequency_field_prospect_temperature"
        )
        self.assertEqual(variable.field_id.name, "prospect_temperature")
        self.assertEqual(variable.field_id.model, "crm.lead")
        self.assertIn(variable, self.env["crm.lead.scoring.frequency.field"].search([]))
        # once chosen in the settings, the variable feeds the scoring
        self.env["ir.config_parameter"].sudo().set_param(
            "crm.pls_fields", "prospect_temperature"
        )
        self.assertIn(
            "prospect_temperature", self.env["crm.lead"]._pls_get_safe_fields()
        )

    def test_salesman_sets_temperature_by_hand_tracked(self):
        lead = self._create_leads(partner_id=self.alice.id)
        self.env.flush_all()
        self.env.cr.precommit.run()  # mail does not track a lead being created
        self.assertFalse(lead.prospect_temperature, "Not qualified by default")
        lead_as_salesman = lead.with_user(self.salesman)
        with Form(lead_as_salesman) as form:
            form.prospect_temperature = "warm"
        self.assertEqual(lead.prospect_temperature, "warm")
        self.assertTrue(lead.prospect_temperature_date)
        lead_as_salesman.prospect_temperature = "hot"
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking messages are posted at commit
        lead.invalidate_recordset(["message_ids"])
        trackings = lead.message_ids.tracking_value_ids.filtered(
            lambda tracking: tracking.field_id.name == "prospect_temperature"
        )
        self.assertIn("Hot", trackings.mapped("new_value_char"))

    def test_mass_update_logged_in_batch(self):
        leads = self._create_leads(prospect_temperature="cold") | self._create_leads(
            name="Second", prospect_temperature="warm"
        )
        leads.with_user(self.salesman).write(
            {"prospect_temperature": "hot", "priority": "2"}
        )
        self.assertEqual(set(leads.mapped("prospect_temperature")), {"hot"})
        self.assertEqual(set(leads.mapped("priority")), {"2"})
        for lead, old_label in zip(leads, ("Cold", "Warm"), strict=True):
            note = self._temperature_notes(lead)
            self.assertEqual(len(note), 1)
            self.assertEqual(note.tracking_value_ids.old_value_char, old_label)
            self.assertEqual(note.tracking_value_ids.new_value_char, "Hot")

    def test_stage_with_temperature_raises_it(self):
        cold_lead = self._create_leads(prospect_temperature="cold")
        hot_lead = self._create_leads(name="Already hot", prospect_temperature="hot")
        (cold_lead | hot_lead).with_user(self.salesman).write(
            {"stage_id": self.stage_proposal.id}
        )
        self.assertEqual(cold_lead.prospect_temperature, "hot")
        self.assertEqual(hot_lead.prospect_temperature, "hot")
        note = self._temperature_notes(cold_lead)
        self.assertEqual(len(note), 1)
        self.assertIn(f"Stage “{self.stage_proposal.name}” reached", note.body)
        self.assertEqual(note.tracking_value_ids.old_value_char, "Cold")
        self.assertEqual(note.tracking_value_ids.new_value_char, "Hot")
        self.assertFalse(self._temperature_notes(hot_lead), "nothing changed")

    def test_stage_never_lowers_temperature(self):
        self.stage_proposal.prospect_temperature = "warm"
        lead = self._create_leads(prospect_temperature="hot")
        lead.stage_id = self.stage_proposal
        self.assertEqual(lead.prospect_temperature, "hot")

    def test_created_in_stage_with_temperature(self):
        lead = self._create_leads(stage_id=self.stage_proposal.id)
        self.assertEqual(lead.prospect_temperature, "hot")
        self.assertEqual(len(self._temperature_notes(lead)), 1)

    def test_stage_without_temperature_keeps_it(self):
        lead = self._create_leads(
            stage_id=self.stage_proposal.id, prospect_temperature="cold"
        )
        self.assertEqual(lead.prospect_temperature, "hot")
        lead.prospect_temperature = "cold"
        lead.stage_id = self.stage_new
        self.assertEqual(lead.prospect_temperature, "cold")

    def test_won_becomes_hot(self):
        lead = self._create_leads(prospect_temperature="cold")
        lead.with_user(self.salesman).action_set_won()
        self.assertEqual(lead.won_status, "won")
        self.assertEqual(lead.prospect_temperature, "hot")
        note = self._temperature_notes(lead)
        self.assertEqual(len(note), 1)
        self.assertIn("Opportunity won", note.body)

    def test_customer_temperature_follows_the_won_status(self):
        """The customer's temperature is the hottest of its open leads: a won
        lead no longer counts, a reopened one counts again (the won status is
        not in its ``@api.depends``: crm.lead._grc_won_status_changed)."""
        customer = self.env["res.partner"].create(
            {"name": "Temperature Customer", "is_company": True}
        )
        hot = self._create_leads(partners=customer, prospect_temperature="hot")
        self._create_leads(partners=customer, prospect_temperature="warm")
        self.assertEqual(customer.prospect_temperature, "hot")
        hot.with_user(self.salesman).action_set_won()
        self.assertEqual(hot.won_status, "won")
        self.assertTrue(hot.active)
        self.assertEqual(customer.prospect_temperature, "warm")
        hot.with_user(self.salesman).stage_id = self.stage_new
        self.assertEqual(hot.won_status, "pending")
        self.assertEqual(customer.prospect_temperature, "hot")
        # the won status written as such (an import, an integration) counts too
        hot.write({"won_status": "won"})
        self.assertEqual(customer.prospect_temperature, "warm")

    def test_lost_keeps_temperature(self):
        lead = self._create_leads(prospect_temperature="warm")
        lead.with_user(self.salesman).action_set_lost()
        self.assertEqual(lead.won_status, "lost")
        self.assertEqual(lead.prospect_temperature, "warm")
        self.assertFalse(self._temperature_notes(lead))

    def test_merge_keeps_hottest(self):
        # the oldest lead leads the merge: without the rule its value (cold),
        # the first one found, would win
        cold = self._create_leads(name="Oldest, cold", prospect_temperature="cold")
        hot = self._create_leads(name="Hot", prospect_temperature="hot")
        unqualified = self._create_leads(name="Newest, unqualified")
        merged = (hot | cold | unqualified).merge_opportunity(auto_unlink=False)
        self.assertEqual(merged, cold)
        self.assertEqual(merged.prospect_temperature, "hot")

    def test_group_by_temperature_shows_all_columns(self):
        lead = self._create_leads(prospect_temperature="hot")
        # the web client asks for the empty groups of kanban columns
        leads_model = self.env["crm.lead"].with_context(read_group_expand=True)
        groups = leads_model.formatted_read_group(
            # this test's lead (the team has crm's leads too)
            [("team_id", "=", self.team.id), ("id", "=", lead.id)],
            ["prospect_temperature"],
            ["__count"],
        )
        self.assertEqual(
            [group["prospect_temperature"] for group in groups],
            ["cold", "warm", "hot"],
        )
        self.assertEqual([group["__count"] for group in groups], [0, 0, 1])

    def test_search_filters(self):
        hot = self._create_leads(prospect_temperature="hot")
        unqualified = self._create_leads(name="Unqualified")
        leads_model = self.env["crm.lead"].with_user(self.salesman)
        team = [("team_id", "=", self.team.id)]
        self.assertEqual(
            leads_model.search(team + [("prospect_temperature", "=", "hot")]), hot
        )
        self.assertEqual(
            leads_model.search(team + [("prospect_temperature", "=", False)]),
            unqualified,
        )

    def test_pipeline_views(self):
        """Badge widget on forms, lists and every kanban card; filters and
        group by in the search views; a dimension of the pivot and graph."""
        lead_model = self.env["crm.lead"].with_user(self.salesman)
        for xmlid, view_type in (
            ("crm.crm_lead_view_form", "form"),
            ("crm.crm_case_tree_view_oppor", "list"),
            ("crm.crm_case_tree_view_leads", "list"),
            ("crm.crm_case_kanban_view_leads", "kanban"),
            ("crm.view_crm_lead_kanban", "kanban"),
        ):
            arch = lead_model.get_view(self.env.ref(xmlid).id, view_type)["arch"]
            self.assertIn('widget="prospect_temperature"', arch, xmlid)
        for xmlid in (
            "crm.view_crm_case_opportunities_filter",
            "crm.view_crm_case_leads_filter",
        ):
            arch = lead_model.get_view(self.env.ref(xmlid).id, "search")["arch"]
            for name in (
                "filter_prospect_temperature_cold",
                "filter_prospect_temperature_warm",
                "filter_prospect_temperature_hot",
                "filter_prospect_temperature_none",
                "groupby_prospect_temperature",
            ):
                self.assertIn(f'name="{name}"', arch, xmlid)
        for xmlid, view_type in (
            ("crm.crm_lead_view_pivot", "pivot"),
            ("crm.crm_lead_view_graph", "graph"),
        ):
            arch = lead_model.get_view(self.env.ref(xmlid).id, view_type)["arch"]
            self.assertIn('name="prospect_temperature"', arch, xmlid)
        # the pivot and graph group by it, as the web client asks
        self._create_leads(prospect_temperature="warm", expected_revenue=100)
        groups = lead_model.formatted_read_group(
            [("team_id", "=", self.team.id)],
            ["prospect_temperature", "stage_id"],
            ["expected_revenue:sum"],
        )
        self.assertEqual(
            [(g["prospect_temperature"], g["expected_revenue:sum"]) for g in groups],
            [("warm", 100)],
        )


@tagged("post_install", "-at_install")
class TestProspectTemperatureMeeting(ProspectTemperatureCase):
    """Answers of the customer to a meeting linked to the lead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls._create_leads(
            partner_id=cls.alice.id, email_from="alice.martin@example.com"
        )
        start = datetime.now() + timedelta(days=3)
        cls.meeting = (
            cls.env["calendar.event"]
            .with_user(cls.salesman)
            .with_context(mail_notify_author=False)
            .create(
                {
                    "name": "Demo",
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "opportunity_id": cls.lead.id,
                    "partner_ids": [
                        (4, cls.alice.id),
                        (4, cls.bob.id),
                        (4, cls.salesman.partner_id.id),
                    ],
                }
            )
        )

    def _attendee(self, partner):
        return self.meeting.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == partner
        ).with_user(self.salesman)

    def test_decline_makes_cold_with_explanation(self):
        # the lead is hot since an earlier transaction; mail logs the answer's
        # change when this one ends (MailCase.flush_tracking)
        self.lead.prospect_temperature = "hot"
        self.flush_tracking()
        before = self._temperature_notes(self.lead)
        self._attendee(self.alice).do_decline()
        self.assertEqual(self.lead.prospect_temperature, "cold")
        self.flush_tracking()
        note = self._temperature_notes(self.lead) - before
        self.assertEqual(len(note), 1)
        self.assertIn("Meeting “Demo” declined by Alice Martin", note.body)
        self.assertEqual(note.author_id, self.alice)
        self.assertEqual(note.tracking_value_ids.old_value_char, "Hot")
        self.assertEqual(note.tracking_value_ids.new_value_char, "Cold")

    def test_accept_makes_warm(self):
        self.lead.prospect_temperature = "cold"
        self.flush_tracking()
        before = self._temperature_notes(self.lead)
        self._attendee(self.alice).do_accept()
        self.assertEqual(self.lead.prospect_temperature, "warm")
        self.flush_tracking()
        note = self._temperature_notes(self.lead) - before
        self.assertIn("Meeting “Demo” accepted by Alice Martin", note.body)

    def test_accept_from_not_qualified(self):
        self._attendee(self.alice).do_accept()
        self.assertEqual(self.lead.prospect_temperature, "warm")

    def test_accept_keeps_hot(self):
        self.lead.prospect_temperature = "hot"
        self._attendee(self.alice).do_accept()
        self.assertEqual(self.lead.prospect_temperature, "hot")
        self.assertFalse(self._temperature_notes(self.lead))

    def test_attendee_matched_by_email(self):
        self.lead.partner_id = False
        self.lead.email_from = "alice.martin@example.com"
        self._attendee(self.alice).do_decline()
        self.assertEqual(self.lead.prospect_temperature, "cold")

    def test_other_attendees_ignored(self):
        # Bob is a colleague of the customer, neither the lead's contact nor
        # its email; the salesman is not the customer either
        self.lead.prospect_temperature = "warm"
        self._attendee(self.bob).do_decline()
        self._attendee(self.salesman.partner_id).do_decline()
        self.assertEqual(self.lead.prospect_temperature, "warm")

    def test_state_write_also_counts(self):
        self._attendee(self.alice).write({"state": "declined"})
        self.assertEqual(self.lead.prospect_temperature, "cold")

    def test_closed_lead_not_changed(self):
        self.lead.action_set_lost()
        self._attendee(self.alice).do_accept()
        self.assertFalse(self.lead.prospect_temperature)

    def test_meeting_without_lead(self):
        self.meeting.opportunity_id = False
        self._attendee(self.alice).do_decline()
        self.assertFalse(self.lead.prospect_temperature)


@tagged("post_install", "-at_install")
class TestProspectTemperaturePartner(ProspectTemperatureCase):
    """Hottest temperature of the open leads of a commercial entity."""

    def test_aggregation_across_company_and_contacts(self):
        self.assertFalse(self.customer_company.prospect_temperature)
        lead_alice = self._create_leads(
            partner_id=self.alice.id, prospect_temperature="cold"
        )
        entity = self.customer_company | self.alice | self.bob
        self.assertEqual(set(entity.mapped("prospect_temperature")), {"cold"})
        lead_bob = self._create_leads(partner_id=self.bob.id)
        lead_bob.with_user(self.salesman).prospect_temperature = "warm"
        self.assertEqual(set(entity.mapped("prospect_temperature")), {"warm"})
        self._create_leads(
            partner_id=self.customer_company.id, prospect_temperature="hot"
        )
        self.assertEqual(set(entity.mapped("prospect_temperature")), {"hot"})
        self.assertEqual(
            self.env["res.partner"].search(
                [("prospect_temperature", "=", "hot"), ("id", "in", entity.ids)]
            ),
            entity,
            "searchable",
        )
        self.assertEqual(lead_alice.commercial_entity_id, self.customer_company)

    def test_only_open_leads_count(self):
        lead_hot = self._create_leads(
            partner_id=self.alice.id, prospect_temperature="hot"
        )
        lead_cold = self._create_leads(
            partner_id=self.bob.id, prospect_temperature="cold"
        )
        lead_hot.action_set_lost()
        self.assertEqual(self.customer_company.prospect_temperature, "cold")
        lead_hot.action_restore()
        self.assertEqual(self.customer_company.prospect_temperature, "hot")
        lead_hot.action_set_won()
        self.assertEqual(self.customer_company.prospect_temperature, "cold")
        lead_cold.action_archive()
        self.assertFalse(self.customer_company.prospect_temperature)

    def test_partner_change_and_unlink(self):
        other = self.env["res.partner"].create({"name": "Other Co", "is_company": True})
        lead = self._create_leads(partner_id=self.alice.id, prospect_temperature="hot")
        lead.partner_id = other
        self.assertFalse(self.alice.prospect_temperature)
        self.assertEqual(other.prospect_temperature, "hot")
        lead.unlink()
        self.assertFalse(other.prospect_temperature)

    def test_contact_moving_to_another_company(self):
        other = self.env["res.partner"].create({"name": "Other Co", "is_company": True})
        self._create_leads(partner_id=self.alice.id, prospect_temperature="hot")
        self.alice.parent_id = other
        self.assertEqual(other.prospect_temperature, "hot")
        self.assertEqual(self.alice.prospect_temperature, "hot")
        self.assertFalse(self.customer_company.prospect_temperature)
        self.assertFalse(self.bob.prospect_temperature)

    def test_partner_views_show_temperature(self):
        for view_xmlid in ("base.view_partner_form", "base.view_partner_tree"):
            arch = self.env["res.partner"].get_view(self.env.ref(view_xmlid).id)["arch"]
            self.assertIn('name="prospect_temperature"', arch)


@tagged("post_install", "-at_install")
class TestProspectTemperatureMultiCompany(ProspectTemperatureCase):
    """Leads of another company stay out of reach, and the aggregate on a
    shared partner never depends on who triggered its recomputation."""

    multi_company = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.company_2
        cls.salesman_b = cls.user_sales_salesman_c2
        cls.lead_b = cls.env["crm.lead"].create(
            {
                "name": "Company B lead",
                "type": "opportunity",
                "company_id": cls.company_b.id,
                "user_id": cls.salesman_b.id,
                "partner_id": cls.bob.id,
                "prospect_temperature": "hot",
            }
        )

    def test_other_company_leads_out_of_reach(self):
        lead_a = self._create_leads(
            partner_id=self.alice.id, prospect_temperature="cold"
        )
        leads_model = self.env["crm.lead"].with_user(self.salesman)
        self.assertEqual(
            leads_model.search(
                [
                    ("prospect_temperature", "!=", False),
                    ("partner_id", "in", (self.alice | self.bob).ids),
                ]
            ),
            lead_a,
        )
        with self.assertRaises(AccessError):
            self.lead_b.with_user(self.salesman).prospect_temperature = "cold"
        self.assertEqual(self.lead_b.prospect_temperature, "hot")

    def test_aggregate_independent_of_triggering_user(self):
        lead_a = self._create_leads(partner_id=self.alice.id)
        # the salesman of company A cannot read the company B lead, but his
        # change must not hide it from the stored aggregate of the shared
        # partner
        lead_a.with_user(self.salesman).prospect_temperature = "cold"
        self.assertEqual(self.customer_company.prospect_temperature, "hot")
        self.lead_b.with_user(self.salesman_b).prospect_temperature = "warm"
        self.assertEqual(self.customer_company.prospect_temperature, "warm")


@tagged("post_install", "-at_install")
class TestProspectTemperatureMailTracking(ProspectTemperatureCase):
    """The cause of an automatic change of a lead existing before the
    transaction is the body of mail's own tracking message, logged at the end
    of the transaction with the lead's other tracked changes. Each user action
    is its own transaction in production (one RPC): the tests end it as the
    commit does."""

    SCRIPT = "<script>alert('grc')</script>"

    def _end_transaction(self):
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _temperature_tracking(self, message):
        return message.tracking_value_ids.filtered(
            lambda tracking: tracking.field_id.name == "prospect_temperature"
        )

    def _meeting(self, lead, name="Demo"):
        start = datetime.now() + timedelta(days=3)
        return (
            self.env["calendar.event"]
            .with_user(self.salesman)
            .with_context(mail_notify_author=False)
            .create(
                {
                    "name": name,
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "opportunity_id": lead.id,
                    "partner_ids": [
                        (4, lead.partner_id.id),
                        (4, self.salesman.partner_id.id),
                    ],
                }
            )
        )

    def test_stage_reached_in_the_stage_change_message(self):
        leads = self._create_leads(prospect_temperature="cold") | self._create_leads(
            name="Second", prospect_temperature="warm"
        )
        self._end_transaction()
        leads.with_user(self.salesman).write({"stage_id": self.stage_proposal.id})
        self._end_transaction()
        for lead, old_label in zip(leads, ("Cold", "Warm"), strict=True):
            note = self._temperature_notes(lead)
            self.assertEqual(len(note), 1)
            self.assertEqual(
                note.body, f"<p>Stage “{self.stage_proposal.name}” reached</p>"
            )
            self.assertEqual(note.subtype_id, self.env.ref("crm.mt_lead_stage"))
            self.assertEqual(note.author_id, self.salesman.partner_id)
            self.assertEqual(
                set(note.tracking_value_ids.field_id.mapped("name")),
                {"stage_id", "prospect_temperature"},
                "one message for the stage and the temperature it brings",
            )
            tracking = self._temperature_tracking(note)
            self.assertEqual(tracking.old_value_char, old_label)
            self.assertEqual(tracking.new_value_char, "Hot")

    def test_won_in_the_won_message(self):
        lead = self._create_leads(prospect_temperature="cold")
        self._end_transaction()
        lead.with_user(self.salesman).action_set_won()
        self._end_transaction()
        note = self._temperature_notes(lead)
        self.assertEqual(len(note), 1)
        self.assertIn("Opportunity won", note.body)
        self.assertEqual(note.subtype_id, self.env.ref("crm.mt_lead_won"))
        self.assertEqual(self._temperature_tracking(note).old_value_char, "Cold")
        self.assertEqual(self._temperature_tracking(note).new_value_char, "Hot")

    def test_meeting_answer_authored_by_the_customer(self):
        lead = self._create_leads(partner_id=self.alice.id)
        meeting = self._meeting(lead)
        self._end_transaction()
        lead.with_user(self.salesman).prospect_temperature = "hot"
        self._end_transaction()
        attendee = meeting.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == self.alice
        )
        # the customer's own answer through the invitation's public link
        attendee.with_user(self.env.ref("base.public_user")).sudo().do_decline()
        self._end_transaction()
        self.assertEqual(lead.prospect_temperature, "cold")
        hand, answer = self._temperature_notes(lead).sorted("id")
        self.assertFalse(hand.body, "a change by hand has no cause to give")
        self.assertEqual(hand.author_id, self.salesman.partner_id)
        self.assertEqual(answer.body, "<p>Meeting “Demo” declined by Alice Martin</p>")
        self.assertEqual(answer.author_id, self.alice)
        self.assertEqual(answer.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(self._temperature_tracking(answer).old_value_char, "Hot")
        self.assertEqual(self._temperature_tracking(answer).new_value_char, "Cold")

    def test_hostile_names_escaped(self):
        stage = self.env["crm.stage"].create(
            {"name": f"Stage {self.SCRIPT}", "prospect_temperature": "warm"}
        )
        customer = self.env["res.partner"].create(
            {"name": f"Alice {self.SCRIPT}", "email": "hostile@example.com"}
        )
        lead = self._create_leads(partner_id=customer.id)
        meeting = self._meeting(lead, name=f"Visit {self.SCRIPT}")
        self._end_transaction()
        lead.with_user(self.salesman).stage_id = stage
        self._end_transaction()
        meeting.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == customer
        ).with_user(self.salesman).do_decline()
        self._end_transaction()
        reached, declined = self._temperature_notes(lead).sorted("id")
        escaped = "&lt;script&gt;alert('grc')&lt;/script&gt;"
        self.assertEqual(reached.body, f"<p>Stage “Stage {escaped}” reached</p>")
        self.assertEqual(
            declined.body,
            f"<p>Meeting “Visit {escaped}” declined by Alice {escaped}</p>",
        )

    def test_reason_in_the_language_of_the_user(self):
        self._activate_french()
        lead = self._create_leads(prospect_temperature="cold")
        self._end_transaction()
        lead.with_user(self.salesman).with_context(lang="fr_FR").write(
            {"stage_id": self.stage_proposal.id}
        )
        self._end_transaction()
        self.assertIn(
            f"Étape « {self.stage_proposal.name} » atteinte",
            self._temperature_notes(lead).body,
        )

    def test_created_in_a_stage_explained_once(self):
        """Mail tracks nothing of a lead in the transaction that creates it:
        the temperature its stage gives is explained by a note of its own,
        and mail adds no second one at commit."""
        lead = self._create_leads(stage_id=self.stage_proposal.id)
        self._end_transaction()
        note = self._temperature_notes(lead)
        self.assertEqual(len(note), 1)
        self.assertEqual(
            note.body, f"<p>Stage “{self.stage_proposal.name}” reached</p>"
        )
        self.assertFalse(self._temperature_tracking(note).old_value_char)
        self.assertEqual(self._temperature_tracking(note).new_value_char, "Hot")
