"""Format v1.1 on the site: the Pilotage section, the due dates, the overview and the chart markers,
in unit tests of the views and in real builds with MkDocs and ProperDocs."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from pac_gen.format.settings import Settings
from pac_gen.site import charts, pilotage
from tests.conftest import check
from tests.test_site import built, content, make_project, read, text

TODAY = date(2026, 11, 27)

PLAN = """\
titre: Atelier
auteur: Zoé
objectif:
  intitule: Trouver 3 clients
  debut: 2026-09-01
  echeance: 2027-03-31
actions:
  - id: appels
    intitule: Appeler des prospects
    type: prospection
    horizon: court
  - id: salon
    intitule: Tenir un stand au salon
    type: communication
indicateurs:
  - id: clients
    indicateur: Clients signés
    type: resultat
    valeur_initiale: 0
    valeur_cible: 3
    outil: CRM
    periodicite: mensuelle
    mesures:
      2026-10-01: 0
      2026-11-01: 1
  - id: appels-passes
    indicateur: Appels passés
    type: suivi
    valeur_initiale: 0
    valeur_cible: 120
    outil: Tableur
    periodicite: hebdomadaire
    mesures:
      2026-10-15: 30
suivi:
  - date: 2026-10-02
    constat: "Premier point <script>alert(1)</script> **rien encore** [lien](javascript:alert(2))"
    coherent: non
    decisions:
      - decision: Appeler le mardi matin
        action: appels
        echeance: 2026-10-20
      - Préparer un argumentaire
  - date: 2026-11-02
    indicateurs: [clients]
    coherent: oui
    bonnes_pratiques: [Rappeler sous 48 h]
motivation:
  niveau: 8
  leviers: [Un binôme]
  en_groupe: oui
  heures_prevues: 5
