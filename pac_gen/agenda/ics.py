"""ICS (RFC 5545) feeds of a plan and of a whole site, made with icalendar.

Rituals become one recurring VEVENT each (RRULE with UNTIL), expanded by
:mod:`pac_gen.format.recurrence` exactly as the pages expand them; deadlines, launches
and the objective's deadline are all-day events. The output depends only on the
plans and the settings (DTSTAMP is "today" at midnight UTC, UIDs come from the plan
path and the item), so two builds give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from os import PathLike
from pathlib import PurePosixPath
from typing import Any, cast

from dateutil.rrule import rrulestr
from icalendar import Calendar, Component, Event, Timezone, vRecur, vText

from pac_gen import text as messages
from pac_gen.agenda.model import AgendaRitual, EventKind, MeasureRhythm, Milestone, agenda
from pac_gen.format import recurrence
from pac_gen.format.model import Plan, Rhythm
from pac_gen.format.settings import Settings
from pac_gen.format.values import slugify

PRODID = "-//pac_gen//Plans d'action commerciaux//FR"
UID_DOMAIN = "pac-gen"


def plan_slug(plan_path: str | PathLike[str]) -> str:
    """The plan file's path as a slug, without its extension: ``plans-camille-boutique``."""
    path = PurePosixPath(str(plan_path).replace("\\", "/"))
    return slugify(str(path.with_suffix("")))


def uid(slug: str, kind: str, key: str) -> str:
    """A UID that stays the same between builds: ``<plan>-<kind>-<item>@pac-gen``.

    ``slug`` is the plan's :func:`plan_slug`, worked out once for all its events.
    """
    return f"{slug}-{kind}-{key}@{UID_DOMAIN}"


# RFC 5545 folds content lines longer than 75 octets; icalendar folds them at 75 or more.
FOLD_OCTETS = 75


def ics_bytes(component: Component) -> bytes:
    """``component.to_ical()``, the same bytes, with the fold done only where it changes something.

    icalendar folds every content line character by character in Python, the
    slowest step of a site's feeds; a line shorter than :data:`FOLD_OCTETS` octets
    comes out of that fold unchanged, so only the longer ones go through it.
    """
    lines = []
    for line in component.content_lines():
        if line:
            data = line.encode()
            lines.append(data if len(data) < FOLD_OCTETS else bytes(line.to_ical()))
    return b"\r\n".join(lines) + b"\r\n"


def _stamp(settings: Settings) -> datetime:
    return datetime.combine(settings.today, time(0), tzinfo=UTC)


def _summary(text: str, prefix: str) -> str:
    return f"[{prefix}] {text}"


def _shared_properties(plan: Plan, settings: Settings) -> Event:
    """The properties that all the plan's milestones have, encoded once.

    icalendar keeps a value that is already one of its property types as it is,
    so the milestones share these instead of encoding them again each time.
    """
    shared = Event()
    shared.add("dtstamp", _stamp(settings))
    shared.add("description", plan.display_title)
    shared.add("transp", "TRANSPARENT")  # a deadline does not make you busy all day
    return shared


def _milestone_event(m: Milestone, shared: Event, slug: str, settings: Settings, prefix: str) -> Event:
    event = Event()
    event.add("uid", uid(slug, m.kind.value, m.key))
    event.add("dtstamp", shared["DTSTAMP"])
    event.add("dtstart", m.day)
    event.add("dtend", m.day + timedelta(days=1))
    kind = messages.colon(messages.text(f"calendar.{m.kind.value}", settings.lang), settings.lang)
    event.add("summary", _summary(f"{kind} {m.title}", prefix))
    event.add("description", shared["DESCRIPTION"])
    event.add("transp", shared["TRANSP"])
    return event


def ritual_recurrence(item: AgendaRitual) -> tuple[list[recurrence.Occurrence], vRecur]:
    """The ritual's occurrences and the RRULE that, from the first one, gives exactly them.

    RFC 5545 counts DTSTART as an occurrence even when it does not match the rule,
    so the feed's DTSTART is the first real occurrence (not ``debut``), and UNTIL
    is the last one, in UTC as the RFC requires when DTSTART has a time zone.
    """
    ritual, found = item.ritual, item.occurrences
    parts = [p for p in recurrence.rule_text(ritual).split(";") if not p.upper().startswith("COUNT=")]
    rule = vRecur.from_ical(";".join(parts))
    if found:
        rule["UNTIL"] = [found[-1].start.astimezone(UTC)]
    return found, rule


