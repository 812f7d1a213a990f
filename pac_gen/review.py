"""The trainer's review of a change: what a pull request did to the plans.

The comparison is structural, never a text diff: plans are matched by path,
actions and indicators by id (then title), tasks by their action and text,
rituals, obstacles and team members by their text or name. Only what changed is
reported: plans added or removed, moved deadlines with the number of days, task
status changes, budgets, new measurements with the indicator's progress before
and after, and the errors and warnings the change introduces or fixes.

:func:`review` is pure (checked plans in, :class:`Report` out);
:func:`to_markdown` and :func:`to_json` render it; :func:`plan_files_at` is the
only part that talks to git.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel

from pac_gen import loader, render
from pac_gen.messages import LANGUAGES, choice_word, colon, quote, text
from pac_gen.metrics import indicator_figures, measurement_due
from pac_gen.model import (
    Action,
    Indicator,
    Objective,
    Obstacle,
    Plan,
    Review,
    Ritual,
    Status,
    Task,
    TeamMember,
    plan_start,
)
from pac_gen.normalize import english_key
from pac_gen.problems import Problem, one_line
from pac_gen.settings import Settings
from pac_gen.validate import PLAN_SUFFIXES, CheckedPlan, find_plan_files
from pac_gen.values import slugify

#: A value before or after a change: a date, an amount, a number, a word or nothing.
Value = date | Decimal | float | str | None

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


# ---------------------------------------------------------------------------
# The report


@dataclass(frozen=True)
class Change:
    """One thing a change did to a plan.

    Attributes:
        kind: A stable code such as ``task.status`` or ``measurement.added``.
        name: The item changed (task text, action title, indicator name…).
        parent: For a task, the title of its action.
        before: The value before (a date, amount, status word, progress…).
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
    "measurements_overdue", "errors_introduced", "errors_fixed",
    "warnings_introduced", "warnings_fixed", "other_changes",
)

_DEADLINES = ("objective.deadline", "action.due", "task.due")
_BUDGETS = ("action.budget", "task.budget", "team.cost")
_SIMPLE_COUNTS = {
    "plan.added": "plan_added", "plan.removed": "plan_removed", "task.added": "tasks_added",
    "task.removed": "tasks_removed", "action.added": "actions_added", "action.removed": "actions_removed",
    "review.added": "reviews_added", "decision.added": "decisions_added", "indicator.overdue": "measurements_overdue",
}


def _counter(change: Change) -> str:
    """The headline counter a change adds to."""
    if change.kind in _SIMPLE_COUNTS:
        return _SIMPLE_COUNTS[change.kind]
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

    @property
    def summary(self) -> dict[str, int]:
        """The headline's counters, zero counters left out, in headline order."""
        counts: Counter[str] = Counter()
        for change in self.changes:
            counts[_counter(change)] += len(change.measurements) if change.kind == "measurement.added" else 1
        counts["errors_introduced"] += sum(p.is_error for p in self.introduced)
        counts["warnings_introduced"] += sum(not p.is_error for p in self.introduced)
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
        head: The revision compared to (empty for the working tree).
        today: The day progress and lateness are judged on.
        plans: The plans the change touched, by path.
        unchanged: How many plans exist on both sides without any change.

    """

    base: str
    head: str
    today: date
    plans: list[PlanReport] = field(default_factory=list)
    unchanged: int = 0


# ---------------------------------------------------------------------------
# What can be read of one side of a plan, even when it has errors


@dataclass
class _Side:
    """The parts of a plan that could be read; a list is "complete" when every item was readable."""

    checked: CheckedPlan
    raw: dict[str, Any]
    objective: Objective | None = None
    actions: list[Action] = field(default_factory=list)
    rituals: list[Ritual] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    obstacles: list[Obstacle] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    complete: dict[str, bool] = field(default_factory=dict)
    incomplete_tasks: set[str] = field(default_factory=set)
    title: str | None = None
    currency: str = "EUR"
    reviews: list[Review] = field(default_factory=list)

    @property
    def start(self) -> date | None:
        """The plan's start, as :attr:`pac_gen.model.Plan.start` computes it."""
        if self.objective is None:
            return None
        return plan_start(self.objective, self.actions, self.rituals)

    @property
    def display_title(self) -> str:
        """The title, else the objective, else the file name."""
        if self.title:
            return self.title
        if self.objective is not None:
            return self.objective.statement
        return PurePosixPath(self.checked.path).stem


