import csv
import io
import os
from pathlib import Path
from urllib.parse import quote

from pac_gen.cli import main
from pac_gen.site.export import neutralise, tasks_csv
from tests.conftest import check

ROOT = Path(__file__).resolve().parent.parent
CAMILLE = ROOT / "plans" / "camille" / "boutique.yaml"

PLAN = """\
objectif:
  intitule: Trouver des clients
  echeance: 2027-03-31
actions:
  - intitule: "=HYPERLINK(\\"http://evil\\")"
    type: prospection
    taches:
      - tache: "-2+3"
        responsable: "@moi"
        date_limite: 2026-10-01
        duree: 1h30
        moyens: "+33 6 00 00 00 00"
        budget: 12.5
        statut: en_cours
        commentaires: |
          Deux lignes ;
          avec "guillemets"
      - tache: Appeler
        statut: fait
        fait_le: 2026-10-02
"""


def test_tasks_csv_for_excel_in_french():
    plan = check(PLAN).plan
    assert plan is not None
    data = tasks_csv(plan, "fr")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n") == [
        "Action;Tâche;Date limite;Durée;Responsable;Moyens;Budget;Statut;Fait le;Commentaires;Résultat",
        "\"'=HYPERLINK(\"\"http://evil\"\")\";'-2+3;2026-10-01;1h30;'@moi;'+33 6 00 00 00 00;12,5;En cours;;"
        "\"Deux lignes ;\navec \"\"guillemets\"\"\";",
        "\"'=HYPERLINK(\"\"http://evil\"\")\";Appeler;;;;;;Fait;2026-10-02;;",
        "",
    ]


def test_tasks_csv_in_english_uses_a_decimal_point():
    plan = check(PLAN).plan
    assert plan is not None
    lines = tasks_csv(plan, "en").decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Action;Task;Due;Duration;Owner;Means;Budget;Status;Done on;Comments;Result"
    assert ";12.5;In progress;" in lines[1]


def test_neutralise_every_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1") == "'" + start + "1"
    assert neutralise("Appeler") == "Appeler"
    assert neutralise("") == ""


def test_cli_export_csv_to_stdout_and_file(tmp_path, capsysbinary):
    assert main(["export", str(CAMILLE), "--format", "csv", "--today", "2026-11-27"]) == 0
    out = capsysbinary.readouterr().out
    lines = out.decode("utf-8-sig").split("\r\n")
    assert len(lines) == 1 + 16 + 1  # header, 16 tasks, final line end
    assert lines[2] == ("Mettre en place une boutique sur le site;Photographier 25 pièces sur fond neutre;2026-09-30;"
                        "2 jours;Julie Martin (photographe);Studio photo de Julie;350;Fait;2026-09-25;;")
    target = tmp_path / "taches.csv"
    assert main(["export", str(CAMILLE), "-o", str(target), "--today", "2026-11-27"]) == 0
    assert target.read_bytes() == out


