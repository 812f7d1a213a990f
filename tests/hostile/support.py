"""Shared by the hostile, property and data-safety tests: HTML inspection and site builds."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from pac_gen.format.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = Path(__file__).resolve().parent
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
TODAY = date(2026, 11, 27)
SETTINGS = Settings(today=TODAY)

CASES: list[dict[str, Any]] = tomllib.loads((HOSTILE / "cases.toml").read_text("utf-8"))["case"]

# Markdown fields are rendered then sanitised, so their text is not shown verbatim.
MARKDOWN_FIELDS = frozenset({"strategy", "comments", "result", "notes"})
# Fields whose value is a slug or a code, not free text.
NON_TEXT_FIELDS = frozenset({"id", "action", "currency"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
                            "srcset", "codebase", "cite", "longdesc", "usemap", "manifest", "ping"})
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")

HAVE_PLUGIN = importlib.util.find_spec("pac_gen.engines.mkdocs_plugin") is not None
needs_plugin = pytest.mark.skipif(not HAVE_PLUGIN, reason="pac_gen.engines.mkdocs_plugin has not landed yet")


def case(name: str) -> dict[str, Any]:
    """The row of cases.toml for a corpus file."""
    return next(c for c in CASES if c["file"] == name)


@dataclass
class ParsedPage:
    """What html.parser sees in a page: elements, text outside scripts, and scripts."""

    tags: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    text: str = ""
    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # the charts' data-figure attributes


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._text: list[str] = []
        self._script: tuple[dict[str, str | None], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, attrs))
        self.page.figures.extend(v or "" for k, v in attrs if k == "data-figure")
        if tag == "script":
            self._script = (dict(attrs), [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.page.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
        else:
            self._text.append(data)


def parse(html: str) -> ParsedPage:
    """Parse a page (or fragment) with the standard library's HTML parser."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    collector.page.text = "".join(collector._text)
    return collector.page


def _scheme(value: str) -> str:
    # Browsers ignore whitespace and control characters inside a URL scheme.
    return re.sub(r"[\x00-\x20]", "", value).lower()


def assert_no_live_markup(html: str, marker: str = "PWN") -> ParsedPage:
    """No element, event handler, script or dangerous URL of the page carries learner text.

    Every hostile payload of the corpus contains ``marker``; the page's own
    scripts and attributes never do.
    """
    page = parse(html)
    for tag, attrs in page.tags:
        assert marker not in tag
        for name, value in attrs:
            assert marker not in name, (tag, name)
            assert not name.startswith("on"), f"<{tag} {name}={value!r}>"
            if name in URL_ATTRIBUTES and value:
                assert not _scheme(value).startswith(BAD_SCHEMES), f"<{tag} {name}={value!r}>"
            if tag == "meta" and name == "content" and value and "url=" in value.lower():
                assert not _scheme(value.split("=", 1)[-1]).startswith(BAD_SCHEMES)
    for _attrs, body in page.scripts:
        assert marker not in body, body[:200]
        assert "alert(" not in body, body[:200]
    for data in page.figures:
        json.loads(data)  # chart data stayed whole inside its attribute
    return page


def plain_texts(model: BaseModel) -> list[str]:
    """Every free-text value of a plan that the page shows as it is written (not Markdown)."""
    found: list[str] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else [value]
        for item in items:
            if isinstance(item, list):
                for sub in item:
                    if isinstance(sub, BaseModel):
                        found += plain_texts(sub)
            elif isinstance(item, BaseModel):
                found += plain_texts(item)
            elif type(item) is str and name not in MARKDOWN_FIELDS and name not in NON_TEXT_FIELDS:
                found.append(item)
    return found


def site_project(tmp_path: Path, plans: dict[str, bytes], *, extra_config: str = "") -> Path:
    """A minimal MkDocs project in ``tmp_path`` with the given files below ``plans/``."""
    (tmp_path / "docs").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Hostile\n"
        "docs_dir: docs\n"
        "site_dir: site\n"
        "theme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - pac_gen:\n      today: 2026-11-27\n" + extra_config,
        "utf-8",
    )
    (tmp_path / "plans").mkdir(exist_ok=True)
    for name, data in plans.items():
        target = tmp_path / "plans" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return tmp_path


def mkdocs_env() -> dict[str, str]:
    """The environment of a build: no MkDocs 2 banner, no clock dependence."""
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", PYTHONUTF8="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def build(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pac-gen build`` with MkDocs in ``project``, as ``make site`` and the workflows run it.

    Bounded by a generous timeout, not a timed assertion. Exit 3: built without the
    plans that have errors (issue 21).
    """
    return subprocess.run(
        [str(MKDOCS.parent / "pac-gen"), "build", "--engine", "mkdocs", "--site-dir", "site", *args],
        cwd=project, env=mkdocs_env(),
        capture_output=True, text=True, timeout=300, check=False,
    )


def python() -> str:
    """The interpreter running the tests (the project's virtualenv)."""
    return sys.executable
