"""ICS feeds: RFC 5545 shape, stable bytes, and an independent cross-check of the occurrences."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from pac_gen.agenda import ics
from pac_gen.agenda.model import EventKind
from pac_gen.agenda.views import plan_months
from pac_gen.check.validate import check_bytes, check_file
from pac_gen.format import recurrence
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
    events = events_of(ics.plan_feed(tricky(), Path("zoe/plan.yaml"), SETTINGS))
    assert [str(e["UID"]) for e in events] == [
        "zoe%2Fplan.yaml/rituel/revue-du-vendredi-ca-crm@pac-gen",
        "zoe%2Fplan.yaml/rituel/cloture-du-mois@pac-gen",
        "zoe%2Fplan.yaml/rituel/bilan@pac-gen",
        "zoe%2Fplan.yaml/rituel/relances@pac-gen",
        # "Jamais" never happens: no event.
        "zoe%2Fplan.yaml/lancement/appels@pac-gen",
        "zoe%2Fplan.yaml/tache/appels/lister-les-clients@pac-gen",
        "zoe%2Fplan.yaml/tache/appels/lister-les-clients~2@pac-gen",
        "zoe%2Fplan.yaml/date-limite/appels@pac-gen",
        "zoe%2Fplan.yaml/objectif/objectif@pac-gen",
    ]
    assert {e["DTSTAMP"].dt for e in events} == {datetime(2026, 11, 27, tzinfo=UTC)}


ADVERSARIAL = """\
objectif:
  intitule: Vendre
  debut: 2027-01-04
  echeance: 2027-08-31
actions:
  - id: a
    intitule: A
    type: prospection
    taches:
      - tache: b c
        date_limite: 2027-02-01
  - id: a-b
    intitule: A B
    type: prospection
    taches:
      - tache: c
        date_limite: 2027-02-01
rituels:
  - rituel: x 2
    frequence: hebdomadaire
    debut: 2027-03-01
    pendant: 2 semaines
  - rituel: x
    frequence: hebdomadaire
    debut: 2027-03-01
    pendant: 2 semaines
  - rituel: x
    frequence: hebdomadaire
    debut: 2027-03-01
    pendant: 2 semaines
  - rituel: Revue
    frequence: hebdomadaire
    debut: 2027-03-01
    pendant: 2 semaines
  - id: revue
    rituel: Revue de la semaine
    frequence: hebdomadaire
    debut: 2027-03-01
    pendant: 2 semaines
"""


def test_uids_never_collide_across_plans_or_items():
    # Paths that a slug would merge, or that hide a separator; items whose slugs meet.
    result = check(ADVERSARIAL)
    assert result.errors == [] and result.plan is not None
    names = ["jean-marc/x.yaml", "jean/marc-x.yaml", "jean/marc/x.yaml", "jean%2Fmarc/x.yaml", "Jean/Marc-X.yaml",
             "zoé/a b@c.yaml", "zoe/a b@c.yaml", "x.yaml", "x.yml", "x/yaml"]
    events = events_of(ics.site_feed([(name, result.plan) for name in names], SETTINGS))
    uids = [str(e["UID"]) for e in events if "RECURRENCE-ID" not in e]
    assert len(uids) == len(set(uids)) == len(names) * 8
    # Within a plan: "x 2" is not the second "x"; the derived "revue" yields to the id "revue".
    assert [u.split("/", 1)[1] for u in uids[:8]] == [
        "rituel/x-2@pac-gen", "rituel/x@pac-gen", "rituel/x~2@pac-gen", "rituel/revue~2@pac-gen",
        "rituel/revue@pac-gen", "tache/a/b-c@pac-gen", "tache/a-b/c@pac-gen", "objectif/objectif@pac-gen"]


@given(st.lists(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12), min_size=2, max_size=2,
                unique=True))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_uid_plan_parts_of_different_paths_differ(paths: list[str]) -> None:
    first, second = (p.replace("\\", "/") for p in paths)
    if first != second:
        assert ics.plan_uid_part(first) != ics.plan_uid_part(second)
        assert "/" not in ics.plan_uid_part(first) and "@" not in ics.plan_uid_part(first)


RENAMED = {
    "ritual": ("  - id: revue\n    rituel: Revue du vendredi\n", "  - id: revue\n    rituel: Point de la semaine\n"),
    "task": ("      - id: liste\n        tache: Lister les clients\n", "      - id: liste\n        tache: Lister les prospects\n"),
}

WITH_IDS = """\
objectif:
  intitule: Vendre
  echeance: 2027-08-31
