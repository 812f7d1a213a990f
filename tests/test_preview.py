"""The preview of a large cohort (issue 16): only the plans being edited are read and rendered.

Speed is measured by ``benchmarks/preview.py``, not asserted here.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
import watchdog.events

from pac_gen.site.build import FOCUS_ENV, FOCUS_FROM, Focus, preview_focus
from tests.test_site import BAD_PLAN, BIN, SMALL_PLAN, make_project, text

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


def _cohort_focused_on_p01(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of 55 plans, all saved before its preview (focused on ``p01``) starts; its folder."""
    project = make_project(tmp_path, dict(COHORT))
    started = time.time()
    for plan in (project / "plans").rglob("*.yaml"):
        os.utime(plan, (started - 60, started - 60))
    monkeypatch.setenv(FOCUS_ENV, Focus((str(project / "plans" / "p01"),), started).to_env())
    return project


def test_a_save_during_a_focused_preview_renders_that_plan_and_no_other(tmp_path, monkeypatch):
    project = _cohort_focused_on_p01(tmp_path, monkeypatch)
    site = _preview_build(project)
    assert _plan_pages(site) == ["p01/plan"]
    notice = f"Aperçu : 1 plan sur {len(COHORT)}, celui que tu modifies"
    for page in ("plans/index.html", "calendrier/index.html"):
        html = (site / page).read_text("utf-8")
        assert notice in text(html)
        _assert_notice_under_the_title(html)

    saved = project / "plans" / "p07" / "plan.yaml"
    saved.write_text(SMALL_PLAN.format(n=77, volume=9), "utf-8")  # its mtime is now after the start
    site = _preview_build(project)
    assert _plan_pages(site) == ["p01/plan", "p07/plan"]
    assert "Apprenant·e Apprenant 77" in text((site / "plans" / "p07" / "plan" / "index.html").read_text("utf-8"))
    assert f"Aperçu : 2 plans sur {len(COHORT)}" in text((site / "plans" / "index.html").read_text("utf-8"))


def _assert_notice_under_the_title(html: str) -> None:
    """The preview's notice comes once, right under the page's one ``<h1>`` (not above the title)."""
    assert html.count("<h1") == 1 and html.count("pac-gen-preview") == 1
    title_end = html.index("</h1>")
    notice = html.index("pac-gen-preview")
    assert title_end < notice
    assert html[title_end + len("</h1>"):html.rindex("<p", 0, notice)].strip() == "", html[title_end:notice]


def test_the_notice_sits_under_the_title_under_zensical_too(tmp_path, monkeypatch):
    from pac_gen.engines import zensical

    project = make_project(tmp_path, dict(COHORT))
    monkeypatch.setenv(FOCUS_ENV, Focus((str(project / "plans" / "p01"),), time.time() + 3600).to_env())
    site = zensical.ZensicalSite(project / "mkdocs.yml", serving=True, log=lambda line: None)
    site.prepare()
    built = subprocess.run(zensical._zensical("build", site.build_dir / "mkdocs.yml"), capture_output=True, text=True,
                           timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    for page in ("plans/index.html", "calendrier/index.html"):
        html = (site.build_dir / "site" / page).read_text("utf-8")
        assert f"Aperçu : 1 plan sur {len(COHORT)}" in text(html)
        _assert_notice_under_the_title(html)


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
    git("mv", "plans/lea/a.yaml", "plans/lea/renamed.yaml")  # a staged rename: the new name is the plan edited
    found = {p.relative_to(repo).as_posix() for p in changed_files(repo)}
    edited = {"plans/new.yaml", "plans/lea/renamed.yaml", "plans/lea/a.yaml"}
    assert found == (edited | {"plans/lea/b.yaml"} if upstream else edited)


class _Serving:
    """A preview as ``pac-gen serve`` runs it, in-process: one plugin instance, ``--dirty`` rebuilds, and
    the engine's own watcher of the plans folder (MkDocs' LiveReloadServer, never started as a web server)."""

    def __init__(self, project: Path) -> None:
        from mkdocs.livereload import LiveReloadServer

        self.project = project
        self.config = self._config()
        self.plugin = self.config.plugins["pac_gen"]
        self.plugin.on_startup(command="serve", dirty=True)
        self.build()
        self.server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(project / "site"))
        self.server = self.plugin.on_serve(self.server, config=self.config, builder=None)
        self.seen: list[Path] = []
        # One more handler on the engine's watch of plans/: the test waits until the watcher saw a save.
        noted = watchdog.events.FileSystemEventHandler()
        noted.on_any_event = lambda event: self.seen.append(Path(os.fsdecode(event.src_path)))  # type: ignore[method-assign]
        self.server.observer.schedule(noted, os.path.abspath(project / "plans"), recursive=True)
        self.server.observer.start()

    def _config(self):
        from mkdocs.config import load_config

        return load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.project / "site"))

    def build(self) -> None:
        from mkdocs.commands.build import build as mkdocs_build

        config = self._config()
        assert config.plugins["pac_gen"] is self.plugin  # MkDocs keeps the instance, as between serve rebuilds
        mkdocs_build(config, dirty=True)

    def save(self, name: str, content: str | None) -> Path:
        """Write (None: delete) a plan or folder below plans/, then wait until the watcher reported it."""
        path = self.project / "plans" / name
        if content is None:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, "utf-8")
        deadline = time.monotonic() + 20
        while not any(seen == path or seen.is_relative_to(path) or path.is_relative_to(seen) for seen in self.seen):
            assert time.monotonic() < deadline, f"the watcher never reported {name}"
            time.sleep(0.05)
        time.sleep(0.1)  # the engine waits as long for changes to settle before it rebuilds
        return path

    def page(self, uri: str) -> str:
        return text((self.project / "site" / uri).read_text("utf-8"))

    def close(self) -> None:
        self.server.observer.stop()
        self.server.observer.join()
        self.server.server_close()
        self.plugin.on_shutdown()
        self.plugin.serving = False


