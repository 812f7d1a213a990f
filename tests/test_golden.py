"""Golden files: invalid plans and the exact problems a learner sees for each.

Each ``tests/golden/invalid/NAME.yaml`` has its expected ``validate`` output (text
format, French) in ``NAME.expected.txt``. To regenerate after a deliberate change:

    PAC_GEN_REGEN=1 .venv/bin/python -m pytest tests/test_golden.py

(the tests are then skipped, not passed) and read every changed line against its
plan before committing it.
"""

from pathlib import Path

import pytest

from pac_gen.check.problems import render
from pac_gen.check.validate import check_file
from pac_gen.format.settings import Settings
from tests.conftest import TODAY, compare_golden

GOLDEN = Path(__file__).resolve().parent / "golden" / "invalid"
CASES = sorted(GOLDEN.glob("*.yaml"))


def test_the_golden_folder_is_found():
    assert CASES, GOLDEN  # else the parametrised test below would silently run nothing


@pytest.mark.parametrize("plan", CASES, ids=[p.stem for p in CASES])
def test_golden(plan):
    result = check_file(plan, Settings(today=TODAY), display=plan.name)
    output = render(result.problems, "text") + "\n"
    assert result.plan is None
    compare_golden({plan.with_suffix(".expected.txt"): output})
