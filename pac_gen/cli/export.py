"""``pac-gen export PLAN --format csv|ics [-o FILE]``: a plan's tasks for Excel, or its rituals for an agenda."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from pac_gen.check.problems import render
from pac_gen.check.validate import check_file
from pac_gen.cli.common import add_settings_arguments, cli_text, settings_from
from pac_gen.text import text


def add_parser(subparsers: Any) -> None:
    """Declare the ``export`` command and its options."""
    parser = subparsers.add_parser(
        "export", help=cli_text("cli.help.export"), description=cli_text("cli.help.export.description"))
    parser.add_argument("plan", type=Path, metavar=cli_text("cli.help.plan_metavar"), help=cli_text("cli.help.plan"))
    parser.add_argument("--format", choices=("csv", "ics"), default="csv")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar=cli_text("cli.help.file_metavar"),
                        help=cli_text("cli.help.output"))
    parser.add_argument("--site-url", default=None, help=cli_text("cli.help.site_url"))
    parser.add_argument("--plans-dir", type=Path, default=None, metavar=cli_text("cli.help.folder_metavar"),
                        help=cli_text("cli.help.export_plans_dir"))
    add_settings_arguments(parser)


class _Config(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (``!!python/name:…`` become None); ``!ENV`` reads the environment."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as pyyaml_env_tag reads it for MkDocs."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    if isinstance(node, yaml.SequenceNode) and node.value:
        *names, default = loader.construct_sequence(node)
        for name in names:
            if isinstance(name, str) and name in os.environ:
                return os.environ[name]
        return default
    return None


_Config.add_constructor("!ENV", _env)
_Config.add_multi_constructor("", lambda loader, suffix, node: None)
_Config.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)

CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml")


def _read_config(config: Path) -> dict[str, Any]:
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_Config)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _nearest_config(plan: Path) -> Path | None:
    for folder in plan.resolve().parents:
        config = next((folder / name for name in CONFIG_FILES if (folder / name).is_file()), None)
        if config is not None:
            return config
    return None


def _configured_plans_dir(config: Path) -> str:
    """The pac_gen plugin's ``plans_dir`` in a mkdocs.yml (its default, ``plans``, when unset or unreadable)."""
    data = _read_config(config)
    plugins = data.get("plugins")
    for entry in plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []:
        options = entry.get("pac_gen") if isinstance(entry, dict) else None
        if isinstance(options, dict) and isinstance(options.get("plans_dir"), str):
            return str(options["plans_dir"])
    return "plans"


def plan_id_of(plan: Path, plans_dir: Path | None = None) -> str | None:
    """The plan's path below its plans folder, as the site names it (``camille/boutique.yaml``).

    The folder is ``plans_dir`` when given (None if the plan is not inside it); else
    the ``plans_dir`` of the nearest mkdocs.yml above the plan (``plans`` by default),
    when the plan is inside it; else the nearest folder called ``plans``; else the
    plan's own folder. So the same plan gets the same UIDs from any working directory.
    """
    resolved = plan.resolve()
    if plans_dir is not None:
        return resolved.relative_to(plans_dir.resolve()).as_posix() if resolved.is_relative_to(
            plans_dir.resolve()) else None
    for folder in resolved.parents:
        config = next((folder / name for name in CONFIG_FILES if (folder / name).is_file()), None)
        if config is not None:
            root = (folder / _configured_plans_dir(config)).resolve()
            if resolved.is_relative_to(root):
                return resolved.relative_to(root).as_posix()
            break
    for folder in resolved.parents:
        if folder.name == "plans":
            return resolved.relative_to(folder).as_posix()
    return resolved.name


def _page_url(args: argparse.Namespace, plan_id: str) -> str | None:
    """The plan page's address for the feed: from ``--site-url``, else the nearest mkdocs.yml, as the site gives it."""
    from pac_gen.site.pages import plan_page_address  # the site's one URL rule (imported only for ICS)

    config = _nearest_config(args.plan)
    data = _read_config(config) if config is not None else {}
    site_url = args.site_url or data.get("site_url")
    directory = data.get("use_directory_urls", True)
    return plan_page_address(plan_id, site_url if isinstance(site_url, str) else None, directory is not False)


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
        print(render(checked.errors, "text", args.lang), file=sys.stderr)
        return 1
    if args.format == "csv":
        from pac_gen.site.export import tasks_csv

        data = tasks_csv(checked.plan, args.lang)
    else:
        from pac_gen.agenda.ics import plan_feed  # the rituals feed, shared with the site

        plan_id = plan_id_of(args.plan, args.plans_dir)
        if plan_id is None:
            why = text("cli.outside_plans_dir", args.lang, plans_dir=args.plans_dir)
            print(f"pac-gen: {args.plan}: {why}", file=sys.stderr)
            return 2
        data = plan_feed(checked.plan, plan_id, settings, page_url=_page_url(args, plan_id))
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
