"""From a file to a validated plan and all of its problems.

``check_bytes`` runs the whole chain on one file: read and compose (loader),
normalise keys (normalize), validate types (pydantic, errors mapped back to
positions), check references and coherence rules that make a plan unusable, and
finally the method's warnings (lint). Every problem of the file comes back at
once, sorted by position.
"""

from __future__ import annotations

import dataclasses
import errno
import gc
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel, ValidationError

from pac_gen.check.coherence import ERRORS
from pac_gen.check.method import WARNINGS
from pac_gen.check.problems import Problem, Severity
from pac_gen.check.rules import Context, Pruning
from pac_gen.format import loader
from pac_gen.format.model import Plan
from pac_gen.format.normalize import Normalized, Shape, english_key, normalize
from pac_gen.format.settings import Settings
from pac_gen.format.values import LAST_YEAR, ValueProblem, parse_bool, slugify
from pac_gen.text import MESSAGES, message


@dataclass
class CheckedPlan:
    """One plan file after checking.

    Attributes:
        path: The file name problems are reported under (relative to the plans folder's parent).
        plan: The validated plan, or None when it has errors.
        problems: Every error and warning, sorted.
        positions: Where each part of the plan was written.
        readable: The plan as far as it could be read: ``plan`` when valid, else the
            partial plan the coherence rules were checked on (see ``pruning``), or None.
        pruning: What was taken out of the file to make ``readable``; None when nothing was.
        confidential: Whether the file asks not to be published. For a plan with
            errors it is read from what could be read of the file, and taken as
            true when in doubt, so that an invalid confidential plan is not shown
            by the preview either.

    """

    path: str
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    positions: Normalized | None = None
    readable: Plan | None = None
    pruning: Pruning | None = None
    confidential: bool = False

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
        shape = shape.child(part)
    return shape


# What a value parser's error code expects, for values of the wrong kind (a list
# where a date goes) or empty ones (`echeance:` with nothing after it).
_EXPECTED_BY_CODE = {
    "E105": "type.choice", "E106": "type.date", "E106b": "type.date", "E107": "type.duration",
    "E108": "type.span", "E110": "type.money", "E111": "type.time", "E112": "type.currency",
    "E113": "type.slug", "E114": "type.number", "E115": "type.boolean",
}


def _wrong_kind(kind: str, ctx: dict[str, Any], value: Any, lang: str) -> str | None:
    """The E104 message for an empty value or a list/mapping given to a value parser, else None."""
    if value is not None and not isinstance(value, list | dict):
        return None
    if kind in _EXPECTED_BY_CODE:
        expected = message(_EXPECTED_BY_CODE[kind], lang, allowed=ctx.get("allowed", ""))
    elif kind in _TYPE_ERRORS:
        expected = message(_TYPE_ERRORS[kind], lang)
    elif kind.startswith("E"):
        expected = message("type.value", lang)
    else:
        return None
    return message("E104.empty" if value is None else "E104", lang, expected=expected)


def _pydantic_problem(file: str, error: Any, positions: Normalized, lang: str) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if loc and loc[-1] == "[key]":  # a dict key, e.g. a misspelled day of the ideal week
        line, column = positions.locate_key(loc[:-1])
    else:
        line, column = positions.locate(loc)
    wrong_kind = None if kind == "missing" else _wrong_kind(kind, ctx, error.get("input"), lang)
    if wrong_kind is not None:
        code, text = "E104", wrong_kind
    elif kind.startswith("E"):
        # A near miss ("prospectoin") gets the message that names the likely word.
        variant = f"{kind}.suggest"
        code, text = kind, message(variant if "suggestion" in ctx and variant in MESSAGES else kind, lang, **ctx)
    elif kind == "missing":
        shape = _shape_at(loc)
        model: type[BaseModel] | None = shape.model if shape is not None else None
        english = english_key(model, str(loc[-1])) if model else str(loc[-1])
        template = "E103" if english != loc[-1] else "E103.same"
        code, text = "E103", message(template, lang, key=loc[-1], english=english)
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


# Stand-ins for the two required top-level sections when they cannot be
# validated, so that the rest of the plan can still be checked for coherence.
_PLACEHOLDER_ID = "pac-gen-placeholder"
_PLACEHOLDER_OBJECTIVE = {"intitule": "-", "echeance": f"{LAST_YEAR}-12-31"}  # the latest a plan may hold
_PLACEHOLDER_ACTION = {"id": _PLACEHOLDER_ID, "intitule": "-", "type": "prospection"}
_MAX_PRUNING_ROUNDS = 8


