"""Validation speed: `pac-gen validate` of N plans against libyaml alone composing them.

Prints both times and the ratio (target: ≤ 1.5 at N = 1,000). Not a test: run it
on a quiet machine, several repeats, best time kept.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate
from pac_gen.check.validate import check_bytes
from pac_gen.format.settings import Settings


def cpu_seconds(work) -> float:  # type: ignore[no-untyped-def]
    """CPU time of this process spent in ``work()`` (other load on the machine does not count)."""
    started = time.process_time()
    work()
    return time.process_time() - started


def best_of_interleaved(repeats: int, *works) -> list[float]:  # type: ignore[no-untyped-def]
    """The fastest of ``repeats`` runs of each work, run in turn (a, b, a, b…).

    Interleaving means a slow spell of the shared machine hits both sides alike.
    """
    best = [float("inf")] * len(works)
    for _ in range(repeats):
        for index, work in enumerate(works):
            best[index] = min(best[index], cpu_seconds(work))
    return best


def measure(count: int, repeats: int = 5) -> tuple[float, float]:
    """(libyaml compose seconds, pac_gen check seconds) for ``count`` generated plans."""
    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp), count)
        contents = [(str(f), f.read_bytes()) for f in files]
    settings = Settings(today=date(2026, 11, 27))

    def compose() -> None:
        # Same treatment as check_bytes, which pauses the cycle collector while it
        # works: without this, libyaml's side would pay for collections ours skips.
        for _, data in contents:
            gc.disable()
            try:
                yaml.compose(data.decode("utf-8"), Loader=yaml.CSafeLoader)
            finally:
                gc.enable()

    def validate() -> None:
        for name, data in contents:
            result = check_bytes(name, data, settings)
            assert not result.problems, result.problems[:3]

    compose_time, validate_time = best_of_interleaved(repeats, compose, validate)
    return compose_time, validate_time


def main() -> None:
    """Print a table of times and ratios for each N."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"{'N':>6} {'libyaml compose (s)':>20} {'pac-gen validate (s)':>21} {'ratio':>6}")
    for count in args.sizes:
        compose, validate = measure(count, args.repeats)
        print(f"{count:>6} {compose:>20.3f} {validate:>21.3f} {validate / compose:>6.2f}")


if __name__ == "__main__":
    main()
