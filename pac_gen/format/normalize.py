"""Turn composed YAML nodes into canonical plan data, keeping every position.

One schema-guided pass over the nodes: keys are matched in French or English
after normalisation and renamed to their canonical French spelling, unknown keys
and keys given twice are reported, measurements given as a mapping become a
list, text fields keep the exact text written (``010`` stays ``010`` in a title)
and numeric fields follow the YAML 1.2 core schema. Each value's position is
recorded under its canonical path, so that pydantic's ``loc`` finds its node.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel

from pac_gen.check.problems import Problem, Severity
from pac_gen.format.loader import (
    _NULLS,
    _UNTAGGED,
    MAX_DEPTH,
    PLAIN,
    QUOTED,
    SEQ,
    core_scalar,
    position,
    tag_as_written,
)
from pac_gen.format.model import Measurement, Plan
from pac_gen.format.values import Choice, ValueProblem, normalize_word
from pac_gen.text import message

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Shape:
    """What the format expects at one place of a document.

    Attributes:
        kind: ``model``, ``list``, ``dict``, ``measurements``, ``raw`` (text kept as
            written) or ``core`` (YAML 1.2 core value).
        model: For ``model``: the pydantic class.
        item: For ``list`` and ``dict``: the shape of the items or values.

    """

    kind: str
    model: type[BaseModel] | None = None
    item: Shape | None = None
    keys: type[Choice] | None = None

    @property
    def fields(self) -> dict[str, tuple[str, Shape]]:
        """Normalised key (French or English) → (canonical key, shape)."""
        assert self.model is not None
        return _model_fields(self.model)

    def child(self, part: str | int) -> Shape | None:
        """The shape one step down a path: a model's field (any spelling of its key), a list's
        item, a mapping's value, a measurement; None below a value or under an unknown key.
        """
        if self.kind == "model":
            found = self.fields.get(normalize_word(str(part)))
            return found[1] if found else None
        if self.kind in ("list", "dict"):
            return self.item
        if self.kind == "measurements":
            return _MEASUREMENT
        return None


_MEASUREMENT = Shape("model", model=Measurement)
_CORE_TYPES = (int, float, Decimal, bool)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def shape_of(annotation: Any) -> Shape:
    """The shape a field's type annotation expects."""
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return Shape("list", item=shape_of(typing.get_args(annotation)[0]))
    if origin is dict:
        key_type = _unwrap(typing.get_args(annotation)[0])
        keys = key_type if isinstance(key_type, type) and issubclass(key_type, Choice) else None
        return Shape("dict", item=shape_of(typing.get_args(annotation)[1]), keys=keys)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", model=annotation)
    if annotation in _CORE_TYPES:
        return Shape("core")
    return Shape("raw")


@cache
def _model_fields(model: type[BaseModel]) -> dict[str, tuple[str, Shape]]:
    table: dict[str, tuple[str, Shape]] = {}
    for info in model.model_fields.values():
        canonical = info.alias
        assert canonical is not None
        extra = info.json_schema_extra
        english = extra["en"] if isinstance(extra, dict) else canonical
        shape = shape_of(info.annotation)
        if canonical == "mesures":
            shape = Shape("measurements")
        table[normalize_word(canonical)] = (canonical, shape)
        table[normalize_word(str(english))] = (canonical, shape)
    return table


def english_key(model: type[BaseModel], canonical: str) -> str:
    """The English alias of a canonical key of ``model``."""
    for info in model.model_fields.values():
        if info.alias == canonical and isinstance(info.json_schema_extra, dict):
            return str(info.json_schema_extra["en"])
    return canonical


@dataclass
class Normalized:
    """Canonical plan data, and the nodes to find where each part was written.

    Positions are looked up only when a problem needs one, by following the
    canonical path back through the nodes (matching keys the way the walk did),
    so a valid file pays nothing for them.

    Attributes:
        data: Plain Python data with canonical French keys.
        root: The document's root node.
        problems: Structural problems met on the way (unknown keys, tags…).
    """

    data: Any
    root: yaml.Node | None = None
    problems: list[Problem] = field(default_factory=list)

    def _follow(self, path: Path) -> tuple[yaml.Node | None, yaml.Node | None]:
        """The deepest (value node, key node) reached along ``path``."""
        node = self.root
        key_node: yaml.Node | None = None
        shape: Shape | None = Shape("model", model=Plan)
        for part in path:
            if node is None:
                break
            child, child_key, shape = _step(node, shape, part)
            if child is None:
                break
            node, key_node = child, child_key
        return node, key_node

    def locate(self, path: Path) -> tuple[int, int]:
        """The position of the deepest part of ``path`` that exists in the file."""
        node, _ = self._follow(tuple(path))
        return position(node) if node is not None else (1, 1)

    def locate_key(self, path: Path) -> tuple[int, int]:
        """The position of the key that names the last part of ``path`` (else of its value)."""
        node, key_node = self._follow(tuple(path))
        target = key_node if key_node is not None else node
        return position(target) if target is not None else (1, 1)


