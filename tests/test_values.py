"""Every form of date, duration, span, money, time, boolean and key the format accepts."""

from datetime import date, time
from decimal import Decimal

import pytest

from pac_gen.format.values import (
    SpanUnit,
    ValueProblem,
    normalize_word,
    parse_bool,
    parse_date,
    parse_duration,
    parse_money,
    parse_span,
    parse_time,
    slugify,
)
from tests.conftest import check, codes


@pytest.mark.parametrize(("text", "expected"), [
    ("2023-06-15", date(2023, 6, 15)), ("15/06/2023", date(2023, 6, 15)), ("5/6/2023", date(2023, 6, 5)),
    ("2024-02-29", date(2024, 2, 29)), ("29/02/2024", date(2024, 2, 29)), (" 2023-06-15 ", date(2023, 6, 15)),
])
def test_accepted_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("31/02/2024", "E106b"), ("2023-02-29", "E106b"), ("2023-13-01", "E106b"), ("00/01/2024", "E106b"),
    ("15-06-2023", "E106"), ("2023/06/15", "E106"), ("15 juin 2023", "E106"), ("06/15/23", "E106"), ("", "E106"),
])
def test_refused_dates(text, code):
    with pytest.raises(ValueProblem) as caught:
        parse_date(text)
    assert caught.value.code == code


@pytest.mark.parametrize(("text", "minutes", "days"), [
    ("2h", 120, "0"), ("1h30", 90, "0"), ("1 h 30", 90, "0"), ("30 min", 30, "0"), ("45min", 45, "0"),
    ("1,5 h", 90, "0"), ("2 heures", 120, "0"),
    ("½ journée", 0, "0.5"), ("1/2 journée", 0, "0.5"), ("demi-journée", 0, "0.5"), ("Demi journée", 0, "0.5"),
    ("1 jour", 0, "1"), ("2 jours", 0, "2"), ("0.5 j", 0, "0.5"), ("0,5 j", 0, "0.5"),
    ("1 semaine", 0, "5"), ("2 semaines", 0, "10"),
    ("half day", 0, "0.5"), ("1 day", 0, "1"), ("3 days", 0, "3"), ("1 week", 0, "5"), ("2 hours", 120, "0"),
])
def test_accepted_durations(text, minutes, days):
    duration = parse_duration(text)
    assert duration.minutes == minutes
    assert duration.working_days == Decimal(days)
    assert str(duration) == text.strip()


def test_duration_in_hours_depends_on_the_working_day():
    assert parse_duration("1 jour").hours() == 7
    assert parse_duration("½ journée").hours(8) == 4
    assert parse_duration("1 semaine").hours() == 35
    assert parse_duration("1h30").hours() == 1.5


@pytest.mark.parametrize("text", ["trois heures", "1h75", "2", "h", "1 mois", "", "-2h"])
def test_refused_durations(text):
    with pytest.raises(ValueProblem) as caught:
        parse_duration(text)
    assert caught.value.code == "E107"


@pytest.mark.parametrize(("text", "count", "unit"), [
    ("3 mois", 3, SpanUnit.MONTHS), ("8 semaines", 8, SpanUnit.WEEKS), ("10 jours", 10, SpanUnit.DAYS),
    ("3 months", 3, SpanUnit.MONTHS), ("8 weeks", 8, SpanUnit.WEEKS), ("10 days", 10, SpanUnit.DAYS),
    ("1 month", 1, SpanUnit.MONTHS), ("1 semaine", 1, SpanUnit.WEEKS), ("1 an", 1, SpanUnit.YEARS),
    ("12 Semaines", 12, SpanUnit.WEEKS),
])
def test_accepted_spans(text, count, unit):
    span = parse_span(text)
    assert (span.count, span.unit) == (count, unit)


@pytest.mark.parametrize("text", ["3", "trois mois", "0 mois", "3 lunes", "2h", ""])
def test_refused_spans(text):
    with pytest.raises(ValueProblem) as caught:
        parse_span(text)
    assert caught.value.code == "E108"


