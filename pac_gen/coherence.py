"""Errors that need the whole plan: duplicate ids, references to unknown
actions, rituals without a rule or an end, invalid RRULEs, overlapping blocks of
the ideal week, and measurements given twice for one date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pac_gen.messages import message
from pac_gen.model import Action, Indicator, Obstacle, Plan, Ritual
from pac_gen.normalize import Normalized
from pac_gen.problems import Problem, Severity


class _Reporter:
    def __init__(self, file: str, positions: Normalized, lang: str) -> None:
        self.file = file
        self.positions = positions
        self.lang = lang

    def at(self, path: tuple[Any, ...], code: str, severity: Severity = Severity.ERROR, **args: Any) -> Problem:
        line, column = self.positions.locate(path)
        return Problem(self.file, line, column, severity, code, message(code, self.lang, **args))


def _id_path(section: str, index: int, item_has_id: bool, title_key: str) -> tuple[Any, ...]:
    return (section, index, "id") if item_has_id else (section, index, title_key)


def check_coherence(file: str, plan: Plan, positions: Normalized, settings: Any) -> Iterator[Problem]:
    """Yield the plan's cross-item errors, each at the value that causes it."""
    from pac_gen import recurrence

    report = _Reporter(file, positions, settings.lang)

    sections: tuple[tuple[str, Sequence[Action | Indicator], str], ...] = (
        ("actions", plan.actions, "intitule"),
        ("indicateurs", plan.indicators, "indicateur"),
    )
    for section, items, title_key in sections:
        first_seen: dict[str, tuple[Any, ...]] = {}
        for index, item in enumerate(items):
            path = _id_path(section, index, item.id is not None, title_key)
            if item.key in first_seen:
                line = positions.locate(first_seen[item.key])[0]
                yield report.at(path, "E201", id=item.key, line=line)
            else:
                first_seen[item.key] = path

    known = [a.key for a in plan.actions]
    known_text = ", ".join(known)
    references: tuple[tuple[str, Sequence[Ritual | Obstacle]], ...] = (
        ("rituels", plan.rituals), ("freins", plan.obstacles))
    for section, referring in references:
        for index, referrer in enumerate(referring):
            if referrer.action is not None and referrer.action not in known:
                yield report.at((section, index, "action"), "E202", id=referrer.action, known=known_text)

    for index, ritual in enumerate(plan.rituals):
        path = ("rituels", index)
        if (ritual.frequency is None) == (ritual.rrule is None):
            yield report.at(path if ritual.rrule is None else (*path, "rrule"), "E205")
        if (ritual.end is None) == (ritual.span is None):
            yield report.at(path if ritual.end is None else (*path, "fin"), "E206")
        if ritual.end is not None and ritual.end < ritual.start:
            yield report.at((*path, "fin"), "E208", start=ritual.start, end=ritual.end)
        if ritual.rrule is not None:
            try:
                recurrence.build_rule(ritual, settings.zone)
            except (ValueError, TypeError, OverflowError) as exc:
                yield report.at((*path, "rrule"), "E109", value=ritual.rrule, detail=str(exc))

    objective = plan.objective
    if objective.start is not None and objective.start > objective.deadline:
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
                first = positions.locate(("indicateurs", index, "mesures", seen[measurement.date], "date"))
                yield report.at(path, "E204", date=measurement.date.isoformat(), line=first[0])
            else:
                seen[measurement.date] = m_index
