"""The one catalogue: both languages everywhere, language-aware punctuation, and
messages that stay on one line whatever the learner wrote."""

import re
from pathlib import Path
from string import Formatter

from pac_gen.check.problems import Problem, Severity, format_text, render
from pac_gen.text import MESSAGES, colon, message, plural, quote, texts
from tests.conftest import check


def test_line_breaks_in_a_quoted_value_do_not_break_the_message() -> None:
    text = message("E109", "fr", value="FREQ=X\nplans/x.yaml:1:1: error: E000 faux", detail="d")
    assert "\n" not in text
    assert "FREQ=X⏎plans/x.yaml:1:1" in text


def test_a_multiline_rrule_gives_one_text_line_per_problem() -> None:
    result = check(
        """\
        objectif: {intitule: Vendre, echeance: 2027-01-31, debut: 2026-11-01}
        actions: [{intitule: Appeler, type: prospection}]
        rituels:
          - rituel: Point
            rrule: "FREQ=NOPE\\nplans/autre.yaml:9:9: error: E001 faux"
            debut: 2026-11-02
            fin: 2026-12-31
        """
    )
    lines = render(result.problems, "text").splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == ["plan.yaml:5:12"]  # the opening quote of the rrule
    assert "E109" in lines[0] and "FREQ=NOPE⏎plans/autre.yaml:9:9" in lines[0]


def test_a_file_name_cannot_fake_lines_commands_or_terminal_escapes() -> None:
    path = "a\n::error file=README.md,line=1::FAUX\x1b]0;titre\x07.yaml"
    problem = Problem(path, 2, 3, Severity.WARNING, "W101", message("W101", "fr", title="T", date="d", deadline="e"))
    for line in (format_text(problem), format_text(problem, severity=False), render([problem], "text")):
        assert line.splitlines() == [line]
        assert line.startswith("a⏎::error file=README.md,line=1::FAUX\ufffd]0;titre\ufffd.yaml:2:3: ")
    assert format_text(problem).split(".yaml:2:3: ")[1].startswith("avertissement : W101 ")
    assert format_text(problem, severity=False).split(".yaml:2:3: ")[1].startswith("W101 ")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def test_every_text_has_french_and_english_with_the_same_placeholders() -> None:
    wrong = [key for key, entry in MESSAGES.items()
             if set(entry) != {"fr", "en"} or not entry["fr"] or not entry["en"]
             or _placeholders(entry["fr"]) != _placeholders(entry["en"])]
    assert wrong == []


def test_no_other_module_keeps_a_table_of_translations() -> None:
    # A table by language ("fr": {…}) or a French text keyed by language; file names are no text.
    table = re.compile(r'"fr": (\{|"(?![\w/.-]+")|\()')
    package = Path(__file__).resolve().parent.parent / "pac_gen"
    holders = [p.name for p in package.rglob("*.py") if table.search(p.read_text()) and p.name != "text.py"]
    assert holders == []
    assert table.search((package / "text.py").read_text())


def test_colon_and_quotes_follow_the_language() -> None:
    assert colon("Tâches", "fr") == "Tâches :"
    assert colon("Tasks", "en") == "Tasks:"
    assert quote("boutique", "fr") == "« boutique »"
    assert quote("shop", "en") == "“shop”"
    assert colon("Tasks", "de") == "Tasks :"  # an unknown language falls back to French


def test_text_fills_placeholders_and_texts_gives_a_section() -> None:
    assert plural("site.days_left", 3, "en") == "3 days left"
    assert texts("site", "fr")["tasks"] == "Tâches"
    assert texts("word", "en")["fidelisation"] == "Retention"
