"""Words and numbers (issue 21 §3): the chosen language everywhere, real plurals, amounts and
dates said as the pages say them, the missing space after a colon, and one French register (« tu »).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pac_gen.check.problems import Problem, Severity, format_text, render
from pac_gen.cli import main
from pac_gen.engines import run as engines_run
from pac_gen.text import MESSAGES, Amount, count, message, plural
from tests.conftest import check

ROOT = Path(__file__).resolve().parent.parent


# --- Plurals: one helper, the language's rule -------------------------------------------------

@pytest.mark.parametrize(("n", "fr", "en"), [
    (0, "0 erreur", "0 errors"),
    (1, "1 erreur", "1 error"),
    (2, "2 erreurs", "2 errors"),
    (1200, "1\u202f200 erreurs", "1,200 errors"),
])
def test_counts_agree_with_their_number_in_each_language(n, fr, en):
    assert count("error", n, "fr") == fr
    assert count("error", n, "en") == en


def test_plural_picks_the_singular_or_the_n_key_and_fills_the_other_placeholders():
    assert plural("site.plans_count", 1, "fr") == "1 plan publié."
    assert plural("site.plans_count", 2, "fr") == "2 plans publiés."
    assert plural("site.plans_count", 0, "en") == "0 plans published."
    assert plural("site.days_left", 1, "fr") == "1 jour restant"
    assert plural("site.overdue", 3, "fr") == "dépassée depuis 3 jours"
    assert plural("site.has_errors", 1, "fr") == "1 erreur"
    assert plural("steer.overdue_count", 2, "en") == "2 measurements overdue"
    assert plural("site.preview_focus", 1, "fr", total=40).startswith("Aperçu : 1 plan sur 40, celui que tu modifies")


def test_no_text_hedges_its_plural_and_every_plural_has_its_singular():
    hedged = [key for key, entry in MESSAGES.items() for value in entry.values() if re.search(r"\w\((s|e|es|x)\)", value)]
    assert hedged == []
    orphans = [key for key in MESSAGES if key.endswith(".n") and key[:-2] not in MESSAGES]
    assert orphans == []


def test_templates_say_counts_through_the_plural_helper():
    templates = ROOT / "pac_gen" / "site" / "templates"
    hedged = [p.name for p in templates.glob("*.html") if re.search(r"\w\((s|e|es)\)", p.read_text("utf-8"))]
    assert hedged == []


def test_the_validate_summary_agrees_in_both_languages(tmp_path, capsys):
    plan = tmp_path / "plan.yaml"
    plan.write_text("objectif:\n  intitule: X\n  echeance: 2026-12-31\n", encoding="utf-8")
    assert main(["validate", str(plan)]) == 1
    assert capsys.readouterr().err == "1 plan, 1 erreur, 0 avertissement\n"
    assert main(["validate", str(plan), "--lang", "en"]) == 1
    assert capsys.readouterr().err == "1 plan, 1 error, 0 warnings\n"


# --- error: / warning: in the chosen language --------------------------------------------------

def test_the_text_output_says_the_severity_in_the_language_of_the_message():
    error = Problem("p.yaml", 3, 7, Severity.ERROR, "E106", "Date « x » non reconnue.")
    warning = Problem("p.yaml", 4, 1, Severity.WARNING, "W401", "Aucun indicateur.")
    assert format_text(error) == "p.yaml:3:7: erreur : E106 Date « x » non reconnue."
    assert format_text(warning, lang="fr") == "p.yaml:4:1: avertissement : W401 Aucun indicateur."
    assert format_text(warning, lang="en") == "p.yaml:4:1: warning: W401 Aucun indicateur."
    assert format_text(error, severity=False) == "p.yaml:3:7: E106 Date « x » non reconnue."
    # Programs read JSON and GitHub annotations: their severities stay as they are.
    assert '"severity": "error"' in render([error], "json", "fr")
    assert render([error], "github", "fr").startswith("::error file=p.yaml,line=3,col=7::")


# --- argparse in the chosen language ---------------------------------------------------------

EXPORT_HELP_FR = """\
usage : pac-gen export [-h] [--format {csv,ics}] [-o FICHIER]
                       [--site-url SITE_URL] [--plans-dir DOSSIER]
                       [--lang {fr,en}] [--today AAAA-MM-JJ]
                       [--timezone FUSEAU] [--working-day-hours HEURES]
                       PLAN

Exporte les tâches d'un plan en CSV pour Excel (UTF-8 avec BOM, séparées par
des points-virgules) ou ses rituels en agenda ICS. Mêmes octets que les
téléchargements du site.

