"""The preview benchmark of issue 16: ``make serve`` on a cohort of 100, 1,000 and 3,000 plans.

For each size it copies this repository's ``mkdocs.yml``, ``docs/`` and ``plans/``
to a temporary folder, adds that many generated plans
(:mod:`benchmarks.generate`), commits everything (a fresh clone: git sees no
change), then runs the README's preview command (``pac-gen serve``, MkDocs engine)
and measures:

- the time until the first page (the overview) is served;
- for each of ``--saves`` saves of ``plans/camille/boutique.yaml``: the time from
  the save to the server returning that plan's page with the new title, and the
  CPU seconds the server's processes spent meanwhile (a figure the machine's load
  inflates less than wall time).

``--full`` measures plain ``mkdocs serve`` (every plan rebuilt each time) the same
way, for comparison. It prints a Markdown table (pasted in ``docs/performance.md``);
the exit code is 0 whatever the figures (the benchmark reports), 1 when a server
did not answer.

Usage::

    .venv/bin/python benchmarks/preview.py                      # 100, 1000, 3000
    .venv/bin/python benchmarks/preview.py --sizes 100 --full   # with plain mkdocs serve
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.run import ENV, fetch, free_port, machine, wait_until  # noqa: E402
from pac_gen.engines.process import stop  # noqa: E402

PLAN = "plans/camille/boutique.yaml"
TITLE = "titre: Ma boutique en ligne de céramiques"
GIT_ENV = {**ENV, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "b",
           "GIT_AUTHOR_EMAIL": "b@example.org", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}


def cohort(root: Path, count: int) -> Path:
    """A copy of this site with ``count`` generated plans more, all committed; returns its folder."""
    for name in ("mkdocs.yml", "docs", "plans"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    generate(root, count)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "cohort"]):
        subprocess.run(["git", *command], cwd=root, env=GIT_ENV, check=True, capture_output=True)
    return root


def tree_cpu(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its children (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def measure(root: Path, command: list[str], saves: int, timeout: float = 600.0) -> tuple[float, list[float], list[float]]:
    """(seconds to the first page, seconds per save, CPU seconds per save) for one server command.

    Raises:
        RuntimeError: when the server does not answer in time.

    """
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    plan = root / PLAN
    original = plan.read_text("utf-8")
    log = tempfile.TemporaryFile()
    started = time.perf_counter()
    process = subprocess.Popen([*command, "-a", f"127.0.0.1:{port}"], cwd=root, env=ENV, stdout=log, stderr=log)
    walls: list[float] = []
    cpus: list[float] = []
    try:
        if not wait_until(lambda: fetch(base + "plans/") is not None or process.poll() is not None, timeout, 0.1):
            raise RuntimeError(f"{command[-1]}: no first page in {timeout} s")
        if process.poll() is not None:  # a crashed server is not a first page
            raise RuntimeError(f"{command[-1]} stopped (code {process.returncode})")
        first = time.perf_counter() - started
        time.sleep(2.0)  # let the watcher settle after the first build
        for number in range(saves):
            marker = f"Enregistrement {number} {time.time_ns()}"
            cpu = tree_cpu(process.pid)
            saved = time.perf_counter()
            plan.write_text(original.replace(TITLE, f"titre: {marker}", 1), "utf-8")
            page = base + "plans/camille/boutique/"
            if not wait_until(lambda page=page, marker=marker: marker in (fetch(page) or ""), timeout):  # type: ignore[misc]
                raise RuntimeError(f"save {number} not shown within {timeout} s")
            walls.append(time.perf_counter() - saved)
            time.sleep(1.5)  # the rebuild is over; its CPU is counted, and the next save starts clean
            cpus.append(tree_cpu(process.pid) - cpu)
    finally:
        plan.write_text(original, "utf-8")
        stop(process)
        log.close()
    return first, walls, cpus


PreviewRow = tuple[str, int, float, list[float], list[float]]
"""One measured preview: its name, the plans in the cohort, first page, save walls, save CPUs."""


def print_table(sizes: list[int], saves: int, full: bool = False) -> tuple[list[PreviewRow], bool]:
    """Measure the preview at each cohort size and print the Markdown table as rows come.

    Returns:
        The rows measured, and whether some server did not answer.

    """
    bin_dir = Path(sys.executable).parent
    previews = {"make serve (pac-gen serve)": [str(bin_dir / "pac-gen"), "serve"]}
    if full:
        previews["mkdocs serve (every plan)"] = [sys.executable, "-m", "mkdocs", "serve"]
    print("| preview | plans | first page | save → page, median (min–max) | CPU per save, median |")
    print("| --- | ---: | ---: | ---: | ---: |")
    rows: list[PreviewRow] = []
    failed = False
    for count in sizes:
        with tempfile.TemporaryDirectory() as temp:
            root = cohort(Path(temp), count)
            total = count + sum(1 for _ in (ROOT / "plans").rglob("*.yaml"))
            for name, command in previews.items():
                try:
                    first, walls, cpus = measure(root, command, saves)
                except RuntimeError as exc:
                    failed = True
                    print(f"| {name} | {total:,} | {exc} | | |")
                    continue
                rows.append((name, total, first, walls, cpus))
                print(f"| {name} | {total:,} | {first:.1f} s | {statistics.median(walls):.2f} s "
                      f"({min(walls):.2f}–{max(walls):.2f}) | {statistics.median(cpus):.2f} s |", flush=True)
    return rows, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--full", action="store_true", help="also plain mkdocs serve, every plan rebuilt")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}\n")
    print("Targets: first page ≤ 15 s; save → rebuilt page ≤ 1 s (median), flat as the cohort grows.\n")
    _, failed = print_table(args.sizes, args.saves, args.full)
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.2f}")
    return 1 if failed else 0

if __name__ == "__main__":
    sys.exit(main())
