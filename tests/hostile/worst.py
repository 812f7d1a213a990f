"""The worst plans we can construct under 1 MB: used by the hostile tests and by
``benchmarks/hostile.py``, which times and measures each (issue 19).

Each function returns the file's bytes. Names match the ``generated`` cases of
``cases.toml``.
"""

from __future__ import annotations

from collections.abc import Callable

HEAD = """titre: Pire cas
auteur: PWN
objectif:
  intitule: Tenir le budget
  debut: {start}
  echeance: {end}
actions:
  - id: a
    intitule: Action
    type: prospection
    horizon: court
"""


def _plan(rituals: list[dict[str, str]], start: str = "2026-01-01", end: str = "2035-12-31", extra: str = "") -> bytes:
    out = HEAD.format(start=start, end=end) + extra + ("rituels:\n" if rituals else "")
    for index, ritual in enumerate(rituals):
        out += f"  - rituel: R{index}\n" + "".join(f"    {k}: {v}\n" for k, v in ritual.items())
    return out.encode("utf-8")


DECADE = {"debut": "2026-01-01", "fin": "2035-12-31"}


def daily_rituals_300() -> bytes:
    """300 daily rituals over ten years (27 KB): was 66 s and 1.9 GB; now E209 at the 51st."""
    return _plan([{"frequence": "quotidienne", **DECADE}] * 300)


def daily_rituals_50() -> bytes:
    """50 daily rituals over ten years, the most rituals a plan may have: E210 at the second."""
    return _plan([{"frequence": "quotidienne", **DECADE}] * 50)


def minutely_rituals_100() -> bytes:
    """100 ``FREQ=MINUTELY`` rituals (8 KB): was 99 s; now E122 at each rule."""
    return _plan([{"rrule": "FREQ=MINUTELY", **DECADE}] * 100)


def never_matching_rules_50() -> bytes:
    """50 rules that never match (BYSETPOS=2 on a daily rule) over ten years: valid, no occurrence.

    dateutil scanned each up to year 9999 (40 s each); now each stops at its last day.
    """
    return _plan([{"rrule": "FREQ=DAILY;BYSETPOS=2", **DECADE}] * 50)


def budget_filling_rituals() -> bytes:
    """50 rituals over ten years with about 4,400 occurrences: the heaviest plan the budgets let build."""
    rituals = ([{"rrule": "FREQ=WEEKLY;BYDAY=MO,TU", **DECADE}] * 3 + [{"frequence": "mensuelle", **DECADE}] * 7
               + [{"rrule": "FREQ=YEARLY", **DECADE}] * 40)
    return _plan(rituals)


def objective_1900_2200() -> bytes:
    """An objective from 1900 to 2200 (484 bytes) drew 3,612 calendar months; now E211."""
    return _plan([], start="1900-01-01", end="2200-12-31")


def deep_flow_nesting() -> bytes:
    """``titre:`` then 25,000 ``[`` and ``]`` (50 KB): libyaml's composer crashed with SIGSEGV; now E007."""
    return b"titre: " + b"[" * 25_000 + b"]" * 25_000 + b"\n"


def deepest_flow_nesting() -> bytes:
    """The deepest flow nesting 1 MB holds (500,000 ``[``): E007 from the event stream, never composed."""
    return b"titre: " + b"[" * 499_990 + b"]" * 499_990 + b"\n"


def huge_duration() -> bytes:
    """A ``duree`` of 900,000 digits: 26 s of quadratic parsing per file; now E121 at once."""
    return _plan([{"frequence": "hebdomadaire", "debut": "2026-01-05", "pendant": "3 mois",
                   "duree": '"' + "1" * 900_000 + 'h"'}], end="2026-12-31")


def many_tasks(count: int = 40_000, done: int = -1) -> bytes:
    """One action with ``count`` tasks (40,000 fit in 1 MB); task ``done`` marked done."""
    lines = [HEAD.format(start="2026-01-01", end="2026-12-31"), "    taches:\n"]
    lines += [f"      - {{tache: t{i}, statut: fait}}\n" if i == done else f"      - tache: t{i}\n"
              for i in range(count)]
    return "".join(lines).encode("utf-8")


WORST: dict[str, Callable[[], bytes]] = {
    "daily_rituals_300.yaml": daily_rituals_300,
    "daily_rituals_50.yaml": daily_rituals_50,
    "minutely_rituals_100.yaml": minutely_rituals_100,
    "never_matching_rules_50.yaml": never_matching_rules_50,
    "budget_filling_rituals.yaml": budget_filling_rituals,
    "objective_1900_2200.yaml": objective_1900_2200,
    "deep_flow_nesting.yaml": deep_flow_nesting,
    "deepest_flow_nesting.yaml": deepest_flow_nesting,
    "huge_duration.yaml": huge_duration,
    "many_tasks.yaml": many_tasks,
}
"""Every worst case, by the file name the tests and the benchmark give it."""
