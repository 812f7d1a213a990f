"""Issue 21 §5 in the browser: the cohort calendar's filter and the overview's dates, on both engines' sites.

The example site (``example_site``: built with MkDocs and with Zensical) holds two
published plans, Camille's and Karim's. The filter is the ``<select>`` of the cohort
calendar (templates/calendar.html), shown and applied by assets/calendar-filter.js;
these tests read what Chromium computed (display, boxes, colours), in both palettes,
at 1280 px and on a 390 px phone, and run axe-core on the filtered page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Served, Watch, fence, watch_page
from tests.browser.test_reader import CONTRASTS, DEVICES, _axe, render_everything

pytestmark = pytest.mark.browser

CALENDAR = "calendrier/"

# Every event of the cohort calendar: its plan's number, whether Chromium shows it, and its owner's display.
EVENTS = """() => [...document.querySelectorAll('.pac-calendar-site .pac-cal-events > .pac-cal-ev')].map(e => ({
    p: e.dataset.p, shown: getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0,
    who: getComputedStyle(e.querySelector('.pac-cal-who')).display,
}))"""


@pytest.fixture
def open_page(browser: Any, example_site: Served) -> Iterator[Any]:
    """A function opening a page of the example site on a device in a palette (JavaScript optional)."""
    contexts: list[tuple[Any, Watch]] = []

    def open_(path: str, device: str = "desktop", scheme: str = "light", script: bool = True) -> Any:
        watch = Watch()
        context = browser.new_context(color_scheme=scheme, locale="fr-FR", java_script_enabled=script,
                                      **DEVICES[device])
        fence(context, watch)
        contexts.append((context, watch))
        page = context.new_page()
        page.set_default_timeout(15_000)
        watch_page(page, watch)
        page.goto(example_site.url(path), wait_until="load")
        return page

    yield open_
    for context, watch in contexts:
        context.close()
        watch.assert_clean()


def numbers(page: Any) -> dict[str, str]:
    """The filter's options: value → the plan numbers it keeps."""
    return dict(page.evaluate("""() => [...document.querySelectorAll('#pac-cal-plan option')]
        .map(o => [o.value, o.dataset.p || ''])"""))


@pytest.mark.parametrize("device", DEVICES)
def test_choosing_a_plan_leaves_only_its_events(open_page: Any, example_site: Served, device: str) -> None:
    page = open_page(CALENDAR, device)
    select = page.locator("#pac-cal-plan")
    assert select.is_visible()
    before = page.evaluate(EVENTS)
    assert all(e["shown"] for e in before) and len({e["p"] for e in before}) == 2
    karim = numbers(page)["karim/formations"]
    select.select_option("karim/formations")
    after = page.evaluate(EVENTS)
    shown = [e for e in after if e["shown"]]
    assert shown and {e["p"] for e in shown} == {karim}
    assert len(shown) == len([e for e in before if e["p"] == karim])
    # One plan: each event's owner is no longer repeated.
    assert {e["who"] for e in shown} == {"none"}
    assert page.evaluate("location.hash") == "#plan=karim/formations"
    status = page.locator(".pac-cal-filter-status")
    assert status.inner_text() == (f"Seuls les événements de « Karim Benali — Remplir mes sessions inter-entreprises "
                                   f"2027 » sont affichés ({len(shown)}).")
    link = page.locator(".pac-cal-filter-page")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/plans/karim/formations/")
    # Back from the plan's page (instant navigation or not): the address brings the choice back.
    page.go_back()
    page.wait_for_function("""() => { const s = document.querySelector('#pac-cal-plan');
        return s && s.closest('[data-ready]') && s.value === 'karim/formations'; }""")
    assert {e["p"] for e in page.evaluate(EVENTS) if e["shown"]} == {karim}
    # Back to the whole cohort: everything again, and the address without a choice.
    page.locator("#pac-cal-plan").select_option("")
    assert all(e["shown"] for e in page.evaluate(EVENTS))
    assert page.evaluate("location.hash") == ""
    assert page.locator(".pac-cal-filter-page").is_hidden()


def test_a_title_with_dollar_signs_is_said_as_written(open_page: Any) -> None:
    """String.replace reads « $& » or « $' » in its replacement: a learner's title must not be read so."""
    page = open_page(CALENDAR, "desktop")
    title = "Plan $& cash $' et $$"
    page.evaluate("""(title) => { document.querySelector('#pac-cal-plan option[value="karim/formations"]')
        .textContent = title; }""", title)
    page.locator("#pac-cal-plan").select_option("karim/formations")
    status = page.locator(".pac-cal-filter-status").inner_text()
    assert status.startswith(f"Seuls les événements de « {title} » sont affichés ("), status


