"""Each of the method's coherence warnings, at the value it questions."""

import pytest

from pac_gen.check.method import WARNINGS as RULES
from pac_gen.text import WARNINGS
from tests.conftest import check, codes

# A plan without any warning: objective over 3 months, result and tracking
# indicators with their source. Lines 1-22; tests append below or replace.
BASE = """\
objectif:
  intitule: Augmenter le CA de 30 %
  debut: 2026-01-01
  echeance: 2026-12-31
  phase: demarrage
actions:
  - id: boutique
    intitule: Boutique en ligne
    type: prospection
    horizon: moyen
    lancement: 2026-02-01
    date_limite: 2026-06-30
indicateurs:
  - indicateur: CA
    type: resultat
    valeur_initiale: 0
    valeur_cible: 100
    outil: Excel
  - indicateur: Contacts
    type: suivi
    valeur_initiale: 0
    valeur_cible: 10
    outil: CRM
"""


def warnings(text: str, lang: str = "fr"):
    result = check(text, lang=lang)
    assert result.errors == [], result.errors
    assert result.plan is not None
    return result.warnings


def test_base_has_no_warning():
    assert check(BASE).problems == []


def test_every_warning_rule_has_a_message_and_a_fix_and_every_warning_message_a_rule():
    codes = [rule.code for rule in RULES]
    for code in codes:
        for lang in ("fr", "en"):
            assert WARNINGS[code][lang]
            assert WARNINGS[f"{code}.fix"][lang]
    assert sorted(codes) == sorted(c for c in WARNINGS if "." not in c)


def test_w101_action_after_the_objective_deadline():
    found = warnings(BASE.replace("date_limite: 2026-06-30", "date_limite: 2027-01-15"))
    assert [(p.code, p.line, p.column) for p in found] == [("W101", 12, 18)]
    assert found[0].message == ("L'action « Boutique en ligne » est datée du 15 janvier 2027, "
                                "après l'échéance de l'objectif (31 décembre 2026).")


def test_w102_task_after_the_objective_deadline():
    text = BASE.replace("    date_limite: 2026-06-30\n", "    taches:\n      - tache: Photos\n        date_limite: 2027-02-01\n")
    assert codes(check(text)) == [("W102", 14, 22)]


def test_w103_ritual_running_after_the_deadline():
    text = BASE + ("rituels:\n  - rituel: Bilan\n    frequence: hebdomadaire\n"
                   "    debut: 2026-11-06\n    pendant: 3 mois\n")
    found = warnings(text)
    assert [(p.code, p.line, p.column) for p in found] == [("W103", 28, 14)]
    assert found[0].message == ("Le rituel « Bilan » court jusqu'au 5 février 2027, "
                                "après l'échéance de l'objectif (31 décembre 2026).")


def test_w103_ritual_starting_after_the_deadline_points_at_its_start_and_says_its_last_day():
    # It said "court jusqu'au" with the start date.
    text = BASE + ("rituels:\n  - rituel: Bilan\n    frequence: hebdomadaire\n"
                   "    debut: 2027-01-08\n    pendant: 3 mois\n")
    found = warnings(text)
    assert [(p.code, p.line, p.column) for p in found] == [("W103", 27, 12)]
    assert found[0].message == ("Le rituel « Bilan » court jusqu'au 7 avril 2027, "
                                "après l'échéance de l'objectif (31 décembre 2026).")


def test_w104_task_after_its_action_deadline():
    text = BASE.replace("    date_limite: 2026-06-30\n",
                        "    date_limite: 2026-06-30\n    taches:\n      - tache: Photos\n        date_limite: 2026-07-15\n")
    assert codes(check(text)) == [("W104", 15, 22)]


def test_w105_launch_after_deadline():
    assert codes(check(BASE.replace("lancement: 2026-02-01", "lancement: 2026-07-01"))) == [("W105", 11, 16)]


def test_w201_long_action_for_a_short_objective():
    text = BASE.replace("echeance: 2026-12-31", "echeance: 2026-03-15").replace("date_limite: 2026-06-30", "date_limite: 2026-03-01")
    text = text.replace("horizon: moyen", "horizon: long")
    # a long-term action, and so no short-term one either
    assert codes(check(text)) == [("W202", 7, 3), ("W201", 10, 14)]


def test_w202_no_short_action_for_a_short_objective():
    text = BASE.replace("echeance: 2026-12-31", "echeance: 2026-03-15").replace("date_limite: 2026-06-30", "date_limite: 2026-03-01")
    assert codes(check(text)) == [("W202", 7, 3)]
    assert codes(check(text.replace("horizon: moyen", "horizon: court"))) == []


def test_w301_law_of_numbers():
    law = "    loi_des_nombres:\n      resultat_vise: 3\n      volume_prevu: 8\n"
    found = warnings(BASE.replace("    lancement:", law + "    lancement:"))
    assert [(p.code, p.line, p.column) for p in found] == [("W301", 13, 21)]
    assert found[0].message == "Loi des nombres : 8 prévus pour 3 visés, il en faudrait au moins 9 (×3)."
    assert warnings(BASE.replace("    lancement:", law.replace("8", "9") + "    lancement:")) == []
    growth = BASE.replace("phase: demarrage", "phase: developpement")
    assert warnings(growth.replace("    lancement:", law.replace("8", "6") + "    lancement:")) == []
    assert codes(check(growth.replace("    lancement:", law.replace("8", "5") + "    lancement:"))) == [("W301", 13, 21)]


