"""The second hostile round (issue 19): what a plan file or a file name could still do.

Each break of the issue is a ``generated`` case of ``tests/hostile/cases.toml``
(its plan comes from :mod:`tests.hostile.worst` or is made here) with its
documented outcome. How long and how much memory each takes is measured by
``benchmarks/hostile.py``, not asserted here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pac_gen.check.problems import Problem, Severity, format_text, one_line
from pac_gen.check.validate import Refusal, check_bytes, find_plan_files, refusal_problem
from pac_gen.review import review, to_markdown
from pac_gen.review.compare import _match
from pac_gen.site.pages import PlanSource
from tests.hostile.support import CASES, HOSTILE, SETTINGS, assert_no_live_markup, build, case, site_project
from tests.hostile.worst import WORST, many_tasks

BIN = Path(sys.executable).parent
MINIMAL = (HOSTILE / "minimal.yaml").read_bytes()


def _codes(data: bytes, name: str) -> list[str]:
    checked = check_bytes(f"plans/{name}", data, SETTINGS)
    return [f"{p.code}@{p.line}:{p.column}" for p in checked.errors]


def test_every_worst_case_has_a_documented_outcome():
    documented = {c["file"] for c in CASES if c.get("generated")}
    assert set(WORST) <= documented


@pytest.mark.parametrize("name", sorted(WORST))
def test_worst_case_gives_its_documented_problems(name):
    expected = case(name)
    found = _codes(WORST[name](), name)
    if expected["outcome"] == "escaped":
        assert found == []
    else:
        assert found[: len(expected["problems"])] == expected["problems"]
        assert len(found) == expected.get("count", len(expected["problems"]))


def test_budget_messages_name_the_limit_in_english_too():
    checked = check_bytes("p.yaml", WORST["daily_rituals_50.yaml"](), SETTINGS.__class__(today=SETTINGS.today,
                                                                                         lang="en"))
    assert [p.message for p in checked.errors] == [
        "This ritual takes the plan past 5,000 occurrences in all (the rituals before it already have 3,652): "
        "space it out (weekly rather than daily) or shorten its period."]


# --- 3. Deep flow nesting: a located error, never a crash -------------------------------


@pytest.mark.parametrize("name", ["deep_flow_nesting.yaml", "deepest_flow_nesting.yaml"])
def test_deep_nesting_is_refused_by_the_cli_without_a_crash(tmp_path, name):
    # In a child process: before the fix libyaml's composer killed it with SIGSEGV.
    plan = tmp_path / name
    plan.write_bytes(WORST[name]())
    result = subprocess.run([str(BIN / "pac-gen"), "validate", str(plan)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"{plan}:1:48: error: E007 Le document est imbriqué sur plus de 40 niveaux")


# --- 4. The review stays linear -------------------------------------------------------------


class _NoEquality:
    """An item whose equality must never be asked: pairing goes by key and identity."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __eq__(self, other: object) -> bool:
        raise AssertionError("compared with ==")

    __hash__ = object.__hash__


def test_pairing_never_compares_items_with_equality():
    # list.index with pydantic's equality inside a sort made 8,000 tasks take 47 s.
    before = [_NoEquality(k) for k in ("a", "b", "c", "b")]
    after = [_NoEquality(k) for k in ("b", "d", "a", "b")]
    pairs, removed, added = _match(before, after, [lambda item: item.key])
    assert [(a.key, b.key) for a, b in pairs] == [("b", "b"), ("a", "a"), ("b", "b")]
    assert [pair[1] for pair in pairs] == [after[0], after[2], after[3]]
    assert [r.key for r in removed] == ["c"] and [a.key for a in added] == ["d"]


def test_review_of_forty_thousand_tasks_reports_the_one_done():
    base = check_bytes("plans/p.yaml", many_tasks(), SETTINGS)
    head = check_bytes("plans/p.yaml", many_tasks(done=20_000), SETTINGS)
    report = review({"plans/p.yaml": base}, {"plans/p.yaml": head}, SETTINGS)
    lines = [line for line in to_markdown(report).splitlines() if line.startswith("- ")]
    assert lines == ["- Tâche « t20000 » (« Action ») : à faire → fait"]


# --- 5. Workflow commands through the build log --------------------------------------------


@pytest.mark.parametrize("text", ["##[warning file=plans/karim/formations.yaml;line=12]faux", "##[group]plié",
                                  "::error file=x::faux"])
def test_no_workflow_command_reaches_a_log_line(text):
    line = format_text(Problem(text, 1, 1, Severity.WARNING, "W101", f"Titre {text}"))
    assert "##[" not in line and not line.startswith("::")
    assert one_line(text).replace("\u2060", "") == text  # still reads the same


def test_build_log_carries_no_workflow_command(tmp_path):
    title = "##[warning file=plans/autre.yaml;line=1]Plan forgé"
    plan = MINIMAL.replace(b"titre:", b"titre: \"" + title.encode() + b"\"\nancien_titre:", 1)
    project = site_project(tmp_path / "project", {"eve/plan.yaml": plan})
    result = build(project)
    assert "E101" in result.stderr  # the unknown key quotes the learner's line back
    assert "##[" not in result.stderr + result.stdout


