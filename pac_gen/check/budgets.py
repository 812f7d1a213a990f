"""What one plan may ask of a build: the budgets that keep a small hostile file cheap.

A plan file comes from a learner's pull request, so a few kilobytes must never
cost minutes or gigabytes of memory (300 daily rituals over ten years used to
take 66 s and 1.9 GB; an objective from 1900 to 2200 drew 3,612 calendar months).
Each limit is far above what a real plan reaches, is refused with an error at the
item that goes past it and names the limit (rules E209–E211 in
:mod:`pac_gen.check.coherence`), and nothing is ever cut silently.
``SECURITY.md`` lists them with their reasons.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from pac_gen.format import recurrence
from pac_gen.format.model import Plan

MAX_RITUALS = 50
"""Rituals in one plan (a real plan has a handful: weekly point, monthly review…)."""

MAX_OCCURRENCES = 5_000
"""Ritual occurrences of one plan, all rituals together (one a day for more than 13 years)."""

MAX_MEASURES_DUE = 5_000
"""Measurements due of one plan, all indicators with a ``periodicite`` together (format v1.1;
each is a day in the calendars: weekly for ten years is 521)."""

MAX_REVIEWS = 300
"""Reviews of one plan's follow-up log (format v1.1; weekly for almost six years): each is marked
on the chart of every indicator it looks at."""

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


def calendar_overrun(plan: Plan) -> tuple[tuple[Any, ...], date, date, date] | None:
    """The first date (in file order) that stretches the calendar past the budget:
    its path, the date, and the calendar's first and last day with it; None when all fit.
    """
    first = last = plan.start
    for path, day in _dated(plan):
        low, high = min(first, day), max(last, day)
        if _months(low, high) > MAX_CALENDAR_MONTHS:
            return path, day, low, high
        first, last = low, high
    return None


def occurrences_overrun(plan: Plan, zone: ZoneInfo) -> tuple[int, int] | None:
    """The index of the ritual that takes the plan past its occurrences, and how many came
    before it; None when all fit. Each ritual is counted no further than the budget left.
    """
    total = 0
    for index, ritual in enumerate(plan.rituals):
        left = MAX_OCCURRENCES - total
        count = recurrence.count_starts(ritual, zone, left + 1)
        if count > left:
            return index, total
        total += count
    return None


def measures_overrun(plan: Plan) -> tuple[int, int] | None:
    """The index of the indicator whose rhythm takes the plan past its measurements due, and
    how many came before it; None when all fit (format v1.1).
    """
    total = 0
    start, deadline = plan.start, plan.objective.deadline
    for index, indicator in enumerate(plan.indicators):
        if indicator.rhythm is None:
            continue
        count = indicator.rhythm.due_count(start, deadline)
        if total + count > MAX_MEASURES_DUE:
            return index, total
        total += count
    return None
