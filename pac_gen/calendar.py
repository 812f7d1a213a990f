"""Calendars of a plan and of a whole site, and the ideal week, as data and HTML fragments.

The data functions (:func:`plan_months`, :func:`site_months`, :func:`ideal_week`)
return plain dataclasses the tests check; the ``*_html`` functions render them
with the autoescaping templates ``calendar.html`` and ``ideal_week.html``. Ritual
occurrences come from :func:`pac_gen.recurrence.occurrences` and the "outside
its blocks" mark from :func:`pac_gen.lint.ritual_fits_week`, so the pages, the
ICS feeds and the warnings always agree. The layout (7-column grid on wide
screens, a list of the days that have events on phones) lives in
``assets/calendar.css``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from babel.dates import format_date, get_day_names
from markupsafe import Markup

from pac_gen import metrics, recurrence
from pac_gen.lint import ritual_fits_week
from pac_gen.messages import CHOICE_WORDS
from pac_gen.model import Domain, Plan, Status, Weekday
from pac_gen.render import environment
from pac_gen.validate import Settings
from pac_gen.values import add_months, slugify


class EventKind(StrEnum):
    """What a calendar entry is; the value is also its CSS class suffix and UID part."""

    RITUAL = "rituel"
    TASK = "tache"
    LAUNCH = "lancement"
    ACTION_DUE = "date-limite"
    OBJECTIVE = "objectif"


LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "rituel": "Rituel", "tache": "Échéance de tâche", "lancement": "Lancement",
        "date-limite": "Date limite", "objectif": "Échéance de l'objectif",
        "today": "aujourd'hui", "calendar": "Calendrier", "site_calendar": "Calendrier de la promotion",
        "no_event": "Rien de prévu ce mois-ci.", "late": "en retard", "done": "fait",
        "subscribe": "Ajouter à mon agenda", "subscribe_link": "Abonnement au calendrier (.ics)",
        "google": "Google Agenda : « Autres agendas » → « + » → « À partir de l'URL », collez l'adresse du lien.",
        "outlook": "Outlook : « Ajouter un calendrier » → « S'abonner à partir du web », collez l'adresse du lien.",
        "apple": "Calendrier Apple : « Fichier » → « Nouvel abonnement à un calendrier… » (ou touchez le lien sur iPhone).",
        "copy_hint": "Copiez l'adresse du lien (clic droit → « Copier le lien ») plutôt que de télécharger le fichier : "
                     "l'agenda se mettra à jour tout seul.",
        "ideal_week": "Semaine idéale", "hour": "Heure", "outside": "hors des blocs « {domain} »",
        "no_block": "Aucun bloc", "legend": "Légende", "biweekly": "une semaine sur deux",
        "week_table": "Tableau de la semaine idéale",
        "window_note": "Le mois dernier, ce mois-ci et les deux suivants ; l'agenda du plan (.ics) a tous ses mois.",
        "occasional": "Moins d'une fois par semaine (hors de la grille)", "custom_rhythm": "rythme personnalisé",
    },
    "en": {
        "rituel": "Ritual", "tache": "Task due", "lancement": "Launch",
        "date-limite": "Deadline", "objectif": "Objective due",
        "today": "today", "calendar": "Calendar", "site_calendar": "Cohort calendar",
        "no_event": "Nothing planned this month.", "late": "late", "done": "done",
        "subscribe": "Add to my calendar", "subscribe_link": "Calendar subscription (.ics)",
        "google": "Google Calendar: “Other calendars” → “+” → “From URL”, paste the link's address.",
        "outlook": "Outlook: “Add calendar” → “Subscribe from web”, paste the link's address.",
        "apple": "Apple Calendar: “File” → “New Calendar Subscription…” (or tap the link on an iPhone).",
        "copy_hint": "Copy the link's address (right click → “Copy link”) rather than downloading the file: "
                     "your calendar will then update by itself.",
        "ideal_week": "Ideal week", "hour": "Time", "outside": "outside the “{domain}” blocks",
        "no_block": "No block", "legend": "Legend", "biweekly": "every other week",
        "week_table": "Ideal week table",
        "window_note": "Last month, this month and the next two; the plan's calendar feed (.ics) has all its months.",
        "occasional": "Less than once a week (not in the grid)", "custom_rhythm": "custom rhythm",
    },
}


def label(key: str, lang: str = "fr") -> str:
    """A piece of interface text in ``lang`` (French when the language is unknown)."""
    return LABELS.get(lang, LABELS["fr"])[key]


# --- What happens when -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Milestone:
    """An all-day date of a plan: a task or action deadline, a launch, the objective's deadline.

    Attributes:
        day: The date.
        kind: What it is.
        title: The task, action or objective text.
        key: Part of a stable identifier, unique within the plan (``boutique-choisir-la-solution``).
        done: True for a task marked ``fait``.
        late: True for a task not done whose deadline has passed.

    """

    day: date
    kind: EventKind
    title: str
    key: str
    done: bool = False
    late: bool = False


def milestones(plan: Plan, today: date) -> list[Milestone]:
    """Every all-day date of a plan, in plan order; dropped tasks are left out."""
    found: list[Milestone] = []
    seen: dict[tuple[EventKind, str], int] = {}

    def unique(kind: EventKind, key: str) -> str:
        # Two tasks may share a title: the second gets "-2", and so on, in plan order.
        seen[kind, key] = seen.get((kind, key), 0) + 1
        return key if seen[kind, key] == 1 else f"{key}-{seen[kind, key]}"

    for action in plan.actions:
        if action.start is not None:
            found.append(Milestone(action.start, EventKind.LAUNCH, action.title,
                                   unique(EventKind.LAUNCH, action.key)))
        for task in action.tasks:
            if task.due is None or task.status is Status.DROPPED:
                continue
            found.append(Milestone(task.due, EventKind.TASK, task.task,
                                   unique(EventKind.TASK, f"{action.key}-{slugify(task.task)}"),
                                   done=task.status is Status.DONE, late=metrics.is_late(task, today)))
        if action.due is not None:
            found.append(Milestone(action.due, EventKind.ACTION_DUE, action.title,
                                   unique(EventKind.ACTION_DUE, action.key)))
    found.append(Milestone(plan.objective.deadline, EventKind.OBJECTIVE, plan.objective.statement, "objectif"))
    return found


def ritual_keys(plan: Plan) -> list[str]:
    """A stable key per ritual (its text as a slug, ``-2``… when two share a text)."""
    seen: dict[str, int] = {}
    keys = []
    for ritual in plan.rituals:
        seen[ritual.key] = seen.get(ritual.key, 0) + 1
        keys.append(ritual.key if seen[ritual.key] == 1 else f"{ritual.key}-{seen[ritual.key]}")
    return keys


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of a calendar day.

    Attributes:
        day: The local date.
        kind: What it is.
        title: The ritual, task, action or objective text.
        start: Local start time of a ritual occurrence; None for all-day dates.
        end: Local end time of a ritual occurrence.
        plan_path: The plan file it comes from.
        who: The plan's author (or title), shown in the site calendar.
        done: A task marked ``fait``.
        late: A task not done whose deadline has passed.

    """

    day: date
    kind: EventKind
    title: str
    start: time | None = None
    end: time | None = None
    plan_path: str = ""
    who: str = ""
    done: bool = False
    late: bool = False

    @property
    def sort_key(self) -> tuple[int, time, str, str]:
        """All-day dates first (objective, deadlines, tasks, launches), then rituals by hour."""
        return (_KIND_ORDER.index(self.kind), self.start or time(0), self.who, self.title)