def _removal(loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]] | None:
    """The smallest part of the data to remove so that the error at ``loc`` goes away.

    ``("del", path)`` removes an optional key (its default applies) or an entry of
    the ideal week; ``("drop", path)`` removes a list item. None when only a
    required top-level section is at fault.
    """
    if loc and loc[-1] == "[key]":
        return "del", loc[:-1]
    steps: list[tuple[str | None, tuple[Any, ...]]] = []
    shape: Shape | None = Shape("model", model=Plan)
    for index, part in enumerate(loc):
        prefix = loc[: index + 1]
        if shape is None:
            steps.append((None, prefix))
            continue
        if shape.kind == "model":
            assert shape.model is not None
            info = next((f for f in shape.model.model_fields.values() if f.alias == part), None)
            steps.append(("del" if info is not None and not info.is_required() else None, prefix))
        else:
            steps.append(({"list": "drop", "measurements": "drop", "dict": "del"}.get(shape.kind), prefix))
        shape = shape.child(part)
    for action, prefix in reversed(steps):
        if action is not None:
            return action, prefix
    return None


def _container(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data


def _ids_of(raw: Any) -> set[str]:
    """Every id a reference could mean for an action that could not be validated."""
    ids: set[str] = set()
    if isinstance(raw, dict):
        for key in ("id", "intitule"):
            value = raw.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
                ids.add(str(value))
                ids.add(slugify(str(value)))
    return ids


def partial_plan(data: Any, first_errors: list[Any]) -> tuple[Plan, Pruning] | None:
    """The plan without the parts pydantic refused, so that coherence can be checked too.

    Optional keys with a bad value are removed (their default applies), list items
    with a bad required key are dropped, and missing required sections get a
    stand-in. ``Pruning`` remembers what was removed so that coherence neither
    reports what the removal itself causes nor loses track of positions.

    Args:
        data: The normalised data that failed validation.
        first_errors: Pydantic's errors for ``data``.

    Returns:
        The partial plan and what was removed, or None when nothing sensible remains.

    """
    pruning = Pruning()
    data = _copy(data)
    if not isinstance(data, dict):
        return None
    errors = first_errors
    placeholder_actions = False
    for _ in range(_MAX_PRUNING_ROUNDS):
        removals: set[tuple[str, tuple[Any, ...]]] = set()
        for error in errors:
            loc = tuple(error["loc"])
            removal = _removal(loc)
            if removal is not None:
                removals.add(removal)
            elif loc[:1] == ("objectif",):
                data["objectif"] = dict(_PLACEHOLDER_OBJECTIVE)
                pruning.pruned.add(("objectif",))
            elif loc[:1] == ("actions",):
                data["actions"] = [dict(_PLACEHOLDER_ACTION)]
                pruning.pruned.add(("actions",))
                placeholder_actions = True
            else:
                return None
        # Deepest and last first, so that earlier indexes stay valid.
        for action, path in sorted(removals, key=lambda r: [(isinstance(p, str), p) for p in r[1]], reverse=True):
            container = _container(data, path[:-1])
            original = pruning.original(path)
            if action == "del" and isinstance(container, dict) and path[-1] in container:
                if original[:1] == ("actions",) and original[2:] == ("id",):
                    pruning.known_ids |= _ids_of({"id": container["id"]})
                del container[path[-1]]
                pruning.pruned.add(original)
            elif action == "drop" and isinstance(container, list) and 0 <= path[-1] < len(container):
                if len(original) == 2 and original[0] == "actions":
                    pruning.known_ids |= _ids_of(container[path[-1]])
                pruning.drop(original[:-1], path[-1], len(container))
                del container[path[-1]]
        try:
            plan = Plan.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
            continue
        if placeholder_actions:
            plan = plan.model_copy(update={"actions": [a for a in plan.actions if a.id != _PLACEHOLDER_ID]})
        return plan, pruning
    return None


def _place_aliases(problems: list[Problem], text: str) -> list[Problem]:
    """E005 at each alias (``*name``) rather than at the anchored value it repeats."""
    aliases = [p for p in problems if p.code == "E005"]
    if not aliases:
        return problems
    template = aliases[0]
    others = [p for p in problems if p.code != "E005"]
    placed = [dataclasses.replace(template, line=line, column=column)
              for line, column in loader.alias_positions(text)]
    return others + (placed or aliases)


def check_bytes(file: str, data: bytes, settings: Settings, size: int | None = None) -> CheckedPlan:
    """Check one plan given as bytes; never raises on bad input.

    Python's cycle collector is paused meanwhile: composing and validating make
    tens of thousands of small containers that live just long enough to be
    promoted, and the collector would walk every live object again and again (up
    to three times the work, measured). None of them form cycles, so reference
    counting frees them all the same.

    Every problem of the file comes back at once: when some values have the wrong
    type, the rest of the plan is still checked for duplicate ids, unknown
    references and the other coherence errors. Warnings are only looked for in a
    plan without errors.

    Args:
        file: The name problems are reported under.
        data: The file's bytes.
        settings: Today, language, time zone and working-day length.
        size: The file's real size when ``data`` is only its beginning (for E003).

    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _check_bytes(file, data, settings, size)
    finally:
        if paused:
            gc.enable()


def _check_bytes(file: str, data: bytes, settings: Settings, size: int | None) -> CheckedPlan:
    lang = settings.lang
    document = loader.read_document(file, data, lang, size)
    if document.root is None:
        return CheckedPlan(file, None, sorted(document.problems), confidential=_says_confidential(None, document.text))
    positions = normalize(file, document.root, Plan, lang, document.text)
    structural = [*document.problems, *positions.problems]
    problems = list(structural)
    plan: Plan | None = None
    pruning = None
    if positions.data is not None:
        try:
            plan = Plan.model_validate(positions.data)
        except ValidationError as exc:
            errors = exc.errors()
            taken = {(p.line, p.column) for p in structural}
            # A value refused while reading (tag, alias…) is not reported a second time.
            problems.extend(p for p in (_pydantic_problem(file, e, positions, lang) for e in errors)
                            if (p.line, p.column) not in taken)
            partial = partial_plan(positions.data, errors)
            if partial is not None:
                plan, pruning = partial
    problems = _place_aliases(problems, document.text)
    readable = plan
    context = Context(file, positions, settings, pruning or Pruning())
    if plan is not None:
        problems.extend(ERRORS.run(plan, context))
        if problems:  # structural problems (unknown keys…) make the plan unusable too
            plan = None if any(p.is_error for p in problems) else plan
    if plan is not None:
        problems.extend(WARNINGS.run(plan, context))
    confidential = plan.confidential if plan is not None else _says_confidential(positions.data, document.text)
    return CheckedPlan(file, plan, sorted(set(problems)), positions, readable, pruning, confidential)


_CONFIDENTIAL_LINE = re.compile(r"^[\"']?(?:confidentiel|confidential)[\"']?\s*:(.*)$", re.IGNORECASE | re.MULTILINE)


def _says_confidential(data: Any, text: str) -> bool:
    """Whether a plan with errors asks not to be published: yes unless it clearly says no."""
    if isinstance(data, dict):
        value = data.get("confidentiel")
        return value is not None and _yes_or_doubt(value)
    # The file could not be composed: any top-level confidentiality key not plainly false counts.
    for found in _CONFIDENTIAL_LINE.finditer(text):
        value = found.group(1).split("#", 1)[0].strip().strip("\"'")
        if value and _yes_or_doubt(value):
            return True
    return False


def _yes_or_doubt(value: Any) -> bool:
    try:
        return parse_bool(value)
    except ValueProblem:
        return True


def check_file(file: Path, settings: Settings, display: str | None = None) -> CheckedPlan:
    """Check one plan file on disk (files over 1 MB are refused before being read whole)."""
    name = display if display is not None else str(file)
    try:
        data, size = loader.read_plan_bytes(file)
    except OSError as exc:
        problem = Problem(name, 1, 1, Severity.ERROR, "E009",
                          message("E009", settings.lang, detail=exc.strerror or str(exc)))
        return CheckedPlan(name, None, [problem])
    return check_bytes(name, data, settings, size)


PLAN_SUFFIXES = (".yaml", ".yml")


MAX_PATH_BYTES = 1024
"""Longest path of a plan below the plans folder, in UTF-8 bytes (far past any real one)."""

FORBIDDEN_IN_PATHS = '<>:"\\|?*'
"""Characters a plan's file or folder name may not hold: Windows refuses them in a
checkout, and ``<``, ``>`` and ``"`` are what markup injection needs (pages still
percent-encode and escape every path, whatever it holds)."""

_PATH_REASONS = {
    errno.ENAMETOOLONG: "path.too_long_for_system",
    errno.ELOOP: "path.loop",
    errno.EACCES: "path.denied",
    errno.EPERM: "path.denied",
}


@dataclass(frozen=True)
class Refusal:
    """A path found under the plans folder that is not read as a plan, and why.

    Attributes:
        path: The file or folder, as found.
        reason: The message key of the reason (``path.*``), or ``E011`` for a link out of the folder.
        args: What the reason's message needs.

    """

    path: Path
    reason: str
    args: tuple[tuple[str, str], ...] = ()


def refusal_problem(refusal: Refusal, lang: str = "fr", display: str | None = None) -> Problem:
    """The located error (at 1:1 of the path) that reports a refusal."""
    name = display if display is not None else shown_path(refusal.path)
    args = dict(refusal.args)
    if refusal.reason == "E011":
        return Problem(name, 1, 1, Severity.ERROR, "E011", message("E011", lang, **args))
    return Problem(name, 1, 1, Severity.ERROR, "E014",
                   message("E014", lang, reason=message(refusal.reason, lang, **args)))


def shown_path(path: PurePath) -> str:
    """A path as text, ``/``-separated: bytes that are not UTF-8 (kept by Python as lone surrogates) shown as ``�``."""
    return path.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def path_refusal(path: Path, relative: str) -> Refusal | None:
    """Why a plan's path below its folder cannot be a plan's, or None when it can.

    Args:
        path: The file.
        relative: Its path below the plans folder (or its own name when given alone).

    """
    try:
        encoded = relative.encode("utf-8")
    except UnicodeEncodeError:
        return Refusal(path, "path.encoding")
    for char in relative:
        if ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or char in "\u2028\u2029":
            return Refusal(path, "path.control", (("char", f"U+{ord(char):04X}"),))
        if char in FORBIDDEN_IN_PATHS:
            return Refusal(path, "path.character", (("char", char),))
    if len(encoded) > MAX_PATH_BYTES:
        return Refusal(path, "path.length", (("length", str(len(encoded))), ("limit", str(MAX_PATH_BYTES))))
    return None


def _os_refusal(path: Path, exc: OSError) -> Refusal:
    reason = _PATH_REASONS.get(exc.errno or 0, "path.unreadable")
    return Refusal(path, reason, (("detail", str(exc.errno or "")),))


def _candidates(folder: Path, refused: list[Refusal]) -> list[tuple[Path, bool]]:
    """Every ``*.yaml``/``*.yml`` file below ``folder`` and whether it is a symbolic link, in path order.

    Hidden files and folders are left out. Symbolic links to folders are not
    followed (links to files are, and checked by the caller). A folder that cannot
    be listed (path too long for the system, no permission) is refused rather than raising.
    """
    found: list[tuple[Path, bool]] = []
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    path = current / entry.name
                    if entry.is_dir(follow_symlinks=False):
                        waiting.append(path)
                    elif path.suffix.lower() in PLAN_SUFFIXES:
                        linked = entry.is_symlink()
                        if linked or entry.is_file(follow_symlinks=False):  # never a FIFO or a device
                            found.append((path, linked))
        except OSError as exc:
            refused.append(_os_refusal(current, exc))
    return sorted(found)


def find_plan_files(paths: Iterable[Path], refused: list[Refusal] | None = None) -> Iterator[Path]:
    """The plan files named or found below folders, in a stable order.

    Only ``*.yaml`` and ``*.yml`` files are plans: other files (images, notes…)
    are ignored, and so are hidden files and folders. Symbolic links are followed
    only when they stay inside the folder being searched. Paths no plan may have
    (:func:`path_refusal`), links in a loop and folders that cannot be listed are
    refused, never a traceback.

    Args:
        paths: Files (taken as they are) and folders (searched recursively).
        refused: When given, what was found but not taken is added to it, so the
            caller can report it (:func:`refusal_problem`).

    """
    sink: list[Refusal] = refused if refused is not None else []
    for path in paths:
        if not path.is_dir():
            refusal = path_refusal(path, path.name)
            if refusal is None:
                yield path
            else:
                sink.append(refusal)
            continue
        yield from plans_below(path, path, sink)


def plans_below(folder: Path, start: Path, refused: list[Refusal] | None = None) -> Iterator[Path]:
    """The plan files :func:`find_plan_files` finds in ``folder`` that are ``start`` or below it.

    A preview told by its file watcher that ``start`` changed looks there only,
    not through the whole cohort; the rules are those of :func:`find_plan_files`.

    Args:
        folder: The plans folder (paths are judged relative to it).
        start: ``folder`` itself, or a file or folder inside it (nothing when it is hidden or gone).
        refused: When given, what was found but not taken is added to it.

    """
    sink: list[Refusal] = refused if refused is not None else []
    if start != folder and any(part.startswith(".") for part in start.relative_to(folder).parts):
        return
    if start == folder or (start.is_dir() and not start.is_symlink()):  # a link to a folder is not followed
        candidates = _candidates(start, sink)
    elif start.suffix.lower() in PLAN_SUFFIXES and (start.is_symlink() or start.is_file()):
        candidates = [(start, start.is_symlink())]
    else:  # gone, or not a plan (an editor's backup file…)
        return
    root = folder.resolve()
    for found, linked in candidates:
        refusal = path_refusal(found, found.relative_to(folder).as_posix())
        if refusal is not None:
            sink.append(refusal)
            continue
        if linked:  # only a link can lead out of the folder: folders reached here are not links
            try:
                target = found.resolve()
            except RuntimeError:  # Python 3.11 reports a loop of links this way
                sink.append(Refusal(found, "path.loop"))
                continue
            except OSError as exc:
                sink.append(_os_refusal(found, exc))
                continue
            if not target.is_relative_to(root):
                sink.append(Refusal(found, "E011", (("target", shown_path(target)),)))
                continue
            if not found.is_file():
                continue  # a link to nothing, or to a folder
        yield found