"""


def plan():
    result = check(PLAN, today=TODAY)
    assert result.problems == [], result.problems
    assert result.plan is not None
    return result.plan


def test_steering_view_reviews_newest_first_with_linked_decisions_and_due_dates() -> None:
    view = pilotage.steering(plan(), TODAY)
    assert [(r.review.date, r.verdict, r.anchor) for r in view.reviews] == [
        (date(2026, 11, 2), "on_track", "revue-2026-11-02"), (date(2026, 10, 2), "off_track", "revue-2026-10-02")]
    decisions = view.reviews[1].decisions
    assert [(d.decision.decision, d.anchor, d.decision.due) for d in decisions] == [
        ("Appeler le mardi matin", "action-appels", date(2026, 10, 20)), ("Préparer un argumentaire", "", None)]
    assert view.last_review == date(2026, 11, 2)
    # Weekly calls measured on 15 October: due on the 22nd, overdue on the 27th of November.
    assert [(r.indicator.key, r.last, r.due.next, r.due.overdue) for r in view.rhythms] == [
        ("clients", date(2026, 11, 1), date(2026, 12, 1), False),
        ("appels-passes", date(2026, 10, 15), date(2026, 10, 22), True)]
    assert [i.key for i in view.overdue] == ["appels-passes"]


def test_a_v1_plan_has_no_steering_section() -> None:
    v1 = check(PLAN.split("suivi:")[0].replace("    periodicite: mensuelle\n", "")
               .replace("    periodicite: hebdomadaire\n", ""), today=TODAY).plan
    assert v1 is not None
    assert not pilotage.steering(v1, TODAY).present
    assert pilotage.steering_html(v1, TODAY, "fr") == ""


def test_reviews_are_marked_on_the_charts_of_the_indicators_they_list() -> None:
    settings = Settings(today=TODAY)
    p = plan()
    clients = charts.indicator_figure(p, p.indicators[0], settings)
    calls = charts.indicator_figure(p, p.indicators[1], settings)
    def review_trace(figure):
        return [t for t in figure["data"] if t["name"] == "Revues"]
    # The review of 2 October lists no indicator (marks all); the one of 2 November lists "clients".
    assert review_trace(clients)[0]["x"] == ["2026-10-02", "2026-11-02"]
    assert review_trace(calls)[0]["x"] == ["2026-10-02"]
    assert "Revue du 2 oct. 2026<br>résultats non cohérents" in review_trace(calls)[0]["hovertext"][0]
    lines = [s for s in clients["layout"]["shapes"] if s["line"]["color"] == charts.REVIEW_COLOUR]
    assert [s["x0"] for s in lines] == ["2026-10-02", "2026-11-02"]
    no_reviews = check(PLAN.split("suivi:")[0], today=TODAY).plan
    assert no_reviews is not None
    assert review_trace(charts.indicator_figure(no_reviews, no_reviews.indicators[0], settings)) == []


@pytest.fixture(scope="module", params=["mkdocs", "properdocs"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp(f"steer-{request.param}"), {"zoe/atelier.yaml": PLAN})
    return built(project, request.param)


def test_pilotage_section_in_a_real_build(site: Path) -> None:
    html = content(read(site, "plans/zoe/atelier/index.html"))
    section = html[html.index('<section class="pac-gen-steering"'):]
    section = section[:section.index("</section>") + 10]
    words = text(section)
    assert words.startswith("Pilotage ")
    assert "Niveau 8 / 10 Ce qui l'augmenterait Un binôme Organisation en groupe Temps prévu 5 h" in words
    assert ("Appels passés — Chaque semaine (Tableur) Dernière mesure : 15 octobre 2026 · "
            "⚠ relevé en retard, attendu le 22 octobre 2026") in words
    assert "Clients signés — Chaque mois (CRM) Dernière mesure : 1 novembre 2026 · prochain relevé le 1 décembre 2026" in words
    # Newest first, with the on-track mark in words (not colour alone).
    assert words.index("Revue du 2 novembre 2026") < words.index("Revue du 2 octobre 2026")
    assert "Revue du 2 novembre 2026 ✔ Résultats cohérents avec l'objectif" in words
    assert "Indicateurs examinés : Clients signés Bonnes pratiques à garder : Rappeler sous 48 h" in words
    assert "Revue du 2 octobre 2026 ✘ Résultats non cohérents avec l'objectif" in words
    assert "Indicateurs examinés : tous" in words
    # Decisions link to their action's anchor, which exists on the page, and say their due date.
    assert ('Appeler le mardi matin → <a href="#action-appels">Appeler des prospects</a> '
            '<span class="pac-gen-decision-due">(avant le 20 octobre 2026)</span>') in section
    assert 'id="action-appels"' in html
    # Findings are learner Markdown, sanitised by nh3 like every Markdown field.
    assert "<strong>rien encore</strong>" in section
    assert "<script" not in section and "javascript:" not in section
    # Next to each indicator's status, its next measurement (overdue in words).
    rows = re.findall(r'<tr class="pac-gen-indicator[^"]*">(.*?)</tr>', html, re.S)
    assert "prochain relevé le 01/12/2026" in text(rows[0])
    assert "⚠ relevé en retard, attendu le 22/10/2026" in text(rows[1])
    # The page's table of contents has the section and its parts.
    page = read(site, "plans/zoe/atelier/index.html")
    toc = page[page.index('data-md-component="toc"'):]
    for anchor in ("#pilotage", "#pilotage-motivation", "#pilotage-releves", "#pilotage-revues"):
        assert f'href="{anchor}"' in toc


def test_overview_shows_last_review_overdue_measurements_and_motivation(site: Path) -> None:
    html = content(read(site, "plans/index.html"))
    cell = unescape(text(re.search(r'<ul class="pac-gen-steering-cell">.*?</ul>', html, re.S).group(0)))
    assert cell == "Dernière revue : 2 nov. 2026 ⚠ 1 relevé en retard (Appels passés) Motivation : 8/10"


def test_feeds_and_calendar_carry_the_measurements_due(site: Path) -> None:
    plan_feed = (site / "plans" / "zoe" / "atelier.ics").read_text(encoding="utf-8")
    site_feed = (site / "calendrier.ics").read_text(encoding="utf-8")
    for feed in (plan_feed, site_feed):
        assert "SUMMARY:[Zoé] Relever : Clients signés (CRM)" in feed
        assert "SUMMARY:[Zoé] Relever : Appels passés (Tableur)" in feed
    calendar = read(site, "plans/zoe/atelier/index.html")
    assert '<span class="pac-cal-kind">Relever :</span> Clients signés (CRM)' in calendar
    cohort = text(read(site, "calendrier/index.html"))
    assert "Relever : Zoé · Appels passés (Tableur)" in cohort


def test_chart_figures_in_the_page_carry_the_review_markers(site: Path) -> None:
    html = read(site, "plans/zoe/atelier/index.html")
    figures = [json.loads(unescape(m)) for m in re.findall(r'data-figure="([^"]*)"', html)]
    names = [[t["name"] for t in f["data"]] for f in figures[:2]]
    assert all("Revues" in n for n in names)


GOLDEN = Path(__file__).resolve().parent / "golden" / "steering"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pilotage_fragment_matches_its_golden_file(lang: str) -> None:
    """The whole section as HTML; regenerate with PAC_GEN_UPDATE_GOLDEN=1 and read the diff before committing."""
    import os

    html = str(pilotage.steering_html(plan(), TODAY, lang)) + "\n"
    golden = GOLDEN / f"pilotage.{lang}.html"
    if os.environ.get("PAC_GEN_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")
