"""The GitHub workflows and the pre-commit hook: actionlint on them, least privilege, and their commands run for real.

Only what needs GitHub (checkout, caches, artifacts, Pages) is left out; the
commands the workflows run (validate, the strict build, the review) are run here
exactly as written, in a copy of the repository that is a throw-away git
repository with a base branch and a change.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

pytestmark = pytest.mark.slow  # the workflows' commands run for real in a throw-away repository: `make test-fast` leaves them out

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = ROOT / ".venv" / "bin"
DAY = "2026-11-27T12:00:00+00:00"  # the day the example plans are written for
EPOCH = str(int(datetime.fromisoformat(DAY).timestamp()))

INSTALL = "pip install -r requirements.txt && pip install --no-deps -e ."
VALIDATE = 'pac-gen validate --format github --changed-since "origin/$BASE_REF"'
BUILD = "pac-gen build --engine mkdocs --strict --site-dir site"
REVIEW = 'pac-gen review "origin/$BASE_REF" HEAD >> "$GITHUB_STEP_SUMMARY"'
PUBLISH_BUILD = f"SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) {BUILD}"


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # PyYAML follows YAML 1.1, where the key `on` is the boolean True.
    data["on"] = data.pop(True)
    return data


def make_recipe(target: str) -> list[str]:
    """The recipe lines of a Makefile target, with the virtualenv's bin/ prefix removed."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    recipe = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        recipe.append(line.strip().replace("$(BIN)/", ""))
    return recipe


