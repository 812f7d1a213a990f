"""Month views, site calendar, subscription box and the ideal week (with warning W701)."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

from pac_gen.agenda.model import EventKind, week_rituals
from pac_gen.agenda.views import (
    calendar_html,
    ideal_week,
    ideal_week_html,
    plan_months,
    site_calendar_html,
    site_months,
    subscribe_html,
)
from pac_gen.check.validate import check_file
from pac_gen.format.model import Plan
from pac_gen.format.settings import Settings
from tests.conftest import TODAY, check, codes

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings(today=TODAY)
CAMILLE = "plans/camille/boutique.yaml"

WEEK_PLAN = """\
auteur: Nina <b>
objectif:
  intitule: Ouvrir l'atelier le samedi
  debut: 2026-11-02
  echeance: 2026-12-31
actions:
  - intitule: Accueillir des clients
    type: prospection
    horizon: court
rituels:
  - rituel: Atelier <ouvert> du samedi
    frequence: hebdomadaire
    jours: [samedi]
    heure: "10:00"
    duree: 2h
    debut: 2026-11-07
    fin: 2026-12-26
  - rituel: Revue de la semaine
    frequence: hebdomadaire
    jours: [vendredi]
    moment: apres_midi
    debut: 2026-11-06
    fin: 2026-12-25
semaine_ideale:
  vendredi:
    - {de: "08:30", a: "12:30", domaine: entreprise, activite: Atelier}
    - {de: "14:00", a: "17:00", domaine: entreprise, activite: Administratif}
  samedi:
    - {de: "09:00", a: "13:00", domaine: famille, activite: Marché en famille}
