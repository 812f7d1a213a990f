"""Ritual expansion: the words and rrule, pendant/fin, DST, month ends."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from pac_gen.format import recurrence
from pac_gen.format.model import Plan, Ritual
from tests.conftest import check

PARIS = ZoneInfo("Europe/Paris")

BASE = """\
objectif:
  intitule: Vendre plus
  debut: 2026-09-01
  echeance: 2027-12-31
actions:
  - intitule: Prospecter
    type: prospection
rituels:
"""


def plan_of(ritual_yaml: str) -> Plan:
    """A valid plan whose only ritual is ``ritual_yaml`` (lines indented under ``- ``)."""
    lines = ritual_yaml.strip().splitlines()
    text = BASE + "  - " + lines[0] + "\n" + "".join(f"    {line}\n" for line in lines[1:])
    result = check(text)
    assert result.errors == [], result.errors
    assert result.plan is not None
    return result.plan


def ritual_of(ritual_yaml: str) -> Ritual:
    return plan_of(ritual_yaml).rituals[0]


def starts(ritual: Ritual) -> list[datetime]:
    return [o.start for o in recurrence.occurrences(ritual, PARIS)]


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def test_weekly_friday_for_12_weeks_happens_12_times():
    ritual = ritual_of("""
rituel: Revue
frequence: hebdomadaire
jours: [vendredi]
moment: apres_midi
debut: 2026-09-04
pendant: 12 semaines
""")
    found = starts(ritual)
    assert len(found) == 12
    assert found[0] == local(2026, 9, 4, 14)
    assert found[-1] == local(2026, 11, 20, 14)
    assert recurrence.last_day(ritual) == date(2026, 11, 26)


def test_weekly_without_days_happens_on_the_weekday_of_debut_and_fin_is_included():
    ritual = ritual_of("""
rituel: Point
frequence: hebdomadaire
heure: "08:30"
debut: 2026-09-02
fin: 2026-09-23
""")
    assert starts(ritual) == [local(2026, 9, d, 8, 30) for d in (2, 9, 16, 23)]  # Wednesdays, 23 included


def test_debut_is_the_first_possible_day_not_an_occurrence():
    ritual = ritual_of("""
rituel: Revue
frequence: hebdomadaire
jours: [vendredi]
debut: 2026-09-02
fin: 2026-09-18
""")
    assert starts(ritual) == [local(2026, 9, 4, 9), local(2026, 9, 11, 9), local(2026, 9, 18, 9)]


def test_biweekly_tuesdays():
    ritual = ritual_of("""
rituel: Relances
frequence: toutes_les_2_semaines
jours: [mardi]
moment: apres_midi
debut: 2026-11-03
fin: 2027-01-26
""")
    assert [d.date() for d in starts(ritual)] == [
        date(2026, 11, 3), date(2026, 11, 17), date(2026, 12, 1), date(2026, 12, 15),
        date(2026, 12, 29), date(2027, 1, 12), date(2027, 1, 26)]


def test_daily_on_weekdays_with_pendant_in_days():
    ritual = ritual_of("""
rituel: Story
frequence: quotidienne
jours: [lundi, mardi, mercredi, jeudi, vendredi]
moment: matin
duree: 30 min
debut: 2026-10-09
pendant: 10 jours
""")
    occurrences = recurrence.occurrences(ritual, PARIS)
    # 9 Oct (Fri) to 18 Oct (Sun) included: Fri 9, Mon 12 … Fri 16.
    assert [o.start.day for o in occurrences] == [9, 12, 13, 14, 15, 16]
    assert occurrences[0].end == local(2026, 10, 9, 9, 30)


def test_monthly_on_the_31st_skips_short_months():
    ritual = ritual_of("""
rituel: Clôture du mois
frequence: mensuelle
debut: 2027-01-31
fin: 2027-08-31
""")
    assert [d.date() for d in starts(ritual)] == [
        date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31), date(2027, 7, 31), date(2027, 8, 31)]


def test_monthly_with_a_day_is_the_first_such_weekday():
    ritual = ritual_of("""
rituel: Newsletter
frequence: mensuelle
jours: [lundi]
debut: 2026-09-01
fin: 2026-12-31
""")
    assert [d.day for d in starts(ritual)] == [7, 5, 2, 7]


def test_rrule_last_friday_of_the_month():
    ritual = ritual_of("""
rituel: Bilan
rrule: FREQ=MONTHLY;BYDAY=-1FR
heure: "17:00"
debut: 2026-09-01
fin: 2026-12-31
""")
    assert starts(ritual) == [local(2026, 9, 25, 17), local(2026, 10, 30, 17), local(2026, 11, 27, 17),
                              local(2026, 12, 25, 17)]


def test_rrule_with_count_stops_at_count_or_fin_without_dateutil_warning():
    ritual = ritual_of("""
