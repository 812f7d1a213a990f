from pathlib import Path

from pac_gen.check.validate import check_file, find_plan_files
from pac_gen.format.settings import Settings
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent


def test_example_plans_are_valid_without_warnings():
    files = list(find_plan_files([ROOT / "plans"]))
    assert files
    acknowledged = []
    for file in files:
        result = check_file(file, Settings(today=TODAY))
        assert result.errors == [] and result.warnings == [], (file, result.problems)
        assert result.plan is not None
        acknowledged += [(file.relative_to(ROOT).as_posix(), p.line, p.code) for p in result.acknowledged]
    # Karim keeps one warning on purpose, to show how (issue 21): nothing else is left open.
    assert acknowledged == [("plans/karim/formations.yaml", 197, "W601")]
