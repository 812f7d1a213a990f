"""ICS (RFC 5545) feeds of a plan and of a whole site, made with icalendar.

Rituals become one recurring VEVENT each (RRULE with UNTIL), expanded by
:mod:`pac_gen.format.recurrence` exactly as the pages expand them; deadlines, launches
and the objective's deadline are all-day events. The output depends only on the
plans and the settings (DTSTAMP is "today" at midnight UTC, UIDs come from the plan's
path below the plans folder and the item's id or text), so two builds give the same bytes.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from os import PathLike
from pathlib import PurePosixPath
from typing import Any, cast
from urllib.parse import quote

from dateutil.rrule import rrulestr
from icalendar import Calendar, Component, Event, Timezone, vRecur, vText

from pac_gen import text as messages
from pac_gen.agenda.model import AgendaRitual, EventKind, MeasureRhythm, Milestone, agenda
from pac_gen.format import recurrence
from pac_gen.format.model import Plan, Rhythm
from pac_gen.format.settings import Settings

PRODID = "-//pac_gen//Plans d'action commerciaux//FR"
UID_DOMAIN = "pac-gen"


def plan_uid_part(plan_id: str | PathLike[str]) -> str:
    """The part of a plan's UIDs that names the plan: its path below the plans folder, percent-encoded.

    ``camille/boutique.yaml`` gives ``camille%2Fboutique.yaml``: the path itself, not a
    slug of it (``jean-marc/x.yaml`` and ``jean/marc-x.yaml`` stay apart), with no
    ``/`` or ``@`` left to blur where it ends.
    """
    return quote(PurePosixPath(str(plan_id).replace("\\", "/")).as_posix(), safe="")


def uid(plan_part: str, kind: str, key: str) -> str:
    """A UID that stays the same between builds: ``<plan>/<kind>/<item>@pac-gen``.

    ``plan_part`` is the plan's :func:`plan_uid_part`, worked out once for all its
    events; ``key`` is the item's id (or the slug of its text, see
    :func:`pac_gen.agenda.model.milestones`), so an item with an ``id`` keeps its UID
    when its text changes.
    """
    return f"{plan_part}/{kind}/{key}@{UID_DOMAIN}"


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


def _description(text: str, page_url: str | None) -> str:
    """An event's description: what it belongs to, then the plan page's address on its own line.

    Calendar apps show the URL property in different places (or not at all);
    an address in the description is made a link by all of them.
    """
    return f"{text}\n{page_url}" if page_url else text


def _shared_properties(plan: Plan, settings: Settings, page_url: str | None) -> Event:
    """The properties that all the plan's events have, encoded once.

    icalendar keeps a value that is already one of its property types as it is,
    so the events share these instead of encoding them again each time.
    """
    shared = Event()
    shared.add("dtstamp", _stamp(settings))
    shared.add("description", _description(plan.display_title, page_url))
    shared.add("transp", "TRANSPARENT")  # a deadline does not make you busy all day
    if page_url:
        shared.add("url", page_url)
    return shared


def _link(event: Event, shared: Event) -> None:
    """The plan page's address (RFC 5545 URL), when the site's address is known."""
    if "URL" in shared:
        event["URL"] = shared["URL"]


def _milestone_event(m: Milestone, shared: Event, plan_part: str, settings: Settings, prefix: str) -> Event:
    event = Event()
    event.add("uid", uid(plan_part, m.kind.value, m.key))
    event.add("dtstamp", shared["DTSTAMP"])
    event.add("dtstart", m.day)
    event.add("dtend", m.day + timedelta(days=1))
    kind = messages.colon(messages.text(f"calendar.{m.kind.value}", settings.lang), settings.lang)
    title = f"{kind} {m.title}"
    if m.done:
        # STATUS:COMPLETED exists only for VTODO; a VEVENT's STATUS is TENTATIVE,
        # CONFIRMED or CANCELLED (RFC 5545 §3.8.1.11), so the summary says it.
        title = f"{title} {messages.text('calendar.done_mark', settings.lang)}"
    event.add("summary", _summary(title, prefix))
    event.add("description", shared["DESCRIPTION"])
    event.add("transp", shared["TRANSP"])
    _link(event, shared)
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


def _repeated_hour(start: datetime) -> bool:
    """True when ``start``'s wall-clock time happens twice that day (clocks going back)."""
    later = start.replace(fold=1)
    return later.utcoffset() != start.utcoffset() and \
        later.astimezone(UTC).astimezone(start.tzinfo).replace(tzinfo=None) == start.replace(tzinfo=None)


