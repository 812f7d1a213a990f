"""Expand rituals into dated occurrences: the one implementation the pages, the
ICS feeds and the lint all use.

A ritual is turned into an RFC 5545 rule (``FREQ=WEEKLY;BYDAY=FR``…) plus a
first local start and a last possible day, and python-dateutil expands it. Times
are local wall-clock times in the site's zone, so a 14:00 ritual stays at 14:00
across daylight-saving changes.

Rules the format leaves to us (documented in ``docs/rituels.md``):

- ``debut`` is the first day the ritual *may* happen, not necessarily an
  occurrence: ``debut`` on a Wednesday with ``jours: [vendredi]`` starts on the
  Friday. (RFC 5545 would count DTSTART itself; dateutil does not, and neither do
  we. The ICS feeds therefore use the first real occurrence as DTSTART.)
- A monthly ritual without ``jours`` happens on ``debut``'s day of the month and
  skips the months that lack that day (a 31st skips February, April…), as RFC 5545
  says. With ``jours`` it happens on the first such weekday of each month.
- ``pendant`` counts from ``debut``, end excluded; ``fin`` is included.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import dateutil.rrule
from dateutil.rrule import DAILY, FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule, rrulestr

from pac_gen.format.model import Frequency, Ritual
from pac_gen.format.values import SpanUnit, add_months

DEFAULT_TIME = time(9)
DEFAULT_DURATION = timedelta(hours=1)
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class TooFine(ValueError):
    """A hand-written rule repeats more often than once a day (``FREQ=HOURLY``, ``MINUTELY``, ``SECONDLY``)."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One time a ritual happens, in the site's zone."""

    start: datetime
    end: datetime


def start_time(ritual: Ritual) -> time:
    """The hour a ritual starts: ``heure``, else its ``moment``, else 09:00."""
    if ritual.time is not None:
        return ritual.time
    if ritual.time_of_day is not None:
        return ritual.time_of_day.hour
    return DEFAULT_TIME


def duration(ritual: Ritual, working_day_hours: float = 7) -> timedelta:
    """How long each occurrence lasts (1 hour by default)."""
    if ritual.duration is None:
        return DEFAULT_DURATION
    return timedelta(hours=ritual.duration.hours(working_day_hours))


def last_day(ritual: Ritual) -> date:
    """The last day a ritual may happen: ``fin``, or ``debut`` + ``pendant`` minus one day.

    Months are calendar months (as ``relativedelta``): ``pendant: 1 mois`` from
    31 January ends on 27 February (28 February excluded).
    """
    if ritual.end is not None:
        return ritual.end
    if ritual.span is None:
        return ritual.start
    count, unit = ritual.span.count, ritual.span.unit
    if unit is SpanUnit.DAYS or unit is SpanUnit.WEEKS:
        after = ritual.start + timedelta(days=count * (7 if unit is SpanUnit.WEEKS else 1))
    else:
        after = add_months(ritual.start, count * (12 if unit is SpanUnit.YEARS else 1))
    return after - timedelta(days=1)


def _rule_parts(text: str) -> list[str]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:"):]
    return [p.strip() for p in body.split(";") if p.strip()]


_RULE_PART_RE = re.compile(
    r"(FREQ|UNTIL|DTSTART|COUNT|INTERVAL|BYSECOND|BYMINUTE|BYHOUR|BYDAY|BYMONTHDAY|BYYEARDAY|BYWEEKNO|BYMONTH"
    r"|BYSETPOS|WKST)=[A-Z0-9,+\-]+\Z")
_RULE_LIMITS = {"INTERVAL": 1000, "COUNT": 10_000}
_TOO_FINE = frozenset(("HOURLY", "MINUTELY", "SECONDLY"))


def check_rule_text(text: str) -> None:
    """Refuse what dateutil would take but cannot expand safely.

    One line of ``NAME=VALUE`` parts (a ``DTSTART`` line or a line break would reach
    the ICS), and ``INTERVAL``/``COUNT`` between 1 and a bound (``INTERVAL=0`` makes
    dateutil loop for ever, a huge one runs past year 9999).

    Raises:
        TooFine: when the rule repeats within a day (a ritual happens at most daily;
            several hours a day are ``FREQ=DAILY;BYHOUR=9,14``).
        ValueError: when the rule is not such a line.

    """
    parts = [p.upper() for p in _rule_parts(text)]
    if not parts or any(_RULE_PART_RE.match(p) is None for p in parts):
        raise ValueError(text)
    for name, value in (p.split("=", 1) for p in parts):
        limit = _RULE_LIMITS.get(name)
        if limit is not None and not (value.isdigit() and 1 <= int(value) <= limit):
            raise ValueError(text)
        if name == "FREQ" and value in _TOO_FINE:
            raise TooFine(text)


