"""The preview of a large cohort (issue 16): only the plans being edited are read and rendered.

Speed is measured by ``benchmarks/preview.py``, not asserted here.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from pac_gen.site.build import FOCUS_ENV, FOCUS_FROM, Focus, preview_focus
from tests.test_site import SMALL_PLAN, make_project, text

COHORT = {f"p{n:02d}/plan.yaml": SMALL_PLAN.format(n=n, volume=9) for n in range(FOCUS_FROM + 5)}


def test_focus_round_trips_through_the_environment():
    focus = Focus(("/a/plans/camille", "/a/plans/léa b/x.yaml"), 1764700000.5)
    assert Focus.from_env(focus.to_env()) == focus
    assert Focus.from_env(Focus((), None).to_env()) == Focus((), None)


def test_focus_keeps_chosen_folders_files_and_plans_saved_since_it_started(tmp_path):
    plans = tmp_path / "plans"
    (plans / "camille").mkdir(parents=True)
    for name in ("camille/a.yaml", "camillette.yaml", "lea.yaml"):
        (plans / name).write_text("x", "utf-8")
    started = time.time()
    os.utime(plans / "lea.yaml", (started - 60, started - 60))
    os.utime(plans / "camillette.yaml", (started - 60, started - 60))
    focus = preview_focus(plans, {FOCUS_ENV: Focus((str(plans / "camille"), "/elsewhere/x.yaml"), started).to_env()})
    assert focus == Focus(("camille",), started)
    assert focus.wants(plans / "camille/a.yaml", "camille/a.yaml")
    assert not focus.wants(plans / "camillette.yaml", "camillette.yaml")  # a prefix is not a folder
    assert not focus.wants(plans / "lea.yaml", "lea.yaml")
    os.utime(plans / "lea.yaml", (started + 5, started + 5))  # saved during the preview
    assert focus.wants(plans / "lea.yaml", "lea.yaml")


def test_small_cohorts_and_plain_mkdocs_serve_show_every_plan(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for n in range(FOCUS_FROM):
        (plans / f"p{n}.yaml").write_text("x", "utf-8")
    auto = {FOCUS_ENV: Focus((), time.time()).to_env()}
    assert preview_focus(plans, auto) is None  # a newcomer's clone shows its examples
    assert preview_focus(plans, {}) is None  # `mkdocs serve` without `pac-gen serve`: as before
    (plans / "one-more.yaml").write_text("x", "utf-8")
    assert preview_focus(plans, auto) == Focus((), Focus.from_env(auto[FOCUS_ENV]).since)
    whole = {FOCUS_ENV: Focus((str(plans),), time.time()).to_env()}
    assert preview_focus(plans, whole) is None  # choosing the whole folder is --all


def _preview_build(project: Path) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["pac_gen"]
    plugin.serving = True
    try:
        mkdocs_build(config)
    finally:
        plugin.serving = False
    return site


def _plan_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site / "plans").as_posix() for p in (site / "plans").rglob("index.html")
                  if p.parent != site / "plans")


def test_a_save_during_a_focused_preview_renders_that_plan_and_no_other(tmp_path, monkeypatch):
    project = make_project(tmp_path, dict(COHORT))
    started = time.time()
    for plan in (project / "plans").rglob("*.yaml"):
        os.utime(plan, (started - 60, started - 60))
    monkeypatch.setenv(FOCUS_ENV, Focus((str(project / "plans" / "p01"),), started).to_env())
    site = _preview_build(project)
    assert _plan_pages(site) == ["p01/plan"]
    notice = f"Aperçu : 1 plan sur {len(COHORT)}, celui que tu modifies"
    assert notice in text((site / "plans" / "index.html").read_text("utf-8"))
    assert notice in text((site / "calendrier" / "index.html").read_text("utf-8"))

    saved = project / "plans" / "p07" / "plan.yaml"
    saved.write_text(SMALL_PLAN.format(n=77, volume=9), "utf-8")  # its mtime is now after the start
    site = _preview_build(project)
    assert _plan_pages(site) == ["p01/plan", "p07/plan"]
    assert "Apprenant·e Apprenant 77" in text((site / "plans" / "p07" / "plan" / "index.html").read_text("utf-8"))
    assert f"Aperçu : 2 plans sur {len(COHORT)}" in text((site / "plans" / "index.html").read_text("utf-8"))


def test_the_published_build_ignores_the_preview_focus(tmp_path, monkeypatch):
    project = make_project(tmp_path, dict(COHORT))
    monkeypatch.setenv(FOCUS_ENV, Focus((), time.time() + 3600).to_env())
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    assert len(_plan_pages(project / "site")) == len(COHORT)
    assert "Aperçu" not in (project / "site" / "plans" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("upstream", [False, True])
def test_serve_focuses_on_what_git_sees_as_changed(tmp_path, upstream):
    from pac_gen.cli.serve import changed_files

    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, cwd: Path = tmp_path / "repo") -> None:
        subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)

    repo = tmp_path / "repo"
    (repo / "plans" / "lea").mkdir(parents=True)
    (repo / "plans" / "lea" / "a.yaml").write_text("a", "utf-8")
    git("init", "-q")
    git("-c", "user.email=t@x", "-c", "user.name=T", "commit", "-qm", "0", "--allow-empty")
    git("add", ".")
    git("-c", "user.email=t@x", "-c", "user.name=T", "commit", "-qm", "1")
    if upstream:
        git("clone", "-q", "--bare", str(repo), str(tmp_path / "origin.git"), cwd=tmp_path)
        git("remote", "add", "origin", str(tmp_path / "origin.git"))
        git("fetch", "-q", "origin")
        git("branch", "-q", "--set-upstream-to=origin/" + subprocess.run(
            ["git", "branch", "--show-current"], cwd=repo, env=env, capture_output=True, text=True,
            check=True).stdout.strip())
        (repo / "plans" / "lea" / "b.yaml").write_text("b", "utf-8")
        git("add", ".")
        git("-c", "user.email=t@x", "-c", "user.name=T", "commit", "-qm", "2")  # committed, not pushed
    (repo / "plans" / "new.yaml").write_text("n", "utf-8")  # not committed
    found = {p.relative_to(repo).as_posix() for p in changed_files(repo)}
    assert found == ({"plans/new.yaml", "plans/lea/b.yaml"} if upstream else {"plans/new.yaml"})
