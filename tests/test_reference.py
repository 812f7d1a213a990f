"""The generated format reference and code list: committed, complete, and true."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pac_gen import reference
from pac_gen.check.method import WARNINGS
from pac_gen.check.problems import Severity
from pac_gen.format.model import Plan
from pac_gen.text import MESSAGES
from tests.conftest import TODAY, check

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("relative", sorted(reference.PAGES.values()), ids=str)
def test_committed_pages_match_the_model_and_messages(relative: Path) -> None:
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == reference.pages()[relative], (
        f"{relative} is out of date: run `.venv/bin/python -m pac_gen.reference`")


def _schema_fields() -> list[tuple[str, str, str]]:
    """(model, French key, English alias) of every field, read from the JSON schema, not the walker."""
    schema = Plan.model_json_schema(by_alias=True)
    found = []
    for name, definition in [("Plan", schema), *schema.get("$defs", {}).items()]:
        properties: dict[str, Any] = definition.get("properties", {})
        for key, prop in properties.items():
            found.append((name, key, prop["en"]))
    return found


def test_the_schema_walk_sees_every_model() -> None:
    models = {name for name, _, _ in _schema_fields()}
    assert models == {"Plan", "Objective", "PastAction", "Action", "LawOfNumbers", "Task", "Ritual",
                      "Indicator", "Measurement", "Obstacle", "TeamMember", "Block",
                      "Review", "Decision", "Motivation"}  # v1.1
    from pac_gen.format import model

    walked = [name for name, _, _ in _schema_fields()]
    assert {name: walked.count(name) for name in models} == {
        name: len(getattr(model, name).model_fields) for name in models}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_model_field_has_a_row_with_its_english_alias(lang: str) -> None:
    page = (ROOT / reference.PAGES[(lang, "format")]).read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", page, flags=re.MULTILINE)
    expected = sorted((key, english) for _, key, english in _schema_fields())
    assert sorted(rows) == expected


def _section(page: str, heading_id: str) -> str:
    start = page.index(f"{{#{heading_id}}}")
    end = page.find("\n## ", start)
    return page[start:end if end > 0 else None]


def test_rows_give_type_requirement_and_default() -> None:
    page = reference.format_page("fr")
    law = _section(page, "actions-loi-des-nombres")
    assert "| `volume_prevu` | `planned_volume` | nombre entier de 0 à 1000000000000000 | **oui** |  | Le nombre d'actions prévues (ex. 9 SMS). |" in law
    indicators = _section(page, "indicateurs")
    assert "| `phase` | `journey_phase` | nombre entier de 1 à 7 | non |  |" in indicators
    tasks = _section(page, "actions-taches")
    assert ("| `statut` | `status` | un de : `a_faire` (`todo`), `en_cours` (`doing`), `fait` (`done`), "
            "`abandonne` (`dropped`) | non | `a_faire` (`todo`) | a_faire, en_cours, fait ou abandonne. |") in tasks
    top = _section(page, "racine")
    assert "| `devise` | `currency` | code ISO 4217 | non | `EUR` |" in top
    assert "| `confidentiel` | `confidential` | oui / non | non | `non` |" in top
    english = reference.format_page("en")
    assert "## `actions[].taches[]` (`actions[].tasks[]`) {#actions-taches}" in english
    assert "| `duree` | `duration` | duration (2h, 1h30, half day, 1 day…) | no |  | Effort: 2h, 1h30, half day, 1 day… |" in english


def test_links_inside_the_format_page_point_to_its_sections() -> None:
    for lang in ("fr", "en"):
        page = reference.format_page(lang)
        ids = set(re.findall(r"\{#([a-z0-9-]+)\}", page))
        targets = set(re.findall(r"\]\(#([^)]+)\)", page))
        assert targets and targets <= ids
        assert len(ids) == len({name for name, _, _ in _schema_fields()})  # one section a model


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_codes_page_lists_every_error_and_warning(lang: str) -> None:
    page = (ROOT / reference.PAGES[(lang, "codes")]).read_text(encoding="utf-8")
    codes = [c for c in MESSAGES if re.fullmatch(r"[EW]\d{3,4}[a-z]?", c)]
    assert set(reference.warning_codes()) | set(reference.error_codes()) <= set(codes)
    for code in codes:
        assert f"`{code}`" in page or f"### {code} " in page, code
    for code in (c for c in codes if c.startswith("W")):
        section = page[page.index(f"### {code} "):]
        section = section[:section.find("\n### ", 1)] if "\n### " in section[1:] else section
        assert f"# ← {code}" in section
        fix = MESSAGES[f"{code}.fix"][lang]
        assert fix[:20] in section.replace("\\", "")


@pytest.mark.parametrize("code", [rule.code for rule in WARNINGS])
def test_each_warning_example_raises_its_warning_on_the_marked_line(code: str) -> None:
    rule = WARNINGS.rules[code]
    example = rule.example
    assert example is not None
    marked = [n for n, line in enumerate(example.splitlines(), 1) if f"# ← {code}" in line]
    result = check(example, today=rule.today or TODAY)
    assert result.errors == []
    found = [(p.code, p.line) for p in result.problems if p.code == code]
    assert found == [(code, marked[0])]
    assert all(p.severity is Severity.WARNING for p in result.problems)


def test_every_warning_code_has_an_example() -> None:
    assert [code for code in reference.warning_codes() if not WARNINGS.rules[code].example] == []


def test_message_text_is_escaped_for_markdown() -> None:
    page = reference.codes_page("fr")
    # E005 mentions "*nom": without the escape, Markdown would start emphasis there.
    assert "(&nom, \\*nom)" in page
