"""Errors that need the whole plan, one rule each: duplicate ids, references to
unknown actions, rituals without a rule or an end, invalid RRULEs, dates in the
wrong order, overlapping blocks of the ideal week, and measurements given twice.

They also run on a partial plan (a plan with type errors, less what was refused):
``ctx.pruning`` says what was taken out, and no rule reports what the removal
alone would cause.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pac_gen import recurrence
from pac_gen.check.rules import Context, Finding, RuleSet
from pac_gen.model import Action, Indicator, Obstacle, Plan, Ritual
from pac_gen.problems import Severity

ERRORS = RuleSet(Severity.ERROR)
rule = ERRORS.rule


@rule("E201")
def duplicate_id(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Two actions (or two indicators) with the same id, given or made from the title."""
    sections: tuple[tuple[str, Sequence[Action | Indicator], str], ...] = (
        ("actions", plan.actions, "intitule"), ("indicateurs", plan.indicators, "indicateur"))
    for section, items, title_key in sections:
        first_seen: dict[str, tuple[Any, ...]] = {}
        for index, item in enumerate(items):
            if ctx.pruning.removed((section, index, "id")):
                continue  # its id was refused: the title's slug stands in, and may collide
            path = (section, index, "id" if item.id is not None else title_key)
            if item.key in first_seen:
                yield Finding(path, {"id": item.key, "line": ctx.line_of(first_seen[item.key])})
            else:
                first_seen[item.key] = path


@rule("E202")
def unknown_action(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A ritual, an obstacle or a review's decision linked to an action id that does not exist."""
    known = list(dict.fromkeys(a.key for a in plan.actions))
    accepted = set(known) | ctx.pruning.known_ids
    references: tuple[tuple[str, Sequence[Ritual | Obstacle]], ...] = (
        ("rituels", plan.rituals), ("freins", plan.obstacles))
    for section, referring in references:
        for index, referrer in enumerate(referring):
            if referrer.action is not None and referrer.action not in accepted:
                yield Finding((section, index, "action"), {"id": referrer.action, "known": ", ".join(known)})
    for r_index, review in enumerate(plan.reviews):
        for d_index, decision in enumerate(review.decisions):
            if decision.action is not None and decision.action not in accepted:
                yield Finding(("suivi", r_index, "decisions", d_index, "action"),
                              {"id": decision.action, "known": ", ".join(known)})


@rule("E209")
def unknown_indicator(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A review that lists an indicator id that does not exist."""
    pruning = ctx.pruning
    if ("indicateurs",) in pruning.kept or any(p[:1] == ("indicateurs",) and p[2:] in ((), ("id",))
                                                for p in pruning.pruned):
        return  # an indicator was refused: the ids it could have had are unknown
    known = list(dict.fromkeys(i.key for i in plan.indicators))
    for r_index, review in enumerate(plan.reviews):
        for i_index, key in enumerate(review.indicators):
            if key not in known:
                yield Finding(("suivi", r_index, "indicateurs", i_index), {"id": key, "known": ", ".join(known)})


@rule("E205")
def ritual_rule_once(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A ritual has a frequency or an RRULE: exactly one of them."""
    for index, ritual in enumerate(plan.rituals):
        path = ("rituels", index)
        removed = ctx.pruning.removed((*path, "frequence")) or ctx.pruning.removed((*path, "rrule"))
        if (ritual.frequency is None) == (ritual.rrule is None) and not removed:
            yield Finding(path if ritual.rrule is None else (*path, "rrule"))


@rule("E206")
def ritual_end_once(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A ritual has a last day or a span: exactly one of them."""
    for index, ritual in enumerate(plan.rituals):
        path = ("rituels", index)
        removed = ctx.pruning.removed((*path, "fin")) or ctx.pruning.removed((*path, "pendant"))
        if (ritual.end is None) == (ritual.span is None) and not removed:
            yield Finding(path if ritual.end is None else (*path, "fin"))


@rule("E208")
def end_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A ritual that ends before it starts, or an objective that starts after its deadline."""
    for index, ritual in enumerate(plan.rituals):
        if ritual.end is not None and ritual.end < ritual.start:
            yield Finding(("rituels", index, "fin"), {"start": ritual.start, "end": ritual.end})
    objective = plan.objective
    if (objective.start is not None and objective.start > objective.deadline
            and ("objectif",) not in ctx.pruning.pruned):
        yield Finding(("objectif", "debut"), {"start": objective.start, "end": objective.deadline})


@rule("E109")
def rrule_unusable(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An RRULE that reads well but that dateutil cannot expand from the ritual's start."""
    for index, ritual in enumerate(plan.rituals):
        if ritual.rrule is not None:
            try:
                recurrence.build_rule(ritual, ctx.settings.zone)
            except (ValueError, TypeError, OverflowError):  # dateutil's reasons are in English
                yield Finding(("rituels", index, "rrule"), {"value": ritual.rrule})


def _hhmm(moment: Any) -> str:
    return str(moment.strftime("%H:%M"))


@rule("E207")
def block_ends_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A block of the ideal week that ends before (or when) it starts."""
    for day, blocks in (plan.ideal_week or {}).items():
        for index, block in enumerate(blocks):
            if block.end <= block.start:
                yield Finding(("semaine_ideale", str(day), index, "a"),
                              {"start": _hhmm(block.start), "end": _hhmm(block.end)})


@rule("E203")
def blocks_overlap(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Two blocks of the same day of the ideal week that overlap (reported on the later one)."""
    for day, blocks in (plan.ideal_week or {}).items():
        for index, block in enumerate(blocks):
            if block.end <= block.start:
                continue  # E207
            other = next((o for o in blocks[:index]
                          if o.start < block.end and block.start < o.end and o.end > o.start), None)
            if other is not None:
                yield Finding(("semaine_ideale", str(day), index),
                              {"start": _hhmm(block.start), "end": _hhmm(block.end),
                               "other_start": _hhmm(other.start), "other_end": _hhmm(other.end)})


@rule("E204")
def measurement_twice(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Two measurements of one indicator on the same date."""
    for index, indicator in enumerate(plan.indicators):
        seen: dict[Any, int] = {}
        for m_index, measurement in enumerate(indicator.measurements):
            if measurement.date in seen:
                first = ctx.line_of(("indicateurs", index, "mesures", seen[measurement.date], "date"))
                yield Finding(("indicateurs", index, "mesures", m_index, "date"),
                              {"date": measurement.date.isoformat(), "line": first})
            else:
                seen[measurement.date] = m_index
