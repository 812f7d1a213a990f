"""``pac-gen new PATH``: start a plan by answering the method's questions (or with defaults)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pac_gen.check.problems import format_text
from pac_gen.cli.new_plan import Questions, check_text, default_answers, render_plan, schema_reference, write_new
from pac_gen.format.settings import SettingsError, resolve_today
from pac_gen.text import text


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``new`` on the ``pac-gen`` sub-command parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "new", help="commencer un plan / start a plan",
        description="Crée un plan : pose les questions de la méthode dans un terminal, "
                    "sinon (ou avec --yes) écrit un modèle complet à compléter.")
    parser.add_argument("path", type=Path, help="fichier à créer, ex. plans/camille/boutique.yaml")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--yes", "-y", action="store_true", help="ne rien demander : modèle avec valeurs par défaut")
    parser.add_argument("--today", default=None, help="date de début du plan, YYYY-MM-DD (défaut : aujourd'hui)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Write the new plan; 1 when the file exists or the questions are abandoned, 2 on a bad ``--today``."""
    lang = args.lang
    path: Path = args.path
    try:
        today = resolve_today(args.today, lang)
    except SettingsError as exc:
        print(f"pac-gen: --today: {exc}", file=sys.stderr)
        return 2
    if path.exists() or path.is_symlink():
        print(text("new.exists", lang, path=path), file=sys.stderr)
        return 1
    if args.yes or not sys.stdin.isatty():
        answers = default_answers(today, lang)
    else:
        print(text("new.intro", lang, path=path))
        try:
            answers = Questions(input, print, lang, today).answers()
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            print(text("new.aborted", lang), file=sys.stderr)
            return 1
    content = render_plan(answers, schema_reference(path, lang), lang, path.as_posix())
    checked = check_text(path, content, today, lang)
    if checked.errors:
        print(text("new.invalid", lang), file=sys.stderr)
        for problem in checked.errors:
            print(format_text(problem, lang=lang), file=sys.stderr)
        return 1
    try:
        written = write_new(path, content)
    except OSError:
        print(text("new.cannot_write", lang, path=path), file=sys.stderr)
        return 2
    if not written:
        print(text("new.exists", lang, path=path), file=sys.stderr)
        return 1
    print(text("new.written", lang, path=path))
    if checked.warnings:
        print(text("new.warnings", lang))
        for problem in checked.warnings:
            print(format_text(problem, lang=lang))
    return 0
