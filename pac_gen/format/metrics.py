"""Figures derived from a plan, computed once and shared by the pages, charts,
lint and review: lateness, budget totals, indicator progress and status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pac_gen.format.model import Action, Indicator, Measurement, Plan, Status, Task

# How far from the expected straight line a measurement may be and still count
# as on time (a fraction of the way from initial to target).
ON_TRACK_TOLERANCE = 0.05


class IndicatorStatus(StrEnum):
    """Where an indicator stands against its expected path."""

    REACHED = "atteint"
    AHEAD = "en_avance"
    ON_TRACK = "dans_les_temps"
    LATE = "en_retard"
    NO_DATA = "aucune_mesure"


def is_late(task: Task, today: date) -> bool:
    """A task not done nor dropped whose deadline has passed."""
    return task.due is not None and task.due < today and task.status in (Status.TODO, Status.DOING)


def tasks_budget(action: Action) -> Decimal:
    """The sum of the budgets of an action's tasks."""
    return sum((t.budget for t in action.tasks if t.budget is not None), Decimal(0))


def progress(indicator: Indicator, value: float) -> float:
    """``(value − initial) / (target − initial)``: 0 at the start, 1 at the target.

    Works the same way when lower is better, since both differences change sign.
    """
    span = indicator.target - indicator.initial
    if span == 0:
        return 1.0
    return (value - indicator.initial) / span


def expected_progress(start: date, deadline: date, when: date) -> float:
    """The share of the way the straight line from start to deadline has covered at ``when``."""
    total = (deadline - start).days
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, (when - start).days / total))


def expected_value(indicator: Indicator, start: date, deadline: date, when: date) -> float:
    """The value on the straight line from the initial value at ``start`` to the target at ``deadline``."""
    share = expected_progress(start, deadline, when)
    return indicator.initial + share * (indicator.target - indicator.initial)


def measurements_until(indicator: Indicator, today: date) -> list[Measurement]:
    """The measurements dated on or before ``today``, oldest first."""
    return sorted((m for m in indicator.measurements if m.date <= today), key=lambda m: m.date)


@dataclass(frozen=True, slots=True)
class IndicatorFigures:
    """An indicator's figures as of a day."""

    last: Measurement | None
    progress: float | None
    expected: float | None
    status: IndicatorStatus


def indicator_figures(indicator: Indicator, start: date, deadline: date, today: date) -> IndicatorFigures:
    """The last measurement, its progress, the expected progress at its date, and the status."""
    known = measurements_until(indicator, today)
    if not known:
        return IndicatorFigures(None, None, None, IndicatorStatus.NO_DATA)
    last = known[-1]
    done = progress(indicator, last.value)
    expected = expected_progress(start, deadline, last.date)
    if done >= 1:
        status = IndicatorStatus.REACHED
    elif done > expected + ON_TRACK_TOLERANCE:
        status = IndicatorStatus.AHEAD
    elif done >= expected - ON_TRACK_TOLERANCE:
        status = IndicatorStatus.ON_TRACK
    else:
        status = IndicatorStatus.LATE
    return IndicatorFigures(last, done, expected, status)


@dataclass(frozen=True, slots=True)
class TaskCounts:
    """How many tasks a plan has in each state as of a day."""

    total: int
    done: int
    doing: int
    late: int
    dropped: int

    @property
    def done_share(self) -> float:
        """Share of the tasks still planned (not dropped) that are done."""
        planned = self.total - self.dropped
        return self.done / planned if planned else 0.0


def task_counts(plan: Plan, today: date) -> TaskCounts:
    """Count a plan's tasks: total, done, in progress, late, dropped."""
    tasks = [t for a in plan.actions for t in a.tasks]
    return TaskCounts(
        total=len(tasks),
        done=sum(t.status is Status.DONE for t in tasks),
        doing=sum(t.status is Status.DOING for t in tasks),
        late=sum(is_late(t, today) for t in tasks),
        dropped=sum(t.status is Status.DROPPED for t in tasks),
    )


def days_left(plan: Plan, today: date) -> int:
    """Days from ``today`` to the objective's deadline (negative once it has passed)."""
    return (plan.objective.deadline - today).days
