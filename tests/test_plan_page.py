"""The plan page as a view, without MkDocs: its sections, figures and words in both languages."""

from __future__ import annotations

import html as html_lib
import re
from datetime import date

import pytest

from pac_gen.format.settings import Settings
from pac_gen.site.pages import PlanSource, SiteOptions, error_page, plan_page
from tests.conftest import check

TODAY = date(2027, 3, 1)

# Learner text without any colon, so that every colon on the page is pac_gen's own.
PLAN = """\
title: Online shop
author: Sam
objective:
  statement: Sell more mugs
  start: 2027-01-04
  deadline: 2027-06-30
  stage: growth
actions:
  - title: Call the cafés
    kind: prospecting
    term: short
    start: 2027-01-04
    due: 2027-04-30
    budget: 300
    law_of_numbers: {target_result: 5, planned_volume: 8, unit: cafés}
    tasks:
      - task: List the cafés
        due: 2027-01-20
        status: done
        done_on: 2027-01-18
        budget: 50
      - task: Call the first ten
        due: 2027-02-15
        status: doing
indicators:
  - indicator: Orders
    kind: result
    unit: orders
    initial: 2
    target: 20
    source: Shop back office
    measurements:
      2027-02-01: 6
  - indicator: Calls made
    kind: tracking
    initial: 0
    target: 40
    source: Notebook
rituals:
  - ritual: Weekly review
    frequency: weekly
    days: [friday]
    time: "16:00"
    start: 2027-01-08
    for: 3 months
"""


def _page(lang: str, text: str = PLAN) -> str:
    checked = check(text, lang=lang, today=TODAY, name="plans/sam/shop.yaml")
    assert checked.plan is not None, checked.problems
    page = plan_page(PlanSource(checked, "sam/shop.yaml"), SiteOptions(Settings(today=TODAY, lang=lang)),
                     "plans/sam/shop.yaml")
    return str(page.html)


def _words(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]*>", " ", html)).split())


def test_english_page_writes_colons_the_english_way() -> None:
    words = _words(_page("en"))
    assert " :" not in words
    for expected in ("Download: Tasks (CSV for Excel)", "Tasks: 1 done · 1 in progress",
                     "Budget of the actions: €300 · Sum of the tasks' budgets: €50",
                     "Type Prospecting: find new customers", "Law of numbers: Target result 5 cafés",
                     "Domain: Business"):
        assert expected in words


def test_french_page_keeps_the_french_colon() -> None:
    words = _words(_page("fr"))
    for expected in ("Télécharger : Tâches (CSV pour Excel)", "Tâches : 1 faite · 1 en cours",
                     "Type Prospection : trouver de nouveaux clients", "Domaine : Entreprise"):
        assert expected in words


def test_summary_counts_and_law_of_numbers() -> None:
    words = _words(_page("en"))
    # The task still in progress was due on 15 February: late on 1 March.
    assert "1 done · 1 in progress · 1 late · 2 in all — 50%" in words
    assert "Indicator status: Orders: Ahead Calls made: No measurement" in words
    # Growth stage: ×2, so 5 results need 10 attempts and 8 planned is short.
    assert "Multiplier for the stage ×2 · Volume needed 10 — not met" in words


def test_deadline_and_days_left() -> None:
    words = _words(_page("en"))
    assert "Deadline June 30, 2027 (121 days left)" in words
    assert "Stage Growth (×2)" in words


def test_toc_lists_the_sections_present() -> None:
    checked = check(PLAN, lang="en", today=TODAY, name="plans/sam/shop.yaml")
    page = plan_page(PlanSource(checked, "sam/shop.yaml"), SiteOptions(Settings(today=TODAY, lang="en")),
                     "plans/sam/shop.yaml")
    assert [(e.id, str(e.title)) for e in page.toc] == [
        ("avertissements", "Points to review"), ("resume", "Where the plan stands"), ("actions", "Actions"),
        ("indicateurs", "Indicators"), ("rituels", "Rituals")]
    assert [str(child.title) for child in page.toc[2].children] == ["Call the cafés"]


@pytest.mark.parametrize(("lang", "title"), [("fr", "Ce plan contient des erreurs : sam/shop.yaml"),
                                             ("en", "This plan has errors: sam/shop.yaml")])
def test_error_page_title_in_each_language(lang: str, title: str) -> None:
    checked = check("objective: {statement: x}\n", lang=lang, today=TODAY, name="plans/sam/shop.yaml")
    page = error_page(PlanSource(checked, "sam/shop.yaml"), SiteOptions(Settings(today=TODAY, lang=lang)))
    assert str(page.title) == title