@pytest.mark.parametrize(("value", "expected"), [
    (1500, Decimal(1500)), (1500.5, Decimal("1500.5")), ("1 500", Decimal(1500)), ("1500,50 €", Decimal("1500.50")),
    ("1\u202f500", Decimal(1500)), (0, Decimal(0)),
])
def test_accepted_money(value, expected):
    assert parse_money(value) == expected


@pytest.mark.parametrize("value", [-1, "beaucoup", True, "1.2.3", float("inf")])
def test_refused_money(value):
    with pytest.raises(ValueProblem):
        parse_money(value)


@pytest.mark.parametrize(("text", "expected"), [("14:00", time(14)), ("9:30", time(9, 30)), ("9h30", time(9, 30))])
def test_accepted_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "14:60", "14", "deux heures"])
def test_refused_times(text):
    with pytest.raises(ValueProblem):
        parse_time(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("oui", True), ("Non", False), ("yes", True), ("no", False), ("true", True), ("false", False), (True, True),
])
def test_booleans(text, expected):
    assert parse_bool(text) is expected


@pytest.mark.parametrize(("written", "canonical"), [
    ("Date limite", "date_limite"), ("date-limite", "date_limite"), ("date_limite", "date_limite"),
    ("échéance", "echeance"), ("ÉCHÉANCE", "echeance"), ("Moyens à prévoir", "moyens_a_prevoir"),
    ("dépend de moi", "depend_de_moi"), ("  Fait le ", "fait_le"),
])
def test_key_normalisation(written, canonical):
    assert normalize_word(written) == canonical


def test_slugify():
    assert slugify("Boutique en ligne") == "boutique-en-ligne"
    assert slugify("Salon « Créateurs » 2026 !") == "salon-createurs-2026"
    assert slugify("!!!") == "sans-titre"


FRENCH = """\
titre: Plan
Objectif:
  Intitulé: Vendre plus
  Échéance: 31/12/2026
  début: 2026-01-01
  phase: Développement
actions:
  - intitulé: Boutique
    type: Fidélisation
    horizon: Court
    Date limite: 30/06/2026
    moyens-à-prévoir: [Shopify]
    loi des nombres: {résultat visé: 3, volume prévu: 6, unité: ventes}
    tâches:
      - tâche: Photos
        durée: ½ journée
        statut: En cours
        fait le: 01/02/2026
rituels:
  - rituel: Bilan
    fréquence: Toutes les 2 semaines
    jours: [Vendredi]
    moment: après-midi
    début: 2026-01-02
    pendant: 3 mois
    domaine: Entreprise
"""

ENGLISH = """\
title: Plan
objective:
  statement: Vendre plus
  deadline: 2026-12-31
  start: 2026-01-01
  stage: growth
actions:
  - title: Boutique
    kind: retention
    term: short
    due: 2026-06-30
    means_needed: [Shopify]
    law_of_numbers: {target_result: 3, planned_volume: 6, unit: ventes}
    tasks:
      - task: Photos
        duration: half day
        status: doing
        done_on: 2026-02-01
rituals:
  - ritual: Bilan
    frequency: biweekly
    days: [friday]
    time_of_day: afternoon
    start: 2026-01-02
    for: 3 months
    domain: business
"""


