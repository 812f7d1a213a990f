"""Parsers for the small value languages of the format: dates, durations, spans,
money, times of day, slugs, booleans and enumerations.

Each parser takes what YAML gave (text or a number) and returns a typed value, or
raises :class:`ValueProblem` with a message code the validator turns into a
located, translated problem.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any


class ValueProblem(ValueError):
    """A value that does not parse; ``code`` and ``args`` pick the message."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The one accent folding: lower case, accents removed (``Échéance`` → ``echeance``).

    Keys, list words, durations, ids and HTML ids are all compared or made from this.
    NFKD would turn ½ into 1⁄2 (with a fraction slash): it is spelled ``1/2`` first.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("½", "1/2"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_word(text: str) -> str:
    """A key or list word as compared: folded, spaces, hyphens and apostrophes turned into ``_``.

    ``Date limite``, ``date-limite`` and ``date_limite`` all give ``date_limite``;
    ``échéance`` gives ``echeance``.
    """
    return re.sub(r"[\s\-'’]+", "_", fold(text.strip()))


def slug_words(text: str) -> str:
    """Folded text with every run of other characters turned into one ``-``: ``Été 2026`` → ``ete-2026``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def slugify(text: str) -> str:
    """The id a title gets when it has none: ``Boutique en ligne`` → ``boutique-en-ligne``."""
    return slug_words(text)[:80] or "sans-titre"


SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def parse_slug(value: Any) -> str:
    """An explicit id: lower-case letters, digits and single hyphens."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not SLUG_RE.match(text) or len(text) > 80:
        raise ValueProblem("E113", suggestion=slugify(str(value)))
    return text


# What a plan can hold. Beyond these, dates, amounts and lengths are typing
# mistakes, and Python's date and decimal arithmetic would fail on them later
# (in a calendar, a chart or a feed), far from the line to fix.
FIRST_YEAR, LAST_YEAR = 1900, 2200
MAX_NUMBER = 10**15
MAX_DAYS = 3653  # ten years: the longest a duration or a ritual's span may be

_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_FR_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")


def parse_date(value: Any) -> date:
    """``2023-06-15`` or ``15/06/2023``; an impossible day is refused."""
    if isinstance(value, date):
        return _within_years(value, value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:  # the common case, parsed in C (ASCII digits only)
                return _within_years(date.fromisoformat(text), value)
            except ValueError:
                pass  # an impossible day or not digits: the slow path below says which
        if match := _ISO_RE.match(text):
            year, month, day = (int(g) for g in match.groups())
        elif match := _FR_RE.match(text):
            day, month, year = (int(g) for g in match.groups())
        else:
            raise ValueProblem("E106", value=value)
        try:
            found = date(year, month, day)
        except ValueError:
            raise ValueProblem("E106b", value=value) from None
        return _within_years(found, value)
    raise ValueProblem("E106", value=value)


def _within_years(day: date, value: Any) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueProblem("E119", value=value, first=FIRST_YEAR, last=LAST_YEAR)
    return day


_TIME_RE = re.compile(r"([01]?\d|2[0-3])[:hH]([0-5]\d)\Z")


def parse_time(value: Any) -> time:
    """``HH:MM`` (``9:30`` and ``9h30`` are accepted too)."""
    if isinstance(value, str):
        return _time_text(value)
    raise ValueProblem("E111", value=value)


@lru_cache(maxsize=1024)  # an ideal week says "08:30" and "12:00" many times
def _time_text(value: str) -> time:
    if match := _TIME_RE.match(value.strip()):
        return time(int(match.group(1)), int(match.group(2)))
    raise ValueProblem("E111", value=value)


@dataclass(frozen=True, slots=True)
class Duration:
    """An effort or a length of time: hours and minutes, or working days.

    Days and weeks are kept apart from hours because how long a working day is
    depends on the site (``working_day_hours``, 7 by default).
    """

    minutes: int = 0
    working_days: Decimal = Decimal(0)
    text: str = ""

    def hours(self, working_day_hours: float = 7) -> float:
        """Total length in hours for a given working-day length."""
        return self.minutes / 60 + float(self.working_days) * working_day_hours

    def __str__(self) -> str:
        return self.text


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_HALF_DAY_RE = re.compile(r"(1/2|demi|half)[\s_\-]*(journee|jour|j|day)\Z")
_HOURS_RE = re.compile(rf"{_NUMBER}\s*(h|heures?|hours?|hrs?)\s*(\d{{1,2}})?\s*(min|mn|minutes?)?\Z")
_MINUTES_RE = re.compile(rf"{_NUMBER}\s*(min|mn|minutes?)\Z")
_DAYS_RE = re.compile(rf"{_NUMBER}\s*(j|jours?|journees?|d|days?)\Z")
_WEEKS_RE = re.compile(rf"{_NUMBER}\s*(sem|semaines?|w|weeks?)\Z")


_LONGEST_COUNT = 7
"""Integer digits past which a count of minutes, days or weeks is longer than ten years
whatever its unit: refused before any arithmetic, which is quadratic on a 900,000-digit
number (26 s for one ``duree``)."""


def _number(text: str) -> Decimal:
    if len(re.split(r"[.,]", text, maxsplit=1)[0].lstrip("0")) > _LONGEST_COUNT:
        raise ValueProblem("E121")
    return Decimal(text.replace(",", "."))


def parse_duration(value: Any) -> Duration:
    """``2h``, ``1h30``, ``30 min``, ``½ journée``, ``1 jour``, ``0.5 j``, ``1 semaine``…"""
    if isinstance(value, Duration):
        return value
    if isinstance(value, str):
        return _duration_text(value)
    raise ValueProblem("E107", value=value)


# Plans repeat a handful of durations ("1h", "2h", "30 min"…) hundreds of times:
# the parsed value is immutable, so each text is parsed once.
@lru_cache(maxsize=1024)
def _duration_text(value: str) -> Duration:
    if not value.strip():
        raise ValueProblem("E107", value=value)
    text = fold(value.strip())
    if _HALF_DAY_RE.match(text.replace("-", " ")) or text in ("demi-journee", "demi journee"):
        return Duration(working_days=Decimal("0.5"), text=value.strip())
    if match := _HOURS_RE.match(text):
        hours = _number(match.group(1))
        minutes = int(match.group(3) or 0)
        if minutes >= 60:
            raise ValueProblem("E107", value=value)
        return _short_enough(Duration(minutes=int(hours * 60) + minutes, text=value.strip()))
    if match := _MINUTES_RE.match(text):
        return _short_enough(Duration(minutes=int(_number(match.group(1))), text=value.strip()))
    if match := _DAYS_RE.match(text):
        return _short_enough(Duration(working_days=_number(match.group(1)), text=value.strip()))
    if match := _WEEKS_RE.match(text):
        return _short_enough(Duration(working_days=_number(match.group(1)) * 5, text=value.strip()))
    raise ValueProblem("E107", value=value)


def _short_enough(duration: Duration) -> Duration:
    if duration.minutes > MAX_DAYS * 24 * 60 or duration.working_days > MAX_DAYS:
        raise ValueProblem("E121")
    return duration


class SpanUnit(StrEnum):
    """Units a ritual's span may be given in."""

    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


@dataclass(frozen=True, slots=True)
class Span:
    """How long a ritual runs, counted from its start: ``3 mois``, ``8 semaines``."""

    count: int
    unit: SpanUnit
    text: str = ""

    def __str__(self) -> str:
        return self.text


_SPAN_UNITS = {
    "jour": SpanUnit.DAYS, "jours": SpanUnit.DAYS, "j": SpanUnit.DAYS,
    "day": SpanUnit.DAYS, "days": SpanUnit.DAYS,
    "semaine": SpanUnit.WEEKS, "semaines": SpanUnit.WEEKS, "sem": SpanUnit.WEEKS,
    "week": SpanUnit.WEEKS, "weeks": SpanUnit.WEEKS,
    "mois": SpanUnit.MONTHS, "month": SpanUnit.MONTHS, "months": SpanUnit.MONTHS,
    "an": SpanUnit.YEARS, "ans": SpanUnit.YEARS, "annee": SpanUnit.YEARS,
    "annees": SpanUnit.YEARS, "year": SpanUnit.YEARS, "years": SpanUnit.YEARS,
}
_SPAN_RE = re.compile(r"(\d+)\s*([a-z]+)\Z")


def parse_span(value: Any) -> Span:
    """``3 mois``, ``8 semaines``, ``10 jours`` (``3 months``, ``8 weeks``, ``10 days``)."""
    if isinstance(value, Span):
        return value
    if isinstance(value, str) and (match := _SPAN_RE.match(fold(value.strip()))):
        unit = _SPAN_UNITS.get(match.group(2))
        if unit is not None and len(match.group(1).lstrip("0")) > _LONGEST_COUNT:
            raise ValueProblem("E121")
        count = int(match.group(1))
        if unit is not None and count > 0:
            if count * _SPAN_DAYS[unit] > MAX_DAYS:
                raise ValueProblem("E121")
            return Span(count, unit, value.strip())
    raise ValueProblem("E108", value=value)


_SPAN_DAYS = {SpanUnit.DAYS: 1, SpanUnit.WEEKS: 7, SpanUnit.MONTHS: 30, SpanUnit.YEARS: 365}


_MONEY_RE = re.compile(r"[\d\s\u00a0\u202f]+(?:[.,]\d{1,2})?\Z")


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clipped to the month's end (31 Jan + 1 → 28 Feb).

    The same result as dateutil's ``relativedelta(months=n)``, without its cost
    (this runs for every ritual of every plan).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, monthrange(year, month + 1)[1]))


