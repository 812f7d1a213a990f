"""The options of the ``pac_gen`` plugin in ``mkdocs.yml``.

Example::

    plugins:
      - search
      - pac_gen:
          plans_dir: plans
          today: 2026-11-27
          include_confidential: false
          working_day_hours: 7
          timezone: Europe/Paris
          language: fr

The plugin runs under MkDocs 1.6 and under ProperDocs (its continuation, whose
modules are named ``properdocs.*``); :func:`running_tool` tells which one is
building so that the classes it checks against are the ones we subclass.
"""

from __future__ import annotations

import importlib
import sys
from datetime import date
from typing import TYPE_CHECKING

from pac_gen.messages import LANGUAGES


def running_tool() -> str:
    """``properdocs`` when ProperDocs is running the build, else ``mkdocs``.

    ProperDocs imports itself first and aliases every ``mkdocs.*`` import to its
    own modules, so its presence in ``sys.modules`` identifies it.
    """
    return "properdocs" if "properdocs" in sys.modules else "mkdocs"


if TYPE_CHECKING:
    from mkdocs.config import config_options as c
    from mkdocs.config.base import Config
else:
    c = importlib.import_module(f"{running_tool()}.config.config_options")
    Config = importlib.import_module(f"{running_tool()}.config.base").Config



class PacGenConfig(Config):
    """The plugin's options, each with its default."""

    plans_dir = c.Type(str, default="plans")
    """Folder of the plan files, relative to ``mkdocs.yml``; every ``*.yaml``/``*.yml`` below it is a plan."""

    today = c.Optional(c.Type((str, date)))
    """The day lateness and statuses are judged on (``2026-11-27``). Default:
    ``SOURCE_DATE_EPOCH`` when set, else the clock."""

    include_confidential = c.Type(bool, default=False)
    """Publish plans marked ``confidentiel: oui`` too (they are always validated)."""

    working_day_hours = c.Type((int, float), default=7)
    """Length of a working day in hours, for durations such as ``1 jour``."""

    timezone = c.Type(str, default="Europe/Paris")
    """IANA time zone of the rituals' local times."""

    language = c.Optional(c.Choice(LANGUAGES))
    """``fr`` or ``en``. Default: the theme's ``language`` when it is one of them, else ``fr``."""