def _check_rule(rule: vRecur, found: list[recurrence.Occurrence]) -> tuple[list[datetime], list[datetime]]:
    """Starts the RRULE from the first occurrence would add (for EXDATE) and miss (for RDATE)."""
    first = found[0].start
    zone = first.tzinfo
    text = rule.to_ical().decode()
    until_utc = rule["UNTIL"][0]
    local_until = until_utc.astimezone(zone).replace(tzinfo=None)
    body = ";".join(p for p in text.split(";") if not p.startswith("UNTIL="))
    expanded = rrulestr(body, dtstart=first.replace(tzinfo=None), ignoretz=True)
    produced = [d.replace(tzinfo=zone) for d in expanded.replace(until=local_until)]  # type: ignore[union-attr]
    wanted = [o.start for o in found]
    wanted_set, produced_set = set(wanted), set(produced)
    return [d for d in produced if d not in wanted_set], [d for d in wanted if d not in produced_set]


def _ritual_event(item: AgendaRitual, plan: Plan, shared: Event, slug: str, prefix: str) -> Event | None:
    ritual, key = item.ritual, item.key
    found, rule = ritual_recurrence(item)
    if not found:
        return None
    event = Event()
    event.add("uid", uid(slug, EventKind.RITUAL.value, key))
    event.add("dtstamp", shared["DTSTAMP"])
    event.add("dtstart", found[0].start)
    event.add("duration", found[0].end - found[0].start)
    event.add("rrule", rule)
    extra, missing = _check_rule(rule, found)
    # Only a hand-written rrule can disagree (e.g. BYSETPOS across a moved DTSTART);
    # EXDATE/RDATE keep the feed equal to the pages in that case.
    if extra:
        event.add("exdate", extra)
    if missing:
        event.add("rdate", missing)
    event.add("summary", _summary(ritual.ritual, prefix))
    action = next((a.title for a in plan.actions if a.key == ritual.action), None)
    event.add("description", f"{plan.display_title} — {action}" if action else plan.display_title)
    return event


def measure_rule(measure: MeasureRhythm) -> vRecur:
    """The RRULE that, from the first due date, gives exactly the measure's due dates.

    Months are clipped to their end like :func:`pac_gen.values.add_months`: from
    the 31st, ``BYMONTHDAY=28,29,30,31;BYSETPOS=-1`` takes the 31st, or the
    month's last day when it is shorter.
    """
    rhythm = measure.indicator.rhythm
    rule = vRecur()
    if rhythm in (Rhythm.WEEKLY, Rhythm.BIWEEKLY):
        rule["FREQ"] = "WEEKLY"
        rule["INTERVAL"] = 1 if rhythm is Rhythm.WEEKLY else 2
    else:
        rule["FREQ"] = "MONTHLY"
        rule["INTERVAL"] = 1 if rhythm is Rhythm.MONTHLY else 3
        day = max(d.day for d in measure.days)  # the start's day, unless no month reached it
        if day > 28:
            rule["BYMONTHDAY"] = list(range(28, day + 1))
            rule["BYSETPOS"] = -1
    rule["UNTIL"] = measure.days[-1]
    return rule


def _measure_event(measure: MeasureRhythm, plan: Plan, shared: Event, slug: str, settings: Settings,
                   prefix: str) -> Event:
    event = Event()
    event.add("uid", uid(slug, EventKind.MEASURE.value, measure.key))
    event.add("dtstamp", shared["DTSTAMP"])
    event.add("dtstart", measure.days[0])
    event.add("dtend", measure.days[0] + timedelta(days=1))
    event.add("rrule", measure_rule(measure))
    kind = messages.colon(messages.text(f"calendar.{EventKind.MEASURE.value}", settings.lang), settings.lang)
    event.add("summary", _summary(f"{kind} {measure.title}", prefix))
    event.add("description", shared["DESCRIPTION"])
    event.add("transp", shared["TRANSP"])
    return event


