"""The overview's "Mis à jour" at a cohort's size: one ``git log`` for every plan, against one per plan.

It makes a repository (``git fast-import``, so in seconds) of ``--plans`` plan files
(default 3,000: 1,000 learners with 3 plans each) and a history of ``--weeks``
weeks in which every learner commits once a week, then measures, best of
``--repeats``:

- :func:`pac_gen.site.history.last_changes`, which the build calls once: one
  ``git log`` read as it streams, stopped once every plan has its date;
- ``git log -1 --format=%ct -- <plan>`` for ``--sample`` plans, one process each,
  multiplied out to every plan (what a per-plan lookup would cost).

It prints the two times and their ratio, and checks that both give the same dates
on the sample. It reports; it does not judge (exit 0 unless something failed).

Usage::

    .venv/bin/python benchmarks/history.py                   # 3,000 plans, 20 weeks
    .venv/bin/python benchmarks/history.py --plans 60 --weeks 3 --sample 10 --repeats 1   # the smoke run
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pac_gen.site.history import last_changes

START = int(datetime(2026, 9, 1, 9, tzinfo=UTC).timestamp())
WEEK = 7 * 24 * 3600


def make_repository(root: Path, plans: int, weeks: int) -> list[str]:
    """A repository whose plans/ holds ``plans`` files, each learner committing one of them weekly."""
    names = [f"apprenant-{i // 3:04d}/plan-{i % 3}.yaml" for i in range(plans)]
    learners = sorted({name.split("/")[0] for name in names})
    stream: list[bytes] = []

    def commit(when: int, files: list[str], week: int) -> None:
        message = f"semaine {week}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"committer Promo <promo@example.org> {when} +0000\n".encode())
        stream.append(f"data {len(message)}\n".encode() + message + b"\n")
        for name in files:
            body = f"titre: {name}\nsemaine: {week}\n".encode()
            stream.append(f"M 100644 inline plans/{name}\n".encode())
            stream.append(f"data {len(body)}\n".encode() + body + b"\n")

    commit(START, names, 0)
    for week in range(1, weeks + 1):
        for index, learner in enumerate(learners):
            commit(START + week * WEEK + index * 60, [f"{learner}/plan-{week % 3}.yaml"], week)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)
    return [name for name in names if (root / "plans" / name).is_file()]


def best(repeats: int, run: object) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=3000)
    parser.add_argument("--weeks", type=int, default=20)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pac_gen_history_") as folder:
        root = Path(folder)
        names = make_repository(root, args.plans, args.weeks)
        commits = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=root, capture_output=True,
                                     text=True, check=True).stdout)
        plans_dir = root / "plans"
        found: dict[str, datetime] = {}

        def one_pass() -> None:
            found.clear()
            found.update(last_changes(plans_dir, names))

        sample = names[:: max(1, len(names) // args.sample)][: args.sample]
        each: dict[str, datetime] = {}

        def per_plan() -> None:
            for name in sample:
                out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", name], cwd=plans_dir,
                                     capture_output=True, text=True, check=True).stdout
                each[name] = datetime.fromtimestamp(int(out), UTC)

        single = best(args.repeats, one_pass)
        sampled = best(args.repeats, per_plan)
        if len(found) != len(names) or any(found[n] != each[n] for n in sample):
            print("the one pass and the per-plan lookups disagree", file=sys.stderr)
            return 1
    per_plan_total = sampled / len(sample) * len(names)
    load = os.getloadavg()[0]
    print(f"| plans | commits | one git log (s) | a git log per plan (s, from {len(sample)}) | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {len(names)} | {commits} | {single:.2f} | {per_plan_total:.1f} | {per_plan_total / single:.0f}× |")
    print(f"\nload average (1 min) during the run: {load:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