def _ritual_event(item: AgendaRitual, plan: Plan, shared: Event, plan_part: str, prefix: str) -> list[Event]:
    """The ritual's recurring VEVENT (none when it never happens), and any override it needs."""
    ritual, key = item.ritual, item.key
    found, rule = ritual_recurrence(item)
    if not found:
        return []
    event = Event()
    event.add("uid", uid(plan_part, EventKind.RITUAL.value, key))
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
    page_url = str(shared["URL"]) if "URL" in shared else None
    event.add("description", _description(f"{plan.display_title} — {action}" if action else plan.display_title,
                                          page_url))
    _link(event, shared)
    events = [event]
    # A start in the hour that happens twice when clocks go back is, by RFC 5545, the
    # first of the two; ical.js takes the second. An override of that one occurrence
    # (RECURRENCE-ID) starting at its instant in UTC is read the same way by both.
    for occurrence in found:
        if _repeated_hour(occurrence.start):
            moved = Event()
            for name in ("UID", "DTSTAMP"):
                moved[name] = event[name]
            moved.add("recurrence-id", occurrence.start)
            moved.add("dtstart", occurrence.start.astimezone(UTC))
            for name in ("DURATION", "SUMMARY", "DESCRIPTION"):
                moved[name] = event[name]
            _link(moved, shared)
            events.append(moved)
    return events


def measure_rule(measure: MeasureRhythm) -> tuple[date, vRecur, list[date]]:
    """A measure's due dates as DTSTART, RRULE and the dates the rule misses (for RDATE).

    Months are clipped to their end like :func:`pac_gen.format.values.add_months`.
    From the 31st, ``BYMONTHDAY=-1`` says exactly that; from the 29th or 30th, the
    rule keeps its day and skips February, whose clipped dates are given as RDATE,
    one per line. DTSTART is the first date the rule itself gives: ical.js drops a
    DTSTART the rule does not match, ignores BYSETPOS with BYMONTHDAY and misreads
    a multi-valued RDATE (all three were tried against it).
    """
    rhythm = measure.indicator.rhythm
    days = measure.days
    rule = vRecur()
    if rhythm in (Rhythm.WEEKLY, Rhythm.BIWEEKLY):
        rule["FREQ"] = "WEEKLY"
        rule["INTERVAL"] = 1 if rhythm is Rhythm.WEEKLY else 2
    else:
        rule["FREQ"] = "MONTHLY"
        rule["INTERVAL"] = 1 if rhythm is Rhythm.MONTHLY else 3
        day = max(d.day for d in days)  # the start's day, unless no month reached it
        if day > 28:
            rule["BYMONTHDAY"] = [-1 if day == 31 else day]
    rule["UNTIL"] = [days[-1]]
    anchor = next((d for d in days if day_kept(rule, d)), days[0])
    body = ";".join(p for p in rule.to_ical().decode().split(";") if not p.startswith("UNTIL="))
    first = datetime.combine(anchor, time(0))
    expanded = rrulestr(body, dtstart=first).between(first, datetime.combine(days[-1], time(0)), inc=True)  # type: ignore[union-attr]
    made = {d.date() for d in expanded} | {anchor}
    return anchor, rule, [d for d in days if d not in made]


def day_kept(rule: vRecur, day: date) -> bool:
    """Whether a monthly rule's BYMONTHDAY (30, or -1 for the last day) takes ``day``; always for weekly ones."""
    wanted = rule.get("BYMONTHDAY")
    if not wanted:
        return True
    return wanted[0] == day.day or (wanted[0] == -1 and (day + timedelta(days=1)).month != day.month)


def _measure_event(measure: MeasureRhythm, shared: Event, plan_part: str, settings: Settings,
                   prefix: str) -> Event:
    event = Event()
    event.add("uid", uid(plan_part, EventKind.MEASURE.value, measure.key))
    event.add("dtstamp", shared["DTSTAMP"])
    anchor, rule, missing = measure_rule(measure)
    event.add("dtstart", anchor)
    event.add("dtend", anchor + timedelta(days=1))
    event.add("rrule", rule)
    for day in missing:
        event.add("rdate", day)
    kind = messages.colon(messages.text(f"calendar.{EventKind.MEASURE.value}", settings.lang), settings.lang)
    event.add("summary", _summary(f"{kind} {measure.title}", prefix))
    event.add("description", shared["DESCRIPTION"])
    event.add("transp", shared["TRANSP"])
    _link(event, shared)
    return event


