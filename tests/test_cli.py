"""The ``pac-gen validate`` command: exit codes, output formats, options."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pac_gen.cli import main

ROOT = Path(__file__).resolve().parent.parent

VALID = """\
objectif:
  intitule: Augmenter le CA
  debut: 2026-01-01
  echeance: 2026-12-31
actions:
  - intitule: Boutique
    type: prospection
    horizon: court
indicateurs:
  - {indicateur: CA, type: resultat, valeur_initiale: 0, valeur_cible: 9, outil: Excel}
  - {indicateur: Visites, type: suivi, valeur_initiale: 0, valeur_cible: 9, outil: Matomo}
"""
WARNED = VALID.replace(", outil: Matomo", "")  # W403 on line 11, column 5
BROKEN = VALID.replace("type: prospection", "type: vente")  # E105 on line 7, column 11


@pytest.fixture
def plans(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "plans"
    (folder / "camille").mkdir(parents=True)
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_plans_exit_0_with_a_summary(plans, capsys):
    write(plans, "camille/a.yaml", VALID)
    write(plans, "b.yml", VALID)
    write(plans, "notes.txt", "pas un plan : ignoré")
    write(plans, "photo.png", "\x89PNG")
    write(plans, ".brouillon/c.yaml", "objectif: [")  # hidden folder: ignored
    assert main(["validate", "--today", "2026-06-01"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "2 plans, 0 erreur, 0 avertissement\n"


def test_text_format_and_exit_1_on_error(plans, capsys):
    write(plans, "camille/a.yaml", BROKEN)
    assert main(["validate", "plans", "--today", "2026-06-01"]) == 1
    out = capsys.readouterr().out
    assert out == (
        "plans/camille/a.yaml:7:11: erreur : E105 Valeur « vente » non reconnue. Valeurs possibles : "
        "prospection (prospecting), communication, fidelisation (retention).\n"
    )


def test_warnings_pass_unless_strict(plans, capsys):
    write(plans, "a.yaml", WARNED)
    assert main(["validate", "plans", "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("plans/a.yaml:11:5: avertissement : W403 L'indicateur « Visites » n'a pas d'outil")
    assert main(["validate", "plans", "--strict", "--today", "2026-06-01"]) == 1


def test_json_format(plans, capsys):
    write(plans, "a.yaml", BROKEN)
    write(plans, "b.yaml", WARNED)
    assert main(["validate", "plans", "--format", "json", "--lang", "en", "--today", "2026-06-01"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {"path": "plans/a.yaml", "line": 7, "column": 11, "severity": "error", "code": "E105",
         "message": "Value “vente” is not recognised. Allowed values: prospection (prospecting), communication, "
                    "fidelisation (retention)."},
        {"path": "plans/b.yaml", "line": 11, "column": 5, "severity": "warning", "code": "W403",
         "message": "The indicator “Visites” has no source: where will the values come from?"},
    ]


def test_json_format_without_problem_is_an_empty_list(plans, capsys):
    write(plans, "a.yaml", VALID)
    assert main(["validate", "--format", "json", "--today", "2026-06-01"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_format(plans, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    write(plans, "a.yaml", BROKEN)
    write(plans, "b.yaml", WARNED)
    assert main(["validate", "plans", "--format", "github", "--today", "2026-06-01"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "::error file=plans/a.yaml,line=7,col=11::E105 Valeur « vente » non reconnue. Valeurs possibles : "
        "prospection (prospecting), communication, fidelisation (retention)."
    )
    assert lines[1].startswith("::warning file=plans/b.yaml,line=11,col=5::W403 ")
    # The log's last line is the total (GitHub shows only 10 annotations of each kind).
    assert lines[2:] == ["2 plans, 1 erreur, 1 avertissement"]


def test_github_format_writes_every_problem_to_the_job_summary(plans, capsys, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("avant\n", encoding="utf-8")  # GitHub's file is appended to, never replaced
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(plans, "a.yaml", BROKEN.replace("vente", "ven|te <b>"))
    write(plans, "b.yaml", WARNED)
    assert main(["validate", "plans", "--format", "github", "--today", "2026-06-01", "--lang", "en"]) == 1
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == ["avant", "## Plan validation", "", "2 plans, 1 error, 1 warning", "",
                         "| File | Line | Col. | Severity | Code | Message |"]
    rows = lines[7:9]
    assert rows[0].startswith("| `plans/a.yaml` | 7 | 11 | error | E105 | Value “ven\\|te &lt;b&gt;” is not recognised.")
    assert rows[1].startswith("| `plans/b.yaml` | 11 | 5 | warning | W403 | ")
    assert lines[9:] == [""]


def test_today_changes_what_is_judged(plans, capsys):
    # Dates alone do not depend on today; a bad --today is a usage error.
    write(plans, "a.yaml", VALID)
    assert main(["validate", "--today", "31/12/2026"]) == 0
    assert main(["validate", "--today", "demain"]) == 2
    assert "--today" in capsys.readouterr().err


def test_usage_errors_exit_2(plans, capsys):
    assert main(["validate", "absent"]) == 2
    assert capsys.readouterr().err == "pac-gen: absent: introuvable\n"
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--format", "xml"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def test_a_named_file_is_checked_whatever_its_name(plans, capsys):
    path = write(plans, "plan.txt", BROKEN)
    assert main(["validate", str(path), "--today", "2026-06-01"]) == 1
    assert capsys.readouterr().out.startswith(f"{path}:7:11: erreur : E105")


def test_symlink_leading_outside_the_plans_folder_is_an_error(plans, tmp_path, capsys):
    outside = write(tmp_path, "ailleurs/secret.yaml", VALID)
    (plans / "lien.yaml").symlink_to(outside)
    inside = write(plans, "camille/a.yaml", VALID)
    (plans / "alias.yaml").symlink_to(inside)  # a link that stays inside is followed
    assert main(["validate", "plans", "--today", "2026-06-01"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        f"plans/lien.yaml:1:1: erreur : E011 Ce lien symbolique pointe hors du dossier des plans ({outside}) : "
        "il est refusé. Copie le plan dans le dossier au lieu de le lier.\n"
    )
    assert captured.err == "2 plans, 1 erreur, 0 avertissement\n"


def test_example_plans_pass_in_a_real_subprocess():
    result = subprocess.run(
        [sys.executable, "-m", "pac_gen", "validate", "plans", "--today", "2026-11-27", "--strict"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Karim keeps one warning on purpose: shown, and --strict passes (issue 21).
    assert result.stdout.startswith("plans/karim/formations.yaml:197:13: avertissement accepté : W601 ")
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == "3 plans, 0 erreur, 0 avertissement, 1 avertissement accepté\n"


def test_subprocess_reports_errors_in_english(tmp_path):
    write(tmp_path, "plans/a.yaml", BROKEN)
    result = subprocess.run(
        [sys.executable, "-m", "pac_gen", "validate", "--lang", "en", "--today", "2026-06-01"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert result.stdout.startswith("plans/a.yaml:7:11: error: E105 Value “vente” is not recognised.")
    assert result.stderr == "1 plan, 1 error, 0 warnings\n"


def test_an_unknown_time_zone_is_a_usage_error_not_a_traceback(capsys) -> None:
    from pac_gen.cli import main

    for command in (["validate", "plans"], ["export", "plans/camille/boutique.yaml", "--format", "ics"]):
        assert main([*command, "--timezone", "Mars/Olympus"]) == 2
        err = capsys.readouterr().err
        assert err == "pac-gen: --timezone: « Mars/Olympus » n'est pas un fuseau IANA (ex. Europe/Paris)\n"


def test_a_working_day_outside_0_to_24_hours_is_a_usage_error(capsys) -> None:
    from pac_gen.cli import main

    for hours in ("0", "-7", "25", "nan"):
        assert main(["validate", "plans", "--working-day-hours", hours]) == 2
        err = capsys.readouterr().err
        assert err == "pac-gen: --working-day-hours: la journée de travail dure plus de 0 et au plus 24 heures\n"


def test_github_summary_that_cannot_be_written_is_said_not_raised(plans, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a folder: open() fails
    write(plans, "a.yaml", BROKEN)
    assert main(["validate", "plans", "--format", "github", "--today", "2026-06-01"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "1 plan, 1 erreur, 0 avertissement"
    assert err.startswith(f"pac-gen validate: GITHUB_STEP_SUMMARY={tmp_path}: impossible d'écrire le résumé (")


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--timezone", "Mars/Olympus", "pac-gen: --timezone: “Mars/Olympus” is not an IANA time zone (e.g. Europe/Paris)\n"),
    ("--today", "2026-13-01", "pac-gen: --today: “2026-13-01” is not a date (YYYY-MM-DD)\n"),
    ("--working-day-hours", "25", "pac-gen: --working-day-hours: a working day lasts more than 0 and at most 24 hours\n"),
])
def test_option_errors_speak_english_with_lang_en(capsys, option: str, value: str, expected: str) -> None:
    from pac_gen.cli import main

    assert main(["validate", "plans", "--lang", "en", option, value]) == 2
    assert capsys.readouterr().err == expected


def test_new_says_a_bad_today_in_english(tmp_path: Path, capsys) -> None:
    from pac_gen.cli import main

    assert main(["new", str(tmp_path / "p.yaml"), "--lang", "en", "--yes", "--today", "tomorrow"]) == 2
    assert capsys.readouterr().err == "pac-gen: --today: “tomorrow” is not a date (YYYY-MM-DD)\n"
