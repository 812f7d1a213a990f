"""The hostile corpus (tests/hostile/, outcomes in cases.toml) through the whole pipeline:
checking, the plan and error pages, charts, calendars, CSV and ICS exports, and
real `mkdocs build` runs of sites made of hostile plans and hostile file names."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from pac_gen.agenda import ics
from pac_gen.agenda import views as calendar_module
from pac_gen.check.validate import Refusal, check_bytes, check_file, find_plan_files
from pac_gen.site import charts, export
from pac_gen.site.pages import PlanSource, SiteOptions, error_page, overview_page, plan_page
from tests.hostile.support import (
    CASES,
    HOSTILE,
    SETTINGS,
    assert_no_live_markup,
    build,
    case,
    needs_plugin,
    parse,
    plain_texts,
    site_project,
)

OPTIONS = SiteOptions(SETTINGS)
ESCAPED = [c["file"] for c in CASES if c["outcome"] == "escaped" and not c.get("generated")]
PROBLEMS = [c["file"] for c in CASES if c["outcome"] == "problem" and not c.get("generated")]
# Names a learner can give a file on Linux or macOS that mean something else
# elsewhere (Windows devices and drive letters), look like paths, or are long.
# (Names with < > : " \\ | ? * or control characters are refused with E014:
# tests/test_hostile_names.py.)
CRAFTED_NAMES = [
    "CON.yaml", "aux.yml", "nul.yaml", "%2e%2e%2fevil.yaml", "javascript;alert(1).yaml",
    "#frag&x=1.yaml", " .yaml", "x" * 240 + ".yaml", "Été.yaml", "ete.yaml",
    "a b.yaml", "a-b.yaml", "'onmouseover=alert(1) x='.yaml",
]


def _source(name: str, relative: str | None = None) -> PlanSource:
    relative = relative or name
    return PlanSource(check_file(HOSTILE / name, SETTINGS, display=f"plans/{relative}"), relative)


def _full_page(source: PlanSource) -> str:
    """The plan page with its charts, calendar and ideal week, as the site shows them."""
    plan = source.checked.plan
    assert plan is not None
    display = f"plans/{source.relative}"
    page = plan_page(source, OPTIONS, display)
    return "\n".join([
        str(page.html), str(page.title),
        str(charts.charts_html(display, plan, SETTINGS)),
        str(calendar_module.calendar_html(plan, display, SETTINGS)),
        str(calendar_module.ideal_week_html(plan, SETTINGS)),
    ])


def test_every_corpus_file_has_a_documented_outcome():
    listed = {c["file"] for c in CASES if not c.get("generated")}
    present = {p.name for p in HOSTILE.iterdir() if p.suffix not in (".py", ".toml") and p.name != "__pycache__"}
    assert listed == present
    assert {c["outcome"] for c in CASES} == {"escaped", "problem", "refused"}


@pytest.mark.parametrize("name", PROBLEMS)
def test_refused_plan_gives_its_documented_problems(name):
    checked = check_file(HOSTILE / name, SETTINGS, display=f"plans/{name}")
    assert checked.plan is None
    assert [f"{p.code}@{p.line}:{p.column}" for p in checked.problems] == case(name)["problems"]
    assert all(p.path == f"plans/{name}" and p.message for p in checked.problems)


def test_tagged_values_are_never_constructed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check_file(HOSTILE / "tags.yaml", SETTINGS)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ESCAPED)
def test_valid_hostile_plan_is_shown_as_text(name):
    source = _source(name)
    assert source.checked.errors == []
    html = _full_page(source)
    page = assert_no_live_markup(html)
    plan = source.checked.plan
    assert plan is not None
    for text in plain_texts(plan):
        assert text in page.text, text


def _tags_besides_chart_figures(page: Any) -> set[str]:
    """The page's tags, less the <details> pac_gen puts under each chart (its figures as text)."""
    ours = sum(1 for tag, attrs in page.tags if tag == "details" and ("class", "pac-chart-data") in attrs)
    assert ours == len(page.figures)
    return {tag for tag, attrs in page.tags if not (tag == "details" and ("class", "pac-chart-data") in attrs)}