rituel: Appels
rrule: FREQ=WEEKLY;BYDAY=MO;COUNT=3
debut: 2026-09-01
fin: 2026-12-31
""")
    assert [d.date() for d in starts(ritual)] == [date(2026, 9, 7), date(2026, 9, 14), date(2026, 9, 21)]
    short = ritual_of("""
rituel: Appels
rrule: FREQ=WEEKLY;BYDAY=MO;COUNT=30
debut: 2026-09-01
fin: 2026-09-15
""")
    assert [d.date() for d in starts(short)] == [date(2026, 9, 7), date(2026, 9, 14)]


def test_rrule_until_and_dtstart_in_the_text_are_ignored():
    ritual = ritual_of("""
rituel: Appels
rrule: RRULE:FREQ=DAILY;UNTIL=20300101T000000Z
debut: 2026-09-01
fin: 2026-09-03
""")
    assert recurrence.rule_text(ritual) == "FREQ=DAILY"
    assert len(starts(ritual)) == 3


def test_dst_end_of_march_keeps_the_local_hour_and_moves_the_utc_instant():
    ritual = ritual_of("""
rituel: Revue
frequence: hebdomadaire
jours: [vendredi]
heure: "14:00"
debut: 2027-03-19
fin: 2027-04-09
""")
    found = starts(ritual)
    assert [d.time() for d in found] == [time(14)] * 4
    assert [d.astimezone(UTC) for d in found] == [
        datetime(2027, 3, 19, 13, tzinfo=UTC), datetime(2027, 3, 26, 13, tzinfo=UTC),
        datetime(2027, 4, 2, 12, tzinfo=UTC), datetime(2027, 4, 9, 12, tzinfo=UTC)]


def test_daily_ritual_ending_on_march_31st():
    ritual = ritual_of("""
rituel: Messages
frequence: quotidienne
heure: "09:00"
debut: 2027-03-27
fin: 2027-03-31
""")
    found = starts(ritual)
    assert found[-1] == local(2027, 3, 31, 9)
    assert [d.astimezone(UTC).hour for d in found] == [8, 7, 7, 7, 7]  # 28 March: summer time


@pytest.mark.parametrize(("span", "last"), [
    ("3 mois", date(2026, 12, 3)), ("2 semaines", date(2026, 9, 17)), ("1 an", date(2027, 9, 3)),
])
def test_pendant_counts_from_debut_end_excluded(span: str, last: date):
    ritual = ritual_of(f"""
rituel: Revue
frequence: hebdomadaire
debut: 2026-09-04
pendant: {span}
""")
    assert recurrence.last_day(ritual) == last


@pytest.mark.parametrize("rule", ["FREQ=HOURLY", "FREQ=MINUTELY;BYHOUR=9", "freq=secondly"])
def test_a_rule_finer_than_a_day_is_refused(rule):
    # 100 FREQ=MINUTELY rituals took 99 s to build; a ritual happens at most daily.
    with pytest.raises(recurrence.TooFine):
        recurrence.check_rule_text(rule)


@pytest.mark.parametrize("rule", ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;BYSETPOS=2",
                                  "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31"])
def test_a_rule_that_never_matches_is_scanned_only_up_to_its_last_day(rule, monkeypatch):
    # dateutil compares UNTIL only with the occurrences it finds: unbounded, these
    # rules were scanned day by day up to year 9999 (10 to 40 s each).
    import dateutil.rrule
    years = []
    rebuild = dateutil.rrule._iterinfo.rebuild

    def spy(self, year, month):
        years.append(year)
        return rebuild(self, year, month)

    monkeypatch.setattr(dateutil.rrule._iterinfo, "rebuild", spy)
    ritual = ritual_of(f"""
rituel: Jamais
rrule: {rule}
debut: 2026-01-01
fin: 2027-12-31
""")
    assert recurrence.occurrences(ritual, PARIS) == []
    assert years and max(years) <= 2027


def test_occurrences_through_a_day_are_the_prefix_up_to_that_day():
    ritual = ritual_of("""
rituel: Point
frequence: hebdomadaire
jours: [lundi, jeudi]
debut: 2026-09-01
fin: 2027-08-31
""")
    every = recurrence.occurrences(ritual, PARIS)
    through = recurrence.occurrences(ritual, PARIS, through=date(2026, 10, 15))
    assert through == [o for o in every if o.start.date() <= date(2026, 10, 15)]
    assert [o.start.date() for o in through[-2:]] == [date(2026, 10, 12), date(2026, 10, 15)]