"""


def camille() -> Plan:
    result = check_file(ROOT / CAMILLE, SETTINGS)
    assert result.plan is not None
    return result.plan


def week_plan() -> Plan:
    result = check(WEEK_PLAN)
    assert result.plan is not None
    return result.plan


def test_plan_months_run_from_start_to_deadline_weeks_start_monday():
    views = plan_months(camille(), CAMILLE, SETTINGS)
    assert [(m.year, m.month) for m in views] == [(2026, 9), (2026, 10), (2026, 11), (2026, 12), (2027, 1), (2027, 2)]
    september = views[0]
    assert september.weeks[0][0].day == date(2026, 8, 31)
    assert not september.weeks[0][0].in_month and september.weeks[0][0].events == []
    assert len(september.weeks) == 5
    assert all(len(week) == 7 for m in views for week in m.weeks)


def test_days_carry_rituals_with_hours_milestones_and_today():
    days = {d.day: d for m in plan_months(camille(), CAMILLE, SETTINGS) for w in m.weeks for d in w if d.in_month}
    assert [d for d, day in days.items() if day.is_today] == [date(2026, 11, 27)]
    friday = [(e.kind, e.start, e.end, e.title) for e in days[date(2026, 9, 4)].events]
    assert friday == [(EventKind.RITUAL, time(14), time(15), "Revue de la semaine (CA, commandes, mise à jour du CRM)")]
    first = [(e.kind, e.title) for e in days[date(2026, 9, 1)].events]
    assert first == [(EventKind.LAUNCH, "Mettre en place une boutique sur le site")]
    tuesday = [(e.kind, e.start) for e in days[date(2026, 11, 3)].events]
    # The weekly measurement of the visitors (format v1.1) falls on Tuesdays too: all-day, before the rituals.
    assert tuesday == [(EventKind.MEASURE, None), (EventKind.RITUAL, time(9)), (EventKind.RITUAL, time(14))]
    late = [e for e in days[date(2026, 11, 20)].events if e.kind is EventKind.TASK]
    assert [(e.title, e.late, e.done) for e in late] == [
        ("Envoyer le catalogue PDF aux 12 boutiques retenues", True, False)]
    deadline = [(e.kind, e.title) for e in days[date(2027, 2, 28)].events]
    assert deadline == [(EventKind.OBJECTIVE, "Augmenter le chiffre d'affaires en ligne de 30 %"),
                        (EventKind.ACTION_DUE, "Lancer une newsletter mensuelle pour les clientes et clients")]
    all_titles = {e.title for day in days.values() for e in day.events}
    assert "Relancer la publicité Facebook payante" not in all_titles  # dropped task, no date


def test_calendar_html_is_escaped_and_marks_today():
    html = str(calendar_html(week_plan(), "plans/nina/atelier.yaml", SETTINGS))
    assert "Atelier &lt;ouvert&gt; du samedi" in html
    assert "<ouvert>" not in html
    assert html.count('aria-current="date"') == 1
    assert '<time class="pac-cal-date" datetime="2026-11-27" data-day="27">' in html
    assert '<span class="pac-cal-hour">10:00</span> Atelier &lt;ouvert&gt; du samedi' in html
    assert "<style" not in html and "style=" not in html
    assert "samedi 7 novembre" in html


def test_calendar_html_in_english():
    html = str(calendar_html(week_plan(), "plans/nina/atelier.yaml", Settings(today=TODAY, lang="en")))
    assert "Saturday 7 November" in html
    assert "Objective due" in html


def test_site_calendar_gathers_plans_with_who_and_links():
    plans = [(CAMILLE, camille()), ("plans/nina/atelier.yaml", week_plan())]
    views = site_months(plans, SETTINGS)
    # Around today (2026-11-27): last month, this month, the next two.
    assert [(m.year, m.month) for m in views] == [(2026, 10), (2026, 11), (2026, 12), (2027, 1)]
    shown = {d.day for m in views for w in m.weeks for d in w if d.in_month for _ in d.events}
    assert min(shown) >= date(2026, 10, 1) and max(shown) <= date(2027, 1, 31)
    saturday = next(d for m in views for w in m.weeks for d in w if d.in_month and d.day == date(2026, 11, 7))
    assert [(e.who, e.title) for e in saturday.events] == [("Nina <b>", "Atelier <ouvert> du samedi")]
    html = str(site_calendar_html(plans, SETTINGS, links={CAMILLE: "camille/boutique/"}))
    assert '<a href="camille/boutique/">Camille Lefèvre</a>' in html
    assert "Nina &lt;b&gt;" in html
    assert "Calendrier de la promotion" in html


def test_subscribe_box_links_the_feed_with_instructions():
    html = str(subscribe_html("https://exemple.org/plans/camille/boutique.ics", SETTINGS))
    assert "Ajouter à mon agenda" in html
    assert 'href="https://exemple.org/plans/camille/boutique.ics"' in html
    assert 'href="webcal://exemple.org/plans/camille/boutique.ics"' in html
    for app in ("Google Agenda", "Outlook", "Calendrier Apple"):
        assert app in html
    relative = str(subscribe_html("boutique.ics", SETTINGS))
    assert 'href="boutique.ics"' in relative and "webcal" not in relative


def test_saturday_ritual_outside_business_blocks_raises_w701_and_is_marked():
    result = check(WEEK_PLAN)
    assert [c for c in codes(result) if c[0] == "W701"] == [("W701", 11, 5)]  # the Saturday ritual only
    (w701,) = [p for p in result.problems if p.code == "W701"]
    assert "« Atelier <ouvert> du samedi » tombe le samedi à 10:00" in w701.message
    slots = week_rituals(week_plan(), SETTINGS)
    assert [(s.weekday, s.start, s.end, s.title, s.outside) for s in slots] == [
        (4, 14 * 60, 15 * 60, "Revue de la semaine", False),
        (5, 10 * 60, 12 * 60, "Atelier <ouvert> du samedi", True),
    ]


def test_ideal_week_grid_rows_and_cells():
    grid = ideal_week(week_plan(), SETTINGS)
    assert grid is not None
    assert grid.step == 30
    assert (grid.rows[0][0], grid.rows[-1][0]) == (8 * 60, 16 * 60 + 30)
    friday = [c for _, cells in grid.rows for c in cells if c.weekday == 4]
    assert [(c.start, c.end, c.block.activity if c.block else None, [r.title for r in c.rituals]) for c in friday] == [
        (480, 510, None, []), (510, 750, "Atelier", []), (750, 840, None, []),
        (840, 900, "Administratif", ["Revue de la semaine"]), (900, 1020, "Administratif", []),
    ]
    saturday = [c for _, cells in grid.rows for c in cells if c.weekday == 5]
    assert [(c.start, c.end, c.block.domain.value if c.block else None, [r.outside for r in c.rituals],
             [r.title for r in c.continues]) for c in saturday] == [
        (480, 540, None, [], []), (540, 600, "famille", [], []),
        (600, 720, "famille", [True], []), (720, 780, "famille", [], []), (780, 1020, None, [], []),
    ]
    # Every row of every day is covered exactly once by the rowspans.
    for weekday in range(7):
        assert sum(c.rows for _, cells in grid.rows for c in cells if c.weekday == weekday) == len(grid.rows)


def test_ideal_week_html_labels_domains_and_marks_the_outside_ritual():
    html = str(ideal_week_html(week_plan(), SETTINGS))
    assert 'class="pac-week-cell pac-week-famille pac-week-has-ritual"' in html
    assert "Famille · Marché en famille" in html
    assert html.count("hors des blocs « Entreprise »") == 2  # table and phone list
    assert "Atelier &lt;ouvert&gt; du samedi" in html
    assert "Entreprise · Administratif" in html
    assert ideal_week_html(camille().model_copy(update={"ideal_week": None}), SETTINGS) == ""


def test_example_plan_week_agrees_with_its_warnings():
    # Camille's plan has no W701: no ritual slot may be marked outside.
    assert [s for s in week_rituals(camille(), SETTINGS) if s.outside] == []


def test_w701_in_english_names_the_day_and_domain_in_english():
    result = check(WEEK_PLAN, lang="en")
    (w701,) = [p for p in result.problems if p.code == "W701"]
    assert w701.message == ("The ritual “Atelier <ouvert> du samedi” falls on Saturday at 10:00, "
                            "outside the “business” blocks of the ideal week.")


def test_french_w701_keeps_the_french_words():
    (w701,) = [p for p in check(WEEK_PLAN).problems if p.code == "W701"]
    assert w701.message == ("Le rituel « Atelier <ouvert> du samedi » tombe le samedi à 10:00, "
                            "hors des blocs « entreprise » de la semaine idéale.")


def test_english_calendar_writes_english_colons():
    html = str(calendar_html(week_plan(), "plans/nina/atelier.yaml", Settings(today=TODAY, lang="en")))
    kinds = re.findall(r'<span class="pac-cal-kind">([^<]*)</span>', html)
    assert kinds and all(k.endswith(":") and not k.endswith(" :") for k in kinds)
    french = str(calendar_html(week_plan(), "plans/nina/atelier.yaml", SETTINGS))
    assert '<span class="pac-cal-kind">Échéance de l&#39;objectif :</span>' in french
    assert '<span class="pac-cal-kind">Objective due:</span>' in html


def test_monthly_ritual_is_listed_once_not_drawn_on_every_weekday():
    # Camille's newsletter: monthly on the 5th, 2 h. The 5th falls on five different weekdays
    # between October and February; drawn on each it read as 10 h a week.
    slots = [s for s in week_rituals(camille(), SETTINGS) if s.title == "Préparer et envoyer la newsletter"]
    assert len({s.weekday for s in slots}) >= 4
    grid = ideal_week(camille(), SETTINGS)
    assert grid is not None
    assert {grid.rhythms[(s.index, s.weekday, s.start)] for s in slots} == {"occasional"}
    drawn = {r.title for day in grid.rituals.values() for r in day}
    assert "Préparer et envoyer la newsletter" not in drawn
    assert [(r.title, r.end - r.start) for r in grid.occasional] == [("Préparer et envoyer la newsletter", 120)]
    # Weekly and daily rituals are drawn on their weekdays; every other week is drawn and says so.
    rhythms = {(r.title, r.weekday): grid.rhythms[(r.index, r.weekday, r.start)]
               for day in grid.rituals.values() for r in day}
    assert rhythms[("Revue de la semaine (CA, commandes, mise à jour du CRM)", 4)] == "weekly"
    assert {rhythms[("Story Instagram et réponses aux messages", d)] for d in range(5)} == {"weekly"}
    assert rhythms[("Relancer les boutiques en dépôt-vente", 1)] == "biweekly"
    html = str(ideal_week_html(camille(), SETTINGS))
    assert "Moins d&#39;une fois par semaine (hors de la grille)" in html
    assert "Préparer et envoyer la newsletter — chaque mois" in html
    assert html.count("(une semaine sur deux)") == 2  # table and phone list


def test_phone_list_of_a_day_is_in_time_order():
    html = str(ideal_week_html(camille(), SETTINGS))
    monday = html.split('<ol class="pac-week-list">')[1].split("<strong>")[1]
    hours = re.findall(r'<span class="pac-week-hours">(\d\d:\d\d)', monday)
    assert len(hours) >= 3 and hours == sorted(hours)
