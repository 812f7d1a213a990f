"""The package's layout: no module shadows the standard library, the core never imports a site engine."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pac_gen"


def test_no_module_shadows_the_standard_library() -> None:
    # site.py becomes the pac_gen/site/ package when the modules move into their folders.
    names = {p.stem for p in PACKAGE.rglob("*.py")} - {"__init__", "__main__", "site"}
    assert sorted(names & set(sys.stdlib_module_names)) == []
