"""The review's report as data: the changes of each plan, its headline counters, and its JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any

from pac_gen.check.problems import Problem, Severity
from pac_gen.format.model import Status

#: A value before or after a change: a date, an amount, a number, a word or nothing.
Value = date | Decimal | float | str | None

#: How the JSON report names the working tree as the head (git refuses a space in a ref name:
#: no branch or tag can be called this).
WORKING_TREE = "working tree"


# ---------------------------------------------------------------------------
# The report


@dataclass(frozen=True)
class Change:
    """One thing a change did to a plan.

    Attributes:
        kind: A stable code such as ``task.status`` or ``measurement.added``.
        name: The item changed (task text, action title, indicator name…).
        parent: For a task, the title of its action; for an acknowledgement, the warning's code.
        before: The value before (a date, amount, status word, progress, an acknowledgement's reason…).
        after: The value after.
        days: For a moved date, the signed number of days it moved.
        fields: For ``*.edited``, the canonical (French) keys that changed.
        measurements: For measurement changes, the (date, value) pairs concerned.
        unit: For indicators, the unit of their values.
        currency: For amounts, the plan's currency.
        when: For reviews and decisions (format v1.1), the date of the review.

    """

    kind: str
    name: str
    parent: str | None = None
    before: Value = None
    after: Value = None
    days: int | None = None
    fields: tuple[str, ...] = ()
    measurements: tuple[tuple[date, float], ...] = ()
    unit: str | None = None
    currency: str | None = None
    when: date | None = None


# Headline counters, in the order the headline lists them.
SUMMARY_KEYS = (
    "plan_added", "plan_removed", "tasks_done", "tasks_started", "tasks_dropped", "status_changed",
    "tasks_added", "tasks_removed", "actions_added", "actions_removed", "deadlines_later",
    "deadlines_earlier", "budgets_changed", "measurements_added", "reviews_added", "decisions_added",
    "indicators_status", "measurements_caught_up", "measurements_overdue", "texts_edited",
    "errors_introduced", "errors_fixed", "warnings_introduced", "warnings_fixed",
    "warnings_acknowledged", "acknowledgements_removed", "other_changes",
)

_DEADLINES = ("objective.deadline", "action.due", "task.due")
_BUDGETS = ("action.budget", "task.budget", "team.cost")
_SIMPLE_COUNTS = {
    "plan.added": "plan_added", "plan.removed": "plan_removed", "task.added": "tasks_added",
    "task.removed": "tasks_removed", "action.added": "actions_added", "action.removed": "actions_removed",
    "review.added": "reviews_added", "decision.added": "decisions_added", "indicator.overdue": "measurements_overdue",
    "indicator.status": "indicators_status", "indicator.caught_up": "measurements_caught_up",
    "warning.acknowledged": "warnings_acknowledged", "warning.unacknowledged": "acknowledgements_removed",
}

#: Free texts (Markdown) whose new wording the report shows, with the old one shortened.
TEXT_KINDS = ("plan.strategy", "plan.notes", "task.comments", "task.result", "review.findings")

#: Figures of the plan as a whole, shown as "before → after" but not counted as changes.
FIGURE_KINDS = ("tasks.late",)


def _counter(change: Change) -> str:
    """The headline counter a change adds to."""
    if change.kind in _SIMPLE_COUNTS:
        return _SIMPLE_COUNTS[change.kind]
    if change.kind in TEXT_KINDS:
        return "texts_edited"
    if change.kind == "task.status":
        if change.after == Status.DONE.value:
            return "tasks_done"
        if change.after == Status.DROPPED.value:
            return "tasks_dropped"
        if change.after == Status.DOING.value and change.before == Status.TODO.value:
            return "tasks_started"
        return "status_changed"
    if change.kind in _DEADLINES and change.days:
        return "deadlines_later" if change.days > 0 else "deadlines_earlier"
    if change.kind in _BUDGETS:
        return "budgets_changed"
    if change.kind == "measurement.added":
        return "measurements_added"
    return "other_changes"


@dataclass(frozen=True)
class PlanOutline:
    """A plan the change adds, in figures: what the trainer reads instead of every item listed as added.

    Counts are of what could be read (all of it when the plan has no error).

    Attributes:
        objective: The objective's statement (None when unreadable).
        start: The plan's start, as the pages compute it.
        deadline: The objective's deadline.
        actions: How many actions.
        tasks: How many tasks in them.
        late_tasks: How many of those are late as of the report's day.
        indicators: How many indicators.
        indicator_statuses: Status → number of indicators, in the pages' order (the overview's counts).
        rituals: How many rituals.
        obstacles: How many obstacles.
        team: How many team members.
        reviews: How many reviews in the follow-up log (format v1.1).
        budget: The actions' budgets added up (None when no action has one).
        currency: The plan's currency.
        errors: How many errors the plan has.
        warnings: How many warnings.

    """

    objective: str | None
    start: date | None
    deadline: date | None
    actions: int
    tasks: int
    late_tasks: int
    indicators: int
    indicator_statuses: tuple[tuple[str, int], ...]
    rituals: int
    obstacles: int
    team: int
    reviews: int
    budget: Decimal | None
    currency: str
    errors: int
    warnings: int


@dataclass
class PlanReport:
    """What a change did to one plan file.

    Attributes:
        path: The plan file, as ``pac-gen validate`` shows it.
        title: The plan's title after the change (before it, for a removed plan).
        state: ``added``, ``removed`` or ``changed``.
        valid_before: Whether the plan had no error before (None when it did not exist).
        valid_after: Whether it has no error after (None when it no longer exists).
        changes: What changed, in the plan's order.
        introduced: Errors and warnings that appear with the change (positions after it).
        fixed: Errors and warnings that the change makes disappear (positions before it).
        remaining_errors: Errors already there before the change and still there.
        outline: For a plan the change adds, its figures (:class:`PlanOutline`).

    """

    path: str
    title: str
    state: str
    valid_before: bool | None
    valid_after: bool | None
    changes: list[Change] = field(default_factory=list)
    introduced: list[Problem] = field(default_factory=list)
    fixed: list[Problem] = field(default_factory=list)
    remaining_errors: list[Problem] = field(default_factory=list)
    outline: PlanOutline | None = None

    @property
    def summary(self) -> dict[str, int]:
        """The headline's counters, zero counters left out, in headline order."""
        counts: Counter[str] = Counter()
        for change in self.changes:
            if change.kind in FIGURE_KINDS:
                continue
            counts[_counter(change)] += len(change.measurements) if change.kind == "measurement.added" else 1
        counts["errors_introduced"] += sum(p.is_error for p in self.introduced)
        counts["warnings_introduced"] += sum(p.severity is Severity.WARNING for p in self.introduced)
        counts["errors_fixed"] += sum(p.is_error for p in self.fixed)
        counts["warnings_fixed"] += sum(not p.is_error for p in self.fixed)
        return {key: counts[key] for key in SUMMARY_KEYS if counts[key]}

    @property
    def is_empty(self) -> bool:
        """True when the change did nothing to this plan that a reviewer should read."""
        return not (self.changes or self.introduced or self.fixed) and self.state == "changed"


