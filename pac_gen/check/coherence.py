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

from pac_gen.check import budgets
from pac_gen.check.problems import Severity
from pac_gen.check.rules import Context, Finding, RuleSet
from pac_gen.format import recurrence
from pac_gen.format.loader import byte_count
from pac_gen.format.model import Action, Indicator, Obstacle, Plan, Ritual

ERRORS = RuleSet(Severity.ERROR)
rule = ERRORS.rule


@rule("E201")
def duplicate_id(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Two actions (or two indicators) with the same id, given or made from the title; two ids written for rituals or tasks."""
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
    # Rituals and tasks may share a text; only the ids written for them must be unique.
    candidates: list[tuple[tuple[Any, ...], str | None]] = [(("rituels", i), r.id) for i, r in enumerate(plan.rituals)]
    candidates += [(("actions", i, "taches", j), task.id)
                   for i, action in enumerate(plan.actions) for j, task in enumerate(action.tasks)]
    with_ids = [((*path, "id"), given) for path, given in candidates
                if given is not None and not ctx.pruning.removed((*path, "id"))]
    # The second in the file is the one reported.
    with_ids.sort(key=lambda pair: ctx.positions.locate(ctx.pruning.original(pair[0])))
    written: dict[str, tuple[Any, ...]] = {}
    for path, given in with_ids:
        if given in written:
            yield Finding(path, {"id": given, "line": ctx.line_of(written[given])})
        else:
            written[given] = path


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


@rule("E212")
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
        yield Finding(("objectif", "debut"), {"start": objective.start, "end": objective.deadline}, "objective")


def _rule_error(ritual: Ritual, ctx: Context) -> str | None:
    """E122 for a rule more often than daily, E109 for one dateutil cannot expand, else None."""
    if ritual.rrule is None:
        return None
    try:
        recurrence.build_rule(ritual, ctx.settings.zone)
    except recurrence.TooFine:
        return "E122"
    except (ValueError, TypeError, OverflowError):  # dateutil's reasons are in English
        return "E109"
    return None


@rule("E109")
def rrule_unusable(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An RRULE that reads well but that dateutil cannot expand from the ritual's start."""
    for index, ritual in enumerate(plan.rituals):
        if _rule_error(ritual, ctx) == "E109":
            yield Finding(("rituels", index, "rrule"), {"value": ritual.rrule})


@rule("E122")
def rrule_too_fine(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An RRULE that repeats more often than once a day (hourly, by the minute…)."""
    for index, ritual in enumerate(plan.rituals):
        if _rule_error(ritual, ctx) == "E122":
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
                              {"date": measurement.date, "line": first})
            else:
                seen[measurement.date] = m_index


# --- Budgets: what one plan may ask of a build (pac_gen.check.budgets, SECURITY.md) -----------


def _budgets_apply(plan: Plan, ctx: Context) -> bool:
    # Budgets are counted on a whole plan whose rules all expand: a value put in
    # for a refused one (a deadline in 9999…) would only add a second error.
    return (not (ctx.pruning.pruned or ctx.pruning.kept)
            and all(_rule_error(r, ctx) is None for r in plan.rituals))


@rule("E211")
def calendar_too_long(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A date that stretches the plan's calendar past ten years (the first such date only)."""
    if _budgets_apply(plan, ctx):
        found = budgets.calendar_overrun(plan)
        if found is not None:
            path, day, first, last = found
            yield Finding(path, {"day": day, "first": first, "last": last,
                                 "limit": budgets.MAX_CALENDAR_MONTHS})


@rule("E209")
def too_many_rituals(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """More rituals than a plan may have (reported on the first one past the limit)."""
    if (_budgets_apply(plan, ctx) and budgets.calendar_overrun(plan) is None
            and len(plan.rituals) > budgets.MAX_RITUALS):
        yield Finding(("rituels", budgets.MAX_RITUALS), {"limit": budgets.MAX_RITUALS})


@rule("E210")
def too_many_occurrences(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """The ritual that takes the plan past its budget of occurrences (later ones are not reported)."""
    if (_budgets_apply(plan, ctx) and budgets.calendar_overrun(plan) is None
            and len(plan.rituals) <= budgets.MAX_RITUALS):
        found = budgets.occurrences_overrun(plan, ctx.settings.zone)
        if found is not None:
            index, before = found
            lang = ctx.settings.lang
            yield Finding(("rituels", index), {"limit": byte_count(budgets.MAX_OCCURRENCES, lang),
                                               "before": byte_count(before, lang)})


@rule("E213")
def too_many_measures_due(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """The indicator whose rhythm takes the plan past its budget of measurements due (format v1.1)."""
    if _budgets_apply(plan, ctx) and budgets.calendar_overrun(plan) is None:
        found = budgets.measures_overrun(plan)
        if found is not None:
            index, before = found
            lang = ctx.settings.lang
            yield Finding(("indicateurs", index, "periodicite"), {"limit": byte_count(budgets.MAX_MEASURES_DUE, lang),
                                                                   "before": byte_count(before, lang)})


@rule("E214")
def too_many_reviews(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """More reviews than a follow-up log may hold (reported on the first one past the limit)."""
    if len(plan.reviews) > budgets.MAX_REVIEWS:
        yield Finding(("suivi", budgets.MAX_REVIEWS), {"limit": budgets.MAX_REVIEWS})
