"""Golden files: invalid plans and the exact problems a learner sees for each.

Each ``tests/golden/invalid/NAME.yaml`` has its expected ``validate`` output (text
format, French) in ``NAME.expected.txt``. To regenerate after a deliberate change:

    PAC_GEN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and then read every changed line against its plan before committing it.
"""

import os
from pathlib import Path

import pytest

from pac_gen.problems import render
from pac_gen.settings import Settings
from pac_gen.validate import check_file
from tests.conftest import TODAY

GOLDEN = Path(__file__).resolve().parent / "golden" / "invalid"
CASES = sorted(GOLDEN.glob("*.yaml"))


def test_there_are_golden_cases():
    assert len(CASES) >= 4


@pytest.mark.parametrize("plan", CASES, ids=[p.stem for p in CASES])
def test_golden(plan):
    result = check_file(plan, Settings(today=TODAY), display=plan.name)
    output = render(result.problems, "text") + "\n"
    expected = plan.with_suffix(".expected.txt")
    if os.environ.get("PAC_GEN_UPDATE_GOLDEN"):
        expected.write_text(output, encoding="utf-8")
    assert result.plan is None
    assert output == expected.read_text(encoding="utf-8")
