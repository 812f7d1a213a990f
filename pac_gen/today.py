"""Which day a build or a check is about: the ``today`` option, else
``SOURCE_DATE_EPOCH``, else the clock. Two builds on the same day and plans are
byte-identical.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from pac_gen.values import ValueProblem, parse_date


def resolve_today(option: str | date | None = None) -> date:
    """The day to judge lateness and statuses on.

    Raises:
        ValueError: when ``option`` or ``SOURCE_DATE_EPOCH`` is not a date.

    """
    if isinstance(option, date):
        return option
    if option:
        try:
            return parse_date(option)
        except ValueProblem:
            raise ValueError(f"{option!r} n'est pas une date (YYYY-MM-DD)") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} n'est pas un horodatage Unix") from None
    return date.today()
