# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import SQL

from .prospect_temperature_common import ProspectTemperatureCase


@tagged("post_install", "-at_install")
class TestProspectTemperaturePerformance(ProspectTemperatureCase):
    """The temperature machinery costs a bounded number of queries, whatever
    the number of leads and partners."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 20 companies with 5 contacts each
        partner_model = cls.env["res.partner"]
        companies = partner_model.create(
            [{"name": f"Perf Co {index}", "is_company": True} for index in range(20)]
        )
        cls.contacts = partner_model.create(
            [
                {"name": f"Perf Contact {index}", "parent_id": company.id}
                for company in companies
                for index in range(5)
            ]
        )
        cls.entities = companies | cls.contacts
        cls.lead_ids = cls._insert_leads(10_000, cls.contacts)

    @classmethod
    def _insert_leads(cls, count, partners):
        """Create ``count`` open leads spread over ``partners`` in one
        statement: creating them through the ORM would take minutes and is
        not what is measured here."""
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                """
                INSERT INTO crm_lead (
                    name, type, active, user_id, team_id, stage_id, company_id,
                    partner_id, commercial_entity_id, probability, won_status,
                    prospect_temperature,
                    priority, color, expected_revenue, create_uid, write_uid,
                    create_date, write_date
                )
                SELECT 'Perf lead ' || n, 'opportunity', TRUE, %(user)s,
                       %(team)s, %(stage)s, %(company)s, partner.id,
                       partner.commercial_partner_id, 10, 'pending', 'cold',
                       '0', 0, 0,
                       %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC',
                       now() AT TIME ZONE 'UTC'
                  FROM generate_series(1, %(count)s) AS n
                  JOIN res_partner AS partner
                    ON partner.id = (%(partner_ids)s)[1 + n %% %(partner_count)s]
                RETURNING crm_lead.id
                """,
                user=cls.salesman.id,
                team=cls.team.id,
                stage=cls.stage_new.id,
                company=cls.company.id,
                uid=cls.env.uid,
                count=count,
                partner_ids=partners.ids,
                partner_count=len(partners),
            )
        )
        return [row[0] for row in cls.env.cr.fetchall()]

    def test_write_10000_leads_and_recompute_partners(self):
        """One mass write of 10,000 leads, partners of the 20 commercial
        entities (120 partners) recomputed in the same flush, and the 10,000
        chatter notes, commit hooks included."""
        leads = self.env["crm.lead"].browse(self.lead_ids)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=332):
            leads.write({"prospect_temperature": "warm"})
        self.assertEqual(set(self.entities.mapped("prospect_temperature")), {"warm"})
        self.assertEqual(len(self._temperature_notes(leads[:10])), 10)

    def test_write_1000_leads(self):
        """A tenth of the leads, a tenth of the queries: the cost grows only
        with the ORM batches of 1,000 records."""
        leads = self.env["crm.lead"].browse(self.lead_ids[:1000])
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=44):
            leads.write({"prospect_temperature": "hot"})

    def test_partner_recompute_batched(self):
        """Recomputing the 120 partners of 20 commercial entities that have
        10,000 leads: one search and one _read_group."""
        partners = self.entities
        self.env.invalidate_all()
        self.env.add_to_compute(partners._fields["prospect_temperature"], partners)
        with self.assertQueryCount(__system__=4, flush=False):
            self.env.flush_all()
        self.assertEqual(set(partners.mapped("prospect_temperature")), {"cold"})
