"""``pac-gen new PATH``: start a plan by answering the method's questions (or with defaults)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from pac_gen.check.problems import format_text
from pac_gen.check.validate import PLAN_SUFFIXES, path_refusal, refusal_problem
from pac_gen.cli.common import cli_text
from pac_gen.cli.new_plan import Questions, check_text, default_answers, render_plan, schema_reference, write_new
from pac_gen.format.settings import SettingsError, resolve_today
from pac_gen.text import text


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``new`` on the ``pac-gen`` sub-command parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "new", help=cli_text("cli.help.new"), description=cli_text("cli.help.new.description"))
    parser.add_argument("path", type=Path, metavar=cli_text("cli.help.path_metavar"), help=cli_text("cli.help.new_path"))
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help=cli_text("cli.help.lang"))
    parser.add_argument("--yes", "-y", action="store_true", help=cli_text("cli.help.new_yes"))
    parser.add_argument("--today", default=None, metavar=cli_text("cli.help.date_metavar"),
                        help=cli_text("cli.help.new_today"))
    return parser


def line_reader(stream: TextIO, out: TextIO) -> Callable[[str], str]:
    """Read answers one line at a time from a pipe or a file, showing each question and its answer.

    ``input()`` would do on a terminal; on a pipe the answer is not echoed, so the
    transcript would show questions without answers. EOFError when the lines run out.
    """
    def ask(prompt: str) -> str:
        out.write(prompt)
        line = stream.readline()
        if not line:
            out.write("\n")
            raise EOFError
        answer = line.rstrip("\r\n")
        out.write(answer + "\n")
        return answer

    return ask


def run(args: argparse.Namespace) -> int:
    """Write the new plan; 1 when the file exists or the answers stop early, 2 on a bad ``--today``."""
    lang = args.lang
    path: Path = args.path
    try:
        today = resolve_today(args.today, lang)
    except SettingsError as exc:
        print(f"pac-gen: --today: {exc}", file=sys.stderr)
        return 2
    # Refused before any question: validate and the site would skip or refuse such a plan.
    if path.suffix.lower() not in PLAN_SUFFIXES:
        print(text("new.not_a_plan_name", lang, path=path), file=sys.stderr)
        return 2
    refusal = path_refusal(path, path.as_posix())
    if refusal is not None:
        print(format_text(refusal_problem(refusal, lang), lang=lang), file=sys.stderr)
        return 2
    if path.exists() or path.is_symlink():
        print(text("new.exists", lang, path=path), file=sys.stderr)
        return 1
    if args.yes:
        answers = default_answers(today, lang)
    else:
        print(text("new.intro", lang, path=path))
        ask = input if sys.stdin.isatty() else line_reader(sys.stdin, sys.stdout)
        questions = Questions(ask, print, lang, today)
        try:
            answers = questions.answers()
        except KeyboardInterrupt:
            print(file=sys.stderr)
            print(text("new.aborted", lang), file=sys.stderr)
            return 1
        except EOFError:
            sys.stdout.flush()
            print(text("new.ran_out", lang, question=questions.question, path=path), file=sys.stderr)
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
    print()
    print(text("new.written", lang, path=path))
    report(checked.warnings, content, lang)
    print(text("new.next", lang, path=path))
    return 0


def report(warnings: list[Any], content: str, lang: str) -> None:
    """Say what is still example content (W1207, line by line), then the method's other questions."""
    lines = content.splitlines()
    kept = [p for p in warnings if p.code == "W1207"]
    if kept:
        print(text("new.examples_left", lang))
        for problem in kept:
            print(text("new.example_line", lang, line=problem.line, value=lines[problem.line - 1].strip().removeprefix("- ")))
    else:
        print(text("new.no_examples", lang))
    others = [p for p in warnings if p.code != "W1207"]
    if others:
        print(text("new.warnings", lang))
        for problem in others:
            print(format_text(problem, lang=lang))
