"""The guide: both languages, every relative link resolves, every example is sound."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from pac_gen.site.pages import CALENDAR_URI, OVERVIEW_URI
from tests.conftest import check

DOCS = Path(__file__).resolve().parent.parent / "docs"
GUIDE_PAGES = ["index.md", "start.md", "method.md", "editor.md", "trainers.md"]
LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE_RE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


# Pages the pac_gen plugin generates at build time (the real `mkdocs build --strict`
# of the site tests checks those links resolve).
GENERATED = {(DOCS / uri).resolve() for uri in (OVERVIEW_URI, CALENDAR_URI)}


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def test_guide_exists_in_french_and_english() -> None:
    for name in GUIDE_PAGES:
        assert (DOCS / "guide" / name).is_file(), name
        assert (DOCS / "en" / "guide" / name).is_file(), name


def test_every_french_page_has_an_english_counterpart() -> None:
    # The guide and the reference; other pages of docs/ belong to other parts of the site.
    french = {p.relative_to(DOCS) for folder in ("guide", "reference") for p in (DOCS / folder).rglob("*.md")}
    english = {p.relative_to(DOCS / "en") for folder in ("guide", "reference")
               for p in (DOCS / "en" / folder).rglob("*.md")}
    assert len(french) == 7
    assert french == english


def _links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)  # links in code are not links
    return LINK_RE.findall(text)


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_relative_links_resolve_to_files_of_the_docs(page: Path) -> None:
    for link in _links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", link) or link.startswith("#"):
            continue
        target = (page.parent / link.split("#", 1)[0]).resolve()
        assert target.is_relative_to(DOCS.resolve()), f"{page}: {link} leaves docs/"
        assert target.is_file() or target in GENERATED, f"{page}: {link} does not exist"


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_anchors_to_the_codes_page_exist(page: Path) -> None:
    for link in _links(page):
        path, _, anchor = link.partition("#")
        if anchor and path.endswith("codes.md"):
            target = (page.parent / path).read_text(encoding="utf-8")
            assert f"{{#{anchor}}}" in target, f"{page}: {link}"


def test_guide_links_to_the_generated_reference() -> None:
    for base in (DOCS / "guide", DOCS / "en" / "guide"):
        links = _links(base / "index.md")
        assert "../reference/format.md" in links
        assert "../reference/codes.md" in links


@pytest.mark.parametrize("page", [DOCS / "guide" / n for n in GUIDE_PAGES] + [DOCS / "en" / "guide" / n for n in GUIDE_PAGES],
                         ids=lambda p: str(p.relative_to(DOCS)))
def test_yaml_examples_are_valid_yaml(page: Path) -> None:
    for block in FENCE_RE.findall(page.read_text(encoding="utf-8")):
        assert isinstance(yaml.safe_load(textwrap.dedent(block)), dict), block


def test_the_smallest_plan_of_the_guide_validates() -> None:
    blocks = FENCE_RE.findall((DOCS / "guide" / "start.md").read_text(encoding="utf-8"))
    smallest = next(b for b in blocks if b.startswith("objectif:"))
    result = check(smallest)
    assert result.errors == []
    assert result.plan is not None
    assert result.plan.objective.statement == "Augmenter le chiffre d'affaires en ligne de 30 %"


def test_method_examples_fit_together_into_a_valid_plan() -> None:
    blocks = FENCE_RE.findall((DOCS / "guide" / "method.md").read_text(encoding="utf-8"))
    top = [b for b in blocks if not b.startswith(" ")]
    law = next(b for b in blocks if b.startswith("    loi_des_nombres"))
    plan = "\n".join(top)
    plan = plan.replace("    budget: 600\n", "    budget: 600\n" + law)
    result = check(plan)
    assert result.errors == []
    assert {p.code for p in result.warnings} <= {"W401", "W403"}  # only a tracking indicator is shown


PRINT_CSS = Path(__file__).resolve().parent.parent / "pac_gen" / "site" / "assets" / "print.css"
TEMPLATES = Path(__file__).resolve().parent.parent / "pac_gen" / "site" / "templates"


def test_print_stylesheet_only_applies_when_printing() -> None:
    css = PRINT_CSS.read_text(encoding="utf-8")
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL).strip()
    assert without_comments.startswith("@media print {") and without_comments.endswith("}")
    assert without_comments.count("{") == without_comments.count("}")


def test_print_stylesheet_selectors_exist_in_the_plan_page() -> None:
    css = PRINT_CSS.read_text(encoding="utf-8")
    page = (TEMPLATES / "pac_gen_plan.html").read_text(encoding="utf-8")
    classes = set(re.findall(r"\.(pac-gen-[a-z-]+)", css))
    assert {"pac-gen-plan", "pac-gen-objective", "pac-gen-tasks", "pac-gen-indicators", "pac-gen-charts"} <= classes
    for name in classes:
        assert re.search(rf'class="[^"]*\b{name}\b', page), name
    for heading in re.findall(r"h2#([a-z]+)", css):
        assert f'<h2 id="{heading}">' in page, heading
    # The columns kept on paper: task, deadline, duration, owner, means, budget, status.
    header = re.search(r'<table class="pac-gen-tasks">\s*<thead><tr>(.*?)</tr>', page, re.DOTALL)
    assert header is not None
    columns = re.findall(r"\{\{ L\.(\w+) \}\}", header.group(1))
    assert columns[:7] == ["task", "due", "duration", "owner", "means", "budget", "status"]
    assert "nth-child(n + 8)" in css
    indicators = re.search(r'<table class="pac-gen-indicators">\s*<thead><tr>(.*?)</tr>', page, re.DOTALL)
    assert indicators is not None
    assert re.findall(r"\{\{ L\.(\w+) \}\}", indicators.group(1))[8] == "journey_phase"