@dataclass
class Report:
    """The review of a change, plan by plan.

    Attributes:
        base: The revision compared from.
        head: The revision compared to (None for the working tree, which the JSON calls ``"working tree"``).
        today: The day progress and lateness are judged on.
        plans: The plans the change touched, by path.
        unchanged: How many plans exist on both sides without any change.

    """

    base: str
    head: str | None
    today: date
    plans: list[PlanReport] = field(default_factory=list)
    unchanged: int = 0

    @property
    def errors_introduced(self) -> int:
        """How many errors are there after the change and were not before it (``pac-gen review`` exits 1 then)."""
        return sum(p.is_error for plan in self.plans for p in plan.introduced)


# ---------------------------------------------------------------------------
# JSON


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | float) and not isinstance(value, bool):
        number = Decimal(str(value))
        return int(number) if number == number.to_integral_value() else float(number)
    return value


def change_to_dict(change: Change) -> dict[str, Any]:
    """A change as JSON-ready data; empty attributes are left out."""
    data: dict[str, Any] = {"kind": change.kind, "name": change.name}
    if change.parent is not None:
        data["parent"] = change.parent
    if change.before is not None or change.after is not None:
        data["before"] = _json_value(change.before)
        data["after"] = _json_value(change.after)
    if change.days is not None:
        data["days"] = change.days
    if change.fields:
        data["fields"] = list(change.fields)
    if change.measurements:
        data["measurements"] = [{"date": d.isoformat(), "value": _json_value(v)} for d, v in change.measurements]
    if change.unit is not None:
        data["unit"] = change.unit
    if change.currency is not None:
        data["currency"] = change.currency
    if change.when is not None:
        data["date"] = change.when.isoformat()
    return data


def outline_to_dict(outline: PlanOutline) -> dict[str, Any]:
    """A new plan's figures as JSON-ready data (ISO dates, statuses by their format word)."""
    data = {item.name: _json_value(getattr(outline, item.name)) for item in fields(outline)}
    data["indicator_statuses"] = dict(outline.indicator_statuses)
    return data


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data; ``head`` is ``"working tree"`` for the files on disk."""
    data: dict[str, Any] = {
        "base": report.base,
        "head": WORKING_TREE if report.head is None else report.head,
        "today": report.today.isoformat(),
        "unchanged": report.unchanged,
        "plans": [
            {
                "path": plan.path,
                "title": plan.title,
                "state": plan.state,
                "valid_before": plan.valid_before,
                "valid_after": plan.valid_after,
                "summary": plan.summary,
                "changes": [change_to_dict(c) for c in plan.changes],
                "introduced": [p.to_dict() for p in plan.introduced],
                "fixed": [p.to_dict() for p in plan.fixed],
                "remaining_errors": [p.to_dict() for p in plan.remaining_errors],
            }
            for plan in report.plans
        ],
    }
    _add_outlines(report, data)
    return data


def _add_outlines(report: Report, data: dict[str, Any]) -> None:
    """A new plan's entry gets its ``outline``; other plans have none."""
    for plan, entry in zip(report.plans, data["plans"], strict=True):
        if plan.outline is not None:
            entry["outline"] = outline_to_dict(plan.outline)


def to_json(report: Report) -> str:
    """The report as indented JSON (stable keys, values in plain units: ISO dates, numbers)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