def test_w401_and_w402_missing_indicator_kinds():
    without_result = BASE.replace("    type: resultat\n", "    type: suivi\n")
    assert codes(check(without_result)) == [("W401", 14, 3)]
    without_tracking = BASE.replace("    type: suivi\n", "    type: resultat\n")
    assert codes(check(without_tracking)) == [("W402", 14, 3)]


def test_w403_indicator_without_source():
    found = warnings(BASE.replace("    outil: CRM\n", ""))
    assert [(p.code, p.line, p.column) for p in found] == [("W403", 19, 5)]
    assert found[0].message == "L'indicateur « Contacts » n'a pas d'outil : d'où viendront les mesures ?"


def test_w501_obstacle_without_solution():
    text = BASE + "freins:\n  - frein: Pas le temps\n    causes: [Atelier]\n  - frein: Budget\n    solutions: [Crédit]\n"
    found = warnings(text)
    assert [(p.code, p.line, p.column) for p in found] == [("W501", 25, 5)]
    assert warnings(text, lang="en")[0].message == "The obstacle “Pas le temps” has no solution."


def test_w601_task_budgets_above_the_action_budget():
    text = BASE.replace("    lancement:", "    budget: 500\n    taches:\n      - {tache: Site, budget: 300}\n"
                        "      - {tache: Photos, budget: 250}\n    lancement:")
    found = warnings(text)
    assert [(p.code, p.line, p.column) for p in found] == [("W601", 11, 13)]
    assert "font 550\u00a0€, plus que le budget de l'action (500\u00a0€)" in found[0].message


WEEK = """\
semaine_ideale:
  vendredi:
    - {de: '09:00', a: '12:00', domaine: entreprise}
    - {de: '14:00', a: '16:00', domaine: famille}
rituels:
  - rituel: Bilan
    frequence: hebdomadaire
    jours: [vendredi]
    moment: apres_midi
    debut: 2026-01-02
    pendant: 8 semaines
"""


def test_w701_ritual_outside_the_blocks_of_its_domain():
    found = warnings(BASE + WEEK)
    assert [(p.code, p.line, p.column) for p in found] == [("W701", 29, 5)]
    assert found[0].message == ("Le rituel « Bilan » tombe le vendredi à 14:00, "
                                "hors des blocs « entreprise » de la semaine idéale.")
    assert warnings(BASE + WEEK + "    domaine: famille\n") == []
    assert warnings(BASE + WEEK.replace("apres_midi", "matin")) == []


def test_w801_and_w802_measurements_outside_the_plan():
    text = BASE + "    mesures:\n      2025-12-01: 1\n      2026-06-01: 4\n      2027-01-10: 9\n"
    found = warnings(text)
    assert [(p.code, p.line, p.column) for p in found] == [("W802", 25, 7), ("W801", 27, 7)]
    assert found[0].message == "Mesure datée du 1 décembre 2025, avant le début du plan (1 janvier 2026)."
    assert found[1].message == "Mesure datée du 10 janvier 2027, après l'échéance de l'objectif (31 décembre 2026)."


def test_warning_messages_in_english():
    found = warnings(BASE.replace("lancement: 2026-02-01", "lancement: 2026-07-01"), lang="en")
    assert found[0].message == "The action “Boutique en ligne” starts on July 1, 2026, after its deadline (June 30, 2026)."


def test_w701_sees_every_hour_of_a_written_rule() -> None:
    # BYHOUR gives two slots a day: seven slots are met by Thursday 09:00, but the
    # one outside the blocks is Sunday 18:00, later in the week.
    days = "\n".join(f'          {d}: [{{de: "08:00", a: "19:00", domaine: entreprise}}]'
                     for d in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"))
    result = check(
        """\
        objectif: {intitule: Vendre, echeance: 2027-01-31, debut: 2026-11-02}
        actions: [{intitule: Appeler, type: prospection, horizon: court}]
        indicateurs:
          - {indicateur: CA, type: resultat, valeur_initiale: 0, valeur_cible: 10, outil: Excel}
          - {indicateur: Appels, type: suivi, valeur_initiale: 0, valeur_cible: 10, outil: Excel}
        rituels:
          - rituel: Point
            rrule: FREQ=DAILY;BYHOUR=9,18
            debut: 2026-11-02
            fin: 2026-11-30
        semaine_ideale:
"""
        + days
        + """
          dimanche: [{de: "08:00", a: "17:00", domaine: entreprise}]
        """
    )
    assert codes(result) == [("W701", 7, 5)]
    assert "dimanche à 18:00" in result.problems[0].message


def test_every_error_rule_has_its_message_in_both_languages():
    from pac_gen.check.coherence import ERRORS
    from pac_gen.text import MESSAGES

    assert [rule.code for rule in ERRORS if not (MESSAGES[rule.code]["fr"] and MESSAGES[rule.code]["en"])] == []


def test_a_rule_is_one_unit_and_a_code_is_declared_once():
    from pac_gen.check.problems import Severity
    from pac_gen.check.rules import Context, Finding, RuleSet

    rules = RuleSet(Severity.WARNING)

    @rules.rule("W501")
    def every_obstacle(plan, ctx: Context):
        for index, obstacle in enumerate(plan.obstacles):
            yield Finding(("freins", index), {"title": obstacle.obstacle})

    with pytest.raises(AssertionError, match="W501 declared twice"):
        rules.rule("W501")(every_obstacle)
    assert [rule.code for rule in rules] == ["W501"]
