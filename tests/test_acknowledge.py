"""Acknowledged warnings (issue 21): a learner keeps a warning where it stands, with a reason.

Units on strings with exact positions, the golden plan of ``tests/golden/acknowledged``,
the formatters, the command's exit codes, the plan page and the trainer's review.
The real builds (MkDocs and Zensical, ``--strict``) are in ``tests/test_site.py``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pac_gen.check.acknowledge import item_of
from pac_gen.check.problems import Severity, render
from pac_gen.check.validate import check_file
from pac_gen.cli import main
from pac_gen.format.settings import Settings
from pac_gen.review import review, to_json, to_markdown
from pac_gen.site.pages import PlanSource, SiteOptions, plan_page
from pac_gen.text import colon
from tests.conftest import TODAY, check, codes, compare_golden

GOLDEN = Path(__file__).resolve().parent / "golden" / "acknowledged"

# W601 on line 8 (the action's budget): its tasks cost 1 800 for a budget of 1 500.
PLAN = """\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-09-01
  echeance: 2027-06-30
actions:
  - intitule: Boutique en ligne
    type: prospection
    budget: 1500
    taches:
      - tache: Photos des produits
        budget: 1800
indicateurs:
  - indicateur: Ventes
    type: resultat
    valeur_initiale: 0
    valeur_cible: 5
    outil: Site
  - indicateur: Visiteurs
    type: suivi
    valeur_initiale: 0
    valeur_cible: 500
    outil: Statistiques