_KIND_ORDER = (EventKind.OBJECTIVE, EventKind.ACTION_DUE, EventKind.TASK, EventKind.LAUNCH, EventKind.RITUAL)


def plan_events(plan: Plan, plan_path: str, settings: Settings) -> list[Event]:
    """Every ritual occurrence and dated milestone of a plan, unsorted."""
    who = plan.owner
    events = [
        Event(m.day, m.kind, m.title, plan_path=plan_path, who=who, done=m.done, late=m.late)
        for m in milestones(plan, settings.today)
    ]
    for ritual in plan.rituals:
        for occurrence in recurrence.occurrences(ritual, settings.zone, settings.working_day_hours):
            events.append(Event(occurrence.start.date(), EventKind.RITUAL, ritual.ritual,
                                occurrence.start.timetz().replace(tzinfo=None),
                                occurrence.end.timetz().replace(tzinfo=None), plan_path=plan_path, who=who))
    return events


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
    events = [e for path, plan in plans for e in plan_events(plan, path, settings) if first <= e.day <= last]
    return months(events, first, last, settings.today)


# --- Ideal week --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekRitual:
    """A ritual's distinct weekly slot, overlaid on the ideal week.

    Attributes:
        weekday: 0 for Monday … 6 for Sunday.
        start: Local start, in minutes since midnight.
        end: Local end, in minutes since midnight (at most 24 h).
        title: The ritual's text.
        domain: The ritual's domain.
        outside: True when this slot is outside the blocks of the ritual's domain (warning W701).
        index: Position of the ritual in the plan.
        rhythm: ``weekly`` when the slot comes back every week, ``biweekly`` every other week,
            ``occasional`` less often (a monthly ritual: the grid leaves it out, a list names it).

    """

    weekday: int
    start: int
    end: int
    title: str
    domain: Domain
    outside: bool
    index: int
    rhythm: str = "weekly"


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
        occasional: Rituals that come back less often than every other week (monthly…), one
            slot each: drawn on a weekday they would read as a weekly habit, so they are listed.

    """

    step: int
    rows: list[tuple[int, list[WeekCell]]]
    blocks: dict[int, list[WeekBlock]]
    rituals: dict[int, list[WeekRitual]]
    occasional: list[WeekRitual] = field(default_factory=list)

    @property
    def outside(self) -> list[WeekRitual]:
        """The ritual slots outside their domain's blocks."""
        return [r for day in self.rituals.values() for r in day if r.outside]


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _rhythm(count: int, weeks: int) -> str:
    # How often a slot comes back over the weeks its ritual runs: a monthly ritual on the 5th
    # falls on every weekday in turn, and drawn on each it would read as five rituals a week.
    if weeks >= 2 and count >= 0.9 * weeks:
        return "weekly"
    if weeks >= 3 and count >= 0.45 * weeks:
        return "biweekly"
    return "occasional"


