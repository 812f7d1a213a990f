"""Issue 21 §5: the overview's last update and last measurement, the cohort calendar's filter,
and the feeds' links to the plan pages, from the git log to the built sites of both engines."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from pac_gen.agenda.views import CalendarChoice, site_calendar_html
from pac_gen.check.validate import check_file
from pac_gen.format import metrics
from pac_gen.format.settings import Settings
from pac_gen.site import history
from pac_gen.site.history import ChangeDates, last_changes
from pac_gen.site.pages import PlanSource, SiteOptions, calendar_choices, overview_page, site_calendar
from tests.conftest import TODAY, check
from tests.test_site import CAMILLE, SMALL_PLAN, built, make_project, read

ROOT = Path(__file__).resolve().parent.parent
KARIM = ROOT / "plans" / "karim" / "formations.yaml"
SETTINGS = Settings(today=TODAY)


def git(where: Path, *args: str, when: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=where, env=env, check=True, capture_output=True)


def repository(root: Path) -> Path:
    """A cohort repository: three commits, a rename, names with spaces and accents."""
    plans = root / "plans"
    (plans / "zoé").mkdir(parents=True)
    (plans / "zoé" / "mon plan.yaml").write_text("a: 1\n", encoding="utf-8")
    (plans / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    (plans / "old.yaml").write_text("c: 1\n", encoding="utf-8")
    (root / "README.md").write_text("x\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one", when="2026-10-01T10:00:00+02:00")
    (plans / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    git(root, "mv", "plans/old.yaml", "plans/new.yaml")
    git(root, "commit", "-qam", "two", when="2026-11-20T23:30:00+01:00")
    (root / "README.md").write_text("y\n", encoding="utf-8")  # not a plan: changes nothing below plans/
    git(root, "commit", "-qam", "three", when="2026-11-25T08:00:00+01:00")
    return plans


def test_last_changes_reads_one_log_for_every_plan(tmp_path: Path) -> None:
    plans = repository(tmp_path)
    assert last_changes(plans) == {
        "b.yaml": datetime(2026, 11, 20, 22, 30, tzinfo=UTC),
        "new.yaml": datetime(2026, 11, 20, 22, 30, tzinfo=UTC),  # a renamed plan changed when it moved
        "old.yaml": datetime(2026, 11, 20, 22, 30, tzinfo=UTC),
        "zoé/mon plan.yaml": datetime(2026, 10, 1, 8, 0, tzinfo=UTC),
    }
    # Reading stops once the wanted plans have their date: the older commit is never read.
    assert last_changes(plans, ["b.yaml"]) == {"b.yaml": datetime(2026, 11, 20, 22, 30, tzinfo=UTC),
                                                "new.yaml": datetime(2026, 11, 20, 22, 30, tzinfo=UTC),
                                                "old.yaml": datetime(2026, 11, 20, 22, 30, tzinfo=UTC)}


def test_a_preview_reads_the_git_dates_again_only_after_a_commit(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan saved but never committed has no date: each save must not walk the whole history again."""
    plans = repository(tmp_path)
    (plans / "new.yaml").write_text("c: 2\n", encoding="utf-8")
    (plans / "fresh.yaml").write_text("d: 1\n", encoding="utf-8")  # never committed
    reads: list[tuple[str, ...]] = []
    real = history.last_changes

    def counted(folder: Path, wanted: list[str]) -> dict[str, datetime]:
        reads.append(tuple(wanted))
        return real(folder, wanted)

    monkeypatch.setattr(history, "last_changes", counted)
    dates = ChangeDates()
    wanted = ["b.yaml", "fresh.yaml"]
    first = dates(plans, wanted)
    assert dates(plans, wanted) == first
    assert first["b.yaml"] == datetime(2026, 11, 20, 22, 30, tzinfo=UTC)
    assert "fresh.yaml" not in first
    assert reads == [("b.yaml", "fresh.yaml")]
    git(tmp_path, "add", "plans/fresh.yaml")
    git(tmp_path, "commit", "-q", "-m", "four", when="2026-11-30T09:00:00+01:00")
    assert dates(plans, wanted)["fresh.yaml"] == datetime(2026, 11, 30, 8, tzinfo=UTC)
    assert dates(plans, ["b.yaml"])["b.yaml"] == datetime(2026, 11, 20, 22, 30, tzinfo=UTC)
    assert len(reads) == 3
    assert ChangeDates()(tmp_path / "missing", wanted) == {}


