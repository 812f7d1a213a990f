"""``pac-gen serve``: preview the site while editing plans, with MkDocs, ProperDocs or Zensical."""

from __future__ import annotations

import argparse
from typing import Any

from pac_gen.cli.build import add_site_parser, config_missing
from pac_gen.engines.run import serve


def add_parser(subparsers: Any) -> None:
    """Declare the ``serve`` command and its options."""
    parser = add_site_parser(subparsers, "serve", "prévisualiser le site / preview the site",
                             "Sert le site en local et le reconstruit à chaque enregistrement d'un plan ; "
                             "un plan en erreur affiche ses erreurs sur sa page au lieu d'arrêter le serveur.")
    parser.add_argument("-a", "--dev-addr", default=None, help="adresse IP:port (par défaut : localhost:8000)")


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 2 on a usage error."""
    if config_missing(args):
        return 2
    return serve(args.engine, args.config_file, args.dev_addr)
