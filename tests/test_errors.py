"""Every kind of error of the format, with the exact line and column it points at."""

import pytest

from tests.conftest import MINIMAL_PLAN, check, codes

HEAD = MINIMAL_PLAN  # each test below breaks one thing in it


def only(text: str, lang: str = "fr"):
    result = check(text, lang=lang)
    assert len(result.problems) == 1, result.problems
    assert result.plan is None
    return result.problems[0]


def test_head_is_valid():
    assert check(HEAD).errors == []


def test_unclosed_double_quote_points_where_it_opens():
    problem = only('titre: "Ma boutique\nobjectif:\n  intitule: x\n')
    assert (problem.code, problem.line, problem.column) == ("E001", 1, 8)
    assert problem.message == "Erreur de syntaxe YAML : ce guillemet n'est jamais refermé."


def test_unclosed_single_quote_in_the_middle_of_the_file():
    text = HEAD + "    responsable: 'Camille\n    budget: 3\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E001", 8, 18)


def test_unclosed_bracket_points_at_the_bracket():
    problem = only("titre: x\nauteur: [a, b\nnotes: c\n")
    assert (problem.code, problem.line, problem.column) == ("E001", 2, 9)
    assert "« ] »" in problem.message


def test_colon_inside_a_value_explains_the_quotes():
    problem = only("titre: Objectif: vendre\n")
    assert (problem.code, problem.line, problem.column) == ("E001", 1, 16)
    assert "mets-la entre guillemets" in problem.message


def test_bad_indentation():
    problem = only("objectif:\n  intitule: x\n echeance: 2027-01-31\n")
    assert (problem.code, problem.line, problem.column) == ("E001", 3, 2)
    assert "indentation" in problem.message


def test_tab_in_indentation():
    problem = only("objectif:\n\tintitule: x\n")
    assert problem.code == "E001"
    assert problem.line == 2
    assert "tabulation" in problem.message


def test_two_documents_in_one_file():
    problem = only(HEAD + "---\ntitre: autre\n")
    assert (problem.code, problem.line, problem.column) == ("E001", 8, 1)
    assert "un seul plan" in problem.message


def test_unknown_key_suggests_the_closest_key():
    problem = only(HEAD + "    horizn: court\n")
    assert (problem.code, problem.line, problem.column) == ("E101", 8, 5)
    assert problem.message.startswith("Clé inconnue « horizn » : voulais-tu dire « horizon » ?")
    # The whole list of keys, never cut short.
    assert problem.message.endswith("moyens_a_prevoir, moyens_actuels, responsable, taches, type.")


def test_unknown_key_in_english_suggests_the_english_key():
    problem = only(HEAD + "    ownr: Camille\n", lang="en")
    assert (problem.code, problem.line, problem.column) == ("E101", 8, 5)
    assert problem.message.startswith("Unknown key “ownr”: did you mean “owner”?")


def test_unknown_key_far_from_any_key():
    problem = only("zzz: 1\n" + HEAD)
    assert (problem.code, problem.line, problem.column) == ("E101b", 1, 1)
    assert "Clés possibles ici : actions, auteur, avertissements_acceptes, bilan," in problem.message


def test_wrong_type_text_expected():
    problem = only(HEAD.replace("intitule: Boutique en ligne", "intitule: [Boutique]"))
    assert (problem.code, problem.line, problem.column) == ("E104", 6, 15)
    assert problem.message == "Un texte est attendu ici."


def test_wrong_type_list_expected():
    problem = only(HEAD + "    moyens_actuels: Instagram\n")
    assert (problem.code, problem.line, problem.column) == ("E104", 8, 21)
    assert problem.message == "Une liste est attendue ici : un élément par ligne, chaque ligne commençant par « - »."


def test_wrong_type_mapping_expected():
    problem = only("objectif: Vendre plus\nactions:\n  - intitule: A\n    type: prospection\n")
    assert (problem.code, problem.line, problem.column) == ("E104", 1, 11)
    assert problem.message == "Des clés sont attendues ici, une par ligne, sous la forme « clé: valeur »."


