"""Views of the agenda: month calendars of a plan and of a whole site, and the ideal week,
as data and HTML fragments.

The data functions (:func:`plan_months`, :func:`site_months`, :func:`ideal_week`)
return plain dataclasses the tests check; the ``*_html`` functions render them
with the autoescaping templates ``calendar.html`` and ``ideal_week.html``. What
happens when, and which ritual slots fall outside their blocks, comes from the
agenda model (:mod:`pac_gen.agenda.model`), which the ICS feeds and warning W701
read too, so they always agree. The layout (7-column grid on wide
screens, a list of the days that have events on phones) lives in
``assets/calendar.css``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import lru_cache
from typing import Any

from babel.dates import format_date, get_day_names
from markupsafe import Markup

from pac_gen.agenda.model import Event, EventKind, WeekRitual, plan_events, week_rituals
from pac_gen.format import recurrence
from pac_gen.format.model import Domain, Plan, Weekday
from pac_gen.format.settings import Settings
from pac_gen.format.values import add_months
from pac_gen.site.render import environment
from pac_gen.text import LANGUAGES, text, texts

# --- Month views -------------------------------------------------------------------


@dataclass(slots=True)
class Day:
    """One cell of a month view."""

    day: date
    in_month: bool
    is_today: bool
    events: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class Month:
    """A month as weeks (Monday first) of seven days."""

    year: int
    month: int
    weeks: list[list[Day]]

    @property
    def anchor(self) -> str:
        """An HTML id for the month: ``mois-2026-09``."""
        return f"mois-{self.year:04d}-{self.month:02d}"

    @property
    def has_events(self) -> bool:
        """True when a day of the month has something planned."""
        return any(d.events for week in self.weeks for d in week if d.in_month)


def months(events: Iterable[Event], first: date, last: date, today: date) -> list[Month]:
    """Month views from ``first``'s month to ``last``'s month, events placed on their days.

    Days outside a month (to fill its first and last weeks) carry no events: they
    belong to the neighbouring month's view.
    """
    by_day: dict[date, list[Event]] = {}
    for event in events:
        by_day.setdefault(event.day, []).append(event)
    for day_events in by_day.values():
        day_events.sort(key=lambda e: e.sort_key)
    views = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        start = date(year, month, 1)
        cursor = start - timedelta(days=start.weekday())
        weeks = []
        while cursor.month == month or cursor < start:
            week = []
            for _ in range(7):
                inside = cursor.month == month
                week.append(Day(cursor, inside, cursor == today, by_day.get(cursor, []) if inside else []))
                cursor += timedelta(days=1)
            weeks.append(week)
        views.append(Month(year, month, weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return views


def _span(events: list[Event], first: date, last: date) -> tuple[date, date]:
    # A ritual or task dated outside the plan's period is a warning, not a reason to hide it.
    days = [e.day for e in events]
    return min([first, *days]), max([last, *days])


def plan_months(plan: Plan, plan_path: str, settings: Settings) -> list[Month]:
    """The month views of one plan, from its start to its deadline (widened to any earlier or later event)."""
    events = plan_events(plan, plan_path, settings)
    first, last = _span(events, plan.start, plan.objective.deadline)
    return months(events, first, last, settings.today)


SITE_MONTHS_BEFORE = 1
SITE_MONTHS_AFTER = 2


def site_window(today: date) -> tuple[date, date]:
    """The months the cohort calendar shows: last month, this month and the next two.

    A cohort's whole calendar would be one page of every ritual of every plan for
    a year (megabytes at a few hundred plans, unreadable on a phone); the site's
    ICS feed keeps everything.
    """
    first = add_months(today.replace(day=1), -SITE_MONTHS_BEFORE)
    after = add_months(today.replace(day=1), SITE_MONTHS_AFTER + 1)
    return first, after - timedelta(days=1)


def site_months(plans: list[tuple[str, Plan]], settings: Settings) -> list[Month]:
    """The month views of several plans together (a cohort: who does what when), around today."""
    if not plans:
        return []
    first, last = site_window(settings.today)
    events = [e for path, plan in plans for e in plan_events(plan, path, settings, last) if first <= e.day <= last]
    return months(events, first, last, settings.today)


# --- Ideal week --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekBlock:
    """A block of the ideal week, in minutes since midnight."""

    weekday: int
    start: int
    end: int
    domain: Domain
    activity: str


@dataclass(slots=True)
class WeekCell:
    """A table cell of the week grid: ``rows`` slots tall, in one day's column.

    Attributes:
        weekday: The column.
        start: First minute the cell covers.
        end: Minute the cell stops at.
        rows: How many time slots it spans (the HTML ``rowspan``).
        block: The ideal-week block under the cell, if any.
        rituals: Rituals that start in this cell.
        continues: Rituals that started above and still run here.
        block_starts: True when the block begins in this cell (its label is shown there).

    """

    weekday: int
    start: int
    end: int
    rows: int
    block: WeekBlock | None
    rituals: list[WeekRitual]
    continues: list[WeekRitual]
    block_starts: bool


@dataclass(slots=True)
class WeekGrid:
    """The ideal week as a table: time slots (rows) × Monday…Sunday (columns).

    Attributes:
        step: Minutes per row.
        rows: For each row, its start minute and the cells that begin on it, Monday first.
        blocks: Every block, per weekday.
        rituals: Every ritual slot that comes back weekly or every other week, per weekday.
        rhythms: ``weekly``, ``biweekly`` or ``occasional`` for each ritual slot, keyed by
            (ritual index, weekday, start minute); see :func:`slot_rhythms`.
        occasional: Rituals that come back less often than every other week (monthly…),
            one slot each: drawn on a weekday they would read as a weekly habit, so they
            are listed under the grid instead.

    """

    step: int
    rows: list[tuple[int, list[WeekCell]]]
    blocks: dict[int, list[WeekBlock]]
    rituals: dict[int, list[WeekRitual]]
    rhythms: dict[tuple[int, int, int], str] = field(default_factory=dict)
    occasional: list[WeekRitual] = field(default_factory=list)

    @property
    def outside(self) -> list[WeekRitual]:
        """The ritual slots outside their domain's blocks."""
        return [r for day in self.rituals.values() for r in day if r.outside]


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