def _from_plan(checked: CheckedPlan, plan: Plan, raw: dict[str, Any]) -> _Side:
    sections = ("actions", "rituals", "indicators", "obstacles", "team", "reviews")
    return _Side(
        checked, raw, plan.objective, list(plan.actions), list(plan.rituals), list(plan.indicators),
        list(plan.obstacles), list(plan.team), dict.fromkeys(sections, True), set(), plan.title, plan.currency,
        list(plan.reviews),
    )


_SECTIONS = (("actions", "actions"), ("rituels", "rituals"), ("indicateurs", "indicators"),
             ("freins", "obstacles"), ("equipe", "team"), ("suivi", "reviews"))


def _side(checked: CheckedPlan) -> _Side:
    """What the check could read of a plan; with errors, the partial plan less every damaged item.

    The validator's partial plan (:attr:`CheckedPlan.readable`) drops items it could
    not read and removes bad optional values; an item that lost a value is left out
    here too, so that the review never reports a value as removed when it was only
    misspelt. A list is complete when nothing of it was dropped or damaged.
    """
    raw = checked.positions.data if checked.positions is not None else None
    raw = raw if isinstance(raw, dict) else {}
    plan = checked.readable
    if plan is None:  # nothing readable at all (a syntax error): nothing can be said about its parts
        side = _Side(checked, raw)
        side.complete = {attribute: False for _, attribute in _SECTIONS}
        return side
    side = _from_plan(checked, plan, raw)
    pruning = checked.pruning
    if checked.plan is not None or pruning is None:
        return side
    damaged = pruning.pruned

    def hurt(path: tuple[Any, ...]) -> bool:
        return any(p[:len(path)] == path for p in damaged)

    if hurt(("objectif",)):
        side.objective = None
    if hurt(("titre",)):
        side.title = None
    for key, attribute in _SECTIONS:
        kept, complete = [], (key,) not in pruning.kept and (key,) not in damaged
        for index, item in enumerate(getattr(side, attribute)):
            where = pruning.original((key, index))
            if key == "actions":
                tasks = (*where, "taches")
                if tasks in pruning.kept or hurt(tasks):
                    side.incomplete_tasks.add(item.key)
                    item = item.model_copy(update={"tasks": [
                        t for t_index, t in enumerate(item.tasks) if not hurt(pruning.original((key, index, "taches", t_index)))]})
                if any(p[:len(where)] == where and p[len(where):len(where) + 1] != ("taches",) for p in damaged):
                    complete = False
                    continue
            elif hurt(where):
                complete = False
                continue
            kept.append(item)
        setattr(side, attribute, kept)
        side.complete[attribute] = complete
    return side


# ---------------------------------------------------------------------------
# Comparison


