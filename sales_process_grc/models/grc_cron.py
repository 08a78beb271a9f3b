# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one batching pattern of the addon's scheduled actions.

A scheduled action lists its work as ``CronStep``: the records of a domain,
or a sorted list of units (e.g. months), each with the function that
processes one batch. ``run_cron_steps`` goes through the steps in order
and through each step by keyset paging (records: ``id > last id`` in id
order; units: the units after the last one), so that:

- a record (unit) is never processed twice in one run, and a batch that
  does not leave the domain (records kept as they are) never makes the run
  loop: the next batch starts after it;
- each batch is committed with its progress (``ir.cron._commit_progress``);
- the run stops as soon as the cron's time is up; the next run (which the
  cron runner starts at once, the job being "partially done") starts again
  from the first record of the domain, where what is left is: records that
  left the domain once processed are not there any more, records that stay
  in it (nothing to do for them yet) are looked at again.

``ir.cron._commit_progress`` (Odoo 19): ``remaining=`` sets the remaining
count, otherwise ``processed`` is subtracted from it and added to the done
count; it commits and returns the seconds left to the run (0 when the time
is up). Outside a scheduled run (no progress record in the context: a
manual call, a server action) it only commits and returns infinity, so
everything is processed; in tests, the commit of a registry test cursor is
a savepoint, while the test cursor itself refuses commits: tests run the
crons on ``self.registry.cursor()``.

The cost of a step is one count, then one search and the batch's own
queries per batch; a batch shorter than the batch size is the last one
(no final empty search).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from odoo.fields import Domain


def id_batches(records, domain, batch_size):
    """Yield the records of the model of ``records`` matching ``domain`` in
    batches of at most ``batch_size``, in id order, by keyset paging: each
    search starts after the last id of the previous batch, so a record is
    given once even when processing leaves it in the domain; a batch shorter
    than ``batch_size`` is the last one (no final empty search). No commit:
    usable inside a transaction (e.g. to bound a large write)."""
    domain = Domain(domain)
    last_id = 0
    while True:
        batch = records.search(
            domain & Domain("id", ">", last_id), order="id", limit=batch_size
        )
        if not batch:
            return
        yield batch
        if len(batch) < batch_size:
            return
        last_id = batch.ids[-1]


def unit_batches(units, batch_size):
    """Yield the sorted ``units`` in lists of at most ``batch_size``: the
    same keyset paging over a list (each batch starts after the last unit of
    the previous one)."""
    units = sorted(units)
    for start in range(0, len(units), batch_size):
        yield units[start : start + batch_size]


@dataclass(frozen=True)
class CronStep:
    """One step of a scheduled action: ``process(batch)`` is called on each
    batch of the records of ``records``' model matching ``domain``
    (``records`` carries the environment: user, sudo, context), or, with
    ``units``, on each list of units (``domain`` and ``records`` unused)."""

    process: Callable[[Any], Any]
    records: Any = None
    domain: Any = None
    units: Sequence | None = None

    def count(self):
        if self.units is not None:
            return len(self.units)
        return self.records.search_count(self.domain)

    def batches(self, batch_size):
        if self.units is not None:
            return unit_batches(self.units, batch_size)
        return id_batches(self.records, self.domain, batch_size)


def run_cron_steps(env, steps, batch_size):
    """Run the ``steps`` (``CronStep``) of a scheduled action in batches of
    ``batch_size``: first the remaining count of all the steps, then each
    batch processed and committed with its progress; stops when the cron's
    time is up. Returns True when everything was processed, False when the
    run stopped for lack of time (the next run goes on)."""
    ir_cron = env["ir.cron"]
    remaining = sum(step.count() for step in steps)
    ir_cron._commit_progress(remaining=remaining)
    for step in steps:
        for batch in step.batches(batch_size):
            step.process(batch)
            remaining -= len(batch)
            if not ir_cron._commit_progress(len(batch)):
                return False
    if remaining > 0:
        # counted twice (a record in the domains of two steps, processed by
        # the first one) or left the domain meanwhile: nothing is left
        ir_cron._commit_progress(remaining=0)
    return True
