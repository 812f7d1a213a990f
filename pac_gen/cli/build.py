"""``pac-gen build``: the site, with MkDocs, ProperDocs or Zensical, from the same ``mkdocs.yml``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pac_gen.cli.common import cli_text
from pac_gen.engines.run import ENGINES, build
from pac_gen.text import text


def add_site_parser(subparsers: Any, name: str, help: str, description: str) -> argparse.ArgumentParser:
    """A command that runs a site engine: ``--engine`` and ``--config-file``, shared by ``build`` and ``serve``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=description)
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help=cli_text("cli.help.engine"))
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help=cli_text("cli.help.config_file"))
    return parser


def config_missing(args: argparse.Namespace) -> bool:
    """True after saying on stderr that the configuration file is missing."""
    if args.config_file.is_file():
        return False
    print(f"pac-gen: {args.config_file}: {text('site.config_missing')}", file=sys.stderr)
    return True


def add_parser(subparsers: Any) -> None:
    """Declare the ``build`` command and its options."""
    parser = add_site_parser(subparsers, "build", cli_text("cli.help.build"), cli_text("cli.help.build.description"))
    parser.add_argument("-d", "--site-dir", type=Path, default=None, help=cli_text("cli.help.site_dir"))
    parser.add_argument("--strict", action="store_true", help=cli_text("cli.help.strict"))


def run(args: argparse.Namespace) -> int:
    """Build the site; 1 when the build failed, 2 on a usage error."""
    if config_missing(args):
        return 2
    return build(args.engine, args.config_file, args.site_dir, args.strict)
