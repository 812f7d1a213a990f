"""The publication policy (issue 21), on real builds with every engine through ``pac-gen build``.

- a plan's warning never stops the cohort's site, even with ``--strict``;
- a plan with errors is left out (no page, not in the calendars, feeds or downloads),
  the others are published, the overview names it, and ``pac-gen build`` exits 3;
- ``--strict`` still fails the build on the engine's own warnings (a broken link in docs/);
- a build that fails leaves the previous site byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from tests.test_site import BAD_PLAN, BIN, EPOCH, SMALL_PLAN, make_project, read, text

pytestmark = pytest.mark.slow  # real MkDocs, ProperDocs and Zensical builds

ENGINES = ["mkdocs", "properdocs", "zensical"]


def pac_gen_build(project: Path, engine: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run([str(BIN / "pac-gen"), "build", "--engine", engine, "--site-dir", "site", *args],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` and the SHA-256 of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def leftovers(project: Path) -> list[str]:
    """Staging folders a build left beside the site."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


@pytest.mark.parametrize("engine", ENGINES)
def test_a_plan_with_a_warning_is_published_by_a_strict_build(tmp_path: Path, engine: str) -> None:
    # volume 5 for 3 clients: the law of numbers asks for 9 (W301).
    project = make_project(tmp_path, {"warn.yaml": SMALL_PLAN.format(n=1, volume=5),
                                      "ok.yaml": SMALL_PLAN.format(n=2, volume=9)})
    result = pac_gen_build(project, engine, "--strict")
    assert result.returncode == 0, result.stderr
    # Said where it is, as a warning, and the page shows it to the learner.
    assert "WARNING -  plans/warn.yaml:13:55: W301 Loi des nombres : 5 prévus pour 3 visés" in result.stderr
    page = text(read(project / "site", "plans/warn/index.html"))
    assert "Apprenant 1" in page and "W301" in page
    assert (project / "site" / "plans" / "ok" / "index.html").is_file()
    assert "pac-gen-left-out" not in read(project / "site", "plans/index.html")
    assert "Aborted" not in result.stderr and "Traceback" not in result.stderr
    assert leftovers(project) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_invalid_plan_is_left_out_and_the_others_are_published(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path, {"camille/ok.yaml": SMALL_PLAN.format(n=1, volume=9),
                                      "karim/bad.yaml": BAD_PLAN,
                                      "lea/warn.yaml": SMALL_PLAN.format(n=3, volume=5)})
    result = pac_gen_build(project, engine, "--strict")
    assert result.returncode == 3, result.stderr
    # Every error at its file:line:col, then the build's last word names what it left out.
    assert "ERROR   -  plans/karim/bad.yaml:2:3: E103 Il manque la clé obligatoire « echeance »" in result.stderr
    assert "ERROR   -  plans/karim/bad.yaml:3:3: E101 Clé inconnue « echeanse »" in result.stderr
    last = result.stderr.rstrip().splitlines()[-1]
    assert last.startswith("ERROR   -  pac-gen build: site construit dans site SANS ces plans, qui ont des erreurs")
    assert last.endswith(": plans/karim/bad.yaml. Les autres plans sont publiés. Corrige ces erreurs : "
                         "le plan sera publié à la construction suivante.")
    assert "Traceback" not in result.stderr
    site = project / "site"
    # The others: pages and downloads.
    for name in ("camille/ok", "lea/warn"):
        assert (site / "plans" / name / "index.html").is_file()
        assert (site / "plans" / f"{name}.csv").is_file() and (site / "plans" / f"{name}.ics").is_file()
    # The invalid one: nothing, nowhere.
    assert not (site / "plans" / "karim").exists()
    mentions = {f.relative_to(site).as_posix() for f in site.rglob("*")
                if f.is_file() and b"karim" in f.read_bytes()}
    # Only the overview's notice names it (and the search index, which holds the overview's text).
    assert "plans/index.html" in mentions
    assert {m for m in mentions if "search" not in m} == {"plans/index.html"}, mentions
    assert "Plan 1" in read(site, "calendrier.ics") and "Plan 3" in read(site, "calendrier.ics")
    calendar = read(site, "calendrier/index.html")
    assert "camille/ok" in calendar and "lea/warn" in calendar
    # The overview names it, says it has errors and what to do.
    overview = read(site, "plans/index.html")
    start = overview.index('<div class="admonition failure pac-gen-left-out"')
    notice = text(overview[start:overview.index("</div>", start)])
    assert notice == (
        "Plans laissés hors du site Ces plans ont des erreurs : ils ne sont pas publiés (ni leur page, ni le "
        "calendrier, ni les téléchargements) tant qu'elles ne sont pas corrigées. Les autres plans sont à jour. "
        "plans/karim/bad.yaml — 2 erreurs C'est ton plan ? Lance « pac-gen validate » sur ton fichier, ou ouvre la "
        "vérification de ta pull request : chaque erreur y est donnée avec sa ligne, sa colonne et la façon de la "
        "corriger. Corrige-les et envoie ta correction : ton plan reviendra sur le site à la publication suivante.")
    assert "2 plan(s) publiés" in text(overview)
    assert leftovers(project) == []


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_strict_still_fails_on_a_broken_link_and_the_previous_site_stays(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9)})
    assert pac_gen_build(project, engine, "--strict").returncode == 0
    before = fingerprint(project / "site")
    assert "plans/ok/index.html" in before
    # A page of docs/ links to a page that does not exist (MkDocs), or to a missing anchor (Zensical warns on those).
    (project / "docs" / "index.md").write_text("# Accueil\n\n[Tarifs](tarifs.md) [ici](#nulle-part)\n", "utf-8")
    (project / "plans" / "ok.yaml").write_text(SMALL_PLAN.format(n=2, volume=9), "utf-8")
    result = pac_gen_build(project, engine, "--strict")
    assert result.returncode == 1
    assert result.stderr.rstrip().splitlines()[-1] == (
        "ERROR   -  pac-gen build: la construction a échoué (voir plus haut) : site n'a pas été touché.")
    assert fingerprint(project / "site") == before  # still Plan 1, byte for byte
    assert leftovers(project) == []
    # Without --strict the same link is only the engine's warning: the site is built.
    result = pac_gen_build(project, engine)
    assert result.returncode == 0, result.stderr
    assert "Apprenant 2" in text(read(project / "site", "plans/ok/index.html"))


