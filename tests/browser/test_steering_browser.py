"""Format v1.1 in a real browser: the Pilotage section and the review markers on the charts.

The example site is built for 2026-11-27 (see ``conftest.py``); Camille's plan keeps a
follow-up log of three reviews (2 October, 2 and 26 November 2026).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import Served, Watch, draw_charts, fence, watch_page
from tests.browser.test_site_browser import TOGGLE_TO_DARK, open_page

pytestmark = pytest.mark.browser

CAMILLE = "plans/camille/boutique/"

# The points plotly drew for the trace named "Revues" of one chart (its SVG traces follow the data's order).
REVIEW_POINTS = """id => {
    const chart = document.getElementById(id);
    const index = chart.data.findIndex(t => t.name === 'Revues');
    if (index < 0) return null;
    const trace = chart.querySelectorAll('.scatterlayer .trace')[index];
    return {x: chart.data[index].x, drawn: trace.querySelectorAll('path.point').length,
            lines: (chart.layout.shapes || []).filter(s => s.line.dash === 'dashdot').map(s => s.x0)};
}"""


def _channels(colour: str) -> list[float]:
    return [float(x) for x in re.findall(r"[\d.]+", colour)[:3]]


def test_reviews_newest_first_and_a_decision_leads_to_its_action(example_site: Served, page: Any, watch: Watch) -> None:
    open_page(page, example_site.url(CAMILLE))
    section = page.locator("section.pac-gen-steering")
    assert section.locator("h2#pilotage").inner_text().startswith("Pilotage")
    titles = [" ".join(t.split()) for t in section.locator(".pac-gen-review h4").all_inner_texts()]
    assert titles == ["Revue du 26 novembre 2026", "Revue du 2 novembre 2026", "Revue du 2 octobre 2026"]
    assert section.locator(".pac-gen-rhythm--overdue").inner_text().startswith("Visiteurs de la boutique en ligne")
    link = section.locator(".pac-gen-decisions a", has_text="Démarcher des boutiques")
    # Material's instant navigation makes the link absolute; it still points at this page's anchor.
    assert (link.get_attribute("href") or "").endswith("/plans/camille/boutique/#action-depot-vente")
    # The anchor is the action's heading on this very page. (Where the click then scrolls is
    # Material's business: with navigation.instant and navigation.tracking it may move on, and
    # the links of the obstacles table, older than v1.1, behave the same.)
    assert page.locator("h3#action-depot-vente").inner_text() == "Démarcher des boutiques de créateurs pour un dépôt-vente"
    link.click()
    page.wait_for_function("() => location.pathname.endsWith('/plans/camille/boutique/')")
    watch.assert_clean()


def test_review_dates_are_marked_on_the_charts_of_the_indicators_they_list(example_site: Served, page: Any) -> None:
    open_page(page, example_site.url(CAMILLE))
    charts = {cid: page.evaluate(REVIEW_POINTS, cid) for cid in page.eval_on_selector_all(
        "div.pac-chart[id*='indicateur']", "cs => cs.map(c => c.id)")}
    by_indicator = {cid.rsplit("indicateur-", 1)[1]: found for cid, found in charts.items()}
    # 2 October lists CA, visitors and newsletter; 2 November CA and visitors; 26 November partners and newsletter.
    assert {k: v["x"] for k, v in by_indicator.items()} == {
        "ca-en-ligne": ["2026-10-02", "2026-11-02"],
        "visiteurs": ["2026-10-02", "2026-11-02"],
        "inscrits-newsletter": ["2026-10-02", "2026-11-26"],
        "boutiques-partenaires": ["2026-11-26"],
    }
    for found in by_indicator.values():
        assert found["drawn"] == len(found["x"])  # one star drawn per review
        assert found["lines"] == found["x"]  # and a line across the plot at its date


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")])
def test_pilotage_reads_on_desktop_and_phone_in_both_palettes(example_site: Served, browser: Any, width: int,
                                                               scheme: str) -> None:
    watch = Watch()
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=phone, has_touch=phone,
                                  color_scheme=scheme)
    fence(context, watch)
    try:
        page = context.new_page()
        watch_page(page, watch)
        page.goto(example_site.url(CAMILLE), wait_until="load")
        draw_charts(page)  # charts are drawn as they come near the screen
        assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        section = page.locator("section.pac-gen-steering")
        section.scroll_into_view_if_needed()
        box = section.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        # Every review block fits the screen: long decisions wrap instead of widening the page.
        for review in section.locator(".pac-gen-review").all():
            right = review.evaluate("e => e.getBoundingClientRect().right")
            assert right <= width
        styles = section.evaluate("""s => {
            const colour = sel => getComputedStyle(s.querySelector(sel)).color;
            const background = getComputedStyle(document.body).backgroundColor;
            return {text: colour('.pac-gen-findings p'), off: colour('.pac-gen-verdict--off_track'),
                    on: colour('.pac-gen-verdict--on_track'), late: colour('.pac-gen-rhythm--overdue .pac-gen-late-marker'),
                    background: background};
        }""")
        text, background = _channels(styles["text"]), _channels(styles["background"])
        if scheme == "dark":
            # Light text on the dark background, including the coloured verdicts and the overdue marker.
            assert background[0] < 60
            for key in ("text", "off", "on", "late"):
                assert max(_channels(styles[key])) > 150, (key, styles[key])
        else:
            assert background[0] > 200
            assert max(text) < 120
            for key in ("off", "on", "late"):
                assert min(_channels(styles[key])) < 130, (key, styles[key])  # dark enough on white
        watch.assert_clean()
    finally:
        context.close()


def test_pilotage_follows_the_palette_toggle(example_site: Served, page: Any) -> None:
    open_page(page, example_site.url(CAMILLE))
    verdict = page.locator(".pac-gen-verdict--off_track").first
    light = verdict.evaluate("e => getComputedStyle(e).color")
    page.click(TOGGLE_TO_DARK)
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = verdict.evaluate("e => getComputedStyle(e).color")
    assert _channels(dark)[0] > _channels(light)[0] > 150  # #c62828 then #ef9a9a
