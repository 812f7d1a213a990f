"""The review's report as Markdown for a pull request's summary (learner text escaped, one line each)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from pydantic import BaseModel

from pac_gen.check.problems import Problem, Severity, one_line
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
from pac_gen.review.report import FIGURE_KINDS, TEXT_KINDS, Change, PlanOutline, PlanReport, Report, Value
from pac_gen.site import render
from pac_gen.text import LANGUAGES, choice_word, colon, plural, quote, text, unit_for

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
    return f"{text} {_escape(unit_for(unit, value, lang))}" if unit else text


def _value(change: Change, value: Value, lang: str) -> str:
    if change.kind in ("review.added", "review.verdict"):
        return text(f"review.verdict.{value or 'none'}", lang)
    if value is None:
        return text("review.none", lang)
    if change.kind == "indicator.status" and isinstance(value, str):
        return choice_word(value, lang).lower()  # the words of the plan page: « en retard », « dans les temps »
    if change.kind in FIGURE_KINDS and isinstance(value, int | float):
        return render.number(value, lang)
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
    if change.kind in TEXT_KINDS:
        return _text_line(change, lang)
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
    parts = [plural(f"review.count.{key}", count, lang) for key, count in plan.summary.items()]
    parts += _figure_parts(plan, lang)
    line = ", ".join(parts) or text("review.nothing", lang)
    return line[0].upper() + line[1:]


def _problem_line(problem: Problem, lang: str) -> str:
    where = _code(f"{problem.path}:{problem.line}:{problem.column}")
    label = colon(f"{text(f'review.{problem.severity.value}', lang)} {problem.code}", lang)
    return f"- {where} {label} {_escape(problem.message)}{_reason(problem, lang)}"


def _reason(problem: Problem, lang: str) -> str:
    """An acknowledged warning's reason, after its message: `` — Raison : …``."""
    return f" — {colon(text('site.reason', lang), lang)} {_escape(problem.reason)}" if problem.reason else ""


# ---------------------------------------------------------------------------
# What the review adds for the trainer: figures before → after, free texts, a new plan's outline


#: How much of a free text the report shows: the new wording nearly whole, the old one as a reminder.
NEW_TEXT_LIMIT = 400
OLD_TEXT_LIMIT = 80


