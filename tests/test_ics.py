"""ICS feeds: RFC 5545 shape, stable bytes, and an independent cross-check of the occurrences."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from pac_gen.agenda import ics
from pac_gen.agenda.model import EventKind
from pac_gen.agenda.views import plan_months
from pac_gen.check.validate import check_file
from pac_gen.format.model import Plan
from pac_gen.format.settings import Settings
from tests.conftest import TODAY, check

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings(today=TODAY)

TRICKY = """\
titre: Plan; avec, des "caractères" <spéciaux>
auteur: Zoé
objectif:
  intitule: Vendre plus
  debut: 2027-01-04
  echeance: 2027-08-31
actions:
  - id: appels
    intitule: Appeler les clients
    type: prospection
    lancement: 2027-01-04
    date_limite: 2027-06-30
    taches:
      - tache: Lister les clients
        date_limite: 2027-01-15
      - tache: Lister les clients
        date_limite: 2027-01-20
      - tache: Tâche abandonnée
        date_limite: 2027-02-01
        statut: abandonne
rituels:
  - rituel: Revue du vendredi, CA; CRM
    frequence: hebdomadaire
    jours: [vendredi]
    heure: "14:00"
    debut: 2027-03-17
    fin: 2027-04-09
  - rituel: Clôture du mois
    frequence: mensuelle
    debut: 2027-01-31
    fin: 2027-08-31
  - rituel: Bilan
    rrule: FREQ=MONTHLY;BYDAY=-1FR;COUNT=4
    heure: "17:30"
    debut: 2027-01-01
    fin: 2027-08-31
  - rituel: Relances
    frequence: toutes_les_2_semaines
    jours: [mardi, jeudi]
    moment: soir
    debut: 2027-03-24
    pendant: 6 semaines
  - rituel: Jamais
    frequence: hebdomadaire
    jours: [samedi]
    debut: 2027-03-01
    fin: 2027-03-05