def test_last_changes_outside_git_and_in_a_shallow_clone(tmp_path: Path) -> None:
    (tmp_path / "loose").mkdir()
    assert last_changes(tmp_path / "loose") == {}
    assert last_changes(tmp_path / "missing") == {}
    plans = repository(tmp_path / "repo")
    (plans / "zoé" / "mon plan.yaml").write_text("a: 2\n", encoding="utf-8")
    git(tmp_path / "repo", "commit", "-qam", "four", when="2026-11-26T09:00:00+01:00")
    # CI's default checkout: one commit, whose snapshot would date every file to that day.
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{tmp_path / 'repo'}", "one")
    assert last_changes(tmp_path / "one" / "plans") == {}
    # Two commits deep: the newest commit's change is known; the boundary commit (which
    # looks as if it added every file) gives nothing.
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{tmp_path / 'repo'}", "two")
    assert last_changes(tmp_path / "two" / "plans") == {"zoé/mon plan.yaml": datetime(2026, 11, 26, 8, tzinfo=UTC)}


def source(path: Path, relative: str, today: date = TODAY) -> PlanSource:
    return PlanSource(check_file(path, Settings(today=today), f"plans/{relative}"), relative)


def test_overview_shows_each_plans_last_update_and_last_measurement() -> None:
    camille, karim = source(CAMILLE, "camille/boutique.yaml"), source(KARIM, "karim/formations.yaml")
    assert camille.checked.plan is not None
    measured = metrics.last_measurement_day(camille.checked.plan, TODAY)
    assert measured == date(2026, 11, 25)
    # A measurement dated after "today" does not count yet.
    assert metrics.last_measurement_day(camille.checked.plan, date(2026, 11, 24)) == date(2026, 11, 1)
    # 23:30 UTC on the 24th is already the 25th in Paris, as on the plan pages.
    updates = {"camille/boutique.yaml": datetime(2026, 11, 24, 23, 30, tzinfo=UTC)}
    html = overview_page([camille, karim], SiteOptions(SETTINGS), updates).html
    cells = re.findall(r'<td class="pac-gen-updated" data-label="Mis à jour">(.*?)</td>', html)
    assert cells == [
        '<time datetime="2026-11-25">25 nov. 2026</time><br><small>Dernier relevé : '
        '<time datetime="2026-11-25">25 nov. 2026</time></small>',
        '<span class="pac-gen-none">date inconnue</span><br><small>Dernier relevé : '
        '<time datetime="2026-11-26">26 nov. 2026</time></small>',
    ]
    english = overview_page([camille], SiteOptions(Settings(today=TODAY, lang="en")), updates).html
    assert '<td class="pac-gen-updated" data-label="Updated"><time datetime="2026-11-25">Nov 25, 2026</time>' in english


def test_a_plan_without_measurement_and_a_plan_with_errors() -> None:
    small = PlanSource(check(SMALL_PLAN.format(n=1, volume=9), name="plans/p.yaml"), "p.yaml")
    html = overview_page([small], SiteOptions(SETTINGS)).html
    assert ('<td class="pac-gen-updated" data-label="Mis à jour"><span class="pac-gen-none">date inconnue</span>'
            '<br><small>Dernier relevé : <span class="pac-gen-none">aucun</span></small></td>') in html
    plain = PlanSource(check_file(ROOT / "tests/golden/invalid/types_et_references.yaml", SETTINGS, "plans/x.yaml"),
                       "x.yaml")
    assert plain.checked.plan is None
    html = overview_page([plain], SiteOptions(SETTINGS), {"x.yaml": datetime(2026, 11, 2, tzinfo=UTC)}).html
    assert '<td class="pac-gen-updated" data-label="Mis à jour"><time datetime="2026-11-02">2 nov. 2026</time></td>' in html


def test_calendar_choices_offer_each_plan_and_each_learners_plans() -> None:
    camille = source(CAMILLE, "camille/boutique.yaml")
    other = source(KARIM, "camille/formations.yaml")
    loose = source(KARIM, "seul.yaml")
    links = {camille.checked.path: "../plans/camille/boutique/"}
    choices = calendar_choices([loose, other, camille], links, "fr")
    assert choices == [
        ("", [CalendarChoice("seul", "Karim Benali — Remplir mes sessions inter-entreprises 2027",
                             ("plans/seul.yaml",))]),
        ("camille", [
            CalendarChoice("camille/", "camille : tous ses plans",
                           ("plans/camille/boutique.yaml", "plans/camille/formations.yaml")),
            CalendarChoice("camille/boutique", "Camille Lefèvre — Ma boutique en ligne de céramiques",
                           ("plans/camille/boutique.yaml",), "../plans/camille/boutique/"),
            CalendarChoice("camille/formations", "Karim Benali — Remplir mes sessions inter-entreprises 2027",
                           ("plans/camille/formations.yaml",)),
        ]),
    ]
    assert calendar_choices([loose], {}, "en")[0][1][0].key == "seul"
    assert calendar_choices([source(CAMILLE, "a/x.yaml"), source(KARIM, "a/y.yaml")], {}, "en")[0][1][0].label == \
        "a: all their plans"


