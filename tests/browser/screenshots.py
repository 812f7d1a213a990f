"""Screenshots of a plan page for the README: desktop and 390 px phone, light and dark.

``make screenshots`` runs it: it builds the example site for 2026-11-27 in a
temporary folder, serves it on 127.0.0.1 and writes
``docs/screenshots/{plan,charts}-{desktop,phone}-{light,dark}.png`` with Debian's
Chromium: the top of the page, then its first chart.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, TODAY_EPOCH  # noqa: E402

PLAN_PAGE = "plans/camille/boutique/"
OUT = ROOT / "docs" / "screenshots"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
CHARTS_DRAWN = "() => [...document.querySelectorAll('div.pac-chart')].every(c => c.querySelector('svg.main-svg'))"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build(work: Path) -> Path:
    """Copy the site's sources into ``work`` and build them; return the built folder."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("screenshots"))
    shutil.copytree(ROOT / "plans", work / "plans")
    env = {"SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)}
    subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet", "--site-dir", "site"],
                   cwd=work, env=env, check=True)
    return work / "site"


def shoot(site: Path, out: Path) -> list[Path]:
    """Serve ``site`` and write the screenshots into ``out``."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{PLAN_PAGE}"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
            for name, options in VIEWPORTS.items():
                for scheme in ("light", "dark"):
                    # The palette follows prefers-color-scheme (mkdocs.yml's media queries).
                    context = browser.new_context(color_scheme=scheme, locale="fr-FR", **options)
                    page = context.new_page()
                    page.goto(url, wait_until="networkidle")
                    page.wait_for_function(CHARTS_DRAWN)
                    target = out / f"plan-{name}-{scheme}.png"
                    page.screenshot(path=str(target), animations="disabled")
                    written.append(target)
                    # Then the charts: scrolled to the first one, below the sticky header.
                    page.evaluate("() => { const c = document.querySelector('div.pac-chart');"
                                  " window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 120); }")
                    target = out / f"charts-{name}-{scheme}.png"
                    page.screenshot(path=str(target), animations="disabled")
                    written.append(target)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pac_gen_screens_") as tmp:
        for path in shoot(build(Path(tmp)), OUT):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
