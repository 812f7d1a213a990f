"""Errors that need the whole plan: duplicate ids, references to unknown
actions, rituals without a rule or an end, invalid RRULEs, overlapping blocks of
the ideal week, measurements given twice for one date, and the budgets of
:mod:`pac_gen.budgets`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pac_gen import budgets, recurrence
from pac_gen.messages import message
from pac_gen.model import Action, Indicator, Obstacle, Plan, Ritual
from pac_gen.normalize import Normalized
from pac_gen.problems import Problem, Severity


@dataclass
class Pruning:
    """What was taken out of a plan with type errors so that the rest could be checked.

    Attributes:
        kept: For each list (by its path in the file), the file indexes of the
            items still in the partial plan, in order. Lists not listed are whole.
        pruned: Paths (in the file) of optional keys removed because their value was bad.
        known_ids: Ids of actions that were dropped or lost their id: references
            to them are not errors of their own.

    """

    kept: dict[tuple[Any, ...], list[int]] = field(default_factory=dict)
    pruned: set[tuple[Any, ...]] = field(default_factory=set)
    known_ids: set[str] = field(default_factory=set)

    def original(self, path: tuple[Any, ...]) -> tuple[Any, ...]:
        """The path in the file of a path in the partial plan."""
        out: list[Any] = []
        for part in path:
            kept = self.kept.get(tuple(out)) if isinstance(part, int) else None
            out.append(kept[part] if kept is not None and 0 <= part < len(kept) else part)
        return tuple(out)

    def drop(self, list_path: tuple[Any, ...], index: int, length: int) -> None:
        """Record that item ``index`` (of ``length``, partial-plan numbering) of a list was dropped."""
        kept = self.kept.setdefault(list_path, list(range(length)))
        del kept[index]

    def removed(self, path: tuple[Any, ...]) -> bool:
        """True when the optional key at ``path`` (partial-plan numbering) was removed."""
        return self.original(path) in self.pruned


class _Reporter:
    def __init__(self, file: str, positions: Normalized, lang: str, pruning: Pruning) -> None:
        self.file = file
        self.positions = positions
        self.lang = lang
        self.pruning = pruning

    def locate(self, path: tuple[Any, ...]) -> tuple[int, int]:
        return self.positions.locate(self.pruning.original(path))

    def at(self, path: tuple[Any, ...], code: str, severity: Severity = Severity.ERROR, **args: Any) -> Problem:
        line, column = self.locate(path)
        return Problem(self.file, line, column, severity, code, message(code, self.lang, **args))


def _id_path(section: str, index: int, item_has_id: bool, title_key: str) -> tuple[Any, ...]:
    return (section, index, "id") if item_has_id else (section, index, title_key)


def check_coherence(file: str, plan: Plan, positions: Normalized, settings: Any,
                    pruning: Pruning | None = None) -> Iterator[Problem]:
    """Yield the plan's cross-item errors, each at the value that causes it.

    Args:
        file: The name problems are reported under.
        plan: The plan, possibly partial (see ``pruning``).
        positions: Where each part of the plan was written.
        settings: The check's settings (language, time zone).
        pruning: For a plan with type errors, what was removed from it: no
            error is reported that the removal alone would cause.

    """
    pruning = pruning or Pruning()
    report = _Reporter(file, positions, settings.lang, pruning)

    sections: tuple[tuple[str, Sequence[Action | Indicator], str], ...] = (
        ("actions", plan.actions, "intitule"),
        ("indicateurs", plan.indicators, "indicateur"),
    )
    for section, items, title_key in sections:
        first_seen: dict[str, tuple[Any, ...]] = {}
        for index, item in enumerate(items):
            if pruning.removed((section, index, "id")):
                continue  # its id was refused: the title's slug stands in, and may collide
            path = _id_path(section, index, item.id is not None, title_key)
            if item.key in first_seen:
                line = report.locate(first_seen[item.key])[0]
                yield report.at(path, "E201", id=item.key, line=line)
            else:
                first_seen[item.key] = path

    # Rituals and tasks may share a text; only the ids written for them must be unique.
    written: dict[str, tuple[Any, ...]] = {}
    candidates: list[tuple[tuple[Any, ...], str | None]] = [(("rituels", i), r.id) for i, r in enumerate(plan.rituals)]
    candidates += [(("actions", i, "taches", j), task.id)
                   for i, action in enumerate(plan.actions) for j, task in enumerate(action.tasks)]
    with_ids = [(path, i) for path, i in candidates if i is not None and not pruning.removed((*path, "id"))]
    with_ids.sort(key=lambda pair: report.locate((*pair[0], "id")))  # the second in the file is the one reported
    for path, written_id in with_ids:
        if written_id in written:
            yield report.at((*path, "id"), "E201", id=written_id, line=report.locate(written[written_id])[0])
        else:
            written[written_id] = (*path, "id")

    known = list(dict.fromkeys(a.key for a in plan.actions))
    known_text = ", ".join(known)
    accepted = set(known) | pruning.known_ids
    references: tuple[tuple[str, Sequence[Ritual | Obstacle]], ...] = (
        ("rituels", plan.rituals), ("freins", plan.obstacles))
    for section, referring in references:
        for index, referrer in enumerate(referring):
            if referrer.action is not None and referrer.action not in accepted:
                yield report.at((section, index, "action"), "E202", id=referrer.action, known=known_text)

    rules_ok = True
    for index, ritual in enumerate(plan.rituals):
        path = ("rituels", index)
        rule_removed = pruning.removed((*path, "frequence")) or pruning.removed((*path, "rrule"))
        end_removed = pruning.removed((*path, "fin")) or pruning.removed((*path, "pendant"))
        if (ritual.frequency is None) == (ritual.rrule is None) and not rule_removed:
            yield report.at(path if ritual.rrule is None else (*path, "rrule"), "E205")
        if (ritual.end is None) == (ritual.span is None) and not end_removed:
            yield report.at(path if ritual.end is None else (*path, "fin"), "E206")
        if ritual.end is not None and ritual.end < ritual.start:
            yield report.at((*path, "fin"), "E208", start=ritual.start, end=ritual.end)
        if ritual.rrule is not None:
            try:
                recurrence.build_rule(ritual, settings.zone)
            except recurrence.TooFine:
                rules_ok = False
                yield report.at((*path, "rrule"), "E122", value=ritual.rrule)
            except (ValueError, TypeError, OverflowError):  # dateutil's reasons are in English
                rules_ok = False
                yield report.at((*path, "rrule"), "E109", value=ritual.rrule)

    objective = plan.objective
    if objective.start is not None and objective.start > objective.deadline and ("objectif",) not in pruning.pruned:
        yield report.at(("objectif", "debut"), "E208", start=objective.start, end=objective.deadline)

    for day, blocks in (plan.ideal_week or {}).items():
        for index, block in enumerate(blocks):
            path = ("semaine_ideale", str(day), index)
            if block.end <= block.start:
                yield report.at((*path, "a"), "E207", start=block.start.strftime("%H:%M"),
                                end=block.end.strftime("%H:%M"))
                continue
            for other in blocks[:index]:
                if other.start < block.end and block.start < other.end and other.end > other.start:
                    yield report.at(path, "E203", start=block.start.strftime("%H:%M"),
                                    end=block.end.strftime("%H:%M"),
                                    other_start=other.start.strftime("%H:%M"),
                                    other_end=other.end.strftime("%H:%M"))
                    break

    for index, indicator in enumerate(plan.indicators):
        seen: dict[Any, int] = {}
        for m_index, measurement in enumerate(indicator.measurements):
            path = ("indicateurs", index, "mesures", m_index, "date")
            if measurement.date in seen:
                first = report.locate(("indicateurs", index, "mesures", seen[measurement.date], "date"))
                yield report.at(path, "E204", date=measurement.date.isoformat(), line=first[0])
            else:
                seen[measurement.date] = m_index

    # Budgets are counted on a whole plan whose rules all expand: a value put in
    # for a refused one (a deadline in 9999…) would only add a second error.
    if rules_ok and not (pruning.pruned or pruning.kept):
        yield from budgets.check(plan, settings, report)
