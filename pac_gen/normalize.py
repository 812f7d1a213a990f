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
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel

from pac_gen.loader import MAP, MAX_DEPTH, SEQ, core_scalar, position
from pac_gen.messages import message
from pac_gen.problems import Problem, Severity
from pac_gen.values import Choice, ValueProblem, normalize_word

Path = tuple[str | int, ...]


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
    """Canonical plan data and where each part of it was written.

    Attributes:
        data: Plain Python data with canonical French keys.
        marks: Canonical path → 1-based (line, column) of the value.
        key_marks: Canonical path → 1-based (line, column) of the key naming it.
        problems: Structural problems met on the way (unknown keys, tags…).

    """

    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def locate(self, path: Path) -> tuple[int, int]:
        """The position of the deepest part of ``path`` that exists in the file."""
        path = tuple(path)
        while path:
            found = self.marks.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.marks.get((), (1, 1))


class _Walker:
    def __init__(self, file: str, lang: str) -> None:
        self.file = file
        self.lang = lang
        self.out = Normalized(None)
        self.seen: set[int] = set()

    def problem(self, node_or_pos: yaml.Node | tuple[int, int], code: str, **args: Any) -> None:
        line, column = node_or_pos if isinstance(node_or_pos, tuple) else position(node_or_pos)
        self.out.problems.append(
            Problem(self.file, line, column, Severity.ERROR, code, message(code, self.lang, **args))
        )

    def walk(self, node: yaml.Node, shape: Shape | None, path: Path, depth: int) -> Any:
        self.out.marks[path] = position(node)
        if depth > MAX_DEPTH:
            self.problem(node, "E007", limit=MAX_DEPTH)
            return None
        if id(node) in self.seen:  # the same node twice: an alias
            self.problem(node, "E005")
            return None
        self.seen.add(id(node))
        tag = node.tag
        if tag not in (MAP, SEQ) and not tag.startswith("pac:"):
            self.problem(node, "E004", tag=tag)
            return None
        if isinstance(node, yaml.ScalarNode):
            if shape is not None and shape.kind == "raw":
                return None if (node.tag == "pac:plain" and node.value in ("", "~", "null", "Null", "NULL")) else node.value
            return core_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            item = shape.item if shape is not None and shape.kind == "list" else None
            if shape is not None and shape.kind == "measurements":
                item = Shape("model", model=_measurement_model())
            return [self.walk(child, item, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        if shape is not None and shape.kind == "model":
            return self.walk_model(node, shape, path, depth)
        if shape is not None and shape.kind == "measurements":
            return self.walk_measurements(node, path, depth)
        item = shape.item if shape is not None and shape.kind == "dict" else None
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.key_text(key_node)
            if key is None:
                continue
            if shape is not None and shape.keys is not None:
                # `monday:` and `Lundi:` are the same day: record it under `lundi`.
                try:
                    key = str(shape.keys.parse(key))
                except ValueProblem:
                    pass
            if key in result:
                self.problem(key_node, "E006", key=key_node.value)
                continue
            self.out.key_marks[(*path, key)] = position(key_node)
            result[key] = self.walk(value_node, item, (*path, key), depth + 1)
        return result

    def key_text(self, key_node: yaml.Node) -> str | None:
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.tag.startswith("pac:"):
            self.problem(key_node, "E010")
            return None
        return str(key_node.value)

    def walk_model(self, node: yaml.MappingNode, shape: Shape, path: Path, depth: int) -> dict[str, Any]:
        fields = shape.fields
        result: dict[str, Any] = {}
        spelled: dict[str, str] = {}
        for key_node, value_node in node.value:
            key = self.key_text(key_node)
            if key is None:
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
            self.out.key_marks[(*path, canonical)] = position(key_node)
            result[canonical] = self.walk(value_node, child, (*path, canonical), depth + 1)
        return result

    def unknown_key(self, key_node: yaml.Node, key: str, shape: Shape) -> None:
        assert shape.model is not None
        canonical_keys = sorted({c for c, _ in shape.fields.values()})
        close = difflib.get_close_matches(normalize_word(key), list(shape.fields), n=1, cutoff=0.6)
        allowed = ", ".join(canonical_keys)
        if close:
            suggestion = shape.fields[close[0]][0]
            self.problem(key_node, "E101", key=key, suggestion=suggestion, allowed=allowed)
        else:
            self.problem(key_node, "E101b", key=key, allowed=allowed)

    def walk_measurements(self, node: yaml.MappingNode, path: Path, depth: int) -> list[dict[str, Any]]:
        # `2026-01-31: 120` becomes {date: "2026-01-31", valeur: 120} at the next index.
        result: list[dict[str, Any]] = []
        for index, (key_node, value_node) in enumerate(node.value):
            key = self.key_text(key_node)
            if key is None:
                continue
            item_path = (*path, index)
            self.out.marks[item_path] = position(key_node)
            self.out.marks[(*item_path, "date")] = position(key_node)
            value = self.walk(value_node, Shape("core"), (*item_path, "valeur"), depth + 1)
            result.append({"date": key, "valeur": value})
        return result


@cache
def _measurement_model() -> type[BaseModel]:
    from pac_gen.model import Measurement

    return Measurement


def normalize(file: str, root: yaml.Node, model: type[BaseModel], lang: str = "fr") -> Normalized:
    """Walk a composed document against ``model`` and return canonical data with positions.

    Args:
        file: Name of the file, for problems.
        root: The document's root node.
        model: The pydantic model the document should match.
        lang: ``fr`` or ``en`` for messages.

    """
    walker = _Walker(file, lang)
    if not isinstance(root, yaml.MappingNode):
        walker.out.marks[()] = position(root)
        walker.problem(root, "E008")
        walker.out.data = None
        return walker.out
    walker.out.data = walker.walk(root, Shape("model", model=model), (), 0)
    return walker.out

