"""Acknowledged warnings: a learner keeps a warning on purpose, where it stands.

Every item that can carry a warning (the plan itself, the objective, an action, a
task, a ritual, an indicator, an obstacle, a review) may say which of its warnings
the learner keeps, and why::

    actions:
      - intitule: Boutique en ligne
        budget: 1500
        avertissements_acceptes:
          W601: Budget complété par la subvention régionale

A warning is *on* the item that holds the value it is reported at (:func:`item_of`):
W601 at ``actions[0].budget`` is on ``actions[0]``; W801 at a measurement's date is on
its indicator; W202 at ``actions`` is on the plan. An acknowledged warning becomes a
problem of severity ``acknowledged`` with the learner's reason: shown, never counted
as a warning, never failing ``--strict``. An acknowledgement that matches no warning
of its item is itself a warning (W1301); a code that is not a warning's is an error
(E301, E302, E304), and so is a blank reason (E303, in the model).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel

from pac_gen.check.coherence import ERRORS
from pac_gen.check.method import WARNINGS
from pac_gen.check.problems import Problem, Severity
from pac_gen.check.rules import Context, Finding, Path
from pac_gen.format.model import Plan
from pac_gen.format.normalize import Shape, shape_of
from pac_gen.text import MESSAGES, message

KEY = "avertissements_acceptes"
"""The canonical key of an item's acknowledgements (English ``acknowledged_warnings``)."""

STALE = "W1301"
"""The warning about an acknowledgement that no longer matches any warning of its item."""


@cache
def _holds_acknowledgements(model: type[BaseModel]) -> bool:
    return any(info.alias == KEY for info in model.model_fields.values())


def item_of(path: Path) -> Path:
    """The item a problem at ``path`` (canonical keys, file indexes) is about: the one its acknowledgement goes on.

    It is the deepest part of the path that is an item able to hold acknowledgements:
    ``("actions", 0, "taches", 2, "date_limite")`` is on task ``("actions", 0, "taches", 2)``,
    ``("indicateurs", 1, "mesures", 0, "date")`` on indicator ``("indicateurs", 1)``,
    ``("actions", 0, "loi_des_nombres", "volume_prevu")`` on action ``("actions", 0)``,
    ``("actions",)`` on the plan ``()``.
    """
    item: Path = ()
    shape: Shape | None = Shape("model", model=Plan)
    for index, part in enumerate(path):
        shape = shape.child(part) if shape is not None else None
        if shape is None:
            break
        if shape.kind == "model" and shape.model is not None and _holds_acknowledgements(shape.model):
            item = tuple(path[: index + 1])
    return item


@cache
def _descend(model: type[BaseModel]) -> tuple[tuple[str, str, bool], ...]:
    """The fields of ``model`` that lead to items holding acknowledgements: (attribute, key, is a list)."""
    found = []
    for name, info in model.model_fields.items():
        shape = shape_of(info.annotation)
        inner = shape.item if shape.kind == "list" else shape
        if inner is not None and inner.kind == "model" and inner.model is not None and _leads_to(inner.model):
            found.append((name, str(info.alias), shape.kind == "list"))
    return tuple(found)


@cache
def _leads_to(model: type[BaseModel]) -> bool:
    return _holds_acknowledgements(model) or bool(_descend(model))


def acknowledgements(plan: Plan) -> dict[Path, Mapping[str, str]]:
    """Every item's acknowledgements, by the item's path: ``{("actions", 0): {"W601": "…"}}``."""
    found: dict[Path, Mapping[str, str]] = {}

    def visit(node: BaseModel, path: Path) -> None:
        own = getattr(node, "acknowledged", None)
        if own:
            found[path] = own
        for name, key, many in _descend(type(node)):
            value: Any = getattr(node, name)
            if not many:
                if value is not None:
                    visit(value, (*path, key))
            elif value and not _descend(value[0].__class__):
                # Items with nothing below them (tasks…): no call per item, a plan may hold 40 000.
                found.update(((*path, key, index), item.acknowledged)
                             for index, item in enumerate(value) if item.acknowledged)
            else:
                for index, item in enumerate(value):
                    visit(item, (*path, key, index))

    visit(plan, ())
    return found


def checked_warnings(plan: Plan, ctx: Context) -> list[Problem]:
    """The method's warnings of a valid plan, those the learner acknowledged marked so, and W1301.

    This is the one place a warning is matched with an acknowledgement: same code,
    same item (:func:`item_of` of the path the warning is reported at).
    """
    given = acknowledgements(plan)
    problems: list[Problem] = []
    raised: set[tuple[Path, str]] = set()
    for rule in WARNINGS:
        if rule.code == STALE:
            continue
        for path, problem in rule.located(plan, ctx):
            item = item_of(path)
            raised.add((item, rule.code))
            reason = given.get(item, {}).get(rule.code)
            if reason is not None:
                problem = dataclasses.replace(problem, severity=Severity.ACKNOWLEDGED, reason=reason)
            problems.append(problem)
    if given:
        problems.extend(WARNINGS.rules[STALE].run(plan, dataclasses.replace(ctx, raised=frozenset(raised))))
    return problems


# --- The rules -------------------------------------------------------------------


def _given(plan: Plan) -> Iterator[tuple[Path, str]]:
    for item, codes in acknowledgements(plan).items():
        for code in codes:
            yield item, code


@WARNINGS.rule(STALE, example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Boutique en ligne
    type: prospection
    budget: 1500
    taches:
      - tache: Photos des produits
        budget: 400
    avertissements_acceptes:
      W601: Budget complété par la subvention régionale  # ← W1301
indicateurs:
  - indicateur: Ventes en ligne
    type: resultat
    valeur_initiale: 0
    valeur_cible: 20
    outil: Site
  - indicateur: Visiteurs
    type: suivi
    valeur_initiale: 0
    valeur_cible: 500
    outil: Statistiques du site
""")
def stale_acknowledgement(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An acknowledgement whose code no longer produces any warning on its item (the tasks cost less now)."""
    for item, code in _given(plan):
        if (item, code) not in ctx.raised:
            yield Finding((*item, KEY, code), {"warning": code}, at_key=True)


def _warning_codes() -> list[str]:
    return [rule.code for rule in WARNINGS if rule.code != STALE]


@ERRORS.rule("E301")
def unknown_code(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A code no warning rule has (an error's code is E302, W1301's is E304)."""
    codes = _warning_codes()
    for item, code in _given(plan):
        if code in codes or code == STALE or _is_error_code(code):
            continue
        close = [c for c in codes if c.lower() == code.strip().lower()] or difflib.get_close_matches(
            code.strip().upper(), codes, n=1, cutoff=0.6)
        hint = message("E301.hint", ctx.settings.lang, suggestion=close[0]) if close else ""
        yield Finding((*item, KEY, code), {"warning": code, "hint": hint, "allowed": ", ".join(codes)}, at_key=True)


def _is_error_code(code: str) -> bool:
    return code[:1] == "E" and code in MESSAGES and "." not in code


@ERRORS.rule("E302")
def error_code(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An error's code: an error cannot be kept, the plan is not usable while it remains."""
    for item, code in _given(plan):
        if _is_error_code(code):
            yield Finding((*item, KEY, code), {"warning": code}, at_key=True)


@ERRORS.rule("E304")
def stale_code(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """W1301 itself: an acknowledgement that is no longer needed is removed, not acknowledged."""
    for item, code in _given(plan):
        if code == STALE:
            yield Finding((*item, KEY, code), {"warning": code}, at_key=True)