def test_the_address_chooses_and_a_phone_lists_only_that_plans_days(open_page: Any) -> None:
    page = open_page(CALENDAR + "#plan=camille/boutique", "phone", "dark")
    assert page.locator("#pac-cal-plan").input_value() == "camille/boutique"
    camille = numbers(page)["camille/boutique"]
    assert {e["p"] for e in page.evaluate(EVENTS) if e["shown"]} == {camille}
    # On a phone the calendar is the list of days that have something: a day left with none is not shown.
    days = page.evaluate("""() => [...document.querySelectorAll('.pac-calendar-site li.pac-cal-day')].map(d => ({
        events: d.querySelectorAll('.pac-cal-ev:not([hidden])').length, today: d.classList.contains('pac-cal-is-today'),
        shown: getComputedStyle(d).display !== 'none'}))""")
    assert [d for d in days if d["shown"] and not d["events"] and not d["today"]] == []
    assert len([d for d in days if d["shown"]]) > 10
    # Nothing wider than the phone, the select within its box and big enough to touch.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".pac-cal-filter").bounding_box()
    select = page.locator("#pac-cal-plan").bounding_box()
    assert box and select and select["x"] >= box["x"] and select["x"] + select["width"] <= box["x"] + box["width"]
    assert select["height"] >= 40  # CSS px at scale 2: above the 24 px minimum target (WCAG 2.5.8)
    # A learner's folder with one plan only offers that plan; a choice nobody has leaves the whole cohort.
    page.evaluate("location.hash = '#plan=personne/rien'")
    page.wait_for_function("document.querySelector('#pac-cal-plan').value === ''")
    assert all(e["shown"] for e in page.evaluate(EVENTS))


def test_without_javascript_the_calendar_is_whole_and_the_filter_absent(open_page: Any) -> None:
    page = open_page(CALENDAR, script=False)
    assert page.locator(".pac-cal-filter").is_hidden()
    assert all(e["shown"] for e in page.evaluate(EVENTS))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", DEVICES)
def test_the_filter_is_readable_in_both_palettes(open_page: Any, device: str, scheme: str) -> None:
    page = open_page(CALENDAR + "#plan=camille/boutique", device, scheme)
    render_everything(page)
    contrasts = page.evaluate(CONTRASTS, ".pac-cal-filter label, #pac-cal-plan, .pac-cal-filter-status, "
                                         ".pac-cal-filter-page")
    assert len(contrasts) == 4, contrasts
    low = [c for c in contrasts if c[2] < 4.5]
    assert not low, low
    # The select takes the palette's colours (not the browser's white box on a dark page).
    colours = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('#pac-cal-plan'));
        return [s.backgroundColor, s.color, getComputedStyle(document.body).backgroundColor]; }""")
    assert colours[0] == colours[2], colours


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_filtered_calendar(open_page: Any, scheme: str) -> None:
    page = open_page(CALENDAR + "#plan=karim/formations", "desktop", scheme)
    ours = [f"{v['id']}: {[n['target'] for n in v['nodes'] if n['ours']]}" for v in _axe(page)
            if any(n["ours"] for n in v["nodes"])]
    assert ours == []


@pytest.mark.parametrize("device", DEVICES)
def test_overview_dates_each_plans_last_update_on_one_line(open_page: Any, device: str) -> None:
    page = open_page("plans/", device, "dark")
    cells = page.evaluate("""() => [...document.querySelectorAll('td.pac-gen-updated')].map(td => ({
        text: td.innerText.replace(/\\s+/g, ' ').trim(),
        lines: [...td.querySelectorAll('time')].map(t => t.getClientRects().length)}))""")
    # The site's copy is a repository (tests/browser/sites.py HISTORY): Camille's plan changed on 24 November.
    assert [c["text"] for c in cells] == ["24 nov. 2026 Dernier relevé : 25 nov. 2026",
                                          "2 nov. 2026 Dernier relevé : 26 nov. 2026"]
    assert all(n == 1 for c in cells for n in c["lines"])  # a date never wraps
    assert page.evaluate("document.documentElement.scrollWidth") <= DEVICES[device]["viewport"]["width"]
