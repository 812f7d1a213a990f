"""Issue 21 §2: mistakes that passed silently are warnings at their line (W1201…W1207)."""

from __future__ import annotations

from datetime import date

import pytest

from pac_gen.cli.new_plan import default_answers, render_plan
from pac_gen.format import examples
from pac_gen.text import text
from tests.conftest import check

# The learner: a plan running from 2 Nov 2026 to 30 Jun 2027, checked on 3 Dec 2026.
TODAY = date(2026, 12, 3)
PLAN = """\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    horizon: court
    lancement: 2026-11-02
    date_limite: 2027-01-31
    taches:
      - tache: Préparer la liste d'appels
        date_limite: 2026-11-20
        statut: fait
        fait_le: 2026-11-18
indicateurs:
  - indicateur: Clients signés
    type: resultat
    unite: clients
    valeur_initiale: 0
    valeur_cible: 5
    outil: Excel
  - indicateur: Appels passés
    type: suivi
    valeur_initiale: 0
    valeur_cible: 60
    outil: CRM
    mesures:
      2026-11-30: 12
"""


def found(plan: str, lang: str = "fr", today: date = TODAY) -> list[tuple[str, int, int, str]]:
    result = check(plan, lang=lang, today=today)
    assert result.errors == [], result.errors
    return [(p.code, p.line, p.column, p.message) for p in result.warnings]


def test_the_plan_without_mistakes_has_no_warning() -> None:
    assert found(PLAN) == []


def test_the_course_example_date_copied_in_a_task_is_w1201_at_its_line() -> None:
    plan = PLAN.replace("date_limite: 2026-11-20", "date_limite: 15/06/2023")
    assert found(plan) == [("W1201", 13, 22, "Date du 15 juin 2023, plus d'un an avant le début du plan "
                                            "(2 novembre 2026) : une date d'exemple recopiée, ou une faute dans l'année ?")]
    # Said once: neither W1203 (due before the start) nor any other date rule repeats it.
    assert found(plan, lang="en") == [("W1201", 13, 22, "Date June 15, 2023, more than a year before the plan starts "
                                                        "(November 2, 2026): an example date copied, or a typo in the year?")]


@pytest.mark.parametrize(("old", "new", "line", "column"), [
    ("lancement: 2026-11-02", "lancement: 2023-11-02\n    # (debut given)", 9, 16),
    ("date_limite: 2027-01-31", "date_limite: 2025-01-31", 10, 18),
    ("fait_le: 2026-11-18", "fait_le: 2023-11-18", 15, 18),
    ("2026-11-30: 12", "2023-11-30: 12", 29, 7),
])
def test_w1201_covers_every_date_of_actions_tasks_and_measurements(old: str, new: str, line: int, column: int) -> None:
    codes = [(code, at_line, at_column) for code, at_line, at_column, _ in found(PLAN.replace(old, new))]
    assert ("W1201", line, column) in codes
    assert "W802" not in {c for c, _, _ in codes}  # a measurement years early is W1201 only


def test_a_date_less_than_a_year_before_the_start_is_not_w1201() -> None:
    plan = PLAN.replace("date_limite: 2026-11-20", "date_limite: 2025-11-03")  # 364 days before
    assert [c for c, *_ in found(plan)] == ["W1203"]


def test_w1202_action_due_before_the_plan_starts() -> None:
    plan = PLAN.replace("date_limite: 2027-01-31", "date_limite: 2026-10-15")
    warned = found(plan)
    assert ("W1202", 10, 18, "L'action « Appeler les prospects du salon » est due le 15 octobre 2026, "
                             "avant le début du plan (2 novembre 2026).") in warned
    # The same date also puts the launch after the deadline, and the task after its action: both still said.
    assert [c for c, *_ in warned] == ["W105", "W1202", "W104"]


def test_w1203_task_due_before_the_plan_starts() -> None:
    plan = PLAN.replace("date_limite: 2026-11-20", "date_limite: 20/10/2026")
    assert found(plan) == [("W1203", 13, 22, "La tâche « Préparer la liste d'appels » est due le 20 octobre 2026, "
                                             "avant le début du plan (2 novembre 2026).")]


def test_w1204_done_after_today_depends_on_the_pinned_today() -> None:
    plan = PLAN.replace("fait_le: 2026-11-18", "fait_le: 2027-01-12")
    assert found(plan) == [("W1204", 15, 18, "La tâche « Préparer la liste d'appels » est marquée faite le "
                                             "12 janvier 2027, après aujourd'hui (3 décembre 2026) : une faute de "
                                             "frappe dans la date ?")]
    assert found(plan, today=date(2027, 1, 12)) == []


def test_w1205_done_before_the_plan_starts() -> None:
    plan = PLAN.replace("fait_le: 2026-11-18", "fait_le: 28/10/2026")
    assert found(plan) == [("W1205", 15, 18, "La tâche « Préparer la liste d'appels » est marquée faite le "
                                             "28 octobre 2026, avant le début du plan (2 novembre 2026).")]


