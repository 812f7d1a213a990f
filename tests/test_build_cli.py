"""``pac-gen build`` without an engine: the staging folder, the swap, the exit codes and their messages.

The engine is replaced by a stand-in that writes a site (or fails) where it is told;
``tests/test_publish.py`` runs the same paths with the real engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pac_gen.cli import build as cli_build
from pac_gen.cli.main import main
from pac_gen.engines.run import Outcome
from pac_gen.site.build import LeftOut, SiteBuild, read_report, write_report
from pac_gen.site.pages import SiteOptions


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - pac_gen\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("ancien site", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def engine(status: int, left_out: list[str] | None = None, seen: list[Path] | None = None):
    """A stand-in for :func:`pac_gen.engines.run.build` that writes a new site into the folder it is given."""

    def build(name: str, config: Path, site_dir: Path, strict: bool) -> Outcome:
        if seen is not None:
            seen.append(site_dir)
        (site_dir / "index.html").write_text("nouveau site", encoding="utf-8")
        return Outcome(status, left_out or [])

    return build


def test_a_successful_build_replaces_the_site_through_a_hidden_folder_beside_it(project, monkeypatch, capsys) -> None:
    seen: list[Path] = []
    monkeypatch.setattr(cli_build, "build", engine(0, seen=seen))
    assert main(["build", "--site-dir", "site"]) == 0
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "nouveau site"
    [staging] = seen
    assert staging.parent == project and staging.name.startswith(".site.") and staging.name.endswith(".new")
    assert sorted(p.name for p in project.iterdir()) == ["mkdocs.yml", "site"]  # nothing left behind
    assert capsys.readouterr().err == ""


def test_a_failed_build_leaves_the_site_as_it_was(project, monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli_build, "build", engine(1))
    assert main(["build", "--site-dir", "site"]) == 1
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "ancien site"
    assert sorted(p.name for p in project.iterdir()) == ["mkdocs.yml", "site"]
    assert capsys.readouterr().err == (
        "ERROR   -  pac-gen build: la construction a échoué (voir plus haut) : site n'a pas été touché.\n")


def test_a_build_without_some_plans_is_put_in_place_and_exits_3(project, monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli_build, "build", engine(0, ["plans/a.yaml", "plans/b/c.yaml"]))
    assert main(["build", "--site-dir", "site"]) == cli_build.LEFT_OUT == 3
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "nouveau site"
    assert capsys.readouterr().err == (
        "ERROR   -  pac-gen build: site construit dans site SANS ces plans, qui ont des erreurs (listées plus haut "
        "avec leur ligne et leur colonne) : plans/a.yaml, plans/b/c.yaml. Les autres plans sont publiés. Corrige "
        "ces erreurs : le plan sera publié à la construction suivante.\n")


def test_an_interrupted_build_removes_its_staging_folder(project, monkeypatch) -> None:
    def interrupted(name: str, config: Path, site_dir: Path, strict: bool) -> Outcome:
        (site_dir / "half.html").write_text("", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_build, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["build", "--site-dir", "site"])
    assert sorted(p.name for p in project.iterdir()) == ["mkdocs.yml", "site"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "ancien site"


def test_the_site_dir_comes_from_mkdocs_yml_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    config = tmp_path / "conf" / "mkdocs.yml"
    config.write_text("site_name: T\nsite_dir: ../public\n", encoding="utf-8")
    assert cli_build.site_dir_of(config, None) == ((tmp_path / "conf" / ".." / "public").absolute(), "fr")
    config.write_text("site_name: T\ntheme:\n  language: en\n", encoding="utf-8")
    assert cli_build.site_dir_of(config, None) == ((tmp_path / "conf" / "site").absolute(), "en")
    config.write_text("site_name: T\ntheme:\n  language: en\nplugins:\n  - pac_gen:\n      language: fr\n", "utf-8")
    assert cli_build.site_dir_of(config, Path("ailleurs")) == (Path("ailleurs").absolute(), "fr")


def test_an_english_site_says_it_in_english(project, monkeypatch, capsys) -> None:
    (project / "mkdocs.yml").write_text("site_name: T\ntheme:\n  language: en\nplugins:\n  - pac_gen\n", "utf-8")
    monkeypatch.setattr(cli_build, "build", engine(0, ["plans/a.yaml"]))
    assert main(["build", "--site-dir", "site"]) == 3
    assert capsys.readouterr().err.startswith(
        "ERROR   -  pac-gen build: site built in site WITHOUT these plans, which have errors")
    monkeypatch.setattr(cli_build, "build", engine(1))
    assert main(["build", "--site-dir", "site"]) == 1
    assert capsys.readouterr().err == "ERROR   -  pac-gen build: the build failed (see above): site was not touched.\n"


def test_replace_site_puts_a_folder_where_a_file_or_nothing_was(tmp_path: Path) -> None:
    for before in ("file", "nothing"):
        target = tmp_path / before / "site"
        target.parent.mkdir()
        if before == "file":
            target.write_text("x", encoding="utf-8")
        built = tmp_path / before / "new"
        built.mkdir()
        (built / "index.html").write_text("y", encoding="utf-8")
        cli_build.replace_site(built, target)
        assert (target / "index.html").read_text(encoding="utf-8") == "y" and not built.exists()
        assert sorted(p.name for p in target.parent.iterdir()) == ["site"]


def test_the_report_names_every_plan_left_out(tmp_path: Path) -> None:
    from datetime import date

    from pac_gen.format.settings import Settings

    build = SiteBuild(SiteOptions(Settings(today=date(2026, 11, 27))))
    build.withheld = [LeftOut("plans/a.yaml", 2), LeftOut("plans/secret.yaml", 1, named=False)]
    report = tmp_path / "report.json"
    write_report(build, str(report))
    assert read_report(report) == ["plans/a.yaml", "plans/secret.yaml"]  # the log names confidential ones too
    assert read_report(tmp_path / "absent.json") == []
    report.write_text("", encoding="utf-8")  # the engine failed before writing it
    assert read_report(report) == []