@pytest.fixture
def serving(tmp_path, monkeypatch):
    """A focused preview of a 55-plan cohort, on ``p01``, started after every plan was last saved."""
    project = _cohort_focused_on_p01(tmp_path, monkeypatch)
    preview = _Serving(project)
    try:
        yield preview
    finally:
        preview.close()


def _linked_plans(overview: str) -> list[str]:
    return sorted(set(re.findall(r'href="(p\d+/plan)/"', overview)))


def test_an_invalid_save_in_a_focused_preview_shows_its_errors_and_the_next_save_brings_the_plan_back(serving):
    assert _plan_pages(serving.project / "site") == ["p01/plan"]
    serving.save("p01/plan.yaml", BAD_PLAN)
    serving.build()
    page = serving.page("plans/p01/plan/index.html")
    assert "Ce plan contient des erreurs" in page
    assert "plans/p01/plan.yaml:3:3 E101 Clé inconnue « echeanse »" in page
    assert f"Aperçu : 1 plan sur {len(COHORT)}" in serving.page("plans/index.html")

    serving.save("p01/plan.yaml", SMALL_PLAN.format(n=101, volume=9))
    serving.build()
    page = serving.page("plans/p01/plan/index.html")
    assert "Ce plan contient des erreurs" not in page
    assert "Apprenant·e Apprenant 101" in page


def test_a_plan_added_during_a_focused_preview_joins_it_and_a_deleted_one_leaves(serving):
    serving.save("p99/plan.yaml", SMALL_PLAN.format(n=99, volume=9))  # a new folder, as `mkdir` then save
    serving.build()
    overview = (serving.project / "site" / "plans" / "index.html").read_text("utf-8")
    assert _linked_plans(overview) == ["p01/plan", "p99/plan"]
    assert f"Aperçu : 2 plans sur {len(COHORT) + 1}" in text(overview)
    assert "Apprenant·e Apprenant 99" in serving.page("plans/p99/plan/index.html")

    serving.save("p99", None)
    serving.build()
    overview = (serving.project / "site" / "plans" / "index.html").read_text("utf-8")
    assert _linked_plans(overview) == ["p01/plan"]
    assert f"Aperçu : 1 plan sur {len(COHORT)}" in text(overview)
    assert _plan_pages(serving.project / "site") == ["p01/plan"]  # its page is not served any more


