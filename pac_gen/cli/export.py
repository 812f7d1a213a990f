"""``pac-gen export PLAN --format csv|ics [-o FILE]``: a plan's tasks for Excel, or its rituals for an agenda."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pac_gen.check.problems import render
from pac_gen.check.validate import check_file
from pac_gen.cli.common import add_settings_arguments, settings_from
from pac_gen.text import text


def add_parser(subparsers: Any) -> None:
    """Declare the ``export`` command and its options."""
    parser = subparsers.add_parser(
        "export", help="exporter un plan en CSV ou ICS / export a plan as CSV or ICS",
        description="Exporte les tâches d'un plan en CSV pour Excel (UTF-8 avec BOM, séparateur « ; ») "
                    "ou ses rituels en agenda ICS. Mêmes octets que les téléchargements du site.",
    )
    parser.add_argument("plan", type=Path, help="le fichier du plan, ex. plans/camille/boutique.yaml")
    parser.add_argument("--format", choices=("csv", "ics"), default="csv")
    parser.add_argument("-o", "--output", type=Path, default=None, help="fichier à écrire (par défaut : la sortie standard)")
    add_settings_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Write the export; 1 when the plan has errors (listed on stderr), 2 on a usage error."""
    settings = settings_from(args)
    if settings is None:
        return 2
    if not args.plan.is_file():
        if args.plan.exists():
            why = text("cli.not_a_file", args.lang)
        else:
            why = text("cli.not_found", args.lang)
        print(f"pac-gen: {args.plan}: {why}", file=sys.stderr)
        return 2
    display = args.plan.as_posix()
    checked = check_file(args.plan, settings, display)
    if checked.plan is None:
        print(render(checked.errors, "text"), file=sys.stderr)
        return 1
    if args.format == "csv":
        from pac_gen.site.export import tasks_csv

        data = tasks_csv(checked.plan, args.lang)
    else:
        from pac_gen.agenda.ics import plan_feed  # the rituals feed, shared with the site

        data = plan_feed(checked.plan, display, settings)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            args.output.write_bytes(data)
        except OSError:
            why = text("cli.cannot_write", args.lang)
            print(f"pac-gen: {args.output}: {why}", file=sys.stderr)
            return 2
    return 0
