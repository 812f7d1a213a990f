"""The package's layout: no module shadows the standard library, the core never imports a site engine."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pac_gen"
ENGINES = ("mkdocs", "properdocs", "material", "zensical")


def test_no_module_shadows_the_standard_library() -> None:
    names = {p.stem for p in PACKAGE.rglob("*.py")} - {"__init__", "__main__"}
    assert sorted(names & set(sys.stdlib_module_names)) == []


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_engine_adapters_import_a_site_engine() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "engines" not in p.relative_to(PACKAGE).parts]
    assert core
    assert {str(p.relative_to(PACKAGE)): sorted(_imports(p) & set(ENGINES)) for p in core
            if _imports(p) & set(ENGINES)} == {}
    adapters = list((PACKAGE / "engines").glob("*.py"))
    assert any(_imports(p) & set(ENGINES) for p in adapters)  # the check above looks at real imports