def test_wrong_type_integer_and_number():
    text = HEAD + "    loi_des_nombres:\n      resultat_vise: 2.5\n      volume_prevu: 9\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E104", 9, 22)
    assert problem.message == "Un nombre entier est attendu ici, par exemple 3."
    text = HEAD + "indicateurs:\n  - indicateur: CA\n    type: resultat\n    valeur_initiale: beaucoup\n    valeur_cible: 3\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E114", 11, 22)


def test_list_given_where_a_date_goes():
    problem = only(HEAD + "    date_limite: [2026-05-01]\n")
    assert (problem.code, problem.line, problem.column) == ("E104", 8, 18)
    assert problem.message == "Une date est attendue ici : 2026-06-15 ou 15/06/2026."


def test_empty_required_value():
    problem = only(HEAD.replace("echeance: 2027-01-31", "echeance:"))
    assert (problem.code, problem.line, problem.column) == ("E104", 3, 12)
    assert problem.message == "Cette valeur est vide. Une date est attendue ici : 2026-06-15 ou 15/06/2026."


def test_enum_value_outside_its_list_lists_the_values():
    problem = only(HEAD.replace("type: prospection", "type: vente"))
    assert (problem.code, problem.line, problem.column) == ("E105", 7, 11)
    assert problem.message == ("Valeur « vente » non reconnue. Valeurs possibles : prospection (prospecting), "
                               "communication, fidelisation (retention).")


def test_enum_values_in_english_are_accepted_after_normalisation():
    for word in ("Prospecting", "FIDÉLISATION", "retention", "Communication"):
        assert check(HEAD.replace("type: prospection", f"type: {word}")).errors == []


def test_bad_date_shows_the_accepted_forms():
    problem = only(HEAD.replace("echeance: 2027-01-31", "echeance: 31 janvier 2027"))
    assert (problem.code, problem.line, problem.column) == ("E106", 3, 13)
    assert problem.message == "Date « 31 janvier 2027 » non reconnue : écris-la 2026-06-15 ou 15/06/2026."


def test_impossible_date():
    problem = only(HEAD.replace("echeance: 2027-01-31", "echeance: 31/02/2024"))
    assert (problem.code, problem.line, problem.column) == ("E106b", 3, 13)
    assert problem.message == "La date « 31/02/2024 » n'existe pas dans le calendrier."
    problem = only(HEAD.replace("echeance: 2027-01-31", "echeance: 31/02/2024"), lang="en")
    assert problem.message == "The date “31/02/2024” does not exist in the calendar."


def test_bad_duration():
    text = HEAD + "    taches:\n      - tache: Photos\n        duree: trois heures\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E107", 10, 16)
    assert "écris par exemple 2h, 1h30, 30 min, ½ journée, 1 jour, 0.5 j ou 1 semaine" in problem.message


RITUAL = """\
rituels:
  - rituel: Bilan de la semaine
    frequence: hebdomadaire
    debut: 2026-09-04
    pendant: 12 semaines
"""


def test_ritual_head_is_valid():
    assert check(HEAD + RITUAL).errors == []


def test_bad_span():
    problem = only(HEAD + RITUAL.replace("12 semaines", "12 dodos"))
    assert (problem.code, problem.line, problem.column) == ("E108", 12, 14)
    assert problem.message == "Période « 12 dodos » non reconnue : écris par exemple 3 mois, 8 semaines ou 10 jours."


def test_bad_rrule():
    text = HEAD + RITUAL.replace("frequence: hebdomadaire", "rrule: FREQ=SOMETIMES")
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E109", 10, 12)
    assert problem.message.startswith("Règle de récurrence « FREQ=SOMETIMES » invalide : une seule ligne de parties")


