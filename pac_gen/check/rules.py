"""What a rule is, and how the rules are run (yamllint's model).

A rule is one unit: its code, a ``check(plan, ctx)`` generator that yields a
:class:`Finding` (where, and the message's arguments) for each problem, and for
a warning a small example plan that raises it, marked ``# ← CODE`` on the line
reported. The message is the catalogue's entry under the code (``W301``), the
fix under ``CODE.fix``. The reference page shows the examples and the tests
check each one raises its rule on the marked line::

    @rule("W501", example=...)
    def obstacle_without_solution(plan: Plan, ctx: Context) -> Iterator[Finding]:
        for index, obstacle in enumerate(plan.obstacles):
            if not obstacle.solutions:
                yield Finding(("freins", index), {"title": obstacle.obstacle})
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from pac_gen.check.problems import Problem, Severity
from pac_gen.format.model import Plan
from pac_gen.format.normalize import Normalized
from pac_gen.format.settings import Settings
from pac_gen.text import message

Path = tuple[Any, ...]


@dataclass
class Pruning:
    """What was taken out of a plan with type errors so that the rest could be checked.

    Attributes:
        kept: For each list (by its path in the file), the file indexes of the
            items still in the partial plan, in order. Lists not listed are whole.
        pruned: Paths (in the file) of optional keys removed because their value was bad.
        known_ids: Ids of actions that were dropped or lost their id: references
            to them are not errors of their own.

    """

    kept: dict[Path, list[int]] = field(default_factory=dict)
    pruned: set[Path] = field(default_factory=set)
    known_ids: set[str] = field(default_factory=set)

    def original(self, path: Path) -> Path:
        """The path in the file of a path in the partial plan."""
        out: list[Any] = []
        for part in path:
            kept = self.kept.get(tuple(out)) if isinstance(part, int) else None
            out.append(kept[part] if kept is not None and 0 <= part < len(kept) else part)
        return tuple(out)

    def drop(self, list_path: Path, index: int, length: int) -> None:
        """Record that item ``index`` (of ``length``, partial-plan numbering) of a list was dropped."""
        kept = self.kept.setdefault(list_path, list(range(length)))
        del kept[index]

    def removed(self, path: Path) -> bool:
        """True when the optional key at ``path`` (partial-plan numbering) was removed."""
        return self.original(path) in self.pruned


@dataclass
class Context:
    """What a rule may need besides the plan.

    Attributes:
        file: The name problems are reported under.
        positions: Where each part of the plan was written.
        settings: Today, language, time zone, working-day length.
        pruning: For a partial plan (errors rules only), what was taken out of the file.
        raised: For the rule about stale acknowledgements only: (item, code) of every
            warning the other rules raised (see :mod:`pac_gen.check.acknowledge`).

    """

    file: str
    positions: Normalized
    settings: Settings
    pruning: Pruning = field(default_factory=Pruning)
    raised: frozenset[tuple[Path, str]] = frozenset()

    def line_of(self, path: Path) -> int:
        """The line a part of the plan was written on (for messages naming another line)."""
        return self.positions.locate(self.pruning.original(path))[0]


class Finding(NamedTuple):
    """One problem a rule found: the path of the value in question and the message's arguments.

    ``at_key`` places the problem at the key that names the last part of the path
    (an acknowledged code) rather than at its value.
    """

    path: Path
    args: dict[str, Any] = {}  # noqa: RUF012 (never mutated: a NamedTuple default)
    variant: str | None = None
    """The wording when the rule has several (``E208.objective``): the code's own message when None."""
    at_key: bool = False


Check = Callable[[Plan, Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """One rule: its code, its check, its severity, and its example (for warnings).

    ``today`` is the day the example is meant to be read on, for the rules that depend on it.
    """

    code: str
    check: Check
    severity: Severity
    example: str | None = None
    today: date | None = None

    def run(self, plan: Plan, ctx: Context) -> Iterator[Problem]:
        """The rule's problems in ``plan``, each placed and worded."""
        for _, problem in self.located(plan, ctx):
            yield problem

    def located(self, plan: Plan, ctx: Context) -> Iterator[tuple[Path, Problem]]:
        """The rule's problems in ``plan``, each with the path (in the file) of the value it is about."""
        for found in self.check(plan, ctx):
            path = ctx.pruning.original(found.path)
            line, column = (ctx.positions.locate_key if found.at_key else ctx.positions.locate)(path)
            yield path, Problem(ctx.file, line, column, self.severity, self.code,
                                message(self.code if found.variant is None else f"{self.code}.{found.variant}",
                                        ctx.settings.lang, **found.args))


class RuleSet:
    """The rules of one kind, in the order they are declared (``@rules.rule(…)`` registers one)."""

    def __init__(self, severity: Severity) -> None:
        self.severity = severity
        self.rules: dict[str, Rule] = {}

    def rule(self, code: str, example: str | None = None, today: date | None = None) -> Callable[[Check], Check]:
        """Register the decorated function as the check of rule ``code``."""
        def register(check: Check) -> Check:
            assert code not in self.rules, f"rule {code} declared twice"
            self.rules[code] = Rule(code, check, self.severity, example, today)
            return check
        return register

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())

    def run(self, plan: Plan, ctx: Context) -> Iterator[Problem]:
        """Every problem every rule finds in ``plan``."""
        for one in self:
            yield from one.run(plan, ctx)

