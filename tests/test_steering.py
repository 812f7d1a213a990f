"""Format v1.1, *piloter*: the indicators' rhythm, the follow-up log, motivation, rules 9–11."""

from __future__ import annotations

from datetime import date

import pytest

from pac_gen.cli import main
from pac_gen.format import metrics
from pac_gen.format.model import Rhythm
from tests.conftest import check, codes

HEAD = """\
objectif:
  intitule: Gagner 5 clients
  debut: 2026-03-02
  echeance: 2026-12-31
actions:
  - id: salon
    intitule: Appeler les prospects
    type: prospection
indicateurs:
  - id: appels
    indicateur: Appels
    type: suivi
    valeur_initiale: 0
    valeur_cible: 100
    outil: CRM
  - id: rdv
    indicateur: Rendez-vous
    type: resultat
    valeur_initiale: 0
    valeur_cible: 10
    outil: Agenda
"""
TODAY = date(2026, 6, 1)


def problems(result):
    return [(p.code, p.line, p.column, p.message) for p in result.problems]


def test_every_new_key_in_english_with_key_and_value_normalisation() -> None:
    result = check(HEAD.replace("    outil: Agenda\n", "    outil: Agenda\n    Frequency: BiWeekly\n") + """\
Reviews:
  - Date: 15/04/2026
    Findings: "**Deux** rendez-vous"
    Indicators: [rdv]
    On track: No
    Good-practices: [Appeler le mardi]
    Decisions:
      - Relancer par SMS
      - Decision: Doubler les appels
        Action: salon
        Due: 2026-05-01
Motivation:
  Level: 7
  Boosters: [Travailler à deux]
  In group: yes
  Planned hours: 4.5
""", today=TODAY)
    assert result.problems == []
    plan = result.plan
    assert plan is not None
    assert plan.indicators[1].rhythm is Rhythm.BIWEEKLY
    review = plan.reviews[0]
    assert (review.date, review.indicators, review.on_track) == (date(2026, 4, 15), ["rdv"], False)
    assert review.findings == "**Deux** rendez-vous"
    assert [(d.decision, d.action, d.due) for d in review.decisions] == [
        ("Relancer par SMS", None, None), ("Doubler les appels", "salon", date(2026, 5, 1))]
    motivation = plan.motivation
    assert motivation is not None
    assert (motivation.level, motivation.boosters, motivation.in_group, motivation.planned_hours) == (
        7, ["Travailler à deux"], True, 4.5)


def test_french_keys_with_accents_and_a_decision_written_as_a_number_kept_as_text() -> None:
    result = check(HEAD.replace("    outil: Agenda\n", "    outil: Agenda\n    Périodicité: Mensuelle\n") + """\
suivi:
  - date: 2026-04-15
    cohérent: oui
    bonnes pratiques: [Appeler le mardi]
    décisions: [010]
motivation:
  niveau: 0
  en-groupe: non
""", today=TODAY)
    assert result.errors == []
    plan = result.plan
    assert plan is not None and plan.indicators[1].rhythm is Rhythm.MONTHLY
    assert plan.reviews[0].decisions[0].decision == "010"
    assert plan.motivation is not None and plan.motivation.level == 0


BAD = HEAD.replace("    outil: Agenda\n", "    outil: Agenda\n    periodicite: mensuel\n") + """\
suivi:
  - date: 2026-04-03
    indicateurs: [rdv, inconnu]
    coherent: non
    decisions:
      - decision: Relancer
        action: nope
  - constat: sans date
motivation:
  niveau: 12
  heures_prevues: 0
"""