def test_plain_text_markup_is_escaped_not_parsed():
    html = _full_page(_source("xss_text.yaml"))
    page = assert_no_live_markup(html)
    tags = _tags_besides_chart_figures(page)
    # The payloads name these elements; none of them may exist in the page.
    assert tags.isdisjoint({"iframe", "object", "embed", "form", "base", "style", "marquee", "details", "video",
                            "source", "math", "mglyph", "input", "button", "body", "link", "meta", "img"})
    assert "&lt;script&gt;alert(&#39;PWN titre&#39;)&lt;/script&gt;" in html
    assert "<h1 id=\"plan\">&lt;script&gt;alert(&#39;PWN titre&#39;)&lt;/script&gt;</h1>" in html


def test_markdown_fields_are_sanitised():
    html = _full_page(_source("xss_markdown.yaml"))
    page = assert_no_live_markup(html)
    tags = _tags_besides_chart_figures(page)
    assert tags.isdisjoint({"img", "iframe", "svg", "animate", "object", "form", "input", "details"})
    # No script at all: the charts' data is in attributes.
    assert page.scripts == []
    assert page.figures
    hrefs = [dict(attrs).get("href") for tag, attrs in page.tags if tag == "a"]
    # Only the safe https link keeps an href; the javascript:/data: ones lose it.
    assert "https://example.org" in hrefs
    assert all(h is None or not h.startswith(("javascript", "data")) for h in hrefs)
    assert "PWN-strategie" in page.text
    assert "<strong>gras</strong>" in html
    # Fenced code stays visible as code, escaped.
    assert "<pre><code>&lt;script&gt;alert('PWN code')&lt;/script&gt;\n</code></pre>" in html


def test_template_syntax_is_shown_literally():
    source = _source("template_syntax.yaml")
    html = _full_page(source)
    page = assert_no_live_markup(html)
    for literal in ("{{ 7*7 }} {{ config }}", "{% raw %}{{ 7*7 }}{% endraw %}", "{% include '/etc/passwd' %}",
                    "{{ lipsum.__globals__ }}", "${7*7} #{7*7} <%= 7*7 %>", "{{ page.title }}",
                    "{{ 7*7 }} rituel", "{{ 7*7 }} indicateur", "{% set x = 7*7 %}{{ x }}"):
        assert literal in page.text, literal
    assert "{{ 7*7 }} notes" in page.text  # Markdown field, text kept
    assert "{{ 7*7 }} et {% for x in range(3) %}{{ x }}{% endfor %} et {# commentaire #}" in page.text
    for evaluated in ("49 rituel", "49 indicateur", "49 notes", "012", "<class"):
        assert evaluated not in page.text


def test_script_closers_stay_inside_chart_data():
    source = _source("script_in_chart.yaml")
    plan = source.checked.plan
    assert plan is not None
    html = str(charts.charts_html("plans/script_in_chart.yaml", plan, SETTINGS))
    page = assert_no_live_markup(html)
    assert page.scripts == []
    data = page.figures
    assert len(data) == 4  # two indicators, the timeline and the budget
    for body in data:
        assert "</" not in body and "<!--" not in body
    joined = "".join(data)
    assert "\u2028" not in joined and "\u2029" not in joined
    # Parsed back, the data holds each name, made inert for plotly.js's own tag reading.
    decoded = json.dumps([json.loads(b) for b in data], ensure_ascii=False)
    for indicator in plan.indicators:
        assert json.dumps(charts.plotly_text(indicator.name), ensure_ascii=False)[1:-1] in decoded