@pytest.mark.parametrize("rule", [
    "FREQ=WEEKLY;INTERVAL=0",  # dateutil loops for ever on it
    "FREQ=WEEKLY;INTERVAL=99999999",  # runs past year 9999
    "FREQ=WEEKLY;COUNT=0",
    '"DTSTART:20200101T000000\\nRRULE:FREQ=DAILY"',  # a second line would reach the ICS
    "bonjour",  # dateutil's own reason is English: never shown
])
def test_rrules_dateutil_cannot_expand_safely_are_e109_in_french(rule):
    problem = only(HEAD + RITUAL.replace("frequence: hebdomadaire", f"rrule: {rule}"))
    assert (problem.code, problem.line, problem.column) == ("E109", 10, 12)
    assert problem.message.endswith("avec FREQ (DAILY, WEEKLY, MONTHLY…), et INTERVAL ou COUNT à partir de 1. "
                                    "Exemple : FREQ=MONTHLY;BYDAY=1MO.")


@pytest.mark.parametrize(("old", "new", "code", "line", "column"), [
    ("echeance: 2027-01-31", "echeance: 9999-12-31", "E119", 3, 13),
    ("echeance: 2027-01-31", "echeance: 31/12/1899", "E119", 3, 13),
    ("pendant: 12 semaines", "pendant: 11 ans", "E121", 12, 14),
    ("pendant: 12 semaines", "pendant: 1000000 semaines", "E121", 12, 14),
    ("frequence: hebdomadaire", "frequence: hebdomadaire\n    duree: 99999999999 jours", "E121", 11, 12),
])
def test_dates_and_lengths_a_plan_cannot_hold(old, new, code, line, column):
    problem = only((HEAD + RITUAL).replace(old, new))
    assert (problem.code, problem.line, problem.column) == (code, line, column)
    expected = {"E119": "est hors des années qu'un plan peut couvrir (1900 à 2200) : vérifie l'année.",
                "E121": "Durée trop longue : au plus dix ans (3 653 jours)."}[code]
    assert problem.message.endswith(expected)


def test_a_ritual_finer_than_a_day_is_e122_at_its_rule():
    problem = only(HEAD + RITUAL.replace("frequence: hebdomadaire", "rrule: FREQ=MINUTELY"))
    assert (problem.code, problem.line, problem.column) == ("E122", 10, 12)
    assert problem.message == ("Règle de récurrence « FREQ=MINUTELY » trop fine : un rituel revient au plus une fois "
                               "par jour (FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY). Pour plusieurs heures dans la "
                               "journée : FREQ=DAILY;BYHOUR=9,14.")


def _rituals(count: int, body: str) -> str:
    return "rituels:\n" + "".join(f"  - rituel: R{i}\n" + body for i in range(count))


DAILY_DECADE = "    frequence: quotidienne\n    debut: 2026-01-01\n    fin: 2035-12-31\n"


def test_more_than_fifty_rituals_is_e209_at_the_fifty_first():
    text = HEAD.replace("2027-01-31", "2036-01-31") + _rituals(51, "    frequence: mensuelle\n    debut: 2026-09-01\n    pendant: 3 mois\n")
    problem = only(text)
    # Each ritual takes four lines from line 9: the 51st starts at line 9 + 50 * 4.
    assert (problem.code, problem.line, problem.column) == ("E209", 209, 5)
    assert problem.message.startswith("Trop de rituels : un plan en compte au plus 50.")


def test_occurrences_past_the_plan_budget_are_e210_at_the_ritual_that_crosses_it():
    text = HEAD.replace("2027-01-31", "2035-12-31") + _rituals(2, DAILY_DECADE)
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E210", 13, 5)
    assert problem.message == ("Ce rituel porte le plan au-delà de 5\u202f000 occurrences en tout (les rituels d'avant "
                               "en comptent déjà 3\u202f652) : espace-le (hebdomadaire plutôt que quotidien) ou "
                               "raccourcis sa période.")


def test_one_daily_ritual_over_ten_years_is_within_the_budget():
    assert check(HEAD.replace("2027-01-31", "2035-12-31") + _rituals(1, DAILY_DECADE)).errors == []