def test_every_error_at_its_line_and_column_in_french() -> None:
    assert problems(check(BAD, today=TODAY)) == [
        ("E105", 22, 18, "Valeur « mensuel » non reconnue : voulais-tu dire « mensuelle » ? Valeurs possibles : "
                         "hebdomadaire (weekly), toutes_les_2_semaines (biweekly), mensuelle (monthly), "
                         "trimestrielle (quarterly)."),
        ("E212", 25, 24, "Aucun indicateur n'a l'id « inconnu ». Ids existants : appels, rdv."),
        ("E202", 29, 17, "Aucune action n'a l'id « nope ». Ids existants : salon."),
        ("E103", 30, 5, "Il manque la clé obligatoire « date » ici."),
        ("E123", 32, 11, "Niveau « 12 » hors de l'échelle : écris un nombre entier de 0 (aucune envie) à 10 (à fond)."),
        ("E116", 33, 19, "Valeur hors limites : > 0."),
    ]


def test_every_error_in_english() -> None:
    messages = [m for *_, m in problems(check(BAD, lang="en", today=TODAY))]
    assert messages == [
        "Value “mensuel” is not recognised: did you mean “mensuelle”? Allowed values: hebdomadaire (weekly), "
        "toutes_les_2_semaines (biweekly), mensuelle (monthly), trimestrielle (quarterly).",
        "No indicator has the id “inconnu”. Existing ids: appels, rdv.",
        "No action has the id “nope”. Existing ids: salon.",
        "The required key “date” is missing here.",
        "Level “12” is off the scale: write a whole number from 0 (no drive at all) to 10 (fully driven).",
        "Value out of range: > 0.",
    ]


def test_a_level_that_is_not_a_whole_number_and_a_review_date_that_is_not_a_date() -> None:
    result = check(HEAD + "suivi:\n  - date: 31/02/2026\nmotivation:\n  niveau: 7.5\n", today=TODAY)
    assert codes(result) == [("E106b", 23, 11), ("E123", 25, 11)]


def test_unknown_indicator_not_reported_when_an_indicator_was_refused() -> None:
    text = HEAD.replace("    valeur_cible: 10\n", "    valeur_cible: dix\n") + "suivi:\n  - date: 2026-04-03\n    indicateurs: [rdv]\n"
    assert [c for c, *_ in codes(check(text, today=TODAY))] == ["E114"]


def test_v1_plan_has_no_steering() -> None:
    plan = check(HEAD, today=TODAY).plan
    assert plan is not None
    assert (plan.reviews, plan.motivation, plan.indicators[0].rhythm) == ([], None, None)


# --- Rules 9 to 11


def test_rule_9_off_track_without_decision_and_on_track_without_good_practice() -> None:
    result = check(HEAD + """\
suivi:
  - date: 2026-04-03
    coherent: non
  - date: 2026-05-03
    coherent: oui
  - date: 2026-05-10
    coherent: oui
    bonnes_pratiques: [Appeler le mardi]
  - date: 2026-05-20
    coherent: non
    decisions: [Doubler les appels]
  - date: 2026-05-25
""", today=TODAY)
    assert problems(result) == [
        ("W901", 24, 15, "La revue du 3 avril 2026 juge les résultats non cohérents avec l'objectif, sans aucune "
                         "décision : définis ce que tu veux changer."),
        ("W902", 26, 15, "La revue du 3 mai 2026 juge les résultats cohérents, sans aucune bonne pratique : "
                         "identifie ce qui marche."),
    ]


DRIFT = HEAD + """\
    mesures:
      2026-04-30: 1
      2026-05-31: 2
"""


def test_rule_10_drift_at_the_last_two_measurements_without_a_review() -> None:
    result = check(DRIFT + "suivi: []\n", today=TODAY)
    assert problems(result) == [
        ("W1001", 16, 5, "L'indicateur « Rendez-vous » est en retard sur sa trajectoire à ses deux dernières mesures "
                         "(30 avril 2026 et 31 mai 2026), et aucune revue depuis le 30 avril 2026 ne l'examine : les résultats "
                         "dérivent, que vas-tu changer ?"),
    ]


