# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import load_migration
from .common_interview import InterviewCase

# what the lead form reads of the checklist (see crm_lead_views.xml)
FORM_SPEC = {
    "interview_step_id": {"fields": {"display_name": {}}},
    "interview_step_guidance": {},
    "interview_line_ids": {
        "fields": {"step_id": {"fields": {"display_name": {}}}, "state": {}},
    },
}


@tagged("post_install", "-at_install")
class TestInterviewRead(InterviewCase):
    """How the lead form reads the checklist and the objections: the steps'
    texts from the registry's cache, the lines with their columns, no query
    for the objections of a lead that has none. What is read is always what
    the database holds."""

    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.lead = cls._create_leads()
        cls.first_step = cls.lead.interview_line_ids[0].step_id
        cls.Objection = cls.env["sales.lead.objection"]
        cls.price = cls.env.ref("sales_process_grc.objection_type_price")

    def _objection(self, lead, statement):
        return {
            "lead_id": lead.id,
            "objection_type_id": self.price.id,
            "statement": statement,
        }

    def _form(self, lang="en_US"):
        """The checklist as the lead form reads it in a new request."""
        self.env.flush_all()
        self.env.invalidate_all()
        lead = self.lead.with_user(self.salesman).with_context(lang=lang)
        (values,) = lead.web_read(FORM_SPEC)
        return values

    def _step_names(self, values):
        return [
            line["step_id"]["display_name"] for line in values["interview_line_ids"]
        ]

    def test_step_texts_follow_the_configuration(self):
        """A renamed, re-written, translated or new step shows at once on
        the lead form (the texts' cache is cleared)."""
        values = self._form()
        self.assertEqual(self._step_names(values)[0], self.first_step.name)
        self.assertEqual(values["interview_step_id"]["id"], self.first_step.id)

        step = self.first_step.with_user(self.manager)
        step.write({"name": "Get ready", "guidance": "<p>Read the file</p>"})
        values = self._form()
        self.assertEqual(self._step_names(values)[0], "Get ready")
        self.assertEqual(values["interview_step_id"]["display_name"], "Get ready")
        self.assertEqual(values["interview_step_guidance"], "<p>Read the file</p>")

        self._activate_french()
        step.update_field_translations("name", {"fr_FR": "Se préparer"})
        self.assertEqual(self._step_names(self._form("fr_FR"))[0], "Se préparer")
        step.with_context(lang="fr_FR").write({"name": "Bien se préparer"})
        self.assertEqual(self._step_names(self._form("fr_FR"))[0], "Bien se préparer")
        self.assertEqual(self._step_names(self._form())[0], "Get ready")

        new_step = self.Step.with_user(self.manager).create(
            {"name": "Coffee", "sequence": 1}
        )
        values = self._form()
        self.assertEqual(self._step_names(values)[0], "Coffee")
        self.assertEqual(values["interview_step_id"]["id"], new_step.id)

    def test_step_texts_only_for_who_may_read_the_steps(self):
        """The cached texts are put in the record cache only for a user who
        may read the steps: another one still gets the access error."""
        self._form()  # the cache is filled
        employee = mail_new_test_user(
            self.env, login="interview_read_employee", groups="base.group_user"
        )
        self.env.invalidate_all()
        steps = self.Step.with_user(employee)
        steps._grc_prefetch_texts()
        with self.assertRaises(AccessError):
            steps.browse(self.first_step.id).name  # noqa: B018

    def test_lines_come_with_their_columns(self):
        """Reading a lead's lines and their columns is one query (Odoo's
        one2many takes two: the lines' ids, then their columns); the lines
        are the lead's, in the order of the steps."""
        self.env.flush_all()
        self.env.invalidate_all()
        # as superuser (no record rule to evaluate) and without prefetching
        # the lead's other fields with its lines
        lead = self.lead.sudo().with_context(prefetch_fields=False)
        with self.assertQueryCount(1):
            lines = lead.interview_line_ids
            states = lines.mapped("state")
            lines.mapped("note")
            steps = lines.step_id.ids
        self.assertEqual(states, ["todo"] * len(lines))
        self.assertEqual(steps, self.default_steps.ids)
        self.assertEqual(lines.lead_id, self.lead)

    def test_objection_count_follows_the_objections(self):
        """The count of objections, by which a lead without any reads no
        list, follows creation and deletion, even before anything is written
        to the database; the list is then read."""
        other = self._create_leads()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.lead.objection_count, 0)
        self.lead.invalidate_recordset(["objection_ids"])
        with self.assertQueryCount(0):  # (superuser: no record rule to evaluate)
            self.assertFalse(self.lead.sudo().objection_ids)

        first, second = self.Objection.create(
            [
                self._objection(self.lead, "Too expensive"),
                self._objection(self.lead, "Too late"),
            ]
        )
        # not written yet: the count is to recompute, the list is read
        self.lead.invalidate_recordset(["objection_ids"])
        self.assertEqual(self.lead.objection_ids, first | second)
        self.assertEqual(self.lead.objection_count, 2)

        third = self.Objection.create(self._objection(other, "Not now"))
        self.assertEqual(other.objection_ids, third)
        self.assertEqual((self.lead.objection_count, other.objection_count), (2, 1))

        first.unlink()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.lead.objection_count, 1)
        self.assertEqual(self.lead.objection_ids, second)
        second.unlink()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.lead.objection_count, 0)
        self.assertFalse(self.lead.objection_ids)
        self.assertEqual(other.objection_ids, third)
        self.assertEqual(self._form()["interview_line_ids"][0]["state"], "todo")

    def test_migration_counts_the_objections(self):
        """The upgrade to 19.0.1.0.4 fills the new count from the objections
        (the ORM would compute it lead by lead)."""
        objection = self.Objection.create(self._objection(self.lead, "No"))
        self.Objection.create(self._objection(self.lead, "Never"))
        other = self._create_leads()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET objection_count = 7 WHERE id IN %s",
            [(self.lead.id, other.id)],
        )
        migration = load_migration("19.0.1.0.4", "pre-migrate")
        migration.fill_objection_count(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual((self.lead.objection_count, other.objection_count), (2, 0))
        self.assertEqual(objection.lead_id.objection_count, 2)