@pytest.mark.parametrize(("old", "new", "line", "column", "day", "first", "last"), [
    # 484 bytes used to render 3,612 calendar months
    ("echeance: 2027-01-31", "debut: 1900-01-01\n  echeance: 2200-12-31", 4, 13, "31 décembre 2200", "1 janvier 1900",
     "31 décembre 2200"),
    # a typo in a year of a ritual's end, far from the objective
    ("pendant: 12 semaines", "fin: 2099-01-01", 12, 10, "1 janvier 2099", "4 septembre 2026", "1 janvier 2099"),
])
def test_a_calendar_longer_than_ten_years_is_e211_at_the_date_that_stretches_it(old, new, line, column, day,
                                                                                  first, last):
    problem = only((HEAD + RITUAL).replace(old, new))
    assert (problem.code, problem.line, problem.column) == ("E211", line, column)
    assert problem.message == (f"La date {day} étendrait le calendrier du plan du {first} au {last}, plus de "
                               "121 mois : un plan tient en dix ans. Vérifie l'année de cette date.")


@pytest.mark.parametrize("value", ["1e400", "1e16", "-1e16", "9" * 5000])
def test_numbers_too_large_for_a_plan_are_e120(value):
    text = HEAD + "indicateurs:\n  - {indicateur: CA, type: resultat, valeur_initiale: 0, valeur_cible: " + value + ", outil: X}\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E120", 9, 72)
    assert problem.message == "Nombre trop grand : un plan s'en tient à 1 000 000 000 000 000 au plus (en valeur absolue)."


def test_both_or_neither_frequency_and_rrule():
    problem = only(HEAD + RITUAL.replace("    frequence: hebdomadaire\n", ""))
    assert (problem.code, problem.line, problem.column) == ("E205", 9, 5)
    text = HEAD + RITUAL.replace("    frequence: hebdomadaire\n", "    frequence: hebdomadaire\n    rrule: FREQ=WEEKLY\n")
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E205", 11, 12)


def test_both_or_neither_end_and_span():
    problem = only(HEAD + RITUAL.replace("    pendant: 12 semaines\n", ""))
    assert (problem.code, problem.line, problem.column) == ("E206", 9, 5)
    problem = only(HEAD + RITUAL + "    fin: 2026-10-30\n")
    assert (problem.code, problem.line, problem.column) == ("E206", 13, 10)


def test_missing_required_key_points_at_the_mapping_that_lacks_it():
    text = HEAD + "  - id: salon\n    type: prospection\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E103", 8, 5)
    assert problem.message == "Il manque la clé obligatoire « intitule » (title) ici."


def test_missing_required_key_of_the_objective_and_of_the_plan():
    result = check("titre: Mon plan\nobjectif:\n  intitule: Vendre\n")
    assert codes(result) == [("E103", 1, 1), ("E103", 3, 3)]
    assert result.problems[0].message == "Il manque la clé obligatoire « actions » ici."
    assert result.problems[1].message == "Il manque la clé obligatoire « echeance » (deadline) ici."


def test_missing_key_in_english():
    problem = only(HEAD + "  - id: salon\n    type: prospection\n", lang="en")
    assert problem.message == "The required key “title” (intitule) is missing here."


def test_same_key_under_two_spellings():
    problem = only(HEAD + "    Intitulé: Boutique\n")
    assert (problem.code, problem.line, problem.column) == ("E102", 8, 5)
    assert problem.message == "« Intitulé » et « intitule » sont la même clé (intitule) : gardes-en une seule."
    problem = only(HEAD + "    title: Shop\n")
    assert (problem.code, problem.line, problem.column) == ("E102", 8, 5)


def test_duplicate_yaml_key():
    problem = only(HEAD + "    type: communication\n")
    assert (problem.code, problem.line, problem.column) == ("E006", 8, 5)
    assert problem.message == "La clé « type » est donnée deux fois : gardes-en une seule."


def test_duplicate_id():
    text = HEAD + "  - id: boutique\n    intitule: Salon\n    type: prospection\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E201", 8, 9)
    assert problem.message == "L'id « boutique » est déjà utilisé ligne 5 : chaque id doit être unique dans le plan."


def test_duplicate_derived_id_points_at_the_title():
    text = HEAD + "  - intitule: Salon\n    type: prospection\n  - intitule: salon\n    type: communication\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E201", 10, 15)


def test_duplicate_indicator_id():
    text = HEAD + (
        "indicateurs:\n"
        "  - {indicateur: CA, type: resultat, valeur_initiale: 0, valeur_cible: 9, outil: Excel}\n"
        "  - {indicateur: ca, type: suivi, valeur_initiale: 0, valeur_cible: 9, outil: Excel}\n"
    )
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E201", 10, 18)


