"""The example site as readers see it, built once for the browser tests, the screenshots and Lighthouse.

Every page kind pac_gen renders is in it: plan pages, the overview, the cohort
calendar, and the error page that ``mkdocs serve`` shows for a plan with errors.
That last one exists only while serving, so the site is built the way
``mkdocs serve`` builds it (the plugin's ``on_startup`` told ``command="serve"``),
from a copy of ``mkdocs.yml``, ``docs/`` and ``plans/`` plus one plan with errors
(``plans/brouillon/erreurs.yaml``, the golden file ``types_et_references.yaml``).

"Today" is fixed to 2026-11-27 through ``SOURCE_DATE_EPOCH``. :class:`GzipHandler`
serves the built files gzip-compressed, as GitHub Pages does, so that page weights
are what a phone downloads.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[2]
TODAY_EPOCH = str(int(datetime(2026, 11, 27, 12, 0, tzinfo=UTC).timestamp()))

ERROR_PLAN = ROOT / "tests" / "golden" / "invalid" / "types_et_references.yaml"
ERROR_PLAN_RELATIVE = "brouillon/erreurs.yaml"

PAGE_KINDS = {
    "plan": "plans/camille/boutique/",
    "overview": "plans/",
    "calendar": "calendrier/",
    "error": "plans/brouillon/erreurs/",
}
"""One page of each kind pac_gen renders, by kind."""

MATERIAL_PAGE = "guide/"
"""A plain Material page of the same site (Markdown only), the yardstick."""

# mkdocs serve's build, without its server: the plugin then renders error pages instead of stopping.
_SERVE_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


def copy_sources(work: Path, site_url: str | None = None, with_error: bool = False) -> Path:
    """Copy the site's sources into ``work`` (``site_url`` set, and the plan with errors if asked); return mkdocs.yml.

    Without ``site_url`` MkDocs writes an empty sitemap.xml, and Material's instant
    navigation, which only follows links listed there, falls back to full page loads.
    """
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url:
        config = re.sub(r"^site_url:.*$", f"site_url: {site_url}", config, flags=re.MULTILINE)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("screenshots"))
    shutil.copytree(ROOT / "plans", work / "plans")
    if with_error:
        target = work / "plans" / ERROR_PLAN_RELATIVE
        target.parent.mkdir(parents=True)
        shutil.copy(ERROR_PLAN, target)
    commit_history(work)
    return work / "mkdocs.yml"


HISTORY = (("2026-11-02T09:00:00+01:00", "plans"), ("2026-11-24T18:30:00+01:00", "plans/camille/boutique.yaml"))
"""The copy's git history, as a cohort repository has one: every plan, then one learner's update.

The overview's "Mis à jour" column reads it (pac_gen/site/history.py).
"""


def commit_history(work: Path) -> None:
    """Make ``work`` a git repository whose commits are :data:`HISTORY` (dates fixed: same pages every time)."""
    def git(*args: str, date: str = "") -> None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "Promo", "GIT_AUTHOR_EMAIL": "promo@example.org",
               "GIT_COMMITTER_NAME": "Promo", "GIT_COMMITTER_EMAIL": "promo@example.org"}
        if date:
            env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        subprocess.run(["git", *args], cwd=work, env=env, check=True, capture_output=True)

    git("init", "-q")
    for date, path in HISTORY:
        if path != "plans":
            with (work / path).open("a", encoding="utf-8") as plan:
                plan.write("# relu\n")
        git("add", "--", path)
        git("commit", "-q", "--no-gpg-sign", "-m", f"update {path}", date=date)


def build_serving(work: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Build the example site with every page kind (error page included) into ``site_dir``, as ``mkdocs serve`` does.

    Raises:
        RuntimeError: when the build fails, with its output.

    """
    config = copy_sources(work, site_url, with_error=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", _SERVE_BUILD, str(config), str(site_dir)], cwd=work, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0 or not (site_dir / PAGE_KINDS["error"] / "index.html").is_file():
        raise RuntimeError(f"build failed in {work} (exit {result.returncode}):\n{result.stderr}\n{result.stdout}")
    return result


def build_published(work: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Build the same sources as the publication does (``pac-gen build --strict``): the plan with errors left out.

    Its overview carries the "plans left out" notice (issue 21).

    Raises:
        RuntimeError: when the build does not end with exit 3 (built without the plan with errors).

    """
    copy_sources(work, site_url, with_error=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    pac_gen = Path(sys.executable).parent / "pac-gen"
    result = subprocess.run([str(pac_gen), "build", "--engine", "mkdocs", "--strict", "--site-dir", str(site_dir)],
                            cwd=work, env=env, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 3 or "pac-gen-left-out" not in (site_dir / "plans" / "index.html").read_text("utf-8"):
        raise RuntimeError(f"build in {work} (exit {result.returncode}):\n{result.stderr}\n{result.stdout}")
    return result


class QuietServer(ThreadingHTTPServer):
    """Ignores connections the browser drops (a page left before plotly.js finished downloading)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".csv", ".txt", ".map")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (text types, as GitHub Pages does); no log lines."""

    _cache: ClassVar[dict[Path, bytes]] = {}

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not (accepts and path.suffix in _COMPRESSIBLE and path.is_file()):
            return super().send_head()  # redirects, 404s, images, fonts
        body = self._cache.get(path)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            self._cache[path] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass
