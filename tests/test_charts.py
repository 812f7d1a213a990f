"""Charts: the figures' numbers on a hand-built plan, golden figure data for the
example plan, safe embedding in a page, and the plotly.js bundle."""

from __future__ import annotations

import copy
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from pac_gen.check.validate import check_bytes
from pac_gen.format.model import Plan
from pac_gen.format.settings import Settings
from pac_gen.site import charts
from tests.conftest import check, compare_golden

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "charts"
DAY_MS = 86_400_000

# A year-long plan; on 2026-07-02 (day 182 of 364) the expected path is exactly halfway.
TODAY = date(2026, 7, 2)
PLAN = """\
titre: Plan d'essai
auteur: Alex
objectif:
  intitule: Vendre plus
  debut: 2026-01-01
  echeance: 2026-12-31
actions:
  - intitule: Action A
    type: prospection
    lancement: 2026-02-01
    date_limite: 2026-06-30
    budget: 500
    taches:
      - tache: Tâche faite
        date_limite: 2026-03-01
        statut: fait
        budget: 300
      - tache: Tâche <b>en retard</b>
        date_limite: 2026-05-01
        statut: en_cours
        budget: 300
      - tache: Tâche à venir
        date_limite: 2026-07-15
      - tache: Tâche abandonnée
        date_limite: 2026-04-01
        statut: abandonne
  - intitule: Action B sans dates
    type: fidelisation
indicateurs:
  - id: ventes
    indicateur: Ventes
    type: resultat
    unite: €
    valeur_initiale: 100
    valeur_cible: 200
    outil: Excel
    mesures:
      2026-03-01: 120
      2026-06-01: 160
      2026-09-01: 999
  - id: reclamations
    indicateur: Réclamations
    type: suivi
    unite: réclamations
    valeur_initiale: 40
    valeur_cible: 10
    outil: CRM
    mesures:
      2026-07-02: 25
  - id: annulations
    indicateur: Annulations
    type: suivi
    valeur_initiale: 20
    valeur_cible: 5
    outil: CRM
    mesures:
      2026-07-01: 30
  - id: retours
    indicateur: Retours
    type: suivi
    valeur_initiale: 10
    valeur_cible: 4
    outil: CRM
    mesures:
      2026-06-01: 3
  - id: vide
    indicateur: Sans mesure
    type: suivi
    valeur_initiale: 0
    valeur_cible: 10
    outil: CRM
"""


def hand_plan() -> Plan:
    result = check(PLAN, today=TODAY)
    assert result.errors == []
    assert result.plan is not None
    return result.plan


@pytest.fixture
def plan() -> Plan:
    return hand_plan()


FR = Settings(today=TODAY)
EN = Settings(today=TODAY, lang="en")


def indicator(plan: Plan, key: str) -> Any:
    return next(i for i in plan.indicators if i.key == key)


def trace(figure: dict[str, Any], name: str) -> dict[str, Any]:
    found = [t for t in figure["data"] if t.get("name") == name]
    assert len(found) == 1, [t.get("name") for t in figure["data"]]
    return found[0]


def validate(figure: dict[str, Any]) -> None:
    """plotly.py's validators refuse any property plotly.js does not know (on a copy: they move keys)."""
    copied = copy.deepcopy(figure)
    go.Figure({"data": copied["data"], "layout": copied["layout"]})
    if "phone" in figure:  # the layout charts.js draws on a phone: the same, merged with figure["phone"]
        copied = copy.deepcopy(figure)
        go.Figure({"data": copied["data"], "layout": _merge(copied["layout"], copied["phone"])})


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` merged into ``base`` key by key, as charts.js does."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


# --- indicator charts -------------------------------------------------------


def test_expected_path_runs_from_initial_at_start_to_target_at_deadline(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "ventes"), FR)
    validate(figure)
    path = trace(figure, "Trajectoire attendue")
    assert path["x"] == ["2026-01-01", "2026-12-31"]
    assert path["y"] == [100.0, 200.0]
    target = trace(figure, "Cible : 200\u00a0€")
    assert target["y"] == [200.0, 200.0]
    assert trace(figure, "Valeur initiale")["x"] == ["2026-01-01"]


def test_today_is_a_line_and_the_expected_value_at_today(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "ventes"), FR)
    today_line = figure["layout"]["shapes"][0]
    assert (today_line["x0"], today_line["x1"], today_line["yref"]) == ("2026-07-02", "2026-07-02", "paper")
    assert figure["layout"]["annotations"][0]["text"] == "aujourd'hui"
    expected_now = trace(figure, "Attendu aujourd'hui")
    assert expected_now["x"] == ["2026-07-02"]
    assert expected_now["y"] == [150.0]  # halfway from 100 to 200


def test_measurements_after_today_are_left_out_and_status_is_in_the_title(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "ventes"), FR)
    measured = trace(figure, "Mesures")
    assert measured["x"] == ["2026-03-01", "2026-06-01"]
    assert measured["y"] == [120.0, 160.0]
    assert measured["hovertext"][1] == "Mesures : 160\u00a0€<br>1 juin 2026"
    # 60 % of the way on 2026-06-01 when 151/364 = 41 % was expected: ahead.
    assert figure["layout"]["title"]["text"] == "Ventes — en avance"
    assert measured["line"]["color"] == charts.STATUS_COLOURS[charts.IndicatorStatus.AHEAD]


def test_lower_is_better_goes_down_and_is_judged_that_way(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "reclamations"), FR)
    validate(figure)
    assert trace(figure, "Trajectoire attendue")["y"] == [40.0, 10.0]
    assert trace(figure, "Attendu aujourd'hui")["y"] == [25.0]
    assert figure["layout"]["yaxis"]["title"]["text"] == "réclamations (plus bas = mieux)"
    # 25 on the day 25 was expected: on track.
    assert figure["layout"]["title"]["text"] == "Réclamations — dans les temps"
    # 30 when 20 → 5 was wanted: the wrong way, late.
    late = charts.indicator_figure(plan, indicator(plan, "annulations"), FR)
    assert late["layout"]["title"]["text"] == "Annulations — en retard"
    assert late["layout"]["yaxis"]["title"]["text"] == "plus bas = mieux"
    # 3 when 4 was the target: below it, so reached.
    reached = charts.indicator_figure(plan, indicator(plan, "retours"), FR)
    assert reached["layout"]["title"]["text"] == "Retours — atteint"


def test_indicator_without_measurement(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "vide"), FR)
    assert figure["layout"]["title"]["text"] == "Sans mesure — aucune mesure"
    assert [t["name"] for t in figure["data"]] == [
        "Trajectoire attendue", "Cible : 10", "Valeur initiale", "Attendu aujourd'hui"]
    assert figure["layout"]["yaxis"]["title"]["text"] == ""


def test_english_labels_separators_and_no_locale_module(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "ventes"), EN)
    assert figure["layout"]["title"]["text"] == "Ventes — ahead"
    assert trace(figure, "Target: 200\u00a0€")["y"] == [200.0, 200.0]
    assert trace(figure, "Measurements")["hovertext"][1] == "Measurements: 160\u00a0€<br>Jun 1, 2026"
    assert figure["layout"]["separators"] == ".,"
    assert figure["config"] == {"responsive": True, "displaylogo": False, "displayModeBar": False, "locale": "en"}
    # Ticks read like the text: "€160" in English, the thousands separated even in 4-digit numbers.
    assert (figure["layout"]["yaxis"]["tickprefix"], figure["layout"]["yaxis"]["separatethousands"]) == ("€", True)
    assert "ticksuffix" not in figure["layout"]["yaxis"]
    assert "locale" not in figure


def test_french_separators_and_plotly_locale(plan: Plan) -> None:
    figure = charts.indicator_figure(plan, indicator(plan, "ventes"), FR)
    assert figure["layout"]["separators"] == ",\u202f"
    assert figure["config"]["locale"] == "fr"
    locale = figure["locale"]
    assert (locale["moduleType"], locale["name"]) == ("locale", "fr")
    assert locale["format"]["days"][0] == "dimanche"
    assert locale["format"]["shortMonths"][10] == "nov."
    assert locale["format"]["months"][1] == "février"
    assert (locale["format"]["decimal"], locale["format"]["thousands"]) == (",", "\u202f")
    assert locale["format"]["dayMonthYear"] == "%-d %b %Y"


# --- timeline -----------------------------------------------------------------


def test_timeline_bars_run_from_launch_to_deadline_coloured_by_type(plan: Plan) -> None:
    figure = charts.timeline_figure(plan, FR)
    validate(figure)
    prospection = trace(figure, "Prospection")
    assert prospection["y"] == ["action-a"]
    assert prospection["base"] == ["2026-02-01"]
    assert prospection["x"] == [149 * DAY_MS]  # 2026-02-01 → 2026-06-30
    assert prospection["marker"]["color"] == "#1e88e5"
    # Without dates, an action spans the whole plan.
    retention = trace(figure, "Fidélisation")
    assert (retention["base"], retention["x"]) == (["2026-01-01"], [364 * DAY_MS])
    assert retention["marker"]["color"] == "#8e24aa"
    assert figure["layout"]["yaxis"]["tickvals"] == ["action-a", "action-b-sans-dates"]
    assert figure["layout"]["yaxis"]["ticktext"] == ["Action A", "Action B sans dates"]


def test_timeline_marks_late_tasks_differently(plan: Plan) -> None:
    figure = charts.timeline_figure(plan, FR)
    late = trace(figure, "Tâche en retard")
    assert late["x"] == ["2026-05-01"]
    assert late["marker"]["symbol"] == "x"
    assert late["marker"]["color"] == charts.LATE_COLOUR
    # Learner text is made inert for plotly.js: the <b> stays text.
    assert late["hovertext"] == ["Tâche &lt;b&gt;en retard&lt;/b&gt;<br>date limite : 1 mai 2026 · en retard"]
    done = trace(figure, "Tâche faite")
    assert (done["x"], done["marker"]["symbol"]) == (["2026-03-01"], "circle")
    planned = trace(figure, "Tâche à venir")
    assert (planned["x"], planned["marker"]["symbol"]) == (["2026-07-15"], "circle-open")
    # The dropped task is not drawn.
    assert "2026-04-01" not in [x for t in figure["data"] for x in t["x"] if isinstance(x, str)]


def test_timeline_marks_deadline_and_today(plan: Plan) -> None:
    figure = charts.timeline_figure(plan, FR)
    shapes = figure["layout"]["shapes"]
    assert [(s["x0"], s["line"]["color"]) for s in shapes] == [
        ("2026-12-31", charts.DEADLINE_COLOUR), ("2026-07-02", charts.TODAY_COLOUR)]
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["échéance", "aujourd'hui"]


# --- budget -------------------------------------------------------------------


def test_budget_compares_each_action_with_its_tasks(plan: Plan) -> None:
    figure = charts.budget_figure(plan, FR)
    assert figure is not None
    validate(figure)
    action = trace(figure, "Budget de l'action")
    tasks = trace(figure, "Somme des budgets des tâches")
    # Horizontal bars: on a phone the actions' titles read across instead of turning 90° over the legend.
    assert action["orientation"] == tasks["orientation"] == "h"
    assert action["y"] == tasks["y"] == ["action-a", "action-b-sans-dates"]
    assert action["x"] == [500.0, None]
    assert tasks["x"] == [600.0, 0.0]
    # 600 > 500: the tasks go over the action's budget.
    assert tasks["marker"]["color"] == [charts.LATE_COLOUR, "#90caf9"]
    assert tasks["hovertext"][0] == "Action A<br>Somme des budgets des tâches : 600\u00a0€"
    assert action["hovertext"][1] == "Action B sans dates<br>Budget de l'action : pas de budget"
    # The amounts' ticks are written like the text's: "1 500 €" (narrow no-break space, then € after).
    axis = figure["layout"]["xaxis"]
    assert (axis["ticksuffix"], axis["separatethousands"], axis["rangemode"]) == ("\u00a0€", True, "tozero")
    assert figure["layout"]["separators"] == ",\u202f"
    # A phone gets shorter lines of titles and a taller figure for the legend.
    assert figure["phone"]["yaxis"]["ticktext"] == ["Action A", "Action B sans<br>dates"]
    assert figure["phone"]["height"] > figure["layout"]["height"]


def test_no_budget_chart_without_budgets() -> None:
    result = check("""\
        objectif: {intitule: X, echeance: 2026-12-31}
        actions:
          - {intitule: A, type: communication, lancement: 2026-01-01}
        """, today=TODAY)
    assert result.plan is not None
    assert charts.budget_figure(result.plan, FR) is None
    assert [c.id for c in charts.plan_charts("x/sans-budget.yaml", result.plan, FR)] == [
        "pac-chart-x-sans-budget-calendrier"]


# --- overview -----------------------------------------------------------------


def test_overview_shares_of_tasks_done_and_indicators_on_track(plan: Plan) -> None:
    other = check("""\
        objectif: {intitule: Autre, echeance: 2026-12-31}
        actions:
          - {intitule: A, type: communication, lancement: 2026-01-01}
        """, today=TODAY).plan
    assert other is not None
    progress = charts.plan_progress(plan, TODAY)
    # 3 tasks still planned (one dropped), 1 done; ventes ahead, reclamations on track,
    # retours reached, annulations late, vide without measurement: 3 of 5.
    assert progress == charts.PlanProgress(tasks_done=1, tasks_planned=3, indicators_ok=3, indicators=5)
    figure = charts.overview_figure([("alex/essai.yaml", plan), ("x/autre.yaml", other)], FR)
    validate(figure)
    tasks = trace(figure, "Tâches faites")
    indicators = trace(figure, "Indicateurs dans les temps, en avance ou atteints")
    assert tasks["y"] == ["alex/essai.yaml", "x/autre.yaml"]
    assert tasks["x"] == [33.3, 0.0]
    assert indicators["x"] == [60.0, None]
    assert tasks["hovertext"][0] == "Alex · Plan d'essai<br>1 tâche faite sur 3"
    assert indicators["hovertext"] == ["Alex · Plan d'essai<br>3 indicateurs sur 5", "Autre<br>aucun indicateur"]
    assert figure["layout"]["xaxis"]["range"] == [0, 101]  # just over 100: the "100 %" tick is drawn
    assert figure["layout"]["yaxis"]["ticktext"] == ["Alex · Plan d'essai", "Autre"]


# --- embedding ------------------------------------------------------------------

EVIL = "</script><script>alert(1)</script>"


def _figures(html: str) -> list[str]:
    """The data-figure attributes of the charts, as the browser reads them (unescaped)."""
    found: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k == "data-figure")

    Reader().feed(html)
    return found


def test_chart_html_cannot_be_closed_by_learner_text() -> None:
    figure = {"data": [{"type": "scatter", "name": EVIL + " & \u2028 <!--",
                        "hovertext": [charts.plotly_text(EVIL) + "<br>1 500 €"]}],
              "layout": {"height": 300}}
    html = str(charts.chart_html("pac-chart-x", figure, EVIL))
    assert "<script" not in html  # instant navigation would run an inline script
    assert "<!--" not in html
    assert "\u2028" not in html
    escaped = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert html.startswith('<figure class="pac-chart-figure" data-search-exclude>\n'
                           f'<figcaption class="pac-chart-title">{escaped}</figcaption>\n'
                           '<div class="pac-chart" id="pac-chart-x" aria-hidden="true" style="min-height:300px"'
                           ' data-figure="{&#34;data&#34;:')
    # The figures as text: what plotly shows of the legend name (tags are plotly's markup, so
    # dropped) and of the hover text (learner text is entity-escaped for plotly), escaped, <br> as a dash.
    assert html.endswith('<details class="pac-chart-data"><summary>Les chiffres du graphique</summary><ul>'
                         f'<li><strong>alert(1) &amp; &lt;!-- :</strong> {escaped} — 1 500 €</li>'
                         '</ul></details>\n</figure>\n')
    # Only the markup's own tags: figure, figcaption, div, details, summary, ul, li, strong.
    assert html.count("<") == html.count(">") == 16
    (data,) = _figures(html)
    assert "\\u003c/script\\u003e" in data
    assert json.loads(data) == figure


def test_indicator_name_with_script_tag_on_a_plan_page(plan: Plan) -> None:
    evil = check(PLAN.replace("indicateur: Ventes", f'indicateur: "{EVIL}"'), today=TODAY).plan
    assert evil is not None
    html = str(charts.charts_html("alex/essai.yaml", evil, FR, kinds=("indicators",)))
    assert "<script" not in html
    assert html.count('class="pac-chart"') == 5  # one chart per indicator, nothing more
    figures = [json.loads(data) for data in _figures(html)]
    # plotly.js shows entities as the characters: the reader sees the name as written.
    assert figures[0]["layout"]["title"]["text"] == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; — en avance"


def test_ids_are_deterministic_and_derived_from_path_and_indicator(plan: Plan) -> None:
    ids = [c.id for c in charts.plan_charts("plans/Élodie/Mon plan.yml", plan, FR)]
    assert ids == [
        "pac-chart-plans-elodie-mon-plan-indicateur-ventes",
        "pac-chart-plans-elodie-mon-plan-indicateur-reclamations",
        "pac-chart-plans-elodie-mon-plan-indicateur-annulations",
        "pac-chart-plans-elodie-mon-plan-indicateur-retours",
        "pac-chart-plans-elodie-mon-plan-indicateur-vide",
        "pac-chart-plans-elodie-mon-plan-calendrier",
        "pac-chart-plans-elodie-mon-plan-budget",
    ]
    first = charts.charts_html("plans/Élodie/Mon plan.yml", plan, FR)
    again = charts.charts_html("plans/Élodie/Mon plan.yml", hand_plan(), FR)
    assert first == again
    assert "uid" not in first
    assert charts.has_charts(first)
    assert not charts.has_charts("<p>pas de graphique</p>")
    assert charts.overview_chart_html([], FR) == ""


def test_plotly_js_is_the_basic_bundle_of_the_version_plotly_py_embeds() -> None:
    # The figures are made by plotly.py for its own plotly.js: the site draws them with that version.
    import plotly.offline

    path = charts.plotly_js_path()
    assert path == ROOT / "pac_gen" / "site" / "vendor" / "plotly" / "plotly-basic.min.js"
    assert charts.plotly_js_version() == plotly.offline.get_plotlyjs_version()
    assert (path.parent / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    # Every trace type the charts draw is in the partial bundle (scatter and bar only).
    kinds = {trace["type"] for figure in example_figures().values() for trace in figure["data"]}
    assert kinds == {"scatter", "bar"}


def test_charts_js_asset_is_shipped_next_to_the_package() -> None:
    script = (ROOT / "pac_gen" / "site" / "assets" / "charts.js").read_text(encoding="utf-8")
    for needle in ("document$", "plotly.min.js", "Plotly.newPlot", "Plotly.purge", "data-md-color-scheme",
                   "MutationObserver", "Plotly.relayout", "--md-default-fg-color", "DOMContentLoaded"):
        assert needle in script, needle
    assert "cdn" not in script.lower()


# --- golden figure data for the example plan ---------------------------------------

EXAMPLE = "camille/boutique.yaml"
GOLDEN_TODAY = date(2026, 11, 27)


def example_figures() -> dict[str, dict[str, Any]]:
    settings = Settings(today=GOLDEN_TODAY)
    result = check_bytes(f"plans/{EXAMPLE}", (ROOT / "plans" / EXAMPLE).read_bytes(), settings)
    assert result.plan is not None
    figures = {c.id: c.figure for c in charts.plan_charts(EXAMPLE, result.plan, settings)}
    karim = check_bytes("plans/karim/formations.yaml", (ROOT / "plans/karim/formations.yaml").read_bytes(), settings)
    assert karim.plan is not None
    figures["pac-chart-overview"] = charts.overview_figure(
        [(EXAMPLE, result.plan), ("karim/formations.yaml", karim.plan)], settings)
    return figures


def test_golden_figures_of_the_example_plan() -> None:
    figures = example_figures()
    assert list(figures) == [
        "pac-chart-camille-boutique-indicateur-ca-en-ligne",
        "pac-chart-camille-boutique-indicateur-visiteurs",
        "pac-chart-camille-boutique-indicateur-inscrits-newsletter",
        "pac-chart-camille-boutique-indicateur-boutiques-partenaires",
        "pac-chart-camille-boutique-calendrier",
        "pac-chart-camille-boutique-budget",
        "pac-chart-overview",
    ]
    for figure in figures.values():
        validate(figure)
    compare_golden({GOLDEN / f"{name}.json": json.dumps(figure, ensure_ascii=False, indent=1) + "\n"
                    for name, figure in figures.items()})


def test_golden_hand_checked_online_turnover() -> None:
    """Checked by hand: 1 200 → 1 560 € between 2026-09-01 and 2027-02-28 (180 days)."""
    figure = json.loads((GOLDEN / "pac-chart-camille-boutique-indicateur-ca-en-ligne.json").read_text(encoding="utf-8"))
    path = figure["data"][0]
    assert (path["x"], path["y"]) == (["2026-09-01", "2027-02-28"], [1200.0, 1560.0])
    measured = figure["data"][3]
    assert (measured["x"], measured["y"]) == (["2026-09-01", "2026-10-01", "2026-11-01"], [1200.0, 1180.0, 1390.0])
    # On 2026-11-27, 87 days of 180 have passed: 1 200 + 360 × 87/180 = 1 374 € expected.
    assert figure["data"][4]["x"] == ["2026-11-27"]
    assert figure["data"][4]["y"] == [1374.0]
    # 1 390 € on 2026-11-01 is 190/360 = 53 % of the way when 61/180 = 34 % was expected.
    assert figure["layout"]["title"]["text"] == "Chiffre d'affaires en ligne du mois écoulé — en avance"
    timeline = json.loads((GOLDEN / "pac-chart-camille-boutique-calendrier.json").read_text(encoding="utf-8"))
    late = next(t for t in timeline["data"] if t["name"] == "Tâche en retard")
    # The only task past its deadline and not done: the catalogue mailing due 2026-11-20.
    assert late["x"] == ["2026-11-20"]
    assert late["hovertext"] == ["Envoyer le catalogue PDF aux 12 boutiques retenues<br>"
                                 "date limite : 20 nov. 2026 · en retard"]


def test_a_unit_reaches_the_axis_ticks_as_text_not_as_plotly_markup() -> None:
    """Plotly reads tags in tick labels: a learner's unit « <b> » must show as written."""
    axis = charts._value_axis(FR, unit="<b>")
    assert "tickprefix" not in axis
    assert axis["ticksuffix"] == "\u00a0&lt;b&gt;"  # escaped once, by unit_affixes