def _word_parts(ritual: Ritual) -> list[tuple[str, str]]:
    """The RRULE parts a ritual's words say, in RFC 5545 order (``[("FREQ", "WEEKLY"), …]``)."""
    days = [_BYDAY[d.number] for d in ritual.days]
    frequency = ritual.frequency or Frequency.WEEKLY
    if frequency is Frequency.DAILY:
        return [("FREQ", "DAILY")] + ([("BYDAY", ",".join(days))] if days else [])
    if frequency is Frequency.MONTHLY:
        if days:  # "mensuelle, jours: [lundi]": the first Monday of each month
            return [("FREQ", "MONTHLY"), ("BYDAY", ",".join(f"1{d}" for d in days))]
        return [("FREQ", "MONTHLY"), ("BYMONTHDAY", str(ritual.start.day))]
    byday = ",".join(days) or _BYDAY[ritual.start.weekday()]
    if frequency is Frequency.BIWEEKLY:
        # WKST fixes which weeks are "every other" one the same way everywhere.
        return [("FREQ", "WEEKLY"), ("INTERVAL", "2"), ("WKST", "MO"), ("BYDAY", byday)]
    return [("FREQ", "WEEKLY"), ("BYDAY", byday)]


def rule_text(ritual: Ritual) -> str:
    """The RFC 5545 RRULE (without UNTIL) that the ritual's words or ``rrule`` say."""
    if ritual.rrule is not None:
        # The ritual's period comes from debut and fin/pendant, never from the rule.
        return ";".join(p for p in _rule_parts(ritual.rrule) if not p.upper().startswith(("UNTIL=", "DTSTART=")))
    return ";".join(f"{name}={value}" for name, value in _word_parts(ritual))


_FREQUENCIES: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY}
_WEEKDAYS = dict(zip(_BYDAY, (MO, TU, WE, TH, FR, SA, SU), strict=True))


def _word_rule(ritual: Ritual, dtstart: datetime, last: datetime) -> rrule:
    """The dateutil rule of :func:`_word_parts`, made directly rather than parsed from its text."""
    parts = dict(_word_parts(ritual))
    byday = [_WEEKDAYS[d[-2:]](int(d[:-2])) if len(d) > 2 else _WEEKDAYS[d]
             for d in parts["BYDAY"].split(",")] if "BYDAY" in parts else None
    return rrule(
        _FREQUENCIES[parts["FREQ"]], dtstart=dtstart, until=last,
        interval=int(parts.get("INTERVAL", "1")), wkst=MO if "WKST" in parts else None,
        byweekday=byday, bymonthday=int(parts["BYMONTHDAY"]) if "BYMONTHDAY" in parts else None,
    )


def has_count(ritual: Ritual) -> bool:
    """True when the ritual's own ``rrule`` limits it with ``COUNT``."""
    return any(p.upper().startswith("COUNT=") for p in _rule_parts(rule_text(ritual)))


def local_start(ritual: Ritual, zone: ZoneInfo) -> datetime:
    """The first possible local start: ``debut`` at the ritual's hour, in ``zone``."""
    return datetime.combine(ritual.start, start_time(ritual), tzinfo=zone)


def until(ritual: Ritual, zone: ZoneInfo) -> datetime:
    """The latest possible start: the last day at 23:59:59, local time."""
    return datetime.combine(last_day(ritual), time(23, 59, 59), tzinfo=zone)


