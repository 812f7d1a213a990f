"""The JSON Schema of the format: generated from the model, committed, referenced by the plans."""

import json
from pathlib import Path

import pytest

from pac_gen.cli import main
from pac_gen.format.schema import plan_schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
COPIES = {"fr": ROOT / "docs" / "schema" / "plan.schema.json", "en": ROOT / "docs" / "schema" / "plan.schema.en.json"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_committed_schema_matches_the_model(lang):
    # When this fails, regenerate: .venv/bin/pac-gen schema --lang LANG > docs/schema/...
    assert COPIES[lang].read_text(encoding="utf-8") == schema_text(lang)


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text("fr")
    assert main(["schema", "--lang", "en"]) == 0
    assert capsys.readouterr().out == schema_text("en")


def test_schema_is_draft_2020_12_with_both_languages_of_keys():
    schema = json.loads(schema_text("fr"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    properties = schema["properties"]
    for french, english in (("objectif", "objective"), ("semaine_ideale", "ideal_week"), ("equipe", "team")):
        assert french in properties and english in properties
    # A required key may be written in either language.
    assert {"anyOf": [{"required": ["objectif"]}, {"required": ["objective"]}]} in schema["allOf"]
    assert {"required": ["actions"]} in schema["allOf"]
    action = schema["$defs"]["Action"]["properties"]
    assert action["type"]["enum"] == ["prospection", "prospecting", "communication", "fidelisation", "retention"]
    assert action["date_limite"]["anyOf"][0]["examples"] == ["2026-06-15", "15/06/2026"] or \
        action["date_limite"].get("examples") == ["2026-06-15", "15/06/2026"]


def test_descriptions_follow_the_language():
    fr, en = plan_schema("fr"), plan_schema("en")
    assert fr["properties"]["devise"]["description"] == "Code ISO 4217 de la monnaie (EUR par défaut)."
    assert en["properties"]["devise"]["description"] == "ISO 4217 currency code (default EUR)."
    assert fr["title"] == "Plan d'action commercial (format pac_gen v1)"


def test_example_plans_point_editors_at_the_schema():
    plans = sorted((ROOT / "plans").rglob("*.yaml"))
    assert plans
    for plan in plans:
        first = plan.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), plan
        target = (plan.parent / first[len(prefix):]).resolve()
        assert target == COPIES["fr"], plan