@pytest.mark.parametrize(("review", "raised"), [
    ("  - date: 2026-05-02\n    indicateurs: [rdv]\n", False),  # lists it, after the first of the two
    ("  - date: 2026-05-02\n", False),  # lists no indicator: looks at all
    ("  - date: 2026-04-29\n    indicateurs: [rdv]\n", True),  # before the first of the two
    ("  - date: 2026-05-02\n    indicateurs: [autre]\n", True),  # another indicator
])
def test_rule_10_a_review_since_the_first_of_the_two_that_lists_it_answers(review: str, raised: bool) -> None:
    text = DRIFT.replace("    outil: Agenda\n", "    outil: Agenda\n", 1) + """\
  - id: autre
    indicateur: Autre
    type: suivi
    valeur_initiale: 0
    valeur_cible: 1
    outil: CRM
suivi:
""" + review
    found = [c for c, *_ in codes(check(text, today=TODAY))]
    assert ("W1001" in found) is raised


def test_rule_10_is_asked_only_of_a_plan_that_keeps_a_follow_up_log() -> None:
    assert [c for c, *_ in codes(check(DRIFT, today=TODAY))] == []  # v1: no `suivi` key
    assert [c for c, *_ in codes(check(DRIFT + "suivi: []\n", today=TODAY))] == ["W1001"]


def test_rule_10_one_late_measurement_is_not_a_drift() -> None:
    text = HEAD + "    mesures:\n      2026-04-30: 4\n      2026-05-31: 2\nsuivi: []\n"
    assert codes(check(text, today=TODAY)) == []


def test_rule_11_a_measurement_and_a_review_after_today_are_warned_at_their_date() -> None:
    text = HEAD + "    mesures:\n      2026-05-15: 3\n      2062-05-20: 4\n      2026-07-01: 5\n" + \
        "suivi:\n  - date: 2026-06-02\n"
    assert problems(check(text, today=TODAY)) == [
        # 2062 is after the deadline too: W801 says so, once.
        ("W801", 24, 7, "Mesure datée du 20 mai 2062, après l'échéance de l'objectif (31 décembre 2026)."),
        ("W1101", 25, 7, "Mesure datée du 1 juillet 2026, après aujourd'hui (1 juin 2026) : elle ne compte pas encore. "
                         "Une faute de frappe dans l'année ?"),
        ("W1102", 27, 11, "Revue datée du 2 juin 2026, après aujourd'hui (1 juin 2026) : elle ne compte pas encore. "
                          "Une faute de frappe dans l'année ?"),
    ]


def test_steering_warnings_fail_strict_validation(tmp_path, capsys) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + "suivi:\n  - date: 2026-04-03\n    coherent: non\n", encoding="utf-8")
    assert main(["validate", "--today", "2026-06-01", str(plan)]) == 0
    assert main(["validate", "--strict", "--today", "2026-06-01", str(plan)]) == 1
    assert ":24:15: avertissement : W901 " in capsys.readouterr().out


# --- Overdue measurements: a status


RHYTHM = HEAD.replace("    outil: Agenda\n", "    outil: Agenda\n    periodicite: mensuelle\n")


@pytest.mark.parametrize(("measurements", "today", "next_due", "overdue"), [
    ("", date(2026, 3, 30), date(2026, 4, 2), False),  # no measurement: counted from the start
    ("", date(2026, 4, 3), date(2026, 4, 2), True),
    ("    mesures:\n      2026-04-30: 1\n", date(2026, 5, 30), date(2026, 5, 30), False),  # on the day: not yet
    ("    mesures:\n      2026-04-30: 1\n", date(2026, 5, 31), date(2026, 5, 30), True),
    ("    mesures:\n      2026-01-31: 1\n      2026-12-01: 1\n", date(2026, 3, 5), date(2026, 2, 28), True),
    ("    mesures:\n      2026-12-15: 1\n", date(2026, 12, 20), None, False),  # next one after the deadline
    ("", date(2027, 3, 1), date(2026, 4, 2), False),  # the plan is over: no longer overdue
    ("", date(2026, 2, 1), date(2026, 4, 2), False),  # not started
])
def test_measurement_due_and_overdue(measurements: str, today: date, next_due: date | None, overdue: bool) -> None:
    plan = check(RHYTHM + measurements, today=today).plan
    assert plan is not None
    due = metrics.measurement_due(plan.indicators[1], plan.start, plan.objective.deadline, today)
    assert due == metrics.MeasurementDue(next_due, overdue)
    assert metrics.overdue_indicators(plan, today) == ([plan.indicators[1]] if overdue else [])