def test_csv_cells_never_start_a_formula():
    plan = _source("csv_injection.yaml").checked.plan
    assert plan is not None
    data = export.tasks_csv(plan, "fr")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == 4  # header + 3 tasks
    body = rows[1:]
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    first, second, third = body
    assert first[0] == "'=HYPERLINK(\"https://evil.example\",\"Cliquez\")"
    assert first[1] == "'=1+1"
    assert first[4] == "'+33 6 12 34 56 78"
    assert first[5] == "'-2+3"
    assert first[9] == "'@SUM(A1:A9)"
    assert first[10] == "'=cmd|' /C calc'!A0"  # the leading tab is stripped, the formula still neutralised
    assert second[1] == "'\r=1+1"
    assert second[5] == "Texte ; avec \"guillemets\" et\nretour à la ligne"
    assert second[9] == "'=cmd|' /C calc'!A0"
    assert third[0] == "'@Action" and third[1] == "'-Moins" and third[10] == "'+Plus"


def test_ics_text_cannot_add_lines_or_events():
    plan = _source("ics_injection.yaml").checked.plan
    assert plan is not None
    feed = ics.plan_feed(plan, "plans/ics_injection.yaml", SETTINGS)
    calendar = Calendar.from_ical(feed)
    events = calendar.walk("VEVENT")
    rituals = [e for e in events if "/rituel/" in str(e["UID"])]
    # iCalendar TEXT has no carriage return: a CR LF in the text comes back as a line feed.
    who = f"[{plan.owner}] "
    assert [str(e["SUMMARY"]) for e in rituals] == [who + r.ritual.replace("\r\n", "\n") for r in plan.rituals]
    assert [str(e["SUMMARY"]) for e in rituals][1] == who + "Point ; CA, CRM : mise à jour \\ fin"
    assert len(rituals) == 3
    # Nothing the text said became a property or an event of its own.
    assert all("PWN" not in str(e.get("ATTACH", "")) for e in events)
    assert sum(line.startswith(b"BEGIN:VEVENT") for line in feed.split(b"\r\n")) == len(events)
    assert not any(line.startswith((b"SUMMARY:PWN", b"DESCRIPTION:PWN", b"ATTACH:")) for line in feed.split(b"\r\n"))
    assert "NAME:Agenda \\; hostile\\, avec : séparateurs\r\n".encode() in feed  # RFC 5545 TEXT escaping


def test_error_page_escapes_text_echoed_in_messages():
    source = _source("hostile_errors.yaml")
    html = str(error_page(source, OPTIONS).html)
    page = assert_no_live_markup(html)
    assert {tag for tag, _ in page.tags}.isdisjoint({"script", "img", "svg", "b"})
    for problem in source.checked.problems:
        assert f"plans/hostile_errors.yaml:{problem.line}:{problem.column}" in page.text
        assert problem.message in page.text


def test_overview_of_hostile_plans_is_escaped():
    sources = [_source(n) for n in ESCAPED] + [_source("hostile_errors.yaml")]
    page = overview_page(sources, OPTIONS)
    parsed = assert_no_live_markup(str(page.html))
    assert "<script>alert('PWN titre')</script>" in parsed.text


def _huge_plan() -> bytes:
    tasks = "".join(f"      - tache: \"Tâche {i} <b>PWN</b>\"\n        statut: fait\n" for i in range(3000))
    means = "".join(f"      - m{i}\n" for i in range(20000))
    return (
        "objectif:\n  intitule: Beaucoup\n  debut: 2026-09-01\n  echeance: 2027-02-28\n"
        "actions:\n  - intitule: Grosse action\n    type: prospection\n    lancement: 2026-09-01\n"
        f"    moyens_actuels:\n{means}    taches:\n{tasks}"
    ).encode()


def test_huge_lists_are_checked_and_rendered_whole():
    data = _huge_plan()
    assert len(data) < 1_000_000
    checked = check_bytes("plans/huge_lists.yaml", data, SETTINGS)
    assert checked.errors == []
    plan = checked.plan
    assert plan is not None
    assert len(plan.actions[0].tasks) == 3000 and len(plan.actions[0].current_means) == 20000
    html = str(plan_page(PlanSource(checked, "huge_lists.yaml"), OPTIONS, "plans/huge_lists.yaml").html)
    assert html.count('<tr class="pac-gen-task') == 3000
    assert "Tâche 2999 &lt;b&gt;PWN&lt;/b&gt;" in html
    assert len(export.tasks_csv(plan).split(b"\r\n")) == 3002  # header, rows, final empty


