"""Screenshots of every page kind for the README: desktop 1280 and phone 390 px, light and dark.

``make screenshots`` runs it: it builds the example site for 2026-11-27 with every
page kind (:mod:`tests.browser.sites`, error page included), serves it gzipped on
127.0.0.1 and writes ``docs/screenshots/{shot}-{desktop,phone}-{light,dark}.png``
with Debian's Chromium. A shot is the top of a page kind (plan, overview, cohort
calendar, error page), or a section of the plan page scrolled below the sticky
header (its tasks, its charts once drawn, its calendar, its ideal week).
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from tests.browser.sites import PAGE_KINDS, GzipHandler, QuietServer, build_published, build_serving  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    # A phone's CSS pixels at scale 1: the layout is the phone's, the files stay small.
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
# (shot name, page kind, CSS selector scrolled to the top, or None for the top of the page)
SHOTS = (
    ("plan", "plan", None),
    ("tasks", "plan", ".pac-gen-tasks"),
    ("charts", "plan", ".pac-chart-figure"),
    ("calendar", "plan", ".pac-cal-month"),
    ("week", "plan", ".pac-week"),
    ("steering", "plan", "section.pac-gen-steering"),
    ("overview", "overview", None),
    ("cohort-calendar", "calendar", None),
    ("error", "error", None),
)
# The published build of the same sources, whose plan with errors is left out (issue 21).
PUBLISHED_SHOTS = (("overview-left-out", "overview", None),)
VISIBLE_CHARTS_DRAWN = """() => [...document.querySelectorAll('div.pac-chart')]
    .filter(c => { const r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
    .every(c => c.querySelector('svg.main-svg'))"""


def shoot(site: Path, out: Path, shots: tuple[tuple[str, str, str | None], ...] = SHOTS) -> list[Path]:
    """Serve ``site`` and write the screenshots ``shots`` into ``out``."""
    from playwright.sync_api import sync_playwright

    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
            for device, options in VIEWPORTS.items():
                for scheme in ("light", "dark"):
                    # The palette follows prefers-color-scheme (mkdocs.yml's media queries).
                    context = browser.new_context(color_scheme=scheme, locale="fr-FR", **options)
                    page = context.new_page()
                    for shot, kind, selector in shots:
                        page.goto(base + PAGE_KINDS[kind], wait_until="load")
                        if selector:
                            page.evaluate("""s => { const e = document.querySelector(s);
                                window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 80); }""",
                                          selector)
                        page.wait_for_function(VISIBLE_CHARTS_DRAWN)
                        page.wait_for_timeout(300)  # plotly's resize and transitions
                        target = out / f"{shot}-{device}-{scheme}.png"
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
        work = Path(tmp)
        (work / "src").mkdir()
        build_serving(work / "src", work / "site")
        (work / "published").mkdir()
        build_published(work / "published", work / "published-site")
        for old in OUT.glob("*.png"):
            old.unlink()
        for path in [*shoot(work / "site", OUT), *shoot(work / "published-site", OUT, PUBLISHED_SHOTS)]:
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