arguments :
  PLAN                  le fichier du plan, ex. plans/camille/boutique.yaml

options :
  -h, --help            affiche cette aide et quitte
  --format {csv,ics}
  -o FICHIER, --output FICHIER
                        fichier à écrire (par défaut : la sortie standard)
  --site-url SITE_URL   adresse publiée du site, à laquelle les événements ICS
                        renvoient (page du plan) ; par défaut : le site_url de
                        mkdocs.yml (ou la variable SITE_URL qu'il nomme)
  --plans-dir DOSSIER   dossier des plans, dont le chemin du plan nomme ses
                        événements (UID) ; par défaut : le plans_dir de
                        mkdocs.yml, sinon le dossier « plans » qui le contient
  --lang {fr,en}        langue des messages
  --today AAAA-MM-JJ    la date du jour à utiliser (par défaut : aujourd'hui)
  --timezone FUSEAU     fuseau horaire des rituels
  --working-day-hours HEURES
                        heures d'une journée de travail
"""


@pytest.fixture
def columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps to the terminal's width


def _exit(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    return int(stopped.value.code or 0)


def test_help_is_french_by_default(columns, capsys):
    assert _exit(["export", "--help"]) == 0
    assert capsys.readouterr().out == EXPORT_HELP_FR


def test_help_is_english_with_lang_en(columns, capsys):
    assert _exit(["export", "--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: pac-gen export [-h] [--format {csv,ics}] [-o FILE]\n")
    assert "\npositional arguments:\n  PLAN                  the plan file, e.g. plans/camille/boutique.yaml\n" in out
    assert "  -h, --help            show this help message and exit\n" in out
    assert "affiche" not in out and "fichier" not in out


def test_an_invalid_choice_is_said_in_french(columns, capsys):
    assert _exit(["validate", "--format", "xml"]) == 2
    assert capsys.readouterr().err == (
        "usage : pac-gen validate [-h] [--strict] [--format {text,json,github}]\n"
        "                         [--changed-since REV] [--lang {fr,en}]\n"
        "                         [--today AAAA-MM-JJ] [--timezone FUSEAU]\n"
        "                         [--working-day-hours HEURES]\n"
        "                         [CHEMIN ...]\n"
        "pac-gen validate : erreur : argument --format : choix invalide : « xml » "
        "(choisis parmi 'text', 'json', 'github')\n")


def test_an_invalid_choice_is_said_in_english_with_lang_en(columns, capsys):
    assert _exit(["validate", "--lang=en", "--format", "xml"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "pac-gen validate: error: argument --format: invalid choice: 'xml' (choose from 'text', 'json', 'github')")


def test_a_missing_argument_is_said_in_french(columns, capsys):
    assert _exit(["export"]) == 2
    assert capsys.readouterr().err == (
        "usage : pac-gen export [-h] [--format {csv,ics}] [-o FICHIER]\n"
        "                       [--site-url SITE_URL] [--plans-dir DOSSIER]\n"
        "                       [--lang {fr,en}] [--today AAAA-MM-JJ]\n"
        "                       [--timezone FUSEAU] [--working-day-hours HEURES]\n"
        "                       PLAN\n"
        "pac-gen export : erreur : il manque ces arguments obligatoires : PLAN\n")


def test_a_missing_command_and_an_option_without_its_value(columns, capsys):
    assert _exit([]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "pac-gen : erreur : il manque ces arguments obligatoires : COMMANDE"
    assert _exit(["validate", "--today"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "pac-gen validate : erreur : argument --today : une valeur est attendue"


def test_argparse_speaks_english_again_after_a_french_command_line(columns, capsys):
    import argparse

    assert _exit(["export"]) == 2
    capsys.readouterr()
    parser = argparse.ArgumentParser(prog="other")
    with pytest.raises(SystemExit):
        parser.parse_args(["--nope"])
    assert capsys.readouterr().err.endswith("other: error: unrecognized arguments: --nope\n")


# --- Amounts and dates as the pages say them ---------------------------------------------------

W601_PLAN = """\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Stand
    type: prospection
    horizon: court
    budget: 150
    taches:
      - tache: Louer le stand
        budget: 150.50
indicateurs:
  - {indicateur: CA, type: resultat, valeur_initiale: 0, valeur_cible: 9, outil: Excel}
  - {indicateur: Visites, type: suivi, valeur_initiale: 0, valeur_cible: 9, outil: Matomo}
"""


def test_w601_says_both_amounts_with_their_currency():
    fr = [p for p in check(W601_PLAN, today=date(2026, 3, 2)).problems if p.code == "W601"]
    assert [(p.line, p.column, p.message) for p in fr] == [
        (9, 13, "Les budgets des tâches de « Stand » font 150,50\u00a0€, plus que le budget de l'action (150\u00a0€).")]
    en = [p for p in check(W601_PLAN, "en", today=date(2026, 3, 2)).problems if p.code == "W601"]
    assert en[0].message == "The tasks of “Stand” add up to €150.50, more than the action's budget (€150)."
    chf = [p for p in check(W601_PLAN.replace("objectif:", "devise: CHF\nobjectif:"), today=date(2026, 3, 2)).problems
           if p.code == "W601"]
    assert chf[0].message.endswith("font 150,50\u00a0CHF, plus que le budget de l'action (150\u00a0CHF).")


def test_messages_and_pages_share_one_money_and_one_date_function():
    import pac_gen.text
    from pac_gen.site import render

    assert (render.money, render.day, render.number) == (pac_gen.text.money, pac_gen.text.day, pac_gen.text.number)
    assert message("W101", "fr", title="T", date=date(2026, 8, 1), deadline=date(2026, 6, 30)) == (
        "L'action « T » est datée du 1 août 2026, après l'échéance de l'objectif (30 juin 2026).")
    assert message("W601", "en", title="T", total=Amount(Decimal("1500"), "EUR"), budget=Amount(Decimal("99.5"))) == (
        "The tasks of “T” add up to €1,500, more than the action's budget (€99.50).")


def test_e208_on_an_objective_names_its_deadline_and_on_a_ritual_its_end():
    objective = W601_PLAN.replace("debut: 2026-03-02", "debut: 2026-07-02")
    problems = [p for p in check(objective, today=date(2026, 3, 2)).problems if p.code == "E208"]
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, 10, "L'objectif commence (2 juillet 2026) après son échéance (30 juin 2026) : corrige l'une des deux dates.")]
    ritual = W601_PLAN + "rituels:\n  - rituel: Bilan\n    frequence: hebdomadaire\n    debut: 2026-05-04\n    fin: 2026-04-01\n"
    problems = [p for p in check(ritual, "en", today=date(2026, 3, 2)).problems if p.code == "E208"]
    assert [(p.line, p.column, p.message) for p in problems] == [
        (20, 10, "The ritual ends (April 1, 2026) before it starts (May 4, 2026): fix “end” or “start”.")]


# --- « statut:fait »: the colon is there, the space is not -------------------------------------

def test_a_colon_without_its_space_is_said_as_such_at_the_colon():
    plan = W601_PLAN.replace("        budget: 150.50\n", "        budget: 150.50\n        statut:fait\n")
    problems = check(plan).problems
    assert [(p.code, p.line, p.column, p.message) for p in problems] == [
        ("E001", 13, 15, "Erreur de syntaxe YAML : il manque une espace après ce « : » (écris « statut: fait »).")]
    problems = check(plan, "en").problems
    assert problems[0].message == "YAML syntax error: a space is missing after this “:” (write “statut: fait”)."


def test_a_glued_colon_opening_a_list_item_is_said_at_that_colon():
    plan = W601_PLAN.replace("  - intitule: Stand\n", "  - intitule:Stand\n")
    problems = check(plan).problems
    assert [(p.code, p.line, p.column, p.message) for p in problems] == [
        ("E001", 6, 13, "Erreur de syntaxe YAML : il manque une espace après ce « : » (écris « intitule: Stand »).")]


@pytest.mark.parametrize("item", ["https://exemple.fr", "14:00", "Réunion à 14:00"])
def test_an_address_or_a_time_is_not_taken_for_a_glued_colon(item):
    plan = W601_PLAN.replace("  - intitule: Stand\n", f"  - {item}\n")
    problems = check(plan).problems
    assert [(p.code, p.line) for p in problems] == [("E001", 7)]
    assert "il manque une espace" not in problems[0].message


def test_a_key_really_missing_its_colon_is_still_said_so():
    plan = W601_PLAN.replace("        budget: 150.50\n", "        budget: 150.50\n        statut fait\n")
    problems = check(plan).problems
    assert [(p.code, p.line, p.message) for p in problems] == [
        ("E001", 13, "Erreur de syntaxe YAML : il manque « : » après une clé.")]


# --- make serve is as quiet as make site ---------------------------------------------------------

def test_serve_and_build_silence_the_mkdocs_2_notices_in_one_place(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(engines_run.process, "run", lambda command, env, **_: seen.append((command[3:5], env)) or 0)
    engines_run.build("mkdocs", tmp_path / "mkdocs.yml")
    engines_run.serve("mkdocs", tmp_path / "mkdocs.yml")
    engines_run.serve("properdocs", tmp_path / "mkdocs.yml")
    assert [command for command, _ in seen] == [["mkdocs", "build"], ["mkdocs", "serve"], ["properdocs", "serve"]]
    for _, env in seen:
        assert env["NO_MKDOCS_2_WARNING"] == "1" and env["DISABLE_MKDOCS_2_WARNING"] == "true"


# --- One register, the course's: « tu » --------------------------------------------------------

# Second person plural: « vous », « votre », « vos », and verbs in « -ez » (« écrivez », « vouliez »).
_VOUS = re.compile(r"(?<![\w-])(vous|votre|vos|\w+ez)(?!\w)", re.IGNORECASE)
# Words that only look like it: « chez », « assez », « nez », and « rendez-vous » (its « vous » follows a hyphen).
_ALLOWED = {"chez", "assez", "nez", "rendez"}


def _vous(text: str) -> list[str]:
    return [m.group(1) for m in _VOUS.finditer(text) if m.group(1).lower() not in _ALLOWED]


def test_the_french_catalogue_says_tu():
    found = {key: _vous(entry["fr"]) for key, entry in MESSAGES.items() if _vous(entry["fr"])}
    assert found == {}


def _french_pages() -> list[Path]:
    docs = [p for p in (ROOT / "docs").rglob("*.md") if "en" not in p.relative_to(ROOT / "docs").parts[:1]]
    templates = [*(ROOT / "pac_gen" / "site" / "templates").glob("*.html")]
    return [ROOT / "README.md", ROOT / "SECURITY.md", *docs, *templates]


def test_the_french_guide_readme_and_templates_say_tu():
    found = {str(p.relative_to(ROOT)): _vous(p.read_text("utf-8")) for p in _french_pages()}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_register_check_catches_what_it_is_for():
    assert _vous("Écrivez-la 2026-06-15 ; vouliez-vous dire « fait » ? Votre plan, vos mesures.") == [
        "Écrivez", "vouliez", "Votre", "vos"]
    assert _vous("3 rendez-vous chez un client, assez souvent ; écris-la ; tu veux") == []


# --- A learner's unit agrees with its number ---------------------------------------------------

@pytest.mark.parametrize(("value", "unit", "lang", "expected"), [
    (1, "boutiques", "fr", "1\u00a0boutique"),
    (0, "boutiques", "fr", "0\u00a0boutique"),
    (Decimal("1.45"), "boutiques", "fr", "1,45\u00a0boutique"),
    (2, "boutiques", "fr", "2\u00a0boutiques"),
    (1, "calls", "en", "1\u00a0call"),
    (0, "calls", "en", "0\u00a0calls"),
    (1, "rendez-vous", "fr", "1\u00a0rendez-vous"),
    (1, "devis", "fr", "1\u00a0devis"),
    (1, "SMS", "fr", "1\u00a0SMS"),
    (1, "cours", "fr", "1\u00a0cours"),
    (1, "devis signés", "fr", "1\u00a0devis signés"),
    (1390, "visites", "fr", "1\u202f390\u00a0visites"),
])
def test_a_unit_in_the_plural_agrees_with_its_number(value, unit, lang, expected):
    from pac_gen.text import with_unit

    assert with_unit(value, unit, lang) == expected


def test_the_plan_page_the_chart_and_the_review_say_1_boutique():
    from pac_gen.format.settings import Settings
    from pac_gen.review.markdown import _number
    from pac_gen.site.charts import format_number
    from pac_gen.site.render import environment

    macro = environment().from_string("{{ 1 | with_unit('boutiques', 'fr') }}").render()
    assert macro == "1\u00a0boutique"
    assert format_number(1.0, Settings(today=date(2026, 11, 27), lang="fr"), "boutiques") == "1\u00a0boutique"
    assert _number(1, "boutiques", "fr") == "1 boutique"


def test_new_speaks_the_chosen_language_in_its_help(columns, capsys):
    """`pac-gen new` had its help hard-coded in French whatever --lang said."""
    assert _exit(["new", "--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: pac-gen new [-h] [--lang {fr,en}] [--yes] [--today YYYY-MM-DD] PATH\n")
    assert "  --yes, -y           ask nothing: a template with example values\n" in out
    assert "fichier" not in out and "modèle" not in out
    assert _exit(["new", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage : pac-gen new [-h] [--lang {fr,en}] [--yes] [--today AAAA-MM-JJ] CHEMIN\n")
    assert "  CHEMIN              fichier à créer, ex. plans/camille/boutique.yaml\n" in out
