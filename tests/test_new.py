"""``pac-gen new``: template with --yes, questions on a terminal, never overwrite."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from pac_gen.check.validate import check_file
from pac_gen.cli import main
from pac_gen.cli.new_plan import quote
from pac_gen.format.model import ActionKind, Frequency, IndicatorKind, Rhythm, Stage, Term, TimeOfDay, Weekday
from pac_gen.format.settings import Settings

TODAY = date(2026, 11, 27)


def checked(path: Path, lang: str = "fr"):
    return check_file(path, Settings(today=TODAY, lang=lang))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A cohort repository with the committed schema, as the plans sit in one."""
    (tmp_path / "docs" / "schema").mkdir(parents=True)
    (tmp_path / "docs" / "schema" / "plan.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "docs" / "schema" / "plan.schema.en.json").write_text("{}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_yes_writes_a_template_that_validates_with_only_example_content_warnings(repo: Path, lang: str) -> None:
    path = repo / "plans" / "camille" / "nouveau.yaml"
    assert main(["new", str(path), "--yes", "--lang", lang, "--today", "2026-11-27"]) == 0
    result = checked(path, lang)
    assert result.errors == []
    assert {p.code for p in result.warnings} == {"W1207"}  # every text the learner did not type (tests/test_coherence_21.py)
    plan = result.plan
    assert plan is not None
    assert plan.objective.start == date(2026, 11, 27)
    assert plan.objective.deadline == date(2027, 5, 27)  # six months later
    assert plan.objective.stage is Stage.STARTUP
    assert [(a.kind, a.term) for a in plan.actions] == [
        (ActionKind.PROSPECTING, Term.SHORT), (ActionKind.COMMUNICATION, Term.MEDIUM), (ActionKind.RETENTION, Term.LONG)]
    law = plan.actions[0].law_of_numbers
    assert law is not None and (law.target_result, law.planned_volume) == (3, 9)
    assert [i.kind for i in plan.indicators] == [IndicatorKind.RESULT, IndicatorKind.TRACKING]
    assert plan.rituals[0].days == [Weekday.FRIDAY] and plan.rituals[0].start == date(2026, 11, 27)
    lines = path.read_text(encoding="utf-8").splitlines()
    schema = "plan.schema.json" if lang == "fr" else "plan.schema.en.json"
    assert lines[0] == f"# yaml-language-server: $schema=../../docs/schema/{schema}"


def test_template_explains_the_method_in_french_comments(repo: Path) -> None:
    path = repo / "plans" / "a.yaml"
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 0
    content = path.read_text(encoding="utf-8")
    assert "#  - prospection : aller chercher de nouveaux clients" in content
    assert "#  - fidelisation : faire revenir et recommander" in content
    assert "# Loi des nombres : pour 1 résultat, prévoir 3 tentatives en démarrage (2 en développement)." in content
    assert "#  - resultat : dit si l'objectif est atteint" in content
    assert "#  - suivi : pilote les actions en cours de route" in content


def test_schema_comment_points_at_the_installed_copy_outside_a_repository(tmp_path: Path) -> None:
    # An address the editor can load offline (tests/test_schema.py opens it in yaml-language-server).
    from pac_gen.format.schema import PACKAGED_SCHEMAS

    path = tmp_path / "plan.yaml"
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 0
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={PACKAGED_SCHEMAS['fr'].as_uri()}"
    assert PACKAGED_SCHEMAS["fr"].is_file()


def test_standard_input_not_a_terminal_writes_the_template_without_asking(repo: Path) -> None:
    path = repo / "plans" / "b.yaml"
    done = subprocess.run([sys.executable, "-m", "pac_gen", "new", str(path), "--today", "2026-11-27"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONUTF8": "1"}, check=False)
    assert done.returncode == 0, done.stderr
    assert "Plan créé" in done.stdout
    assert "Objectif" not in done.stdout  # no question was asked
    assert {p.code for p in checked(path).problems} == {"W1207"}


def test_refuses_to_overwrite_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("objectif: mon brouillon\n", encoding="utf-8")
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 1
    assert path.read_text(encoding="utf-8") == "objectif: mon brouillon\n"
    assert path.stat().st_mtime_ns == 1_700_000_000_000_000_000
    assert capsys.readouterr().err == f"pac-gen new : {path} existe déjà ; il n'est pas modifié. Choisissez un autre nom.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


ANSWERS = [
    "Camille Lefèvre",                       # author
    'Vendre "en direct" : 50 % # pas un commentaire \\ {x}',  # strategy, with YAML-looking characters
    "Augmenter le CA en ligne de 30 %",     # objective
    "31/02/2027",                            # impossible date: asked again
    "2026-11-01",                            # before the start: asked again
    "30/06/2027",                            # deadline
    "growth",                                # stage, in English
    "Démarcher des boutiques",               # action 1
    "prospecter",                            # unknown kind: asked again
    "prospection",
    "",                                      # default term: court
    "Newsletter mensuelle",                  # action 2
    "Fidélisation",
    "long",
    "",                                      # end of the actions
    "Chiffre d'affaires mensuel", "€", "1 200", "1560", "Excel", "",  # default rhythm: mensuelle
    "Visiteurs du site", "visites", "beaucoup", "300", "900", "Matomo", "tous les jours", "Toutes les 2 semaines",
    "Revue de la semaine", "jeudi", "matin", "12 semaines",
    "2027-07-01", "15/12/2026",              # first review: after the deadline, asked again
    "11", "8", "Un binôme", "oui", "0", "6",  # motivation: level off the scale and 0 hours, asked again
]


def test_questions_answered_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("\n".join(ANSWERS) + "\n"))
    path = tmp_path / "plans" / "camille.yaml"
    assert main(["new", str(path), "--today", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "La date « 31/02/2027 » n'existe pas dans le calendrier." in out
    assert "L'échéance doit venir après le début du plan (2026-11-27)." in out
    assert "Valeur « prospecter » non reconnue. Valeurs possibles : prospection (prospecting)" in out
    assert "Nombre « beaucoup » non reconnu" in out
    result = checked(path)
    assert {p.code for p in result.problems} == {"W1207"}  # the example task and obstacle, kept
    plan = result.plan
    assert plan is not None
    assert plan.author == "Camille Lefèvre"
    assert plan.strategy == 'Vendre "en direct" : 50 % # pas un commentaire \\ {x}'
    assert plan.objective.statement == "Augmenter le CA en ligne de 30 %"
    assert plan.objective.deadline == date(2027, 6, 30)
    assert plan.objective.stage is Stage.GROWTH
    assert [(a.title, a.kind, a.term) for a in plan.actions] == [
        ("Démarcher des boutiques", ActionKind.PROSPECTING, Term.SHORT),
        ("Newsletter mensuelle", ActionKind.RETENTION, Term.LONG)]
    law = plan.actions[0].law_of_numbers
    assert law is not None and (law.target_result, law.planned_volume) == (3, 6)  # ×2 in growth
    assert plan.actions[0].owner == "Camille Lefèvre"
    result_ind, tracking = plan.indicators
    assert (result_ind.name, result_ind.kind, result_ind.unit, result_ind.initial, result_ind.target,
            result_ind.source) == ("Chiffre d'affaires mensuel", IndicatorKind.RESULT, "€", 1200, 1560, "Excel")
    assert (tracking.kind, tracking.initial, tracking.target) == (IndicatorKind.TRACKING, 300, 900)
    ritual = plan.rituals[0]
    assert (ritual.ritual, ritual.days, ritual.time_of_day, ritual.start, str(ritual.span)) == (
        "Revue de la semaine", [Weekday.THURSDAY], TimeOfDay.MORNING, date(2026, 12, 3), "12 semaines")
    # Format v1.1: each indicator's rhythm, the first review as a monthly ritual, the commitment.
    assert [i.rhythm for i in plan.indicators] == [Rhythm.MONTHLY, Rhythm.BIWEEKLY]
    assert "Valeur « tous les jours » non reconnue. Valeurs possibles : hebdomadaire (weekly)" in out
    assert ("La première revue se place après le début du plan (2026-11-27) et au plus tard à l'échéance "
            "(2027-06-30).") in out
    assert "Niveau « 11 » hors de l'échelle" in out
    review = plan.rituals[1]
    assert (review.ritual, review.frequency, review.start, review.end) == (
        "Revue du plan : analyser les indicateurs, garder ou changer", Frequency.MONTHLY, date(2026, 12, 15),
        date(2027, 6, 30))
    assert plan.reviews == [] and "reviews" in plan.model_fields_set
    motivation = plan.motivation
    assert motivation is not None
    assert (motivation.level, motivation.boosters, motivation.in_group, motivation.planned_hours) == (
        8, ["Un binôme"], True, 6)


def test_abandoned_questions_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("Camille\nstratégie\n"))
    path = tmp_path / "plan.yaml"
    assert main(["new", str(path), "--today", "2026-11-27"]) == 1
    assert not path.exists()
    assert "pac-gen new : abandon, aucun fichier écrit." in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_questions_on_a_real_pseudo_terminal_in_english(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    path = tmp_path / "plan.yaml"
    answers = ["", "", "Double my turnover", "end of May", "2027-05-31", "", "Call shops", "prospecting",
               "short", "", "Turnover", "€", "1000", "2000", "CRM", "quarterly", "Calls", "calls", "0", "40", "CRM",
               "", "Weekly review", "friday", "afternoon", "3 months", "", "", "", "", ""]
    proc = subprocess.Popen([sys.executable, "-m", "pac_gen", "new", str(path), "--lang", "en", "--today", "2026-11-27"],
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                            env={**os.environ, "PYTHONUTF8": "1"})
    os.close(slave)
    os.write(master, ("\n".join(answers) + "\n").encode("utf-8"))
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0, output.decode("utf-8", "replace")
    shown = output.decode("utf-8").replace("\r\n", "\n")
    assert "Deadline of the objective (YYYY-MM-DD or DD/MM/YYYY) [2027-05-27]: " in shown
    assert "Date “end of May” is not recognised: write it 2026-06-15 or 15/06/2026." in shown
    result = checked(path, "en")
    assert {p.code for p in result.problems} == {"W1207"}
    assert result.plan is not None
    assert result.plan.objective.deadline == date(2027, 5, 31)
    assert result.plan.indicators[1].target == 40
    assert [i.rhythm for i in result.plan.indicators] == [Rhythm.QUARTERLY, Rhythm.WEEKLY]
    assert "how often it is measured: weekly, biweekly, monthly or quarterly [weekly]: " in shown
    assert result.plan.motivation is not None and result.plan.motivation.level == 7
    assert "strategie" not in path.read_text(encoding="utf-8")  # an empty answer leaves the key out


@pytest.mark.parametrize("value", [
    'a "quoted" word', "back\\slash", "# not a comment", "key: value", "- item", "{flow}", "[list]",
    "&anchor *alias !tag", "100 %", "yes", "2026-01-01", "tab\there", "line\u2028separator", "next\x85line",
    "ümlaut ½ €", "'single'", "@at `tick`",
])
def test_quote_always_gives_back_the_same_text(value: str) -> None:
    expected = "".join(c for c in value if c not in "\t\x85")  # control characters are dropped
    assert yaml.safe_load(f"key: {quote(value)}\n") == {"key": expected}


def test_a_file_where_the_folder_should_be_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "plans"
    blocker.write_text("pas un dossier", encoding="utf-8")
    assert main(["new", str(blocker / "x.yaml"), "--yes", "--today", "2026-11-27"]) == 2
    assert capsys.readouterr().err.startswith(f"pac-gen new : impossible de créer {blocker / 'x.yaml'} : son dossier")
    assert blocker.read_text(encoding="utf-8") == "pas un dossier"
