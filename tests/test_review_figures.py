"""`pac-gen review` for the trainer (issue 21 §5): statuses and late tasks that move, free texts,
new plans in figures, the exit code, and golden reports of a scripted git history."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from pac_gen.check.validate import check_bytes
from pac_gen.cli import main
from pac_gen.format.settings import Settings
from pac_gen.review import review, to_json, to_markdown
from pac_gen.review.markdown import shorten
from pac_gen.site.pages import PlanSource, SiteOptions, plan_page
from tests.conftest import TODAY, compare_golden
from tests.test_review import PATH_A, PLAN_A, SALON, commit, edit, git

GOLDEN = Path(__file__).resolve().parent / "golden" / "review"


def compared(base_text: str, head_text: str, path: str = PATH_A) -> dict:
    """The JSON report of one plan changed from ``base_text`` to ``head_text`` (today: 27 Nov 2026)."""
    settings = Settings(today=TODAY)
    base = {path: check_bytes(path, base_text.encode(), settings)}
    head = {path: check_bytes(path, head_text.encode(), settings)}
    return json.loads(to_json(review(base, head, settings, "main", "pr")))


def markdown_lines(base_text: str, head_text: str, lang: str = "fr") -> list[str]:
    settings = Settings(today=TODAY)
    base = {PATH_A: check_bytes(PATH_A, base_text.encode(), settings)}
    head = {PATH_A: check_bytes(PATH_A, head_text.encode(), settings)}
    text = to_markdown(review(base, head, settings, "main", "pr"), lang)
    return [line for line in text.splitlines() if line.startswith(("- ", "**"))]


# --- Indicator statuses, as the plan page shows them


# Nouveaux clients, 0 → 10 from 1 Sep 2026 to 28 Feb 2027 (180 days): on 15 Nov (day 75) the path
# expects 41.7 %; 2 clients is 20 % (late). On 25 Nov (day 85) it expects 47.2 %; 5 clients is 50 %.
LATE = edit(PLAN_A, ("      2026-10-01: 2\n", "      2026-10-01: 2\n      2026-11-15: 2\n"))
ON_TRACK = edit(LATE, ("      2026-11-15: 2\n", "      2026-11-15: 2\n      2026-11-25: 5\n"))


def test_a_measurement_that_brings_an_indicator_back_on_track_says_so():
    report = compared(LATE, ON_TRACK)
    [plan] = report["plans"]
    assert plan["changes"] == [
        {"kind": "measurement.added", "name": "Nouveaux clients", "before": 0.2, "after": 0.5,
         "measurements": [{"date": "2026-11-25", "value": 5}], "unit": "clients"},
        {"kind": "indicator.status", "name": "Nouveaux clients", "before": "en_retard", "after": "dans_les_temps"},
    ]
    assert plan["summary"] == {"measurements_added": 1, "indicators_status": 1}
    assert markdown_lines(LATE, ON_TRACK) == [
        "**1 mesure ajoutée, 1 indicateur change de statut**",
        "- Mesure ajoutée à « Nouveaux clients » : 5 clients le 25 nov. 2026 ; progression : 20\xa0% → 50\xa0%",
        "- Statut de l'indicateur « Nouveaux clients » : en retard → dans les temps",
    ]
    assert markdown_lines(LATE, ON_TRACK, "en")[-1] == "- Status of the indicator “Nouveaux clients”: late → on track"
    # Back again: the other way round.
    assert compared(ON_TRACK, LATE)["plans"][0]["changes"][-1] == {
        "kind": "indicator.status", "name": "Nouveaux clients", "before": "dans_les_temps", "after": "en_retard"}


def test_the_review_reads_the_status_the_plan_page_shows():
    # One place: the page's status class for each indicator is the review's word after the change.
    settings = Settings(today=TODAY)
    checked = check_bytes(PATH_A, ON_TRACK.encode(), settings)
    html = plan_page(PlanSource(checked, "a/plan.yaml"), SiteOptions(settings=settings), PATH_A).html
    assert 'pac-gen-indicator pac-gen-status--dans_les_temps' in html
    assert 'pac-gen-indicator pac-gen-status--en_retard' not in html
    late = check_bytes(PATH_A, LATE.encode(), settings)
    assert 'pac-gen-indicator pac-gen-status--en_retard' in plan_page(PlanSource(late, "a/plan.yaml"), SiteOptions(settings=settings),
                                                                      PATH_A).html


# Format v1.1: "Contacts pris au salon" measured every month from 1 Sep: due on 1 Oct, overdue on 27 Nov.
MONTHLY = edit(PLAN_A, ("    outil: Carnet\n", "    outil: Carnet\n    periodicite: mensuelle\n"))
MEASURED = edit(MONTHLY, ("    periodicite: mensuelle\n", "    periodicite: mensuelle\n    mesures:\n      2026-11-20: 40\n"))


def test_an_overdue_measurement_made_up_is_a_status_change_too():
    [plan] = compared(MONTHLY, MEASURED)["plans"]
    assert plan["changes"] == [
        {"kind": "measurement.added", "name": "Contacts pris au salon", "before": None, "after": 0.4,
         "measurements": [{"date": "2026-11-20", "value": 40}], "unit": "contacts"},
        {"kind": "indicator.status", "name": "Contacts pris au salon", "before": "aucune_mesure",
         "after": "dans_les_temps"},
        {"kind": "indicator.caught_up", "name": "Contacts pris au salon", "before": "2026-10-01", "after": None},
    ]
    assert plan["summary"] == {"measurements_added": 1, "indicators_status": 1, "measurements_caught_up": 1}
    assert markdown_lines(MONTHLY, MEASURED)[-1] == (
        "- Relevé rattrapé : « Contacts pris au salon » (il était attendu le 1 oct. 2026)")
    # The other way round, the measurement is overdue again: a status of the plan after the change.
    [plan] = compared(MEASURED, MONTHLY)["plans"]
    assert plan["changes"][-1] == {"kind": "indicator.overdue", "name": "Contacts pris au salon",
                                   "before": None, "after": "2026-10-01"}


def test_an_indicator_without_a_readable_start_gets_no_status_change():
    # No `debut`: the plan starts at its earliest action; one action unreadable makes that start a guess.
    base = edit(LATE, ("  debut: 2026-09-01\n", ""))
    head = edit(ON_TRACK, ("  debut: 2026-09-01\n", ""), ("    type: prospection\n", "    type: vente\n"))
    kinds = [c["kind"] for c in compared(base, head)["plans"][0]["changes"]]
    assert kinds == ["measurement.added"]
    assert [c["kind"] for c in compared(base, edit(ON_TRACK, ("  debut: 2026-09-01\n", "")))["plans"][0]["changes"]] \
        == ["measurement.added", "indicator.status"]


# --- Late tasks


# Three tasks late on 27 Nov (due 1 Oct, 10 Nov and 15 Nov, not done), then two of them done.
THREE_LATE = edit(PLAN_A, ("        date_limite: 2026-10-01\n        statut: fait",
                           "        date_limite: 2026-10-01\n        statut: a_faire"),
                  ("        date_limite: 2026-12-15", "        date_limite: 2026-11-15"))
ONE_LATE = edit(THREE_LATE, ("        date_limite: 2026-10-01\n        statut: a_faire",
                             "        date_limite: 2026-10-01\n        statut: fait"),
                ("        date_limite: 2026-11-10\n        statut: a_faire",
                 "        date_limite: 2026-11-10\n        statut: fait"))


def test_the_late_task_count_moves_from_three_to_one():
    [plan] = compared(THREE_LATE, ONE_LATE)["plans"]
    assert plan["changes"] == [
        {"kind": "task.status", "name": "Réserver le stand", "parent": SALON, "before": "a_faire", "after": "fait"},
        {"kind": "task.status", "name": "Imprimer les flyers", "parent": SALON, "before": "a_faire", "after": "fait"},
        {"kind": "tasks.late", "name": "Trouver dix clients", "before": 3, "after": 1},
    ]
    assert plan["summary"] == {"tasks_done": 2}  # a figure, not a change of its own
    assert markdown_lines(THREE_LATE, ONE_LATE)[0] == "**2 tâches faites, tâches en retard : 3 → 1**"
    assert markdown_lines(THREE_LATE, ONE_LATE, "en")[0] == "**2 tasks done, late tasks: 3 → 1**"
    # Moving a deadline past today also takes a task out of the late ones.
    later = edit(ONE_LATE, ("        date_limite: 2026-11-15", "        date_limite: 2026-12-15"))
    assert compared(ONE_LATE, later)["plans"][0]["changes"][-1] == {
        "kind": "tasks.late", "name": "Trouver dix clients", "before": 1, "after": 0}


def test_an_unreadable_task_does_not_move_the_late_count():
    broken = edit(ONE_LATE, ("        date_limite: 2026-11-15\n        statut: en_cours",
                             "        date_limite: 2026-11-15\n        statut: bientot"))
    assert "tasks.late" not in [c["kind"] for c in compared(ONE_LATE, broken)["plans"][0]["changes"]]


# --- Free texts


LONG_OLD = ("Le salon a attiré beaucoup de monde le samedi, moins le dimanche ; les flyers sont partis "
            "dès midi et il a fallu en réimprimer en urgence chez l'imprimeur du coin.")
COMMENTED = edit(PLAN_A, ("        statut: en_cours\n", f"        statut: en_cours\n        commentaires: {LONG_OLD}\n"))


def test_a_changed_comment_shows_its_new_text_and_the_old_one_shortened():
    new = "Trois contacts **chauds** : Léa, Sam et la boutique du port.\n\nRelance prévue lundi."
    head = edit(COMMENTED, (f"        commentaires: {LONG_OLD}\n",
                            "        commentaires: |\n" + textwrap.indent(new, "          ") + "\n"))
    [plan] = compared(COMMENTED, head)["plans"]
    assert plan["changes"] == [{"kind": "task.comments", "name": "Relancer les contacts", "parent": SALON,
                                "before": LONG_OLD, "after": new + "\n"}]
    assert plan["summary"] == {"texts_edited": 1}
    assert markdown_lines(COMMENTED, head)[1] == (
        f"- Commentaires de la tâche « Relancer les contacts » (« {SALON} ») : "
        "« Trois contacts \\*\\*chauds\\*\\* : Léa, Sam et la boutique du port. Relance prévue lundi. » "
        "(avant : « Le salon a attiré beaucoup de monde le samedi, moins le dimanche ; les flyers… »)")
    assert markdown_lines(COMMENTED, head, "en")[1].startswith(
        f"- Comments of the task “Relancer les contacts” (“{SALON}”): “Trois contacts")


def test_a_comment_added_or_removed_and_only_reflowed():
    assert markdown_lines(PLAN_A, COMMENTED)[1] == (
        f"- Commentaires de la tâche « Relancer les contacts » (« {SALON} »), nouveau texte : « {LONG_OLD} »")
    assert markdown_lines(COMMENTED, PLAN_A)[1] == (
        f"- Commentaires de la tâche « Relancer les contacts » (« {SALON} ») : texte retiré "
        "(avant : « Le salon a attiré beaucoup de monde le samedi, moins le dimanche ; les flyers… »)")
    reflowed = edit(COMMENTED, (f"commentaires: {LONG_OLD}", "commentaires: >\n          " + LONG_OLD.replace(" ; ", "\n          ; ")))
    assert compared(COMMENTED, reflowed)["plans"] == []  # the same words: nothing to read


def test_result_findings_and_plan_notes_are_texts_too():
    base = PLAN_A + "notes: Première idée.\nsuivi:\n  - date: 2026-11-20\n    constat: Peu de contacts.\n"
    head = edit(base, ("notes: Première idée.", "notes: Deuxième idée."),
                ("constat: Peu de contacts.", "constat: Douze contacts, dont trois chauds."),
                ("        statut: en_cours\n", "        statut: en_cours\n        resultat: 12 contacts\n"))
    changes = compared(base, head)["plans"][0]["changes"]
    assert changes == [
        {"kind": "plan.notes", "name": "Trouver dix clients", "before": "Première idée.", "after": "Deuxième idée."},
        {"kind": "task.result", "name": "Relancer les contacts", "parent": SALON, "before": None,
         "after": "12 contacts"},
        {"kind": "review.findings", "name": "2026-11-20", "before": "Peu de contacts.",
         "after": "Douze contacts, dont trois chauds.", "date": "2026-11-20"},
    ]
    assert markdown_lines(base, head)[1:] == [
        "- Notes du plan : « Deuxième idée. » (avant : « Première idée. »)",
        f"- Résultat de la tâche « Relancer les contacts » (« {SALON} »), nouveau texte : « 12 contacts »",
        "- Constat de la revue du 20 nov. 2026 : « Douze contacts, dont trois chauds. » (avant : « Peu de contacts. »)",
    ]


@pytest.mark.parametrize(("value", "limit", "expected"), [
    ("Court.", 80, "Court."),
    ("un  deux\n\ntrois", 80, "un deux trois"),
    ("un deux trois quatre cinq", 15, "un deux trois…"),  # at a word boundary, 14 characters and « … »
    ("un, deux, trois, quatre", 12, "un, deux…"),  # no comma before the ellipsis
    ("https://exemple.fr/une/adresse/tres/longue", 20, "https://exemple.fr/…"),  # one word: cut where it falls
])
def test_shorten_cuts_at_a_word_and_never_goes_over(value, limit, expected):
    assert shorten(value, limit) == expected
    assert len(shorten(value, limit)) <= limit


# --- A new plan, in figures


NEW_PLAN = textwrap.dedent("""\
    titre: Ouvrir un atelier
    objectif:
      intitule: Remplir 8 ateliers
      debut: 2026-10-01
      echeance: 2027-03-31
    actions:
      - intitule: Annonces locales
        type: communication
        budget: 300
        taches:
          - tache: Écrire l'annonce
            date_limite: 2026-10-15
          - tache: Déposer les affiches
            date_limite: 2026-11-01
          - tache: Relancer la mairie
            date_limite: 2027-01-10
      - intitule: Partenariat
        type: prospection
        budget: 150.5
    indicateurs:
      - indicateur: Inscrits
        type: resultat
        valeur_initiale: 0
        valeur_cible: 64
        outil: Agenda
        mesures:
          2026-11-01: 4
    rituels:
      - rituel: Point du lundi
        frequence: hebdomadaire
        debut: 2026-10-05
        pendant: 8 semaines
    equipe:
      - nom: Jo
    """)


def test_a_new_plan_is_summed_up_with_its_figures():
    settings = Settings(today=TODAY)
    head = {"plans/c.yaml": check_bytes("plans/c.yaml", NEW_PLAN.encode(), settings)}
    report = review({}, head, settings, "main", None)
    [plan] = json.loads(to_json(report))["plans"]
    problems = [(p["code"], p["severity"]) for p in plan["introduced"]]
    assert plan["outline"] == {
        "objective": "Remplir 8 ateliers", "start": "2026-10-01", "deadline": "2027-03-31", "actions": 2, "tasks": 3,
        "late_tasks": 2, "indicators": 1, "indicator_statuses": {"en_retard": 1}, "rituals": 1, "obstacles": 0,
        "team": 1, "reviews": 0, "budget": 450.5, "currency": "EUR",
        "errors": sum(s == "error" for _, s in problems), "warnings": sum(s == "warning" for _, s in problems),
    }
    assert plan["outline"]["errors"] == 0 and plan["outline"]["warnings"] >= 1
    assert [c["kind"] for c in plan["changes"]] == ["plan.added"]  # not every action, task and indicator
    lines = to_markdown(report, "fr").splitlines()
    warnings = plan["outline"]["warnings"]
    start = lines.index("- Nouveau plan « Ouvrir un atelier »")
    assert lines[start:start + 5] == [
        "- Nouveau plan « Ouvrir un atelier »",
        "- Objectif : « Remplir 8 ateliers », du 1 oct. 2026 au 31 mars 2027",
        "- Contenu : 2 actions, 3 tâches (dont 2 en retard), 1 indicateur (en retard : 1), 1 rituel, "
        "1 personne dans l'équipe",
        "- Budget des actions : 450,50\xa0€",
        f"- Validation : {warnings} avertissement{'s' if warnings > 1 else ''}",
    ]
    english = to_markdown(report, "en").splitlines()
    assert "- Contents: 2 actions, 3 tasks (2 late), 1 indicator (late: 1), 1 ritual, 1 team member" in english
    assert "## Review of the plans: `main` → `working tree`" in english


def test_a_new_plan_with_an_error_counts_what_could_be_read():
    settings = Settings(today=TODAY)
    broken = edit(NEW_PLAN, ("    type: prospection\n", "    type: vente\n"))
    head = {"plans/c.yaml": check_bytes("plans/c.yaml", broken.encode(), settings)}
    report = review({}, head, settings, "main", "pr")
    [plan] = json.loads(to_json(report))["plans"]
    assert (plan["outline"]["actions"], plan["outline"]["errors"]) == (1, 1)
    assert report.errors_introduced == 1
    text = to_markdown(report, "fr")
    assert "> Le plan contient des erreurs : la comparaison ne porte que sur ce qui a pu être lu." in text


def test_only_a_new_plan_has_an_outline():
    report = compared(LATE, ON_TRACK)
    assert "outline" not in report["plans"][0]


# --- The command: exit codes, the working tree in JSON, --help


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, list[str]]:
    """A cohort's repository, commit by commit: a plan, a week of progress with a new plan, a mistake, its fix."""
    root = tmp_path / "cohorte"
    root.mkdir()
    git(root, "init", "-q")
    week = edit(THREE_LATE + "suivi:\n  - date: 2026-11-20\n    constat: Peu de contacts.\n",
                ("      2026-10-01: 2\n", "      2026-10-01: 2\n      2026-11-15: 2\n"),
                ("    outil: Carnet\n", "    outil: Carnet\n    periodicite: mensuelle\n"),
                ("        statut: en_cours\n", f"        statut: en_cours\n        commentaires: {LONG_OLD}\n"))
    progress = edit(week, ("        date_limite: 2026-10-01\n        statut: a_faire",
                           "        date_limite: 2026-10-01\n        statut: fait"),
                    ("        date_limite: 2026-11-10\n        statut: a_faire",
                     "        date_limite: 2026-11-10\n        statut: fait"),
                    ("      2026-11-15: 2\n", "      2026-11-15: 2\n      2026-11-25: 5\n"),
                    ("    periodicite: mensuelle\n", "    periodicite: mensuelle\n    mesures:\n      2026-11-20: 40\n"),
                    (f"        commentaires: {LONG_OLD}\n",
                     "        commentaires: Trois contacts chauds (Léa, Sam et la boutique du port). Relance lundi.\n"),
                    ("    constat: Peu de contacts.", "    constat: Peu de contacts, mais trois très intéressés."))
    mistake = edit(progress, ("    valeur_cible: 10\n", "    valeur_cible: dix\n"))
    revs = [
        commit(root, {PATH_A: week, "README.md": "x\n"}, "mon plan"),
        commit(root, {PATH_A: progress, "plans/c/atelier.yaml": NEW_PLAN}, "ma semaine et un nouveau plan"),
        commit(root, {PATH_A: mistake}, "une faute"),
        commit(root, {PATH_A: progress}, "corrigée"),
    ]
    return root, revs