def test_cli_export_ics_uses_the_rituals_feed(tmp_path):
    target = tmp_path / "plan.ics"
    assert main(["export", str(CAMILLE), "--format", "ics", "-o", str(target), "--today", "2026-11-27"]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_cli_export_reports_errors_with_positions(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("objectif:\n  intitule: X\n  echeanse: 2027-01-01\nactions:\n  - intitule: Y\n    type: prospection\n",
                   encoding="utf-8")
    assert main(["export", str(bad), "--today", "2026-11-27"]) == 1
    err = capsys.readouterr().err
    assert f"{bad.as_posix()}:3:3: erreur : E101 Clé inconnue « echeanse »" in err
    assert main(["export", str(tmp_path / "missing.yaml")]) == 2


def test_cli_export_explains_paths_it_cannot_read_or_write(tmp_path, capsys):
    assert main(["export", str(tmp_path), "--today", "2026-11-27"]) == 2
    assert capsys.readouterr().err == f"pac-gen: {tmp_path}: n'est pas un fichier de plan (un dossier ?)\n"
    for target in (tmp_path, tmp_path / "absent" / "x.csv"):
        assert main(["export", str(CAMILLE), "-o", str(target), "--today", "2026-11-27"]) == 2
        assert capsys.readouterr().err == (f"pac-gen: {target}: impossible d'écrire ce fichier : "
                                           "son dossier existe-t-il, et n'est-ce pas un dossier ?\n")
    assert list(tmp_path.iterdir()) == []


def _uids(path: Path) -> set[str]:
    return {line.split(":", 1)[1].split("/", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("UID:")}


def test_cli_export_names_events_by_the_path_below_the_plans_folder(tmp_path, monkeypatch):
    from pac_gen.cli.export import plan_id_of

    text = CAMILLE.read_text(encoding="utf-8")
    # A site whose mkdocs.yml moves the plans folder, with tags mkdocs resolves itself.
    site = tmp_path / "site"
    (site / "cohorte" / "zoé").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(
        "site_name: T\nsite_url: !ENV [SITE_URL, null]\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - pac_gen:\n      plans_dir: cohorte\n", encoding="utf-8")
    (site / "cohorte" / "zoé" / "plan.yaml").write_text(text, encoding="utf-8")
    # A bare folder called plans, and a plan on its own.
    (tmp_path / "repo" / "plans" / "jean").mkdir(parents=True)
    (tmp_path / "repo" / "plans" / "jean" / "marc-x.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "loose.yaml").write_text(text, encoding="utf-8")
    expected = {site / "cohorte" / "zoé" / "plan.yaml": "zoé/plan.yaml",
                tmp_path / "repo" / "plans" / "jean" / "marc-x.yaml": "jean/marc-x.yaml",
                tmp_path / "loose.yaml": "loose.yaml", CAMILLE: "camille/boutique.yaml"}
    for plan, plan_id in expected.items():
        for where in (plan.parent, tmp_path, ROOT):
            monkeypatch.chdir(where)
            assert plan_id_of(Path(os.path.relpath(plan, where))) == plan_id, (plan, where)
        target = tmp_path / "out.ics"
        assert main(["export", str(plan), "--format", "ics", "-o", str(target), "--today", "2026-11-27"]) == 0
        assert _uids(target) == {quote(plan_id, safe="")}
    assert plan_id_of(tmp_path / "loose.yaml", tmp_path) == "loose.yaml"
    assert plan_id_of(CAMILLE, ROOT) == "plans/camille/boutique.yaml"


def test_cli_export_refuses_a_plans_dir_that_does_not_hold_the_plan(tmp_path, capsys):
    assert main(["export", str(CAMILLE), "--format", "ics", "--plans-dir", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"pac-gen: {CAMILLE}: n'est pas dans ce dossier des plans ({tmp_path})\n"


MARKDOWN_COMMENTS = """\
objectif:
  intitule: Trouver des clients
  echeance: 2027-03-31
actions:
  - intitule: Salons
    type: prospection
    taches:
      - tache: Relancer
        statut: fait
        fait_le: 2026-10-02
        commentaires: |
          **Fait** avec _Léa_, voir [le devis](https://exemple.fr/devis?id=3) ;
          écrire à [Léa](mailto:lea@exemple.fr) ou <https://exemple.fr>.

          - `appeler` lundi
          - relancer
            1. par SMS
        resultat: "[Compte rendu](javascript:alert(1)) **signé**"
"""


def test_csv_comments_are_the_plain_text_of_their_markdown():
    plan = check(MARKDOWN_COMMENTS).plan
    assert plan is not None
    rows = list(csv.reader(io.StringIO(tasks_csv(plan, "fr").decode("utf-8-sig")), delimiter=";"))
    comments, result = rows[1][9], rows[1][10]
    assert comments == (
        "Fait avec Léa, voir le devis (https://exemple.fr/devis?id=3) ;\n"
        "écrire à Léa (lea@exemple.fr) ou https://exemple.fr.\n"
        "- appeler lundi\n"
        "- relancer\n"
        "  1. par SMS"
    )
    # nh3 drops the javascript: link as on the page; its words stay, without the stars.
    assert result == "Compte rendu signé"


def test_markdown_text_keeps_tables_and_code_readable():
    from pac_gen.site.render import markdown_text

    assert markdown_text("| a | b |\n|---|---|\n| 1 | 2 |") == "a | b\n1 | 2"
    assert markdown_text("```\nx = 1\n  y\n```") == "x = 1\n  y"
    assert markdown_text("> cité &amp; <b>gras</b>") == "cité & gras"
    assert markdown_text("   \n") == ""
    assert markdown_text(None) == ""


def _urls(path: Path) -> set[str]:
    return {line.split(":", 1)[1] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("URL:")}


def test_cli_export_ics_links_events_to_the_plan_page_as_the_site_does(tmp_path, monkeypatch):
    target = tmp_path / "plan.ics"
    monkeypatch.delenv("SITE_URL", raising=False)
    # The repository's mkdocs.yml says site_url: !ENV [SITE_URL, null]: unknown here, so no link.
    assert main(["export", str(CAMILLE), "--format", "ics", "-o", str(target), "--today", "2026-11-27"]) == 0
    assert _urls(target) == set()
    monkeypatch.setenv("SITE_URL", "https://promo.exemple.fr/pac/")
    assert main(["export", str(CAMILLE), "--format", "ics", "-o", str(target), "--today", "2026-11-27"]) == 0
    assert _urls(target) == {"https://promo.exemple.fr/pac/plans/camille/boutique/"}
    given = "https://autre.exemple.fr"
    assert main(["export", str(CAMILLE), "--format", "ics", "-o", str(target), "--today", "2026-11-27",
                 "--site-url", given]) == 0
    assert _urls(target) == {"https://autre.exemple.fr/plans/camille/boutique/"}
    # Without directory URLs, as the site publishes the page then.
    site = tmp_path / "site"
    (site / "plans" / "zoé").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: T\nsite_url: https://s.fr/\nuse_directory_urls: false\n",
                                     encoding="utf-8")
    (site / "plans" / "zoé" / "plan.yaml").write_text(CAMILLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["export", str(site / "plans" / "zoé" / "plan.yaml"), "--format", "ics", "-o", str(target),
                 "--today", "2026-11-27"]) == 0
    assert _urls(target) == {"https://s.fr/plans/zo%C3%A9/plan.html"}