def parse_money(value: Any) -> Decimal:
    """A non-negative amount: a number, or text such as ``1 500`` or ``1500,50 €``."""
    if type(value) is int and value >= 0:  # the common case, first
        return Decimal(value)
    if isinstance(value, bool):
        raise ValueProblem("E110", value=value)
    if isinstance(value, int | float):
        amount = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip().rstrip("€$£").strip()
        if not _MONEY_RE.match(text):
            raise ValueProblem("E110", value=value)
        text = re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueProblem("E110", value=value) from None
    else:
        raise ValueProblem("E110", value=value)
    if amount.is_nan() or amount < 0:
        raise ValueProblem("E110", value=value)
    if amount > MAX_NUMBER:  # infinity too
        raise ValueProblem("E120")
    return amount


def parse_number(value: Any) -> float:
    """A number; a French decimal comma (``12,5``) is accepted."""
    if type(value) is int:  # the common case, first
        return float(value)
    if isinstance(value, bool):
        raise ValueProblem("E114", value=value)
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", ".").replace("\u202f", "").replace(" ", ""))
        except ValueError:
            raise ValueProblem("E114", value=value) from None
    else:
        raise ValueProblem("E114", value=value)
    if number != number:
        raise ValueProblem("E114", value=value)
    if abs(number) > MAX_NUMBER:  # infinity too: 1e400 is read as infinite
        raise ValueProblem("E120")
    return number


