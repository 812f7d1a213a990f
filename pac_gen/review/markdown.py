"""The review's report as Markdown for a pull request's summary (learner text escaped, one line each)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from pydantic import BaseModel

from pac_gen.check.problems import Problem, one_line
from pac_gen.format.model import (
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
)
from pac_gen.format.normalize import english_key
from pac_gen.review.report import Change, PlanReport, Report, Value
from pac_gen.site import render
from pac_gen.text import LANGUAGES, choice_word, colon, quote, text

# ---------------------------------------------------------------------------
# Markdown

_FIELD_MODELS: dict[str, type[BaseModel]] = {
    "plan": Plan, "objective": Objective, "action": Action, "task": Task, "indicator": Indicator,
    "ritual": Ritual, "obstacle": Obstacle, "team": TeamMember, "review": Review,
}

# Only what can start markup in the middle of a line (lines of the report never start with learner text);
# an underscore inside a word (``a_faire``) is no emphasis and stays readable.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]|~#])|(?<![^\W_])_|_(?![^\W_])")


# What GitHub turns into a live mention or link in a comment: @user, @org/team, an
# e-mail address, http(s)://… and www.… A zero-width space after the @ or before the
# "://" and "." leaves the text as it reads and links nothing.
_AUTOLINKS = re.compile(r"@(?=[\w-])|\b(?:https?|ftp)(?=://)|\bwww(?=\.)", re.IGNORECASE)


def _escape(text: str) -> str:
    """Learner text shown as plain text in Markdown: one line, no markup, no HTML, no mention or link."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(lambda found: "\\" + found.group(0), text)
    return _AUTOLINKS.sub(lambda found: found.group() + "\u200b", text)


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


def github_summary(problems: Iterable[Problem], total: str, lang: str = "fr",
                   changed: Iterable[Problem] | None = None) -> str:
    """Every problem as a Markdown table for the job summary (GitHub annotates only 10 of each kind).

    With ``changed`` (the problems of the plans a pull request changes, ``--changed-since``),
    those come first, under a heading that says what fails the check and that the
    trainer decides about warnings; the other plans' problems follow under their own.
    """
    items = sorted(problems)
    lines = [f"## {text('review.summary.title', lang)}", "", _escape(total), ""]
    if changed is None:
        return "\n".join(lines + _problem_table(items, lang)) + "\n"
    mine = sorted(changed)
    errors = sum(p.is_error for p in mine)
    lines += [f"### {text('review.summary.changed', lang)}", "",
              text("review.summary.changed_counts", lang, errors=errors, warnings=len(mine) - errors), "",
              text("review.summary.who_decides", lang), ""]
    lines += _problem_table(mine, lang)
    others = [p for p in items if p not in set(mine)]
    if others:
        lines += [f"### {text('review.summary.others', lang)}", "", text("review.summary.others_help", lang), ""]
        lines += _problem_table(others, lang)
    return "\n".join(lines) + "\n"


def _problem_table(items: list[Problem], lang: str) -> list[str]:
    if not items:
        return []
    head = [text(f"review.summary.{column}", lang)
            for column in ("file", "line", "column", "severity", "code", "message")]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += [f"| {_code(p.path)} | {p.line} | {p.column} | {text(f'review.{p.severity.value}', lang)} | "
              f"{p.code} | {_escape(p.message)} |" for p in items]
    lines.append("")
    return lines