def test_w1206_target_equal_to_the_initial_value_shows_it_like_the_pages() -> None:
    plan = PLAN.replace("valeur_initiale: 0\n    valeur_cible: 5", "valeur_initiale: 1500\n    valeur_cible: 1500.0")
    assert found(plan) == [("W1206", 21, 19, "L'indicateur « Clients signés » a une valeur cible égale à sa valeur "
                                             "initiale (1\u202f500\u00a0clients) : il n'y a rien à atteindre.")]


def test_w1207_each_kind_of_example_content_at_its_line() -> None:
    plan = (PLAN.replace("Préparer la liste d'appels", "Préparer la première étape")
            .replace("    taches:", "    loi_des_nombres:\n      resultat_vise: 3\n      volume_prevu: 9\n"
                                    "      unite: rendez-vous\n    taches:")
            + "freins:\n  - frein: Manque de temps pour prospecter\n    causes: [Le travail de production passe "
              "toujours en premier]\n    solutions: [Bloquer deux demi-journées de prospection dans l'agenda]\n")
    assert found(plan) == [
        ("W1207", 12, 7, "Contenu d'exemple non modifié : « loi des nombres : 3 rendez-vous visés, 9 prévus » a été "
                         "écrit par pac-gen new, pas par toi."),
        ("W1207", 16, 16, "Contenu d'exemple non modifié : « Préparer la première étape » a été écrit par pac-gen new, "
                          "pas par toi."),
        ("W1207", 35, 12, "Contenu d'exemple non modifié : « Manque de temps pour prospecter » a été écrit par "
                          "pac-gen new, pas par toi."),
        ("W1207", 36, 14, "Contenu d'exemple non modifié : « Le travail de production passe toujours en premier » a "
                          "été écrit par pac-gen new, pas par toi."),
        ("W1207", 37, 17, "Contenu d'exemple non modifié : « Bloquer deux demi-journées de prospection dans l'agenda » "
                          "a été écrit par pac-gen new, pas par toi."),
    ]


def test_w1207_a_law_of_numbers_the_learner_chose_is_theirs() -> None:
    law = "    loi_des_nombres:\n      resultat_vise: 3\n      volume_prevu: {v}\n      unite: {u}\n    taches:"
    for volume, unit in ((9, "SMS"), (12, "rendez-vous"), (10, "appointments")):
        plan = PLAN.replace("    taches:", law.format(v=volume, u=unit))
        assert found(plan) == [], (volume, unit)
    english = PLAN.replace("    taches:", law.format(v=9, u="appointments"))
    assert [c for c, *_ in found(english, lang="en")] == ["W1207"]


def test_every_text_the_template_writes_is_flagged_and_only_there() -> None:
    # What `pac-gen new --yes` writes in either language: each example text is found by the
    # rule, through the one list both use (pac_gen.format.examples).
    for lang in ("fr", "en"):
        content = render_plan(default_answers(date(2026, 11, 27), lang), "schema.json", lang)
        result = check(content, lang=lang, today=date(2026, 11, 27))
        assert result.errors == []
        flagged = [(p.line, p.code) for p in result.warnings]
        lines = content.splitlines()
        example_lines = sorted(
            n for n, line in enumerate(lines, 1)
            if any(examples.example(key, lang) in line for key in (
                *examples.STRATEGY, *examples.STATEMENT, *examples.ACTIONS, *examples.TASK, *examples.INDICATORS,
                *examples.RITUAL, *examples.BOOSTER, *examples.OBSTACLE, *examples.CAUSE, *examples.SOLUTION))
            or line.strip() == "resultat_vise: 3")  # the law is pointed at by its first key
        assert flagged == [(n, "W1207") for n in example_lines], lang
        assert len(example_lines) >= 12
        assert text("new.example.task", lang) in content


def test_the_example_texts_live_in_one_place() -> None:
    # `pac-gen new` writes them and W1207 finds them through pac_gen.format.examples: no copy anywhere else.
    from pathlib import Path

    import pac_gen

    sources = {path: path.read_text(encoding="utf-8") for path in Path(pac_gen.__file__).parent.rglob("*.py")}
    for key in ("task", "obstacle", "cause", "solution", "action_1", "result", "ritual", "booster"):  # not "unit": "rendez-vous" is a plain word
        for lang in ("fr", "en"):
            said = examples.example(key, lang)
            holders = [path.name for path, source in sources.items() if said in source]
            assert holders == ["text.py"], (key, lang, holders)


def test_w1208_a_copied_launch_that_became_the_start_itself() -> None:
    # Without `debut`, the earliest launch is the start: W1201 measures from it and sees nothing.
    plan = (PLAN.replace("  debut: 2026-11-02\n", "")
            .replace("lancement: 2026-11-02", "lancement: 15/06/2023"))
    assert found(plan) == [("W1208", 8, 16, "Sans « debut » dans l'objectif, le plan commence à son plus ancien "
                                           "lancement, le 15 juin 2023 : plus de deux ans avant l'échéance "
                                           "(30 juin 2027). Une date d'exemple recopiée ?")]
    assert found(PLAN.replace("  debut: 2026-11-02\n", "").replace("lancement: 2026-11-02", "lancement: 2025-07-01")) == []
    # With `debut`, the same launch is W1201's.
    assert [c for c, *_ in found(PLAN.replace("lancement: 2026-11-02", "lancement: 15/06/2023"))] == ["W1201"]
