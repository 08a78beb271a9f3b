# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_interview import InterviewCase


@tagged("post_install", "-at_install")
class TestInterviewConfig(InterviewCase):
    def test_delete_step_in_use_is_refused(self):
        lead = self._create_leads()
        self._line(lead, self.step_contact).action_done()
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            self.step_contact.with_user(self.manager).unlink()
        self.assertTrue(self.step_contact.exists())
        # a step nobody worked on goes, with its lines to do
        self.step_discovery.with_user(self.manager).unlink()
        self.assertNotIn("Discovery", lead.interview_line_ids.step_id.mapped("name"))

    def test_delete_objection_type_in_use_is_refused(self):
        objection_types = self.env["sales.objection.type"].with_user(self.manager)
        used, unused = objection_types.create(
            [{"name": "Too far"}, {"name": "Too slow"}]
        )
        lead = self._create_leads()
        self.env["sales.lead.objection"].with_user(self.salesman).create(
            {"lead_id": lead.id, "objection_type_id": used.id}
        )
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            used.unlink()
        unused.unlink()
        used.action_archive()
        self.assertFalse(used.active)

    def test_salesman_reads_but_does_not_configure(self):
        step_model = self.Step.with_user(self.salesman)
        self.assertTrue(step_model.search([]))
        with self.assertRaises(AccessError):
            step_model.create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.step_contact.with_user(self.salesman).write({"name": "Call"})
        with self.assertRaises(AccessError):
            self.env["sales.objection.type"].with_user(self.salesman).create(
                {"name": "Mine"}
            )

    def test_salesman_logs_objections_on_own_leads(self):
        price = self.env.ref("sales_process_grc.objection_type_price")
        lead = self._create_leads().with_user(self.salesman)
        lead.write(
            {
                "objection_ids": [
                    (
                        0,
                        0,
                        {
                            "objection_type_id": price.id,
                            "statement": "Your competitor is 10% cheaper",
                            "answer": "Delivery in 3 weeks instead of 8",
                        },
                    )
                ],
                "offer_lead_time": "3 weeks",
                "offer_payment_terms": "30 days",
            }
        )
        objection = lead.objection_ids
        self.assertEqual(objection.recommended_answer, price.recommended_answer)
        objection.resolved = True
        self.assertTrue(objection.resolved)

    def test_kanban_filters_and_group_by(self):
        not_started = self._create_leads(name="Not started")
        in_progress = self._create_leads(name="In progress")
        complete = self._create_leads(name="Complete")
        self._line(in_progress, self.step_preparation).action_done()
        complete.interview_line_ids.action_skip()
        self._line(complete, self.step_contact).action_done()
        leads = not_started + in_progress + complete

        view = self.env.ref("crm.view_crm_case_opportunities_filter")
        arch = etree.fromstring(
            self.env["crm.lead"].get_view(view.id, "search")["arch"]
        )
        expected = {
            "interview_not_started": not_started,
            "interview_in_progress": in_progress,
            "interview_complete": complete,
        }
        lead_model = self.env["crm.lead"].with_user(self.salesman)
        for name, lead in expected.items():
            node = arch.xpath(f"//filter[@name='{name}']")[0]
            domain = safe_eval(node.get("domain"))
            found = lead_model.search(domain + [("id", "in", leads.ids)])
            self.assertEqual(found, lead, name)
        node = arch.xpath("//filter[@name='group_interview_step']")[0]
        self.assertEqual(node.get("context"), "{'group_by': 'interview_step_id'}")
        groups = lead_model._read_group(
            [("id", "in", leads.ids)], ["interview_step_id"], ["__count"]
        )
        self.assertEqual(
            dict(groups),
            {
                self.step_preparation: 1,
                self.step_contact: 1,
                self.Step: 1,
            },
        )