"""
ACK = "    avertissements_acceptes:\n      W601: Budget complété par la subvention régionale\n"
ACKED = PLAN.replace("    taches:\n", ACK + "    taches:\n")


def test_the_plan_has_one_warning_and_the_acknowledgement_keeps_it_in_place():
    assert codes(check(PLAN)) == [("W601", 8, 13)]
    result = check(ACKED)
    assert [(p.code, p.line, p.column, p.severity, p.reason) for p in result.problems] == [
        ("W601", 8, 13, Severity.ACKNOWLEDGED, "Budget complété par la subvention régionale")]
    assert result.errors == [] and result.warnings == []
    assert [p.code for p in result.acknowledged] == ["W601"]
    assert result.plan is not None and result.plan.actions[0].acknowledged == {
        "W601": "Budget complété par la subvention régionale"}


def test_the_english_key_and_a_flow_mapping_acknowledge_the_same():
    english = PLAN.replace("    taches:\n", "    acknowledged_warnings: {W601: paid by the grant}\n    taches:\n")
    [problem] = check(english, lang="en").problems
    assert (problem.code, problem.severity, problem.reason) == ("W601", Severity.ACKNOWLEDGED, "paid by the grant")


@pytest.mark.parametrize(("path", "item"), [
    (("actions", 0, "budget"), ("actions", 0)),
    (("actions", 0, "taches", 2, "date_limite"), ("actions", 0, "taches", 2)),
    (("actions", 0, "loi_des_nombres", "volume_prevu"), ("actions", 0)),
    (("indicateurs", 1, "mesures", 0, "date"), ("indicateurs", 1)),
    (("indicateurs", 1), ("indicateurs", 1)),
    (("suivi", 3, "coherent"), ("suivi", 3)),
    (("rituels", 0, "pendant"), ("rituels", 0)),
    (("freins", 2), ("freins", 2)),
    (("objectif", "echeance"), ("objectif",)),
    (("actions",), ()),
    (("indicateurs",), ()),
    ((), ()),
    (("semaine_ideale", "lundi", 0, "de"), ()),
])
def test_a_warning_is_on_the_deepest_item_that_can_hold_acknowledgements(path, item):
    assert item_of(path) == item


def test_an_acknowledgement_on_another_item_does_not_match_and_is_reported_stale():
    # W601 is on the action; acknowledged on its task it keeps counting, and the task's line says so.
    on_task = PLAN.replace("        budget: 1800\n", "        budget: 1800\n" + ACK.replace("    ", "        ", 1)
                           .replace("      W601", "          W601"))
    result = check(on_task)
    assert codes(result) == [("W601", 8, 13), ("W1301", 13, 11)]
    assert [p.severity for p in result.problems] == [Severity.WARNING, Severity.WARNING]
    assert result.problems[1].message == ("Aucun avertissement W601 n'est signalé sur cet élément : cette acceptation "
                                          "ne sert à rien (l'avertissement a disparu, ou il porte sur un autre élément).")


def test_an_acknowledgement_whose_warning_is_gone_is_a_warning_at_its_code():
    fixed = ACKED.replace("budget: 1800", "budget: 1200")
    result = check(fixed)
    assert codes(result) == [("W1301", 10, 7)]
    assert result.warnings == result.problems


def test_each_acknowledgement_matches_its_own_code_only():
    both = ACKED.replace("      W601: Budget", "      W403: pas d'outil\n      W601: Budget")
    assert [(p.code, p.line, p.column, p.severity) for p in check(both).problems] == [
        ("W601", 8, 13, Severity.ACKNOWLEDGED), ("W1301", 10, 7, Severity.WARNING)]


@pytest.mark.parametrize(("entry", "expected"), [
    ("W601:", ("E104", 10, 12)),
    ("W601: ''", ("E303", 10, 13)),
    ("W601: '   '", ("E303", 10, 13)),
    ("w601: ok", ("E301", 10, 7)),
    ("W6001: ok", ("E301", 10, 7)),
    ("E110: ok", ("E302", 10, 7)),
    ("W1301: ok", ("E304", 10, 7)),
])
def test_a_bad_acknowledgement_is_an_error_at_its_line_and_column(entry, expected):
    result = check(ACKED.replace("      W601: Budget complété par la subvention régionale", f"      {entry}"))
    assert codes(result) == [expected]
    assert result.plan is None


def test_bad_acknowledgements_say_why_in_both_languages():
    def message(entry: str, lang: str = "fr") -> str:
        result = check(ACKED.replace("      W601: Budget complété par la subvention régionale", f"      {entry}"), lang)
        [problem] = result.problems
        return problem.message

    assert message("w601: ok").startswith("« w601 » n'est pas le code d'un avertissement que tu peux accepter. "
                                          "Tu voulais dire « W601 » ? Codes possibles : W101, W102,")
    assert "W1102" in message("w601: ok") and "W1301" not in message("w601: ok")
    assert message("W9999: ok", "en").startswith("“W9999” is not the code of a warning you can acknowledge. "
                                                 "Possible codes: W101,")
    assert message("E110: ok") == ("« E110 » est une erreur : une erreur ne s'accepte pas, elle se corrige (le plan "
                                   "n'est pas publié tant qu'elle reste). Retire cette ligne et corrige l'erreur "
                                   "à la ligne qu'elle indique.")
    assert message("W601:") == ("Cette valeur est vide. Une courte raison est attendue ici : "
                                "pourquoi tu gardes cet avertissement.")
    assert message("W601: ''", "en") == "Say in a few words why you keep this warning, for example “W601: budget paid by the grant”."
    assert message("W1301: ok", "en") == ("“W1301” reports an acknowledgement that is no longer needed: "
                                          "remove it rather than acknowledge it.")


def test_a_list_instead_of_codes_and_reasons_is_a_type_error():
    result = check(PLAN.replace("    taches:\n", "    avertissements_acceptes: [W601]\n    taches:\n"))
    assert codes(result) == [("E104", 9, 30)]


def test_formatters_show_the_acknowledgement_and_github_makes_it_a_notice():
    result = check(ACKED)
    line = ("plan.yaml:8:13: avertissement accepté : W601 Les budgets des tâches de « Boutique en ligne » font 1\u202f800\u00a0€, plus que "
            "le budget de l'action (1\u202f500\u00a0€). — Budget complété par la subvention régionale")
    assert render(result.problems, "text") == line
    [data] = json.loads(render(result.problems, "json"))
    assert data == {"path": "plan.yaml", "line": 8, "column": 13, "severity": "acknowledged", "code": "W601",
                    "message": "Les budgets des tâches de « Boutique en ligne » font 1\u202f800\u00a0€, plus que le budget de "
                               "l'action (1\u202f500\u00a0€).",
                    "reason": "Budget complété par la subvention régionale"}
    assert render(result.problems, "github") == (
        "::notice file=plan.yaml,line=8,col=13::W601 Les budgets des tâches de « Boutique en ligne » font 1\u202f800\u00a0€, "
        "plus que le budget de l'action (1\u202f500\u00a0€). — Budget complété par la subvention régionale")
    # Warnings and errors keep no "reason" key in JSON.
    assert "reason" not in json.loads(render(check(PLAN).problems, "json"))[0]


def test_validate_strict_passes_with_the_acknowledged_warning_and_fails_without(tmp_path, capsys):
    acked, plain = tmp_path / "acked.yaml", tmp_path / "plain.yaml"
    acked.write_text(ACKED, encoding="utf-8")
    plain.write_text(PLAN, encoding="utf-8")
    assert main(["validate", "--strict", "--today", "2026-11-27", str(acked)]) == 0
    out = capsys.readouterr()
    assert out.err.strip() == "1 plan, 0 erreur, 0 avertissement, 1 avertissement accepté"
    assert out.out.startswith(f"{acked}:8:13: avertissement accepté : W601 ")
    assert main(["validate", "--strict", "--today", "2026-11-27", str(plain)]) == 1
    assert capsys.readouterr().err.strip() == "1 plan, 0 erreur, 1 avertissement"
    stale = tmp_path / "stale.yaml"
    stale.write_text(ACKED.replace("budget: 1800", "budget: 1200"), encoding="utf-8")
    assert main(["validate", "--strict", "--today", "2026-11-27", "--lang", "en", str(stale)]) == 1
    assert capsys.readouterr().err.strip() == "1 plan, 0 errors, 1 warning"
    assert main(["validate", "--today", "2026-11-27", "--lang", "en", str(acked), str(acked)]) == 0
    assert capsys.readouterr().err.strip() == "2 plans, 0 errors, 0 warnings, 2 warnings acknowledged"


@pytest.mark.parametrize("plan", sorted(GOLDEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_golden(plan):
    result = check_file(plan, Settings(today=TODAY), display=plan.name)
    assert result.errors == [] and result.plan is not None
    compare_golden({plan.with_suffix(".expected.txt"): render(result.problems, "text") + "\n",
                    plan.with_suffix(".expected.json"): render(result.problems, "json") + "\n"})


def test_the_golden_folder_is_found():
    assert sorted(GOLDEN.glob("*.yaml"))


# --- The plan page ----------------------------------------------------------------


def _page(text: str, lang: str = "fr") -> str:
    checked = check(text, lang=lang)
    assert checked.plan is not None
    options = SiteOptions(Settings(today=date(2026, 11, 27), lang=lang))
    return plan_page(PlanSource(checked, "plan.yaml"), options, "plans/plan.yaml").html


def test_the_plan_page_shows_the_acknowledged_warning_with_its_reason_not_as_a_point_to_review():
    page = _page(ACKED)
    assert 'id="avertissements"' not in page and "pac-gen-warning" not in page
    start = page.index('<h2 id="avertissements-acceptes">Avertissements acceptés</h2>')
    section = page[start:page.index("<h2", start + 1)]
    assert "L&#39;apprenant·e garde ces avertissements en connaissance de cause" in section
    assert ('<div class="admonition info pac-gen-acknowledged">\n<p class="admonition-title">W601 — Les budgets des '
            "tâches de « Boutique en ligne » font 1\u202f800\u00a0€, plus que le budget de l&#39;action (1\u202f500\u00a0€).</p>") in section
    assert (f'<p class="pac-gen-reason"><strong>{colon("Raison")}</strong> Budget complété par la subvention '
            "régionale</p>") in section
    assert "<code>plan.yaml:8:13</code>" in section


def test_the_plan_page_lists_open_warnings_first_and_escapes_the_reason():
    text = ACKED.replace("régionale", "<b>régionale</b>").replace("    outil: Site\n", "")
    page = _page(text, "en")
    assert page.index('<h2 id="avertissements">') < page.index('<h2 id="avertissements-acceptes">Acknowledged warnings</h2>')
    assert "W403" in page[page.index('id="avertissements"'):page.index('id="avertissements-acceptes"')]
    assert "<strong>Reason:</strong> Budget complété par la subvention &lt;b&gt;régionale&lt;/b&gt;" in page


def test_a_plan_without_acknowledgements_has_no_such_section():
    assert "avertissements-acceptes" not in _page(PLAN)


# --- The trainer's review ---------------------------------------------------------


def _review(before: str | None, after: str | None, lang: str = "fr"):
    settings = Settings(today=TODAY, lang=lang)
    side = {}
    for name, text in (("base", before), ("head", after)):
        side[name] = {} if text is None else {"plans/a.yaml": _checked(text, settings)}
    return review(side["base"], side["head"], settings, "main", "")


def _checked(text: str, settings: Settings):
    from pac_gen.check.validate import check_bytes

    return check_bytes("plans/a.yaml", text.encode("utf-8"), settings)


def test_review_shows_an_acknowledgement_added_not_a_warning_fixed_and_another_introduced():
    report = _review(PLAN, ACKED)
    [plan] = report.plans
    assert plan.introduced == [] and plan.fixed == []
    assert plan.summary == {"warnings_acknowledged": 1}
    markdown = to_markdown(report)
    assert "**1 avertissement accepté**" in markdown
    assert ("- Avertissement « W601 » accepté, raison « Budget complété par la subvention régionale » : « Les "
            "budgets des tâches de « Boutique en ligne » font 1 800 €, plus que le budget de l'action (1 500 €). »") in markdown
    [change] = json.loads(to_json(report))["plans"][0]["changes"]
    assert change == {"kind": "warning.acknowledged", "name": "Les budgets des tâches de « Boutique en ligne » font "
                      "1\u202f800\u00a0€, plus que le budget de l'action (1\u202f500\u00a0€).", "parent": "W601", "before": None,
                      "after": "Budget complété par la subvention régionale"}


def test_review_shows_an_acknowledgement_removed_and_the_warning_counting_again():
    report = _review(ACKED, PLAN, "en")
    [plan] = report.plans
    assert plan.summary == {"acknowledgements_removed": 1}
    assert ("- Acknowledgement of “W601” removed (reason “Budget complété par la subvention régionale”), the "
            "warning counts again: “The tasks of “Boutique en ligne” add up to €1,800") in to_markdown(report, "en")


def test_review_lists_a_new_warning_acknowledged_at_once_as_acknowledged_with_its_reason():
    report = _review(PLAN.replace("budget: 1800", "budget: 1200"), ACKED)
    [plan] = report.plans
    [problem] = plan.introduced
    assert problem.severity is Severity.ACKNOWLEDGED
    assert plan.summary["warnings_acknowledged"] == 1 and "warnings_introduced" not in plan.summary
    markdown = to_markdown(report)
    assert (f"- `plans/a.yaml:8:13` {colon('avertissement accepté W601')} Les budgets des tâches de « Boutique en ligne » "
            f"font 1 800 €, plus que le budget de l'action (1 500 €). — {colon('Raison')} Budget complété par la subvention "
            "régionale") in markdown


def test_review_of_a_stale_acknowledgement_is_an_introduced_warning():
    report = _review(ACKED, ACKED.replace("budget: 1800", "budget: 1200"))
    [plan] = report.plans
    assert [(p.code, p.severity) for p in plan.introduced] == [("W1301", Severity.WARNING)]
    assert [(p.code, p.severity) for p in plan.fixed] == [("W601", Severity.ACKNOWLEDGED)]
    assert plan.summary["warnings_introduced"] == 1


def test_a_reason_cannot_forge_lines_annotations_or_markup():
    hostile = '"##[warning file=plans/x.yaml]faux\\n::error file=y::z <script>x</script>"'
    result = check(ACKED.replace("Budget complété par la subvention régionale", hostile))
    [problem] = result.problems
    assert problem.reason == "##[warning file=plans/x.yaml]faux\n::error file=y::z <script>x</script>"
    for fmt in ("text", "github"):
        output = render(result.problems, fmt)
        assert len(output.splitlines()) == 1, fmt
        assert "##[warning" not in output and "\n::error" not in output, fmt
    assert "<script>" not in _page(ACKED.replace("Budget complété par la subvention régionale", hostile))
    report = _review(PLAN, ACKED.replace("Budget complété par la subvention régionale", hostile))
    assert "<script>" not in to_markdown(report) and "\n::error" not in to_markdown(report)