def test_unknown_reference_lists_the_existing_ids():
    problem = only(HEAD + RITUAL + "    action: boutiqe\n")
    assert (problem.code, problem.line, problem.column) == ("E202", 13, 13)
    assert problem.message == "Aucune action n'a l'id « boutiqe ». Ids existants : boutique."
    text = HEAD + "freins:\n  - frein: Pas le temps\n    solutions: [Déléguer]\n    action: salon\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E202", 11, 13)


def test_overlapping_blocks_of_the_ideal_week():
    text = HEAD + (
        "semaine_ideale:\n"
        "  monday:\n"
        "    - {de: '08:00', a: '12:00', domaine: entreprise}\n"
        "    - {de: '11:30', a: '13:00', domaine: moi}\n"
    )
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E203", 11, 7)
    assert problem.message == "Ce bloc (11:30–13:00) chevauche le bloc 08:00–12:00 du même jour."


def test_block_ending_before_it_starts():
    text = HEAD + "semaine_ideale:\n  Lundi:\n    - {de: '14:00', a: '12:00', domaine: moi}\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E207", 10, 24)


def test_misspelled_day_of_the_ideal_week():
    text = HEAD + "semaine_ideale:\n  lundy:\n    - {de: '08:00', a: '12:00', domaine: moi}\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E105", 9, 3)


INDICATOR = """\
indicateurs:
  - indicateur: Contacts
    type: suivi
    valeur_initiale: 0
    valeur_cible: 30
    mesures:
"""


def test_measurement_date_given_twice_in_the_mapping_form():
    text = HEAD + INDICATOR + "      2026-10-01: 5\n      01/10/2026: 7\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E204", 15, 7)
    assert problem.message == "Une mesure est déjà donnée pour le 1 octobre 2026 (ligne 14) : une seule mesure par date."


def test_measurement_date_given_twice_in_the_list_form():
    text = HEAD + INDICATOR + "      - {date: 2026-10-01, valeur: 5}\n      - {date: 2026-10-01, valeur: 7}\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E204", 15, 16)


def test_bad_measurement_date_in_the_mapping_form_points_at_the_date():
    text = HEAD + INDICATOR + "      2026-10-01: 5\n      2026-10-32: 7\n"
    problem = only(text)
    assert (problem.code, problem.line, problem.column) == ("E106b", 15, 7)
    problem = only(HEAD + INDICATOR + "      2026-10-01: cinq\n")
    assert (problem.code, problem.line, problem.column) == ("E114", 14, 19)


def test_other_value_errors():
    assert codes(check(HEAD + "    budget: -5\n")) == [("E110", 8, 13)]
    assert codes(check(HEAD.replace("id: boutique", "id: Ma Boutique"))) == [("E113", 5, 9)]
    assert check(HEAD.replace("id: boutique", "id: Ma Boutique")).problems[0].message == (
        "Un id ne contient que des minuscules sans accent, des chiffres et des tirets : par exemple « ma-boutique »."
    )
    assert codes(check("devise: EURO\n" + HEAD)) == [("E112", 1, 9)]
    assert codes(check("confidentiel: peut-être\n" + HEAD)) == [("E115", 1, 15)]
    assert codes(check(HEAD + "actions_bis: 1\n")) == [("E101", 8, 1)]
    assert codes(check(HEAD.replace("  - id: boutique\n    intitule: Boutique en ligne\n    type: prospection\n", "  []\n"))) \
        == [("E117", 5, 3)]
    assert codes(check(HEAD.replace("Boutique en ligne", '""'))) == [("E118", 6, 15)]


def test_messages_in_english():
    problem = only(HEAD.replace("type: prospection", "type: vente"), lang="en")
    assert problem.message == ("Value “vente” is not recognised. Allowed values: prospection (prospecting), "
                               "communication, fidelisation (retention).")
    problem = only(HEAD.replace("echeance: 2027-01-31", "echeance: demain"), lang="en")
    assert problem.message == "Date “demain” is not recognised: write it 2026-06-15 or 15/06/2026."
    problem = only(HEAD + "    type: communication\n", lang="en")
    assert problem.message == "The key “type” is given twice: keep only one."
    problem = only('titre: "x\n', lang="en")
    assert problem.message == "YAML syntax error: this quote is never closed."


