"""One module per extra ``pac-gen`` command: ``add_parser(subparsers)`` and ``run(args)``."""
