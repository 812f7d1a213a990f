"""Random and mutated YAML documents: checking only ever returns problems, never raises."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pac_gen.check.problems import Problem, Severity, format_text
from pac_gen.check.validate import check_bytes
from pac_gen.format.settings import Settings
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "plans").rglob("*.yaml"))]
SETTINGS = (Settings(today=TODAY), Settings(today=TODAY, lang="en"))

# Characters that matter to YAML, plus accents, emoji and control characters.
NASTY = st.sampled_from([*":-[]{}#&*!|>'\"%@`,?\t\n ", "é", "½", "\u202f", "\x00", "\ufeff", "🙂", "\u2028"])
CHARACTER = st.one_of(NASTY, st.characters())


def assert_only_problems(data: bytes) -> None:
    for chosen in SETTINGS:
        result = check_bytes("fuzz.yaml", data, chosen)
        assert all(isinstance(p, Problem) for p in result.problems)
        assert all(p.line >= 1 and p.column >= 1 for p in result.problems)
        assert result.problems == sorted(result.problems)
        if result.plan is None:
            assert any(p.severity is Severity.ERROR for p in result.problems)


@st.composite
def mutated_plan(draw):
    lines = draw(st.sampled_from(EXAMPLES)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "flip", "insert", "indent", "swap"]))
        line = lines[where]
        if action == "delete":
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, line)
        elif action == "flip" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[where] = line[:at] + draw(CHARACTER) + line[at + 1:]
        elif action == "insert":
            at = draw(st.integers(0, len(line)))
            lines[where] = line[:at] + draw(st.text(CHARACTER, max_size=8)) + line[at:]
        elif action == "indent":
            lines[where] = draw(st.sampled_from(["", " ", "  ", "\t"])) + line.lstrip(" ")
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
    return "".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plan())
def test_mutated_example_plans_only_give_problems(text):
    assert_only_problems(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.text(CHARACTER, max_size=200))
def test_random_text_only_gives_problems(text):
    assert_only_problems(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_only_give_problems(data):
    assert_only_problems(data)


YAML_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(CHARACTER, max_size=20), st.sampled_from(["2026-01-01", "31/02/2024", "2h", "3 mois", "oui", "14:00"]),
)
KEYS = st.sampled_from(["objectif", "intitule", "echeance", "actions", "type", "taches", "tache", "rituels", "rituel",
                        "frequence", "debut", "pendant", "mesures", "indicateurs", "semaine_ideale", "lundi", "de",
                        "a", "domaine", "action", "id", "budget", "duree", "statut", "title", "deadline"])
DOCUMENTS = st.recursive(YAML_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, DOCUMENTS, max_size=6))
def test_random_plan_shaped_documents_only_give_problems(document):
    import json

    # JSON is YAML: a document with the format's keys in random places and types.
    assert_only_problems(json.dumps(document, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass"))


# --- Nesting depth and file names (issue 19) ----------------------------------------------

OPENERS = st.sampled_from(["[", "{a: ", "- ", "[{b: "])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(EXAMPLES), st.integers(0, 30_000), OPENERS, st.booleans())
def test_any_nesting_depth_only_gives_problems(example, depth, opener, closed):
    # 25,000 "[" crashed libyaml's composer (SIGSEGV) before the depth check ran.
    closer = {"[": "]", "{a: ": "}", "- ": "", "[{b: ": "}]"}[opener]
    nested = opener * depth + "x" + (closer * depth if closed else "")
    lines = example.splitlines(keepends=True)
    at = len(lines) // 2
    text = "".join(lines[:at]) + "notes: " + nested + "\n" + "".join(lines[at:])
    assert_only_problems(text.encode("utf-8"))


NAME_BYTES = st.one_of(
    st.sampled_from([b"<", b">", b":", b'"', b"\\", b"|", b"?", b"*", b"\n", b"\t", b"\x1b", b"#", b"%2e", b"&",
                     b"'", b" ", b"..", b"javascript:", b"\xff", b"\xe9", "é".encode(), "\u2028".encode(), b"x" * 60]),
    st.binary(min_size=1, max_size=8).filter(lambda b: b"/" not in b and b"\0" not in b),
)
NAMES = st.lists(NAME_BYTES, min_size=1, max_size=6).map(b"".join).filter(lambda b: b not in (b".", b".."))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(folder=NAMES, stem=NAMES)
def test_any_file_or_folder_name_is_a_plan_or_a_located_refusal(tmp_path_factory, folder, stem):
    import os

    from pac_gen.check.validate import Refusal, check_file, find_plan_files, refusal_problem
    from pac_gen.site.pages import PlanSource, SiteOptions, overview_page, plan_page, url_path
    from tests.hostile.support import assert_no_live_markup

    plans = tmp_path_factory.mktemp("names") / "plans"
    try:
        target = plans / os.fsdecode(folder) / (os.fsdecode(stem) + ".yaml")
        target.parent.mkdir(parents=True)
        target.write_bytes((ROOT / "tests/hostile/minimal.yaml").read_bytes())
    except OSError:  # a name this file system itself refuses (too long…)
        return
    refused: list[Refusal] = []
    found = list(find_plan_files([plans], refused))
    hidden = folder.startswith(b".") or stem.startswith(b".")
    assert len(found) + len(refused) == (0 if hidden else 1)
    for refusal in refused:
        problem = refusal_problem(refusal)
        assert (problem.code, problem.line, problem.column) == ("E014", 1, 1)
        line = format_text(problem)
        assert "\n" not in line and line.encode("utf-8")
    for file in found:
        relative = file.relative_to(plans).as_posix()
        source = PlanSource(check_file(file, SETTINGS[0], display=f"plans/{relative}"), relative)
        assert all(c.isalnum() or c in "%/-._~" for c in url_path(relative))
        options = SiteOptions(SETTINGS[0])
        assert_no_live_markup(str(plan_page(source, options, f"plans/{relative}").html))
        assert_no_live_markup(str(overview_page([source], options).html))
