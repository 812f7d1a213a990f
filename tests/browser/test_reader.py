"""What a reader sees of every page kind, checked in the browser: layouts, overflow, contrast, axe-core.

The site holds every page kind pac_gen renders (:mod:`tests.browser.sites`: a plan
page, the overview, the cohort calendar, the error page of ``mkdocs serve``), built
for 2026-11-27 and served gzipped. The checks read what Chromium computed (styles,
boxes, colours), not the HTML: the month calendar was once a 17,000 px column
while every HTML test passed.

axe-core (pinned in ``tests/browser/axe/package-lock.json``; ``npm ci`` there, as
``.ci/run`` does) runs on every page kind in both palettes: every violation on an
element pac_gen renders fails the test; Material's own are printed, not counted.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Served, Watch, draw_charts, fence, watch_page
from tests.browser.sites import PAGE_KINDS, GzipHandler, QuietServer, build_published, build_serving

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

# What pac_gen renders inside a page (everything else is Material's).
PAC_GEN = ".pac-gen, .pac-calendar, .pac-week, .pac-subscribe, .pac-chart-figure"

DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}


def _served_gzipped(work: Path, build: Callable[..., object]) -> Iterator[Served]:
    """``build(sources, site, site_url=…)`` into ``work``, served gzipped like GitHub Pages while the caller runs."""
    site = work / "site"
    site.mkdir()
    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served = Served(site, f"http://127.0.0.1:{server.server_address[1]}/")
    (work / "src").mkdir()
    build(work / "src", site, site_url=served.base_url)
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def kinds_site(site_folder: Any) -> Iterator[Served]:
    """The example site with every page kind, served gzipped like GitHub Pages."""
    yield from _served_gzipped(site_folder("kinds"), build_serving)


@pytest.fixture
def open_kind(browser: Any, kinds_site: Served) -> Iterator[Any]:
    """A function opening a page kind on a device in a palette; the test fails on console errors or outside requests."""
    contexts: list[tuple[Any, Watch]] = []

    def open_(kind: str, device: str = "desktop", scheme: str = "light") -> Any:
        watch = Watch()
        context = browser.new_context(color_scheme=scheme, locale="fr-FR", **DEVICES[device])
        fence(context, watch)
        contexts.append((context, watch))
        page = context.new_page()
        page.set_default_timeout(15_000)
        watch_page(page, watch)
        page.goto(kinds_site.url(PAGE_KINDS[kind]), wait_until="load")
        draw_charts(page)
        return page

    yield open_
    for context, watch in contexts:
        context.close()
        watch.assert_clean()


def render_everything(page: Any) -> None:
    """Render the sections that are off screen, as they are once the reader has scrolled through.

    Calendars, the ideal week and tables off screen are not rendered (``content-visibility:
    auto``): their text has no box, and axe would read the colours of unrendered text.
    """
    page.add_style_tag(content="* { content-visibility: visible !important; }")


# --- layouts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["plan", "calendar"])
def test_month_calendar_is_a_seven_column_grid_on_a_wide_screen(open_kind: Any, kind: str) -> None:
    page = open_kind(kind)
    grids = page.evaluate("""() => [...document.querySelectorAll('ol.pac-cal-grid')].map(g => {
        const style = getComputedStyle(g);
        return {display: style.display, columns: style.gridTemplateColumns.split(' ').length,
                rows: new Set([...g.children].map(c => Math.round(c.getBoundingClientRect().top))).size};
    })""")
    assert grids, "no month calendar"
    for grid in grids:
        assert (grid["display"], grid["columns"]) == ("grid", 7), grid
        # The weekday heads, then four to six weeks: not a column of 30 stacked cells.
        assert 5 <= grid["rows"] <= 7, grid
    # November 2026 starts on a Sunday: its 1st is in the 7th column.
    november = page.evaluate("""() => getComputedStyle(document.querySelector(
        'li.pac-cal-day:has(time[datetime="2026-11-01"])')).gridColumnStart""")
    assert november == "7"


def test_month_calendar_is_a_list_of_days_on_a_phone(open_kind: Any) -> None:
    page = open_kind("calendar", "phone")
    state = page.evaluate("""() => ({
        grid: getComputedStyle(document.querySelector('ol.pac-cal-grid')).display,
        emptyShown: [...document.querySelectorAll('li.pac-cal-empty:not(.pac-cal-is-today)')]
            .filter(d => getComputedStyle(d).display !== 'none').length,
        longDate: getComputedStyle(document.querySelector('.pac-cal-long')).position,
    })""")
    assert state == {"grid": "block", "emptyShown": 0, "longDate": "static"}


@pytest.mark.parametrize(("device", "shown", "hidden"), [("desktop", ".pac-week-scroll", "ol.pac-week-list"),
                                                         ("phone", "ol.pac-week-list", ".pac-week-scroll")])
def test_ideal_week_shows_once(open_kind: Any, device: str, shown: str, hidden: str) -> None:
    page = open_kind("plan", device)
    displays = page.evaluate("""([shown, hidden]) => [shown, hidden].map(
        s => getComputedStyle(document.querySelector(s)).display)""", [shown, hidden])
    assert displays[0] != "none" and displays[1] == "none", displays


def test_phone_list_of_the_ideal_week_is_in_time_order(open_kind: Any) -> None:
    page = open_kind("plan", "phone")
    days = page.evaluate("""() => [...document.querySelectorAll('ol.pac-week-list > li')].map(
        day => [...day.querySelectorAll(':scope > ul > li .pac-week-hours, :scope > ul > li > .pac-week-hours')]
            .map(h => h.textContent.trim().slice(0, 5)))""")
    assert any(len(day) > 2 for day in days)
    for day in days:
        assert day == sorted(day), day


# Width of every element that must fit its column, against the column (Material's article).
WIDER_THAN_COLUMN = """() => {
    const column = document.querySelector('article.md-content__inner').getBoundingClientRect();
    return [...document.querySelectorAll('.pac-gen-table, .pac-gen-table table, .pac-chart-figure, '
                                         + '.pac-chart .main-svg, .pac-week-table, ol.pac-cal-grid')]
        .filter(e => e.getClientRects().length)
        .map(e => [e.className.baseVal ?? e.className, e.getBoundingClientRect(), e.scrollWidth, e.clientWidth])
        .filter(([name, box, scroll, client]) => box.left < column.left - 1 || box.right > column.right + 1
                 || scroll > client + 1)
        .map(([name, box, scroll, client]) => `${name}: ${Math.round(box.left)}–${Math.round(box.right)} px`
             + ` (scrolls ${scroll} > ${client}) in a column ${Math.round(column.left)}–${Math.round(column.right)}`);
}"""


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_table_or_chart_is_wider_than_its_column(open_kind: Any, kind: str, device: str) -> None:
    page = open_kind(kind, device)
    assert page.evaluate(WIDER_THAN_COLUMN) == []
    if device == "phone":
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert sizes[0] <= sizes[1], f"page {sizes[0]} px wide on a {sizes[1]} px screen"


def test_a_phone_shows_each_tasks_status_and_lateness_on_screen(open_kind: Any) -> None:
    page = open_kind("plan", "phone")
    cells = page.evaluate("""() => [...document.querySelectorAll('table.pac-gen-tasks tbody tr')].map(row => {
        const status = row.querySelector('td.pac-gen-key');
        const box = status.getBoundingClientRect();
        return {text: status.textContent.trim(), left: box.left, right: box.right,
                label: getComputedStyle(status, '::before').content,
                rank: [...row.children].filter(c => getComputedStyle(c).display !== 'none')
                    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).indexOf(status)};
    })""")
    assert len(cells) > 10
    for cell in cells:
        assert 0 <= cell["left"] and cell["right"] <= 390, cell
        assert cell["label"] == '"Statut"', cell
        assert cell["rank"] == 1, cell  # right under the task's name
    assert any(cell["text"].startswith("⚠ En retard") for cell in cells)


def test_english_pages_declare_english(kinds_site: Served) -> None:
    for page in ("en/index.html", "en/guide/start/index.html"):
        assert '<html lang="en"' in (kinds_site.root / page).read_text(encoding="utf-8"), page
    assert '<html lang="fr"' in (kinds_site.root / "guide/index.html").read_text(encoding="utf-8")


# Boxes of each drawn chart's parts that must not overlap nor leave the chart.
CHART_CLASHES = """() => {
    const problems = [];
    const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const chart of document.querySelectorAll('div.pac-chart')) {
        const svg = chart.querySelector('svg.main-svg').getBoundingClientRect();
        const boxes = s => [...chart.querySelectorAll(s)].map(e => e.getBoundingClientRect()).filter(b => b.width);
        const legend = boxes('g.legend')[0];
        const ticks = [...boxes('g.xtick text'), ...boxes('g.ytick text')];
        const notes = boxes('g.annotation');
        const name = chart.id;
        if (legend && ticks.some(t => overlap(t, legend))) problems.push(`${name}: a tick under the legend`);
        notes.forEach((a, i) => notes.slice(i + 1).forEach(b => {
            if (overlap(a, b)) problems.push(`${name}: two labels on top of each other`); }));
        for (const b of [...ticks, ...notes, ...(legend ? [legend] : [])]) {
            if (b.left < svg.left - 1 || b.right > svg.right + 1 || b.top < svg.top - 1 || b.bottom > svg.bottom + 1) {
                problems.push(`${name}: a label cut at the edge (${Math.round(b.left)},${Math.round(b.top)})`);
            }
        }
        if (svg.height < 250) problems.push(`${name}: squeezed to ${Math.round(svg.height)} px`);
    }
    return problems;
}"""


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("kind", ["plan", "overview"])
def test_chart_labels_legends_and_ticks_do_not_collide(open_kind: Any, kind: str, device: str) -> None:
    page = open_kind(kind, device)
    assert page.evaluate("() => document.querySelectorAll('div.pac-chart svg.main-svg').length") >= 1
    assert page.evaluate(CHART_CLASHES) == []


# --- colours -----------------------------------------------------------------------------------------

# WCAG contrast of the text of each coloured pac_gen cell against the background it is drawn on
# (the first opaque background among itself and its ancestors).
CONTRASTS = """(selector) => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = e => {
        for (; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length < 4 || c[3] > 0.9) return c;
        }
        return [255, 255, 255];
    };
    return [...document.querySelectorAll(selector)]
        .filter(e => e.getClientRects().length && e.textContent.trim())
        .map(e => {
            const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))];
            return [e.className, e.textContent.trim().slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
        });
}"""

COLOURED = {
    "plan": ", ".join(("li.pac-cal-is-today .pac-cal-today", "li.pac-cal-is-today .pac-cal-ev", ".pac-week-legend li",
                       "td.pac-week-cell", ".pac-week-list li li", ".pac-cal-legend li",
                       "tr.pac-gen-late td", ".pac-gen-late-marker", ".pac-gen-status", ".pac-week-flag")),
    "overview": "tr.pac-gen-late td, .pac-gen-late-marker, .pac-gen-status",
    "calendar": "li.pac-cal-is-today .pac-cal-ev, .pac-cal-legend li, .pac-cal-flag",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("kind", COLOURED)
def test_coloured_cells_are_readable_in_both_palettes(open_kind: Any, kind: str, device: str, scheme: str) -> None:
    page = open_kind(kind, device, scheme)
    render_everything(page)
    contrasts = page.evaluate(CONTRASTS, COLOURED[kind])
    assert contrasts, "no coloured cell shown"
    low = [c for c in contrasts if c[2] < 4.5]
    assert not low, low


# --- axe-core ----------------------------------------------------------------------------------------


def _axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page, each node marked as pac_gen's or Material's."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` in tests/browser/axe/ (.ci/run does)")
    page.add_script_tag(path=str(AXE))
    render_everything(page)
    result = page.evaluate("""async (ours) => {
        const found = await axe.run(document, {resultTypes: ['violations']});
        return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => {
                const element = document.querySelector(n.target[0]);
                return {target: n.target.join(' '), ours: !!(element && element.closest(ours)),
                        summary: n.failureSummary};
            })}));
    }""", PAC_GEN)
    return list(result)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_nothing_on_what_pac_gen_renders(open_kind: Any, kind: str, scheme: str) -> None:
    page = open_kind(kind, "desktop", scheme)
    violations = _axe(page)
    ours = [f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(
        f"{n['target']}: {n['summary']}" for n in v["nodes"] if n["ours"])
        for v in violations if any(n["ours"] for n in v["nodes"])]
    material = sorted({f"{v['id']}: {len([n for n in v['nodes'] if not n['ours']])} node(s)"
                       for v in violations if any(not n["ours"] for n in v["nodes"])})
    print(f"\n{kind} ({scheme}) — Material's own, not counted: {json.dumps(material, ensure_ascii=False)}")
    assert not ours, "\n".join(ours)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_on_a_phone(open_kind: Any, kind: str) -> None:
    page = open_kind(kind, "phone", "dark")
    ours = [v["id"] for v in _axe(page) if any(n["ours"] for n in v["nodes"])]
    assert ours == []


# --- the published overview with a plan left out (issue 21) -------------------------------------------


@pytest.fixture(scope="session")
def published_site(site_folder: Any) -> Iterator[Served]:
    """The same sources built as the publication does: the plan with errors left out, named on the overview."""
    yield from _served_gzipped(site_folder("published"), build_published)


NOTICE = """() => {
    const notice = document.querySelector('.pac-gen-left-out');
    const box = notice.getBoundingClientRect();
    const heading = document.querySelector('.pac-gen-overview h1').getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, below_heading: box.top >= heading.bottom,
            text: notice.innerText, shown: getComputedStyle(notice).display !== 'none'};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", DEVICES)
