"""The trainer's review of a change: what a pull request did to the plans.

The comparison is structural, never a text diff: plans are matched by path,
actions and indicators by id (then title), tasks by their action and text,
rituals, obstacles and team members by their text or name. Only what changed is
reported: plans added or removed, moved deadlines with the number of days, task
status changes, budgets, new measurements with the indicator's progress before
and after, and the errors and warnings the change introduces or fixes.

:func:`review` is pure (checked plans in, :class:`~pac_gen.review.report.Report`
out); :mod:`pac_gen.review.markdown` and :func:`pac_gen.review.report.to_json`
render it; :mod:`pac_gen.review.git` is the only part that talks to git.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel

from pac_gen.check.problems import Problem, Severity
from pac_gen.check.validate import CheckedPlan
from pac_gen.format.metrics import (
    IndicatorReading,
    IndicatorStatus,
    actions_task_counts,
    indicator_reading,
)
from pac_gen.format.model import (
    Action,
    Indicator,
    Objective,
    Obstacle,
    Plan,
    Review,
    Ritual,
    TeamMember,
    plan_start,
)
from pac_gen.format.settings import Settings
from pac_gen.format.values import slugify
from pac_gen.review.report import Change, PlanOutline, PlanReport, Report

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


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
        """The plan's start, as :attr:`pac_gen.format.model.Plan.start` computes it."""
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
    """Pair items by the first key, then the leftovers by the next; return (pairs, removed, added).

    Pairs and added items come in ``after``'s order. Positions are looked up by
    identity, never with ``list.index`` (pydantic equality inside a sort made a plan
    of 8,000 tasks take 47 s).
    """
    position = {id(item): index for index, item in enumerate(after)}
    pairs: list[tuple[T, T]] = []
    left, right = list(before), list(after)
    for key in keys:
        waiting: dict[str, deque[T]] = defaultdict(deque)
        for item in right:
            waiting[key(item)].append(item)
        unmatched: list[T] = []
        for item in left:
            candidates = waiting.get(key(item))
            if candidates:
                pairs.append((item, candidates.popleft()))
            else:
                unmatched.append(item)
        left = unmatched
        right = sorted((item for items in waiting.values() for item in items), key=lambda item: position[id(item)])
    pairs.sort(key=lambda pair: position[id(pair[1])])
    return pairs, left, right


def _edited(before: BaseModel, after: BaseModel, skip: Iterable[str]) -> tuple[str, ...]:
    """The canonical keys of the fields that differ, apart from those reported on their own."""
    skipped = {*skip, "acknowledged"}  # acknowledgements are reported with the warnings they keep
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


def _free_text(kind: str, name: str, before: str | None, after: str | None, parent: str | None = None,
               when: date | None = None) -> list[Change]:
    """A Markdown text whose wording changed (spaces and line breaks aside): the report shows both texts."""
    if _text(before or "") == _text(after or ""):
        return []
    return [Change(kind, name, parent, before, after, when=when)]


def _compare_tasks(old: Action, new: Action, base: _Side, head: _Side, currency: str) -> list[Change]:
    changes: list[Change] = []
    pairs, removed, added = _match(old.tasks, new.tasks, [lambda t: _text(t.task)])
    title = new.title
    if old.key not in base.incomplete_tasks:
        changes += [Change("task.added", t.task, title) for t in added]
    if new.key not in head.incomplete_tasks:
        changes += [Change("task.removed", t.task, title) for t in removed]
    for a, b in pairs:
        if a.status != b.status:
            changes.append(Change("task.status", b.task, title, a.status.value, b.status.value))
        changes += _dates("task.due", b.task, a.due, b.due, title)
        changes += _money("task.budget", b.task, a.budget, b.budget, currency, title)
        changes += _free_text("task.comments", b.task, a.comments, b.comments, title)
        changes += _free_text("task.result", b.task, a.result, b.result, title)
        skip = ["task", "status", "due", "budget", "comments", "result"] + (["done_on"] if a.status != b.status else [])
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
    for old, new in pairs:
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


def _reading(indicator: Indicator, side: _Side, today: date) -> IndicatorReading | None:
    """The indicator as the pages read it (figures, status, overdue measurement); None without sure dates.

    Without ``objectif.debut`` the plan starts at its earliest action or ritual: when
    some of them could not be read, that start is a guess, and so would a status be.
    """
    start = side.start
    if side.objective is None or start is None:
        return None
    if side.objective.start is None and not (side.complete.get("actions") and side.complete.get("rituals")):
        return None
    return indicator_reading(indicator, start, side.objective.deadline, today)