def plan_events(plan: Plan, plan_id: str | PathLike[str], settings: Settings,
                page_url: str | None = None) -> list[Event]:
    """The VEVENTs of one plan: its rituals, its dated milestones, then its measurements due, in plan order.

    Every summary starts with ``[owner]`` (:attr:`Plan.owner`); a task marked ``fait``
    ends with ``✓ fait``. ``plan_id`` is the plan file's path below the plans folder
    (``camille/boutique.yaml``): the site and ``pac-gen export`` give the same one,
    hence the same UIDs. ``page_url`` is the plan page's published, absolute address
    (:func:`pac_gen.site.pages.plan_page_url`): every event links to it (URL, and its
    last line of DESCRIPTION); None when the site's address is unknown, since a
    relative address means nothing to a calendar app.
    """
    prefix = plan.owner
    plan_part = plan_uid_part(plan_id)
    shared = _shared_properties(plan, settings, page_url)
    dated = agenda(plan, settings)
    events: list[Event] = []
    for item in dated.rituals:
        events += _ritual_event(item, plan, shared, plan_part, prefix)
    events += [_milestone_event(m, shared, plan_part, settings, prefix) for m in dated.milestones]
    events += [_measure_event(m, shared, plan_part, settings, prefix) for m in dated.measures]
    return events


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _yearly_rules(onset: datetime) -> set[tuple[int, time, str]]:
    """The yearly rules (month, local time, BYDAY) that ``onset`` fits: ``2SU``, and ``-1SU`` when last."""
    weekday = _WEEKDAYS[onset.weekday()]
    rules = {(onset.month, onset.time(), f"{(onset.day - 1) // 7 + 1}{weekday}")}
    if onset.day + 7 > monthrange(onset.year, onset.month)[1]:
        rules.add((onset.month, onset.time(), f"-1{weekday}"))
    return rules


def _runs(onsets: list[datetime]) -> list[tuple[list[datetime], tuple[int, time, str] | None]]:
    """``onsets`` cut into runs of consecutive years that follow one yearly rule (None: a lone onset)."""
    runs: list[tuple[list[datetime], tuple[int, time, str] | None]] = []
    current: list[datetime] = []
    rules: set[tuple[int, time, str]] = set()
    for onset in onsets:
        common = rules & _yearly_rules(onset) if current else set()
        if current and common and onset.year == current[-1].year + 1:
            current.append(onset)
            rules = common
            continue
        if current:
            runs.append((current, _pick(rules) if len(current) > 1 else None))
        current, rules = [onset], _yearly_rules(onset)
    if current:
        runs.append((current, _pick(rules) if len(current) > 1 else None))
    return runs


def _pick(rules: set[tuple[int, time, str]]) -> tuple[int, time, str]:
    # "Last Sunday" is how zones state it, and it stays true when the month has five Sundays.
    return min(rules, key=lambda rule: (not rule[2].startswith("-"), rule[2]))


