"""``pac-gen serve``: preview the site while editing plans, with MkDocs, ProperDocs or Zensical."""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from pathlib import Path
from typing import Any

from pac_gen.cli.build import add_site_parser, config_missing
from pac_gen.cli.common import cli_text
from pac_gen.engines.run import serve
from pac_gen.site.build import FOCUS_ENV, Focus


def add_parser(subparsers: Any) -> None:
    """Declare the ``serve`` command and its options."""
    parser = add_site_parser(subparsers, "serve", cli_text("cli.help.serve"), cli_text("cli.help.serve.description"))
    parser.add_argument("-a", "--dev-addr", default=None, help=cli_text("cli.help.dev_addr"))
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--plans", nargs="+", type=Path, metavar=cli_text("cli.help.path_metavar"),
                       help=cli_text("cli.help.plans"))
    which.add_argument("--all", action="store_true", help=cli_text("cli.help.all"))


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 2 on a usage error.

    Past :data:`~pac_gen.site.build.FOCUS_FROM` plans, the preview shows only the
    plans being edited: ``--plans``, else those git sees as changed (not committed,
    or committed but not pushed), and every plan saved while it runs (``--all``: all).
    """
    if config_missing(args):
        return 2
    if not args.all:
        chosen = args.plans if args.plans is not None else changed_files(args.config_file.resolve().parent)
        focus = Focus(tuple(str(p.resolve()) for p in chosen), since=time.time())
        os.environ[FOCUS_ENV] = focus.to_env()
    return serve(args.engine, args.config_file, args.dev_addr)


def changed_files(folder: Path) -> list[Path]:
    """Files git sees as changed in ``folder``'s repository: not committed, or not pushed; [] without git."""
    found: list[Path] = []
    # --no-renames: with -z a staged rename adds its old path as an entry of its own, without the "XY " prefix.
    commands = (["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"],
                ["diff", "--name-only", "-z", "@{upstream}...HEAD"])
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, check=False)
        if top.returncode != 0:
            return []
        root = Path(os.fsdecode(top.stdout.strip()))
        for command in commands:
            listed = subprocess.run(["git", *command], cwd=root, capture_output=True, check=False)
            if listed.returncode != 0:
                continue  # no upstream branch: only what is not committed
            for entry in listed.stdout.split(b"\0"):
                name = entry[3:] if command[0] == "status" else entry
                if name:
                    found.append(root / os.fsdecode(name))
    except OSError:  # git is not installed
        return []
    return found
