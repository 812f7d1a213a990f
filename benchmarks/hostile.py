"""The hostile budget benchmark of issue 19: the worst plans under 1 MB, each validated and built.

For every plan of :data:`tests.hostile.worst.WORST` it runs, each in a subprocess
of its own reaped with ``os.wait4`` (so CPU time and peak memory are that
child's alone):

- ``pac-gen validate`` on the file;
- ``mkdocs build`` of a one-plan site holding it (a refused plan stops the build
  with its located error, which is the expected outcome).

It prints a Markdown table (pasted in ``docs/performance.md``) with the outcome
of each, wall and CPU seconds and peak memory, against the target: every plan
under 1 MB validates and builds in under 5 s and 500 MB. CPU seconds are the
figure to read on a shared machine; wall time grows with the load. The exit code
is 0 whether the targets are met or not (the benchmark reports); 1 when a child
died from a signal or printed a traceback.

Usage::

    .venv/bin/python benchmarks/hostile.py
    .venv/bin/python benchmarks/hostile.py --only deep_flow_nesting.yaml
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.run import ENV, machine  # noqa: E402
from tests.hostile.worst import WORST  # noqa: E402

SECONDS, MEGABYTES = 5.0, 500.0
CONFIG = """site_name: Pire cas
docs_dir: docs
theme:
  name: material
  language: fr
  font: false
plugins:
  - pac_gen:
      today: 2026-11-27
"""


@dataclass(frozen=True)
class Run:
    """One child process: how it ended, its times and its peak memory."""

    exit_code: int
    wall: float
    cpu: float
    peak_mb: float
    output: str


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` and measure it alone (``os.wait4``)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    return Run(process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               output.decode("utf-8", "replace"))


_PROBLEM = re.compile(r":(\d+):(\d+): (?:error: )?(E\d{3}[a-z]?) ")


def first_code(output: str) -> str:
    """The first error of a run's output as ``E209@213:5``, or ``valide``."""
    found = _PROBLEM.search(output)
    return f"{found.group(3)}@{found.group(1)}:{found.group(2)}" if found else "valide"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="only these worst cases (file names)")
    args = parser.parse_args(argv)
    names = args.only or list(WORST)
    bin_dir = Path(sys.executable).parent
    print(f"Machine: {machine()}\n")
    print(f"Target: every plan under 1 MB validates and builds in under {SECONDS:.0f} s and {MEGABYTES:.0f} MB.\n")
    print("| plan | bytes | outcome | validate: wall / CPU / peak | build: wall / CPU / peak | within |")
    print("| --- | ---: | --- | ---: | ---: | --- |")
    broken = False
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        for name in names:
            data = WORST[name]()
            project = root / name.removesuffix(".yaml")
            (project / "docs").mkdir(parents=True)
            (project / "docs" / "index.md").write_text("# Accueil\n", "utf-8")
            (project / "mkdocs.yml").write_text(CONFIG, "utf-8")
            (project / "plans").mkdir()
            (project / "plans" / name).write_bytes(data)
            checked = run([str(bin_dir / "pac-gen"), "validate", "--today", "2026-11-27", f"plans/{name}"], project)
            built = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", "site"], project)
            for child in (checked, built):
                if child.exit_code < 0 or "Traceback" in child.output:
                    broken = True
                    print(f"<!-- {name}: exit {child.exit_code}\n{child.output[-2000:]}\n-->")
            within = all(c.cpu < SECONDS and c.peak_mb < MEGABYTES for c in (checked, built))
            print(f"| `{name}` | {len(data):,} | {first_code(checked.output)} "
                  f"| {checked.wall:.2f} s / {checked.cpu:.2f} s / {checked.peak_mb:.0f} MB "
                  f"| {built.wall:.2f} s / {built.cpu:.2f} s / {built.peak_mb:.0f} MB "
                  f"| {'✅' if within else '❌'} |")
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.2f}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
