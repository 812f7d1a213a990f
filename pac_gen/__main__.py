"""``python -m pac_gen`` runs the command line."""

import sys

from pac_gen.cli import main

sys.exit(main())