actions:
  - id: appels
    intitule: Appeler
    type: prospection
    taches:
      - id: liste
        tache: Lister les clients
        date_limite: 2027-01-15
  - id: mails
    intitule: Écrire
    type: prospection
rituels:
  - id: revue
    rituel: Revue du vendredi
    frequence: hebdomadaire
    debut: 2027-03-05
    pendant: 3 semaines
"""


def test_an_item_with_an_id_keeps_its_uid_when_renamed_or_moved():
    def uids(text: str) -> dict[str, str]:
        result = check(text)
        assert result.errors == [], result.errors
        assert result.plan is not None
        return {str(e["SUMMARY"]).split("] ", 1)[1]: str(e["UID"])
                for e in events_of(ics.plan_feed(result.plan, "zoe/plan.yaml", SETTINGS))}

    before = uids(WITH_IDS)
    assert before["Revue du vendredi"] == "zoe%2Fplan.yaml/rituel/revue@pac-gen"
    assert before["Échéance de tâche : Lister les clients"] == "zoe%2Fplan.yaml/tache/liste@pac-gen"
    renamed = WITH_IDS
    for old, new in RENAMED.values():
        renamed = renamed.replace(old, new)
    after = uids(renamed)
    assert after["Point de la semaine"] == before["Revue du vendredi"]
    assert after["Échéance de tâche : Lister les prospects"] == before["Échéance de tâche : Lister les clients"]
    # Moved to another action, the task keeps it too.
    task = RENAMED["task"][0] + "        date_limite: 2027-01-15\n"
    moved = WITH_IDS.replace("    taches:\n" + task, "").replace("    type: prospection\nrituels:",
                                               "    type: prospection\n    taches:\n" + task + "rituels:")
    assert moved != WITH_IDS
    assert uids(moved)["Échéance de tâche : Lister les clients"] == before["Échéance de tâche : Lister les clients"]
    # Without an id, the text is the identity: a new text is a new event.
    bare = WITH_IDS.replace("  - id: revue\n    rituel:", "  - rituel:")
    assert uids(bare)["Revue du vendredi"] == "zoe%2Fplan.yaml/rituel/revue-du-vendredi@pac-gen"


def test_ids_of_rituals_and_tasks_are_unique_in_the_plan():
    text = WITH_IDS.replace("      - id: liste\n", "      - id: revue\n")
    result = check(text)
    assert [(p.code, p.line) for p in result.errors] == [("E201", 16)]  # the ritual's, after the task's
    assert "ligne 9" in result.errors[0].message


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
    # Each observance is one yearly rule from the year before (its onset covers 1 January):
    # ical.js reads DTSTART + RRULE right, not a DTSTART with a multi-valued RDATE.
    assert zone.to_ical().decode().split("\r\n") == [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT", "DTSTART:20260329T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
        "BEGIN:STANDARD", "DTSTART:20261025T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZNAME:CET", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
        "END:VTIMEZONE", ""]


def test_vtimezone_rules_that_end_get_until_and_lone_changes_stand_alone():
    # Moscow kept summer time until 2010, stayed on +04 in 2011 and went back to +03 in 2014.
    text = ics.vtimezone("Europe/Moscow", 2010, 2015).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;UNTIL=20101030T230000Z;BYDAY=-1SU;BYMONTH=10\r\n" in text
    assert "RDATE" not in text
    assert re.findall(r"DTSTART:(\d{8})", text) == ["20090329", "20091025", "20110327", "20141026"]
    # A zone without any change keeps the one observance icalendar gives it.
    assert re.findall(r"DTSTART:(\d{8})", ics.vtimezone("Asia/Tokyo", 2027, 2028).to_ical().decode()) == ["20260101"]


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
        # Without the "[owner] " and the "✓ fait" the page does not show (it marks a done task otherwise).
        summary = str(event["SUMMARY"]).split("] ", 1)[1].removesuffix(" ✓ fait")
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


# --- ical.js (Thunderbird, many web calendars), run with the machine's node -----

CLIENTS = ROOT / "tests" / "clients"

ACROSS_CHANGES = """\
auteur: Ana
objectif:
  intitule: Tenir le rythme
  debut: 2027-04-01
  echeance: 2029-12-31
actions:
  - intitule: Relancer
    type: prospection