def test_overdue_is_never_a_warning() -> None:
    result = check(RHYTHM, today=date(2026, 9, 1))
    plan = result.plan
    assert plan is not None and metrics.overdue_indicators(plan, date(2026, 9, 1))
    assert result.problems == []


def test_no_rhythm_no_due_date() -> None:
    plan = check(HEAD, today=TODAY).plan
    assert plan is not None
    assert metrics.measurement_due(plan.indicators[0], plan.start, plan.objective.deadline, TODAY) is None
    assert metrics.due_dates(plan.indicators[0], plan.start, plan.objective.deadline) == []


@pytest.mark.parametrize(("rhythm", "start", "expected"), [
    (Rhythm.WEEKLY, date(2026, 3, 2), [date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23)]),
    (Rhythm.BIWEEKLY, date(2026, 3, 2), [date(2026, 3, 16), date(2026, 3, 30), date(2026, 4, 13)]),
    (Rhythm.MONTHLY, date(2026, 1, 31), [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]),
    (Rhythm.QUARTERLY, date(2025, 11, 30), [date(2026, 2, 28), date(2026, 5, 30), date(2026, 8, 30)]),
])
def test_due_dates_follow_the_calendar_from_the_start(rhythm: Rhythm, start: date, expected: list[date]) -> None:
    assert [rhythm.due(start, n) for n in (1, 2, 3)] == expected


# --- The trainer's review report


REVIEW_BASE = HEAD.replace("    outil: CRM\n", "    outil: CRM\n    periodicite: hebdomadaire\n    mesures:\n      2026-05-01: 10\n") + """\
suivi:
  - date: 2026-04-03
    coherent: non
    decisions:
      - Relancer par SMS
"""
REVIEW_HEAD = REVIEW_BASE.replace("      - Relancer par SMS\n", """\
      - Relancer par SMS
      - decision: Doubler les appels
        action: salon
        echeance: 2026-06-15
""") + """\
  - date: 2026-05-29
    constat: Deux rendez-vous.
    coherent: oui
    bonnes_pratiques: [Appeler le mardi]
"""


def _review(base: str, head: str):
    from pac_gen.format.settings import Settings
    from pac_gen.review import review

    settings = Settings(today=TODAY)
    before, after = check(base, today=TODAY), check(head, today=TODAY)
    assert before.plan is not None and after.plan is not None, (before.problems, after.problems)
    return review({"plans/p.yaml": before}, {"plans/p.yaml": after}, settings, "main", "")


def test_review_report_lists_new_reviews_decisions_and_overdue_measurements_in_markdown() -> None:
    from pac_gen.review import to_markdown

    report = _review(REVIEW_BASE, REVIEW_HEAD)
    markdown = to_markdown(report, "fr")
    assert "**1 revue ajoutée, 1 décision, 1 relevé en retard**" in markdown
    lines = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert lines == [
        "- Nouvelle revue du 29 mai 2026 : résultats cohérents",
        "- Décision (revue du 3 avr. 2026) : « Doubler les appels » → action « Appeler les prospects », "
        "avant le 15 juin 2026",
        "- ⚠ Relevé en retard : « Appels », attendu le 8 mai 2026",
    ]
    english = to_markdown(report, "en")
    assert "- Decision (review of Apr 3, 2026): “Doubler les appels” → action “Appeler les prospects”, by Jun 15, 2026" in english
    assert "- ⚠ Measurement overdue: “Appels”, due on May 8, 2026" in english


