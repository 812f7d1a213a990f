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