def build_rule(ritual: Ritual, zone: ZoneInfo) -> rrule:
    """The dateutil rule of a ritual, bounded by its last day (or by its own ``COUNT``).

    Raises:
        ValueError: when ``rrule`` is not a valid RFC 5545 rule.

    """
    # dateutil works on naive datetimes so that every occurrence keeps the same
    # wall-clock hour; the zone is attached afterwards.
    dtstart = local_start(ritual, zone).replace(tzinfo=None)
    if ritual.rrule is None:
        return _word_rule(ritual, dtstart, until(ritual, zone).replace(tzinfo=None))
    check_rule_text(ritual.rrule)
    rule = rrulestr(rule_text(ritual), dtstart=dtstart, ignoretz=True)
    if not isinstance(rule, rrule):
        raise ValueError("one RRULE expected")
    if has_count(ritual):
        # dateutil refuses COUNT and UNTIL together; occurrences() applies the last day.
        return rule
    return rule.replace(until=until(ritual, zone).replace(tzinfo=None))


class _PastLastDay(Exception):
    """Raised inside dateutil's scan when it moves to a month after the ritual's last day."""


def _bounded_scan(last: datetime) -> types.FunctionType:
    """The scan of dateutil's own ``rrule._iter``, stopped at the first month after ``last``.

    dateutil compares UNTIL only with the occurrences it finds: a rule that never
    matches (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``, ``BYSETPOS=2`` on a daily rule)
    scans every day up to year 9999, 10 to 40 s for one ritual. Its scan rebuilds its
    month tables each time it enters a new month, so the same code, run with
    tables that refuse to be built past ``last``, stops there.
    """
    bound = (last.year, last.month)

    class Tables(dateutil.rrule._iterinfo):  # type: ignore[name-defined,misc]
        def rebuild(self, year: int, month: int) -> None:
            if (year, month) > bound:
                raise _PastLastDay
            super().rebuild(year, month)

    scope = {**vars(dateutil.rrule), "_iterinfo": Tables}
    return types.FunctionType(rrule._iter.__code__, scope, "_iter")  # type: ignore[attr-defined]


def local_starts(ritual: Ritual, zone: ZoneInfo, through: date | None = None) -> Iterator[datetime]:
    """The naive local start of each occurrence, in order, lazily, up to the last day.

    Args:
        ritual: The ritual.
        zone: The site's time zone.
        through: When given, no occurrence after this day is looked for (a view
            of a few months need not scan a ten-year ritual to its end).

    Raises:
        ValueError: when ``rrule`` is not a valid RFC 5545 rule.

    """
    latest = until(ritual, zone).replace(tzinfo=None)
    if through is not None:
        latest = min(latest, datetime.combine(through, time(23, 59, 59)))
    try:
        for naive in _bounded_scan(latest)(build_rule(ritual, zone)):
            if naive > latest:
                return
            yield naive
    except _PastLastDay:
        return


def count_starts(ritual: Ritual, zone: ZoneInfo, limit: int) -> int:
    """How many times the ritual happens, counting no further than ``limit``."""
    count = 0
    for _ in local_starts(ritual, zone):
        count += 1
        if count >= limit:
            break
    return count


def occurrences(ritual: Ritual, zone: ZoneInfo, working_day_hours: float = 7,
                through: date | None = None) -> list[Occurrence]:
    """Every occurrence of a ritual, in order (up to the day ``through`` when given).

    Their number is bounded by validation (:mod:`pac_gen.check.budgets`), never cut here:
    a feed or page that silently lost a ritual's last occurrences would mislead.

    Raises:
        ValueError: when ``rrule`` is not a valid RFC 5545 rule.

    """
    length = duration(ritual, working_day_hours)
    found: list[Occurrence] = []
    for naive in local_starts(ritual, zone, through):
        start = naive.replace(tzinfo=zone)
        found.append(Occurrence(start, start + length))
    return found


def weekday_slots(ritual: Ritual) -> int | None:
    """How many distinct (weekday, hour) slots a ritual's words can give; None for an ``rrule``.

    A hand-written rule may say BYHOUR or BYMINUTE: its slots are not known in advance.
    """
    if ritual.rrule is not None:
        return None
    if ritual.frequency is Frequency.MONTHLY:
        return 7
    if ritual.days:
        return len(set(ritual.days))
    return 7 if ritual.frequency is Frequency.DAILY else 1


__all__ = [
    "Occurrence", "TooFine", "build_rule", "count_starts", "duration", "has_count", "last_day", "local_start",
    "local_starts", "occurrences", "rule_text", "start_time", "until", "weekday_slots",
]
