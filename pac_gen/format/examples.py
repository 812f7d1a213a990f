"""The example content ``pac-gen new`` writes where the learner typed nothing, and how to recognise it.

One place for both sides: ``pac-gen new`` takes its example texts from :func:`example`
(the catalogue's ``new.example.…`` entries) and rule W1207 finds them in a plan with
:func:`is_example` and :func:`is_example_law`, in either language (a plan started with
``--lang en`` holds the English texts). A learner who keeps one publishes, as their own,
words they never wrote: the warning says so at its line.
"""

from __future__ import annotations

from functools import cache

from pac_gen.text import LANGUAGES, text

#: Where each example text goes (the ``new.example.…`` key after the dot).
STRATEGY = ("strategy",)
STATEMENT = ("statement",)
ACTIONS = ("action_1", "action_2", "action_3")
TASK = ("task",)
INDICATORS = ("result", "tracking")
RITUAL = ("ritual",)
BOOSTER = ("booster",)
OBSTACLE = ("obstacle",)
CAUSE = ("cause",)
SOLUTION = ("solution",)

#: The example law of numbers: this many results wanted, in the unit ``new.example.unit``,
#: and the stage's multiple of them planned (3 → 9 at start-up, 3 → 6 in growth).
LAW_TARGET = 3


def example(key: str, lang: str = "fr") -> str:
    """The example text ``new`` writes for ``key`` (``task``, ``obstacle``…) in ``lang``."""
    return text(f"new.example.{key}", lang)


@cache
def _texts(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(example(key, lang) for key in keys for lang in LANGUAGES)


def is_example(keys: tuple[str, ...], value: str | None) -> bool:
    """True when ``value`` is, word for word, one of the example texts of ``keys`` (any language)."""
    return value is not None and value.strip() in _texts(keys)


def is_example_law(target_result: int, planned_volume: int, unit: str | None) -> bool:
    """True when a law of numbers is the one ``new`` writes: 3 results in its example unit, ×2 or ×3 planned."""
    return (target_result == LAW_TARGET and planned_volume in (2 * LAW_TARGET, 3 * LAW_TARGET)
            and is_example(("unit",), unit))