# --- 1, 6. File and folder names ---------------------------------------------------------------

XSS_FOLDER = '"><img src=x onerror=alert(document.domain)>'


@pytest.mark.parametrize(("name", "reason", "shown"), [
    (f"{XSS_FOLDER}/plan.yaml", "path.character", f"plans/{XSS_FOLDER}/plan.yaml"),
    ("C:evil.yaml", "path.character", "plans/C:evil.yaml"),
    ("a\\..\\evil.yaml", "path.character", "plans/a\\..\\evil.yaml"),
    ("ligne\nbrisée.yaml", "path.control", "plans/ligne⏎brisée.yaml"),
    ("tab\tx.yaml", "path.control", "plans/tab\tx.yaml"),
    (os.fsdecode(b"latin-\xe9t\xe9.yaml"), "path.encoding", "plans/latin-\ufffdt\ufffd.yaml"),
    ("d/" * 520 + "long.yaml", "path.length", "plans/" + "d/" * 520 + "long.yaml"),
])
def test_names_no_plan_may_have_are_refused_with_e014(tmp_path, name, reason, shown):
    plans = tmp_path / "plans"
    target = plans / name
    target.parent.mkdir(parents=True)
    target.write_bytes(MINIMAL)
    refused: list[Refusal] = []
    assert list(find_plan_files([plans], refused)) == []
    assert [r.reason for r in refused] == [reason]
    problem = refusal_problem(refused[0])
    assert (problem.code, problem.line, problem.column) == ("E014", 1, 1)
    assert problem.message.startswith("Ce chemin ne peut pas être celui d'un plan : ")
    # The path is shown as text, bytes that are not UTF-8 as �, on one line.
    assert format_text(problem).startswith(one_line(f"{tmp_path}/{shown}") + ":1:1: error: E014")