RHYTHM_WEEKS = 12
"""How many weeks of a ritual's occurrences tell how often each of its slots comes back."""


def _rhythm(count: int, weeks: int) -> str:
    if weeks >= 2 and count >= 0.9 * weeks:
        return "weekly"
    if weeks >= 3 and count >= 0.45 * weeks:
        return "biweekly"
    return "occasional"


def slot_rhythms(plan: Plan, index: int, settings: Settings) -> dict[tuple[int, int], str]:
    """How often each (weekday, start minute) slot of a ritual comes back, over its first weeks.

    ``weekly``, ``biweekly`` (every other week) or ``occasional`` (less often): a
    ritual monthly on the 5th falls on every weekday in turn, and drawn on each it
    would read as five rituals a week.

    Raises:
        ValueError: when the ritual's rrule is not valid.

    """
    ritual = plan.rituals[index]
    first = next(recurrence.local_starts(ritual, settings.zone), None)
    if first is None:
        return {}
    seen = list(recurrence.local_starts(ritual, settings.zone,
                                        through=first.date() + timedelta(weeks=RHYTHM_WEEKS, days=-1)))
    weeks = (seen[-1].date() - first.date()).days // 7 + 1
    counts = Counter((s.weekday(), _minutes(s.time())) for s in seen)
    return {slot: _rhythm(count, weeks) for slot, count in counts.items()}


