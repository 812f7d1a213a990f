"""Shared helpers: check plans given as strings, with a fixed "today"."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from pac_gen.settings import Settings
from pac_gen.validate import CheckedPlan, check_bytes

TODAY = date(2026, 11, 27)


def check(text: str, lang: str = "fr", today: date = TODAY, name: str = "plan.yaml") -> CheckedPlan:
    """Check a plan written inline (dedented) as if it were a file called ``name``."""
    return check_bytes(name, textwrap.dedent(text).encode("utf-8"), Settings(today=today, lang=lang))


def codes(result: CheckedPlan) -> list[tuple[str, int, int]]:
    """(code, line, column) of every problem, in order."""
    return [(p.code, p.line, p.column) for p in result.problems]


@pytest.fixture
def settings() -> Settings:
    return Settings(today=TODAY)