"""


def tricky() -> Plan:
    result = check(TRICKY)
    assert result.errors == [], result.errors
    assert result.plan is not None
    return result.plan


def camille() -> Plan:
    result = check_file(ROOT / "plans/camille/boutique.yaml", SETTINGS)
    assert result.plan is not None
    return result.plan


def events_of(feed: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(feed).walk("VEVENT"))


def test_lines_end_with_crlf_and_calendar_has_required_properties():
    feed = ics.plan_feed(tricky(), "plans/zoe/plan.yaml", SETTINGS)
    assert feed.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pac_gen//Plans d'action commerciaux//FR\r\n")
    assert feed.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in feed.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in feed.split(b"\r\n"))
    text = feed.decode().replace("\r\n ", "")  # unfolded
    assert 'X-WR-CALNAME:Plan\\; avec\\, des "caractères" <spéciaux> — Zoé\r\n' in text
    # Every summary starts with whose plan it is (the same bytes serve the site's feed).
    assert "SUMMARY:[Zoé] Revue du vendredi\\, CA\\; CRM\r\n" in text


def test_two_builds_give_the_same_bytes():
    first = ics.plan_feed(tricky(), "plans/zoe/plan.yaml", SETTINGS)
    ics.vtimezone.cache_clear()
    assert ics.plan_feed(tricky(), "plans/zoe/plan.yaml", SETTINGS) == first


def test_uids_are_stable_and_derived_from_path_and_item():
    events = events_of(ics.plan_feed(tricky(), Path("plans/zoe/plan.yaml"), SETTINGS))
    assert [str(e["UID"]) for e in events] == [
        "plans-zoe-plan-rituel-revue-du-vendredi-ca-crm@pac-gen",
        "plans-zoe-plan-rituel-cloture-du-mois@pac-gen",
        "plans-zoe-plan-rituel-bilan@pac-gen",
        "plans-zoe-plan-rituel-relances@pac-gen",
        # "Jamais" never happens: no event.
        "plans-zoe-plan-lancement-appels@pac-gen",
        "plans-zoe-plan-tache-appels-lister-les-clients@pac-gen",
        "plans-zoe-plan-tache-appels-lister-les-clients-2@pac-gen",
        "plans-zoe-plan-date-limite-appels@pac-gen",
        "plans-zoe-plan-objectif-objectif@pac-gen",
    ]
    assert {e["DTSTAMP"].dt for e in events} == {datetime(2026, 11, 27, tzinfo=UTC)}


def test_rituals_are_recurring_events_starting_on_their_first_real_occurrence():
    events = {str(e["SUMMARY"]): e for e in events_of(ics.plan_feed(tricky(), "plans/zoe/plan.yaml", SETTINGS))}
    revue = events["[Zoé] Revue du vendredi, CA; CRM"]
    # debut is Wednesday 17 March; RFC 5545 would count it, so DTSTART is Friday 19.
    assert revue["DTSTART"].to_ical() == b"20270319T140000"
    assert revue["DTSTART"].params["TZID"] == "Europe/Paris"
    assert revue["RRULE"].to_ical() == b"FREQ=WEEKLY;UNTIL=20270409T120000Z;BYDAY=FR"
    assert revue["DURATION"].dt.total_seconds() == 3600
    bilan = events["[Zoé] Bilan"]
    assert bilan["RRULE"].to_ical() == b"FREQ=MONTHLY;UNTIL=20270430T153000Z;BYDAY=-1FR"
    launch = events["[Zoé] Lancement : Appeler les clients"]
    assert launch["DTSTART"].dt == date(2027, 1, 4)
    assert launch["DTEND"].dt == date(2027, 1, 5)
    assert "Échéance de tâche : Tâche abandonnée" not in events


def test_vtimezone_covers_only_the_years_needed():
    calendar = icalendar.Calendar.from_ical(ics.plan_feed(tricky(), "plans/zoe/plan.yaml", SETTINGS))
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Paris"
    text = zone.to_ical().decode()
    years = {int(y) for y in re.findall(r"(?:DTSTART|RDATE):(\d{4})", text)}
    assert years == {2027}
    assert "This timezone only works from 2027-01-01 to 2028-01-01." in text.replace("\r\n ", "")


def test_feed_without_ritual_has_no_vtimezone():
    plan = tricky().model_copy(update={"rituals": []})
    assert b"VTIMEZONE" not in ics.plan_feed(plan, "plans/zoe/plan.yaml", SETTINGS)


def _page_instants(plan: Plan, path: str) -> set[tuple[str, datetime]]:
    """What the calendar page shows for rituals: (title, UTC start)."""
    found = set()
    for month in plan_months(plan, path, SETTINGS):
        for week in month.weeks:
            for day in week:
                for event in day.events:
                    if event.kind is EventKind.RITUAL:
                        assert event.start is not None
                        moment = datetime.combine(day.day, event.start, tzinfo=SETTINGS.zone)
                        found.add((event.title, moment.astimezone(UTC)))
    return found


def _page_dates(plan: Plan, path: str) -> set[tuple[str, date]]:
    return {(e.title, d.day) for m in plan_months(plan, path, SETTINGS) for w in m.weeks for d in w
            for e in d.events if e.kind is not EventKind.RITUAL}


def _feed_occurrences(feed: bytes) -> tuple[set[tuple[str, datetime]], set[tuple[str, date]]]:
    """The occurrences as a second implementation (recurring-ical-events) reads the feed."""
    calendar = icalendar.Calendar.from_ical(feed)
    timed, all_day = set(), set()
    for event in recurring_ical_events.of(calendar).between(date(2020, 1, 1), date(2035, 1, 1)):
        start = event["DTSTART"].dt
        summary = str(event["SUMMARY"]).split("] ", 1)[1]  # without the "[owner] " the page does not show
        if isinstance(start, datetime):
            timed.add((summary, start.astimezone(UTC)))
        else:
            all_day.add((summary.split(" : ", 1)[1], start))
    return timed, all_day


def test_cross_check_tricky_plan_with_recurring_ical_events():
    plan = tricky()
    timed, all_day = _feed_occurrences(ics.plan_feed(plan, "plans/zoe/plan.yaml", SETTINGS))
    page = _page_instants(plan, "plans/zoe/plan.yaml")
    assert timed == page
    # Spot checks that the comparison is about the right instants.
    assert ("Revue du vendredi, CA; CRM", datetime(2027, 3, 26, 13, tzinfo=UTC)) in timed
    assert ("Revue du vendredi, CA; CRM", datetime(2027, 4, 2, 12, tzinfo=UTC)) in timed
    assert sorted(d.date() for t, d in timed if t == "Clôture du mois") == [
        date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31), date(2027, 7, 31), date(2027, 8, 31)]
    assert sorted(d.date() for t, d in timed if t == "Bilan") == [
        date(2027, 1, 29), date(2027, 2, 26), date(2027, 3, 26), date(2027, 4, 30)]
    assert sorted(d.date() for t, d in timed if t == "Relances") == [
        date(2027, 3, 25), date(2027, 4, 6), date(2027, 4, 8), date(2027, 4, 20), date(2027, 4, 22), date(2027, 5, 4)]
    assert all_day == _page_dates(plan, "plans/zoe/plan.yaml")
    assert len(all_day) == 5  # launch, two tasks sharing a title, action deadline, objective


def test_cross_check_example_plans_with_recurring_ical_events():
    for name in ("camille/boutique", "karim/formations", "lea/cabinet"):
        path = f"plans/{name}.yaml"
        result = check_file(ROOT / path, SETTINGS)
        assert result.plan is not None
        timed, all_day = _feed_occurrences(ics.plan_feed(result.plan, path, SETTINGS))
        assert timed == _page_instants(result.plan, path), name
        assert all_day == _page_dates(result.plan, path), name
    assert _page_instants(camille(), "plans/camille/boutique.yaml")  # the comparison is not of two empty sets


def test_site_feed_prefixes_authors_and_keeps_uids_apart():
    feed = ics.site_feed([("plans/camille/boutique.yaml", camille()), ("plans/zoe/plan.yaml", tricky())], SETTINGS)
    events = events_of(feed)
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "[Camille Lefèvre] Revue de la semaine (CA, commandes, mise à jour du CRM)" in summaries
    assert "[Zoé] Bilan" in summaries
    assert b"X-WR-CALNAME:Calendrier de la promotion\r\n" in feed
    assert len(icalendar.Calendar.from_ical(feed).walk("VTIMEZONE")) == 1


# The site's feeds skip icalendar's fold for lines too short to fold: the bytes
# must stay exactly icalendar's, around the 75-octet limit and with multi-byte text.
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)


@given(summary=_TEXT, description=_TEXT, padding=st.integers(0, 80))
@settings(max_examples=300, deadline=None, derandomize=True)
def test_ics_bytes_are_icalendars_own_bytes(summary: str, description: str, padding: int) -> None:
    event = icalendar.Event()
    event.add("uid", "x" * padding + "@pac-gen")
    event.add("dtstart", date(2027, 1, 4))
    event.add("summary", summary)
    event.add("description", "é" * (padding // 2) + description)
    calendar = icalendar.Calendar()
    calendar.add("prodid", ics.PRODID)
    calendar.add_component(event)
    assert ics.ics_bytes(event) == event.to_ical()
    assert ics.ics_bytes(calendar) == calendar.to_ical()


def test_ics_bytes_fold_exactly_at_the_limit() -> None:
    # 74 octets stay on one line; 75 are folded, as icalendar does.
    for length, folded in ((74, False), (75, True)):
        event = icalendar.Event()
        event.add("summary", "a" * (length - len("SUMMARY:")))
        text = ics.ics_bytes(event)
        assert (b"\r\n " in text) is folded
        assert text == event.to_ical()


def test_english_feed_summaries_use_english_words_and_colons():
    feed = ics.plan_feed(tricky(), "plans/zoe/plan.yaml", Settings(today=TODAY, lang="en"))
    summaries = {str(e["SUMMARY"]) for e in events_of(feed)}
    assert "[Zoé] Task due: Lister les clients" in summaries
    assert "[Zoé] Launch: Appeler les clients" in summaries
    assert not [s for s in summaries if " :" in s]
    french = {str(e["SUMMARY"]) for e in events_of(ics.plan_feed(tricky(), "plans/zoe/plan.yaml", SETTINGS))}
    assert "[Zoé] Échéance de tâche : Lister les clients" in french


def test_the_site_feed_reuses_the_parts_its_build_owns_and_nothing_else():
    plan, path = tricky(), "plans/zoe/plan.yaml"
    parts = ics.FeedParts()
    ics.plan_feed(plan, path, SETTINGS, parts)
    assert ics.site_feed([(path, plan)], SETTINGS, parts) == ics.site_feed([(path, plan)], SETTINGS)
    first, _ = parts.part(plan, path, SETTINGS)
    assert parts.part(plan, path, SETTINGS)[0] is first  # serialised once per build
    assert ics.FeedParts().part(plan, path, SETTINGS)[0] is not first  # nothing shared between builds
