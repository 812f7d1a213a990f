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

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from pac_gen.model import Frequency, Ritual, Weekday
from pac_gen.values import SpanUnit

DEFAULT_TIME = time(9)
DEFAULT_DURATION = timedelta(hours=1)
#: Safety net against rules such as ``FREQ=MINUTELY`` over a year.
DEFAULT_LIMIT = 5000
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


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

    Months are calendar months (``relativedelta``): ``pendant: 1 mois`` from
    31 January ends on 27 February (28 February excluded).
    """
    if ritual.end is not None:
        return ritual.end
    if ritual.span is None:
        return ritual.start
    count, unit = ritual.span.count, ritual.span.unit
    delta = {
        SpanUnit.DAYS: relativedelta(days=count),
        SpanUnit.WEEKS: relativedelta(weeks=count),
        SpanUnit.MONTHS: relativedelta(months=count),
        SpanUnit.YEARS: relativedelta(years=count),
    }[unit]
    return ritual.start + delta - timedelta(days=1)


def _rule_parts(text: str) -> list[str]:
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:"):]
    return [p.strip() for p in body.split(";") if p.strip()]


def rule_text(ritual: Ritual) -> str:
    """The RFC 5545 RRULE (without UNTIL) that the ritual's words or ``rrule`` say."""
    if ritual.rrule is not None:
        # The ritual's period comes from debut and fin/pendant, never from the rule.
        return ";".join(p for p in _rule_parts(ritual.rrule) if not p.upper().startswith(("UNTIL=", "DTSTART=")))
    days = ",".join(_BYDAY[d.number] for d in ritual.days) if ritual.days else ""
    frequency = ritual.frequency or Frequency.WEEKLY
    if frequency is Frequency.DAILY:
        return "FREQ=DAILY" + (f";BYDAY={days}" if days else "")
    if frequency is Frequency.MONTHLY:
        if days:  # "mensuelle, jours: [lundi]": the first Monday of each month
            return "FREQ=MONTHLY;BYDAY=" + ",".join(f"1{d}" for d in days.split(","))
        return f"FREQ=MONTHLY;BYMONTHDAY={ritual.start.day}"
    if frequency is Frequency.BIWEEKLY:
        # WKST fixes which weeks are "every other" one the same way everywhere.
        return f"FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY={days or _BYDAY[ritual.start.weekday()]}"
    return f"FREQ=WEEKLY;BYDAY={days or _BYDAY[ritual.start.weekday()]}"


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
    rule = rrulestr(rule_text(ritual), dtstart=dtstart, ignoretz=True)
    if not isinstance(rule, rrule):
        raise ValueError("one RRULE expected")
    if has_count(ritual):
        # dateutil refuses COUNT and UNTIL together; occurrences() applies the last day.
        return rule
    return rule.replace(until=until(ritual, zone).replace(tzinfo=None))


def occurrences(
    ritual: Ritual, zone: ZoneInfo, working_day_hours: float = 7, limit: int = DEFAULT_LIMIT
) -> list[Occurrence]:
    """Every occurrence of a ritual, in order, at most ``limit`` of them.

    Raises:
        ValueError: when ``rrule`` is not a valid RFC 5545 rule.

    """
    length = duration(ritual, working_day_hours)
    latest = until(ritual, zone).replace(tzinfo=None)
    found: list[Occurrence] = []
    for naive in build_rule(ritual, zone):
        if naive > latest or len(found) >= limit:
            break
        start = naive.replace(tzinfo=zone)
        found.append(Occurrence(start, start + length))
    return found


def weekday_of(day: Weekday) -> int:
    """0 for Monday … 6 for Sunday."""
    return day.number


__all__ = [
    "DEFAULT_LIMIT", "Occurrence", "build_rule", "duration", "has_count", "last_day", "local_start",
    "occurrences", "rule_text", "start_time", "until",
]
