"""The ``pac-gen`` command line: validate, schema, new, review, export, build, serve."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pac_gen import __version__
from pac_gen.check.problems import Problem, render
from pac_gen.check.validate import Refusal, check_file, find_plan_files, refusal_problem
from pac_gen.cli.common import add_settings_arguments, settings_from
from pac_gen.text import text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pac-gen", description="Plans d'action commerciaux en YAML.")
    parser.add_argument("--version", action="version", version=f"pac-gen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="valider des plans / validate plans")
    validate.add_argument("paths", nargs="*", type=Path, help="fichiers ou dossiers (par défaut : plans/)")
    validate.add_argument("--strict", action="store_true", help="les avertissements font échouer")
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")
    validate.add_argument(
        "--changed-since", metavar="REV", default=None,
        help="avec --format github : n'annoter que les plans changés depuis REV (ex. origin/main), et "
             "n'échouer que sur leurs erreurs ; tous les plans sont validés, et tous les problèmes vont dans le résumé")
    add_settings_arguments(validate)

    schema = commands.add_parser("schema", help="JSON Schema du format / JSON Schema of the format")
    schema.add_argument("--lang", choices=("fr", "en"), default="fr")
    return parser


def _validate(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if settings is None:
        return 2
    paths = args.paths or [Path("plans")]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"pac-gen: {path}: {text('cli.not_found', args.lang)}", file=sys.stderr)
        return 2
    problems = []
    count = 0
    refused: list[Refusal] = []
    for file in find_plan_files(paths, refused):
        count += 1
        problems.extend(check_file(file, settings).problems)
    problems.extend(refusal_problem(refusal, args.lang) for refusal in refused)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    total = text("cli.summary", args.lang, count=count, errors=errors, warnings=warnings)
    if args.format == "github":
        annotated = _github(problems, total, args)
        if annotated is None:
            return 2
        if args.changed_since is not None:
            # A pull request fails on its own plans only: another learner's plan already on
            # the base branch is left out of the published site, and named in the summary.
            errors = sum(p.is_error for p in annotated)
            warnings = len(annotated) - errors
    else:
        output = render(problems, args.format)
        if output:
            print(output)
        if args.format == "text":
            print(total, file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _github(problems: list[Problem], total: str, args: argparse.Namespace) -> list[Problem] | None:
    """Annotations (only the changed plans' with ``--changed-since``), the total, and the job summary.

    GitHub shows at most 10 error and 10 warning annotations per step: the ones it
    shows must be about the plans the pull request changed, and the whole list goes
    to the run's summary page (``$GITHUB_STEP_SUMMARY``) when GitHub gives one, the
    changed plans' problems first. Returns the annotated problems, or None after a
    usage error (an unknown revision), said on stderr.
    """
    annotated = problems
    if args.changed_since is not None:
        from pac_gen.review import RevisionError, changed_plan_files

        try:
            changed = changed_plan_files(args.changed_since, lang=args.lang)
        except RevisionError as exc:
            print(f"pac-gen validate: {exc}", file=sys.stderr)
            return None
        annotated = [p for p in problems if Path(p.path).resolve() in changed]
    output = render(annotated, "github")
    if output:
        print(output)
    if len(annotated) == len(problems):
        print(total)
    else:
        print(text("cli.github.total", args.lang, total=total, annotated=len(annotated)))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        from pac_gen.review import github_summary

        try:
            with open(summary, "a", encoding="utf-8") as stream:
                stream.write(github_summary(problems, total, args.lang,
                                            annotated if args.changed_since is not None else None))
        except OSError as exc:  # the annotations and the total are out: say why the summary is not
            why = text("cli.github.summary_unwritable", args.lang, detail=exc.strerror)
            print(f"pac-gen validate: GITHUB_STEP_SUMMARY={summary}: {why}", file=sys.stderr)
    return annotated


def _schema(args: argparse.Namespace) -> int:
    from pac_gen.format.schema import schema_text

    sys.stdout.write(schema_text(args.lang))
    return 0


# Each command is a module of pac_gen.cli with `add_parser(subparsers)` and
# `run(args) -> int`, so that commands grow without touching each other.
EXTRA_COMMANDS: tuple[str, ...] = ("new", "review", "export", "build", "serve")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status (2 on a usage error)."""
    parser = _parser()
    modules = {}
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in EXTRA_COMMANDS:
        module = importlib.import_module(f"pac_gen.cli.{name}")
        module.add_parser(commands)
        modules[name] = module
    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    if args.command == "schema":
        return _schema(args)
    return int(modules[args.command].run(args))