def _progress(reading: IndicatorReading | None) -> float | None:
    if reading is None or reading.figures.progress is None:
        return None
    return round(reading.figures.progress, 4)


def _status_changes(name: str, old: IndicatorReading | None, new: IndicatorReading | None) -> list[Change]:
    """The indicator's status as its page shows it, when the change moves it; a measurement no longer overdue.

    Both sides are judged on the same day, so only the plan's edits (a new
    measurement, a new target, moved dates) can move a status.
    """
    if old is None or new is None:
        return []
    changes = []
    if old.status != new.status:
        changes.append(Change("indicator.status", name, before=old.status.value, after=new.status.value))
    if old.overdue_since is not None and new.overdue_since is None:
        changes.append(Change("indicator.caught_up", name, before=old.overdue_since))
    return changes


def _compare_indicators(base: _Side, head: _Side, today: date) -> list[Change]:
    changes: list[Change] = []
    pairs, removed, added = _match(base.indicators, head.indicators, [lambda i: i.key, lambda i: slugify(i.name)])
    if base.complete.get("indicators", False):
        changes += [Change("indicator.added", i.name, unit=i.unit) for i in added]
    if head.complete.get("indicators", False):
        changes += [Change("indicator.removed", i.name, unit=i.unit) for i in removed]
    for old, new in pairs:
        old_reading, new_reading = _reading(old, base, today), _reading(new, head, today)
        if old.target != new.target:
            changes.append(Change("indicator.target", new.name, before=old.target, after=new.target, unit=new.unit))
        fields = _edited(old, new, ["id", "target", "measurements"])
        if fields:
            changes.append(Change("indicator.edited", new.name, fields=fields))
        before = {m.date: m.value for m in old.measurements}
        after = {m.date: m.value for m in new.measurements}
        new_ones = tuple(sorted((d, v) for d, v in after.items() if d not in before))
        if new_ones:
            changes.append(Change("measurement.added", new.name, None, _progress(old_reading),
                                  _progress(new_reading), measurements=new_ones, unit=new.unit))
        gone = tuple(sorted((d, v) for d, v in before.items() if d not in after))
        if gone:
            changes.append(Change("measurement.removed", new.name, measurements=gone, unit=new.unit))
        for day in sorted(d for d in after if d in before and before[d] != after[d]):
            changes.append(Change("measurement.changed", new.name, None, before[day], after[day],
                                  measurements=((day, after[day]),), unit=new.unit))
        changes += _status_changes(new.name, old_reading, new_reading)
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
    for old, new in pairs:
        if extra is not None:
            changes += extra(old, new)
        fields = _edited(old, new, skip)
        if fields:
            changes.append(Change(f"{kind}.edited", name(new), fields=fields))
    return changes


# Top-level keys compared as written (no dedicated change kind): an edit is named by its key.
_PLAN_KEYS = ("titre", "auteur", "strategie", "devise", "bilan", "semaine_ideale", "notes", "confidentiel",
              "motivation")
# Top-level free texts: their new wording is shown (when both sides are text or absent).
_PLAN_TEXTS = {"strategie": "plan.strategy", "notes": "plan.notes"}


def _plan_texts(base: _Side, head: _Side, title: str) -> tuple[list[Change], set[str]]:
    """The plan's free texts whose wording changed, and the keys they account for."""
    changes: list[Change] = []
    shown = set()
    for key, kind in _PLAN_TEXTS.items():
        old, new = base.raw.get(key), head.raw.get(key)
        if old != new and isinstance(old, str | None) and isinstance(new, str | None):
            shown.add(key)
            changes += _free_text(kind, title, old, new)
    return changes, shown


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
        texts, shown = _plan_texts(base, head, title)
        changes += texts
        fields = tuple(k for k in _PLAN_KEYS if base.raw.get(k) != head.raw.get(k) and k not in shown)
        if fields:
            changes.append(Change("plan.edited", title, fields=fields))
    currency = head.currency
    changes += _compare_actions(base, head, currency)
    changes += _late_tasks(base, head, title, today)
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
        changes += _free_text("review.findings", new.date.isoformat(), old.findings, new.findings, when=new.date)
        fields = _edited(old, new, ["date", "on_track", "decisions", "findings"])
        if fields:
            changes.append(Change("review.edited", new.date.isoformat(), fields=fields, when=new.date))
        before, after = _decisions(old, base), _decisions(new, head)
        changes += _decision_changes("decision.added", [d for d in after if d not in before], new.date)
        changes += _decision_changes("decision.removed", [d for d in before if d not in after], new.date)
    return changes