def test_a_rebuild_of_a_focused_preview_never_looks_at_the_plans_out_of_focus(serving):
    plans = serving.project / "plans"
    looked: set[Path] = set()
    main = threading.get_ident()

    def counting(function):
        def call(path, *args, **kwargs):
            if threading.get_ident() == main and isinstance(path, (str, os.PathLike)):
                name = Path(os.fsdecode(path))
                if name.is_relative_to(plans):
                    looked.add(name)
            return function(path, *args, **kwargs)
        return call

    serving.save("p07/plan.yaml", SMALL_PLAN.format(n=77, volume=9))  # out of focus until this save
    with pytest.MonkeyPatch.context() as patch:
        for module, name in ((os, "stat"), (os, "lstat"), (os, "scandir"), (io, "open"), (builtins, "open")):
            patch.setattr(module, name, counting(getattr(module, name)))
        serving.build()
    assert _plan_pages(serving.project / "site") == ["p01/plan", "p07/plan"]
    folders = {path.relative_to(plans).parts[0] for path in looked if path != plans}
    assert folders == {"p01", "p07"}  # the 53 other plans: not listed, not stat'ed, not read


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_pac_gen_serve_of_a_large_cohort_shows_what_is_saved_and_nothing_else(tmp_path, engine):
    # The real `make serve` path: `pac-gen serve` (--dirty, the system's watcher of plans/).
    from tests.test_zensical import _free_port, _page_text, _wait_for

    project = make_project(tmp_path, dict(COHORT))
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    temp = tmp_path / "tmp"  # where the engine and its watcher put their temporary files
    temp.mkdir()
    server = subprocess.Popen([str(BIN / "pac-gen"), "serve", "--engine", engine, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    plan = project / "plans" / "p07" / "plan.yaml"
    try:
        overview = _wait_for(base + "plans/", f"Aperçu : 0 plan sur {len(COHORT)}")
        assert "Apprenant 7" not in overview
        time.sleep(1.5)  # saved after the start, as a learner does
        plan.write_text(SMALL_PLAN.format(n=77, volume=9), "utf-8")
        _wait_for(base + "plans/p07/plan/", "Apprenant·e Apprenant 77")
        _wait_for(base + "plans/", f"Aperçu : 1 plan sur {len(COHORT)}")
        plan.write_text(BAD_PLAN, "utf-8")
        page = _wait_for(base + "plans/p07/plan/", "Ce plan contient des erreurs")
        assert "plans/p07/plan.yaml:3:3 E101 Clé inconnue « echeanse »" in page
        plan.write_text(SMALL_PLAN.format(n=78, volume=9), "utf-8")
        _wait_for(base + "plans/p07/plan/", "Apprenant·e Apprenant 78")
        plan.unlink()
        _wait_for(base + "plans/", f"Aperçu : 0 plan sur {len(COHORT) - 1}")
        assert "Apprenant 78" not in _page_text(base + "plans/p07/plan/")
        time.sleep(3)  # reading the plans to build is no change: no rebuild follows a rebuild
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert server.returncode == 0, output
    assert "Traceback" not in output
    assert list(temp.iterdir()) == []  # stopped as by Ctrl-C: the engine and the watcher cleaned up
    assert output.count("Detected file changes") <= 6, output  # the 4 saves (some may be seen as 2), no loop
    assert sorted(p.relative_to(project / "plans").as_posix() for p in (project / "plans").rglob("*")
                  if p.is_file()) == sorted(name for name in COHORT if name != "p07/plan.yaml")


def test_a_watched_focus_follows_renames_editor_files_and_folders(tmp_path):
    # The core alone (no engine): what a watcher reports, as the plugin hands it over.
    from pac_gen.site.build import OPTION_DEFAULTS, PlanChanges, SiteBuilder, site_options

    plans = tmp_path / "plans"
    for name, content in COHORT.items():
        (plans / name).parent.mkdir(parents=True, exist_ok=True)
        (plans / name).write_text(content, "utf-8")
    _, options = site_options({**OPTION_DEFAULTS, "today": "2026-11-27"}, base=tmp_path, theme_lang="fr",
                              use_directory_urls=True, site_url=None)
    builder, changes = SiteBuilder(), PlanChanges()
    focus = Focus(("p01",), time.time() + 3600)

    def shown(*saw: Path) -> tuple[list[str], int]:
        for path in saw:
            changes.saw(path)
        build = builder.build(plans, options, base=tmp_path, docs_dir=tmp_path / "docs", existing={},
                              serving=True, focus=focus, changes=changes)
        return sorted(source.relative for source in build.sources), build.left_out

    assert shown() == (["p01/plan.yaml"], 54)
    changes.watching = tmp_path / "elsewhere"  # a watcher of another folder: each build walks plans/ again
    (plans / "p90").mkdir()
    (plans / "p90" / "plan.yaml").write_text(SMALL_PLAN.format(n=90, volume=9), "utf-8")  # never reported
    assert shown() == (["p01/plan.yaml"], 55)  # counted by the walk (before the focus's start: not shown)
    changes.watching = plans
    swap = plans / "p02" / ".plan.yaml.tmp"  # an editor's safe save: a hidden file renamed over the plan
    swap.write_text(SMALL_PLAN.format(n=2, volume=8), "utf-8")
    swap.replace(plans / "p02" / "plan.yaml")
    assert shown(swap, plans / "p02" / "plan.yaml") == (["p01/plan.yaml", "p02/plan.yaml"], 54)
    (plans / "p04" / "plan.yaml~").write_text("backup", "utf-8")  # not a plan
    assert shown(plans / "p04" / "plan.yaml~", plans / "p05") == (["p01/plan.yaml", "p02/plan.yaml"], 54)
    (plans / "p03").rename(plans / "p03b")  # a folder renamed: its plan moved
    assert shown(plans / "p03", plans / "p03b") == (["p01/plan.yaml", "p02/plan.yaml", "p03b/plan.yaml"], 53)
    shutil.rmtree(plans / "p06")
    (plans / "p01" / "plan.yaml").unlink()
    assert shown(plans / "p06", plans / "p01" / "plan.yaml") == (["p02/plan.yaml", "p03b/plan.yaml"], 52)