def test_symlink_loop_and_path_past_path_max_are_located_errors(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "loop.yaml").symlink_to("loop.yaml")
    (plans / "ok.yaml").write_bytes(MINIMAL)
    # A folder chain longer than PATH_MAX (4,096) can only be made step by step.
    here = Path.cwd()
    try:
        os.chdir(plans)
        for _ in range(22):
            os.mkdir("d" * 200)
            os.chdir("d" * 200)
        Path("deep.yaml").write_bytes(MINIMAL)
    finally:
        os.chdir(here)
    result = subprocess.run([str(BIN / "pac-gen"), "validate", "plans"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert "plans/loop.yaml:1:1: error: E014 Ce chemin ne peut pas être celui d'un plan : c'est un lien symbolique " \
           "qui tourne en boucle." in result.stdout
    assert re.search(r"^plans/(d{200}/)+d{200}:1:1: error: E014 Ce chemin ne peut pas être celui d'un plan : il "
                     r"est trop long pour le système de fichiers\.", result.stdout, re.MULTILINE), result.stdout
    assert result.stderr.startswith("1 plan(s), 2 erreur(s)")


def test_edit_link_of_a_plan_is_percent_encoded(tmp_path):
    folder = "#x&y=1 '(z)"
    project = site_project(tmp_path / "project", {f"{folder}/plan.yaml": MINIMAL},
                           extra_config="")
    config = project / "mkdocs.yml"
    config.write_text("repo_url: https://github.com/example/cohorte\nedit_uri: edit/main/docs/\n"
                      + config.read_text("utf-8").replace("font: false\n", "font: false\n  features: [content.action.edit]\n"),
                      "utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "plans" / "#x&y=1 '(z)" / "plan" / "index.html").read_text("utf-8")
    assert ('href="https://github.com/example/cohorte/edit/main/plans/%23x%26y%3D1%20%27%28z%29/plan.yaml"'
            in html)
    assert_no_live_markup(html)


def test_xss_folder_name_is_refused_and_never_published(tmp_path):
    project = site_project(tmp_path / "project", {f"{XSS_FOLDER}/plan.yaml": MINIMAL, "ok/plan.yaml": MINIMAL})
    result = build(project, "--strict")
    # Left out, the other plan published (issue 21).
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert f"plans/{XSS_FOLDER}/plan.yaml:1:1: E014 Ce chemin ne peut pas être celui d'un plan : son nom contient " \
           "« \" »" in result.stderr
    assert not (project / "site" / "plans" / XSS_FOLDER).exists()
    assert (project / "site" / "plans" / "ok" / "plan" / "index.html").is_file()
    # The overview names the refused path, as text.
    overview = (project / "site" / "plans" / "index.html").read_text("utf-8")
    assert "<code>plans/&#34;&gt;&lt;img src=x onerror=alert(document.domain)&gt;/plan.yaml</code>" in overview
    assert_no_live_markup(overview)


# --- 7. The review report neither mentions nor links --------------------------------------------


def test_review_report_neutralises_mentions_and_links():
    base = check_bytes("plans/p.yaml", MINIMAL, SETTINGS)
    title = "Voir @trainer, @org/team, eve@example.org, https://evil.example/x et www.evil.example"
    head_bytes = re.sub(rb"titre: .*", ("titre: " + title).encode(), MINIMAL, count=1)
    head = check_bytes("plans/p.yaml", head_bytes, SETTINGS)
    markdown = to_markdown(review({"plans/p.yaml": base}, {"plans/p.yaml": head}, SETTINGS))
    assert "@trainer" not in markdown and "@org" not in markdown and "@example" not in markdown
    assert "https://" not in markdown and "www." not in markdown
    assert "Voir @\u200btrainer, @\u200borg/team, eve@\u200bexample.org, https\u200b://evil.example/x et " \
           "www\u200b.evil.example" in markdown


# --- 8. Invalid confidential plans and a plans/ link out of the repository ---------------------------


@pytest.mark.parametrize("head", [b"confidentiel: oui\n", b"Confidential: yes\n", b"confidentiel: peut-etre\n",
                                  b"confidentiel: oui\ntitre: [\n"])
def test_an_invalid_confidential_plan_is_not_published(head):
    data = head + MINIMAL + b"echeanse: 2027-01-01\n"
    checked = check_bytes("plans/secret.yaml", data, SETTINGS)
    assert checked.plan is None and checked.errors
    assert checked.confidential
    assert not PlanSource(checked, "secret.yaml").is_published(include_confidential=False)


def test_an_invalid_plan_that_is_not_confidential_is_shown_with_its_errors():
    checked = check_bytes("plans/p.yaml", b"confidentiel: non\n" + MINIMAL + b"echeanse: 1\n", SETTINGS)
    assert checked.plan is None and not checked.confidential
    assert PlanSource(checked, "p.yaml").is_published(include_confidential=False)


def test_preview_of_an_invalid_confidential_plan_shows_nothing_of_it(tmp_path):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    secret = b"confidentiel: oui\n" + MINIMAL + b"montant_secret: 98765\n"
    project = site_project(tmp_path / "project", {"secret.yaml": secret, "ok.yaml": MINIMAL})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    plugin = config.plugins["pac_gen"]  # one instance for the whole process, as under `mkdocs serve`
    plugin.serving = True  # errors do not stop the build
    try:
        mkdocs_build(config)
    finally:
        plugin.serving = False  # later tests of this process build as `mkdocs build` does
    site = project / "site"
    assert not (site / "plans" / "secret").exists()
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".xml", ".ics"):
            text = file.read_text("utf-8", "replace")
            assert "98765" not in text and "secret" not in text.lower(), file


def test_plans_folder_linked_outside_the_repository_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "plan.yaml").write_bytes(MINIMAL)
    project = site_project(tmp_path / "project", {})
    (project / "plans").rmdir()
    (project / "plans").symlink_to(elsewhere)
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"pac_gen: plans_dir: plans est un lien vers {elsewhere}, hors du dossier du site" in result.stderr
    assert not (project / "site" / "plans" / "plan").exists()



def test_every_test_security_md_names_exists():
    # SECURITY.md says which test keeps each promise: a renamed test must not leave it pointing at nothing.
    root = Path(__file__).resolve().parents[1]
    defined = {name for file in (root / "tests").rglob("test_*.py")
               for name in re.findall(r"^def (test_\w+)", file.read_text("utf-8"), re.MULTILINE)}
    named = set(re.findall(r"`(?:[\w/]+\.py::)?(test_\w+)`", (root / "SECURITY.md").read_text("utf-8")))
    assert len(named) >= 20
    assert named <= defined, sorted(named - defined)


@pytest.mark.parametrize("head", ["HEAD", None])
def test_review_shows_a_path_no_plan_may_have_as_the_check_does(tmp_path, head):
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "T")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "ok.yaml").write_bytes(MINIMAL)
    git("add", ".")
    git("commit", "-qm", "base")
    (tmp_path / "plans" / os.fsdecode(b"caf\xe9.yaml")).write_bytes(MINIMAL)
    git("add", ".")
    git("commit", "-qm", "head")
    result = subprocess.run([str(BIN / "pac-gen"), "review", "HEAD~1", *([head] if head else [])], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in result.stderr
    assert ("- `plans/caf\ufffd.yaml:1:1` erreur E014 : Ce chemin ne peut pas être celui d'un plan : son nom n'est pas "
            "écrit en UTF-8. Renommez ou déplacez-le.") in result.stdout


def test_a_fifo_named_like_a_plan_is_never_opened(tmp_path):
    # Opening a FIFO blocks until someone writes to it: the check would hang.
    plans = tmp_path / "plans"
    plans.mkdir()
    os.mkfifo(plans / "fifo.yaml")
    (plans / "ok.yaml").write_bytes(MINIMAL)
    refused: list[Refusal] = []
    assert list(find_plan_files([plans], refused)) == [plans / "ok.yaml"]
    assert refused == []