def _overdue_changes(head: _Side, today: date) -> list[Change]:
    """The measurements overdue after the change, each with the day it became due (a status, not a warning).

    Listed for a plan the change touched: the trainer reading the pull request
    sees which indicators the learner has not measured in time.
    """
    changes = []
    for indicator in head.indicators:
        reading = _reading(indicator, head, today)
        if reading is not None and reading.overdue_since is not None:
            changes.append(Change("indicator.overdue", indicator.name, after=reading.overdue_since))
    return changes


def _tasks_readable(side: _Side) -> bool:
    """Every action and every task of the side could be read: its counts of tasks are whole."""
    return side.complete.get("actions", False) and not side.incomplete_tasks


def _late_tasks(base: _Side, head: _Side, title: str, today: date) -> list[Change]:
    """How many tasks are late before and after the change (as the pages count them), when it moves."""
    if not (_tasks_readable(base) and _tasks_readable(head)):
        return []
    before, after = actions_task_counts(base.actions, today).late, actions_task_counts(head.actions, today).late
    return [] if before == after else [Change("tasks.late", title, before=before, after=after)]


def _outline(checked: CheckedPlan, side: _Side, today: date) -> PlanOutline:
    """A new plan in figures: its objective and dates, how many of each part, its problems."""
    counts = actions_task_counts(side.actions, today)
    readings = [_reading(i, side, today) for i in side.indicators]
    statuses = Counter(r.status for r in readings if r is not None)
    budgets = [a.budget for a in side.actions if a.budget is not None]
    objective = side.objective
    return PlanOutline(
        objective.statement if objective else None, side.start, objective.deadline if objective else None,
        len(side.actions), counts.total, counts.late, len(side.indicators),
        tuple((status.value, statuses[status]) for status in IndicatorStatus if statuses[status]),
        len(side.rituals), len(side.obstacles), len(side.team), len(side.reviews),
        sum(budgets, Decimal(0)) if budgets else None, side.currency,
        sum(p.is_error for p in checked.problems), sum(p.severity is Severity.WARNING for p in checked.problems),
    )


_LINE_NUMBER = re.compile(r"\b(ligne|line) \d+")


def _problem_key(problem: Problem) -> tuple[str, str, str]:
    # Messages may quote a line number ("already used on line 12"): moving text must not count as a change.
    # A warning is the same warning once acknowledged: that is an acknowledgement change, not a new problem.
    severity = Severity.WARNING if problem.severity is Severity.ACKNOWLEDGED else problem.severity
    return (severity.value, problem.code, _LINE_NUMBER.sub(r"\1 #", problem.message))


def _acknowledgement_changes(before: list[Problem], after: list[Problem]) -> list[Change]:
    """Warnings the change acknowledges (or gives a new reason), and acknowledgements it removes from a warning.

    A warning that goes away with its acknowledgement is a fixed problem; an
    acknowledgement left without its warning is W1301, an introduced one.
    """
    reasons = {_problem_key(p): p.reason for p in before if p.severity is Severity.ACKNOWLEDGED}
    changes = []
    for problem in after:
        old = reasons.get(_problem_key(problem))
        if problem.severity is Severity.ACKNOWLEDGED and old != problem.reason:
            changes.append(Change("warning.acknowledged", problem.message, problem.code, old, problem.reason))
        elif problem.severity is Severity.WARNING and old is not None:
            changes.append(Change("warning.unacknowledged", problem.message, problem.code, old, None))
    return changes


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
           base_label: str = "", head_label: str | None = None) -> Report:
    """Compare the plans of two revisions.

    Args:
        base: The checked plans before the change, by display path.
        head: The checked plans after the change, by display path.
        settings: ``today`` decides which measurements count for progress.
        base_label: How to name the base revision in the report.
        head_label: How to name the head revision (None for the working tree).

    """
    report = Report(base_label, head_label, settings.today)
    for path in sorted(set(base) | set(head)):
        old, new = base.get(path), head.get(path)
        if old is None:
            assert new is not None
            side = _side(new)
            plan = PlanReport(path, side.display_title, "added", None, not new.errors,
                              [Change("plan.added", side.display_title)], list(new.problems),
                              outline=_outline(new, side, settings.today))
            plan.changes += _overdue_changes(side, settings.today)
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
                              _compare_plan(before, after, settings.today)
                              + _acknowledgement_changes(old.problems, new.problems), introduced, fixed, remaining)
            if plan.is_empty:
                report.unchanged += 1
                continue
            plan.changes += _overdue_changes(after, settings.today)
        report.plans.append(plan)
    return report