_TRUE_WORDS = frozenset(("oui", "yes", "true", "vrai", "o", "y"))
_FALSE_WORDS = frozenset(("non", "no", "false", "faux", "n"))


def parse_bool(value: Any) -> bool:
    """``oui``/``non``, ``yes``/``no``, ``true``/``false``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = normalize_word(value)
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    raise ValueProblem("E115", value=value)


class Choice(StrEnum):
    """An enumeration whose members are French words with an English alias.

    Subclasses define members as ``NAME = "french"`` and an ``_english`` mapping
    from member value to its English alias (see :meth:`english`).
    """

    @classmethod
    def english_aliases(cls) -> dict[str, str]:
        """French value → English alias."""
        return {}

    @classmethod
    def parse(cls, value: Any) -> Choice:
        """Match a value after normalisation, in French or in English."""
        table = _choice_table(cls)
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            word = normalize_word(value)
            member = table.get(word)
            if member is not None:
                return member
            close = difflib.get_close_matches(word, list(table), n=1, cutoff=0.6)
            if close:  # "prospectoin": say which word was probably meant
                raise ValueProblem("E105", value=value, allowed=cls.allowed_text(), suggestion=close[0])  # in the language it was written in
        raise ValueProblem("E105", value=value, allowed=cls.allowed_text())

    @classmethod
    def allowed_text(cls) -> str:
        """The allowed values for messages: ``prospection (prospecting), …``."""
        aliases = cls.english_aliases()
        return ", ".join(
            f"{m.value} ({aliases[m.value]})" if aliases.get(m.value, m.value) != m.value else m.value
            for m in cls
        )

    @classmethod
    def accepted_words(cls) -> list[str]:
        """Every canonical word and alias, for the JSON schema."""
        aliases = cls.english_aliases()
        words: list[str] = []
        for m in cls:
            words.append(m.value)
            if aliases.get(m.value, m.value) != m.value:
                words.append(aliases[m.value])
        return words


@cache
def _choice_table(cls: type[Choice]) -> dict[str, Choice]:
    table: dict[str, Choice] = {}
    for member in cls:
        table[normalize_word(member.value)] = member
        table[normalize_word(cls.english_aliases().get(member.value, member.value))] = member
    return table


# ---------------------------------------------------------------------------
# The same rules as regular expressions, for the JSON schema (ECMA-262, as editors
# run them): every spelling normalize_word maps to a word, and the dates parse_date
# accepts. Kept here, beside the functions they must agree with.

def _escape_char(char: str) -> str:
    return char if char.isalnum() else f"\\u{ord(char):04x}"


def _char_class(chars: list[str]) -> str:
    """``chars`` as a regex class of ranges, every non-alphanumeric one escaped."""
    codes = sorted({ord(c) for c in chars})
    parts, start = [], 0
    while start < len(codes):
        end = start
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        first, last = chr(codes[start]), chr(codes[end])
        parts.append(_escape_char(first) if start == end else f"{_escape_char(first)}-{_escape_char(last)}")
        start = end + 1
    return "[" + "".join(parts) + "]"


# The letters a schema recognises: ASCII and the precomposed Latin letters (French,
# and what a keyboard's dead keys give), each case; combining accents after them.
_LATIN = [chr(c) for c in (*range(0x20, 0x7F), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
_COMBINING = "[\\u0300-\\u036f]*"
_WHITESPACE = [chr(c) for c in range(0x3001) if chr(c).isspace()]
WHITESPACE_CLASS = _char_class(_WHITESPACE)
_SEPARATORS = _char_class([*_WHITESPACE, "-", "'", "’"])


@cache
def _letter_classes() -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for char in _LATIN:
        decomposed = unicodedata.normalize("NFKD", char.lower())
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) == 1 and (base.isascii() and base.isalnum()):
            found.setdefault(base, []).append(char)
    return {base: _char_class(chars) for base, chars in found.items()}


def spelling_pattern(*words: str) -> str:
    """A regex matching what :func:`normalize_word` turns into one of ``words`` (themselves normalised).

    Any case, accents (precomposed Latin letters or combining marks), and a run of
    spaces, hyphens or apostrophes where the word has ``_``: ``Date limite``,
    ``date-limite`` and ``DATE_LIMITE`` all match ``date_limite``. Letters outside the
    Latin blocks that NFKD would fold too (fullwidth, mathematical) are not listed:
    the pattern would grow tenfold for spellings nobody types.
    """
    classes = _letter_classes()
    alternatives = []
    for word in dict.fromkeys(words):
        units = [f"(?:_|{_SEPARATORS}+)" if char == "_" else classes.get(char, re.escape(char)) for char in word]
        alternatives.append(_COMBINING + "".join(unit + _COMBINING for unit in units))
    return f"^{WHITESPACE_CLASS}*(?:{'|'.join(alternatives)}){WHITESPACE_CLASS}*$"


def _date_pattern() -> str:
    # Days that exist, in years FIRST_YEAR..LAST_YEAR (1900..2200), ISO or French order.
    assert (FIRST_YEAR, LAST_YEAR) == (1900, 2200)
    day28, months = "0?[1-9]|1[0-9]|2[0-8]", "0?[1-9]|1[0-2]"
    months30, months31 = "0?[13-9]|1[0-2]", "0?[13578]|1[02]"
    year = "19[0-9][0-9]|20[0-9][0-9]|21[0-9][0-9]|2200"
    leap_end = "[2468][048]|[13579][26]"
    leap = f"19(?:0[48]|{leap_end})|20(?:[02468][048]|[13579][26])|21(?:0[48]|{leap_end})"
    iso = (f"(?:{year})-(?:(?:{months})-(?:{day28})|(?:{months30})-(?:29|30)|(?:{months31})-31)"
           f"|(?:{leap})-0?2-29")
    french = (f"(?:(?:{day28})/(?:{months})|(?:29|30)/(?:{months30})|31/(?:{months31}))/(?:{year})"
              f"|29/0?2/(?:{leap})")
    return f"^{WHITESPACE_CLASS}*(?:{iso}|{french}){WHITESPACE_CLASS}*$"


#: The dates :func:`parse_date` accepts, impossible days and years out of range excluded.
DATE_PATTERN = _date_pattern()
#: The times :func:`parse_time` accepts.
TIME_PATTERN = f"^{WHITESPACE_CLASS}*(?:[01]?[0-9]|2[0-3])[:hH][0-5][0-9]{WHITESPACE_CLASS}*$"
#: Text :func:`parse_money` accepts (a number is accepted as such).
MONEY_PATTERN = (f"^{WHITESPACE_CLASS}*[0-9\\s\\u00a0\\u202f]*[0-9](?:[.,][0-9]{{1,2}})?"
                 f"{WHITESPACE_CLASS}*[€$£]*{WHITESPACE_CLASS}*$")
#: Text :func:`parse_number` accepts: a French decimal comma, spaces between thousands.
NUMBER_PATTERN = (f"^{WHITESPACE_CLASS}*[+-]?(?:[0-9][0-9 _\\u202f]*(?:[.,][0-9_]*)?|[.,][0-9][0-9_]*)"
                  f"(?:[eE][+-]?[0-9]+)?{WHITESPACE_CLASS}*$")
#: Text :func:`parse_bool` accepts.
BOOL_PATTERN = spelling_pattern(*sorted(_TRUE_WORDS | _FALSE_WORDS))
