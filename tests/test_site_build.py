"""The site build plan (pac_gen/site/build.py): what the plans add to a site, with no engine at all."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pac_gen.format.settings import Settings
from pac_gen.site.build import (
    Claims,
    LeftOut,
    SiteBuilder,
    SiteBuildError,
    checked_options,
    edit_path,
    page_dest,
    problem_lines,
    site_options,
)
from pac_gen.site.pages import SiteOptions
from tests.test_site import BAD_PLAN, SMALL_PLAN

ROOT = Path(__file__).resolve().parent.parent


def test_the_core_and_the_zensical_adapter_import_no_mkdocs() -> None:
    # The adapter runs Zensical in its own process; neither it nor the core may pull in MkDocs.
    code = ("import sys, pac_gen.site.build, pac_gen.engines.zensical, pac_gen.cli.main; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'zensical', 'material')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("uri", "directory", "dest"), [
    ("plans/a/b.md", True, "plans/a/b/index.html"),
    ("plans/a/b.md", False, "plans/a/b.html"),
    ("plans/index.md", True, "plans/index.html"),
    ("README.md", True, "index.html"),
    ("plans/a/b.csv", True, "plans/a/b.csv"),
])
def test_page_dest_is_where_the_engines_write_a_page(uri: str, directory: bool, dest: str) -> None:
    assert page_dest(uri, directory) == dest


def test_claims_refuse_a_file_where_another_needs_a_folder() -> None:
    claims = Claims()
    assert claims.claim("plans/x.yaml", ["plans/x/index.html", "plans/x.csv"]) is None
    assert claims.claim("plans/x/index.yaml", ["plans/x/index.html"]) == ("plans/x/index.html", "plans/x.yaml")
    assert claims.claim("plans/a.yaml", ["plans/x"]) == ("plans/x", "plans/x.yaml")
    assert claims.claim("plans/x.yaml", ["plans/x/index.html"]) is None  # the owner may claim again


def test_checked_options_default_and_refuse_like_mkdocs() -> None:
    assert checked_options(None) == {"plans_dir": "plans", "today": None, "include_confidential": False,
                                     "working_day_hours": 7, "timezone": "Europe/Paris", "language": None}
    assert checked_options({"today": date(2026, 11, 27), "working_day_hours": 7.5})["working_day_hours"] == 7.5
    with pytest.raises(SiteBuildError, match="option inconnue « plan_dir »"):
        checked_options({"plan_dir": "x"})
    with pytest.raises(SiteBuildError, match="include_confidential: valeur de type inattendu"):
        checked_options({"include_confidential": "oui"})
    with pytest.raises(SiteBuildError, match="working_day_hours: valeur de type inattendu"):
        checked_options({"working_day_hours": True})  # a bool is an int to Python, not to MkDocs' option


def test_site_options_resolve_the_plans_folder_and_the_language(tmp_path: Path) -> None:
    options = checked_options({"today": "2026-11-27"})
    plans_dir, site = site_options(options, base=tmp_path, theme_lang="en_GB", use_directory_urls=False,
                                   site_url="https://x.org/")
    assert plans_dir == (tmp_path / "plans").resolve()
    assert site == SiteOptions(Settings(today=date(2026, 11, 27), lang="en"), use_directory_urls=False,
                               site_url="https://x.org/")
    with pytest.raises(SiteBuildError, match="pac_gen: working_day_hours: "):
        site_options({**options, "working_day_hours": 25}, base=tmp_path, theme_lang="fr",
                     use_directory_urls=True, site_url=None)


def test_edit_path_leads_from_the_docs_folder_to_the_plan(tmp_path: Path) -> None:
    assert edit_path(tmp_path / "plans/a/b.yaml", tmp_path / "docs") == "../plans/a/b.yaml"


def _project(tmp_path: Path, plans: dict[str, str]) -> tuple[Path, SiteOptions]:
    for name, content in plans.items():
        (tmp_path / "plans" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "plans" / name).write_text(content, encoding="utf-8")
    return tmp_path / "plans", SiteOptions(Settings(today=date(2026, 11, 27)))


def test_a_build_lists_pages_downloads_and_assets_and_renders_plan_pages_on_demand(tmp_path: Path) -> None:
    plans_dir, options = _project(tmp_path, {"a.yaml": SMALL_PLAN.format(n=1, volume=5)})
    build = SiteBuilder().build(plans_dir, options, base=tmp_path, docs_dir=tmp_path / "docs",
                                existing={"index.md": "index.html"}, serving=False)
    assert build.errors == []
    assert [p.code for p in build.warnings] == ["W301"]
    assert list(build.pages) == ["plans/index.md", "calendrier.md"]
    assert list(build.plan_pages) == ["plans/a.md"]
    assert build.plan_pages["plans/a.md"].built.page is None  # not rendered yet
    uris = [f.uri for f in build.files]
    assert uris[:3] == ["plans/a.csv", "plans/a.ics", "calendrier.ics"]
    assert "assets/pac_gen/pac_gen.css" in uris and "assets/pac_gen/plotly.min.js" in uris
    page = SiteBuilder.page(build, "plans/a.md", serving=False)
    assert page is not None and "Plan 1" in str(page.title)
    assert build.plan_pages == {}  # a one-off build lets the page go once given
    assert SiteBuilder.page(build, "index.md", serving=False) is None  # the project's own page


def test_errors_are_listed_with_positions_and_a_clash_is_refused(tmp_path: Path) -> None:
    plans_dir, options = _project(tmp_path, {"bad.yaml": BAD_PLAN, "x.yaml": SMALL_PLAN.format(n=1, volume=9),
                                             "x/index.yaml": SMALL_PLAN.format(n=2, volume=9)})
    build = SiteBuilder().build(plans_dir, options, base=tmp_path, docs_dir=tmp_path / "docs",
                                existing={}, serving=True)
    report = "\n".join(problem_lines(build.errors))
    assert len(problem_lines(build.errors)) == 3
    assert "plans/bad.yaml:2:3: E103" in report and "plans/bad.yaml:3:3: E101" in report
    assert "plans/x.yaml:1:1: E012" in report and "déjà pris par plans/x/index.yaml" in report
    # Serving: the plan with errors still has its page, which lists them.
    assert "plans/bad.md" in build.plan_pages
    assert "E101" in str(SiteBuilder.page(build, "plans/bad.md", serving=True).html)  # type: ignore[union-attr]


def test_a_project_page_where_the_overview_goes_is_refused(tmp_path: Path) -> None:
    plans_dir, options = _project(tmp_path, {"a.yaml": SMALL_PLAN.format(n=1, volume=9)})
    with pytest.raises(SiteBuildError, match=r"plans/index\.md existe déjà dans"):
        SiteBuilder().build(plans_dir, options, base=tmp_path, docs_dir=tmp_path / "docs",
                            existing={"plans/index.md": "plans/index.html"}, serving=False)


def test_a_published_build_leaves_out_plans_with_errors_and_names_them_on_the_overview(tmp_path: Path) -> None:
    # Issue 21: one learner's invalid plan must not take the cohort's site down.
    plans_dir, options = _project(tmp_path, {
        "ok.yaml": SMALL_PLAN.format(n=1, volume=9), "bad.yaml": BAD_PLAN,
        "secret.yaml": "confidentiel: oui\n" + BAD_PLAN,
        "x.yaml": SMALL_PLAN.format(n=2, volume=9), "x/index.yaml": SMALL_PLAN.format(n=3, volume=9)})
    build = SiteBuilder().build(plans_dir, options, base=tmp_path, docs_dir=tmp_path / "docs",
                                existing={}, serving=False)
    assert build.withheld == [LeftOut("plans/bad.yaml", 2), LeftOut("plans/secret.yaml", 2, named=False),
                              LeftOut("plans/x.yaml", 1)]
    # No page, no downloads, not in the cohort calendar or its feed.
    assert list(build.plan_pages) == ["plans/ok.md", "plans/x/index.md"]
    uris = [f.uri for f in build.files]
    assert not [u for u in uris if u.startswith(("plans/bad", "plans/secret", "plans/x."))]
    feed = next(f.content for f in build.files if f.uri == "calendrier.ics")
    assert feed is not None and b"Plan 1" in feed and b"bad" not in feed
    overview = str(build.pages["plans/index.md"].html)
    notice = overview[overview.index('<div class="admonition failure pac-gen-left-out"'):]
    notice = notice[:notice.index("</div>")]
    assert "<code>plans/bad.yaml</code> — 2 erreurs" in notice
    assert "<code>plans/x.yaml</code> — 1 erreur</li>" in notice
    assert "secret" not in overview  # a confidential plan is never named on the site
    assert "Lance « pac-gen validate » sur ton fichier" in notice
    # The notice follows the page's heading.
    assert overview.index('<h1 id="plans">') < overview.index("pac-gen-left-out")


def test_a_preview_keeps_showing_an_invalid_plan_with_its_errors(tmp_path: Path) -> None:
    plans_dir, options = _project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9), "bad.yaml": BAD_PLAN})
    build = SiteBuilder().build(plans_dir, options, base=tmp_path, docs_dir=tmp_path / "docs",
                                existing={}, serving=True)
    assert build.withheld == []
    assert "pac-gen-left-out" not in str(build.pages["plans/index.md"].html)
    page = SiteBuilder.page(build, "plans/bad.md", serving=True)
    assert page is not None and "plans/bad.yaml" in str(page.html) and "E101" in str(page.html)


def test_an_english_site_says_what_was_left_out_in_english(tmp_path: Path) -> None:
    plans_dir, _ = _project(tmp_path, {"bad.yaml": BAD_PLAN})
    options = SiteOptions(Settings(today=date(2026, 11, 27), lang="en"))
    build = SiteBuilder().build(plans_dir, options, base=tmp_path, docs_dir=tmp_path / "docs",
                                existing={}, serving=False)
    overview = str(build.pages["plans/index.md"].html)
    assert "Plans left out of the site" in overview and "<code>plans/bad.yaml</code> — 2 errors" in overview
    assert "Is it your plan?" in overview