def test_file_of_1_mb_plus_1_byte_is_refused_before_reading(tmp_path):
    big = tmp_path / "over_1_mb.yaml"
    big.write_bytes(b"# " + b"x" * (1_000_001 - 3) + b"\n")
    assert big.stat().st_size == 1_000_001
    checked = check_file(big, SETTINGS, display="plans/over_1_mb.yaml")
    assert [f"{p.code}@{p.line}:{p.column}" for p in checked.problems] == case("over_1_mb.yaml")["problems"]
    assert "1\u202f000\u202f001" in checked.problems[0].message


def test_symlink_outside_plans_and_empty_folder_and_other_files(tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_bytes((HOSTILE / "minimal.yaml").read_bytes())
    plans = tmp_path / "plans"
    (plans / "empty").mkdir(parents=True)
    (plans / "outside_link.yaml").symlink_to(outside)
    (plans / "inside.yaml").write_bytes((HOSTILE / "minimal.yaml").read_bytes())
    (plans / "inside_link.yaml").symlink_to(plans / "inside.yaml")
    for name in ("not_yaml.txt", "not_yaml.md"):
        (plans / name).write_bytes((HOSTILE / name).read_bytes())
    refused: list[Refusal] = []
    found = list(find_plan_files([plans], refused))
    assert found == [plans / "inside.yaml", plans / "inside_link.yaml"]
    assert [(r.path, r.reason) for r in refused] == [(plans / "outside_link.yaml", "E011")]


# --- Whole sites built by mkdocs -------------------------------------------------------


def _crafted_plans() -> dict[str, bytes]:
    minimal = (HOSTILE / "minimal.yaml").read_bytes()
    plans = {name: (HOSTILE / name).read_bytes() for name in ESCAPED}
    plans.update({name: minimal for name in CRAFTED_NAMES})
    plans["huge_lists.yaml"] = _huge_plan()
    plans["notes/not_yaml.txt"] = (HOSTILE / "not_yaml.txt").read_bytes()
    plans["notes/not_yaml.md"] = (HOSTILE / "not_yaml.md").read_bytes()
    return plans


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@needs_plugin
def test_site_of_hostile_plans_and_names_builds_safely(tmp_path):
    project = site_project(tmp_path / "project", _crafted_plans())
    (project / "plans" / "empty").mkdir()
    before = _files(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    site = project / "site"
    created = _files(tmp_path) - before
    assert all(name.startswith("project/site") for name in created), sorted(created)[:5]
    # Every page sits inside the site, at the place its file name gives it.
    for page in site.rglob("*.html"):
        assert page.resolve().is_relative_to(site.resolve())
    for name in CRAFTED_NAMES:
        stem = name.rsplit(".", 1)[0]
        page = site / "plans" / stem / "index.html"
        assert page.is_file(), name
        assert "Plan minimal PWN-MINIMAL" in page.read_text("utf-8")
    for name in [*ESCAPED, "huge_lists.yaml"]:
        html = (site / "plans" / name.rsplit(".", 1)[0] / "index.html").read_text("utf-8")
        assert_no_live_markup(html)
    # Nothing but plans is published from plans/; an empty folder gives no page.
    assert not (site / "plans" / "notes").exists()
    assert not (site / "plans" / "empty").exists()
    assert not any("PWN txt" in p.read_text("utf-8", "replace") for p in site.rglob("*.html"))
    # The titles that look like paths created nothing anywhere.
    assert not Path("/tmp/pwned").exists()
    overview = (site / "plans" / "index.html").read_text("utf-8")
    assert_no_live_markup(overview)


@needs_plugin
def test_site_with_refused_plans_fails_with_located_problems(tmp_path):
    plans = {name: (HOSTILE / name).read_bytes() for name in PROBLEMS}
    plans["over_1_mb.yaml"] = b"# " + b"x" * (1_000_001 - 3) + b"\n"
    project = site_project(tmp_path / "project", plans)
    outside = tmp_path / "secret.yaml"
    outside.write_bytes((HOSTILE / "minimal.yaml").read_bytes())
    (project / "plans" / "outside_link.yaml").symlink_to(outside)
    cwd_before = set(os.listdir(project))
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for name in [*PROBLEMS, "over_1_mb.yaml", "outside_link.yaml"]:
        for expected in case(name)["problems"]:
            code, where = expected.split("@")
            assert f"plans/{name}:{where}" in result.stderr, (name, expected)
            assert code in result.stderr
    assert "pac-gen-pwned" not in set(os.listdir(project)) - cwd_before
    assert not (project / "site" / "plans" / "outside_link").exists()


# Each case: the plan files, and what the error must name (the plan refused and
# what already holds that place). Plans are taken in path order (a folder's plans
# before a file of the same name), the first wins.
COLLIDING = {
    "yaml_and_yml": (("x.yaml", "x.yml"), ("plans/x.yml", "plans/x.yaml")),
    "file_and_folder_index": (("x.yaml", "x/index.yaml"), ("plans/x.yaml", "plans/x/index.yaml")),
    # plans/index.yaml would take the overview's place.
    "overview": (("index.yaml", "autre.yaml"), ("plans/index.yaml", "pac_gen")),
    # plans/index.html/ (a folder) where the overview page plans/index.html goes.
    "page_folder_and_overview": (("index.html.yaml", "autre.yaml"), ("plans/index.html.yaml", "pac_gen")),
    # plans/x.csv/ (a folder) where x.yaml's CSV download goes.
    "page_and_download": (("x.csv.yaml", "x.yaml"), ("plans/x.yaml", "plans/x.csv.yaml")),
}


@needs_plugin
@pytest.mark.parametrize(("pair", "named"), COLLIDING.values(), ids=COLLIDING.keys())
def test_colliding_page_paths(tmp_path, pair, named):
    """Two plans that would share a place in the site: a clear error naming both, never an overwrite."""
    minimal = (HOSTILE / "minimal.yaml").read_text("utf-8")
    plans = {name: minimal.replace("PWN-MINIMAL", f"MARK-{i}").encode() for i, name in enumerate(pair)}
    project = site_project(tmp_path, plans)
    result = build(project)
    assert "Traceback" not in result.stderr
    assert result.returncode == 3  # built without the refused plan (issue 21)
    errors = [line.removeprefix("ERROR   -  ") for line in result.stderr.splitlines() if "E012" in line
              and not line.startswith("ERROR   -  pac-gen build:")]
    refused, holder = named
    assert len(errors) == 1, result.stderr[-2000:]
    assert errors[0].startswith(f"{refused}:1:1: E012 ")
    assert f"déjà pris par {holder}" in errors[0]


@needs_plugin
def test_distinct_slugs_get_distinct_pages(tmp_path):
    minimal = (HOSTILE / "minimal.yaml").read_text("utf-8")
    names = ["a b.yaml", "a-b.yaml", "Été.yaml", "ete.yaml"]
    plans = {name: minimal.replace("PWN-MINIMAL", f"MARK-{i}").encode() for i, name in enumerate(names)}
    project = site_project(tmp_path, plans)
    result = build(project)
    assert result.returncode == 0, result.stderr
    for i, name in enumerate(names):
        page = project / "site" / "plans" / name.rsplit(".", 1)[0] / "index.html"
        assert f"MARK-{i}" in page.read_text("utf-8")


def test_parse_helper_sees_script_breakouts():
    """The checker itself: a raw `</script>` in JSON data would be caught."""
    page = parse('<script type="application/json">{"a":"</script><script>alert(\'PWN\')</script>')
    assert any("PWN" in body for attrs, body in page.scripts if attrs.get("type") != "application/json")
    with pytest.raises(AssertionError):
        assert_no_live_markup('<p><img src=x onerror="alert(1)"></p>')
    with pytest.raises(AssertionError):
        assert_no_live_markup('<a href=" JaVa\tScript:alert(1)">x</a>')
