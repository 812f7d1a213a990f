"""Figures derived from a plan, computed once and shared by the pages, charts,
lint and review: lateness, budget totals, indicator progress and status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pac_gen.format.model import Action, Indicator, Measurement, Plan, Review, Status, Task

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


def last_measurement_day(plan: Plan, today: date) -> date | None:
    """The date of the plan's newest measurement of any indicator up to ``today`` (None when there is none)."""
    return max((m.date for i in plan.indicators for m in i.measurements if m.date <= today), default=None)


def indicator_figures(indicator: Indicator, start: date, deadline: date, today: date) -> IndicatorFigures:
    """The last measurement, its progress, the expected progress at its date, and the status."""
    known = measurements_until(indicator, today)
    if not known:
        return IndicatorFigures(None, None, None, IndicatorStatus.NO_DATA)
    last = known[-1]
    done = progress(indicator, last.value)
    expected = expected_progress(start, deadline, last.date)
    return IndicatorFigures(last, done, expected, _status(done, expected))


def _status(done: float, expected: float) -> IndicatorStatus:
    if done >= 1:
        return IndicatorStatus.REACHED
    if done > expected + ON_TRACK_TOLERANCE:
        return IndicatorStatus.AHEAD
    if done >= expected - ON_TRACK_TOLERANCE:
        return IndicatorStatus.ON_TRACK
    return IndicatorStatus.LATE


def measurement_status(indicator: Indicator, measurement: Measurement, start: date, deadline: date) -> IndicatorStatus:
    """Where one measurement stands against the expected path on its date (rule 10 reads it)."""
    done = progress(indicator, measurement.value)
    return _status(done, expected_progress(start, deadline, measurement.date))


@dataclass(frozen=True, slots=True)
class MeasurementDue:
    """When an indicator with a ``periodicite`` is next to be measured, as of a day.

    Attributes:
        next: One period after the last measurement on or before today (or after the
            plan's start when there is none); None once that falls after the deadline.
        overdue: True when ``next`` has passed while the plan runs: a status, never a warning.

    """

    next: date | None
    overdue: bool


def measurement_due(indicator: Indicator, start: date, deadline: date, today: date) -> MeasurementDue | None:
    """The next due date of an indicator's measurement and whether it is overdue; None without a rhythm."""
    if indicator.rhythm is None:
        return None
    known = measurements_until(indicator, today)
    reference = known[-1].date if known else start
    due = indicator.rhythm.due(reference, 1)
    overdue = start <= today <= deadline and today > due
    return MeasurementDue(due if due <= deadline else None, overdue)


@dataclass(frozen=True, slots=True)
class IndicatorReading:
    """What the pages show of an indicator as of a day: its figures and status, and its next measurement.

    The plan page, the overview and the trainer's review all read an indicator
    through :func:`indicator_reading`, so that "late", "on track" and "measurement
    overdue" mean the same everywhere.
    """

    figures: IndicatorFigures
    due: MeasurementDue | None

    @property
    def status(self) -> IndicatorStatus:
        """Where the last measurement stands against the expected path."""
        return self.figures.status

    @property
    def overdue_since(self) -> date | None:
        """The day the next measurement was due, when it is overdue (format v1.1); None otherwise."""
        return self.due.next if self.due is not None and self.due.overdue else None


def indicator_reading(indicator: Indicator, start: date, deadline: date, today: date) -> IndicatorReading:
    """An indicator's figures, status and next measurement as of ``today``."""
    return IndicatorReading(indicator_figures(indicator, start, deadline, today),
                            measurement_due(indicator, start, deadline, today))


def due_dates(indicator: Indicator, start: date, deadline: date) -> list[date]:
    """Every date a measurement is due, one period after another from the plan's start to its deadline."""
    if indicator.rhythm is None:
        return []
    found: list[date] = []
    count = 1
    while (day := indicator.rhythm.due(start, count)) <= deadline:
        found.append(day)
        count += 1
    return found


def overdue_indicators(plan: Plan, today: date) -> list[Indicator]:
    """The indicators whose measurement is overdue as of ``today``, in plan order."""
    start, deadline = plan.start, plan.objective.deadline
    return [i for i in plan.indicators if indicator_reading(i, start, deadline, today).overdue_since is not None]


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
    return actions_task_counts(plan.actions, today)


def actions_task_counts(actions: Iterable[Action], today: date) -> TaskCounts:
    """Count the tasks of some actions (the readable ones of a plan with errors, for the review)."""
    tasks = [t for a in actions for t in a.tasks]
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


def reviews_until(plan: Plan, today: date) -> list[Review]:
    """The reviews dated on or before ``today``, newest first (a later one does not count yet: W1102)."""
    return sorted((r for r in plan.reviews if r.date <= today), key=lambda r: r.date, reverse=True)


def reviews_of(plan: Plan, indicator: Indicator, today: date) -> list[Review]:
    """The reviews, newest first, that looked at ``indicator``: those listing it, or listing no indicator at all."""
    return [r for r in reviews_until(plan, today) if not r.indicators or indicator.key in r.indicators]
