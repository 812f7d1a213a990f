"""The JSON Schema (draft 2020-12) of format v1, generated from the model.

Editors with the YAML language server use it for completion and hover help. Both
the French keys and their English aliases are listed, with descriptions in the
language asked for. ``docs/schema/plan.schema.json`` is a committed copy; a test
fails when it drifts from the model.
"""

from __future__ import annotations

import json
from typing import Any

from pac_gen.format.model import Plan
from pac_gen.text import text

SCHEMA_ID = "https://pac-gen.example/schema/plan.schema.json"


def _localise(node: Any, lang: str) -> Any:
    if isinstance(node, dict):
        node = {k: _localise(v, lang) for k, v in node.items()}
        english = node.pop("en", None)
        description_en = node.pop("description_en", None)
        if lang == "en" and description_en:
            node["description"] = description_en
        if english is not None:
            node["x-english-key"] = english
        properties = node.get("properties")
        if isinstance(properties, dict):
            # Every French key also accepts its English alias.
            extra = {}
            for key, prop in properties.items():
                alias = prop.get("x-english-key") if isinstance(prop, dict) else None
                if alias and alias != key and alias not in properties:
                    extra[alias] = {k: v for k, v in prop.items() if k != "default"}
            properties.update(extra)
            required = node.get("required")
            if required:
                # A required key may be written in either language.
                node["allOf"] = [
                    {"anyOf": [{"required": [k]}, {"required": [properties[k]["x-english-key"]]}]}
                    if properties[k].get("x-english-key", k) != k else {"required": [k]}
                    for k in required
                ]
                del node["required"]
        node.pop("title", None)
        # Accented or spaced spellings of a key are valid too (`échéance`), which a
        # schema cannot express: leave other keys to pac-gen rather than flag them.
        node.pop("additionalProperties", None)
        return node
    if isinstance(node, list):
        return [_localise(v, lang) for v in node]
    return node


def plan_schema(lang: str = "fr") -> dict[str, Any]:
    """The schema as a dictionary, descriptions in ``lang``."""
    schema = _localise(Plan.model_json_schema(by_alias=True, mode="validation"), lang)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": text("schema.title", lang), **schema}


def schema_text(lang: str = "fr") -> str:
    """The schema as stable, pretty-printed JSON text."""
    return json.dumps(plan_schema(lang), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