def test_french_and_english_keys_give_the_same_plan():
    french, english = check(FRENCH), check(ENGLISH)
    assert french.errors == [] and english.errors == []
    assert french.plan is not None and english.plan is not None
    # Durations and spans keep the text as written (for display); everything else is equal.
    written = {"rituals": {0: {"span"}}, "actions": {0: {"tasks": {0: {"duration"}}}}}
    assert french.plan.model_dump(exclude=written) == english.plan.model_dump(exclude=written)
    assert (french.plan.rituals[0].span.count, french.plan.rituals[0].span.unit) == (3, SpanUnit.MONTHS)
    assert (english.plan.rituals[0].span.count, english.plan.rituals[0].span.unit) == (3, SpanUnit.MONTHS)
    assert english.plan.actions[0].tasks[0].duration.working_days == Decimal("0.5")
    plan = french.plan
    assert plan.objective.stage.value == "developpement"
    assert plan.actions[0].kind.value == "fidelisation"
    assert plan.actions[0].due == date(2026, 6, 30)
    assert plan.actions[0].law_of_numbers.planned_volume == 6
    assert plan.actions[0].tasks[0].status.value == "en_cours"
    assert plan.actions[0].tasks[0].duration.working_days == Decimal("0.5")
    assert plan.rituals[0].frequency.value == "toutes_les_2_semaines"
    assert [d.value for d in plan.rituals[0].days] == ["vendredi"]
    assert plan.rituals[0].time_of_day.value == "apres_midi"


def test_mixing_languages_is_fine_but_not_the_same_key_twice():
    assert codes(check(ENGLISH.replace("  deadline: 2026-12-31\n", "  deadline: 2026-12-31\n  échéance: 2026-12-31\n"))) \
        == [("E102", 5, 3)]


def test_measurements_as_mapping_or_list_are_the_same():
    head = "objectif: {intitule: x, echeance: 2026-12-31}\nactions: [{intitule: a, type: communication}]\n"
    indicator = "indicateurs:\n  - {indicateur: CA, type: resultat, valeur_initiale: 0, valeur_cible: 10, mesures: %s}\n"
    as_map = check(head + indicator % "{2026-03-31: 4, 30/06/2026: 7.5}")
    as_list = check(head + indicator % "[{date: 2026-03-31, valeur: 4}, {date: 30/06/2026, value: 7.5}]")
    assert as_map.errors == [] and as_list.errors == []
    assert as_map.plan.indicators[0].measurements == as_list.plan.indicators[0].measurements
    assert [(m.date, m.value) for m in as_map.plan.indicators[0].measurements] == [
        (date(2026, 3, 31), 4.0), (date(2026, 6, 30), 7.5)]


def test_add_months_clips_to_the_end_of_the_month_like_relativedelta() -> None:
    from datetime import date, timedelta

    from dateutil.relativedelta import relativedelta

    from pac_gen.format.values import add_months

    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 12) == date(2027, 12, 15)
    day = date(2026, 1, 1)
    for _ in range(800):  # every day of two years, 0 to 25 months ahead
        for months in (0, 1, 2, 3, 11, 12, 13, 25):
            assert add_months(day, months) == day + relativedelta(months=months)
        day += timedelta(days=1)


def test_one_folding_for_keys_words_ids_and_html_ids() -> None:
    from pac_gen.format.values import fold, normalize_word, slug_words, slugify

    assert fold("Échéance ½ JOURNÉE") == "echeance 1/2 journee"
    assert normalize_word("  Date-limite ") == "date_limite"
    assert normalize_word("aujourd’hui") == "aujourd_hui"
    assert slug_words("Été 2026 : bilan !") == "ete-2026-bilan"
    assert slugify("½ journée") == "1-2-journee"
    assert slugify("!!!") == "sans-titre"
    assert slugify("a" * 100) == "a" * 80


def test_shape_child_steps_through_models_lists_dicts_and_measurements() -> None:
    from pac_gen.format.model import Indicator, Measurement, Plan
    from pac_gen.format.normalize import Shape

    plan = Shape("model", model=Plan)
    actions = plan.child("Actions")
    assert actions is not None and actions.kind == "list"
    assert plan.child("échéance") is None  # not a key of the top level
    indicators = plan.child("indicators")  # the English alias
    assert indicators is not None and indicators.child(0) == Shape("model", model=Indicator)
    measurements = Shape("model", model=Indicator).child("mesures")
    assert measurements is not None and measurements.child(3) == Shape("model", model=Measurement)
    week = plan.child("semaine_ideale")
    assert week is not None and week.kind == "dict" and week.child("lundi") == week.item
    text = Shape("model", model=Plan).child("titre")
    assert text is not None and text.child("x") is None
