"""pac_gen never alters a learner's files: the CLI, `mkdocs build` and `mkdocs serve`
leave plans/ and docs/ exactly as they were (content and mtimes), and the server
keeps serving through invalid and valid saves of a plan."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.hostile.support import HOSTILE, MKDOCS, ROOT, build, mkdocs_env, needs_plugin, python, site_project

Snapshot = dict[str, tuple[str, int, int]]


def snapshot(*folders: Path) -> Snapshot:
    """Every file and folder below ``folders``: content hash, size and mtime in nanoseconds."""
    found: Snapshot = {}
    for folder in folders:
        for path in sorted([folder, *folder.rglob("*")]):
            stat = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else "-"
            found[str(path)] = (digest, stat.st_size if path.is_file() else 0, stat.st_mtime_ns)
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's plans and guide in a site project of its own."""
    root = site_project(tmp_path / "project", {})
    shutil.rmtree(root / "plans")
    shutil.rmtree(root / "docs")
    shutil.copytree(ROOT / "plans", root / "plans", copy_function=shutil.copy2)
    shutil.copytree(ROOT / "docs", root / "docs", copy_function=shutil.copy2)
    # A broken plan too: problems must be reported, not "fixed" in place.
    (root / "plans" / "broken.yaml").write_bytes((HOSTILE / "hostile_errors.yaml").read_bytes())
    return root


def _cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([python(), "-m", "pac_gen", *args], cwd=project, capture_output=True, text=True,
                          timeout=120, check=False, env=mkdocs_env())


def test_cli_never_writes_into_plans_or_docs(project):
    before = snapshot(project / "plans", project / "docs")
    assert _cli(project, "validate", "--today", "2026-11-27").returncode == 1  # broken.yaml
    assert _cli(project, "validate", "--format", "json", "--today", "2026-11-27", "plans/camille").returncode == 0
    assert _cli(project, "validate", "--format", "github", "--strict", "--today", "2026-11-27").returncode == 1
    assert _cli(project, "schema").returncode == 0
    for fmt in ("csv", "ics"):
        result = _cli(project, "export", "plans/camille/boutique.yaml", "--format", fmt, "--today", "2026-11-27")
        assert result.returncode == 0, result.stderr
    assert _cli(project, "export", "plans/broken.yaml", "--today", "2026-11-27").returncode != 0
    assert snapshot(project / "plans", project / "docs") == before
    assert sorted(p.name for p in project.iterdir()) == ["docs", "mkdocs.yml", "plans"]


@needs_plugin
def test_mkdocs_build_never_writes_into_plans_or_docs(project):
    before = snapshot(project / "plans", project / "docs")
    failed = build(project)
    assert failed.returncode != 0 and "plans/broken.yaml:5:1" in failed.stderr
    (project / "plans" / "broken.yaml").unlink()
    before.pop(str(project / "plans" / "broken.yaml"))
    before.pop(str(project / "plans"))  # its mtime changed with the unlink above
    built = build(project)
    assert built.returncode == 0, built.stderr[-3000:]
    after = snapshot(project / "plans", project / "docs")
    after.pop(str(project / "plans"))
    assert after == before
    assert (project / "site" / "plans" / "camille" / "boutique" / "index.html").is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, *needles: str, attempts: int = 60) -> str:
    """The page once it holds every needle (up to ~30 s of polling; a bound, not a timing assertion)."""
    page = None
    for _ in range(attempts):
        page = _get(url)
        if page is not None and all(n in page for n in needles):
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {needles!r}; last page: {(page or '')[:500]!r}")


@needs_plugin
def test_mkdocs_serve_survives_invalid_saves_and_never_writes(tmp_path):
    """Under `mkdocs serve`, an invalid save shows the plan's errors on its page (not the previous
    version) and keeps the server up; the next valid save shows the new content."""
    minimal = (HOSTILE / "minimal.yaml").read_text("utf-8")
    project = site_project(tmp_path, {"learner/plan.yaml": minimal.encode(), "other.yaml": minimal.encode()})
    plan = project / "plans" / "learner" / "plan.yaml"
    watched = [project / "docs", project / "plans" / "other.yaml"]
    before = snapshot(*watched)
    port = _free_port()
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-strict"], cwd=project, env=mkdocs_env(),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/plans/learner/plan/"
    try:
        _wait_for(url, "Plan minimal PWN-MINIMAL")
        for step in range(2):
            plan.write_text(f"objectif:\n  intitule: [cassé {step}\n", "utf-8")
            page = _wait_for(url, "E001", "plans/learner/plan.yaml:2:13")
            assert "Plan minimal" not in page
            assert server.poll() is None
            plan.write_text(minimal.replace("PWN-MINIMAL", f"VERSION-{step}"), "utf-8")
            _wait_for(url, f"Plan minimal VERSION-{step}")
        plan.write_text("<script>alert('PWN')</script>: [", "utf-8")
        page = _wait_for(url, "E001")
        assert "<script>alert" not in page
        assert server.poll() is None
    finally:
        server.terminate()
        try:
            _, stderr = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate()
    assert "Traceback" not in stderr
    assert snapshot(*watched) == before
    assert plan.read_text("utf-8") == "<script>alert('PWN')</script>: ["
    assert sorted(p.name for p in (project / "plans").rglob("*")) == ["learner", "other.yaml", "plan.yaml"]
