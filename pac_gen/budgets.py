"""What one plan may ask of a build: the budgets that keep a small hostile file cheap.

A plan file comes from a learner's pull request, so a few kilobytes must never
cost minutes or gigabytes of memory (300 daily rituals over ten years used to
take 66 s and 1.9 GB; an objective from 1900 to 2200 drew 3,612 calendar months).
Each limit is far above what a real plan reaches, is refused with an error at the
item that goes past it and names the limit, and nothing is ever cut silently.
``SECURITY.md`` lists them with their reasons.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from pac_gen import recurrence
from pac_gen.loader import byte_count as grouped

if TYPE_CHECKING:
    from pac_gen.coherence import _Reporter
    from pac_gen.model import Plan

MAX_RITUALS = 50
"""Rituals in one plan (a real plan has a handful: weekly point, monthly review…)."""

MAX_OCCURRENCES = 5_000
"""Ritual occurrences of one plan, all rituals together (one a day for more than 13 years)."""

MAX_CALENDAR_MONTHS = 121
"""Months of one plan's calendar, from its earliest to its latest date (ten years and a month)."""


def _months(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def _dated(plan: Plan) -> Iterator[tuple[tuple[Any, ...], date]]:
    """Every date the plan's calendar is drawn around, with where it was written, in file order."""
    objective = plan.objective
    yield (("objectif", "echeance"), objective.deadline)
    for a_index, action in enumerate(plan.actions):
        if action.start is not None:
            yield (("actions", a_index, "lancement"), action.start)
        for t_index, task in enumerate(action.tasks):
            if task.due is not None:
                yield (("actions", a_index, "taches", t_index, "date_limite"), task.due)
        if action.due is not None:
            yield (("actions", a_index, "date_limite"), action.due)
    for r_index, ritual in enumerate(plan.rituals):
        yield (("rituels", r_index, "debut"), ritual.start)
        end_key = "fin" if ritual.end is not None else "pendant"
        yield (("rituels", r_index, end_key), recurrence.last_day(ritual))


def check(plan: Plan, settings: Any, report: _Reporter) -> Iterator[Any]:
    """Yield an error for each part of the plan that goes past a budget.

    Args:
        plan: A plan whose rituals have valid rules (E109/E122 are checked first).
        settings: The check's settings (time zone).
        report: Places each error at the value that causes it.

    """
    first = last = plan.start
    for path, day in _dated(plan):
        low, high = min(first, day), max(last, day)
        if _months(low, high) > MAX_CALENDAR_MONTHS:
            yield report.at(path, "E211", day=day.isoformat(), first=low.isoformat(), last=high.isoformat(),
                            limit=MAX_CALENDAR_MONTHS)
            return  # the rituals' occurrences would be counted over a period already refused
        first, last = low, high

    if len(plan.rituals) > MAX_RITUALS:
        yield report.at(("rituels", MAX_RITUALS), "E209", limit=MAX_RITUALS)
        return
    total = 0
    for index, ritual in enumerate(plan.rituals):
        left = MAX_OCCURRENCES - total
        count = recurrence.count_starts(ritual, settings.zone, left + 1)
        if count > left:
            yield report.at(("rituels", index), "E210", limit=grouped(MAX_OCCURRENCES, report.lang),
                            before=grouped(total, report.lang))
            return  # every later ritual would be past it too: one error says it
        total += count