@pytest.mark.parametrize("engine", ENGINES)
def test_an_engine_error_leaves_the_previous_site_intact(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9)})
    assert pac_gen_build(project, engine).returncode == 0
    (project / "site" / "extra.txt").write_text("déjà là\n", "utf-8")  # even what the build would not make
    before = fingerprint(project / "site")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("today: 2026-11-27", "today: 2026-11-27\n      "
                                                        "working_day_hours: -7"), "utf-8")
    result = pac_gen_build(project, engine, "--strict")
    assert result.returncode == 1
    assert "working_day_hours" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(project / "site") == before
    assert leftovers(project) == []


def test_a_first_build_that_fails_creates_no_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9)})
    (project / "docs" / "index.md").write_text("# Accueil\n\n[Tarifs](tarifs.md)\n", "utf-8")
    result = pac_gen_build(project, "mkdocs", "--strict")
    assert result.returncode == 1
    assert not (project / "site").exists() and leftovers(project) == []


def test_the_site_dir_of_mkdocs_yml_is_replaced_when_none_is_given(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9)}, extra="site_dir: public\n")
    (project / "public").mkdir()
    (project / "public" / "stale.html").write_text("old", "utf-8")
    result = subprocess.run([str(BIN / "pac-gen"), "build"], cwd=project, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert (project / "public" / "plans" / "ok" / "index.html").is_file()
    assert not (project / "public" / "stale.html").exists()  # replaced, as MkDocs cleans its site_dir
    assert not (project / "site").exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".public.")) == []
    assert oct((project / "public").stat().st_mode & 0o777) == "0o755"
