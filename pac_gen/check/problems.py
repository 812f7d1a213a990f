"""The one problem type that every check produces, and its output formats.

Modelled on yamllint's ``LintProblem`` and ``cli.Format``: a problem knows where it
is (file, 1-based line and column), how bad it is, a stable code and a message
already written in the reader's language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: an error makes the plan unusable, a warning does not.

    An acknowledged warning is one the learner keeps on purpose, with a reason, on
    the item it is about (:mod:`pac_gen.check.acknowledge`): it is shown, never
    counted as a warning, and never fails ``--strict``.
    """

    ERROR = "error"
    WARNING = "warning"
    ACKNOWLEDGED = "acknowledged"


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One thing wrong with a plan file.

    Problems sort by file, then position, so a list of them reads top to bottom.

    Attributes:
        path: The file, as given by the caller (relative paths stay relative).
        line: 1-based line of the offending value.
        column: 1-based column of the offending value.
        severity: ``error``, ``warning``, or ``acknowledged`` (a warning the learner keeps).
        code: A stable code (``E…`` for errors, ``W…`` for warnings), documented in the guide.
        message: The explanation, in the language asked for.
        reason: For an acknowledged warning, the learner's reason for keeping it; else empty.

    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    reason: str = ""

    @property
    def is_error(self) -> bool:
        """True when the problem is an error rather than a warning."""
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        """The problem as plain JSON-ready data (``reason`` only for an acknowledged warning)."""
        data = asdict(self)
        data["severity"] = str(self.severity)
        if not self.reason:
            del data["reason"]
        return data


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


_WORKFLOW_COMMAND = re.compile(r"##\[|^::")


def one_line(text: str) -> str:
    """``text`` as one line of plain output: line breaks shown as ``⏎``, other control characters as ``�``.

    A file name or a learner's value must not be able to fake further
    ``file:line:col:`` lines, GitHub workflow commands or terminal escapes. The
    Actions runner also obeys the older ``##[warning …]`` form anywhere in a line
    (a title could forge an annotation on another learner's file, or fold the log):
    a word joiner between the two ``#`` keeps it readable and inert.
    """
    flat = _CONTROLS.sub("\ufffd", _LINE_BREAKS.sub("⏎", text))
    return _WORKFLOW_COMMAND.sub(lambda found: found.group()[0] + "\u2060" + found.group()[1:], flat)


def format_text(problem: Problem, *, severity: bool = True, lang: str = "fr") -> str:
    """``path:line:col: erreur : CODE message`` (the compiler convention), on one line, in ``lang``.

    The severity is said in the language of the message (``erreur :``, ``avertissement :``
    in French, ``error:``, ``warning:`` in English, as GCC does in each locale).
    ``severity=False`` leaves it out where the log level already says it.
    """
    from pac_gen.text import colon, text  # the catalogue imports this module

    kind = colon(text(f"severity.{problem.severity}", lang), lang) + " " if severity else ""
    return (f"{one_line(problem.path)}:{problem.line}:{problem.column}: {kind}{problem.code} "
            f"{one_line(problem.message)}{_reason(problem)}")


def _reason(problem: Problem) -> str:
    # An acknowledged warning ends with the learner's reason: « (W601 …) — budget financé par la subvention ».
    return f" — {one_line(problem.reason)}" if problem.reason else ""


def _github_escape(value: str, *, property_value: bool = False) -> str:
    # The workflow-command escaping GitHub documents for messages and properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the offending line of the PR."""
    path = _github_escape(problem.path, property_value=True)
    message = _github_escape(f"{problem.code} {problem.message}{_reason(problem)}")
    # An acknowledged warning is a notice: shown on the line, never a warning of the check.
    command = "notice" if problem.severity is Severity.ACKNOWLEDGED else problem.severity
    return (
        f"::{command} file={path},line={problem.line},col={problem.column}"
        f"::{message}"
    )


def format_json(problems: Iterable[Problem]) -> str:
    """A JSON array of problems with keys path, line, column, severity, code, message."""
    return json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2)


def render(problems: Iterable[Problem], fmt: str, lang: str = "fr") -> str:
    """Render problems in one of the formats ``text``, ``json`` or ``github`` (``lang``: the text's severities).

    JSON and GitHub annotations keep ``error``/``warning``: programs read them.
    """
    items = sorted(problems)
    if fmt == "json":
        return format_json(items)
    if fmt == "github":
        return "\n".join(format_github(p) for p in items)
    return "\n".join(format_text(p, lang=lang) for p in items)
