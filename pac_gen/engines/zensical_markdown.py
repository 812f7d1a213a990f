"""A Markdown extension that hands a generated page to Zensical as it is, with its table of contents.

A plan page's HTML reaches Zensical as a raw HTML block after a marker line
(learner text never goes through Markdown), and the page's table of contents on
the line before, in a comment (:mod:`pac_gen.engines.zensical` writes both)::

    <!-- pac_gen:toc BASE64-JSON -->
    <!-- pac_gen:html -->
    <div class="pac-gen …">…

This extension takes the HTML out before Markdown reads the page and stores it
whole in Markdown's stash of raw HTML, which puts it back at the end: Markdown
parsing a plan page's raw HTML block cost 80 ms a page, most of a Zensical build.
It puts the entries of the table of contents in ``md.toc_tokens`` once ``toc``
has run (the ``toc`` extension finds no heading in raw HTML), which is where
Zensical reads a page's table of contents. Without the extension the page still
shows the same HTML, only slower and without its table of contents.
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
HTML_MARK = "<!-- pac_gen:html -->"


def toc_line(entries: list[dict[str, Any]]) -> str:
    """The line that carries a page's table of contents (``toc_tokens`` as Python-Markdown makes them)."""
    data = base64.b64encode(json.dumps(entries, ensure_ascii=True).encode()).decode()
    return f"{TOC_MARK}{data}{TOC_END}"


class _TakePage(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        md: Any = self.md
        md.pac_gen_toc = None
        head = lines[:4]  # the lines follow the front matter, which Zensical already removed
        for number, line in enumerate(head):
            if line.startswith(TOC_MARK) and line.endswith(TOC_END):
                md.pac_gen_toc = json.loads(base64.b64decode(line[len(TOC_MARK):-len(TOC_END)]))
                lines = lines[:number] + lines[number + 1:]
                break
        for number, line in enumerate(lines[:4]):
            if line == HTML_MARK:
                # Block-level HTML alone in its paragraph: Markdown's postprocessor puts it back as it is.
                return [*lines[:number], "", md.htmlStash.store("\n".join(lines[number + 1:]).strip())]
        return lines


class _GiveToc(Treeprocessor):
    def run(self, root: Any) -> None:
        md: Any = self.md
        if getattr(md, "pac_gen_toc", None) is not None:
            md.toc_tokens = md.pac_gen_toc


class PacGenTocExtension(Extension):
    """Reads the HTML and the table of contents pac_gen wrote on a generated page."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the two steps: after whitespace is normalised (30), before raw HTML is looked for (20), and after ``toc`` (priority 5)."""
        md.preprocessors.register(_TakePage(md), "pac_gen_page", 25)
        md.treeprocessors.register(_GiveToc(md), "pac_gen_toc", 4)


def makeExtension(**kwargs: Any) -> PacGenTocExtension:
    """The extension, as Markdown loads it by module name (``pac_gen.engines.zensical_markdown``)."""
    return PacGenTocExtension(**kwargs)
