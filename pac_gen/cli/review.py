"""``pac-gen review BASE [HEAD]``: what a change did to the plans, for the trainer."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pac_gen.check.validate import CheckedPlan, Refusal, check_bytes, refusal_problem
from pac_gen.cli.common import add_settings_arguments, cli_text, settings_from
from pac_gen.format.settings import Settings
from pac_gen.review import RevisionError, plan_files_at, review, to_json, to_markdown
from pac_gen.review.report import WORKING_TREE


def add_parser(subparsers: Any) -> None:
    """Declare the ``review`` command and its options."""
    parser = subparsers.add_parser(
        "review", help=cli_text("cli.help.review"), description=cli_text("cli.help.review.description"),
        epilog=cli_text("cli.review.exit_codes"),
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the exit codes, one a line
    )
    parser.add_argument("base", help=cli_text("cli.help.base"))
    parser.add_argument("head", nargs="?", default=None, help=cli_text("cli.help.head"))
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help=cli_text("cli.help.review_format", working_tree=WORKING_TREE))
    parser.add_argument("--plans-dir", default="plans", help=cli_text("cli.help.review_plans_dir"))
    add_settings_arguments(parser)


def _check_all(files: dict[str, bytes | Refusal], settings: Settings) -> dict[str, CheckedPlan]:
    return {path: CheckedPlan(path, None, [refusal_problem(data, settings.lang, path)]) if isinstance(data, Refusal)
            else check_bytes(path, data, settings) for path, data in files.items()}


def run(args: argparse.Namespace) -> int:
    """Print the review; exit 1 when the change introduces an error, 2 on a usage error, else 0.

    Errors already there before the change do not count: the trainer's check fails
    on what the pull request breaks, and the report is printed in every case.
    """
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
                    base_label=args.base, head_label=args.head)
    output = to_json(report) if args.format == "json" else to_markdown(report, args.lang)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 1 if report.errors_introduced else 0