@lru_cache(maxsize=16)
def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of ``tzid`` for ``first_year``…``last_year``, each observance an RRULE.

    icalendar's ``Timezone.from_tzid`` gives each observance a DTSTART and a
    multi-valued RDATE, which ical.js 2.2 (Thunderbird, many web calendars) reads
    partly, placing events an hour off. The transitions still come from icalendar
    (from zoneinfo, starting a year early so that the first of ``first_year`` has
    its observance); each run of years that follows one rule (``-1SU`` of March at
    02:00) becomes ``FREQ=YEARLY`` with BYMONTH and BYDAY, as calendar apps write
    theirs. A rule still in force at the end stays open; one that ended gets UNTIL.
    """
    source = Timezone.from_tzid(tzid, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 1, 1, 1))
    start_of_range = datetime(first_year, 1, 1)
    observances: list[tuple[datetime, Component]] = []
    for sub in source.subcomponents:
        onsets = [sub.decoded("DTSTART")]
        rdates = sub.get("RDATE", [])
        for listed in rdates if isinstance(rdates, list) else [rdates]:
            onsets += [d.dt for d in listed.dts]
        offset_from = sub.decoded("TZOFFSETFROM")
        for run, rule in _runs(sorted(onsets)):
            kind: Component = type(sub)()
            kind.add("dtstart", run[0])
            if rule is not None:
                month, _, byday = rule
                recur = vRecur(freq="YEARLY", bymonth=month, byday=byday)
                if run[-1].year < last_year:
                    recur["UNTIL"] = (run[-1] - offset_from).replace(tzinfo=UTC)
                kind.add("rrule", recur)
            for name in ("TZNAME", "TZOFFSETFROM", "TZOFFSETTO"):
                if name in sub:
                    kind[name] = sub[name]
            observances.append((run[0], kind))
    observances.sort(key=lambda pair: pair[0])
    # from_tzid's first observance only marks where its range starts: with a real
    # transition before first_year, it is not needed.
    if len(observances) > 1 and observances[1][0] <= start_of_range:
        del observances[0]
    timezone = Timezone()
    timezone.add("tzid", tzid)
    for _, observance in observances:
        timezone.add_component(observance)
    return timezone


def plan_feed(plan: Plan, plan_id: str | PathLike[str], settings: Settings, parts: FeedParts | None = None,
              page_url: str | None = None) -> bytes:
    """The ICS feed of one plan (CRLF line endings, same bytes for the same plan and day).

    Every summary starts with :attr:`Plan.owner`, as in the site's feed: a reader who
    subscribes to several plans sees whose ritual it is, and the site's feed reuses
    these very event bytes (kept in ``parts``) instead of serialising every plan a second time.
    ``page_url``: see :func:`plan_events`.
    """
    name = f"{plan.display_title} — {plan.author}" if plan.author else plan.display_title
    text, years = (parts or FeedParts()).part(plan, plan_id, settings, page_url)
    return _feed(name, [text], years, settings)


_FeedKey = tuple[int, str, Settings, str | None]


class FeedParts:
    """Each plan's serialised VEVENTs, kept while the same (immutable) plan object comes back.

    The build owns one (the plugin keeps it across ``mkdocs serve`` rebuilds): the
    site's feed reuses what the plans' own feeds made, and a rebuild only serialises
    the plans that changed. Nothing is kept between two objects or at module level.
    """

    def __init__(self) -> None:
        self._kept: dict[_FeedKey, tuple[Plan, bytes, list[int]]] = {}

    def part(self, plan: Plan, plan_id: str | PathLike[str], settings: Settings,
             page_url: str | None = None) -> tuple[bytes, list[int]]:
        """One plan's VEVENTs as ICS text, and the years its timed events span."""
        key = (id(plan), str(plan_id), settings, page_url)
        found = self._kept.get(key)
        if found is not None and found[0] is plan:
            return found[1], found[2]
        events = plan_events(plan, plan_id, settings, page_url)
        # Overrides have no RRULE; measurements due (format v1.1) are all-day: no time zone to cover.
        timed = [cast(Any, e) for e in events if "RRULE" in e and isinstance(e.DTSTART, datetime)]
        years = [e.DTSTART.year for e in timed] + [u.year for e in timed for u in e["RRULE"]["UNTIL"]]
        text = b"".join(ics_bytes(e) for e in events)
        self._kept[key] = (plan, text, years)
        return text, years

    def keep_only(self, plans: Sequence[tuple[str | PathLike[str], Plan]], settings: Settings,
                  page_urls: Mapping[str, str] | None = None) -> None:
        """Forget every plan but these (the plans of the last site feed)."""
        urls = page_urls or {}
        wanted = {(id(plan), str(path), settings, urls.get(str(path))) for path, plan in plans}
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
              parts: FeedParts | None = None, page_urls: Mapping[str, str] | None = None) -> bytes:
    """One ICS feed for several plans: the events of each plan's own feed, one after the other.

    With ``parts``, each plan's events are serialised once: the site's build made
    them for the plan's own feed, and under ``mkdocs serve`` the plans that did not
    change keep theirs. Only the plans of this feed stay in ``parts`` afterwards.
    ``page_urls`` maps a plan's path (as in ``plans``) to its page's address.
    """
    kept = parts or FeedParts()
    urls = page_urls or {}
    texts: list[bytes] = []
    years: list[int] = []
    for path, plan in plans:
        text, plan_years = kept.part(plan, path, settings, urls.get(str(path)))
        texts.append(text)
        years += plan_years
    kept.keep_only(plans, settings, urls)
    return _feed(messages.text("calendar.site_calendar", settings.lang), texts, years, settings)
