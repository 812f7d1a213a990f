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

The plugin runs under MkDocs 1.6 and under ProperDocs, its continuation: the
``properdocs`` command installs an import hook (``properdocs/replacement.py``)
that answers every ``mkdocs.*`` import with the ``properdocs.*`` module, so the
plain ``mkdocs`` imports below are ProperDocs' classes when ProperDocs builds.
"""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

LANGUAGES = ("fr", "en")


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
