"""Property-based tests: valid plans with arbitrary Unicode in every text field are
shown as text, and arbitrary broken documents end in located problems (a
PluginError in the site build), never in another exception.

CI runs a modest number of examples; a fuzz run sets PAC_GEN_FUZZ_EXAMPLES
(e.g. ``PAC_GEN_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_properties.py``).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pac_gen.check.validate import check_bytes
from pac_gen.format.loader import yaml_quote
from pac_gen.site.pages import PlanSource, SiteOptions, error_page, plan_page
from pac_gen.site.render import SAFE_ATTRIBUTES, SAFE_TAGS
from tests.hostile.support import HOSTILE, ROOT, SETTINGS, assert_no_live_markup, parse, plain_texts

EXAMPLES = int(os.environ.get("PAC_GEN_FUZZ_EXAMPLES", "150"))
PROFILE = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 200,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
OPTIONS = SiteOptions(SETTINGS)

def to_yaml(value: Any, indent: int = 0) -> str:
    """Block YAML for plain data, every string double-quoted."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {to_yaml(item)}")
        return "\n".join(lines)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "\n".join(f"{pad}-\n{to_yaml(item, indent + 2)}" if isinstance(item, dict | list)
                         else f"{pad}- {to_yaml(item)}" for item in value)
    if isinstance(value, str):
        return yaml_quote(value)
    return json.dumps(value)


