"""``pac-gen build``: the site, with MkDocs, ProperDocs or Zensical, from the same ``mkdocs.yml``.

The publication policy (issue 21, ``docs/site.md``): a plan's warning never stops the
site, a plan with errors is left out and the others are published, and a build that
fails leaves the previous site as it was. Exit status: 0 when every plan is in the
site; 1 when the build failed (the previous site untouched); 2 on a usage error;
3 when the site was built without the plans that have errors, which it names.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from pac_gen.engines.run import ENGINES, build
from pac_gen.site.build import SiteBuildError, theme_language
from pac_gen.text import LANGUAGES, text

LEFT_OUT = 3
"""The exit status of a site built without the plans that have errors."""


def add_site_parser(subparsers: Any, name: str, help: str, description: str) -> argparse.ArgumentParser:
    """A command that runs a site engine: ``--engine`` and ``--config-file``, shared by ``build`` and ``serve``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=description)
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs",
                        help="générateur du site / site generator (par défaut : mkdocs)")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="réglages du site (par défaut : mkdocs.yml)")
    return parser


def config_missing(args: argparse.Namespace) -> bool:
    """True after saying on stderr that the configuration file is missing."""
    if args.config_file.is_file():
        return False
    print(f"pac-gen: {args.config_file}: {text('site.config_missing')}", file=sys.stderr)
    return True


def add_parser(subparsers: Any) -> None:
    """Declare the ``build`` command and its options."""
    parser = add_site_parser(subparsers, "build", "construire le site / build the site",
                             "Construit le site (pages des plans, vue d'ensemble, calendrier, téléchargements) "
                             "avec le générateur choisi, à partir de mkdocs.yml.")
    parser.add_argument("-d", "--site-dir", type=Path, default=None,
                        help="dossier du site produit (par défaut : site_dir de mkdocs.yml)")
    parser.add_argument("--strict", action="store_true",
                        help="les avertissements du générateur (un lien cassé dans docs/…) font échouer ; "
                             "jamais ceux des plans")


def site_dir_of(config_file: Path, site_dir: Path | None) -> tuple[Path, str]:
    """Where the site goes, and the site's language (for pac-gen's own messages).

    The site goes to ``site_dir`` when given, else to that of ``mkdocs.yml`` (relative
    to it), else to ``site``; the language is the plugin's ``language``, else the theme's.

    Raises:
        SiteBuildError: ``mkdocs.yml`` cannot be read.

    """
    from pac_gen.engines.zensical import plugin_options, read_config

    config = read_config(config_file)
    try:
        options = plugin_options(config)
    except SiteBuildError:  # the engine says so, in its own words
        options = None
    theme = config.get("theme")
    language = options.get("language") if isinstance(options, dict) else None
    lang = str(language) if language in LANGUAGES else theme_language(
        theme.get("language") if isinstance(theme, dict) else None)
    if site_dir is not None:
        return site_dir.absolute(), lang
    return (config_file.absolute().parent / str(config.get("site_dir") or "site")).absolute(), lang


def replace_site(built: Path, target: Path) -> None:
    """Put the site just built at ``target``, in place of the previous one, which is removed after."""
    previous = None
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, previous / target.name)
    os.replace(built, target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    """Build the site into a folder beside ``site_dir``, and put it in place only when the build succeeded.

    Returns:
        0, 1, 2 or 3 (:data:`LEFT_OUT`), as the module says.

    """
    if config_missing(args):
        return 2
    try:
        target, lang = site_dir_of(args.config_file, args.site_dir)
    except SiteBuildError as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    # Beside the site (same file system, so the swap is a rename), hidden, and removed whatever happens.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    try:
        staging.chmod(0o755)  # mkdtemp's 0700 would make the published folder private
        outcome = build(args.engine, args.config_file, staging, args.strict)
        if outcome.status != 0:
            print(f"ERROR   -  pac-gen build: {text('cli.build.failed', lang, path=_shown(target))}", file=sys.stderr)
            return 1
        replace_site(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if outcome.left_out:
        paths = ", ".join(outcome.left_out)
        print(f"ERROR   -  pac-gen build: {text('cli.build.left_out', lang, path=_shown(target), paths=paths)}",
              file=sys.stderr)
        return LEFT_OUT
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