def test_the_plan_left_out_is_named_at_the_top_of_the_overview(browser: Any, published_site: Served,
                                                               device: str, scheme: str) -> None:
    watch = Watch()
    context = browser.new_context(color_scheme=scheme, locale="fr-FR", **DEVICES[device])
    fence(context, watch)
    try:
        page = context.new_page()
        watch_page(page, watch)
        page.goto(published_site.url(PAGE_KINDS["overview"]), wait_until="load")
        notice = page.evaluate(NOTICE)
        # Seen without scrolling, under the page's heading, naming the file and what to do.
        assert notice["shown"] and notice["below_heading"]
        assert notice["bottom"] <= page.viewport_size["height"], notice
        assert "plans/brouillon/erreurs.yaml" in notice["text"] and "Lance « pac-gen validate »" in notice["text"]
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert sizes[0] <= sizes[1], f"page {sizes[0]} px wide on a {sizes[1]} px screen"
        violations = _axe(page)
        ours = [f"{v['id']}: {[n['target'] for n in v['nodes'] if n['ours']]}"
                for v in violations if any(n["ours"] for n in v["nodes"])]
        assert ours == []
        watch.assert_clean()
        # The plan left out has no page on the published site.
        assert page.goto(published_site.url("plans/brouillon/erreurs/")).status == 404  # type: ignore[union-attr]
    finally:
        context.close()


