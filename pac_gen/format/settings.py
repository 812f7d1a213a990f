"""What a check needs to know besides the file: today, the language, the time zone
and the working day's length, parsed once for the CLI and the plugin alike.

:meth:`Settings.parse` is the one place the options are validated; it raises
:class:`SettingsError` naming the option, with a message in the chosen language,
which the command line prints as ``pac-gen: --timezone: …`` and the plugin raises
as ``pac_gen: timezone: …``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pac_gen.format.values import ValueProblem, parse_date
from pac_gen.text import LANGUAGES, quote, text


class SettingsError(ValueError):
    """An option that cannot be used; ``option`` is its name (``today``, ``timezone``…)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class Settings:
    """What a check needs to know besides the file: the site's choices and today.

    Attributes:
        today: The day lateness and statuses are judged on.
        lang: ``fr`` or ``en`` for messages.
        timezone: IANA zone of the rituals' local times.
        working_day_hours: Length of a working day, for ``1 jour`` durations.

    """

    today: date
    lang: str = "fr"
    timezone: str = "Europe/Paris"
    working_day_hours: float = 7

    def __post_init__(self) -> None:
        # A NaN or negative day would give negative ICS durations, a huge one an overflow.
        if not 0 < self.working_day_hours <= 24:
            raise SettingsError("working_day_hours", text("settings.working_day_hours", self.lang))

    @classmethod
    def parse(cls, *, today: str | date | None = None, lang: str = "fr", timezone: str = "Europe/Paris",
              working_day_hours: float = 7) -> Settings:
        """The settings the options ask for.

        Raises:
            SettingsError: naming the first option that cannot be used, in ``lang``.

        """
        lang = lang if lang in LANGUAGES else "fr"
        day = resolve_today(today, lang)
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise SettingsError("timezone", text("settings.timezone", lang, value=quote(timezone, lang))) from None
        return cls(today=day, lang=lang, timezone=timezone, working_day_hours=float(working_day_hours))

    @property
    def zone(self) -> ZoneInfo:
        """The site's time zone."""
        return ZoneInfo(self.timezone)


def resolve_today(option: str | date | None = None, lang: str = "fr") -> date:
    """The day to judge lateness and statuses on: ``option``, else ``SOURCE_DATE_EPOCH``, else the clock.

    Two builds on the same day and plans are then byte-identical.

    Raises:
        SettingsError: when ``option`` or ``SOURCE_DATE_EPOCH`` is not a date.

    """
    if isinstance(option, date):
        return option
    if option:
        try:
            return parse_date(option)
        except ValueProblem:
            raise SettingsError("today", text("settings.today", lang, value=quote(option, lang))) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            raise SettingsError("today", text("settings.epoch", lang, value=quote(epoch, lang))) from None
    return date.today()
