"""Fixtures of the browser tests: build a site once, serve it on 127.0.0.1, drive Chromium.

The example site (``mkdocs.yml`` + ``docs/`` + ``plans/`` copied to a temporary
folder) is built once per session with "today" fixed to 2026-11-27 through
``SOURCE_DATE_EPOCH``, then served by a threaded ``http.server`` on a free port.

Chromium is Debian's (``/usr/bin/chromium``): Playwright's own browser download
is impossible here, so nothing ever runs ``playwright install``. Two fences keep
every request on 127.0.0.1: the browser resolves no other host name
(``--host-resolver-rules``) and the ``page`` fixture aborts, records and fails on
any request to another host (a CDN, a web font, analytics).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.sites import TODAY_EPOCH, QuietServer, copy_sources

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
LOCAL_HOSTS = {"127.0.0.1"}

# The example plans published on the site (lea/cabinet.yaml is confidential: left out).
PLAN_PAGES = ("plans/camille/boutique/", "plans/karim/formations/")

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces with the page fixture's route: no other host name resolves,
    # so even a request the route cannot see (a worker's) never leaves the machine.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


ENGINES = ("mkdocs", "zensical")
"""The site generators the browser tests build the example site with (ProperDocs is MkDocs' code)."""


def build_site(source: Path, site_dir: Path, strict: bool = True, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Build the site whose ``mkdocs.yml`` is in ``source`` into ``site_dir`` with ``engine``; fail with its output."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(Path(sys.executable).with_name("pac-gen")), "build", "--engine", engine, "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        pytest.fail(f"{engine} build failed in {source} (exit {result.returncode}):\n{result.stderr}\n{result.stdout}")
    return result


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files, no log lines; cached like a static host (GitHub Pages sends ``max-age=600``)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Served:
    """A built site and the address it is served at (``http://127.0.0.1:PORT/``)."""

    root: Path
    base_url: str
    engine: str = "mkdocs"

    def url(self, path: str = "") -> str:
        """The absolute address of ``path`` (relative to the site root)."""
        return self.base_url + path.lstrip("/")


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """A function that serves a folder over HTTP on 127.0.0.1 and returns its :class:`Served`."""
    servers: list[QuietServer] = []

    def start(root: Path) -> Served:
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = QuietServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return Served(root, f"http://127.0.0.1:{server.server_address[1]}/")

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_folder() -> Iterator[Any]:
    """A function that makes a fresh folder for a site, removed after the session.

    Not pytest's ``tmp_path_factory``: other pytest runs on the machine prune its
    numbered folders, and the server must keep serving its files for the whole session.
    """
    base = Path(tempfile.mkdtemp(prefix="pac_gen_browser_"))

    def make(name: str) -> Path:
        folder = base / name
        folder.mkdir()
        return folder

    yield make
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session", params=ENGINES)
def example_site(request: pytest.FixtureRequest, site_folder: Any, serve: Any) -> Served:
    """The repository's site (its ``mkdocs.yml``, ``docs/`` and ``plans/``) built for 2026-11-27 and served,
    once with each engine: every test that uses it runs on both sites."""
    engine = request.param
    work = site_folder(f"example-{engine}")
    served: Served = serve(work / "site")  # the port is needed for site_url, before the build
    config = copy_sources(work, served.base_url)
    if not re.search(r"^site_url:", config.read_text(encoding="utf-8"), re.MULTILINE):
        # Without site_url, Material's navigation.instant silently falls back to full page loads.
        config.write_text(config.read_text(encoding="utf-8") + f"\nsite_url: {served.base_url}\n", encoding="utf-8")
    build_site(work, work / "site", strict=True, engine=engine)
    served.engine = engine
    return served


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, launched once for the session."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did that a test must fail on, recorded as it happens."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every recorded problem, one line each."""
        return (
            [f"request left 127.0.0.1: {u}" for u in self.external]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"dialog opened: {m}" for m in self.dialogs]
        )

    def assert_clean(self) -> None:
        """Fail with every recorded problem."""
        problems = self.problems()
        assert not problems, "\n".join(problems)


def watch_page(page: Any, watch: Watch) -> None:
    """Record console errors, uncaught exceptions, dialogs and requests to other hosts of ``page``."""

    def on_console(message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            watch.console_errors.append(f"{message.text} ({location.get('url', '')}:{location.get('lineNumber', '')})")

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request: Any) -> None:
        # Requests that bypass routing (workers) are still seen here.
        if not is_local(request.url) and request.url not in watch.external:
            watch.external.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on("request", on_request)


def is_local(url: str) -> bool:
    """True for addresses on 127.0.0.1, and for ``data:``/``blob:``/``about:`` that never touch the network."""
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True
    return parts.hostname in LOCAL_HOSTS


def fence(context: Any, watch: Watch) -> None:
    """Abort, and record, every request of ``context`` to a host other than 127.0.0.1."""

    def handle(route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            if url not in watch.external:
                watch.external.append(url)
            route.abort()

    context.route("**/*", handle)


@pytest.fixture
def watch() -> Watch:
    """The problems recorded by ``page``; the test fails on any of them."""
    return Watch()


@pytest.fixture
def context(browser: Any, watch: Watch) -> Iterator[Any]:
    """A fresh browser context (light colour scheme, 1280×800) fenced to 127.0.0.1."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light", locale="fr-FR")
    fence(ctx, watch)
    ctx.on("page", lambda p: watch_page(p, watch))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any, watch: Watch) -> Iterator[Any]:
    """A page of ``context``; after the test, fails on any console error, page error, dialog or outside request."""
    new_page = context.new_page()
    new_page.set_default_timeout(15_000)
    yield new_page
    watch.assert_clean()


# Charts are drawn when they come near the viewport (assets/charts.js): bring each one in
# view in turn and wait for its drawing, then go back to the top.
_DRAW_EVERY_CHART = """async () => {
    for (const chart of document.querySelectorAll('div.pac-chart')) {
        chart.scrollIntoView({block: 'center'});
        const start = performance.now();
        while (!chart.querySelector('svg.main-svg') && performance.now() - start < 15000) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }
    window.scrollTo(0, 0);
}"""

CHARTS_DRAWN = """() => [...document.querySelectorAll('div.pac-chart')]
    .every(chart => chart.querySelector('svg.main-svg') !== null)"""


def draw_charts(page: Any) -> None:
    """Scroll every chart of the page into view until plotly.js has drawn it; fail if one is not drawn."""
    page.evaluate(_DRAW_EVERY_CHART)
    page.wait_for_function(CHARTS_DRAWN, timeout=5_000)
