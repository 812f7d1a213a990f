"""Shared helpers: check plans given as strings, with a fixed "today"."""

from __future__ import annotations

import os
import textwrap
from datetime import date
from pathlib import Path

import pytest

from pac_gen.check.validate import CheckedPlan, check_bytes
from pac_gen.format.settings import Settings

TODAY = date(2026, 11, 27)

# A valid plan of seven lines that tests break one thing in. Line numbers are those
# of the text as written (the backslash keeps line 1 on `objectif:`).
MINIMAL_PLAN = """\
objectif:
  intitule: Augmenter le CA
  echeance: 2027-01-31
actions:
  - id: boutique
    intitule: Boutique en ligne
    type: prospection
"""


def check(text: str, lang: str = "fr", today: date = TODAY, name: str = "plan.yaml") -> CheckedPlan:
    """Check a plan written inline (dedented) as if it were a file called ``name``."""
    return check_bytes(name, textwrap.dedent(text).encode("utf-8"), Settings(today=today, lang=lang))


def codes(result: CheckedPlan) -> list[tuple[str, int, int]]:
    """(code, line, column) of every problem, in order."""
    return [(p.code, p.line, p.column) for p in result.problems]


@pytest.fixture
def settings() -> Settings:
    return Settings(today=TODAY)


def compare_golden(files: dict[Path, str]) -> None:
    """Compare each golden file with what the code gives now.

    With ``PAC_GEN_REGEN=1`` the files are rewritten instead and the test is
    skipped, never passed: a file just rewritten from the code proves nothing.
    Read the diff of every rewritten file against its input before committing it.
    """
    if os.environ.get("PAC_GEN_REGEN") == "1":
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        pytest.skip(f"PAC_GEN_REGEN=1: {len(files)} golden file(s) rewritten, read their diff before committing")
    for path, text in files.items():
        assert path.exists(), f"{path} is missing: PAC_GEN_REGEN=1 writes it"
        assert path.read_text(encoding="utf-8") == text, f"{path} differs; PAC_GEN_REGEN=1 rewrites it"