def _matches(shape: Shape | None, key: str, part: str | int) -> bool:
    if shape is not None and shape.kind == "model":
        found = shape.fields.get(normalize_word(key))
        return found is not None and found[0] == part
    if shape is not None and shape.keys is not None:
        try:
            return str(shape.keys.parse(key)) == part
        except ValueProblem:
            return key == part
    return key == part


def _step(node: yaml.Node, shape: Shape | None, part: str | int) -> tuple[Any, Any, Shape | None]:
    """One step down a canonical path: (child node, key node, child shape)."""
    if isinstance(node, yaml.SequenceNode):
        if isinstance(part, int) and 0 <= part < len(node.value):
            item = shape.child(part) if shape is not None and shape.kind in ("list", "measurements") else None
            return node.value[part], None, item
        return None, None, None
    if not isinstance(node, yaml.MappingNode):
        return None, None, None
    if shape is not None and shape.kind == "measurements":
        # `2026-01-31: 120` was turned into item {date, valeur} number `part`.
        if isinstance(part, int) and 0 <= part < len(node.value):
            key_node, value_node = node.value[part]
            return _MeasurementPair(key_node, value_node), key_node, Shape("pair")
        return None, None, None
    if isinstance(node, _MeasurementPair):
        chosen = node.key_node if part == "date" else node.value_node
        return chosen, node.key_node, None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and _matches(shape, str(key_node.value), part):
            child = shape.child(str(key_node.value)) if shape is not None and shape.kind in ("model", "dict") else None
            return value_node, key_node, child
    return None, None, None


class _MeasurementPair(yaml.MappingNode):
    """A `date: value` pair of the mapping form, seen as the item it became."""

    def __init__(self, key_node: yaml.Node, value_node: yaml.Node) -> None:
        super().__init__("pac:pair", [], key_node.start_mark, value_node.end_mark)
        self.key_node = key_node
        self.value_node = value_node


# An alias needs an anchor, and an anchor token is `&name` after a blank or a
# flow indicator. Files without one (Markdown italics often look like aliases,
# `&` followed by a name rarely appears in prose) skip the per-node alias
# bookkeeping entirely; a file with an alias but no anchor is a syntax error.
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])&[^\s]", re.MULTILINE)


