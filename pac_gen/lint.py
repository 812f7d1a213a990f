"""The method's coherence questions, asked of a valid plan: each is a warning
with a stable code (``W101``…), documented in the guide with an example and a fix.

Warnings never stop a normal build; ``--strict`` turns them into failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pac_gen import metrics, recurrence
from pac_gen.messages import choice_word, message
from pac_gen.model import Domain, IndicatorKind, Plan, Term, Weekday
from pac_gen.normalize import Normalized
from pac_gen.problems import Problem, Severity
from pac_gen.settings import Settings
from pac_gen.values import add_months

#: Every warning code, in the order of the format's list, for the guide.
WARNING_CODES = (
    "W101", "W102", "W103", "W104", "W105", "W201", "W202", "W301",
    "W401", "W402", "W403", "W501", "W601", "W701", "W801", "W802",
)


def short_objective(plan: Plan) -> bool:
    """True when the objective is due within 3 months of the plan's start."""
    return plan.objective.deadline <= add_months(plan.start, 3)


def lint(file: str, plan: Plan, positions: Normalized, settings: Settings) -> Iterator[Problem]:
    """Yield the plan's warnings, each placed on the value it questions."""
    lang = settings.lang

    def warn(path: tuple[Any, ...], code: str, **args: Any) -> Problem:
        line, column = positions.locate(path)
        return Problem(file, line, column, Severity.WARNING, code, message(code, lang, **args))

    deadline = plan.objective.deadline
    start = plan.start

    # 1. Dates after the objective's deadline, tasks after their action, launch after due.
    for a_index, action in enumerate(plan.actions):
        a_path = ("actions", a_index)
        for key, when in (("lancement", action.start), ("date_limite", action.due)):
            if when is not None and when > deadline:
                yield warn((*a_path, key), "W101", title=action.title, date=when, deadline=deadline)
        if action.start is not None and action.due is not None and action.start > action.due:
            yield warn((*a_path, "lancement"), "W105", title=action.title, start=action.start, due=action.due)
        for t_index, task in enumerate(action.tasks):
            if task.due is None:
                continue
            t_path = (*a_path, "taches", t_index, "date_limite")
            if task.due > deadline:
                yield warn(t_path, "W102", title=task.task, date=task.due, deadline=deadline)
            elif action.due is not None and task.due > action.due:
                yield warn(t_path, "W104", title=task.task, date=task.due, due=action.due)
    for r_index, ritual in enumerate(plan.rituals):
        last = recurrence.last_day(ritual)
        if ritual.start > deadline:
            yield warn(("rituels", r_index, "debut"), "W103", title=ritual.ritual, date=last, deadline=deadline)
        elif last > deadline:
            key = "fin" if ritual.end is not None else "pendant"
            yield warn(("rituels", r_index, key), "W103", title=ritual.ritual, date=last, deadline=deadline)

    # 2. Are the actions consistent with the deadline?
    if short_objective(plan):
        for a_index, action in enumerate(plan.actions):
            if action.term is Term.LONG:
                yield warn(("actions", a_index, "horizon"), "W201", title=action.title)
        if not any(a.term is Term.SHORT for a in plan.actions):
            yield warn(("actions",), "W202")

    # 3. The law of numbers: ×3 at start-up, ×2 in growth.
    multiplier = plan.objective.stage.multiplier
    for a_index, action in enumerate(plan.actions):
        law = action.law_of_numbers
        if law is not None and law.planned_volume < law.target_result * multiplier:
            yield warn(("actions", a_index, "loi_des_nombres", "volume_prevu"), "W301",
                       volume=law.planned_volume, target=law.target_result, multiplier=multiplier,
                       needed=law.target_result * multiplier)

    # 4. Indicators: at least one of each kind, each with its source.
    where = ("indicateurs",) if plan.indicators else ()
    kinds = {i.kind for i in plan.indicators}
    if IndicatorKind.RESULT not in kinds:
        yield warn(where, "W401")
    if IndicatorKind.TRACKING not in kinds:
        yield warn(where, "W402")
    for i_index, indicator in enumerate(plan.indicators):
        if not indicator.source:
            yield warn(("indicateurs", i_index), "W403", title=indicator.name)

    # 5. Obstacles without a solution.
    for o_index, obstacle in enumerate(plan.obstacles):
        if not obstacle.solutions:
            yield warn(("freins", o_index), "W501", title=obstacle.obstacle)

    # 6. Task budgets above their action's budget.
    for a_index, action in enumerate(plan.actions):
        total = metrics.tasks_budget(action)
        if action.budget is not None and total > action.budget:
            yield warn(("actions", a_index, "budget"), "W601", title=action.title,
                       total=total, budget=action.budget)

    # 7. Rituals outside the ideal week's blocks of their domain.
    if plan.ideal_week is not None:
        yield from _rituals_outside_week(plan, settings, warn)

    # 8. Measurements outside the plan's period.
    for i_index, indicator in enumerate(plan.indicators):
        for m_index, measurement in enumerate(indicator.measurements):
            path = ("indicateurs", i_index, "mesures", m_index, "date")
            if measurement.date > deadline:
                yield warn(path, "W801", date=measurement.date, deadline=deadline)
            elif measurement.date < start:
                yield warn(path, "W802", date=measurement.date, start=start)


def ritual_fits_week(plan: Plan, ritual_index: int, settings: Settings) -> list[Any]:
    """The local start times of the occurrences of a ritual that fall outside its domain's blocks of the ideal week.

    Only one week's worth of distinct (weekday, start, end) slots is checked, so a
    ritual repeated for a year costs no more than one repeated for a month.
    """
    ritual = plan.rituals[ritual_index]
    week = plan.ideal_week or {}
    domain = ritual.domain or Domain.BUSINESS
    outside = []
    seen: set[tuple[int, int, int]] = set()
    length = int(recurrence.duration(ritual, settings.working_day_hours).total_seconds() // 60)
    most = recurrence.weekday_slots(ritual)
    last_new = 0
    for count, naive in enumerate(recurrence.local_starts(ritual, settings.zone)):
        begin = naive.hour * 60 + naive.minute
        slot = (naive.weekday(), begin, begin + length)
        if slot not in seen:
            seen.add(slot)
            last_new = count
            blocks = week.get(list(Weekday)[slot[0]], [])
            if not any(
                block.domain is domain and _minutes(block.start) <= begin and slot[2] <= _minutes(block.end)
                for block in blocks
            ):
                outside.append(naive.replace(tzinfo=settings.zone))
        # A ritual in words starts at the same hour every time: once each weekday its
        # rule can give was met, later occurrences bring nothing new. For a written
        # rrule, 14 occurrences in a row without a new slot mean the same.
        if (most is not None and len(seen) >= most) or count - last_new >= 14:
            break
    return outside


def _minutes(moment: Any) -> int:
    return int(moment.hour * 60 + moment.minute)


def _rituals_outside_week(plan: Plan, settings: Settings, warn: Any) -> Iterator[Problem]:
    for r_index, ritual in enumerate(plan.rituals):
        try:
            outside = ritual_fits_week(plan, r_index, settings)
        except (ValueError, TypeError, OverflowError):
            continue  # an invalid rrule is already an error
        if outside:
            first = outside[0]
            yield warn(("rituels", r_index), "W701", title=ritual.ritual,
                       day=choice_word(list(Weekday)[first.weekday()].value, settings.lang),
                       time=first.strftime("%H:%M"),
                       domain=choice_word((ritual.domain or Domain.BUSINESS).value, settings.lang).lower())


__all__ = ["WARNING_CODES", "lint", "ritual_fits_week", "short_objective"]