def test_actionlint_finds_nothing():
    # rhysd's checker (kjanat's build, which knows the node20 deprecation): syntax, expressions,
    # shell scripts, and every action at a major that still runs.
    files = sorted(str(f.relative_to(ROOT)) for f in WORKFLOWS.glob("*.y*ml"))
    assert files == [".github/workflows/publish.yml", ".github/workflows/pull-request.yml"]
    done = subprocess.run([str(BIN / "actionlint"), "-no-color", *files], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_actionlint_reports_an_action_on_node20(tmp_path):
    # The check above is only worth something if this actionlint knows the deprecation.
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    text = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert "actions/checkout@v7" in text
    (tmp_path / ".github" / "workflows" / "old.yml").write_text(
        text.replace("actions/checkout@v7", "actions/checkout@v4"), encoding="utf-8")
    done = subprocess.run([str(BIN / "actionlint"), "-no-color", ".github/workflows/old.yml"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert 'runtime "node20" is deprecated' in done.stdout and "actions/checkout@v4" in done.stdout


def test_only_the_deploy_job_may_write():
    # Least privilege: the workflows read the repository; publishing to Pages needs
    # `pages: write` and `id-token: write`, given to the one job that deploys.
    for name in ("pull-request.yml", "publish.yml"):
        workflow = load(name)
        assert workflow["permissions"] == {"contents": "read"}, name
        for job_name, job in workflow["jobs"].items():
            deploys = any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"])
            expected = {"pages": "write", "id-token": "write"} if deploys else None
            assert job.get("permissions") == expected, (name, job_name)
    assert "permissions" in load("publish.yml")["jobs"]["deploy"]


def _step(job: dict[str, Any], run: str) -> dict[str, Any]:
    return next(s for s in job["steps"] if s.get("run", "").strip() == run)


def test_pull_request_workflow_only_reads_and_reviews_even_after_a_failed_validation():
    # What matters for safety and for the trainer, not the file restated: the commands
    # themselves run for real below.
    workflow = load("pull-request.yml")
    assert workflow["on"] == {"pull_request": None}
    assert workflow["permissions"] == {"contents": "read"}  # a fork's pull request cannot write
    [job] = workflow["jobs"].values()
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the review compares with the base branch
    assert "!cancelled()" in _step(job, REVIEW)["if"]  # the review is written even when validation failed
    # The site is built (and kept to preview) even when validation failed: the trainer sees the rest.
    assert "!cancelled()" in _step_with(job, BUILD)["if"]
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "${{ !cancelled() && steps.build.outcome == 'success' }}"


def _step_with(job: dict[str, Any], command: str) -> dict[str, Any]:
    [step] = [s for s in job["steps"] if command in s.get("run", "")]
    return step


def test_publish_deploys_from_main_only_and_dates_the_site_by_the_commit():
    workflow = load("publish.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert _step_with(workflow["jobs"]["build"], PUBLISH_BUILD)["id"] == "build"
    # The overview's "Mis à jour" reads each plan's last commit: the whole history is fetched.
    [checkout] = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0


def test_publish_deploys_the_others_then_fails_visibly_on_a_plan_left_out():
    # Issue 21: validation annotates without stopping the job; the build's exit 3 becomes
    # the job output that a last job, run only after the deployment, turns into a failure.
    jobs = load("publish.yml")["jobs"]
    assert _step_with(jobs["build"], "pac-gen validate --format github")["continue-on-error"] is True
    assert jobs["build"]["outputs"] == {"left-out": "${{ steps.build.outputs.left-out }}"}
    assert jobs["plans"]["needs"] == ["build", "deploy"]
    assert jobs["plans"]["if"] == "${{ needs.build.outputs.left-out == 'true' }}"


def test_workflows_run_what_make_runs():
    # make site builds with $(ENGINE), MkDocs unless told otherwise (make site ENGINE=zensical),
    # with the publish workflow's command and so its policy (issue 21).
    assert "ENGINE ?= mkdocs" in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    assert make_recipe("site") == [BUILD.replace("--engine mkdocs", "--engine $(ENGINE)")]
    assert _step_with(load("publish.yml")["jobs"]["build"], BUILD)
    assert _step_with(load("pull-request.yml")["jobs"]["check"], BUILD)
    assert make_recipe("validate") == ["pac-gen validate"]
    assert VALIDATE.startswith(make_recipe("validate")[0])
    # The install step only makes sense with pinned requirements.
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line), line


def test_pre_commit_hook():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert [p for p in ["plans/camille/boutique.yaml", "plans/a.yml", "docs/plans/a.yaml", "plans/a.yaml.bak",
                        "mkdocs.yml"] if pattern.search(p)] == ["plans/camille/boutique.yaml", "plans/a.yml"]
    # pre-commit runs the entry with the staged files that match.
    done = subprocess.run([str(BIN / hook["entry"].split()[0]), *hook["entry"].split()[1:],
                           "plans/camille/boutique.yaml", "plans/karim/formations.yaml"],
                          cwd=ROOT, capture_output=True, text=True, env=environment({}), check=False)
    # Karim's plan keeps one warning on purpose: shown, not counted (issue 21).
    assert (done.returncode, done.stderr) == (0, "2 plans, 0 erreur, 0 avertissement, 1 avertissement accepté\n")
    assert done.stdout.startswith("plans/karim/formations.yaml:197:13: avertissement accepté : W601 ")


def environment(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "SOURCE_DATE_EPOCH"))}
    env.update(PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_CONFIG_NOSYSTEM="1", SOURCE_DATE_EPOCH=EPOCH)
    env.update(extra)
    return env


def git(repo: Path, *args: str) -> str:
    env = environment({"GIT_AUTHOR_DATE": DAY, "GIT_COMMITTER_DATE": DAY})
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def run_step(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # GitHub runs `run:` with `bash --noprofile --norc -eo pipefail {0}` on Linux.
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
                          cwd=cwd, env=environment(env), capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository with `origin/main` at the examples and HEAD one change further."""
    repo = tmp_path_factory.mktemp("fork") / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "__pycache__", ".*_cache", ".hypothesis", "benchmarks", "tests"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "modèle")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    plan = repo / "plans" / "camille" / "boutique.yaml"
    text = plan.read_text(encoding="utf-8")
    old = "        budget: 45\n        statut: a_faire"
    assert text.count(old) == 1
    plan.write_text(text.replace(old, "        budget: 45\n        statut: fait"), encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "jeu-concours fait")
    return repo


def workflow_runs(name: str, job: str) -> list[dict[str, Any]]:
    return [s for s in load(name)["jobs"][job]["steps"] if "run" in s]


def step_env(step: dict[str, Any]) -> dict[str, str]:
    # The only expression the steps use, with the value GitHub gives it for a pull request into main.
    return {k: v.replace("${{ github.base_ref }}", "main") for k, v in step.get("env", {}).items()}


def test_pull_request_commands_run_on_the_examples(checkout, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    commands = [s for s in workflow_runs("pull-request.yml", "check") if s["run"].strip() != INSTALL]
    assert [s["run"].strip() for s in commands][::2] == [VALIDATE, REVIEW]
    assert BUILD in commands[1]["run"]
    results = [run_step(s["run"], checkout, {**step_env(s), "GITHUB_STEP_SUMMARY": str(summary)}) for s in commands]
    # Karim's acknowledged warning (an unchanged plan) is not annotated, and is in the summary's table.
    total = "3 plans, 0 erreur, 0 avertissement, 1 avertissement accepté"
    assert [(r.returncode, r.stdout) for r in results] == [
        (0, f"{total} ; 0 annoté (plans modifiés), liste complète dans le résumé\n"), (0, ""), (0, "")], [
        r.stderr for r in results]
    assert (checkout / "site" / "index.html").is_file()
    lines = summary.read_text(encoding="utf-8").splitlines()
    # The validate step writes its total first, the changed plans' count, then the review step its report.
    assert lines[:4] == ["## Validation des plans", "", total, ""]
    assert lines[4:8] == ["### Plans modifiés par cette pull request", "", "Erreurs : 0. Avertissements : 0.", ""]
    lines = lines[next(i for i, line in enumerate(lines) if line.startswith("## Relecture")):]
    assert lines[0] == "## Relecture des plans : `origin/main` → `HEAD`"
    assert [line for line in lines if line.startswith(("###", "**", "- "))] == [
        "### Ma boutique en ligne de céramiques (`plans/camille/boutique.yaml`)",
        "**1 tâche faite, 1 relevé en retard**",
        "- Tâche « Organiser un jeu-concours de Noël (un bol à gagner) » (« Publier 3 fois par semaine sur "
        "Instagram avec un lien vers la boutique ») : à faire → fait",
        # The weekly visitors' measurement (format v1.1) is a status the trainer sees on a touched plan.
        "- ⚠ Relevé en retard : « Visiteurs de la boutique en ligne par mois », attendu le 8 nov. 2026",
    ]
    assert lines[-1] == "2 plans sans changement."


def test_validate_step_annotates_the_offending_line(checkout, tmp_path):
    broken = tmp_path / "repo"
    shutil.copytree(checkout, broken, ignore=shutil.ignore_patterns("site"))
    plan = broken / "plans" / "karim" / "formations.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("statut:"))
    lines[index] = lines[index].split("statut:")[0] + "statut: fini\n"
    plan.write_text("".join(lines), encoding="utf-8")
    [validate] = [s for s in workflow_runs("pull-request.yml", "check") if s["run"].strip() == VALIDATE]
    done = run_step(validate["run"], broken, step_env(validate))
    column = lines[index].index("fini") + 1
    assert done.returncode == 1
    assert done.stdout.startswith(
        f"::error file=plans/karim/formations.yaml,line={index + 1},col={column}::E105 Valeur « fini » non reconnue.")


def test_publish_build_command_runs_dated_by_the_last_commit(checkout, tmp_path):
    site = tmp_path / "copy"
    shutil.copytree(checkout, site, ignore=shutil.ignore_patterns("site"))
    [build] = [s for s in workflow_runs("publish.yml", "build") if "mkdocs" in s["run"]]
    # The epoch must come from the commit, not from the environment.
    done = run_step(build["run"], site, {"SOURCE_DATE_EPOCH": "0"})
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    assert git(site, "log", "-1", "--format=%ct").strip() == EPOCH
    # Dated by the commit (2026-11-27), not 1970: the objective due 2027-02-28 is 93 days away.
    page = (site / "site" / "plans" / "camille" / "boutique" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"\b93 jours\b", page)


def _break(plan: Path, field: str, value: str) -> tuple[int, int]:
    """Give the first ``field:`` of ``plan`` a wrong value; its (line, column)."""
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{field}:"))
    lines[index] = lines[index].split(f"{field}:")[0] + f"{field}: {value}\n"
    plan.write_text("".join(lines), encoding="utf-8")
    return index + 1, lines[index].index(value) + 1


def test_validate_step_annotates_only_the_changed_plans_and_summarises_all(checkout, tmp_path):
    # main already has a broken plan (karim's); the pull request breaks camille's too.
    repo = tmp_path / "repo"
    shutil.copytree(checkout, repo, ignore=shutil.ignore_patterns("site"))
    old_line, old_column = _break(repo / "plans" / "karim" / "formations.yaml", "statut", "fini")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "erreur sur main")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    line, column = _break(repo / "plans" / "camille" / "boutique.yaml", "statut", "termine")
    summary = tmp_path / "summary.md"
    [validate] = [s for s in workflow_runs("pull-request.yml", "check") if s["run"].strip() == VALIDATE]
    done = run_step(validate["run"], repo, {**step_env(validate), "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1, done.stderr
    out = done.stdout.splitlines()
    assert [o.split("::")[1] for o in out[:-1]] == [
        f"error file=plans/camille/boutique.yaml,line={line},col={column}"]
    assert out[-1] == ("3 plans, 2 erreurs, 0 avertissement ; 1 annoté (plans modifiés), "
                       "liste complète dans le résumé")
    rows = [r for r in summary.read_text(encoding="utf-8").splitlines() if r.startswith("| `")]
    assert [r.split(" | ")[:5] for r in rows] == [
        ["| `plans/camille/boutique.yaml`", str(line), str(column), "erreur", "E105"],
        ["| `plans/karim/formations.yaml`", str(old_line), str(old_column), "erreur", "E105"],
    ]
    assert rows[0].endswith(" |") and "termine" in rows[0]


def test_validate_summary_holds_every_problem_beyond_ten(checkout, tmp_path):
    # GitHub shows 10 annotations of a kind per step; the summary must list them all.
    repo = tmp_path / "repo"
    shutil.copytree(checkout, repo, ignore=shutil.ignore_patterns("site"))
    plan = repo / "plans" / "camille" / "boutique.yaml"
    text = plan.read_text(encoding="utf-8")
    broken = re.sub(r"statut: \w+", "statut: pas_fait", text)
    assert broken.count("pas_fait") > 10
    plan.write_text(broken, encoding="utf-8")
    summary = tmp_path / "summary.md"
    done = run_step(VALIDATE, repo, {"BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary)})
    errors = broken.count("pas_fait")
    assert done.stdout.count("::error ") == errors
    assert done.stdout.splitlines()[-1] == (f"3 plans, {errors} erreurs, 0 avertissement, 1 avertissement "
                                            f"accepté ; {errors} annotés (plans modifiés), liste complète dans le résumé")
    rows = [r for r in summary.read_text(encoding="utf-8").splitlines() if r.startswith("| `")]
    assert len([r for r in rows if "| erreur |" in r]) == errors and len(rows) == errors + 1  # + Karim's acknowledged


def test_validate_unknown_base_is_a_usage_error(checkout):
    done = run_step(VALIDATE, checkout, {"BASE_REF": "nope"})
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("pac-gen validate: la révision « origin/nope » est inconnue de ce dépôt")


# --- Issue 21: one learner's warning or error never stops the cohort ----------------------------


def _warn(plan: Path) -> tuple[int, int]:
    """Give camille's prospecting action too small a volume for its law of numbers (W301); its (line, column)."""
    text = plan.read_text(encoding="utf-8")
    assert text.count("      volume_prevu: 12\n") == 1
    plan.write_text(text.replace("      volume_prevu: 12\n", "      volume_prevu: 4\n"), encoding="utf-8")
    line = text[:text.index("      volume_prevu: 12\n")].count("\n") + 1
    return line, len("      volume_prevu: ") + 1


def _commit(repo: Path, message: str) -> None:
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", message)


def test_publish_with_a_warning_and_an_invalid_plan_deploys_the_others_then_fails(checkout, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(checkout, repo, ignore=shutil.ignore_patterns("site"))
    _warn(repo / "plans" / "camille" / "boutique.yaml")
    line, column = _break(repo / "plans" / "karim" / "formations.yaml", "statut", "fini")
    _commit(repo, "un avertissement et une erreur sur main")
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    github = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    steps = workflow_runs("publish.yml", "build")
    validate = _step_with(load("publish.yml")["jobs"]["build"], "pac-gen validate")
    done = run_step(validate["run"], repo, github)
    assert done.returncode == 1  # the step fails (continue-on-error: the job goes on)
    assert f"::error file=plans/karim/formations.yaml,line={line},col={column}::E105" in done.stdout
    assert "::warning file=plans/camille/boutique.yaml" in done.stdout
    [build] = [s for s in steps if BUILD in s["run"]]
    done = run_step(build["run"], repo, github)
    assert done.returncode == 0, done.stderr  # the step succeeds: the site is uploaded and deployed
    assert output.read_text(encoding="utf-8") == "left-out=true\n"
    assert "SANS ces plans, qui ont des erreurs" in done.stderr and "plans/karim/formations.yaml" in done.stderr
    site = repo / "site"
    assert (site / "plans" / "camille" / "boutique" / "index.html").is_file()  # its warning did not stop it
    assert not (site / "plans" / "karim").exists()
    assert "plans/karim/formations.yaml" in (site / "plans" / "index.html").read_text(encoding="utf-8")
    # After the deployment, the last job fails the run with an annotation and the summary.
    plans = load("publish.yml")["jobs"]["plans"]
    [last] = [s["run"] for s in plans["steps"]]
    done = run_step(last, repo, github)
    assert done.returncode == 1
    assert done.stdout.startswith("::error title=Plans laissés hors du site::Site publié SANS les plans qui ont des erreurs")
    assert "## Plans laissés hors du site" in summary.read_text(encoding="utf-8")


def test_publish_build_of_a_sound_main_sets_no_left_out_output(checkout, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(checkout, repo, ignore=shutil.ignore_patterns("site"))
    output = tmp_path / "output"
    output.write_text("", encoding="utf-8")
    [build] = [s for s in workflow_runs("publish.yml", "build") if BUILD in s["run"]]
    done = run_step(build["run"], repo, {"GITHUB_OUTPUT": str(output)})
    assert (done.returncode, output.read_text(encoding="utf-8")) == (0, ""), done.stderr


def test_publish_build_step_fails_on_a_broken_docs_link(checkout, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(checkout, repo, ignore=shutil.ignore_patterns("site"))
    with (repo / "docs" / "index.md").open("a", encoding="utf-8") as stream:
        stream.write("\n[Tarifs](tarifs-introuvables.md)\n")
    [build] = [s for s in workflow_runs("publish.yml", "build") if BUILD in s["run"]]
    done = run_step(build["run"], repo, {"GITHUB_OUTPUT": str(tmp_path / "output")})
    assert done.returncode == 1  # real site breakage still stops the publication
    assert "tarifs-introuvables.md" in done.stderr and not (repo / "site").exists()


def test_pull_request_shows_its_warnings_and_passes_despite_another_plan_in_error(checkout, tmp_path):
    # main already has karim's broken plan; the pull request gives camille's plan a warning.
    repo = tmp_path / "repo"
    shutil.copytree(checkout, repo, ignore=shutil.ignore_patterns("site"))
    old_line, old_column = _break(repo / "plans" / "karim" / "formations.yaml", "statut", "fini")
    _commit(repo, "erreur sur main")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    line, column = _warn(repo / "plans" / "camille" / "boutique.yaml")
    _commit(repo, "moins de boutiques")
    summary = tmp_path / "summary.md"
    steps = workflow_runs("pull-request.yml", "check")
    [validate] = [s for s in steps if s["run"].strip() == VALIDATE]
    done = run_step(validate["run"], repo, {**step_env(validate), "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 0, done.stdout + done.stderr  # the trainer decides about a warning
    assert done.stdout.splitlines()[0] == (
        f"::warning file=plans/camille/boutique.yaml,line={line},col={column}::W301 Loi des nombres : 4 prévus "
        "pour 3 visés, il en faudrait au moins 9 (×3).")
    assert "karim" not in done.stdout  # annotations are for the plans this pull request changes
    written = summary.read_text(encoding="utf-8")
    mine, others = written.split("### Autres plans")
    assert "Erreurs : 0. Avertissements : 1." in mine and "Lis-le et décide" in mine
    assert f"| `plans/camille/boutique.yaml` | {line} | {column} | avertissement | W301 |" in mine
    assert f"| `plans/karim/formations.yaml` | {old_line} | {old_column} | erreur | E105 |" in others
    [build] = [s for s in steps if BUILD in s["run"]]
    done = run_step(build["run"], repo, {})
    assert done.returncode == 0, done.stderr  # built without karim's plan, which the summary names
    assert (repo / "site" / "plans" / "camille" / "boutique" / "index.html").is_file()