# --- weight --------------------------------------------------------------------------------------------


def test_plotly_is_fetched_only_when_a_chart_nears_the_viewport(browser: Any, kinds_site: Served) -> None:
    watch = Watch()
    context = browser.new_context(color_scheme="light", locale="fr-FR", **DEVICES["phone"])
    fence(context, watch)
    try:
        page = context.new_page()
        watch_page(page, watch)
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        page.goto(kinds_site.url(PAGE_KINDS["plan"]), wait_until="networkidle")
        # The top of a plan page on a phone: no chart in sight, so no plotly.js.
        assert not [url for url in fetched if "plotly" in url]
        assert page.evaluate("() => typeof window.Plotly") == "undefined"
        draw_charts(page)
        assert [url.rsplit("/", 1)[1] for url in fetched if "plotly" in url] == ["plotly.min.js"]
        # The drawing is hidden from assistive technology; the figures are there as text.
        assert page.evaluate("""() => [...document.querySelectorAll('figure.pac-chart-figure')].every(f =>
            f.querySelector('div.pac-chart').getAttribute('aria-hidden') === 'true'
            && f.querySelector('figcaption').textContent.trim()
            && f.querySelectorAll('details.pac-chart-data li').length >= 1)""")
    finally:
        context.close()
    watch.assert_clean()
