"""The agenda of a plan: what happens when, as plain data the HTML calendar and the ICS feed share.

- :class:`Milestone`: the all-day dates (launches, task and action deadlines, the objective's);
- :class:`AgendaRitual`: each ritual with its stable key and its occurrences;
- :class:`MeasureRhythm`: each indicator with a ``periodicite`` and the days its measurement is due
  (one recurring all-day event "Relever : …" in the feeds);
- :class:`Event`: one entry of a calendar day (a milestone or a ritual occurrence);
- :class:`WeekRitual`: a ritual's distinct weekly slot, marked when it falls outside the
  ideal week's blocks of its domain (warning W701 reads the same mark).

Ritual occurrences come from :func:`pac_gen.format.recurrence.occurrences`, so the pages,
the feeds and the warnings always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import cached_property

from pac_gen.format import metrics, recurrence
from pac_gen.format.model import Domain, Indicator, Plan, Ritual, Status, Weekday
from pac_gen.format.settings import Settings
from pac_gen.format.values import slugify


class EventKind(StrEnum):
    """What a calendar entry is; the value is also its CSS class suffix and UID part."""

    RITUAL = "rituel"
    TASK = "tache"
    LAUNCH = "lancement"
    ACTION_DUE = "date-limite"
    OBJECTIVE = "objectif"
    MEASURE = "releve"


@dataclass(frozen=True, slots=True)
class Milestone:
    """An all-day date of a plan: a task or action deadline, a launch, the objective's deadline.

    Attributes:
        day: The date.
        kind: What it is.
        title: The task, action or objective text.
        key: Part of a stable identifier, unique within the plan (``boutique/choisir-la-solution``).
        done: True for a task marked ``fait``.
        late: True for a task not done whose deadline has passed.

    """

    day: date
    kind: EventKind
    title: str
    key: str
    done: bool = False
    late: bool = False


def _unique_keys(items: list[tuple[str | None, str]]) -> list[str]:
    """One key per (explicit id, derived key): the id as written, else the derived key, ``~2``… on a clash.

    Ids are unique in a valid plan and always keep their own key; a derived key
    (from a text) that meets an id or an earlier derived key gets ``~2``, ``~3``…
    (``~`` never appears in an id or a slug, so no two items can share a key).
    """
    taken = {explicit for explicit, _ in items if explicit is not None}
    seen: dict[str, int] = {}
    keys = []
    for explicit, derived in items:
        if explicit is not None:
            keys.append(explicit)
            continue
        count = seen.get(derived, 1 if derived in taken else 0) + 1
        seen[derived] = count
        keys.append(derived if count == 1 else f"{derived}~{count}")
    return keys


def milestones(plan: Plan, today: date) -> list[Milestone]:
    """Every all-day date of a plan, in plan order; dropped tasks are left out.

    Keys (for the feeds' UIDs): an action's key; a task's id, else its action's key and
    its text's slug (``boutique/choisir-la-solution``); ``objectif``.
    """
    entries: list[tuple[date, EventKind, str, str | None, str, bool, bool]] = []
    for action in plan.actions:
        if action.start is not None:
            entries.append((action.start, EventKind.LAUNCH, action.title, None, action.key, False, False))
        for task in action.tasks:
            if task.due is None or task.status is Status.DROPPED:
                continue
            entries.append((task.due, EventKind.TASK, task.task, task.id, f"{action.key}/{slugify(task.task)}",
                            task.status is Status.DONE, metrics.is_late(task, today)))
        if action.due is not None:
            entries.append((action.due, EventKind.ACTION_DUE, action.title, None, action.key, False, False))
    keys: dict[int, str] = {}
    for kind in EventKind:
        indexes = [i for i, entry in enumerate(entries) if entry[1] is kind]
        keys.update(zip(indexes, _unique_keys([(entries[i][3], entries[i][4]) for i in indexes]), strict=True))
    found = [Milestone(day, kind, title, keys[i], done=done, late=late)
             for i, (day, kind, title, _, _, done, late) in enumerate(entries)]
    found.append(Milestone(plan.objective.deadline, EventKind.OBJECTIVE, plan.objective.statement, "objectif"))
    return found


def ritual_keys(plan: Plan) -> list[str]:
    """A stable key per ritual: its id, else its text as a slug (``~2``… when two share it)."""
    return _unique_keys([(ritual.id, slugify(ritual.ritual)) for ritual in plan.rituals])


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


_KIND_ORDER = (EventKind.OBJECTIVE, EventKind.ACTION_DUE, EventKind.TASK, EventKind.LAUNCH, EventKind.MEASURE,
               EventKind.RITUAL)


class AgendaRitual:
    """A ritual in the agenda: its stable key and, computed once when first asked, its occurrences."""

    def __init__(self, ritual: Ritual, key: str, settings: Settings) -> None:
        self.ritual = ritual
        self.key = key
        self._settings = settings

    @cached_property
    def occurrences(self) -> list[recurrence.Occurrence]:
        """Every occurrence, in order (see :func:`pac_gen.format.recurrence.occurrences`).

        Raises:
            ValueError: when the ritual's rrule is not valid (the check reports it as an error).

        """
        return recurrence.occurrences(self.ritual, self._settings.zone, self._settings.working_day_hours)

    def occurrences_through(self, through: date | None) -> list[recurrence.Occurrence]:
        """The occurrences up to the day ``through`` (all when None), expanding no further than needed."""
        if through is None or "occurrences" in self.__dict__:
            return [o for o in self.occurrences if through is None or o.start.date() <= through]
        return recurrence.occurrences(self.ritual, self._settings.zone, self._settings.working_day_hours, through)


@dataclass(frozen=True, slots=True)
class MeasureRhythm:
    """An indicator measured at a rhythm (v1.1): the days a measurement is due.

    Attributes:
        indicator: The indicator.
        key: Its id, part of a stable identifier.
        days: Every due date, one period after another from the plan's start to its deadline.

    """

    indicator: Indicator
    key: str
    days: list[date]

    @property
    def title(self) -> str:
        """The indicator and, when it says it, where the value is read: ``Visites (Matomo)``."""
        source = self.indicator.source
        return f"{self.indicator.name} ({source})" if source else self.indicator.name


def measure_rhythms(plan: Plan) -> list[MeasureRhythm]:
    """The indicators with a ``periodicite`` and at least one due date, in plan order."""
    found = []
    for indicator in plan.indicators:
        days = metrics.due_dates(indicator, plan.start, plan.objective.deadline)
        if days:
            found.append(MeasureRhythm(indicator, indicator.key, days))
    return found


@dataclass(frozen=True)
class Agenda:
    """Everything dated in one plan.

    Attributes:
        plan: The plan.
        milestones: The all-day dates, in plan order (dropped tasks left out).
        rituals: The rituals, in plan order, each with its key.
        measures: The indicators measured at a rhythm, in plan order.

    """

    plan: Plan
    milestones: list[Milestone]
    rituals: list[AgendaRitual]
    measures: list[MeasureRhythm] = field(default_factory=list)

    def events(self, plan_path: str, through: date | None = None) -> list[Event]:
        """Every milestone and ritual occurrence as calendar entries, unsorted (rituals up to ``through``)."""
        who = self.plan.owner
        events = [Event(m.day, m.kind, m.title, plan_path=plan_path, who=who, done=m.done, late=m.late)
                  for m in self.milestones]
        for item in self.rituals:
            for occurrence in item.occurrences_through(through):
                events.append(Event(occurrence.start.date(), EventKind.RITUAL, item.ritual.ritual,
                                    occurrence.start.timetz().replace(tzinfo=None),
                                    occurrence.end.timetz().replace(tzinfo=None), plan_path=plan_path, who=who))
        for measure in self.measures:
            events += [Event(day, EventKind.MEASURE, measure.title, plan_path=plan_path, who=who) for day in measure.days]
        return events


def agenda(plan: Plan, settings: Settings) -> Agenda:
    """The agenda of ``plan``, milestones judged on ``settings.today``."""
    rituals = [AgendaRitual(r, key, settings) for r, key in zip(plan.rituals, ritual_keys(plan), strict=True)]
    return Agenda(plan, milestones(plan, settings.today), rituals, measure_rhythms(plan))


def plan_events(plan: Plan, plan_path: str, settings: Settings, through: date | None = None) -> list[Event]:
    """Every ritual occurrence and dated milestone of a plan, unsorted (rituals up to ``through`` when given)."""
    return agenda(plan, settings).events(plan_path, through)


# --- The week's slots of the rituals -------------------------------------------------


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
        first: The local start of the slot's first occurrence (what W701 names).

    """

    weekday: int
    start: int
    end: int
    title: str
    domain: Domain | None
    outside: bool
    index: int
    first: datetime


def _minutes(moment: time | datetime) -> int:
    return moment.hour * 60 + moment.minute


def ritual_slots(plan: Plan, index: int, settings: Settings) -> list[WeekRitual]:
    """The distinct (weekday, start, end) slots of one ritual, in order of first occurrence.

    Each is marked ``outside`` when the plan has an ideal week and the slot does not
    fit in a block of the ritual's domain. Only a week's worth of distinct slots is
    looked at, so a ritual repeated for a year costs no more than one for a month.

    Raises:
        ValueError: when the ritual's rrule is not valid.

    """
    ritual = plan.rituals[index]
    week = plan.ideal_week
    domain = ritual.domain or Domain.BUSINESS
    length = int(recurrence.duration(ritual, settings.working_day_hours).total_seconds() // 60)
    most = recurrence.weekday_slots(ritual)
    seen: set[tuple[int, int]] = set()
    found: list[WeekRitual] = []
    last_new = 0
    for count, naive in enumerate(recurrence.local_starts(ritual, settings.zone)):
        begin = _minutes(naive)
        slot = (naive.weekday(), begin)
        if slot not in seen:
            seen.add(slot)
            last_new = count
            outside = week is not None and not any(
                block.domain is domain and _minutes(block.start) <= begin and begin + length <= _minutes(block.end)
                for block in week.get(list(Weekday)[slot[0]], []))
            found.append(WeekRitual(slot[0], begin, min(begin + length, 24 * 60), ritual.ritual, ritual.domain,
                                    outside, index, naive.replace(tzinfo=settings.zone)))
        # A ritual in words starts at the same hour every time: once each weekday its
        # rule can give was met, later occurrences bring nothing new. For a written
        # rrule, 14 occurrences in a row without a new slot mean the same.
        if (most is not None and len(seen) >= most) or count - last_new >= 14:
            break
    return found


def week_rituals(plan: Plan, settings: Settings) -> list[WeekRitual]:
    """Every ritual's distinct weekly slots, by weekday and hour; rituals with an invalid rrule left out."""
    found: list[WeekRitual] = []
    for index in range(len(plan.rituals)):
        try:
            found += ritual_slots(plan, index, settings)
        except (ValueError, TypeError, OverflowError):
            continue  # an invalid rrule is reported as an error; the page just leaves it out
    return sorted(found, key=lambda r: (r.weekday, r.start, r.index))
