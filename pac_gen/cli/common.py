"""The options every command that checks plans shares: language, today, time zone
and working-day length, and the :class:`~pac_gen.format.settings.Settings` they make.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pac_gen.format.settings import Settings, SettingsError
from pac_gen.text import LANGUAGES, MESSAGES, plural, text

_LANG: ContextVar[str] = ContextVar("pac_gen_cli_lang", default="fr")


def requested_lang(argv: Sequence[str]) -> str:
    """The language ``--lang`` asks for (``--lang en``, ``--lang=en``), French by default.

    Read before argparse runs, so that its usage, help and errors are already in that language.
    """
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    return "fr"


def cli_text(key: str, **args: Any) -> str:
    """The text ``key`` in the language of the command line being parsed (help texts)."""
    return text(key, _LANG.get(), **args)


def _argparse_text(msgid: str) -> str:
    entry = MESSAGES.get(f"argparse.{msgid}")
    return entry[_LANG.get()] if entry else msgid  # a programmer's error (bad parser set-up) stays English


def _argparse_plural(singular: str, plural_form: str, n: int) -> str:
    if f"argparse.{singular}" not in MESSAGES:
        return singular if n == 1 else plural_form
    return plural(f"argparse.{singular}", n, _LANG.get())


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Say argparse's own words (``usage:``, ``invalid choice``…) and our help texts in ``lang``, meanwhile.

    argparse looks its messages up through the module's gettext functions, ``_``
    and ``ngettext``, at the moment it says them: they are pointed at the catalogue
    while the command line is built and parsed, then given back.
    """
    token = _LANG.set(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _argparse_text, _argparse_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
        _LANG.reset(token)


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--lang``, ``--today``, ``--timezone`` and ``--working-day-hours`` to a command."""
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help=cli_text("cli.help.lang"))
    parser.add_argument("--today", type=str, default=None, metavar=cli_text("cli.help.date_metavar"),
                        help=cli_text("cli.help.today"))
    parser.add_argument("--timezone", default="Europe/Paris", metavar=cli_text("cli.help.zone_metavar"),
                        help=cli_text("cli.help.timezone"))
    parser.add_argument("--working-day-hours", type=float, default=7, metavar=cli_text("cli.help.hours_metavar"),
                        help=cli_text("cli.help.working_day_hours"))


def settings_from(args: argparse.Namespace) -> Settings | None:
    """The settings the options ask for, or None after saying on stderr what is wrong (exit 2)."""
    try:
        return Settings.parse(today=args.today, lang=args.lang, timezone=args.timezone,
                              working_day_hours=args.working_day_hours)
    except SettingsError as exc:
        print(f"pac-gen: --{exc.option.replace('_', '-')}: {exc}", file=sys.stderr)
        return None
