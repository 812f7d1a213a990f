"""`pac-gen review`: throw-away git repositories, commit after commit, and the exact report."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from datetime import date
from pathlib import Path

import pytest

from pac_gen.check.problems import Problem, Severity
from pac_gen.check.validate import check_bytes
from pac_gen.cli import main
from pac_gen.format.settings import Settings
from pac_gen.review import PlanReport, Report, RevisionError, plan_files_at, review, to_json, to_markdown
from tests.conftest import TODAY

PLAN_A = textwrap.dedent("""\
    titre: Trouver dix clients
    auteur: Test
    objectif:
      intitule: Signer 10 nouveaux clients
      debut: 2026-09-01
      echeance: 2027-02-28
    actions:
      - id: salon
        intitule: Tenir un stand au salon
        type: prospection
        horizon: court
        lancement: 2026-09-01
        date_limite: 2026-12-31
        budget: 1500
        taches:
          - tache: Réserver le stand
            date_limite: 2026-10-01
            statut: fait
          - tache: Imprimer les flyers
            date_limite: 2026-11-10
            statut: a_faire
          - tache: Relancer les contacts
            date_limite: 2026-12-15
            statut: en_cours
    indicateurs:
      - id: clients
        indicateur: Nouveaux clients
        type: resultat
        unite: clients
        valeur_initiale: 0
        valeur_cible: 10
        outil: CRM
        mesures:
          2026-10-01: 2
      - id: contacts
        indicateur: Contacts pris au salon
        type: suivi
        unite: contacts
        valeur_initiale: 0
        valeur_cible: 100
        outil: Carnet
    freins:
      - frein: Peu de temps
        solutions: [Bloquer les vendredis]
    equipe:
      - nom: Alex
        role: Stagiaire
    """)

# A second plan, added in the second commit, with one warning (an obstacle without a solution).
PLAN_B = textwrap.dedent("""\
    titre: Fidéliser les clientes
    objectif:
      intitule: Faire revenir 20 clientes
      debut: 2026-10-01
      echeance: 2027-03-31
    actions:
      - intitule: Carte de fidélité
        type: fidelisation
        horizon: court
    indicateurs:
      - indicateur: Clientes revenues
        type: resultat
        valeur_initiale: 0
        valeur_cible: 20
        outil: Caisse
      - indicateur: Cartes distribuées
        type: suivi
        valeur_initiale: 0
        valeur_cible: 100
        outil: Caisse
    freins:
      - frein: Oubli de la carte
    """)


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# Commit 2: two tasks done, the action's deadline moved by 5 days, its budget raised,
# a task added, a measurement added, and a new plan.
PLAN_A2 = edit(
    PLAN_A,
    ("    date_limite: 2026-12-31\n    budget: 1500", "    date_limite: 2027-01-05\n    budget: 1800"),
    ("        statut: a_faire", "        statut: fait\n        fait_le: 2026-11-20"),
    ("        statut: en_cours", "        statut: fait\n"
                                 "      - tache: Envoyer un devis aux contacts chauds\n"
                                 "        date_limite: 2026-12-20"),
    ("      2026-10-01: 2\n", "      2026-10-01: 2\n      2026-11-15: 5\n"),
)
# Commit 3: the plan made invalid (a status that does not exist), plus a measurement.
PLAN_A3 = edit(
    PLAN_A2,
    ("        date_limite: 2026-10-01\n        statut: fait", "        date_limite: 2026-10-01\n        statut: fini"),
    ("    outil: Carnet\n", "    outil: Carnet\n    mesures:\n      2026-11-20: 40\n"),
)
# Commit 4: fixed.
PLAN_A4 = edit(PLAN_A3, ("statut: fini", "statut: fait"))

PATH_A = "plans/a/plan.yaml"
PATH_B = "plans/b/fidelite.yaml"
SALON = "Tenir un stand au salon"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, check=True, text=True, env=env)
    return done.stdout.strip()


def commit(repo: Path, files: dict[str, str | None], message: str) -> str:
    for name, text in files.items():
        target = repo / name
        if text is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, list[str]]:
    """A repository with four commits of plan A (and plan B from the second one)."""
    root = tmp_path / "cohorte"
    root.mkdir()
    git(root, "init", "-q")
    revs = [
        commit(root, {PATH_A: PLAN_A, "README.md": "x\n"}, "plan A"),
        commit(root, {PATH_A: PLAN_A2, PATH_B: PLAN_B}, "avancement"),
        commit(root, {PATH_A: PLAN_A3}, "cassé"),
        commit(root, {PATH_A: PLAN_A4}, "réparé"),
    ]
    return root, revs


def run_review(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], repo: Path,
               *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(repo)
    code = main(["review", *args, "--today", "2026-11-27"])
    out, err = capsys.readouterr()
    return code, out, err


def problem(path: str, line: int, column: int, severity: str, code: str, message: str) -> dict[str, object]:
    return {"path": path, "line": line, "column": column, "severity": severity, "code": code, "message": message}


STEP_2_CHANGES = [
    {"kind": "action.due", "name": SALON, "before": "2026-12-31", "after": "2027-01-05", "days": 5},
    {"kind": "action.budget", "name": SALON, "before": 1500, "after": 1800, "currency": "EUR"},
    {"kind": "task.added", "name": "Envoyer un devis aux contacts chauds", "parent": SALON},
    {"kind": "task.status", "name": "Imprimer les flyers", "parent": SALON, "before": "a_faire", "after": "fait"},
    {"kind": "task.status", "name": "Relancer les contacts", "parent": SALON, "before": "en_cours", "after": "fait"},
    # "Imprimer les flyers" was due on 10 Nov and still to do on the 27th: late before, done after.
    {"kind": "tasks.late", "name": "Trouver dix clients", "before": 1, "after": 0},
    {"kind": "measurement.added", "name": "Nouveaux clients", "before": 0.2, "after": 0.5,
     "measurements": [{"date": "2026-11-15", "value": 5}], "unit": "clients"},
    # 2 of 10 on 1 Oct (expected 17 %: on track); 5 of 10 on 15 Nov (expected 42 %, +8 points: ahead).
    {"kind": "indicator.status", "name": "Nouveaux clients", "before": "dans_les_temps", "after": "en_avance"},
]
STEP_2_SUMMARY = {"tasks_done": 2, "tasks_added": 1, "deadlines_later": 1, "budgets_changed": 1,
                  "measurements_added": 1, "indicators_status": 1}
PLAN_B_ADDED = {
    "path": PATH_B, "title": "Fidéliser les clientes", "state": "added", "valid_before": None, "valid_after": True,
    "summary": {"plan_added": 1, "warnings_introduced": 1},
    "changes": [{"kind": "plan.added", "name": "Fidéliser les clientes"}],
    "introduced": [problem(PATH_B, 22, 5, "warning", "W501", "Le frein « Oubli de la carte » n'a aucune solution.")],
    "fixed": [], "remaining_errors": [],
    # A new plan is summed up in figures, not listed item by item.
    "outline": {"objective": "Faire revenir 20 clientes", "start": "2026-10-01", "deadline": "2027-03-31",
                "actions": 1, "tasks": 0, "late_tasks": 0, "indicators": 2, "indicator_statuses": {"aucune_mesure": 2},
                "rituals": 0, "obstacles": 1, "team": 0, "reviews": 0, "budget": None, "currency": "EUR",
                "errors": 0, "warnings": 1},
}
E105_FR = ("Valeur « fini » non reconnue. Valeurs possibles : a_faire (todo), en_cours (doing), "
           "fait (done), abandonne (dropped).")


def test_progress_commit_names_exactly_its_changes(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, err = run_review(monkeypatch, capsys, root, revs[0], revs[1], "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "base": revs[0], "head": revs[1], "today": "2026-11-27", "unchanged": 0,
        "plans": [
            {"path": PATH_A, "title": "Trouver dix clients", "state": "changed", "valid_before": True,
             "valid_after": True, "summary": STEP_2_SUMMARY, "changes": STEP_2_CHANGES,
             "introduced": [], "fixed": [], "remaining_errors": []},
            PLAN_B_ADDED,
        ],
    }


def test_progress_commit_in_french_markdown(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, _ = run_review(monkeypatch, capsys, root, revs[0], revs[1])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"## Relecture des plans : `{revs[0]}` → `{revs[1]}`"
    assert "Date de référence : 27 nov. 2026." in lines
    start = lines.index(f"### Trouver dix clients (`{PATH_A}`)")
    assert lines[start + 1:start + 11] == [
        "",
        "**2 tâches faites, 1 tâche ajoutée, 1 échéance repoussée, 1 budget modifié, 1 mesure ajoutée, "
        "1 indicateur change de statut, tâches en retard : 1 → 0**",
        "",
        f"- Date limite de l'action « {SALON} » : 31 déc. 2026 → 5 janv. 2027 (+5 j)",
        f"- Budget de l'action « {SALON} » : 1\u202f500\xa0€ → 1\u202f800\xa0€",
        f"- Tâche ajoutée à « {SALON} » : « Envoyer un devis aux contacts chauds »",
        f"- Tâche « Imprimer les flyers » (« {SALON} ») : à faire → fait",
        f"- Tâche « Relancer les contacts » (« {SALON} ») : en cours → fait",
        "- Mesure ajoutée à « Nouveaux clients » : 5 clients le 15 nov. 2026 ; progression : 20\xa0% → 50\xa0%",
        "- Statut de l'indicateur « Nouveaux clients » : dans les temps → en avance",
    ]
    start = lines.index(f"### Fidéliser les clientes (`{PATH_B}`)")
    assert lines[start + 1:start + 12] == [
        "", "**Nouveau plan, 1 avertissement introduit**", "",
        "- Nouveau plan « Fidéliser les clientes »",
        "- Objectif : « Faire revenir 20 clientes », du 1 oct. 2026 au 31 mars 2027",
        "- Contenu : 1 action, 2 indicateurs (aucune mesure : 2), 1 frein",
        "- Validation : 1 avertissement",
        "", "Problèmes introduits :", "",
        f"- `{PATH_B}:22:5` avertissement W501 : Le frein « Oubli de la carte » n'a aucune solution.",
    ]
    assert len([line for line in lines if line.startswith("- ")]) == 12


def test_progress_commit_in_english(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, _ = run_review(monkeypatch, capsys, root, revs[0], revs[1], "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"## Review of the plans: `{revs[0]}` → `{revs[1]}`"
    assert [line for line in lines if line.startswith(("- ", "**"))] == [
        "**2 tasks done, 1 task added, 1 deadline pushed back, 1 budget changed, 1 measurement added, "
        "1 indicator changes status, late tasks: 1 → 0**",
        f"- Deadline of the action “{SALON}”: Dec 31, 2026 → Jan 5, 2027 (+5 d)",
        f"- Budget of the action “{SALON}”: €1,500 → €1,800",
        f"- Task added to “{SALON}”: “Envoyer un devis aux contacts chauds”",
        f"- Task “Imprimer les flyers” (“{SALON}”): todo → done",
        f"- Task “Relancer les contacts” (“{SALON}”): doing → done",
        "- Measurement added to “Nouveaux clients”: 5 clients on Nov 15, 2026; progress: 20% → 50%",
        "- Status of the indicator “Nouveaux clients”: on track → ahead",
        "**New plan, 1 warning introduced**",
        "- New plan “Fidéliser les clientes”",
        "- Objective: “Faire revenir 20 clientes”, from Oct 1, 2026 to Mar 31, 2027",
        "- Contents: 1 action, 2 indicators (no measurement: 2), 1 obstacle",
        "- Validation: 1 warning",
        f"- `{PATH_B}:22:5` warning W501: The obstacle “Oubli de la carte” has no solution.",
    ]


def test_plan_made_invalid_reports_the_error_and_what_can_still_be_compared(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, _ = run_review(monkeypatch, capsys, root, revs[1], revs[2], "--format", "json")
    assert code == 1  # the change introduces an error: the report is still written
    assert json.loads(out)["plans"] == [{
        "path": PATH_A, "title": "Trouver dix clients", "state": "changed", "valid_before": True,
        "valid_after": False, "summary": {"measurements_added": 1, "indicators_status": 1, "errors_introduced": 1},
        # The unreadable task is neither "removed" nor "changed" (nor counted late); the new measurement still shows.
        "changes": [{"kind": "measurement.added", "name": "Contacts pris au salon", "before": None, "after": 0.4,
                     "measurements": [{"date": "2026-11-20", "value": 40}], "unit": "contacts"},
                    {"kind": "indicator.status", "name": "Contacts pris au salon", "before": "aucune_mesure",
                     "after": "dans_les_temps"}],
        "introduced": [problem(PATH_A, 18, 17, "error", "E105", E105_FR)],
        "fixed": [], "remaining_errors": [],
    }]
    assert json.loads(out)["unchanged"] == 1
    code, out, _ = run_review(monkeypatch, capsys, root, revs[1], revs[2])
    assert code == 1
    lines = out.splitlines()
    assert "**1 mesure ajoutée, 1 indicateur change de statut, 1 erreur introduite**" in lines
    assert "- Mesure ajoutée à « Contacts pris au salon » : 40 contacts le 20 nov. 2026 ; progression : — → 40\xa0%" in lines
    assert "> Le plan contient des erreurs : la comparaison ne porte que sur ce qui a pu être lu." in lines
    assert f"- `{PATH_A}:18:17` erreur E105 : {E105_FR}" in lines
    assert "1 plan sans changement." in lines


def test_plan_fixed_reports_the_fixed_error_only(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, _ = run_review(monkeypatch, capsys, root, revs[2], revs[3], "--format", "json", "--lang", "en")
    assert code == 0
    assert json.loads(out)["plans"] == [{
        "path": PATH_A, "title": "Trouver dix clients", "state": "changed", "valid_before": False,
        "valid_after": True, "summary": {"errors_fixed": 1}, "changes": [],
        "introduced": [],
        "fixed": [problem(PATH_A, 18, 17, "error", "E105",
                          "Value “fini” is not recognised. Allowed values: a_faire (todo), en_cours (doing), "
                          "fait (done), abandonne (dropped).")],
        "remaining_errors": [],
    }]


def test_whole_branch_sums_up_the_commits(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, _ = run_review(monkeypatch, capsys, root, revs[0], revs[3], "--format", "json")
    assert code == 0
    plans = json.loads(out)["plans"]
    contacts = [{"kind": "measurement.added", "name": "Contacts pris au salon", "before": None, "after": 0.4,
                 "measurements": [{"date": "2026-11-20", "value": 40}], "unit": "contacts"},
                {"kind": "indicator.status", "name": "Contacts pris au salon", "before": "aucune_mesure",
                 "after": "dans_les_temps"}]
    assert plans == [
        {"path": PATH_A, "title": "Trouver dix clients", "state": "changed", "valid_before": True,
         "valid_after": True, "summary": {**STEP_2_SUMMARY, "measurements_added": 2, "indicators_status": 2},
         "changes": [*STEP_2_CHANGES, *contacts], "introduced": [], "fixed": [], "remaining_errors": []},
        PLAN_B_ADDED,
    ]


def test_working_tree_is_the_default_head_and_nothing_is_written(repo, monkeypatch, capsys):
    root, revs = repo
    (root / PATH_A).write_text(edit(PLAN_A4, ("echeance: 2027-02-28", "echeance: 2027-03-31")), encoding="utf-8")
    (root / PATH_B).unlink()
    before_status = git(root, "status", "--porcelain")
    code, out, _ = run_review(monkeypatch, capsys, root, "HEAD", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["base"], report["head"]) == ("HEAD", "working tree")  # never "": no ref has a space
    assert [(p["path"], p["state"], p["summary"], p["changes"]) for p in report["plans"]] == [
        (PATH_A, "changed", {"deadlines_later": 1},
         [{"kind": "objective.deadline", "name": "Trouver dix clients", "before": "2027-02-28",
           "after": "2027-03-31", "days": 31}]),
        (PATH_B, "removed", {"plan_removed": 1}, [{"kind": "plan.removed", "name": "Fidéliser les clientes"}]),
    ]
    assert git(root, "status", "--porcelain") == before_status
    assert git(root, "rev-parse", "HEAD") == revs[3]
    code, out, _ = run_review(monkeypatch, capsys, root, "HEAD")
    assert "## Relecture des plans : `HEAD` → `arbre de travail`" in out
    assert "- Échéance de l'objectif : 28 févr. 2027 → 31 mars 2027 (+31 j)" in out.splitlines()
    assert "- Plan supprimé : « Fidéliser les clientes »" in out.splitlines()


def test_same_revision_lists_nothing(repo, monkeypatch, capsys):
    root, revs = repo
    code, out, _ = run_review(monkeypatch, capsys, root, revs[3], revs[3])
    assert code == 0
    assert out.splitlines()[-3:] == ["Aucun plan modifié.", "", "2 plans sans changement."]


def test_unknown_revision_is_a_usage_error_in_french(repo, monkeypatch, capsys):
    root, _ = repo
    code, out, err = run_review(monkeypatch, capsys, root, "origin/nulle-part", "HEAD")
    assert (code, out) == (2, "")
    assert err == ("pac-gen review: la révision « origin/nulle-part » est inconnue de ce dépôt (branche, étiquette "
                   "ou commit ?). Dans GitHub Actions, récupère tout l'historique (fetch-depth: 0).\n")
    with pytest.raises(RevisionError, match="« -x » est inconnue"):  # never passed to git as an option
        plan_files_at("-x", "plans", root)


def test_outside_a_repository_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = run_review(monkeypatch, capsys, tmp_path, "HEAD")
    assert (code, out) == (2, "")
    assert err == "pac-gen review: ce dossier n'est pas dans un dépôt git.\n"


def test_git_reading_skips_hidden_links_and_other_files(repo):
    root, _ = repo
    (root / "plans" / ".brouillon").mkdir()
    (root / "plans" / ".brouillon" / "x.yaml").write_text("titre: x\n", encoding="utf-8")
    (root / "plans" / "notes.txt").write_text("x\n", encoding="utf-8")
    (root / "plans" / "lien.yaml").symlink_to("a/plan.yaml")
    (root / "plans" / "c.YML").write_text("titre: c\n", encoding="utf-8")
    head = commit(root, {}, "divers")
    assert sorted(plan_files_at(head, "plans", root)) == [PATH_A, PATH_B, "plans/c.YML"]
    assert plan_files_at(head, "plans", root)[PATH_A] == PLAN_A4.encode()


def test_syntax_error_plan_reports_position_and_no_invented_changes():
    settings = Settings(today=TODAY)
    base = {PATH_A: check_bytes(PATH_A, PLAN_A.encode(), settings)}
    broken = edit(PLAN_A, ("  intitule: Signer 10 nouveaux clients", "  intitule: [Signer 10 nouveaux clients"))
    head = {PATH_A: check_bytes(PATH_A, broken.encode(), settings)}
    report = review(base, head, settings, "a", "b")
    assert json.loads(to_json(report))["plans"] == [{
        "path": PATH_A, "title": "Trouver dix clients", "state": "changed", "valid_before": True, "valid_after": False,
        "summary": {"errors_introduced": 1}, "changes": [],
        "introduced": [problem(PATH_A, 4, 13, "error", "E001", "Erreur de syntaxe YAML : liste entre crochets "
                               "mal fermée : il manque « , » ou « ] ».")],
        "fixed": [], "remaining_errors": [],
    }]
    assert "\n- `plans/a/plan.yaml:4:13` erreur E001 : Erreur de syntaxe YAML" in to_markdown(report, "fr")


def test_learner_text_cannot_inject_markup():
    settings = Settings(today=TODAY)
    base = {PATH_A: check_bytes(PATH_A, PLAN_A.encode(), settings)}
    head_text = edit(PLAN_A, ("tache: Imprimer les flyers\n        date_limite: 2026-11-10\n        statut: a_faire",
                              "tache: Imprimer les flyers\n        date_limite: 2026-11-10\n        statut: fait"),
                     ("titre: Trouver dix clients", "titre: \"<script>alert(1)</script> *gras* [lien](x)\""))
    head = {PATH_A: check_bytes(PATH_A, head_text.encode(), settings)}
    text = to_markdown(review(base, head, settings, "a", "b"), "fr")
    assert "### &lt;script&gt;alert(1)&lt;/script&gt; \\*gras\\* \\[lien\\](x) (`plans/a/plan.yaml`)" in text
    assert "<script>" not in text
    assert "- Plan : autres modifications (titre)" in text.splitlines()


def test_rituals_obstacles_team_and_other_edits():
    settings = Settings(today=TODAY)
    base_text = edit(PLAN_A, ("    budget: 1500\n", "    budget: 1500\n    moyens_actuels: [Voiture]\n"))
    head_text = edit(
        base_text,
        ("    moyens_actuels: [Voiture]\n", "    moyens_actuels: [Voiture, Kakemono]\n"),
        ("    solutions: [Bloquer les vendredis]\n",
         "    solutions: [Bloquer les vendredis, Déléguer les envois]\n"
         "rituels:\n"
         "  - rituel: Point du vendredi\n"
         "    frequence: hebdomadaire\n"
         "    debut: 2026-11-06\n"
         "    pendant: 8 semaines\n"),
        ("    role: Stagiaire\n", "    role: Stagiaire\n    cout: 450.5\n  - nom: Sam\n"),
        ("    valeur_cible: 100\n", "    valeur_cible: 120\n"),
    )
    base = {PATH_A: check_bytes(PATH_A, base_text.encode(), settings)}
    head = {PATH_A: check_bytes(PATH_A, head_text.encode(), settings)}
    assert head[PATH_A].problems == []
    report = review(base, head, settings, "a", "b")
    [plan] = json.loads(to_json(report))["plans"]
    assert plan["summary"] == {"budgets_changed": 1, "other_changes": 5}
    assert plan["changes"] == [
        {"kind": "action.edited", "name": SALON, "fields": ["moyens_actuels"]},
        {"kind": "indicator.target", "name": "Contacts pris au salon", "before": 100, "after": 120,
         "unit": "contacts"},
        {"kind": "ritual.added", "name": "Point du vendredi"},
        {"kind": "obstacle.edited", "name": "Peu de temps", "fields": ["solutions"]},
        {"kind": "team.added", "name": "Sam"},
        {"kind": "team.cost", "name": "Alex", "before": None, "after": 450.5, "currency": "EUR"},
    ]
    english = [line for line in to_markdown(report, "en").splitlines() if line.startswith(("- ", "**"))]
    assert english == [
        "**1 budget changed, 5 other changes**",
        f"- Action “{SALON}”: other edits (current_means)",
        "- Target of the indicator “Contacts pris au salon”: 100 contacts → 120 contacts",
        "- Ritual added: “Point du vendredi”",
        "- Obstacle “Peu de temps”: edited (solutions)",
        "- Team: “Sam” added",
        "- Cost of “Alex” (team): — → €450.50",
    ]
    french = [line for line in to_markdown(report, "fr").splitlines() if line.startswith(("- ", "**"))]
    assert french[0] == "**1 budget modifié, 5 autres modifications**"
    assert french[-1] == "- Coût de « Alex » (équipe) : — → 450,50\xa0€"


def test_file_names_cannot_escape_their_code_spans_in_the_report() -> None:
    path = "plans/x`![t](https://evil.example/p.png)`\n\n## ✅ Tout est valide.yaml"
    problem = Problem(path, 3, 5, Severity.ERROR, "E101", "Clé inconnue.")
    plan = PlanReport(path, "Titre", "changed", True, False, introduced=[problem])
    report = Report("main`", "HEAD", date(2026, 11, 27), [plan])
    text = to_markdown(report, "fr")
    flat = "plans/x`![t](https://evil.example/p.png)`⏎⏎## ✅ Tout est valide.yaml"
    assert text.splitlines()[0] == "## Relecture des plans : `` main` `` → `HEAD`"
    assert f"### Titre (``{flat}``)" in text.splitlines()
    assert f"- ``{flat}:3:5`` erreur E101 : Clé inconnue." in text.splitlines()
    assert not [line for line in text.splitlines() if line.startswith("## ✅")]


def test_a_misspelt_value_is_not_reported_as_removed_and_other_changes_still_show():
    # The check's partial plan drops the bad budget; the review leaves that action out
    # rather than saying "budget 1 500 € → —", and still sees the new task status elsewhere.
    settings = Settings(today=TODAY)
    base = {PATH_A: check_bytes(PATH_A, PLAN_A.encode(), settings)}
    head_text = edit(PLAN_A, ("    budget: 1500", "    budget: beaucoup"))
    checked = check_bytes(PATH_A, head_text.encode(), settings)
    assert checked.plan is None and checked.readable is not None and checked.pruning is not None
    report = json.loads(to_json(review(base, {PATH_A: checked}, settings, "a", "b")))
    (plan,) = report["plans"]
    assert [c["kind"] for c in plan["changes"]] == []
    assert [p["code"] for p in plan["introduced"]] == ["E110"]
