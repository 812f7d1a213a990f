"""From a file to a validated plan and all of its problems.

``check_bytes`` runs the whole chain on one file: read and compose (loader),
normalise keys (normalize), validate types (pydantic, errors mapped back to
positions), check references and coherence rules that make a plan unusable, and
finally the method's warnings (lint). Every problem of the file comes back at
once, sorted by position.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ValidationError

from pac_gen import loader
from pac_gen.messages import message
from pac_gen.model import Plan
from pac_gen.normalize import Normalized, Shape, english_key, normalize
from pac_gen.problems import Problem, Severity
from pac_gen.values import normalize_word


@dataclass(frozen=True)
class Settings:
    """What a check needs to know besides the file: the site's choices and today.

    Attributes:
        today: The day lateness and statuses are judged on.
        lang: ``fr`` or ``en`` for messages.
        timezone: IANA zone of the rituals' local times.
        working_day_hours: Length of a working day, for ``1 jour`` durations.

    """

    today: date
    lang: str = "fr"
    timezone: str = "Europe/Paris"
    working_day_hours: float = 7

    @property
    def zone(self) -> ZoneInfo:
        """The site's time zone."""
        return ZoneInfo(self.timezone)


@dataclass
class CheckedPlan:
    """One plan file after checking.

    Attributes:
        path: The file name problems are reported under (relative to the plans folder's parent).
        plan: The validated plan, or None when it has errors.
        problems: Every error and warning, sorted.
        positions: Where each part of the plan was written.
        source: The raw bytes, for hashing and exports.

    """

    path: str
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    positions: Normalized | None = None
    source: bytes = b""

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the plan unusable."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The method's coherence questions."""
        return [p for p in self.problems if p.severity is Severity.WARNING]


_TYPE_ERRORS = {
    "string_type": "type.text", "list_type": "type.list", "model_type": "type.mapping",
    "dict_type": "type.mapping", "model_attributes_type": "type.mapping",
    "int_type": "type.integer", "int_parsing": "type.integer", "int_from_float": "type.integer",
    "float_type": "type.number", "float_parsing": "type.number",
}


def _shape_at(path: tuple[Any, ...]) -> Shape | None:
    """The shape of the model that holds the last element of ``path``."""
    shape: Shape | None = Shape("model", model=Plan)
    for part in path[:-1]:
        if shape is None:
            return None
        if shape.kind == "model":
            found = shape.fields.get(normalize_word(str(part)))
            shape = found[1] if found else None
        elif shape.kind in ("list", "dict"):
            shape = shape.item
        elif shape.kind == "measurements":
            from pac_gen.model import Measurement

            shape = Shape("model", model=Measurement)
        else:
            return None
    return shape


def _pydantic_problem(file: str, error: Any, positions: Normalized, lang: str) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if loc and loc[-1] == "[key]":  # a dict key, e.g. a misspelled day of the ideal week
        line, column = positions.key_marks.get(loc[:-1], positions.locate(loc[:-1]))
    else:
        line, column = positions.locate(loc)
    if kind.startswith("E"):
        code, text = kind, message(kind, lang, **ctx)
    elif kind == "missing":
        shape = _shape_at(loc)
        model: type[BaseModel] | None = shape.model if shape is not None else None
        english = english_key(model, str(loc[-1])) if model else str(loc[-1])
        code, text = "E103", message("E103", lang, key=loc[-1], english=english)
    elif kind in _TYPE_ERRORS:
        code = "E104"
        text = message("E104", lang, expected=message(_TYPE_ERRORS[kind], lang))
    elif kind == "too_short" or kind == "string_too_short":
        code = "E117" if kind == "too_short" else "E118"
        text = message(code, lang)
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        sign = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}[kind]
        code, text = "E116", message("E116", lang, detail=f"{sign} {bound}")
    elif kind == "extra_forbidden":
        code, text = "E101b", message("E101b", lang, key=loc[-1], allowed="")
    else:
        code, text = "E104", message("E104", lang, expected=message("type.value", lang))
    return Problem(file, line, column, Severity.ERROR, code, text)


def check_bytes(file: str, data: bytes, settings: Settings) -> CheckedPlan:
    """Check one plan given as bytes; never raises on bad input.

    Args:
        file: The name problems are reported under.
        data: The file's bytes.
        settings: Today, language, time zone and working-day length.

    """
    lang = settings.lang
    document = loader.read_document(file, data, lang)
    if document.root is None:
        return CheckedPlan(file, None, sorted(document.problems), None, data)
    positions = normalize(file, document.root, Plan, lang)
    problems = list(positions.problems)
    plan: Plan | None = None
    if positions.data is not None:
        try:
            plan = Plan.model_validate(positions.data)
        except ValidationError as exc:
            problems.extend(_pydantic_problem(file, e, positions, lang) for e in exc.errors())
    if plan is not None:
        from pac_gen.coherence import check_coherence

        problems.extend(check_coherence(file, plan, positions, settings))
        if problems:  # structural problems (unknown keys…) make the plan unusable too
            plan = None if any(p.is_error for p in problems) else plan
    if plan is not None:
        from pac_gen.lint import lint

        problems.extend(lint(file, plan, positions, settings))
    return CheckedPlan(file, plan, sorted(set(problems)), positions, data)


def check_file(file: Path, settings: Settings, display: str | None = None) -> CheckedPlan:
    """Check one plan file on disk (files over 1 MB are refused before being read whole)."""
    name = display if display is not None else str(file)
    try:
        with file.open("rb") as stream:
            data = stream.read(loader.MAX_FILE_BYTES + 1)
    except OSError as exc:
        problem = Problem(name, 1, 1, Severity.ERROR, "E009",
                          message("E009", settings.lang, detail=exc.strerror or str(exc)))
        return CheckedPlan(name, None, [problem])
    return check_bytes(name, data, settings)


PLAN_SUFFIXES = (".yaml", ".yml")


def find_plan_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The plan files named or found below folders, in a stable order.

    Hidden files and folders are skipped; symbolic links are followed only when
    they stay inside the folder being searched.
    """
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            for found in sorted(path.rglob("*")):
                if found.suffix.lower() not in PLAN_SUFFIXES:
                    continue
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if not found.resolve().is_relative_to(root) or not found.is_file():
                    continue
                yield found
        else:
            yield path