def test_review_report_in_json() -> None:
    from pac_gen.review import report_to_dict

    changes = report_to_dict(_review(REVIEW_BASE, REVIEW_HEAD))["plans"][0]["changes"]
    assert changes == [
        {"kind": "review.added", "name": "2026-05-29", "before": None, "after": "coherent", "date": "2026-05-29"},
        {"kind": "decision.added", "name": "Doubler les appels", "parent": "Appeler les prospects",
         "before": None, "after": "2026-06-15", "date": "2026-04-03"},
        {"kind": "indicator.overdue", "name": "Appels", "before": None, "after": "2026-05-08"},
    ]


def test_review_report_edited_and_removed_reviews() -> None:
    from pac_gen.review import to_markdown

    head = REVIEW_BASE.replace("    coherent: non\n", "    coherent: oui\n    bonnes_pratiques: [SMS]\n") \
        .replace("      - Relancer par SMS\n", "      - Autre chose\n")
    lines = [line for line in to_markdown(_review(REVIEW_HEAD, head), "fr").splitlines() if line.startswith("- ")]
    assert lines == [
        "- Revue du 29 mai 2026 supprimée",
        "- Revue du 3 avr. 2026 : résultats non cohérents → résultats cohérents",
        "- Revue du 3 avr. 2026 : modifiée (bonnes_pratiques)",
        "- Décision (revue du 3 avr. 2026) : « Autre chose »",
        "- Décision retirée (revue du 3 avr. 2026) : « Relancer par SMS »",
        "- Décision retirée (revue du 3 avr. 2026) : « Doubler les appels » → action « Appeler les prospects »",
        "- ⚠ Relevé en retard : « Appels », attendu le 8 mai 2026",
    ]


def test_an_unchanged_plan_is_not_listed_for_its_overdue_measurements_alone() -> None:
    report = _review(REVIEW_BASE, REVIEW_BASE)
    assert report.plans == [] and report.unchanged == 1


# --- Budgets: a small hostile file cannot make the calendars or the charts explode


@pytest.mark.parametrize("rhythm", list(Rhythm))
@pytest.mark.parametrize(("start", "last"), [
    (date(2026, 1, 31), date(2026, 12, 31)), (date(2025, 11, 30), date(2027, 2, 27)), (date(2026, 3, 2), date(2026, 3, 8)),
    (date(2026, 3, 2), date(2026, 3, 2)), (date(2016, 2, 29), date(2026, 2, 28)),
])
def test_counting_due_dates_agrees_with_listing_them(rhythm: Rhythm, start: date, last: date) -> None:
    listed = 0
    while rhythm.due(start, listed + 1) <= last:
        listed += 1
    assert rhythm.due_count(start, last) == listed


def test_too_many_measurements_due_is_an_error_at_the_rhythm_that_goes_past() -> None:
    indicator = ("  - {{indicateur: I{n}, type: suivi, valeur_initiale: 0, valeur_cible: 1, outil: O, "
                 "periodicite: hebdomadaire}}\n")
    text = """\
objectif: {intitule: X, debut: 2020-01-01, echeance: 2029-12-31}
actions: [{intitule: A, type: prospection}]
indicateurs:
""" + "".join(indicator.format(n=n) for n in range(12))
    # 521 weeks each: the tenth indicator takes the plan past 5,000.
    assert problems(check(text, today=TODAY)) == [
        ("E213", 13, 95, "Cette périodicité porte le plan au-delà de 5\u202f000 relevés prévus en tout (les indicateurs "
                         "d'avant en comptent déjà 4\u202f689) : relève moins souvent (mensuelle plutôt qu'hebdomadaire).")]


def test_too_many_reviews_is_an_error_at_the_first_one_past_the_limit() -> None:
    text = HEAD + "suivi:\n" + "".join(f"  - date: 2026-03-{1 + n % 28:02d}\n" for n in range(301))
    assert [c for c in codes(check(text, today=TODAY)) if c[0] == "E214"] == [("E214", 323, 5)]
