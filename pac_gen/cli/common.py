"""The options every command that checks plans shares: language, today, time zone
and working-day length, and the :class:`~pac_gen.format.settings.Settings` they make.
"""

from __future__ import annotations

import argparse
import sys

from pac_gen.format.settings import Settings, SettingsError


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang``, ``--today``, ``--timezone`` and ``--working-day-hours`` to a command."""
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue des messages")
    parser.add_argument("--today", type=str, default=None, help="« aujourd'hui », YYYY-MM-DD")
    parser.add_argument("--timezone", default="Europe/Paris", help="fuseau horaire des rituels")
    parser.add_argument("--working-day-hours", type=float, default=7, help="heures d'une journée de travail")


def settings_from(args: argparse.Namespace) -> Settings | None:
    """The settings the options ask for, or None after saying on stderr what is wrong (exit 2)."""
    try:
        return Settings.parse(today=args.today, lang=args.lang, timezone=args.timezone,
                              working_day_hours=args.working_day_hours)
    except SettingsError as exc:
        print(f"pac-gen: --{exc.option.replace('_', '-')}: {exc}", file=sys.stderr)
        return None
