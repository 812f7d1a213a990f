"""Format v1.1: each indicator with a rhythm is one recurring all-day event in the feeds and calendars."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
import recurring_ical_events

from pac_gen.agenda import ics
from pac_gen.agenda.model import EventKind, agenda
from pac_gen.agenda.views import calendar_html, plan_months, site_months
from pac_gen.format import metrics
from pac_gen.format.model import Plan
from pac_gen.format.settings import Settings
from tests.conftest import check

SETTINGS = Settings(today=date(2026, 3, 1))


def plan_with(rhythm: str, start: str = "2026-01-31", deadline: str = "2026-12-31", source: str = "Agenda") -> Plan:
    result = check(f"""\
auteur: Camille
objectif:
  intitule: Gagner 5 clients
  debut: {start}
  echeance: {deadline}
actions:
  - intitule: Appeler les prospects
    type: prospection
indicateurs:
  - id: rdv
    indicateur: Rendez-vous
    type: resultat
    valeur_initiale: 0
    valeur_cible: 10
    outil: {source}
    periodicite: {rhythm}
  - indicateur: Appels
    type: suivi
    valeur_initiale: 0
    valeur_cible: 100
    outil: CRM
""", today=SETTINGS.today)
    assert result.plan is not None, result.problems
    return result.plan


def measure_events(feed: bytes) -> list[icalendar.Event]:
    return [e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT") if "/releve/" in str(e["UID"])]


@pytest.mark.parametrize(("rhythm", "start", "first", "count"), [
    ("hebdomadaire", "2026-01-31", date(2026, 2, 7), 47),
    ("biweekly", "2026-01-31", date(2026, 2, 14), 23),
    ("mensuelle", "2026-01-31", date(2026, 2, 28), 11),  # clipped to the month's end, then back to the 31st
    ("monthly", "2026-01-30", date(2026, 2, 28), 11),
    ("trimestrielle", "2025-11-30", date(2026, 2, 28), 4),
    ("quarterly", "2026-01-15", date(2026, 4, 15), 3),
])
def test_one_recurring_all_day_event_whose_occurrences_are_the_due_dates(
        rhythm: str, start: str, first: date, count: int) -> None:
    plan = plan_with(rhythm, start)
    feed = ics.plan_feed(plan, "plans/camille/plan.yaml", SETTINGS)
    (event,) = measure_events(feed)
    rdates = event.get("RDATE", [])
    rdates = [d.dt for r in (rdates if isinstance(rdates, list) else [rdates]) for d in r.dts]
    # The first due date is DTSTART, or an RDATE when the rule itself starts a month later (month ends).
    assert min([event["DTSTART"].dt, *rdates]) == first
    assert str(event["SUMMARY"]) == "[Camille] Relever : Rendez-vous (Agenda)"
    assert str(event["UID"]) == "plans%2Fcamille%2Fplan.yaml/releve/rdv@pac-gen"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    # A second implementation expands the rule: exactly the days the pages show.
    expanded = [e["DTSTART"].dt for e in recurring_ical_events.of(icalendar.Calendar.from_ical(feed))
                .between(date(2025, 1, 1), date(2028, 1, 1)) if "/releve/" in str(e["UID"])]
    due = metrics.due_dates(plan.indicators[0], plan.start, plan.objective.deadline)
    assert sorted(expanded) == due
    assert len(due) == count and due[0] == first and due[-1] <= plan.objective.deadline


def test_month_ends_are_said_in_ways_every_client_reads() -> None:
    # From the 31st: the last day of each month.
    (event,) = measure_events(ics.plan_feed(plan_with("mensuelle"), "plans/p.yaml", SETTINGS))
    assert event["RRULE"]["BYMONTHDAY"] == [-1] and "RDATE" not in event
    # From the 30th: the 30th, and February's last day as its own RDATE line.
    feed = ics.plan_feed(plan_with("mensuelle", "2026-01-30", "2027-03-31"), "plans/p.yaml", SETTINGS)
    (event,) = measure_events(feed)
    assert event["RRULE"]["BYMONTHDAY"] == [30]
    assert event["DTSTART"].dt == date(2026, 3, 30)  # the first day the rule gives itself
    assert b"RDATE;VALUE=DATE:20260228\r\nRDATE;VALUE=DATE:20270228\r\n" in feed
    (plain,) = measure_events(ics.plan_feed(plan_with("mensuelle", "2026-01-15"), "plans/p.yaml", SETTINGS))
    assert "BYMONTHDAY" not in plain["RRULE"]


def test_without_source_the_title_is_the_indicator_alone() -> None:
    plan = plan_with("mensuelle", source="null")
    assert plan.indicators[0].source is None
    (event,) = measure_events(ics.plan_feed(plan, "plans/p.yaml", SETTINGS))
    assert str(event["SUMMARY"]) == "[Camille] Relever : Rendez-vous"


def test_no_rhythm_no_event_and_a_plan_too_short_for_one_period_neither() -> None:
    result = check("""\