def week_rituals(plan: Plan, settings: Settings) -> list[WeekRitual]:
    """Each ritual's distinct (weekday, start, end) slots with their rhythm, marked outside as warning W701 does."""
    found: list[WeekRitual] = []
    for index, ritual in enumerate(plan.rituals):
        try:
            # The lint decides (warning W701); it returns local starts (or occurrences) of outside slots.
            reported = ritual_fits_week(plan, index, settings) if plan.ideal_week is not None else []
            outside = {(start.weekday(), start.time()) for start in (getattr(o, "start", o) for o in reported)}
            slots: dict[tuple[int, int, int], list[datetime]] = {}
            for occurrence in recurrence.occurrences(ritual, settings.zone, settings.working_day_hours):
                begin = _minutes(occurrence.start.time())
                length = int((occurrence.end - occurrence.start).total_seconds() // 60)
                slots.setdefault((occurrence.start.weekday(), begin, min(begin + length, 24 * 60)), []).append(
                    occurrence.start)
        except (ValueError, TypeError, OverflowError):
            continue  # an invalid rrule is reported as an error; the page just leaves it out
        starts = [s for found_starts in slots.values() for s in found_starts]
        if not starts:
            continue
        weeks = (max(starts).date() - min(starts).date()).days // 7 + 1
        for slot, slot_starts in slots.items():
            marked = (slot[0], slot_starts[0].time()) in outside
            found.append(WeekRitual(slot[0], slot[1], slot[2], ritual.ritual, ritual.domain, marked, index,
                                    _rhythm(len(slot_starts), weeks)))
    return sorted(found, key=lambda r: (r.weekday, r.start, r.index))


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
    occasional: dict[int, WeekRitual] = {}
    for slot in week_rituals(plan, settings):
        if slot.rhythm == "occasional":
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
    return WeekGrid(step, rows, blocks, rituals, [r for i, r in sorted(occasional.items()) if i not in drawn])


# --- HTML ----------------------------------------------------------------------------


def _hhmm(value: time | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value // 60:02d}:{value % 60:02d}"
    return value.strftime("%H:%M")


def _texts(lang: str) -> dict[str, str]:
    # The domains' names come from the one list of the format's words.
    return {**CHOICE_WORDS.get(lang, CHOICE_WORDS["fr"]), **LABELS.get(lang, LABELS["fr"])}


def _locale(lang: str) -> str:
    return lang if lang in LABELS else "fr"


@lru_cache(maxsize=8192)
def _format_date(day: date, pattern: str, locale: str) -> str:
    # babel parses the locale and the pattern on every call; every month view repeats the same days.
    return format_date(day, pattern, locale=locale)


def _render_months(views: list[Month], settings: Settings, title: str, site: bool,
                   links: Mapping[str, str] | None = None, note: str = "") -> Markup:
    locale = _locale(settings.lang)
    template = environment().get_template("calendar.html")
    return Markup(template.render(
        months=views, title=title, site=site, links=links or {}, t=_texts(settings.lang), hhmm=_hhmm,
        heading=2 if site else 3, note=note,
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
    return environment().get_template("calendar.html").make_module({"t": _texts(locale)})


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
    note = label("window_note", settings.lang) if len(shown) < len(views) else ""
    return _render_months(shown, settings, label("calendar", settings.lang), False, note=note)


def site_calendar_html(plans: list[tuple[str, Plan]], settings: Settings,
                       links: Mapping[str, str] | None = None) -> Markup:
    """The calendar of several plans as an HTML fragment; ``links`` maps a plan path to its page URL."""
    return _render_months(site_months(plans, settings), settings, label("site_calendar", settings.lang), True, links)


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
    template = environment().get_template("ideal_week.html")
    texts = _texts(settings.lang)
    frequencies = [r.frequency for r in plan.rituals]
    rhythms = {r.index: texts[f.value].lower() if (f := frequencies[r.index]) else texts["custom_rhythm"]
               for r in grid.occasional}
    return Markup(template.render(
        grid=grid, t=texts, domains=list(Domain), hhmm=_hhmm, rhythms=rhythms,
        weekdays=[get_day_names("wide", locale=locale)[i] for i in range(7)],
    ))


__all__ = [
    "LABELS", "Day", "Event", "EventKind", "Milestone", "Month", "WeekBlock", "WeekCell", "WeekGrid",
    "WeekRitual", "calendar_html", "ideal_week", "ideal_week_html", "label", "milestones",
    "months", "plan_events", "plan_months", "ritual_keys", "site_calendar_html", "site_months",
    "subscribe_html", "week_rituals",
]
