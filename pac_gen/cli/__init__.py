"""The ``pac-gen`` command line (:func:`main`); one module per extra command."""

from pac_gen.cli.main import main

__all__ = ["main"]