def test_cohort_calendar_events_carry_their_plans_number_and_the_filter_lists_them() -> None:
    camille, karim = source(CAMILLE, "camille/boutique.yaml"), source(KARIM, "karim/formations.yaml")
    page = site_calendar([camille, karim], SiteOptions(SETTINGS)).page.html
    numbers = re.findall(r'<li class="pac-cal-ev pac-cal-[a-z-]+[^"]*" data-p="(\d+)">', page)
    assert set(numbers) == {"0", "1"}
    assert numbers.count("0") > 10 and numbers.count("1") > 10
    # The legend's entries are not events: no data-p.
    assert '<li class="pac-cal-ev pac-cal-rituel">Rituel</li>' in page
    box = page[page.index('<div class="pac-cal-filter"'):page.index("</div>", page.index('<div class="pac-cal-filter"'))]
    assert 'data-pac-cal-filter hidden>' in box  # shown by the script only
    assert '<label for="pac-cal-plan">Voir le calendrier de</label>' in box
    assert re.findall(r'<option value="([^"]*)" data-p="([^"]*)"', box) == [
        ("camille/boutique", "0"), ("karim/formations", "1")]
    assert '<option value="">toute la promotion</option>' in box
    assert 'data-href="../plans/camille/boutique/"' in box
    assert 'role="status" data-shown="Seuls les événements de « {who} » sont affichés ({n})."' in box
    # A month with events still has its "nothing planned" line, hidden, for a filter that empties it.
    assert '<p class="pac-cal-none" hidden>Rien de prévu ce mois-ci.</p>' in page
    # A plan's own calendar has neither the filter nor the numbers.
    assert "data-p=" not in site_calendar_html([], SETTINGS)


@pytest.mark.slow  # real builds, as in test_site.py
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_built_site_overview_calendar_filter_and_feed_links(tmp_path: Path, engine: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip(engine)
    project = make_project(tmp_path, {"camille/boutique.yaml": CAMILLE, "camille/petit.yaml": SMALL_PLAN.format(n=1, volume=9),
                                      "karim/formations.yaml": KARIM},
                           extra="site_url: !ENV [PAC_GEN_TEST_URL, null]\n")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "promo", when="2026-11-03T10:00:00+01:00")
    (project / "plans" / "karim" / "formations.yaml").write_text(
        KARIM.read_text("utf-8") + "# relu\n", encoding="utf-8")
    git(project, "commit", "-qam", "karim", when="2026-11-24T19:00:00+01:00")
    monkeypatch.setenv("PAC_GEN_TEST_URL", "https://promo.example.org/pac/")
    site = built(project, engine)
    overview = read(site, "plans/index.html")
    dates = re.findall(r'data-label="Mis à jour"><time datetime="([\d-]+)">', overview)
    assert dates == ["2026-11-03", "2026-11-03", "2026-11-24"]
    assert "Dernier relevé : <time" in overview
    calendar = read(site, "calendrier/index.html")
    assert calendar.count("data-pac-cal-filter hidden") == 1
    assert re.findall(r'<option value="([^"]*)"', calendar) == ["", "camille/", "camille/boutique", "camille/petit",
                                                                  "karim/formations"]
    # Every engine publishes the filter's script with the site's assets, and links it from the page.
    assert (site / "assets/pac_gen/calendar-filter.js").is_file()
    assert "assets/pac_gen/calendar-filter.js" in calendar
    # The feeds link each event to its plan page, which the build wrote where the address says.
    for feed in ("plans/camille/boutique.ics", "calendrier.ics"):
        events = list(icalendar.Calendar.from_ical((site / feed).read_bytes()).walk("VEVENT"))
        urls = {str(e["URL"]) for e in events}
        assert "https://promo.example.org/pac/plans/camille/boutique/" in urls
        for url in urls:
            page = url.removeprefix("https://promo.example.org/pac/")
            assert (site / page / "index.html").is_file(), url
    assert len(urls) == 3  # the cohort's feed: one page per plan
    # The CSV download has the comments' text without their Markdown.
    tasks = (site / "plans/camille/boutique.csv").read_bytes().decode("utf-8-sig")
    assert "WooCommerce retenu : pas d'abonnement mensuel" in tasks
    assert "**" not in tasks


@pytest.mark.parametrize(("options", "href"), [
    ({}, "../plans/camille/boutique/"),
    # Zensical rewrites links from their sources, but never a data- attribute: written as published.
    ({"source_links": True}, "../plans/camille/boutique/"),
    ({"use_directory_urls": False}, "plans/camille/boutique.html"),
])
def test_the_filters_page_links_are_published_addresses(options: dict[str, bool], href: str) -> None:
    page = site_calendar([source(CAMILLE, "camille/boutique.yaml")], SiteOptions(SETTINGS, **options)).page.html
    assert re.findall(r'data-href="([^"]*)"', page) == [href]
