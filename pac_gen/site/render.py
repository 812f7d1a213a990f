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
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

import markdown as markdown_lib
import nh3
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from pac_gen.text import colon, text

# What learner Markdown may produce. No images (tracking pixels, onerror), no
# raw HTML beyond these tags, no attribute that runs code.
SAFE_TAGS = frozenset({
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "del",
})
SAFE_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_HEADING = re.compile(r"<(/?)h([1-6])>")


_EMPTY_LINK_RE = re.compile(r'<a((?: title="[^"]*")?) rel="[^"]*">')


def markdown_html(text: str | None) -> Markup:
    """Learner Markdown as sanitised HTML, ready to be inserted in a page.

    Headings are moved two levels down (``#`` becomes ``h3``) because the
    field sits under a section heading of the page.
    """
    if not text:
        return Markup("")
    return _markdown_html(text)


@lru_cache(maxsize=4096)
def _markdown_html(text: str) -> Markup:
    # Cached by text: a cohort repeats the same comments, and a Markdown instance
    # (its extensions, its regexes) costs more to build than most fields do to convert.
    raw = _converter().reset().convert(text)
    shifted = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 2, 6)}>", raw)
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


def money(value: Decimal | float | None, currency: str = "EUR", lang: str = "fr") -> str:
    """An amount in the site language: ``15 000 €``, or ``12,50 €`` when it has cents."""
    if value is None:
        return ""
    return _money(str(value), currency, lang)


# babel parses the locale, and often the pattern, on every call, and a site says the
# same amounts, numbers and days thousands of times: each is formatted once. The
# caches are keyed by the value's text so that ``1.5`` and ``1.50`` stay apart.
@lru_cache(maxsize=8192)
def _money(amount_text: str, currency: str, lang: str) -> str:
    amount = Decimal(amount_text)
    locale = _locale(lang)
    if amount == amount.to_integral_value():
        return format_currency(amount, currency, format=_whole_pattern(lang), locale=locale, currency_digits=False)
    return format_currency(amount, currency, locale=locale)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache
def _whole_pattern(lang: str) -> str:
    # The locale's own currency pattern without its cents (whole amounts read better).
    pattern = _locale(lang).currency_formats["standard"].pattern
    return pattern.replace(".00", "")


def number(value: float | int | Decimal | None, lang: str = "fr") -> str:
    """A number in the site language (``1 390``, ``12,5``); whole floats lose their ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _number(value, str(value), lang)


@lru_cache(maxsize=8192, typed=True)
def _number(value: float | int | Decimal, text: str, lang: str) -> str:
    return format_decimal(value, locale=_locale(lang))


def percent(value: float | None, lang: str = "fr") -> str:
    """A share as a percentage: ``0.456`` → ``46 %``."""
    if value is None:
        return ""
    return format_percent(value, locale=_locale(lang))


def day(value: date | None, lang: str = "fr", style: str = "long") -> str:
    """A date: ``10 juin 2023`` (``long``), ``27 nov. 2026`` (``medium``) or ``10/06/2023`` (``short``)."""
    if value is None:
        return ""
    return _format_date(value, style, lang)


@lru_cache(maxsize=8192)
def _format_date(value: date, style: str, lang: str) -> str:
    return format_date(value, format=style, locale=_locale(lang))


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
                       colon=colon, t=text)
    return env


def render(template: str, **context: Any) -> Markup:
    """Render one of the package's templates; the result is trusted HTML."""
    return Markup(environment().get_template(template).render(**context))  # autoescaped template
