"""A Markdown extension that gives a generated page its table of contents under Zensical.

A plan page's HTML reaches Zensical as a raw HTML block, which Markdown leaves
alone (learner text never goes through Markdown) — so the ``toc`` extension
finds no heading in it. :mod:`pac_gen.engines.zensical` writes the page's
table of contents on the first line of the page instead, in a comment::

    <!-- pac_gen:toc BASE64-JSON -->

This extension takes that line out before Markdown parses the page, and puts the
entries in ``md.toc_tokens`` once ``toc`` has run, which is where Zensical reads a
page's table of contents.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

TOC_MARK = "<!-- pac_gen:toc "
TOC_END = " -->"


def toc_line(entries: list[dict[str, Any]]) -> str:
    """The line that carries a page's table of contents (``toc_tokens`` as Python-Markdown makes them)."""
    data = base64.b64encode(json.dumps(entries, ensure_ascii=True).encode()).decode()
    return f"{TOC_MARK}{data}{TOC_END}"


class _TakeToc(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        md: Any = self.md
        md.pac_gen_toc = None
        for number, line in enumerate(lines[:3]):  # the line follows the front matter Zensical already removed
            if line.startswith(TOC_MARK) and line.endswith(TOC_END):
                md.pac_gen_toc = json.loads(base64.b64decode(line[len(TOC_MARK):-len(TOC_END)]))
                return lines[:number] + lines[number + 1:]
        return lines


class _GiveToc(Treeprocessor):
    def run(self, root: Any) -> None:
        md: Any = self.md
        if getattr(md, "pac_gen_toc", None) is not None:
            md.toc_tokens = md.pac_gen_toc


class PacGenTocExtension(Extension):
    """Reads the table of contents pac_gen wrote on a generated page."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the two steps: before parsing, and after ``toc`` (priority 5)."""
        md.preprocessors.register(_TakeToc(md), "pac_gen_toc", 40)
        md.treeprocessors.register(_GiveToc(md), "pac_gen_toc", 4)


def makeExtension(**kwargs: Any) -> PacGenTocExtension:
    """The extension, as Markdown loads it by module name (``pac_gen.engines.zensical_markdown``)."""
    return PacGenTocExtension(**kwargs)
