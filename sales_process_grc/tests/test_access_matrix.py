# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access matrix of issue 10: who may read, create, write and delete each model
of the addon, which records each user sees (own documents, all leads,
multi-company), and who may run each action. The expected outcomes are
tables: any change of rights makes these tests fail."""

import csv
import inspect

from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

ADDON = "sales_process_grc"
USERS = ("salesman", "all_leads", "manager", "internal", "portal", "public")
OPERATIONS = {"r": "read", "c": "create", "w": "write", "u": "unlink"}
ALL = "rcwu"

# Model rights (ir.model.access) per user: the letters of the operations
# allowed. Internal users without sales rights, portal and public users get
# nothing on any model of the addon.
NONE = {"internal": "", "portal": "", "public": ""}
ACL = {
    # configuration: read by the sales force, managed by the Sales Administrator
    "sales.interview.step": {"salesman": "r", "all_leads": "r", "manager": ALL},
    "sales.objection.type": {"salesman": "r", "all_leads": "r", "manager": ALL},
    "sales.churn.reason": {"salesman": "r", "all_leads": "r", "manager": ALL},
    # the salesperson's own work on a lead
    "sales.interview.line": {"salesman": ALL, "all_leads": ALL, "manager": ALL},
    "sales.lead.objection": {"salesman": ALL, "all_leads": ALL, "manager": ALL},
    # audit trail of the customer status: written by the status mechanism only
    "sales.customer.status.event": {"salesman": "r", "all_leads": "r", "manager": "r"},
    # computed figures and the log of the letters sent: read only for everyone
    # (the recompute wizard and the scheduled actions write them)
    "sales.attrition.snapshot": {"salesman": "r", "all_leads": "r", "manager": "r"},
    "sales.information.letter": {"salesman": "r", "all_leads": "r", "manager": "r"},
    # analysis views (SQL views): read only
    "sales.attrition.report": {"salesman": "r", "all_leads": "r", "manager": "r"},
    "sales.customer.cohort.report": {
        "salesman": "r",
        "all_leads": "r",
        "manager": "r",
    },
    "sales.interview.dropoff.report": {
        "salesman": "r",
        "all_leads": "r",
        "manager": "r",
    },
    # wizards
    "sales.customer.lost.wizard": {"salesman": ALL, "all_leads": ALL, "manager": ALL},
    "sales.attrition.report.wizard": {
        "salesman": ALL,
        "all_leads": ALL,
        "manager": ALL,
    },
    "sales.reengagement.wizard": {"salesman": "", "all_leads": ALL, "manager": ALL},
    "sales.attrition.recompute.wizard": {
        "salesman": "",
        "all_leads": "",
        "manager": ALL,
    },
}

# Records each user may read / write / delete: "own" (lead of the salesman),
# "colleague" (lead of another salesman of company A), "company_b" (lead of
# company B); "a"/"b" for the records that belong to a company.
LEAD_RULES = {
    "salesman": {"own": "rwu", "colleague": "", "company_b": ""},
    "all_leads": {"own": "rwu", "colleague": "rwu", "company_b": ""},
    "manager": {"own": "rwu", "colleague": "rwu", "company_b": ""},
    "internal": {"own": "", "colleague": "", "company_b": ""},
    "portal": {"own": "", "colleague": "", "company_b": ""},
    "public": {"own": "", "colleague": "", "company_b": ""},
}
COMPANY_RULES = {
    # model: {user: {"a": ops, "b": ops}}
    "sales.customer.status.event": {
        "salesman": {"a": "r", "b": ""},
        "all_leads": {"a": "r", "b": ""},
        "manager": {"a": "r", "b": ""},
    },
    "sales.attrition.snapshot": {
        "salesman": {"a": "r", "b": ""},
        "all_leads": {"a": "r", "b": ""},
        "manager": {"a": "r", "b": ""},
    },
    "sales.information.letter": {
        "salesman": {"a": "r", "b": ""},
        "all_leads": {"a": "r", "b": ""},
        "manager": {"a": "r", "b": ""},
    },
}

OK = "ok"
DENIED = AccessError
# Who may run each action method of the addon (on a record of his own
# company, and for the salesman on his own documents).
ACTIONS = {
    ("sales.interview.line", "action_done"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
    ("sales.interview.line", "action_skip"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
    ("sales.interview.line", "action_reset"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
    ("sales.customer.lost.wizard", "action_mark_lost"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
    ("sales.reengagement.wizard", "action_create_opportunities"): {
        "salesman": DENIED,
        "all_leads": OK,
        "manager": OK,
    },
    ("sales.attrition.report.wizard", "action_print"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
    ("sales.attrition.recompute.wizard", "action_recompute"): {
        "salesman": DENIED,
        "all_leads": DENIED,
        "manager": OK,
    },
    ("res.partner", "action_grc_email_opposition"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
    # crm's own action, extended by the addon (opposition to emails)
    ("crm.lead", "action_set_lost"): {
        "salesman": OK,
        "all_leads": OK,
        "manager": OK,
    },
}
for _outcomes in ACTIONS.values():
    _outcomes.update({"internal": DENIED, "portal": DENIED, "public": DENIED})


def addon_classes(model):
    """The classes of the addon that make up ``model``."""
    return [
        klass
        for klass in type(model).__mro__
        if (klass.__module__ or "").startswith(f"odoo.addons.{ADDON}.")
    ]


class AccessMatrixCase(TransactionCase):
    @classmethod
    def setUpClass(cls):  # pylint: disable=invalid-name
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Matrix Company B"})

        def user(login, groups, company=cls.company_a):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[company.id],
            )

        cls.users = {
            "salesman": user("matrix_salesman", "sales_team.group_sale_salesman"),
            "all_leads": user(
                "matrix_all_leads", "sales_team.group_sale_salesman_all_leads"
            ),
            "manager": user("matrix_manager", "sales_team.group_sale_manager"),
            "internal": user("matrix_internal", "base.group_user"),
            "portal": user("matrix_portal", "base.group_portal"),
            "public": user("matrix_public", "base.group_public"),
        }
        cls.salesman = cls.users["salesman"]
        cls.colleague = user("matrix_colleague", "sales_team.group_sale_salesman")
        cls.salesman_b = user(
            "matrix_salesman_b", "sales_team.group_sale_salesman", cls.company_b
        )
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Matrix Won", "is_won": True, "sequence": 99}
        )
        cls.price = cls.env.ref(f"{ADDON}.objection_type_price")
        cls.reason = cls.env.ref(f"{ADDON}.churn_reason_price")
        cls.leads = {
            "own": cls._lead("Own deal", cls.salesman, cls.company_a),
            "colleague": cls._lead("Colleague's deal", cls.colleague, cls.company_a),
            "company_b": cls._lead("Deal of B", cls.salesman_b, cls.company_b),
        }
        cls.lines = {
            key: lead.interview_line_ids[:1] for key, lead in cls.leads.items()
        }
        cls.objections = {
            key: cls.env["sales.lead.objection"].create(
                {"lead_id": lead.id, "objection_type_id": cls.price.id}
            )
            for key, lead in cls.leads.items()
        }
        # a customer in each company: status events, snapshots, letters
        cls.customer_a = cls._customer("Customer of A", cls.salesman, cls.company_a)
        cls.customer_b = cls._customer("Customer of B", cls.salesman_b, cls.company_b)
        today = fields.Date.context_today(cls.env["res.partner"])
        snapshot_model = cls.env["sales.attrition.snapshot"]
        cls.snapshots = {
            "a": snapshot_model._compute_snapshots([today], cls.company_a),
            "b": snapshot_model._compute_snapshots([today], cls.company_b),
        }
        event_model = cls.env["sales.customer.status.event"]
        cls.events = {
            "a": event_model.search([("partner_id", "=", cls.customer_a.id)]),
            "b": event_model.search([("partner_id", "=", cls.customer_b.id)]),
        }
        letter_model = cls.env["sales.information.letter"]
        cls.letters = {
            key: letter_model.create(
                {
                    "partner_id": partner.id,
                    "period_start": today.replace(day=1),
                    "company_id": company.id,
                }
            )
            for key, partner, company in (
                ("a", cls.customer_a, cls.company_a),
                ("b", cls.customer_b, cls.company_b),
            )
        }

    @classmethod
    def _lead(cls, name, user, company, **values):
        lead = (
            cls.env["crm.lead"]
            .with_company(company)
            .create(
                {
                    "name": name,
                    "type": "opportunity",
                    "user_id": user.id,
                    "company_id": company.id,
                    **values,
                }
            )
        )
        return lead.with_env(cls.env)

    @classmethod
    def _customer(cls, name, user, company):
        """A company that bought once (won opportunity) in ``company``."""
        partner = cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "user_id": user.id,
                "email": f"{name.replace(' ', '.').lower()}@example.com",
            }
        )
        lead = cls._lead(f"Sale to {name}", user, company, partner_id=partner.id)
        lead.action_set_won()
        return partner

    def _allowed(self, record, user, operation):
        return record.with_user(user).has_access(operation)


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCase):
    def test_every_model_of_the_access_file_is_in_the_matrix(self):
        with file_open(f"{ADDON}/security/ir.model.access.csv") as access_file:
            rows = list(csv.DictReader(access_file))
        models_in_file = {
            self.env["ir.model.data"]._xmlid_to_res_model_res_id(
                f"{ADDON}.{row['model_id:id']}"
            )[1]
            for row in rows
        }
        names = set(self.env["ir.model"].browse(models_in_file).mapped("model"))
        self.assertEqual(
            names,
            set(ACL),
            "every model given rights by the addon has its row in ACL",
        )
        # and every model the addon defines (abstract ones aside) has rights
        own_models = {
            name
            for name, model_cls in self.registry.items()
            if model_cls._original_module == ADDON and not model_cls._abstract
        }
        self.assertEqual(own_models - set(ACL), set())

    def test_model_rights(self):
        for model, expected in ACL.items():
            expected = {**NONE, **expected}
            for user_key in USERS:
                user = self.users[user_key]
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, user=user_key, operation=operation):
                        self.assertEqual(
                            self.env[model].with_user(user).has_access(operation),
                            letter in expected[user_key],
                        )

    def test_lines_and_objections_follow_their_lead(self):
        for records in (self.lines, self.objections):
            for user_key in USERS:
                user = self.users[user_key]
                for record_key, record in records.items():
                    allowed = LEAD_RULES[user_key][record_key]
                    for letter in "rwu":
                        operation = OPERATIONS[letter]
                        with self.subTest(
                            model=record._name,
                            user=user_key,
                            record=record_key,
                            operation=operation,
                        ):
                            self.assertEqual(
                                self._allowed(record, user, operation),
                                letter in allowed,
                            )
                    if "r" in allowed:
                        found = (
                            self.env[record._name]
                            .with_user(user)
                            .search([("id", "=", record.id)])
                        )
                        self.assertEqual(found, record)
                    elif self.env[record._name].with_user(user).has_access("read"):
                        found = (
                            self.env[record._name]
                            .with_user(user)
                            .search([("id", "=", record.id)])
                        )
                        self.assertFalse(found, f"{user_key} sees {record_key}")

    def test_partner_fields_of_the_addon_are_internal(self):
        """Every field the addon adds to contacts (status, churn, temperature,
        letters, email legal basis...) is hidden from portal and public users;
        the sales fields also from employees without sales rights."""
        partner_model = self.env["res.partner"]
        added = {
            fname: field
            for fname, field in partner_model._fields.items()
            if field._module == ADDON and not field.related
        }
        self.assertIn("customer_status", added)
        self.assertIn("prospect_temperature", added)
        for fname, field in added.items():
            for user_key in ("portal", "public"):
                with self.subTest(field=fname, user=user_key):
                    self.assertFalse(
                        partner_model.with_user(self.users[user_key])._has_field_access(
                            field, "read"
                        )
                    )
        internal = partner_model.with_user(self.users["internal"])
        for fname in ("prospect_temperature", "prospect_lead_ids"):
            self.assertFalse(internal._has_field_access(added[fname], "read"))
        self.assertTrue(internal._has_field_access(added["customer_status"], "read"))

    def test_company_records(self):
        records = {
            "sales.customer.status.event": self.events,
            "sales.attrition.snapshot": self.snapshots,
            "sales.information.letter": self.letters,
        }
        for model, by_company in records.items():
            for key in ("a", "b"):
                self.assertTrue(by_company[key], f"{model} {key}: test data missing")
            for user_key in USERS:
                user = self.users[user_key]
                expected = COMPANY_RULES[model].get(user_key, {"a": "", "b": ""})
                for key, record in by_company.items():
                    for letter in "rwu":
                        operation = OPERATIONS[letter]
                        with self.subTest(
                            model=model, user=user_key, company=key, op=operation
                        ):
                            self.assertEqual(
                                all(
                                    self._allowed(rec, user, operation)
                                    for rec in record
                                ),
                                letter in expected[key],
                            )
                if "r" in expected["a"]:
                    visible = self.env[model].with_user(user).search([])
                    self.assertTrue(by_company["a"] <= visible)
                    self.assertFalse(visible & by_company["b"])
                    self.assertEqual(visible.company_id, self.company_a)


@tagged("post_install", "-at_install")
class TestAccessMultiCompany(AccessMatrixCase):
    def test_another_companys_lead_gets_no_line_or_objection(self):
        lead_b = self.leads["company_b"]
        for user_key in ("salesman", "all_leads", "manager"):
            user = self.users[user_key]
            with self.subTest(user=user_key):
                with self.assertRaises(AccessError):
                    self.env["sales.lead.objection"].with_user(user).create(
                        {"lead_id": lead_b.id, "objection_type_id": self.price.id}
                    )
                line = lead_b.interview_line_ids[:1]
                with self.assertRaises(AccessError):
                    line.with_user(user).write({"note": "Sneaky"})
                with self.assertRaises(AccessError):
                    line.with_user(user).unlink()
        self.assertEqual(len(lead_b.objection_ids), 1)
        self.assertFalse(lead_b.interview_line_ids.filtered("note"))

    def test_user_of_both_companies_cannot_link_across(self):
        """A user allowed in both companies, working in company A, cannot put
        an objection of company A on the lead of company B."""
        both = new_test_user(
            self.env,
            login="matrix_both",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=self.company_a.id,
            company_ids=(self.company_a | self.company_b).ids,
        )
        lead_b = self.leads["company_b"]
        env_a = self.env(
            user=both, context={"allowed_company_ids": [self.company_a.id]}
        )
        with self.assertRaises(AccessError):
            env_a["sales.lead.objection"].create(
                {"lead_id": lead_b.id, "objection_type_id": self.price.id}
            )
        self.assertFalse(
            env_a["sales.interview.line"].search([("lead_id", "=", lead_b.id)])
        )
        self.assertFalse(
            env_a["sales.customer.status.event"].search(
                [("partner_id", "=", self.customer_b.id)]
            )
        )

    def test_another_companys_figures_are_invisible(self):
        for user_key in ("salesman", "all_leads", "manager"):
            env = self.env(user=self.users[user_key])
            with self.subTest(user=user_key):
                for model in (
                    "sales.customer.status.event",
                    "sales.attrition.snapshot",
                    "sales.information.letter",
                    "sales.attrition.report",
                ):
                    self.assertFalse(
                        env[model].search([("company_id", "=", self.company_b.id)]),
                        model,
                    )
                    self.assertFalse(
                        env[model].search_count(
                            [("company_id", "=", self.company_b.id)]
                        )
                    )
                    groups = env[model]._read_group([], ["company_id"], ["__count"])
                    self.assertNotIn(
                        self.company_b, [company for company, _count in groups]
                    )
        # the records are there, for the users of company B
        env_b = self.env(user=self.salesman_b)
        self.assertTrue(env_b["sales.customer.status.event"].search([]))
        self.assertTrue(env_b["sales.attrition.report"].search([]))

    def test_recompute_only_in_the_companies_worked_in(self):
        """A recompute prepared while company B was selected does not touch
        company B once the user works in company A only."""
        both = new_test_user(
            self.env,
            login="matrix_manager_both",
            groups="sales_team.group_sale_manager",
            company_id=self.company_a.id,
            company_ids=(self.company_a | self.company_b).ids,
        )
        today = fields.Date.context_today(both)
        wizard_model = self.env(
            user=both,
            context={"allowed_company_ids": (self.company_a | self.company_b).ids},
        )["sales.attrition.recompute.wizard"]
        wizard = wizard_model.create(
            {
                "date_from": today,
                "date_to": today,
                "company_ids": [fields.Command.set(self.company_b.ids)],
            }
        )
        snapshots = self.env["sales.attrition.snapshot"]
        snapshots.search([]).unlink()
        # working in company A only, company B cannot be recomputed (the
        # wizard's company B is not even readable then)
        wizard.with_context(allowed_company_ids=self.company_a.ids).action_recompute()
        self.assertFalse(snapshots.search([("company_id", "=", self.company_b.id)]))
        snapshots.search([]).unlink()
        wizard.action_recompute()
        self.assertEqual(snapshots.search([]).company_id, self.company_b)

    def test_wizards_refuse_another_company(self):
        """The attrition report and the recompute of snapshots cannot be run on
        a company the user does not work in: the company cannot be chosen."""
        self.customer_b._grc_set_customer_status("lost", reason=self.reason)
        before = self.env["sales.attrition.snapshot"].search_count([])
        for model, user_key in (
            ("sales.attrition.report.wizard", "salesman"),
            ("sales.attrition.report.wizard", "manager"),
            ("sales.attrition.recompute.wizard", "manager"),
        ):
            with self.subTest(model=model, user=user_key):
                with self.assertRaises(AccessError):
                    self.env[model].with_user(self.users[user_key]).create(
                        {"company_ids": [fields.Command.set(self.company_b.ids)]}
                    )
        self.assertEqual(self.env["sales.attrition.snapshot"].search_count([]), before)
        # the report of the user's own company does not show company B's
        # lost customer
        wizard = (
            self.env["sales.attrition.report.wizard"]
            .with_user(self.users["manager"])
            .create({})
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["manager"])
            ._render_qweb_html(f"{ADDON}.action_report_attrition", wizard.ids)[0]
            .decode()
        )
        self.assertIn(self.company_a.name, html)
        self.assertNotIn(self.customer_b.name, html)


@tagged("post_install", "-at_install")
class TestAccessActions(AccessMatrixCase):
    """Every action method of the addon, run by every user: the users the
    table denies get an AccessError and nothing is written."""

    def _prepare(self, model, method, user_key):
        """The records to run ``method`` on, and a function returning the
        state the action changes (compared before/after a denied run)."""
        user = self.users[user_key]
        owner = user if user_key in ("salesman", "all_leads", "manager") else None
        owner = owner or self.salesman
        if model == "sales.interview.line":
            lead = self._lead(f"Lead {user_key}", owner, self.company_a)
            line = lead.interview_line_ids[:1]
            if method == "action_reset":
                line.state = "done"
            return line, lambda: (line.state, line.done_date, line.done_user_id)
        if model == "sales.customer.lost.wizard":
            partner = self._customer(f"Lost {user_key}", owner, self.company_a)
            wizard = self.env[model].create(
                {"partner_id": partner.id, "churn_reason_id": self.reason.id}
            )
            return wizard, lambda: (
                partner.customer_status,
                self.env["sales.customer.status.event"].search_count(
                    [("partner_id", "=", partner.id)]
                ),
                len(partner.message_ids),
            )
        if model == "sales.reengagement.wizard":
            partner = self._customer(f"Former {user_key}", owner, self.company_a)
            partner._grc_set_customer_status("lost", reason=self.reason)
            wizard = self.env[model].create(
                {"partner_ids": [fields.Command.set(partner.ids)]}
            )
            return wizard, lambda: self.env["crm.lead"].search_count(
                [("partner_id", "=", partner.id)]
            )
        if model == "sales.attrition.report.wizard":
            wizard = self.env[model].create({})
            return wizard, lambda: True
        if model == "sales.attrition.recompute.wizard":
            today = fields.Date.context_today(self.env.user)
            wizard = self.env[model].create(
                {
                    "date_from": today,
                    "date_to": today,
                    "company_ids": [fields.Command.set(self.company_a.ids)],
                }
            )
            self.env["sales.attrition.snapshot"].search([]).unlink()
            return wizard, lambda: self.env["sales.attrition.snapshot"].search_count([])
        if model == "res.partner":
            partner = self.env[model].create(
                {"name": f"Opposed {user_key}", "email": f"{user_key}@opposed.example"}
            )
            return partner, lambda: self.env["mail.blacklist"].search_count(
                [("email", "=", partner.email_normalized)]
            )
        if model == "crm.lead":
            lead = self._lead(f"To lose {user_key}", owner, self.company_a)
            return lead, lambda: (lead.active, lead.won_status)
        raise AssertionError(f"no test data for {model}.{method}")

    def test_every_action_is_in_the_table(self):
        actions = set()
        for name in self.registry:
            model = self.env[name]
            for klass in addon_classes(model):
                actions.update(
                    (name, attr)
                    for attr, value in vars(klass).items()
                    if attr.startswith("action_") and inspect.isfunction(value)
                )
        self.assertEqual(actions, set(ACTIONS))

    def test_actions(self):
        for (model, method), outcomes in ACTIONS.items():
            for user_key in USERS:
                outcome = outcomes[user_key]
                with self.subTest(model=model, method=method, user=user_key):
                    records, state = self._prepare(model, method, user_key)
                    before = state()
                    records.env.invalidate_all()
                    action = getattr(records.with_user(self.users[user_key]), method)
                    if outcome is OK:
                        action()
                        self.env.invalidate_all()
                        if model != "sales.attrition.report.wizard":
                            self.assertNotEqual(state(), before, "the action ran")
                    else:
                        with self.assertRaises(outcome):
                            with self.env.cr.savepoint():
                                action()
                        self.env.invalidate_all()
                        self.assertEqual(state(), before, "nothing written")

    def test_salesman_cannot_act_on_a_colleagues_documents(self):
        salesman = self.salesman
        line = self.lines["colleague"]
        for method in ("action_done", "action_skip", "action_reset"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(line.with_user(salesman), method)()
        self.assertEqual(line.state, "todo")
        partner = self._customer("Colleague's customer", self.colleague, self.company_a)
        wizard = (
            self.env["sales.customer.lost.wizard"]
            .with_user(salesman)
            .create({"partner_id": partner.id, "churn_reason_id": self.reason.id})
        )
        with self.assertRaises(AccessError):
            wizard.action_mark_lost()
        self.assertEqual(partner.customer_status, "customer")
        lead = self.leads["colleague"]
        with self.assertRaises(AccessError):
            lead.with_user(salesman).action_set_lost()
        self.assertTrue(lead.active)


@tagged("post_install", "-at_install")
class TestPublicMethods(TransactionCase):
    def test_public_methods_are_actions_orm_or_private(self):
        """Every public method the addon adds is an action (button), an
        override of a method that is public upstream (ORM or another module),
        or decorated with @api.private: nothing else is callable over RPC."""
        offenders = []
        checked = 0
        for name in self.registry:
            model = self.env[name]
            mro = type(model).__mro__
            for klass in addon_classes(model):
                for attr, value in vars(klass).items():
                    if attr.startswith("_") or not inspect.isfunction(value):
                        continue
                    checked += 1
                    upstream = any(
                        attr in vars(base)
                        and not (base.__module__ or "").startswith(
                            f"odoo.addons.{ADDON}."
                        )
                        for base in mro
                    )
                    if (
                        attr.startswith("action_")
                        or hasattr(models.BaseModel, attr)
                        or upstream
                        or getattr(value, "_api_private", False)
                    ):
                        continue
                    offenders.append(f"{name}.{attr} ({klass.__module__})")
        self.assertGreater(checked, 10, "the walk found the addon's classes")
        self.assertEqual(offenders, [])
