"""``pac-gen review BASE [HEAD]``: what a change did to the plans, for the trainer."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pac_gen.check.validate import CheckedPlan, Refusal, check_bytes, refusal_problem
from pac_gen.cli.common import add_settings_arguments, cli_text, settings_from
from pac_gen.format.settings import Settings
from pac_gen.review import RevisionError, plan_files_at, review, to_json, to_markdown


def add_parser(subparsers: Any) -> None:
    """Declare the ``review`` command and its options."""
    parser = subparsers.add_parser(
        "review", help=cli_text("cli.help.review"), description=cli_text("cli.help.review.description"))
    parser.add_argument("base", help=cli_text("cli.help.base"))
    parser.add_argument("head", nargs="?", default=None, help=cli_text("cli.help.head"))
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument("--plans-dir", default="plans", help=cli_text("cli.help.review_plans_dir"))
    add_settings_arguments(parser)


def _check_all(files: dict[str, bytes | Refusal], settings: Settings) -> dict[str, CheckedPlan]:
    return {path: CheckedPlan(path, None, [refusal_problem(data, settings.lang, path)]) if isinstance(data, Refusal)
            else check_bytes(path, data, settings) for path, data in files.items()}


def run(args: argparse.Namespace) -> int:
    """Print the review; 0 even when plans have errors (it is a report), 2 on a usage error."""
    settings = settings_from(args)
    if settings is None:
        return 2
    try:
        base = plan_files_at(args.base, args.plans_dir, lang=args.lang)
        head = plan_files_at(args.head, args.plans_dir, lang=args.lang)
    except RevisionError as exc:
        print(f"pac-gen review: {exc}", file=sys.stderr)
        return 2
    report = review(_check_all(base, settings), _check_all(head, settings), settings,
                    base_label=args.base, head_label=args.head or "")
    output = to_json(report) if args.format == "json" else to_markdown(report, args.lang)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