def plan_events(plan: Plan, plan_path: str | PathLike[str], settings: Settings) -> list[Event]:
    """The VEVENTs of one plan: its rituals, its dated milestones, then its measurements due, in plan order.

    Every summary starts with ``[owner]`` (:attr:`Plan.owner`).
    """
    prefix = plan.owner
    slug = plan_slug(plan_path)
    shared = _shared_properties(plan, settings)
    dated = agenda(plan, settings)
    events: list[Event] = []
    for item in dated.rituals:
        event = _ritual_event(item, plan, shared, slug, prefix)
        if event is not None:
            events.append(event)
    events += [_milestone_event(m, shared, slug, settings, prefix) for m in dated.milestones]
    events += [_measure_event(m, plan, shared, slug, settings, prefix) for m in dated.measures]
    return events


@lru_cache(maxsize=16)
def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of ``tzid`` for ``first_year``…``last_year`` only (not 1970–2038)."""
    return Timezone.from_tzid(tzid, first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1))


def plan_feed(plan: Plan, plan_path: str | PathLike[str], settings: Settings, parts: FeedParts | None = None) -> bytes:
    """The ICS feed of one plan (CRLF line endings, same bytes for the same plan and day).

    Every summary starts with :attr:`Plan.owner`, as in the site's feed: a reader who
    subscribes to several plans sees whose ritual it is, and the site's feed reuses
    these very event bytes (kept in ``parts``) instead of serialising every plan a second time.
    """
    name = f"{plan.display_title} — {plan.author}" if plan.author else plan.display_title
    text, years = (parts or FeedParts()).part(plan, plan_path, settings)
    return _feed(name, [text], years, settings)


_FeedKey = tuple[int, str, Settings]


class FeedParts:
    """Each plan's serialised VEVENTs, kept while the same (immutable) plan object comes back.

    The build owns one (the plugin keeps it across ``mkdocs serve`` rebuilds): the
    site's feed reuses what the plans' own feeds made, and a rebuild only serialises
    the plans that changed. Nothing is kept between two objects or at module level.
    """

    def __init__(self) -> None:
        self._kept: dict[_FeedKey, tuple[Plan, bytes, list[int]]] = {}

    def part(self, plan: Plan, plan_path: str | PathLike[str], settings: Settings) -> tuple[bytes, list[int]]:
        """One plan's VEVENTs as ICS text, and the years its timed events span."""
        key = (id(plan), str(plan_path), settings)
        found = self._kept.get(key)
        if found is not None and found[0] is plan:
            return found[1], found[2]
        events = plan_events(plan, plan_path, settings)
        timed = [cast(Any, e) for e in events if isinstance(e.DTSTART, datetime)]
        years = [e.DTSTART.year for e in timed] + [u.year for e in timed for u in e["RRULE"]["UNTIL"]]
        text = b"".join(ics_bytes(e) for e in events)
        self._kept[key] = (plan, text, years)
        return text, years

    def keep_only(self, plans: Sequence[tuple[str | PathLike[str], Plan]], settings: Settings) -> None:
        """Forget every plan but these (the plans of the last site feed)."""
        wanted = {(id(plan), str(path), settings) for path, plan in plans}
        self._kept = {key: value for key, value in self._kept.items() if key in wanted}


def _feed(name: str, parts: list[bytes], years: list[int], settings: Settings) -> bytes:
    """A calendar named ``name`` around serialised events: the bytes of one ``Calendar`` holding them.

    ``years`` are those the timed events span: the VTIMEZONE covers only them.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # vText explicitly: icalendar leaves these two unescaped otherwise (";" and "," must be escaped).
    calendar.add("x-wr-calname", vText(name))
    calendar.add("name", vText(name))
    if years:
        calendar.add_component(vtimezone(settings.timezone, min(years), max(years)))
    head = ics_bytes(calendar)
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    return head[: -len(end)] + b"".join(parts) + end


def site_feed(plans: Sequence[tuple[str | PathLike[str], Plan]], settings: Settings,
              parts: FeedParts | None = None) -> bytes:
    """One ICS feed for several plans: the events of each plan's own feed, one after the other.

    With ``parts``, each plan's events are serialised once: the site's build made
    them for the plan's own feed, and under ``mkdocs serve`` the plans that did not
    change keep theirs. Only the plans of this feed stay in ``parts`` afterwards.
    """
    kept = parts or FeedParts()
    texts: list[bytes] = []
    years: list[int] = []
    for path, plan in plans:
        text, plan_years = kept.part(plan, path, settings)
        texts.append(text)
        years += plan_years
    kept.keep_only(plans, settings)
    return _feed(messages.text("calendar.site_calendar", settings.lang), texts, years, settings)
