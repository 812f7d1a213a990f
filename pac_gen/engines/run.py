"""``pac-gen build`` and ``pac-gen serve`` for every supported site engine.

MkDocs and ProperDocs run the ``pac_gen`` plugin themselves, so for them this
only starts their command line with the same options; Zensical goes through
:mod:`pac_gen.engines.zensical`. Every engine reads the same ``mkdocs.yml``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pac_gen.engines import process
from pac_gen.site.build import FOCUS_ENV, REPORT_ENV, read_report

ENGINES = ("mkdocs", "properdocs", "zensical")
"""``mkdocs`` (1.x, unmaintained), ``properdocs`` (its maintained continuation), ``zensical`` (Material's successor)."""


@dataclass(frozen=True)
class Outcome:
    """What a build gave: its status (0 built, 1 failed) and the plan files it left out for their errors."""

    status: int
    left_out: list[str] = field(default_factory=list)


def _plugin_engine(engine: str, command: str, config_file: Path, options: list[str],
                   extra_env: dict[str, str] | None = None) -> int:
    # MkDocs 1.6.1 and ProperDocs print a notice about MkDocs 2 on every build.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(extra_env or {})}
    # -P: the current folder is not put on sys.path (it may hold another copy of pac_gen).
    status = process.run([sys.executable, "-P", "-m", engine, command, "--config-file", str(config_file), *options], env,
                         stopped=0 if command == "serve" else 130)
    return 1 if status else 0


def build(engine: str, config_file: Path, site_dir: Path | None = None, strict: bool = False) -> Outcome:
    """Build the site with ``engine``: status 0 on success, 1 when the build failed (its messages said why).

    ``strict`` fails the build on the engine's own warnings (a broken link in ``docs/``),
    never on the plans' problems: plans with errors are left out, and listed in the outcome.
    """
    # The build says what it left out in a file (the MkDocs plugin runs in the engine's process).
    handle, name = tempfile.mkstemp(prefix="pac-gen-report-", suffix=".json")
    os.close(handle)
    report = Path(name)
    try:
        if engine == "zensical":
            from pac_gen.engines import zensical

            status = zensical.build(config_file, site_dir, strict, report=report)
        else:
            options = [*(["--site-dir", str(site_dir)] if site_dir is not None else []),
                       *(["--strict"] if strict else [])]
            status = _plugin_engine(engine, "build", config_file, options, {REPORT_ENV: str(report)})
        return Outcome(status, read_report(report) if status == 0 else [])
    finally:
        report.unlink(missing_ok=True)


def serve(engine: str, config_file: Path, dev_addr: str | None = None) -> int:
    """Preview the site with ``engine``, rebuilt when a plan, a page or ``mkdocs.yml`` changes."""
    if engine == "zensical":
        from pac_gen.engines import zensical

        return zensical.serve(config_file, dev_addr)
    # A focused preview (pac_gen.site.build.Focus) rebuilds only what changed: the
    # plans' pages are always rebuilt, the pages of docs/ only when saved.
    dirty = ["--dirty"] if FOCUS_ENV in os.environ else []
    return _plugin_engine(engine, "serve", config_file, [*(["--dev-addr", dev_addr] if dev_addr else []), *dirty])