def shorten(value: str, limit: int) -> str:
    """``value`` on one line, cut at a word boundary to at most ``limit`` characters with « … ».

    A single word longer than the limit (an address) is cut where the limit falls.
    """
    flat = " ".join(value.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def old_excerpt(before: str, after: str, limit: int = OLD_TEXT_LIMIT) -> str:
    """What the old wording said, in at most ``limit`` characters, from where it starts to differ.

    A short text is shown whole. A long one that the new wording rewrites from its
    first words is shown from its start; one whose first words stay (a sentence
    changed or added further on) from three words before the first that changed,
    after « … »: the reminder shows what was replaced, not what both texts share.
    """
    words, new_words = before.split(), after.split()
    flat = " ".join(words)
    if len(flat) <= limit:
        return flat
    same = 0
    while same < min(len(words), len(new_words)) and words[same] == new_words[same]:
        same += 1
    if same <= 3:
        return shorten(flat, limit)
    return shorten("…" + " ".join(words[same - 3:]), limit)


def _text_line(change: Change, lang: str) -> str:
    """A free text edited: its new wording, and the old one shortened (``… : « neuf » (avant : « vieux… »)``)."""
    what = text(f"review.text.{change.kind}", lang, name=_quote(change.name, lang),
                parent=_quote(change.parent or "", lang), when=format_day(change.when, lang) if change.when else "")
    before, after = change.before, change.after
    old = _quote(old_excerpt(before, after if isinstance(after, str) else ""), lang) \
        if isinstance(before, str) and before.strip() else ""
    new = _quote(shorten(after, NEW_TEXT_LIMIT), lang) if isinstance(after, str) and after.strip() else ""
    variant = "added" if not old else "removed" if not new else "changed"
    return text(f"review.text.line.{variant}", lang, what=what, before=old, after=new)


def _figure_parts(plan: PlanReport, lang: str) -> list[str]:
    """The plan's figures that moved, for the headline (``tâches en retard : 3 → 1``)."""
    return [text(f"review.figure.{c.kind}", lang, before=_value(c, c.before, lang), after=_value(c, c.after, lang))
            for c in plan.changes if c.kind in FIGURE_KINDS]


def _outline_count(key: str, n: int, lang: str) -> str:
    return plural(f"review.outline.{key}", n, lang)


def outline_lines(outline: PlanOutline, lang: str) -> list[str]:
    """A new plan in a few lines: objective and dates, contents, budget, problems."""
    lines = []
    if outline.objective is not None and outline.start is not None and outline.deadline is not None:
        lines.append(text("review.outline.objective", lang, objective=_quote(outline.objective, lang),
                          start=format_day(outline.start, lang), deadline=format_day(outline.deadline, lang)))
    parts = []
    if outline.actions:
        parts.append(_outline_count("actions", outline.actions, lang))
    if outline.tasks:
        tasks = _outline_count("tasks", outline.tasks, lang)
        if outline.late_tasks:
            tasks = text("review.outline.tasks_late", lang, tasks=tasks, n=render.number(outline.late_tasks, lang))
        parts.append(tasks)
    if outline.indicators:
        indicators = _outline_count("indicators", outline.indicators, lang)
        statuses = ", ".join(f"{colon(choice_word(status, lang).lower(), lang)} {render.number(n, lang)}"
                             for status, n in outline.indicator_statuses)
        parts.append(f"{indicators} ({statuses})" if statuses else indicators)
    for key in ("rituals", "obstacles", "team", "reviews"):
        if getattr(outline, key):
            parts.append(_outline_count(key, getattr(outline, key), lang))
    if parts:
        lines.append(f"{colon(text('review.outline.contents', lang), lang)} {', '.join(parts)}")
    if outline.budget is not None:
        lines.append(f"{colon(text('review.outline.budget', lang), lang)} "
                     f"{render.money(outline.budget, outline.currency, lang)}")
    problems = [_outline_count(key, n, lang) for key, n in (("errors", outline.errors), ("warnings", outline.warnings)) if n]
    lines.append(f"{colon(text('review.outline.problems', lang), lang)} "
                 f"{', '.join(problems) or text('review.outline.no_problem', lang)}")
    return lines


def _change_lines(plan: PlanReport, lang: str) -> list[str]:
    """The plan's changes as list items; a new plan's outline right under its first line."""
    lines = []
    for change in plan.changes:
        if change.kind in FIGURE_KINDS:  # in the headline
            continue
        lines.append(f"- {change_line(change, lang)}")
        if change.kind == "plan.added" and plan.outline is not None:
            lines += [f"- {line}" for line in outline_lines(plan.outline, lang)]
    return lines


def to_markdown(report: Report, lang: str = "fr") -> str:
    """The report for a pull request's summary: a heading, then per plan a headline and details."""
    head = report.head or text("review.working_tree", lang)
    lines = [f"## {colon(text('review.title', lang), lang)} {_code(report.base)} → {_code(head)}", ""]
    lines.append(f"{colon(text('review.today', lang), lang)} {format_day(report.today, lang)}.")
    if not report.plans:
        lines += ["", text("review.no_change", lang)]
    for plan in report.plans:
        lines += ["", f"### {_escape(plan.title)} ({_code(plan.path)})", "", f"**{headline(plan, lang)}**", ""]
        lines += _change_lines(plan, lang)
        if plan.valid_after is False:
            invalid = f"> {text('review.invalid', lang)}"
            lines += ["", invalid] if plan.changes else [invalid]
        for key, problems in (("introduced", plan.introduced), ("fixed", plan.fixed),
                              ("remaining", plan.remaining_errors)):
            if problems:
                lines += ["", colon(text(f"review.{key}", lang), lang), ""]
                lines += [_problem_line(p, lang) for p in problems]
    if report.unchanged:
        lines += ["", plural("review.unchanged", report.unchanged, lang)]
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
              text("review.summary.changed_counts", lang, errors=errors,
                   warnings=sum(p.severity is Severity.WARNING for p in mine)), "",
              text("review.summary.who_decides", lang), ""]
    lines += _problem_table(mine, lang)
    shown = set(mine)
    others = [p for p in items if p not in shown]
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
              f"{p.code} | {_escape(p.message)}{_reason(p, lang)} |" for p in items]
    lines.append("")
    return lines