class _Walker:
    def __init__(self, file: str, lang: str, track_aliases: bool) -> None:
        self.file = file
        self.lang = lang
        self.problems: list[Problem] = []
        self.seen: set[int] | None = set() if track_aliases else None

    def problem(self, node: yaml.Node, code: str, **args: Any) -> None:
        line, column = position(node)
        self.problems.append(Problem(self.file, line, column, Severity.ERROR, code, message(code, self.lang, **args)))

    def walk(self, node: yaml.Node, shape: Shape | None, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.problem(node, "E007", limit=MAX_DEPTH)
            return None
        if self.seen is not None:
            if id(node) in self.seen:  # the same node twice: an alias
                self.problem(node, "E005")
                return None
            self.seen.add(id(node))
        tag = node.tag
        if tag not in _UNTAGGED:
            self.problem(node, "E004", tag=tag_as_written(tag))
            return None
        if tag == PLAIN or tag == QUOTED:
            # Text as written where text goes, and where keys go too: a scalar there is
            # either refused (keys were expected) or a decision written as one sentence.
            if shape is not None and shape.kind in ("raw", "model"):
                return None if (tag == PLAIN and node.value in _NULLS) else node.value
            return core_scalar(node)
        if tag == SEQ:
            item = shape.child(0) if shape is not None and shape.kind in ("list", "measurements") else None
            return [self.walk(child, item, depth + 1) for child in node.value]
        if shape is not None and shape.kind == "model":
            return self.walk_model(node, shape, depth)
        if shape is not None and shape.kind == "measurements":
            return self.walk_measurements(node, depth)
        item = shape.child("") if shape is not None and shape.kind == "dict" else None
        keys = shape.keys if shape is not None else None
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.key_text(key_node)
            if key is None:
                continue
            if keys is not None:
                # `monday:` and `Lundi:` are the same day: record it under `lundi`.
                try:
                    key = str(keys.parse(key))
                except ValueProblem:
                    pass
            if key in result:
                self.problem(key_node, "E006", key=key_node.value)
                continue
            result[key] = self.walk(value_node, item, depth + 1)
        return result

    def key_text(self, key_node: yaml.Node) -> str | None:
        if key_node.tag != PLAIN and key_node.tag != QUOTED:
            self.problem(key_node, "E010" if key_node.tag in _UNTAGGED else "E004", tag=tag_as_written(key_node.tag))
            return None
        return str(key_node.value)

    def walk_model(self, node: yaml.Node, shape: Shape, depth: int) -> dict[str, Any]:
        fields = shape.fields
        result: dict[str, Any] = {}
        spelled: dict[str, str] = {}
        for key_node, value_node in node.value:
            key_tag = key_node.tag
            if key_tag == PLAIN or key_tag == QUOTED:
                key = key_node.value  # inlined key_text: this loop runs for every key of a plan
            else:
                self.key_text(key_node)
                continue
            found = fields.get(normalize_word(key))
            if found is None:
                self.unknown_key(key_node, key, shape)
                continue
            canonical, child = found
            if canonical in result:
                if spelled[canonical] == key:
                    self.problem(key_node, "E006", key=key)
                else:
                    self.problem(key_node, "E102", key=key, other=spelled[canonical], canonical=canonical)
                continue
            spelled[canonical] = key
            tag = value_node.tag
            if self.seen is None and (tag == PLAIN or tag == QUOTED):
                # Most values are scalars: handled here without a call per node.
                if child.kind == "raw":
                    text = value_node.value
                    result[canonical] = None if (tag == PLAIN and text in _NULLS) else text
                else:
                    result[canonical] = core_scalar(value_node)
            else:
                result[canonical] = self.walk(value_node, child, depth + 1)
        return result

    def unknown_key(self, key_node: yaml.Node, key: str, shape: Shape) -> None:
        assert shape.model is not None
        canonical_keys = sorted({c for c, _ in shape.fields.values()})
        close = difflib.get_close_matches(normalize_word(key), list(shape.fields), n=1, cutoff=0.6)
        allowed = ", ".join(canonical_keys)
        if close:
            # The key closest to what was written, in the language it was written in.
            suggestion = close[0]
            self.problem(key_node, "E101", key=key, suggestion=suggestion, allowed=allowed)
        else:
            self.problem(key_node, "E101b", key=key, allowed=allowed)

    def walk_measurements(self, node: yaml.Node, depth: int) -> list[dict[str, Any]]:
        # `2026-01-31: 120` becomes {date: "2026-01-31", valeur: 120} at the same index.
        result: list[dict[str, Any]] = []
        for key_node, value_node in node.value:
            key = self.key_text(key_node)
            tag = value_node.tag
            if self.seen is None and (tag == PLAIN or tag == QUOTED):
                value = core_scalar(value_node)
            else:
                value = self.walk(value_node, _CORE, depth + 1)
            result.append({"date": key, "valeur": value})
        return result


_CORE = Shape("core")


def normalize(file: str, root: yaml.Node, model: type[BaseModel], lang: str = "fr", text: str | None = None) -> Normalized:
    """Walk a composed document against ``model`` and return canonical data.

    Args:
        file: Name of the file, for problems.
        root: The document's root node.
        model: The pydantic model the document should match.
        lang: ``fr`` or ``en`` for messages.
        text: The document's text; when given and it holds no anchor, the walk
            skips alias bookkeeping.
    """
    track = text is None or ("&" in text and _ANCHOR_RE.search(text) is not None)
    walker = _Walker(file, lang, track)
    out = Normalized(None, root)
    if not isinstance(root, yaml.MappingNode):
        walker.problem(root, "E008")
    else:
        out.data = walker.walk(root, Shape("model", model=model), 0)
    out.problems = walker.problems
    return out
