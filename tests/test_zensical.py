"""The Zensical path: real ``zensical build`` and ``zensical serve`` runs on small sites.

The pages themselves are checked against the same expectations as the MkDocs
builds in ``test_site.py`` (its ``main_site`` fixture builds with Zensical too);
here is what only the Zensical path does: its build folder, its generated
``mkdocs.yml``, its preview server, and what Zensical itself adds.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.test_site import BAD_PLAN, BIN, CAMILLE, EDIT, SMALL_PLAN, build, built, make_project, read, text

zensical = pytest.importorskip("zensical")

pytestmark = pytest.mark.slow  # real Zensical builds and previews of small sites: `make test-fast` leaves them out


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder``: its bytes and its modification time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("zensical"), {"camille/boutique.yaml": CAMILLE,
                                                             "p.yaml": SMALL_PLAN.format(n=1, volume=9)}, extra=EDIT)


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return built(project, "zensical")


def test_pages_carry_zensicals_generator_mark(site: Path) -> None:
    mark = f'<meta name="generator" content="zensical-{zensical.version()}">'
    for page in ("index.html", "plans/index.html", "plans/camille/boutique/index.html", "calendrier/index.html"):
        assert mark in read(site, page), page
    assert "mkdocs-material" not in read(site, "plans/camille/boutique/index.html")


def test_nothing_is_written_in_docs_or_plans(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"camille/boutique.yaml": CAMILLE})
    (project / "docs" / "image.png").write_bytes(b"\x89PNG")
    before = {name: tree(project / name) for name in ("docs", "plans")}
    os.utime(project / "docs" / "index.md", ns=(1, 1))  # a build that rewrote the file would change this
    before["docs"]["index.md"] = ((project / "docs" / "index.md").read_bytes(), 1)
    site = built(project, "zensical")
    assert {name: tree(project / name) for name in ("docs", "plans")} == before
    # The generated pages live in the build folder, which keeps itself out of git.
    work = project / ".pac_gen" / "zensical"
    assert (work / ".gitignore").read_text() == "*\n"
    assert (work / "docs" / "plans" / "camille" / "boutique.md").is_file()
    assert (work / "docs" / "index.md").is_symlink()  # the project's own pages are linked, not copied
    assert (site / "image.png").read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in project.iterdir()) == [".pac_gen", "docs", "mkdocs.yml", "plans", "site"]


def test_the_repository_ignores_the_build_folder() -> None:
    root = Path(__file__).resolve().parent.parent
    assert ".pac_gen/" in (root / ".gitignore").read_text().splitlines()


def test_generated_page_holds_the_html_untouched_and_its_toc(project: Path, site: Path) -> None:
    source = (project / ".pac_gen/zensical/docs/plans/camille/boutique.md").read_text("utf-8")
    front = yaml.safe_load(source.split("---\n")[1])
    assert front == {"title": "Ma boutique en ligne de céramiques",
                     "pac_gen_edit_url": "https://github.com/example/cohorte/edit/main/plans/camille/boutique.yaml"}
    assert "<!-- pac_gen:toc " in source
    html = read(site, "plans/camille/boutique/index.html")
    assert "pac_gen:toc" not in html  # the extension took the line out
    # The table of contents in the sidebar, with the actions under "Actions".
    toc = re.findall(r'href="#([a-z-]+)" class="md-nav__link"', html)
    assert toc[:4] == ["strategie", "resume", "actions", "action-boutique"]
    assert 'rel="edit"' in html


def test_site_pages_have_no_edit_button_and_the_calendar_stays_out_of_search(site: Path) -> None:
    for page in ("plans/index.html", "calendrier/index.html"):
        assert 'rel="edit"' not in read(site, page), page
    assert 'rel="edit"' in read(site, "index.html")  # the project's own pages keep theirs
    items = json.loads((site / "search.json").read_text("utf-8"))["items"]
    locations = {item["location"] for item in items}
    assert "plans/camille/boutique/" in locations
    assert not [loc for loc in locations if loc.startswith("calendrier/")]
    # Charts and the month grid repeat the tables: marked data-search-exclude, left out of the index.
    page_text = " ".join(item["text"] for item in items if item["location"].startswith("plans/camille/boutique/"))
    assert "Photographier 25 pièces sur fond neutre" in page_text
    assert "pac-chart" not in page_text and "Calendrier des actions" not in page_text
    assert "data-search-exclude" not in read(site, "plans/camille/boutique/index.html")


def test_plan_pages_stay_out_of_the_navigation(site: Path) -> None:
    nav = re.findall(r'href="([^"]*)" class="md-nav__link', read(site, "index.html"))
    assert "./plans/" in nav and "./calendrier/" in nav
    assert not [href for href in nav if "boutique" in href or href.endswith("/p/")]


def test_generated_config_inherits_the_projects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pac_gen.engines.zensical import ZensicalSite

    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)})
    monkeypatch.setenv("PAC_GEN_TEST_URL", "https://cohorte.example.org/")
    overrides = project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "footer.html").write_text("<footer>à nous</footer>", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("theme:\n", "site_url: !ENV [PAC_GEN_TEST_URL, null]\ntheme:\n  custom_dir: overrides\n")
    config = config.replace("markdown_extensions:\n  - admonition\n  - toc:\n      permalink: true\n",
                            "markdown_extensions:\n  pymdownx.emoji:\n    emoji_generator: !!python/name:zensical.extensions.emoji.to_svg\n"
                            "  toc:\n    permalink: true\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    ZensicalSite(project / "mkdocs.yml").prepare()
    generated = yaml.safe_load((project / ".pac_gen/zensical/mkdocs.yml").read_text("utf-8"))
    assert generated["INHERIT"] == "../../mkdocs.yml"
    assert generated["docs_dir"] == "docs" and generated["site_dir"] == "site"
    assert generated["markdown_extensions"] == {"pac_gen.engines.zensical_markdown": {}}  # merged into theirs
    assert generated["not_in_nav"] == "/plans/p.md\n"
    assert generated["theme"] == {"custom_dir": "overrides"}
    work = project / ".pac_gen/zensical/overrides/partials"
    assert (work / "footer.html").read_text(encoding="utf-8") == "<footer>à nous</footer>"
    assert "page.meta.pac_gen_edit_url" in (work / "actions.html").read_text(encoding="utf-8")
    # site_url came through !ENV: the subscription link is the published address.
    page = (project / ".pac_gen/zensical/docs/plans/p.md").read_text(encoding="utf-8")
    assert 'href="https://cohorte.example.org/plans/p.ics"' in page
    site = built(project, "zensical")
    assert "<footer>à nous</footer>" in read(site, "plans/p/index.html")


@pytest.mark.parametrize(("options", "expected"), [
    ("plan_dir: plans", "pac_gen: option inconnue « plan_dir »"),
    ("include_confidential: peut-être", "pac_gen: include_confidential: valeur de type inattendu ('peut-être')"),
    ("timezone: Lune/Mer", "pac_gen: timezone: « Lune/Mer » n'est pas un fuseau IANA"),
    ("language: de", "pac_gen: language: 'de' n'est pas une des langues fr, en"),
    ("plans_dir: absent", "pac_gen: plans_dir: "),
])
def test_bad_options_stop_the_build_with_the_options_name(tmp_path: Path, options: str, expected: str) -> None:
    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)}, options=options)
    result = build(project, "zensical")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (project / "site").exists()


def test_a_site_without_the_plugin_entry_is_told_what_to_add(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"  - pac_gen:\n(      .*\n)*", "", config), encoding="utf-8")
    result = build(project, "zensical")
    assert result.returncode == 1
    assert "mkdocs.yml n'a pas d'entrée « pac_gen » sous « plugins: »" in result.stderr


def test_a_removed_plan_leaves_the_site_at_the_next_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.yaml": SMALL_PLAN.format(n=1, volume=9), "b.yaml": SMALL_PLAN.format(n=2, volume=9)})
    site = built(project, "zensical")
    assert (site / "plans/b/index.html").exists() and (site / "plans/b.csv").exists()
    (project / "plans/b.yaml").unlink()
    site = built(project, "zensical")
    assert not (site / "plans/b/index.html").exists() and not (site / "plans/b.csv").exists()
    assert not (project / ".pac_gen/zensical/docs/plans/b.md").exists()
    assert "Apprenant 2" not in read(site, "plans/index.html")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, words: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = _page_text(url)
        if words in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{words!r} never showed on {url}: {page[:500]!r}")


@pytest.mark.parametrize("engine", ["zensical", "mkdocs"])
def test_serve_shows_a_plans_errors_then_the_plan_once_fixed(tmp_path: Path, engine: str) -> None:
    # The real preview: `pac-gen serve --engine …`, a save with errors, then a valid save.
    project = make_project(tmp_path, {"p.yaml": BAD_PLAN})
    port = _free_port()
    server = subprocess.Popen([str(BIN / "pac-gen"), "serve", "--engine", engine, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/plans/p/"
        page = _wait_for(url, "Ce plan contient des erreurs")
        assert "plans/p.yaml:3:3 E101 Clé inconnue « echeanse »" in page
        (project / "plans/p.yaml").write_text(SMALL_PLAN.format(n=7, volume=9), encoding="utf-8")
        page = _wait_for(url, "Apprenant·e Apprenant 7")
        assert "Ce plan contient des erreurs" not in page
        (project / "docs/index.md").write_text("# Accueil modifié\n", encoding="utf-8")
        _wait_for(f"http://127.0.0.1:{port}/", "Accueil modifié")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "plans/p.yaml:3:3: E101" in output  # the server said it too
    assert server.returncode == 0
    assert "Traceback" not in output
    # Nothing generated in the project's folders: only what the test wrote is there.
    assert sorted(tree(project / "docs")) == ["index.md"]
    assert sorted(tree(project / "plans")) == ["p.yaml"]


def test_the_markdown_extension_hands_the_page_over_byte_for_byte_with_its_toc() -> None:
    import markdown

    from pac_gen.check.validate import check_file
    from pac_gen.engines.zensical import page_source
    from pac_gen.format.settings import Settings
    from pac_gen.site.pages import PlanSource, SiteOptions, plan_page
    from tests.conftest import TODAY

    options = SiteOptions(Settings(today=TODAY), source_links=True)
    page = plan_page(PlanSource(check_file(CAMILLE, options.settings), "camille/boutique.yaml"), options,
                     "plans/camille/boutique.yaml")
    body = page_source(page, "").split("---\n", 2)[2]  # Zensical reads the front matter itself
    html = body.split("<!-- pac_gen:html -->\n", 1)[1].strip()
    assert html == str(page.html).strip()
    md = markdown.Markdown(extensions=["toc", "tables", "admonition", "pac_gen.engines.zensical_markdown"])
    assert md.convert(body) == html
    tokens = md.toc_tokens  # type: ignore[attr-defined]
    assert [t["id"] for t in tokens][:3] == ["strategie", "resume", "actions"]
    assert tokens[2]["children"][0]["name"] == "Mettre en place une boutique sur le site"
    # The next page converted by the same instance gets none of this page's contents.
    assert md.reset().convert("# Autre page\n") == '<h1 id="autre-page">Autre page</h1>'
    assert [t["id"] for t in md.toc_tokens] == ["autre-page"]  # type: ignore[attr-defined]


# --- the hostile cases of tests/test_hostile_round2.py, through the Zensical path ---------------------


def _zensical_build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    from tests.hostile.support import mkdocs_env

    return subprocess.run([str(BIN / "pac-gen"), "build", "--engine", "zensical", "--site-dir", "site", *args],
                          cwd=project, env=mkdocs_env(), capture_output=True, text=True, timeout=300, check=False)


def test_hostile_edit_link_and_folder_names_and_plans_link_under_zensical(tmp_path: Path) -> None:
    from tests.hostile.support import HOSTILE, assert_no_live_markup, site_project
    from tests.test_hostile_round2 import XSS_FOLDER

    minimal = (HOSTILE / "minimal.yaml").read_bytes()
    project = site_project(tmp_path / "project", {"#x&y=1 '(z)/plan.yaml": minimal})
    config = project / "mkdocs.yml"
    config.write_text("repo_url: https://github.com/example/cohorte\nedit_uri: edit/main/docs/\n"
                      + config.read_text("utf-8").replace("font: false\n", "font: false\n  features: [content.action.edit]\n"),
                      "utf-8")
    result = _zensical_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site/plans/#x&y=1 '(z)/plan/index.html").read_text("utf-8")
    assert 'href="https://github.com/example/cohorte/edit/main/plans/%23x%26y%3D1%20%27%28z%29/plan.yaml"' in html
    assert_no_live_markup(html)

    project = site_project(tmp_path / "xss", {f"{XSS_FOLDER}/plan.yaml": minimal, "ok/plan.yaml": minimal})
    result = _zensical_build(project, "--strict")
    # Left out, the other plan published (issue 21): exit 3.
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert f"plans/{XSS_FOLDER}/plan.yaml:1:1: E014 Ce chemin ne peut pas être celui d'un plan" in result.stderr
    assert not (project / ".pac_gen").exists() or not list((project / ".pac_gen").rglob("*onerror*"))
    assert not list((project / "site").rglob("*onerror*"))
    assert_no_live_markup((project / "site" / "plans" / "index.html").read_text("utf-8"))

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plan.yaml").write_bytes(minimal)
    project = site_project(tmp_path / "linked", {})
    (project / "plans").rmdir()
    (project / "plans").symlink_to(elsewhere)
    result = _zensical_build(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"pac_gen: plans_dir: plans est un lien vers {elsewhere}, hors du dossier du site" in result.stderr


def test_preview_of_an_invalid_confidential_plan_shows_nothing_of_it_under_zensical(tmp_path: Path) -> None:
    from pac_gen.engines.zensical import ZensicalSite
    from tests.hostile.support import HOSTILE, site_project

    minimal = (HOSTILE / "minimal.yaml").read_bytes()
    secret = b"confidentiel: oui\n" + minimal + b"montant_secret_zq7x: 98765\n"  # an unknown key: invalid
    project = site_project(tmp_path / "project", {"secret.yaml": secret, "ok.yaml": minimal})
    ZensicalSite(project / "mkdocs.yml", serving=True, log=lambda line: None).prepare()
    work = project / ".pac_gen" / "zensical"
    assert (work / "docs/plans/ok.md").exists() and not (work / "docs/plans/secret.md").exists()
    for file in work.rglob("*"):
        if file.is_file():
            assert b"zq7x" not in file.read_bytes(), file


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_pac_gen_build_runs_the_plugin_engines_with_the_same_options(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9)})
    command = [str(BIN / "pac-gen"), "build", "--engine", engine, "--strict", "--site-dir", "out"]
    # Material sets NO_MKDOCS_2_WARNING in the process that imports it: start from an environment without it.
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "Apprenant·e Apprenant 1" in text(read(project / "out", "plans/ok/index.html"))
    assert "reaches end of life" not in result.stderr  # Material's notice is silenced, as make site did
    (project / "plans/bad.yaml").write_text(BAD_PLAN, encoding="utf-8")
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 3  # built without it (issue 21)
    assert "plans/bad.yaml:3:3: E101 Clé inconnue « echeanse »" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_config_file_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run([str(BIN / "pac-gen"), "build", "--engine", "zensical"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr == "pac-gen: mkdocs.yml: introuvable (le fichier de réglages du site, mkdocs.yml)\n"


def test_zensicals_own_strict_abort_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # A learner's Markdown (notes, strategy) can hold a link Zensical warns about; with
    # --strict, Zensical raised RuntimeError out of its command line after its warnings.
    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)})
    (project / "docs" / "index.md").write_text("# Accueil\n\nVoir [là](#nulle-part).\n", "utf-8")
    result = _zensical_build(project, "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "anchor does not exist" in result.stderr + result.stdout
    assert result.stderr.rstrip().splitlines()[-2:] == [
        "ERROR   -  zensical: Aborted because --strict flag is set",
        "ERROR   -  pac-gen build: la construction a échoué (voir plus haut) : site n'a pas été touché."]