objectif: {intitule: X, debut: 2026-03-01, echeance: 2026-03-20}
actions: [{intitule: A, type: prospection}]
indicateurs:
  - {indicateur: R, type: resultat, valeur_initiale: 0, valeur_cible: 1, outil: O, periodicite: mensuelle}
  - {indicateur: S, type: suivi, valeur_initiale: 0, valeur_cible: 1, outil: O}
""", today=SETTINGS.today)
    assert result.plan is not None
    assert agenda(result.plan, SETTINGS).measures == []
    assert measure_events(ics.plan_feed(result.plan, "plans/p.yaml", SETTINGS)) == []


def test_plan_calendar_shows_each_due_date_with_its_kind() -> None:
    plan = plan_with("mensuelle")
    days = {d.day: [e for e in d.events if e.kind is EventKind.MEASURE]
            for m in plan_months(plan, "plans/p.yaml", SETTINGS) for w in m.weeks for d in w if d.in_month}
    assert [day for day, events in sorted(days.items()) if events] == metrics.due_dates(
        plan.indicators[0], plan.start, plan.objective.deadline)
    html = calendar_html(plan, "plans/p.yaml", SETTINGS)
    assert '<li class="pac-cal-ev pac-cal-releve">Relever</li>' in html  # the legend
    assert '<span class="pac-cal-kind">Relever :</span> Rendez-vous (Agenda)' in html
    english = calendar_html(plan, "plans/p.yaml", Settings(today=SETTINGS.today, lang="en"))
    assert '<span class="pac-cal-kind">Measure:</span> Rendez-vous (Agenda)' in english


def test_site_feed_and_site_calendar_carry_the_measurements() -> None:
    plans = [("plans/camille/plan.yaml", plan_with("mensuelle"))]
    feed = ics.site_feed(plans, SETTINGS)
    assert [str(e["SUMMARY"]) for e in measure_events(feed)] == ["[Camille] Relever : Rendez-vous (Agenda)"]
    events = [e for m in site_months(plans, SETTINGS) for w in m.weeks for d in w for e in d.events
              if e.kind is EventKind.MEASURE]
    assert [e.day for e in events] == [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31)]
    assert {e.who for e in events} == {"Camille"}


@pytest.mark.parametrize(("rhythm", "start", "deadline"), [
    ("mensuelle", "2026-01-31", "2026-12-31"), ("mensuelle", "2026-01-30", "2027-06-30"),
    ("mensuelle", "2027-01-29", "2028-12-31"), ("trimestrielle", "2025-11-30", "2027-12-31"),
    ("toutes_les_2_semaines", "2026-01-31", "2026-12-31"), ("hebdomadaire", "2026-01-31", "2026-06-30"),
])
def test_ical_js_expands_the_measurements_due_as_the_pages_do(rhythm: str, start: str, deadline: str) -> None:
    """ical.js (Thunderbird, web calendars) and recurring-ical-events both read the days the pages show."""
    from tests.test_ics import ical_js

    plan = plan_with(rhythm, start, deadline)
    events = [e for e in ical_js(ics.plan_feed(plan, "plans/camille/plan.yaml", SETTINGS))
              if str(e["summary"]).startswith("[Camille] Relever")]
    assert len(events) == 1
    starts = [date.fromisoformat(str(s)[:10]) for s in events[0]["starts"]]  # type: ignore[attr-defined]
    due = metrics.due_dates(plan.indicators[0], plan.start, plan.objective.deadline)
    assert starts == due
    feed = ics.plan_feed(plan, "plans/camille/plan.yaml", SETTINGS)
    expanded = sorted(e["DTSTART"].dt for e in recurring_ical_events.of(icalendar.Calendar.from_ical(feed))
                      .between(date(2025, 1, 1), date(2029, 1, 1)) if "/releve/" in str(e["UID"]))
    assert expanded == due