def _match(
    before: Sequence[T], after: Sequence[T], keys: Sequence[Callable[[T], str]],
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair items by the first key, then the leftovers by the next; return (pairs, removed, added)."""
    pairs: list[tuple[T, T]] = []
    left, right = list(before), list(after)
    for key in keys:
        waiting: dict[str, list[T]] = defaultdict(list)
        for item in right:
            waiting[key(item)].append(item)
        unmatched: list[T] = []
        for item in left:
            candidates = waiting.get(key(item))
            if candidates:
                pairs.append((item, candidates.pop(0)))
            else:
                unmatched.append(item)
        left = unmatched
        right = [item for items in waiting.values() for item in items]
        right.sort(key=lambda item: next(i for i, a in enumerate(after) if a is item))
    return pairs, left, right


def _edited(before: BaseModel, after: BaseModel, skip: Iterable[str]) -> tuple[str, ...]:
    """The canonical keys of the fields that differ, apart from those reported on their own."""
    skipped = set(skip)
    changed = []
    for name, info in type(before).model_fields.items():
        if name in skipped:
            continue
        if getattr(before, name) != getattr(after, name):
            changed.append(info.alias or name)
    return tuple(changed)


def _dates(kind: str, name: str, before: date | None, after: date | None, parent: str | None = None) -> list[Change]:
    if before == after:
        return []
    days = (after - before).days if before is not None and after is not None else None
    return [Change(kind, name, parent, before, after, days)]


def _money(kind: str, name: str, before: Decimal | None, after: Decimal | None, currency: str,
           parent: str | None = None) -> list[Change]:
    if before == after:
        return []
    return [Change(kind, name, parent, before, after, currency=currency)]


def _text(text: str) -> str:
    return " ".join(text.split())


def _compare_tasks(old: Action, new: Action, base: _Side, head: _Side, currency: str) -> list[Change]:
    changes: list[Change] = []
    pairs, removed, added = _match(old.tasks, new.tasks, [lambda t: _text(t.task)])
    title = new.title
    if old.key not in base.incomplete_tasks:
        changes += [Change("task.added", t.task, title) for t in added]
    if new.key not in head.incomplete_tasks:
        changes += [Change("task.removed", t.task, title) for t in removed]
    for a, b in sorted(pairs, key=lambda pair: new.tasks.index(pair[1])):
        if a.status != b.status:
            changes.append(Change("task.status", b.task, title, a.status.value, b.status.value))
        changes += _dates("task.due", b.task, a.due, b.due, title)
        changes += _money("task.budget", b.task, a.budget, b.budget, currency, title)
        skip = ["task", "status", "due", "budget"] + (["done_on"] if a.status != b.status else [])
        fields = _edited(a, b, skip)
        if fields:
            changes.append(Change("task.edited", b.task, title, fields=fields))
    return changes


def _compare_actions(base: _Side, head: _Side, currency: str) -> list[Change]:
    changes: list[Change] = []
    pairs, removed, added = _match(base.actions, head.actions, [lambda a: a.key, lambda a: slugify(a.title)])
    if base.complete.get("actions", False):
        changes += [Change("action.added", a.title) for a in added]
    if head.complete.get("actions", False):
        changes += [Change("action.removed", a.title) for a in removed]
    for old, new in sorted(pairs, key=lambda pair: head.actions.index(pair[1])):
        if old.title != new.title:
            changes.append(Change("action.title", new.title, before=old.title, after=new.title))
        changes += _dates("action.start", new.title, old.start, new.start)
        changes += _dates("action.due", new.title, old.due, new.due)
        changes += _money("action.budget", new.title, old.budget, new.budget, currency)
        fields = _edited(old, new, ["id", "title", "start", "due", "budget", "tasks"])
        if fields:
            changes.append(Change("action.edited", new.title, fields=fields))
        changes += _compare_tasks(old, new, base, head, currency)
    return changes


def _progress(indicator: Indicator, side: _Side, today: date) -> float | None:
    start = side.start
    if side.objective is None or start is None:
        return None
    figures = indicator_figures(indicator, start, side.objective.deadline, today)
    return None if figures.progress is None else round(figures.progress, 4)


def _compare_indicators(base: _Side, head: _Side, today: date) -> list[Change]:
    changes: list[Change] = []
    pairs, removed, added = _match(base.indicators, head.indicators, [lambda i: i.key, lambda i: slugify(i.name)])
    if base.complete.get("indicators", False):
        changes += [Change("indicator.added", i.name, unit=i.unit) for i in added]
    if head.complete.get("indicators", False):
        changes += [Change("indicator.removed", i.name, unit=i.unit) for i in removed]
    for old, new in sorted(pairs, key=lambda pair: head.indicators.index(pair[1])):
        if old.target != new.target:
            changes.append(Change("indicator.target", new.name, before=old.target, after=new.target, unit=new.unit))
        fields = _edited(old, new, ["id", "target", "measurements"])
        if fields:
            changes.append(Change("indicator.edited", new.name, fields=fields))
        before = {m.date: m.value for m in old.measurements}
        after = {m.date: m.value for m in new.measurements}
        new_ones = tuple(sorted((d, v) for d, v in after.items() if d not in before))
        if new_ones:
            changes.append(Change("measurement.added", new.name, None, _progress(old, base, today),
                                  _progress(new, head, today), measurements=new_ones, unit=new.unit))
        gone = tuple(sorted((d, v) for d, v in before.items() if d not in after))
        if gone:
            changes.append(Change("measurement.removed", new.name, measurements=gone, unit=new.unit))
        for day in sorted(d for d in after if d in before and before[d] != after[d]):
            changes.append(Change("measurement.changed", new.name, None, before[day], after[day],
                                  measurements=((day, after[day]),), unit=new.unit))
    return changes


def _compare_simple(kind: str, old_items: list[M], new_items: list[M], name: Callable[[M], str],
                    base_complete: bool, head_complete: bool, skip: Sequence[str],
                    extra: Callable[[M, M], list[Change]] | None = None) -> list[Change]:
    changes: list[Change] = []
    pairs, removed, added = _match(old_items, new_items, [lambda item: _text(name(item))])
    if base_complete:
        changes += [Change(f"{kind}.added", name(i)) for i in added]
    if head_complete:
        changes += [Change(f"{kind}.removed", name(i)) for i in removed]
    for old, new in sorted(pairs, key=lambda pair: new_items.index(pair[1])):
        if extra is not None:
            changes += extra(old, new)
        fields = _edited(old, new, skip)
        if fields:
            changes.append(Change(f"{kind}.edited", name(new), fields=fields))
    return changes


# Top-level keys compared as written (no dedicated change kind): an edit is named by its key.
_PLAN_KEYS = ("titre", "auteur", "strategie", "devise", "bilan", "semaine_ideale", "notes", "confidentiel",
              "motivation")


def _compare_plan(base: _Side, head: _Side, today: date) -> list[Change]:
    changes: list[Change] = []
    title = head.display_title
    if base.objective is not None and head.objective is not None:
        old, new = base.objective, head.objective
        if old.statement != new.statement:
            changes.append(Change("objective.statement", title, before=old.statement, after=new.statement))
        changes += _dates("objective.deadline", title, old.deadline, new.deadline)
        changes += _dates("objective.start", title, old.start, new.start)
        fields = _edited(old, new, ["statement", "deadline", "start"])
        if fields:
            changes.append(Change("objective.edited", title, fields=fields))
    if base.raw and head.raw:
        fields = tuple(k for k in _PLAN_KEYS if base.raw.get(k) != head.raw.get(k))
        if fields:
            changes.append(Change("plan.edited", title, fields=fields))
    currency = head.currency
    changes += _compare_actions(base, head, currency)
    changes += _compare_indicators(base, head, today)
    changes += _compare_simple("ritual", base.rituals, head.rituals, lambda r: r.ritual,
                               base.complete.get("rituals", False), head.complete.get("rituals", False),
                               ["ritual"])
    changes += _compare_simple("obstacle", base.obstacles, head.obstacles, lambda o: o.obstacle,
                               base.complete.get("obstacles", False), head.complete.get("obstacles", False),
                               ["obstacle"])

    def cost(old: TeamMember, new: TeamMember) -> list[Change]:
        return _money("team.cost", new.name, old.cost, new.cost, currency)

    changes += _compare_simple("team", base.team, head.team, lambda m: m.name,
                               base.complete.get("team", False), head.complete.get("team", False),
                               ["name", "cost"], cost)
    changes += _compare_reviews(base, head)
    return changes


def _verdict(review: Review) -> str | None:
    return None if review.on_track is None else ("coherent" if review.on_track else "non_coherent")


def _decisions(review: Review, side: _Side) -> list[tuple[str, str | None, date | None]]:
    titles = {a.key: a.title for a in side.actions}
    return [(d.decision, titles.get(d.action, d.action) if d.action else None, d.due) for d in review.decisions]


def _decision_changes(kind: str, items: Iterable[tuple[str, str | None, date | None]], when: date) -> list[Change]:
    return [Change(kind, text_, action, None, due, when=when) for text_, action, due in items]


def _compare_reviews(base: _Side, head: _Side) -> list[Change]:
    """New, removed and edited reviews (matched by date), and the decisions they add or drop."""
    changes: list[Change] = []
    pairs, removed, added = _match(base.reviews, head.reviews, [lambda r: r.date.isoformat()])
    if base.complete.get("reviews", False):
        for review in sorted(added, key=lambda r: r.date):
            changes.append(Change("review.added", review.date.isoformat(), after=_verdict(review),
                                  when=review.date))
            changes += _decision_changes("decision.added", _decisions(review, head), review.date)
    if head.complete.get("reviews", False):
        changes += [Change("review.removed", r.date.isoformat(), when=r.date) for r in removed]
    for old, new in sorted(pairs, key=lambda pair: pair[1].date):
        if _verdict(old) != _verdict(new):
            changes.append(Change("review.verdict", new.date.isoformat(), before=_verdict(old), after=_verdict(new),
                                  when=new.date))
        fields = _edited(old, new, ["date", "on_track", "decisions"])
        if fields:
            changes.append(Change("review.edited", new.date.isoformat(), fields=fields, when=new.date))
        before, after = _decisions(old, base), _decisions(new, head)
        changes += _decision_changes("decision.added", [d for d in after if d not in before], new.date)
        changes += _decision_changes("decision.removed", [d for d in before if d not in after], new.date)
    return changes


def _overdue(side: _Side, today: date) -> dict[str, tuple[str, date]]:
    """The side's indicators whose measurement is overdue as of ``today``: key → (name, the date it was due)."""
    start = side.start
    if side.objective is None or start is None:
        return {}
    found = {}
    for indicator in side.indicators:
        due = measurement_due(indicator, start, side.objective.deadline, today)
        if due is not None and due.overdue and due.next is not None:
            found[indicator.key] = (indicator.name, due.next)
    return found


def _overdue_changes(head: _Side, today: date) -> list[Change]:
    """The measurements overdue after the change, each with the day it became due (a status, not a warning).

    Listed for a plan the change touched: the trainer reading the pull request
    sees which indicators the learner has not measured in time.
    """
    return [Change("indicator.overdue", name, after=due) for name, due in _overdue(head, today).values()]


_LINE_NUMBER = re.compile(r"\b(ligne|line) \d+")


def _problem_key(problem: Problem) -> tuple[str, str, str]:
    # Messages may quote a line number ("already used on line 12"): moving text must not count as a change.
    return (problem.severity.value, problem.code, _LINE_NUMBER.sub(r"\1 #", problem.message))


def _problem_changes(before: list[Problem], after: list[Problem]) -> tuple[list[Problem], list[Problem], list[Problem]]:
    """(introduced, fixed, remaining errors), compared by code and message, whatever the lines."""
    waiting = Counter(_problem_key(p) for p in before)
    introduced, kept = [], []
    for problem in after:
        key = _problem_key(problem)
        if waiting[key]:
            waiting[key] -= 1
            kept.append(problem)
        else:
            introduced.append(problem)
    present = Counter(_problem_key(p) for p in after)
    fixed = []
    for problem in before:
        key = _problem_key(problem)
        if present[key]:
            present[key] -= 1
        else:
            fixed.append(problem)
    return introduced, fixed, [p for p in kept if p.is_error]


def review(base: dict[str, CheckedPlan], head: dict[str, CheckedPlan], settings: Settings,
           base_label: str = "", head_label: str = "") -> Report:
    """Compare the plans of two revisions.

    Args:
        base: The checked plans before the change, by display path.
        head: The checked plans after the change, by display path.
        settings: ``today`` decides which measurements count for progress.
        base_label: How to name the base revision in the report.
        head_label: How to name the head revision (empty for the working tree).

    """
    report = Report(base_label, head_label, settings.today)
    for path in sorted(set(base) | set(head)):
        old, new = base.get(path), head.get(path)
        if old is None:
            assert new is not None
            side = _side(new)
            plan = PlanReport(path, side.display_title, "added", None, not new.errors,
                              [Change("plan.added", side.display_title)], list(new.problems))
        elif new is None:
            side = _side(old)
            plan = PlanReport(path, side.display_title, "removed", not old.errors, None,
                              [Change("plan.removed", side.display_title)])
        else:
            before, after = _side(old), _side(new)
            introduced, fixed, remaining = _problem_changes(old.problems, new.problems)
            # A plan that cannot be read at all keeps the title it had.
            title = after.display_title if after.title or after.objective else before.display_title
            plan = PlanReport(path, title, "changed", not old.errors, not new.errors,
                              _compare_plan(before, after, settings.today), introduced, fixed, remaining)
            if plan.is_empty:
                report.unchanged += 1
                continue
            plan.changes += _overdue_changes(after, settings.today)
        report.plans.append(plan)
    return report


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


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data."""
    return {
        "base": report.base,
        "head": report.head,
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


def to_json(report: Report) -> str:
    """The report as indented JSON (stable keys, values in plain units: ISO dates, numbers)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------------------
# Markdown

_FIELD_MODELS: dict[str, type[BaseModel]] = {
    "plan": Plan, "objective": Objective, "action": Action, "task": Task, "indicator": Indicator,
    "ritual": Ritual, "obstacle": Obstacle, "team": TeamMember, "review": Review,
}

# Only what can start markup in the middle of a line (lines of the report never start with learner text);
# an underscore inside a word (``a_faire``) is no emphasis and stays readable.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]|~#])|(?<![^\W_])_|_(?![^\W_])")


def _escape(text: str) -> str:
    """Learner text shown as plain text in Markdown: one line, no markup, no HTML."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(lambda found: "\\" + found.group(0), text)


def _code(text: str) -> str:
    """``text`` (a file path, a git ref) as inline code on one line that nothing inside can close.

    The fence is one backtick longer than the longest run of backticks in ``text``.
    """
    text = one_line(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _quote(value: str, lang: str) -> str:
    return quote(_escape(value), lang)


def format_day(day: date, lang: str) -> str:
    """A date in the language's medium format (``10 déc. 2026``, ``Dec 10, 2026``)."""
    return render.day(day, lang, "medium")


def _status_word(value: str, lang: str) -> str:
    # French reports use the site's word (« à faire »), English ones the format's English word (todo).
    if lang == "en":
        return Status.english_aliases().get(value, value)
    try:
        return choice_word(value, "fr").lower()
    except KeyError:
        return value


def _number(value: float, unit: str | None, lang: str) -> str:
    text = render.number(value, lang)
    return f"{text} {_escape(unit)}" if unit else text


def _value(change: Change, value: Value, lang: str) -> str:
    if change.kind in ("review.added", "review.verdict"):
        return text(f"review.verdict.{value or 'none'}", lang)
    if value is None:
        return text("review.none", lang)
    if isinstance(value, date):
        return format_day(value, lang)
    if isinstance(value, Decimal):
        return render.money(value, change.currency or "EUR", lang)
    if change.kind == "task.status" and isinstance(value, str):
        return _status_word(value, lang)
    if change.kind == "measurement.added" and isinstance(value, float):
        return render.percent(value, lang)
    if isinstance(value, float):
        return _number(value, change.unit, lang)
    return _quote(value, lang)


def _fields(change: Change, lang: str) -> str:
    if lang == "fr":
        return ", ".join(change.fields)
    model = _FIELD_MODELS[change.kind.split(".")[0]]
    return ", ".join(english_key(model, name) for name in change.fields)


def change_line(change: Change, lang: str) -> str:
    """One change as a sentence in ``lang``."""
    lang = lang if lang in LANGUAGES else "fr"
    kind = change.kind
    if kind in ("measurement.added", "measurement.removed") and len(change.measurements) == 1:
        kind += ".1"
    if kind in ("decision.added", "decision.removed"):
        kind += ".action" if change.parent else ""
        kind += ".due" if change.after else ""
    days = ""
    if change.days is not None:
        days = f" ({change.days:+d} {text('review.days', lang)})"
    measurements = ", ".join(
        text("review.on", lang, value=_number(value, change.unit, lang), date=format_day(day, lang))
        for day, value in change.measurements
    )
    day = change.when or (change.measurements[0][0] if change.measurements else None)
    when = format_day(day, lang) if day else ""
    return text(
        f"review.line.{kind}", lang, name=_quote(change.name, lang), parent=_quote(change.parent or "", lang),
        before=_value(change, change.before, lang), after=_value(change, change.after, lang),
        days=days, fields=_fields(change, lang) if change.fields else "", measurements=measurements, when=when,
    )


def headline(plan: PlanReport, lang: str) -> str:
    """The plan's short summary: ``3 tâches faites, 1 échéance repoussée, 2 mesures ajoutées``."""
    parts = [text(f"review.count.{key}" if count == 1 else f"review.count.{key}.n", lang, n=count)
             for key, count in plan.summary.items()]
    line = ", ".join(parts) or text("review.nothing", lang)
    return line[0].upper() + line[1:]


def _problem_line(problem: Problem, lang: str) -> str:
    where = _code(f"{problem.path}:{problem.line}:{problem.column}")
    label = colon(f"{text(f'review.{problem.severity.value}', lang)} {problem.code}", lang)
    return f"- {where} {label} {_escape(problem.message)}"


def to_markdown(report: Report, lang: str = "fr") -> str:
    """The report for a pull request's summary: a heading, then per plan a headline and details."""
    head = report.head or text("review.working_tree", lang)
    lines = [f"## {colon(text('review.title', lang), lang)} {_code(report.base)} → {_code(head)}", ""]
    lines.append(f"{colon(text('review.today', lang), lang)} {format_day(report.today, lang)}.")
    if not report.plans:
        lines += ["", text("review.no_change", lang)]
    for plan in report.plans:
        lines += ["", f"### {_escape(plan.title)} ({_code(plan.path)})", "", f"**{headline(plan, lang)}**", ""]
        lines += [f"- {change_line(change, lang)}" for change in plan.changes]
        if plan.valid_after is False:
            invalid = f"> {text('review.invalid', lang)}"
            lines += ["", invalid] if plan.changes else [invalid]
        for key, problems in (("introduced", plan.introduced), ("fixed", plan.fixed),
                              ("remaining", plan.remaining_errors)):
            if problems:
                lines += ["", colon(text(f"review.{key}", lang), lang), ""]
                lines += [_problem_line(p, lang) for p in problems]
    if report.unchanged:
        lines += ["", text("review.unchanged", lang, n=report.unchanged)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Git


class RevisionError(Exception):
    """A revision git does not know, or no git at all: a usage error, with a message for the learner."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


def plan_files_at(revision: str | None, plans_dir: str = "plans", cwd: Path | None = None,
                  lang: str = "fr") -> dict[str, bytes]:
    """The plan files of a revision (None: the working tree), by the path ``pac-gen validate`` shows.

    Files are read through git (``git ls-tree``, ``git show``): nothing is checked
    out or written. Symbolic links, hidden files and folders are skipped, as by
    :func:`pac_gen.validate.find_plan_files`.

    Raises:
        RevisionError: when git is missing, the folder is not a repository or the revision is unknown.

    """
    where = cwd or Path.cwd()
    folder = PurePosixPath(Path(plans_dir).as_posix())
    if revision is None:
        root = where / plans_dir
        files: dict[str, bytes] = {}
        if root.is_dir():
            for found in find_plan_files([root]):
                with found.open("rb") as stream:  # at most one byte over the limit, as check_file
                    files[(folder / found.relative_to(root).as_posix()).as_posix()] = \
                        stream.read(loader.MAX_FILE_BYTES + 1)
        return files
    if revision.startswith("-"):  # never let a revision be read as an option
        raise RevisionError(text("review.git.unknown", lang, rev=revision))
    try:
        inside = _git(["rev-parse", "--is-inside-work-tree"], where)
    except FileNotFoundError:
        raise RevisionError(text("review.git.no_git", lang)) from None
    if inside.returncode != 0:
        raise RevisionError(text("review.git.not_repo", lang))
    commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], where)
    if commit.returncode != 0:
        raise RevisionError(text("review.git.unknown", lang, rev=revision))
    sha = commit.stdout.decode().strip()
    listing = _git(["ls-tree", "-r", "-z", sha, "--", f"{folder}/"], where)
    if listing.returncode != 0:
        raise RevisionError(text("review.git.failed", lang, rev=revision, detail=listing.stderr.decode(errors="replace")))
    files = {}
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name_bytes = entry.partition(b"\t")
        mode = meta.split(b" ")[0]
        name = name_bytes.decode("utf-8", errors="surrogateescape")
        path = PurePosixPath(name)
        if mode not in (b"100644", b"100755") or path.suffix.lower() not in PLAN_SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        shown = _git(["show", f"{sha}:./{name}"], where)
        if shown.returncode != 0:
            raise RevisionError(text("review.git.failed", lang, rev=revision, detail=shown.stderr.decode(errors="replace")))
        files[name] = shown.stdout[: loader.MAX_FILE_BYTES + 1]
    return files