rituels:
  - rituel: Revue
    frequence: hebdomadaire
    jours: [vendredi]
    heure: "14:00"
    debut: 2027-04-02
    fin: 2028-01-28
  - rituel: Point tôt
    frequence: quotidienne
    heure: "02:30"
    debut: 2028-03-20
    pendant: 3 semaines
  - rituel: Automne
    frequence: quotidienne
    heure: "02:30"
    debut: 2028-10-25
    fin: 2028-11-01
  - rituel: Comptes
    frequence: mensuelle
    moment: soir
    debut: 2028-01-31
    pendant: 2 ans
  - rituel: Toutes les deux semaines
    frequence: toutes_les_2_semaines
    jours: [lundi, jeudi]
    moment: matin
    debut: 2029-02-01
    fin: 2029-11-15
  - rituel: Dernier vendredi
    rrule: FREQ=MONTHLY;BYDAY=-1FR
    heure: "17:30"
    debut: 2029-01-01
    fin: 2029-12-28
"""


def ical_js(feed: bytes) -> list[dict[str, object]]:
    """The feed's events as ical.js 2.2 expands them (tests/clients/ical-expand.mjs)."""
    done = subprocess.run(["node", str(CLIENTS / "ical-expand.mjs")], input=feed, capture_output=True,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def _ical_js_instants(feed: bytes) -> list[tuple[str, datetime]]:
    return sorted((str(e["summary"]).split("] ", 1)[1], datetime.fromisoformat(str(s)))
                  for e in ical_js(feed) for s in e["starts"] if "T" in str(s))  # type: ignore[attr-defined]


def _pages(plan: Plan, path: str, settings: Settings) -> list[tuple[str, datetime]]:
    """The rituals' occurrences as the pages expand them (pac_gen.recurrence), in UTC."""
    keys = {r.ritual: r for r in plan.rituals}
    return sorted((title, o.start.astimezone(UTC)) for title, ritual in keys.items()
                  for o in recurrence.occurrences(ritual, settings.zone, settings.working_day_hours))


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Australia/Sydney"])
def test_ical_js_expands_rituals_across_time_changes_as_the_pages_do(zone):
    zoned = Settings(today=TODAY, timezone=zone)
    result = check_bytes("plans/ana/plan.yaml", ACROSS_CHANGES.encode(), zoned)
    assert result.plan is not None, result.errors
    feed = ics.plan_feed(result.plan, "plans/ana/plan.yaml", zoned)
    pages = _pages(result.plan, "plans/ana/plan.yaml", zoned)
    assert _ical_js_instants(feed) == pages
    calendar = icalendar.Calendar.from_ical(feed)
    assert sorted((str(e["SUMMARY"]).split("] ", 1)[1], e["DTSTART"].dt.astimezone(UTC))
                  for e in recurring_ical_events.of(calendar).between(date(2020, 1, 1), date(2035, 1, 1))
                  if isinstance(e["DTSTART"].dt, datetime)) == pages
    # Whole spans, both changes of each year, and the last occurrence (at UNTIL) kept.
    revue = [d for t, d in pages if t == "Revue"]
    assert len(revue) == 44 and revue[-1].astimezone(zoned.zone).date() == date(2028, 1, 28)
    assert [d.astimezone(zoned.zone).date() for t, d in pages if t == "Dernier vendredi"][-1] == date(2029, 12, 28)
    assert len({d.utcoffset() for t, d in pages}) == 1  # all UTC: the offsets differ only locally
    assert len({d.astimezone(zoned.zone).utcoffset() for t, d in pages if t == "Revue"}) == 2


def test_ical_js_expands_the_example_plans_as_the_pages_do():
    for name in ("camille/boutique", "karim/formations", "lea/cabinet"):
        path = f"plans/{name}.yaml"
        result = check_file(ROOT / path, SETTINGS)
        assert result.plan is not None
        feed = ics.plan_feed(result.plan, path, SETTINGS)
        assert _ical_js_instants(feed) == _pages(result.plan, path, SETTINGS), name
        assert sorted(_ical_js_instants(feed)) == sorted(_feed_occurrences(feed)[0]), name


def test_ical_js_misplaced_events_with_icalendars_rdate_vtimezone():
    # The check above can fail: with from_tzid's DTSTART + RDATE observances, ical.js 2.2
    # puts the autumn occurrences of the examples one hour late.
    result = check_file(ROOT / "plans/camille/boutique.yaml", SETTINGS)
    assert result.plan is not None
    feed = ics.plan_feed(result.plan, "plans/camille/boutique.yaml", SETTINGS)
    calendar = icalendar.Calendar.from_ical(feed)
    (zone,) = calendar.walk("VTIMEZONE")
    first = min(int(y) for y in re.findall(r"DTSTART:(\d{4})", zone.to_ical().decode())) + 1
    old = icalendar.Timezone.from_tzid("Europe/Paris", first_date=date(first, 1, 1), last_date=date(first + 2, 1, 1))
    calendar.subcomponents = [old if c is zone else c for c in calendar.subcomponents]
    wrong = set(_ical_js_instants(calendar.to_ical())) - set(_pages(result.plan, "plans/camille/boutique.yaml",
                                                                     SETTINGS))
    assert wrong


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


PAGE = "https://formation.exemple.fr/promo/plans/zoe/plan/"


def test_a_done_task_says_so_in_its_summary_in_both_languages():
    plan = camille()
    done = [t.task for a in plan.actions for t in a.tasks if t.status.value == "fait" and t.due]
    assert done  # the example has finished tasks
    for lang, mark in (("fr", " ✓ fait"), ("en", " ✓ done")):
        feed = ics.plan_feed(plan, "camille/boutique.yaml", Settings(today=TODAY, lang=lang))
        marked = {str(e["SUMMARY"]).split(": ", 1)[1].removesuffix(mark) for e in events_of(feed)
                  if str(e["SUMMARY"]).endswith(mark)}
        assert marked == set(done), lang
    # A task not done, and every other kind of event, carries no mark.
    summaries = [str(e["SUMMARY"]) for e in events_of(ics.plan_feed(tricky(), "zoe/plan.yaml", SETTINGS))]
    assert "[Zoé] Échéance de tâche : Lister les clients" in summaries
    assert not [s for s in summaries if "✓" in s]


def test_every_event_links_to_its_plan_page_only_when_the_address_is_known():
    feed = ics.plan_feed(tricky(), "zoe/plan.yaml", SETTINGS, page_url=PAGE)
    events = events_of(feed)
    assert len(events) > 5
    for event in events:
        assert str(event["URL"]) == PAGE, event["SUMMARY"]
        assert str(event["DESCRIPTION"]).split("\n")[-1] == PAGE
    rituals = [e for e in events if "/rituel/" in str(e["UID"])]
    assert str(rituals[0]["DESCRIPTION"]) == f'Plan; avec, des "caractères" <spéciaux>\n{PAGE}'
    assert feed.count(b"\r\nURL:" + PAGE.encode() + b"\r\n") == len(events)
    plain = ics.plan_feed(tricky(), "zoe/plan.yaml", SETTINGS)
    assert b"URL" not in plain.replace(b"X-WR-CALNAME", b"")
    assert b"https://" not in plain


def test_the_site_feed_gives_each_plan_its_own_page_and_reuses_parts_per_address():
    plan, other = tricky(), camille()
    urls = {"zoe/plan.yaml": PAGE, "camille/boutique.yaml": "https://x.fr/plans/camille/boutique/"}
    parts = ics.FeedParts()
    feed = ics.site_feed([("zoe/plan.yaml", plan), ("camille/boutique.yaml", other)], SETTINGS, parts, urls)
    by_plan = {str(e["UID"]).split("/", 1)[0]: str(e["URL"]) for e in events_of(feed)}
    assert by_plan == {"zoe%2Fplan.yaml": PAGE, "camille%2Fboutique.yaml": "https://x.fr/plans/camille/boutique/"}
    # A part made without the address is not reused for a feed with it.
    assert b"URL" not in parts.part(plan, "zoe/plan.yaml", SETTINGS)[0]


def test_ical_js_and_recurring_ical_events_read_the_done_mark_and_the_page_link():
    plan = camille()
    feed = ics.plan_feed(plan, "camille/boutique.yaml", SETTINGS, page_url=PAGE)
    read = ical_js(feed)
    assert read and all(e["url"] == PAGE for e in read)
    assert all(str(e["description"]).endswith("\n" + PAGE) for e in read)
    assert [e for e in read if str(e["summary"]).endswith(" ✓ fait")]
    # Every occurrence of a recurring event keeps the link.
    occurrences = recurring_ical_events.of(icalendar.Calendar.from_ical(feed)).between(date(2020, 1, 1),
                                                                                      date(2035, 1, 1))
    assert len(occurrences) > len(read)
    assert {str(o["URL"]) for o in occurrences} == {PAGE}