def run_review(monkeypatch, capsys, repo: Path, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(repo)
    code = main(["review", *args, "--today", "2026-11-27"])
    out, err = capsys.readouterr()
    return code, out, err


def _named(text: str, revs: list[str]) -> str:
    """Commit hashes change with every run: the goldens name them by their place in the history."""
    for index, rev in enumerate(revs):
        text = text.replace(rev, f"<commit {index}>")
    return text


def test_golden_reports_of_a_week_of_work(history, monkeypatch, capsys):
    root, revs = history
    files = {}
    for name, args in (
        ("week.fr.md", (revs[0], revs[1])),
        ("week.en.md", (revs[0], revs[1], "--lang", "en")),
        ("week.json", (revs[0], revs[1], "--format", "json")),
        ("mistake.fr.md", (revs[1], revs[2])),
        ("mistake.json", (revs[1], revs[2], "--format", "json")),
    ):
        code, out, err = run_review(monkeypatch, capsys, root, *args)
        assert err == ""
        assert code == (1 if name.startswith("mistake") else 0), name
        files[GOLDEN / name] = _named(out, revs)
    compare_golden(files)


def test_exit_codes(history, monkeypatch, capsys):
    root, revs = history
    # 0: no error introduced (the new plan brings warnings only).
    assert run_review(monkeypatch, capsys, root, revs[0], revs[1])[0] == 0
    # 1: an error that was not there before; the report is written all the same.
    code, out, _ = run_review(monkeypatch, capsys, root, revs[1], revs[2])
    assert code == 1 and "erreur E" in out
    # 0: the error was there before the change and is still there (already counted by the check).
    (root / PATH_A).write_text(git(root, "show", f"{revs[2]}:{PATH_A}") + "\nnotes: Toujours en cours.\n",
                               encoding="utf-8")
    code, out, _ = run_review(monkeypatch, capsys, root, revs[2])
    assert code == 0 and "Erreurs déjà présentes :" in out
    # 0: fixing it.
    assert run_review(monkeypatch, capsys, root, revs[2], revs[3])[0] == 0
    # 2: nothing compared.
    assert run_review(monkeypatch, capsys, root, "nulle-part")[:2] == (2, "")


def test_the_working_tree_is_named_in_json(history, monkeypatch, capsys):
    root, revs = history
    (root / PATH_A).write_text(git(root, "show", f"{revs[3]}:{PATH_A}") + "\nnotes: En cours.\n", encoding="utf-8")
    code, out, _ = run_review(monkeypatch, capsys, root, revs[3], "--format", "json")
    report = json.loads(out)
    assert (code, report["base"], report["head"]) == (0, revs[3], "working tree")
    assert run_review(monkeypatch, capsys, root, revs[3])[1].startswith(
        f"## Relecture des plans : `{revs[3]}` → `arbre de travail`")


def test_help_lists_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["review", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.split("codes de sortie :\n", 1)[1].splitlines() == [
        "  0  rapport écrit, aucune erreur introduite (des avertissements, peut-être)",
        "  1  rapport écrit, au moins une erreur introduite (dans HEAD, pas dans BASE)",
        "  2  rien de comparé : révision inconnue, pas de dépôt git, option invalide",
    ]
    assert '"head" vaut "working tree"' in " ".join(out.split())


def test_an_empty_comment_counts_as_none():
    emptied = edit(COMMENTED, (f"        commentaires: {LONG_OLD}\n", "        commentaires: ' '\n"))
    assert markdown_lines(COMMENTED, emptied)[1].endswith(
        ": texte retiré (avant : « Le salon a attiré beaucoup de monde le samedi, moins le dimanche ; les flyers… »)")


def test_an_unreadable_new_plan_is_outlined_by_its_errors_and_fails_the_review(history, monkeypatch, capsys):
    root, revs = history
    (root / "plans" / "x.yaml").write_text("objectif: [oops\n", encoding="utf-8")
    code, out, _ = run_review(monkeypatch, capsys, root, revs[3], "--format", "json")
    [plan] = json.loads(out)["plans"]
    assert code == 1
    assert plan["outline"] == {
        "objective": None, "start": None, "deadline": None, "actions": 0, "tasks": 0, "late_tasks": 0,
        "indicators": 0, "indicator_statuses": {}, "rituals": 0, "obstacles": 0, "team": 0, "reviews": 0,
        "budget": None, "currency": "EUR", "errors": 1, "warnings": 0}
    code, out, _ = run_review(monkeypatch, capsys, root, revs[3])
    lines = out.splitlines()
    start = lines.index("- Nouveau plan « x »")
    assert (code, lines[start + 1]) == (1, "- Validation : 1 erreur")


def test_the_old_text_is_shown_from_where_it_starts_to_differ():
    from pac_gen.review.markdown import old_excerpt

    # Short: whole. Rewritten from its start: its start. Same start, changed further on: from 3 words before.
    assert old_excerpt("Pas encore de réponse.", "Deux réponses.") == "Pas encore de réponse."
    assert old_excerpt(LONG_OLD, "Tout autre chose.") == (
        "Le salon a attiré beaucoup de monde le samedi, moins le dimanche ; les flyers…")
    assert old_excerpt(LONG_OLD, LONG_OLD + " Relance lundi.") == (
        "…l'imprimeur du coin.")
    assert old_excerpt(LONG_OLD, LONG_OLD.replace("moins le dimanche", "et le dimanche aussi")) == (
        "…monde le samedi, moins le dimanche ; les flyers sont partis dès midi et il a…")
    head = edit(COMMENTED, (f"commentaires: {LONG_OLD}", f"commentaires: {LONG_OLD} Relance lundi."))
    assert markdown_lines(COMMENTED, head)[1] == (
        f"- Commentaires de la tâche « Relancer les contacts » (« {SALON} ») : « {LONG_OLD} Relance lundi. » "
        "(avant : « …l'imprimeur du coin. »)")


def test_the_golden_report_renders_as_headings_headlines_and_lists():
    # What the run's summary shows: Python-Markdown stands in for GitHub's renderer.
    import re

    import markdown

    html = markdown.markdown((GOLDEN / "week.fr.md").read_text(encoding="utf-8"))
    assert re.findall(r"<h3>(.*?)</h3>", html) == [
        "Trouver dix clients (<code>plans/a/plan.yaml</code>)", "Ouvrir un atelier (<code>plans/c/atelier.yaml</code>)"]
    assert re.findall(r"<strong>(.*?)</strong>", html)[1] == "Nouveau plan, 1 avertissement introduit"
    assert [ul.count("<li>") for ul in re.findall(r"<ul>(.*?)</ul>", html, re.DOTALL)] == [9, 5, 1]
    # Learner text stays text: the comment's **chauds** is not bold, its parentheses no link.
    settings = Settings(today=TODAY)
    head = edit(COMMENTED, (f"commentaires: {LONG_OLD}", "commentaires: Trois contacts **chauds** [ici](https://x.fr)"))
    report = review({PATH_A: check_bytes(PATH_A, COMMENTED.encode(), settings)},
                    {PATH_A: check_bytes(PATH_A, head.encode(), settings)}, settings, "main", "pr")
    html = markdown.markdown(to_markdown(report, "fr"))
    assert "« Trois contacts **chauds** [ici](https\u200b://x.fr) »" in html
    assert html.count("<strong>") == 1 and "<a " not in html