def test_all_problems_of_a_file_at_once_sorted_by_position():
    # Type errors do not hide duplicate ids, unknown references or overlaps.
    text = """\
objectif:
  intitule: Augmenter le CA
  echeance: 2027-02-30
actions:
  - id: boutique
    intitule: Boutique
    type: vente
  - id: salon
    intitule: Salon
    type: prospection
    budget: beaucoup
  - id: salon
    intitule: Salon bis
    type: prospection
rituels:
  - rituel: Bilan
    frequence: hebdomadaire
    debut: 2026-09-04
    pendant: 12 dodos
    action: boutique
  - rituel: Appels
    frequence: quotidienne
    debut: 2026-09-04
    fin: 2026-10-01
    action: inconnue
semaine_ideale:
  lundi:
    - {de: '25:00', a: '12:00', domaine: moi}
    - {de: '08:00', a: '12:00', domaine: moi}
    - {de: '11:00', a: '13:00', domaine: moi}
"""
    result = check(text)
    assert codes(result) == [
        ("E106b", 3, 13),   # impossible date
        ("E105", 7, 11),    # enum
        ("E110", 11, 13),   # money
        ("E201", 12, 9),    # duplicate id, found although types are wrong
        ("E108", 19, 14),   # span (the ritual's missing end is not reported on top of it)
        ("E202", 25, 13),   # unknown reference; `boutique` (dropped action) still counts as known
        ("E111", 28, 12),   # bad time: the block is left out...
        ("E203", 30, 7),    # ...and the overlap of the two others still found, at the right line
    ]
    assert result.plan is None
    assert result.warnings == []


def test_warnings_only_when_there_is_no_error():
    text = HEAD + "    horizn: long\n"  # an error; the plan also lacks indicators (W401, W402)
    assert [p.code for p in check(text).problems] == ["E101"]
    # HEAD alone: no indicator, and no short-term action for an objective without a start.
    assert codes(check(HEAD)) == [("W401", 1, 1), ("W402", 1, 1), ("W202", 5, 3)]


def test_every_message_formats_in_both_languages():
    import string

    from pac_gen.text import MESSAGES, message

    for code, entry in MESSAGES.items():
        if code.startswith("reference."):  # the reference pages show `{…}` on purpose
            continue
        assert set(entry) >= {"fr", "en"}, code
        for lang in ("fr", "en"):
            fields = {name for _, name, _, _ in string.Formatter().parse(entry[lang]) if name}
            text = message(code, lang, **dict.fromkeys(fields, "X"))
            assert "{" not in text.replace("{ }", "").replace("{de,", "").replace("{date,", ""), (code, lang)


def test_french_is_the_default_language():
    from pac_gen.text import message

    assert message("E006", key="type") == "La clé « type » est donnée deux fois : gardes-en une seule."
    assert message("E006", "de", key="type") == "La clé « type » est donnée deux fois : gardes-en une seule."


def test_a_near_miss_in_a_list_of_values_names_the_likely_word() -> None:
    result = check(
        """\
        objectif: {intitule: Vendre, echeance: 2027-01-31}
        actions:
          - intitule: Appeler
            type: prospectoin
          - intitule: Relancer
            type: retension
          - intitule: Publier
            type: zzz
        """
    )
    assert codes(result) == [("E105", 4, 11), ("E105", 6, 11), ("E105", 8, 11)]
    first, second, third = (p.message for p in result.problems)
    assert first.startswith("Valeur « prospectoin » non reconnue : voulais-tu dire « prospection » ?")
    assert second.startswith("Valeur « retension » non reconnue : voulais-tu dire « retention » ?")  # as written: English
    assert third == ("Valeur « zzz » non reconnue. Valeurs possibles : "
                     "prospection (prospecting), communication, fidelisation (retention).")
