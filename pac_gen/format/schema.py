"""The JSON Schema (draft 2020-12) of the format, generated from the model, for editors.

yaml-language-server (VS Code's YAML extension) uses it to underline mistakes, complete
keys and values, and show help on hover. It must agree with ``pac-gen validate``:

- **Keys** are matched like :func:`pac_gen.format.values.normalize_word` matches them (French
  or English, any case, accents, spaces or hyphens): each field is a
  ``patternProperties`` entry whose pattern lists every such spelling; any other key is
  refused (``additionalProperties: false``), as validate's E101 does.
- **Completion** proposes the canonical French key, and only while no spelling of that
  key is in the mapping (an ``if``/``then`` per key whose ``then`` holds it): accepting
  ``title`` beside ``intitule`` would be E102.
- **Required** keys are required in any spelling (an ``if`` no key of that spelling
  exists, ``then`` the French key is required: the editor names it).
- **Values** (dates that exist, enumerations in any spelling, numbers written with a
  comma…) come from the leaf types of :mod:`pac_gen.format.model`, written beside their parsers.
  Dates are a pattern, not ``format: date``: yaml-language-server checks that format
  with a regex that accepts ``2027-02-30`` and refuses ``15/06/2026``.

``docs/schema/plan.schema.json`` (and ``.en.json``) are committed copies, and so are
those in ``pac_gen/format/schemas/`` that the package installs; a test fails when they drift.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from pac_gen.format.model import Plan, Weekday
from pac_gen.format.values import normalize_word, spelling_pattern
from pac_gen.text import text

#: Copies installed with the package, for plans written outside a repository (`pac-gen new`).
PACKAGED_SCHEMAS = {lang: Path(__file__).resolve().parent / "schemas" / name
                    for lang, name in (("fr", "plan.schema.json"), ("en", "plan.schema.en.json"))}


def _describe(node: dict[str, Any], lang: str) -> None:
    # The model's schema carries descriptions in both languages (keep the one asked for) and
    # editors' messages as keys of the catalogue (``schema.error.…``).
    english = node.pop("description_en", None)
    if lang == "en" and english:
        node["description"] = english
    if "errorMessage" in node:
        node["errorMessage"] = text(node["errorMessage"], lang)
    node.pop("title", None)


def _leaf(node: Any, lang: str) -> Any:
    """A value's schema: descriptions in ``lang``, no pydantic titles, integers as validate reads them."""
    if isinstance(node, list):
        return [_leaf(item, lang) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _leaf(value, lang) for key, value in node.items()}
    _describe(node, lang)
    if node.get("type") == "integer":
        # validate reads YAML 1.2 core values through pydantic: `3`, `3.0` and "3" are all 3.
        number = {k: node.pop(k) for k in ("type", "minimum", "maximum") if k in node}
        node["anyOf"] = [number, {"type": "string", "pattern": r"^\s*\+?[0-9]+\s*$"}, {"type": "boolean"}]
    return node


def _model(definition: dict[str, Any], model: type[BaseModel], lang: str,
           fields: dict[str, Any]) -> dict[str, Any]:
    """A model's object schema: every spelling of each key, nothing else, completion of the French keys.

    Each field's own schema goes to ``fields`` (``$defs``, as ``Model.key``): the key's
    pattern and its completion both refer to it.
    """
    out: dict[str, Any] = {"type": "object"}
    if "description" in definition:
        out["description"] = definition["description"]
        out["description_en"] = definition.get("description_en")
        _describe(out, lang)
    patterns: dict[str, Any] = {}
    conditions: list[dict[str, Any]] = []
    for info in model.model_fields.values():
        key = str(info.alias)
        prop = dict(definition["properties"][key])
        english = str(prop.pop("en", key))
        prop = _leaf(prop, lang)
        prop["x-english-key"] = english
        _special(key, prop, lang)
        spelled = spelling_pattern(normalize_word(key), normalize_word(english))
        fields[f"{model.__name__}.{key}"] = prop
        reference = {"$ref": f"#/$defs/{model.__name__}.{key}"}
        patterns[spelled] = reference
        # Offered only while no other spelling is there (the same one is never offered twice).
        others = f"^(?!{key}$)" + spelled[1:]
        conditions.append({"if": {"propertyNames": {"not": {"pattern": others}}},
                           "then": {"properties": {key: reference}}})
        if key in definition.get("required", []):
            conditions.append({"if": {"propertyNames": {"not": {"pattern": spelled}}}, "then": {"required": [key]}})
    out["patternProperties"] = patterns
    out["additionalProperties"] = False
    out["allOf"] = conditions
    return out


def _special(key: str, prop: dict[str, Any], lang: str) -> None:
    """What pydantic cannot say: measurements as a date → value mapping, days in any spelling."""
    if key == "mesures":
        # `2026-01-31: 120` as well as a list of {date, valeur} (pac_gen.format.normalize turns one into the other).
        from pac_gen.format.model import Measurement

        value = Measurement.model_json_schema(by_alias=True)["properties"]["valeur"]
        dates = Measurement.model_json_schema(by_alias=True)["properties"]["date"]
        mapping = {"type": "object", "propertyNames": _leaf(dates, lang),
                   "additionalProperties": _leaf({k: v for k, v in value.items() if k in ("anyOf", "type")}, lang)}
        listed = {k: prop.pop(k) for k in ("type", "items") if k in prop}
        prop["anyOf"] = [listed, mapping]
    if key == "semaine_ideale":
        days = spelling_pattern(*(normalize_word(w) for w in Weekday.accepted_words()))
        for branch in prop.get("anyOf", []):
            if branch.get("type") == "object":
                branch["propertyNames"] = {"pattern": days}


def _models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}

    def visit(model: type[BaseModel]) -> None:
        if model.__name__ in found:
            return
        found[model.__name__] = model
        for info in model.model_fields.values():
            for arg in _classes(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    visit(arg)

    visit(Plan)
    return found


def _classes(annotation: Any) -> list[Any]:
    args = typing.get_args(annotation)
    return [annotation, *[c for a in args for c in _classes(a)]]


def plan_schema(lang: str = "fr") -> dict[str, Any]:
    """The schema as a dictionary, descriptions in ``lang``."""
    source = Plan.model_json_schema(by_alias=True, mode="validation")
    models = _models()
    fields: dict[str, Any] = {}
    definitions = {name: _model(definition, models[name], lang, fields) for name, definition in source["$defs"].items()}
    root = _model(source, Plan, lang, fields)
    definitions.update(fields)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": text("schema.title", lang), **root,
            "$defs": definitions}


def schema_text(lang: str = "fr") -> str:
    """The schema as stable, pretty-printed JSON text."""
    return json.dumps(plan_schema(lang), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
