"""The one Jinja environment of the site, and the filters its templates use.

Learner text is data, never template source: the templates are read from the
package only, autoescape is on for every template, and the few Markdown fields
of the format (strategy, comments, results, notes) go through :func:`markdown_html`,
which renders them and then sanitises the HTML with nh3 (a short list of safe
tags, links only to http, https and mailto).

Numbers, money and dates are formatted by babel in the site language
(``15 000 €`` and ``10 juin 2023`` in French). Texts come from the catalogue
(:mod:`pac_gen.text`): ``{{ "site.tasks" | t(lang) }}``, and ``{{ L.tasks | colon(lang) }}``
gives ``Tâches :`` in French and ``Tasks:`` in English.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from functools import cache, lru_cache
from typing import Any

import markdown as markdown_lib
import nh3
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

# Numbers, money and dates are formatted in the catalogue's module, so that messages
# say them exactly as the pages do; the templates' filters are the same functions.
from pac_gen.text import colon, day, money, number, percent, plural, text, with_unit

__all__ = ["day", "environment", "markdown_html", "money", "number", "percent", "render", "with_unit"]

# What learner Markdown may produce. No images (tracking pixels, onerror), no
# raw HTML beyond these tags, no attribute that runs code.
SAFE_TAGS = frozenset({
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "del",
})
SAFE_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_HEADING = re.compile(r"<(/?)h([1-6])>")
_HEADING_LEVEL = re.compile(r"<h([1-6])>")


_EMPTY_LINK_RE = re.compile(r'<a((?: title="[^"]*")?) rel="[^"]*">')


def markdown_html(text: str | None) -> Markup:
    """Learner Markdown as sanitised HTML, ready to be inserted in a page.

    Headings are fitted under the section heading (``h2``) the field sits in:
    the learner's highest level becomes ``h3`` and each lower level the next one,
    without gaps (``##`` then ``####`` give ``h3`` then ``h4``; at most ``h6``), so
    that a screen reader's outline of the page skips no level.
    """
    if not text:
        return Markup("")
    return _markdown_html(text)


@lru_cache(maxsize=4096)
def _markdown_html(text: str) -> Markup:
    # Cached by text: a cohort repeats the same comments, and a Markdown instance
    # (its extensions, its regexes) costs more to build than most fields do to convert.
    raw = _converter().reset().convert(text)
    levels = {level: min(3 + rank, 6) for rank, level in enumerate(sorted({int(m) for m in _HEADING_LEVEL.findall(raw)}))}
    shifted = _HEADING.sub(lambda m: f"<{m.group(1)}h{levels[int(m.group(2))]}>", raw)
    clean = nh3.clean(
        shifted,
        tags=set(SAFE_TAGS),
        attributes={k: set(v) for k, v in SAFE_ATTRIBUTES.items()},
        url_schemes=set(SAFE_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # nh3 adds rel to every link, also to one whose unsafe href it removed; rel
    # without href is invalid HTML, so such a link becomes plain text.
    clean = _EMPTY_LINK_RE.sub(r"<a\1>", clean)
    return Markup(clean)  # sanitised by nh3 just above


def markdown_text(text: str | None) -> str:
    """Learner Markdown as plain text, for a CSV cell or a calendar: what the page shows, without formatting.

    The text goes through :func:`markdown_html` (the same Markdown and nh3 as the
    pages, so both read the learner the same way), then its HTML becomes text: one
    line per paragraph, heading or list item (``- `` or ``1. `` in front), table
    cells joined by `` | ``, the learner's line breaks kept, and a link kept readable as ``texte (https://…)``.
    """
    if not text or not text.strip():
        return ""
    return _markdown_text(text)


@lru_cache(maxsize=4096)
def _markdown_text(text: str) -> str:
    parser = _PlainText()
    parser.feed(str(_markdown_html(text)))
    parser.close()
    return parser.result()


class _PlainText(HTMLParser):
    """The text of the sanitised HTML of :func:`markdown_html` (only :data:`SAFE_TAGS` are left in it)."""

    BLOCKS = frozenset({"p", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "li", "tr", "table", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [0] for ul, [next number] for ol
        self.links: list[str | None] = []
        self.link_text: list[str] = []
        self.pre = 0
        self.cells = 0
        self.in_cell = False

    def _flush(self) -> None:
        line = "".join(self.line)
        if not self.pre:
            # The learner's own line breaks inside a paragraph are kept, as typed.
            # A nested list item keeps the indent its marker got.
            line = "\n".join(part[:len(part) - len(part.lstrip(" "))] + " ".join(part.split())
                             for part in line.split("\n") if part.strip())
        if line.strip():
            self.lines.append(line.rstrip())
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self._flush()
        if tag == "ul":
            self.lists.append([0])
        elif tag == "ol":
            start = dict(attrs).get("start") or "1"
            self.lists.append([int(start) if start.isdigit() else 1])
        elif tag == "li":
            marker = "- "
            if self.lists and self.lists[-1][0]:
                marker = f"{self.lists[-1][0]}. "
                self.lists[-1][0] += 1
            self.line.append("  " * max(len(self.lists) - 1, 0) + marker)
        elif tag == "tr":
            self.cells = 0
            self.in_cell = False
        elif tag in ("td", "th"):
            if self.cells:
                self.line.append(" | ")
            self.cells += 1
            self.in_cell = True
        elif tag == "br":
            self._flush()
        elif tag == "pre":
            self.pre += 1
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
            self.link_text.append("".join(self.line))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href, before = self.links.pop(), self.link_text.pop()
            label = "".join(self.line)[len(before):].strip()
            shown = href.removeprefix("mailto:") if href else None
            if href and shown != label:
                self.line.append(f" ({href.removeprefix('mailto:')})" if label else href)
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in self.BLOCKS:
            self._flush()
        if tag == "pre":
            self.pre -= 1
        if tag in ("td", "th"):
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.cells and not self.in_cell and not data.strip():
            return  # the line breaks between a table's cells
        if self.pre:
            # A code block keeps its lines: each one becomes a line of the text.
            first, *rest = data.split("\n")
            self.line.append(first)
            for part in rest:
                self._flush()
                self.line.append(part)
        else:
            self.line.append(data)

    def result(self) -> str:
        self._flush()
        return "\n".join(self.lines)


@cache
def _converter() -> markdown_lib.Markdown:
    # One converter for the process, reset before each use (builds run in one thread).
    return markdown_lib.Markdown(extensions=["sane_lists", "tables", "fenced_code"], output_format="html")


@cache
def environment() -> Environment:
    """The site's Jinja environment (built once): package templates, autoescape on."""
    env = Environment(
        loader=PackageLoader("pac_gen.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(markdown=markdown_html, money=money, number=number, percent=percent, day=day,
                       colon=colon, t=text, plural=plural, with_unit=with_unit)
    return env


def render(template: str, **context: Any) -> Markup:
    """Render one of the package's templates; the result is trusted HTML."""
    return Markup(environment().get_template(template).render(**context))  # autoescaped template