# Any character a plan's text may hold: no surrogates, and none of the control
# characters the loader refuses, raw (E002) or escaped (E013; see test_loader.py).
_REFUSED = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]))
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters=_REFUSED), min_size=1, max_size=40)
texts = st.lists(text, max_size=3)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A valid plan (fixed dates and choices, ids as simple slugs) with generated text everywhere."""
    actions = [{
        "id": f"a{i}", "intitule": draw(text), "type": "prospection", "lancement": "2026-09-01",
        "date_limite": "2027-01-31", "responsable": draw(text), "moyens_actuels": draw(texts),
        "moyens_a_prevoir": draw(texts), "budget": 100,
        "loi_des_nombres": {"resultat_vise": 1, "volume_prevu": 3, "unite": draw(text)},
        "taches": [{"tache": draw(text), "responsable": draw(text), "date_limite": "2026-12-01",
                    "moyens": draw(text), "statut": "en_cours", "commentaires": draw(text), "resultat": draw(text)}],
    } for i in range(draw(st.integers(1, 2)))]
    return {
        "titre": draw(text), "auteur": draw(text), "strategie": draw(text),
        "objectif": {"intitule": draw(text), "debut": "2026-09-01", "echeance": "2027-02-28"},
        "bilan": [{"action": draw(text), "atouts": draw(texts), "freins": draw(texts), "efficace": True}],
        "actions": actions,
        "rituels": [{"rituel": draw(text), "frequence": "hebdomadaire", "jours": ["vendredi"],
                     "moment": "apres_midi", "debut": "2026-09-04", "pendant": "4 semaines", "action": "a0"}],
        "indicateurs": [
            {"id": "r", "indicateur": draw(text), "type": "resultat", "unite": draw(text), "valeur_initiale": 0,
             "valeur_cible": 10, "outil": draw(text), "mesures": {"2026-10-01": 2}},
            {"id": "s", "indicateur": draw(text), "type": "suivi", "valeur_initiale": 0, "valeur_cible": 10,
             "outil": draw(text)},
        ],
        "freins": [{"frein": draw(text), "causes": draw(texts), "solutions": [draw(text)], "action": "a0"}],
        "equipe": [{"nom": draw(text), "role": draw(text), "cout": 0, "disponibilite": draw(text)}],
        "semaine_ideale": {"vendredi": [{"de": "08:00", "a": "18:00", "domaine": "entreprise",
                                         "activite": draw(text)}]},
        "notes": draw(text),
    }


def _baseline() -> tuple[set[str], set[str]]:
    """The element and attribute names the pages use for the example plans and the safe Markdown tags."""
    tags, attrs = set(SAFE_TAGS), {a for names in SAFE_ATTRIBUTES.values() for a in names} | {"rel"}
    for path in sorted((ROOT / "plans").rglob("*.yaml")):
        checked = check_bytes(str(path), path.read_bytes(), SETTINGS)
        page = parse(str(plan_page(PlanSource(checked, path.name), OPTIONS, path.name).html))
        tags |= {t for t, _ in page.tags}
        attrs |= {n for _, a in page.tags for n, _ in a}
    return tags, attrs


BASE_TAGS, BASE_ATTRS = _baseline()


@PROFILE
@given(plans())
def test_any_text_is_shown_escaped(data):
    document = to_yaml(data).encode("utf-8")
    checked = check_bytes("plans/gen.yaml", document, SETTINGS)
    assert checked.errors == [], (checked.errors[:3], document[:300])
    plan = checked.plan
    assert plan is not None
    html = str(plan_page(PlanSource(checked, "gen.yaml"), OPTIONS, "plans/gen.yaml").html)
    page = assert_no_live_markup(html)
    # No element or attribute name comes from the text.
    assert {t for t, _ in page.tags} <= BASE_TAGS
    assert {n for _, a in page.tags for n, _ in a} <= BASE_ATTRS
    for value in plain_texts(plan):
        assert value in page.text


# --- Invalid documents ----------------------------------------------------------------------

SEED = (HOSTILE / "xss_text.yaml").read_bytes()
_SNIPPETS = [b":", b"- ", b"  ", b"\t", b"[", b"{", b"'", b'"', b"&a ", b"*a", b"!!python/object ", b"\n", b"#",
             b"---\n", b"\xff", b"\x00", b"? ", b"|\n", b">-\n", b"objectif:", b"actions: 3\n", b"%YAML 1.1\n",
             b"\xef\xbb\xbf", b"\r", b"2026-02-31", b"10000000000000000000000000", b".nan", b"~"]


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    """The seed plan with a few random edits: inserted snippets or bytes, deletions, truncation."""
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["snippet", "bytes", "delete", "truncate", "duplicate_line"]))
        if kind == "snippet":
            data[at:at] = draw(st.sampled_from(_SNIPPETS))
        elif kind == "bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "truncate":
            del data[at:]
        else:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            data[end:end] = data[start:end]
    return bytes(data)


@PROFILE
@given(mutations())
def test_any_broken_document_gives_located_problems(document):
    checked = check_bytes("plans/mut.yaml", document, SETTINGS)
    lines = document.count(b"\n") + document.count(b"\r") + 2  # YAML also breaks lines at a lone CR
    for problem in checked.problems:
        assert 1 <= problem.line <= lines and problem.column >= 1 and problem.message
    if checked.plan is None:
        assert checked.errors
        page = parse(str(error_page(PlanSource(checked, "mut.yaml"), OPTIONS).html))
        assert {t for t, _ in page.tags} <= {"div", "h1", "p", "code", "ul", "li"}
    else:
        plan_page(PlanSource(checked, "mut.yaml"), OPTIONS, "plans/mut.yaml")


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory):
    """A loaded MkDocs config and the pac_gen plugin, ready for on_files."""
    pytest.importorskip("pac_gen.engines.mkdocs_plugin")
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from tests.hostile.support import site_project

    project = site_project(tmp_path_factory.mktemp("fuzz"), {})
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["pac_gen"]
    config.plugins._current_plugin = "pac_gen"  # what MkDocs sets while a plugin's event runs
    return project, config, plugin, Files


@PROFILE
@given(document=mutations())
def test_plugin_leaves_broken_documents_out_and_publishes_sound_ones(plugin_site, document):
    # Issue 21: a broken plan never stops the build; it is left out, with its errors, and named.
    project, config, plugin, files_class = plugin_site
    (project / "plans" / "mut.yaml").write_bytes(document)
    plugin.on_config(config)
    checked = check_bytes("plans/mut.yaml", document, SETTINGS)
    files = plugin.on_files(files_class([]), config=config)
    build = plugin.build
    uris = {file.src_uri for file in files}
    if checked.errors:
        assert [w.path for w in build.withheld] == ["plans/mut.yaml"]
        first = checked.errors[0]
        assert (first.line, first.column, first.code) in {(p.line, p.column, p.code) for p in build.errors}
        assert "plans/mut.md" not in uris and "plans/mut.csv" not in uris
    else:
        assert build.withheld == []
        assert ("plans/mut.md" in uris) is not checked.confidential


def test_yaml_quote_round_trips_awkward_characters():
    awkward = "a\u2028b\x85c\x7fd\ufeffe\"f\\g\nh\ti😀"
    checked = check_bytes("x.yaml", f"objectif:\n  intitule: {yaml_quote(awkward)}\n".encode(), SETTINGS)
    assert checked.positions is not None and checked.positions.data["objectif"]["intitule"] == awkward


