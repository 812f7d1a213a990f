from pathlib import Path

from pac_gen.check.validate import check_file, find_plan_files
from pac_gen.format.settings import Settings
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent


def test_example_plans_are_valid_without_warnings():
    files = list(find_plan_files([ROOT / "plans"]))
    assert files
    for file in files:
        result = check_file(file, Settings(today=TODAY))
        assert result.problems == [], (file, result.problems)
        assert result.plan is not None