def ideal_week(plan: Plan, settings: Settings) -> WeekGrid | None:
    """The ideal week grid with the rituals overlaid, or None when the plan has no ideal week."""
    if plan.ideal_week is None:
        return None
    blocks: dict[int, list[WeekBlock]] = {d: [] for d in range(7)}
    for weekday, day_blocks in plan.ideal_week.items():
        for written in day_blocks:
            end = _minutes(written.end) or 24 * 60
            blocks[Weekday(weekday).number].append(
                WeekBlock(Weekday(weekday).number, _minutes(written.start), end, written.domain, written.activity or ""))
    for sorted_blocks in blocks.values():
        sorted_blocks.sort(key=lambda b: b.start)
    rituals: dict[int, list[WeekRitual]] = {d: [] for d in range(7)}
    rhythms: dict[tuple[int, int, int], str] = {}
    occasional: dict[int, WeekRitual] = {}
    by_ritual: dict[int, dict[tuple[int, int], str]] = {}
    for slot in week_rituals(plan, settings):
        if slot.index not in by_ritual:
            by_ritual[slot.index] = slot_rhythms(plan, slot.index, settings)  # its rrule is valid: it has slots
        rhythm = by_ritual[slot.index].get((slot.weekday, slot.start), "occasional")
        rhythms[(slot.index, slot.weekday, slot.start)] = rhythm
        if rhythm == "occasional":
            occasional.setdefault(slot.index, slot)
        else:
            rituals[slot.weekday].append(slot)

    marks = [m for day in blocks.values() for b in day for m in (b.start, b.end)]
    marks += [m for day in rituals.values() for r in day for m in (r.start, r.end)]
    if not marks:
        marks = [8 * 60, 18 * 60]
    # Rows as fine as the finest minute used (07:30 → 30 min, 12:15 → 15 min), whole hours around.
    step = 60
    for mark in marks:
        step = math.gcd(step, mark % 60 or 60)
    step = max(step, 5)
    first = min(marks) // 60 * 60
    last = -(-max(marks) // 60) * 60

    rows: list[tuple[int, list[WeekCell]]] = [(m, []) for m in range(first, last, step)]
    for weekday in range(7):
        previous: WeekCell | None = None
        for minute, cells in rows:
            block = next((b for b in blocks[weekday] if b.start <= minute < b.end), None)
            here = [r for r in rituals[weekday] if r.start <= minute < r.end]
            # Every mark is a multiple of the step, so blocks and rituals start exactly on a row.
            starting = [r for r in here if r.start == minute]
            block_starts = block is not None and block.start == minute
            if (previous is not None and previous.block == block and not starting and not block_starts
                    and {*previous.rituals, *previous.continues} == set(here)):
                previous.rows += 1
                previous.end = minute + step
                continue
            previous = WeekCell(weekday, minute, minute + step, 1, block, starting,
                                [r for r in here if r.start != minute], block_starts)
            cells.append(previous)
    drawn = {r.index for day in rituals.values() for r in day}
    return WeekGrid(step, rows, blocks, rituals, rhythms,
                    [r for i, r in sorted(occasional.items()) if i not in drawn])


# --- HTML ----------------------------------------------------------------------------


def _hhmm(value: time | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value // 60:02d}:{value % 60:02d}"
    return value.strftime("%H:%M")


@lru_cache(maxsize=4)
def _texts(lang: str) -> dict[str, str]:
    # The domains' names come from the one list of the format's words.
    return {**texts("word", lang), **texts("calendar", lang)}


def _locale(lang: str) -> str:
    return lang if lang in LANGUAGES else "fr"


@lru_cache(maxsize=8192)
def _format_date(day: date, pattern: str, locale: str) -> str:
    # babel parses the locale and the pattern on every call; every month view repeats the same days.
    return format_date(day, pattern, locale=locale)


@dataclass(frozen=True, slots=True)
class CalendarChoice:
    """An entry of the cohort calendar's filter: one plan, or all the plans of one learner's folder.

    Attributes:
        key: What the address keeps (``#plan=camille/boutique``, ``#plan=camille/``).
        label: What the reader picks.
        plans: The paths (as in the events' ``plan_path``) of the plans it keeps.
        href: The plan page's link, for a single plan.

    """

    key: str
    label: str
    plans: tuple[str, ...]
    href: str = ""


def _render_months(views: list[Month], settings: Settings, title: str, site: bool,
                   links: Mapping[str, str] | None = None, note: str = "",
                   choices: list[tuple[str, list[CalendarChoice]]] | None = None,
                   numbers: Mapping[str, str] | None = None) -> Markup:
    locale = _locale(settings.lang)
    template = environment().get_template("calendar.html")
    numbers = numbers or {}
    shown = [(group, [{"key": c.key, "label": c.label, "href": c.href,
                       "numbers": " ".join(numbers[p] for p in c.plans)} for c in items])
             for group, items in choices or []]
    return Markup(template.render(
        months=views, title=title, site=site, links=links or {}, t=_texts(locale), lang=locale, hhmm=_hhmm,
        choices=shown, numbers=numbers,
        heading=2 if site else 3, note=note,
        # The legend names measurements due (format v1.1) only where there are some.
        measures=any(e.kind is EventKind.MEASURE for m in views for w in m.weeks for d in w for e in d.events),
        weekdays=[get_day_names("abbreviated", locale=locale)[i] for i in range(7)],
        month_label=lambda m: _format_date(date(m.year, m.month, 1), "LLLL y", locale),
        # A calendar has hundreds of days, and the same days recur in every plan:
        # the start of each day's cell is rendered once and then reused.
        cell_start=lambda d: _day_head(d.day, d.is_today, bool(d.events), locale),
    ))


@lru_cache(maxsize=8192)
def _day_head(day: date, is_today: bool, has_events: bool, locale: str) -> Markup:
    module = _calendar_module(locale)
    return Markup(module.day_head(day, is_today, has_events, _format_date(day, "EEEE d MMMM", locale)))


@lru_cache(maxsize=4)
def _calendar_module(locale: str) -> Any:
    # The template's macros (day_head, subscribe) with the texts of one language.
    return environment().get_template("calendar.html").make_module({"t": _texts(locale), "lang": locale})


def calendar_html(plan: Plan, plan_path: str, settings: Settings) -> Markup:
    """The plan's month views around today as an HTML fragment (escaped, styled by ``assets/calendar.css``).

    The months of :func:`site_window` (last month, this one, the next two) that the
    plan covers; all its months when it covers none of them (a plan that has ended or
    not begun). Six months of daily rituals were half of a plan page's elements, and
    what a reader looks for is what comes next; the plan's ICS feed holds everything.
    """
    views = plan_months(plan, plan_path, settings)
    first, last = site_window(settings.today)
    shown = [m for m in views if first <= date(m.year, m.month, 1) <= last] or views
    note = text("calendar.window_note", settings.lang) if len(shown) < len(views) else ""
    return _render_months(shown, settings, text("calendar.calendar", settings.lang), False, note=note)


def site_calendar_html(plans: list[tuple[str, Plan]], settings: Settings,
                       links: Mapping[str, str] | None = None,
                       choices: list[tuple[str, list[CalendarChoice]]] | None = None) -> Markup:
    """The calendar of several plans as an HTML fragment; ``links`` maps a plan path to its page URL.

    ``choices`` are the entries of its filter, by group (``""``: no group), each
    keeping one or more of ``plans``; every plan must be in one of them.
    """
    # Each plan is a short number in its events' data-p (a cohort calendar has tens of thousands of events).
    numbers = {path: str(n) for n, (path, _) in enumerate(plans)}
    return _render_months(site_months(plans, settings), settings, text("calendar.site_calendar", settings.lang), True,
                          links, choices=choices, numbers=numbers)


def subscribe_html(ics_url: str, settings: Settings) -> Markup:
    """The "Ajouter à mon agenda" box: the feed's link and how to subscribe to it in common calendars.

    ``ics_url`` should be the published, absolute address when the site's URL is
    known (calendars fetch it themselves); a relative one still downloads the file.
    """
    webcal = "webcal://" + ics_url.split("://", 1)[1] if ics_url.startswith(("https://", "http://")) else None
    return Markup(_calendar_module(_locale(settings.lang)).subscribe(ics_url, webcal))


def ideal_week_html(plan: Plan, settings: Settings) -> Markup:
    """The ideal week grid with the rituals overlaid, or an empty string when there is none."""
    grid = ideal_week(plan, settings)
    if grid is None:
        return Markup("")
    locale = _locale(settings.lang)
    words = _texts(locale)
    frequencies = [r.frequency for r in plan.rituals]
    rhythms = {r.index: words[f.value].lower() if (f := frequencies[r.index]) else words["custom_rhythm"]
               for r in grid.occasional}
    template = environment().get_template("ideal_week.html")
    return Markup(template.render(
        grid=grid, t=words, domains=list(Domain), hhmm=_hhmm, rhythms=rhythms,
        weekdays=[get_day_names("wide", locale=locale)[i] for i in range(7)],
    ))


__all__ = [
    "CalendarChoice", "Day", "Month", "WeekBlock", "WeekCell", "WeekGrid", "calendar_html", "ideal_week", "ideal_week_html",
    "months", "plan_months", "site_calendar_html", "site_months", "slot_rhythms", "subscribe_html",
]
