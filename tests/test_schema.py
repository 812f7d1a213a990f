"""The JSON Schema against `pac-gen validate`, as the editor (yaml-language-server) applies it.

No false error: every plan validate accepts, the schema accepts, in any spelling of
keys and values the format allows (the examples, and a property test over generated
plans). No silent miss: an unknown key, a wrong type, a value outside its list, a
malformed or impossible date that validate reports, the editor reports at the same
line. Completion proposes French keys, never a second spelling of a key already there.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from pac_gen.cli import main
from pac_gen.format.model import ActionKind, Domain, Frequency, IndicatorKind, Stage, Status, Term, TimeOfDay, Weekday
from pac_gen.format.schema import PACKAGED_SCHEMAS, plan_schema, schema_text
from pac_gen.format.values import DATE_PATTERN, ValueProblem, normalize_word, parse_date
from tests.conftest import check
from tests.yaml_ls import YamlLanguageServer

ROOT = Path(__file__).resolve().parent.parent
COPIES = {"fr": ROOT / "docs" / "schema" / "plan.schema.json", "en": ROOT / "docs" / "schema" / "plan.schema.en.json"}
MODELINE = f"# yaml-language-server: $schema={COPIES['fr'].as_uri()}\n"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_committed_schemas_match_the_model(lang):
    # When this fails, regenerate: .venv/bin/pac-gen schema --lang LANG > docs/schema/... (and pac_gen/format/schemas/)
    assert COPIES[lang].read_text(encoding="utf-8") == schema_text(lang)
    assert PACKAGED_SCHEMAS[lang].read_text(encoding="utf-8") == schema_text(lang)


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text("fr")
    assert main(["schema", "--lang", "en"]) == 0
    assert capsys.readouterr().out == schema_text("en")


def test_descriptions_and_messages_follow_the_language():
    fr, en = plan_schema("fr"), plan_schema("en")
    [devise_fr] = [s["$ref"] for p, s in fr["patternProperties"].items() if re.match(p, "Devise")]
    [devise_en] = [s["$ref"] for p, s in en["patternProperties"].items() if re.match(p, "currency")]
    assert devise_fr == devise_en == "#/$defs/Plan.devise"
    assert fr["$defs"]["Plan.devise"]["description"] == "Code ISO 4217 de la monnaie (EUR par défaut)."
    assert en["$defs"]["Plan.devise"]["description"] == "ISO 4217 currency code (default EUR)."
    assert fr["title"] == "Plan d'action commercial (format pac_gen v1)"
    text = schema_text("en")
    assert "Expected a date" in text and "Date attendue" not in text


def test_date_pattern_accepts_exactly_the_days_validate_accepts():
    pattern = re.compile(DATE_PATTERN)
    for year in (*range(1896, 1906), *range(1996, 2006), 2027, 2028, *range(2096, 2106), *range(2196, 2204)):
        for month in range(0, 14):
            for day in range(0, 33):
                for text in {f"{year}-{month:02d}-{day:02d}", f"{year}-{month}-{day}", f"{day:02d}/{month:02d}/{year}",
                             f"{day}/{month}/{year}", f" {year}-{month:02d}-{day:02d} "}:
                    try:
                        accepted = parse_date(text) is not None
                    except ValueProblem:
                        accepted = False
                    assert bool(pattern.match(text)) == accepted, text


def test_example_plans_point_editors_at_the_schema():
    plans = sorted((ROOT / "plans").rglob("*.yaml"))
    assert plans
    for plan in plans:
        first = plan.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), plan
        target = (plan.parent / first[len(prefix):]).resolve()
        assert target == COPIES["fr"], plan


# --- The editor: yaml-language-server over LSP -------------------------------------


@pytest.fixture(scope="module")
def editor() -> Iterator[YamlLanguageServer]:
    server = YamlLanguageServer()
    yield server
    server.stop()


def lines(diagnostics: list[dict[str, Any]]) -> list[int]:
    """1-based lines of the diagnostics, as validate counts them."""
    return sorted({d["range"]["start"]["line"] + 1 for d in diagnostics})


def test_example_plans_have_no_error_in_the_editor(editor):
    # Through their own first line (a path relative to the plan), as the editor reads it.
    for plan in sorted((ROOT / "plans").rglob("*.yaml")):
        assert check(plan.read_text(encoding="utf-8")).errors == []
        assert editor.diagnose(plan.read_text(encoding="utf-8"), plan.as_uri()) == [], plan


def test_a_plan_from_pac_gen_new_outside_a_repository_loads_its_schema(editor, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ailleurs" / "plan.yaml"
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={PACKAGED_SCHEMAS['fr'].as_uri()}\n")
    assert editor.diagnose(text, path.as_uri()) == []
    # The schema was loaded: an unknown key is underlined.
    [problem] = editor.diagnose(text + "budjet: 600\n", path.with_name("autre.yaml").as_uri())
    assert problem["message"] == "Property budjet is not allowed."


BASE = """\
objectif:
  intitule: Vendre plus
  debut: 2026-09-01
  echeance: 2027-06-30
actions:
  - id: boutique
    intitule: Ouvrir la boutique
    type: prospection
    budget: 600
    lancement: 2026-09-01
    taches:
      - tache: Choisir la solution
        statut: fait
        date_limite: 15/10/2026
rituels:
  - rituel: Revue
    frequence: hebdomadaire
    jours: [vendredi]
    debut: 2026-09-04
    pendant: 3 mois
indicateurs:
  - indicateur: Visites
    type: suivi
    outil: Matomo
    valeur_initiale: 100
    valeur_cible: 300
    mesures:
      2026-10-01: 120
freins:
  - frein: Le temps
    depend_de_moi: oui
    solutions: [Bloquer le vendredi]
"""

# (what, old line, new line): each is an error validate reports on that line.
MISTAKES = [
    ("unknown key", "    budget: 600", "    budjet: 600"),
    ("unknown key in a task", "        statut: fait", "        etat: fait"),
    ("value outside its list", "    type: prospection", "    type: vente"),
    ("status outside its list", "        statut: fait", "        statut: fini"),
    ("day outside its list", "    jours: [vendredi]", "    jours: [vendredy]"),
    ("impossible date", "  echeance: 2027-06-30", "  echeance: 2027-02-30"),
    ("impossible French date", "        date_limite: 15/10/2026", "        date_limite: 31/09/2026"),
    ("malformed date", "    lancement: 2026-09-01", "    lancement: septembre 2026"),
    ("year out of range", "    lancement: 2026-09-01", "    lancement: 2626-09-01"),
    ("impossible measurement date", "      2026-10-01: 120", "      2026-02-29: 120"),
    ("number expected", "    valeur_initiale: 100", "    valeur_initiale: beaucoup"),
    ("wrong type: a list for a number", "    valeur_cible: 300", "    valeur_cible: [300]"),
    ("wrong type: a mapping for a text", "  intitule: Vendre plus", "  intitule: {a: b}"),
    ("wrong type: a text for a list", "    solutions: [Bloquer le vendredi]", "    solutions: Bloquer"),
    ("boolean expected", "    depend_de_moi: oui", "    depend_de_moi: peut-être"),
    ("money expected", "    budget: 600", "    budget: 600 dollars"),
    ("negative money", "    budget: 600", "    budget: -600"),
    ("id not a slug", "  - id: boutique", "  - id: Ma Boutique"),
    ("measurement value not a number", "      2026-10-01: 120", "      2026-10-01: cent"),
    ("unknown key at the top", "", "budjet: 600"),
    ("acknowledged warning without a reason", "    budget: 600", "    avertissements_acceptes: {W601: ''}"),
    ("acknowledged warning with a blank reason", "    budget: 600", "    avertissements_acceptes: {W601: '  '}"),
    ("acknowledged warning with no reason at all", "    budget: 600", "    avertissements_acceptes: {W601: }"),
    ("acknowledgement of something that is no warning code", "    budget: 600", "    avertissements_acceptes: {budget: 600}"),
    ("acknowledgements as a list", "    budget: 600", "    avertissements_acceptes: [W601]"),
]


def test_the_base_plan_is_clean_for_both(editor):
    assert check(BASE).errors == []
    assert editor.diagnose(MODELINE + BASE) == []


@pytest.mark.parametrize(("what", "old", "new"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_what_validate_reports_the_editor_underlines_on_the_same_line(editor, what, old, new):
    base = BASE.splitlines()
    line = base.index(old) + 1 if old else len(base) + 1
    text = BASE.replace(old, new) if old else BASE + new + "\n"
    assert text != BASE
    assert line in {p.line for p in check(text).errors}, what
    # The modeline takes the first line: the editor's lines are one further down.
    assert [n - 1 for n in lines(editor.diagnose(MODELINE + text))] == [line], what


def test_a_required_key_is_required_in_any_spelling(editor):
    # `Intitulé` is the statement; without any spelling of it, the editor names the French key.
    assert editor.diagnose(MODELINE + BASE.replace("  intitule: Vendre plus", "  Intitulé: Vendre plus")) == []
    text = BASE.replace("  intitule: Vendre plus\n", "")
    assert [p.code for p in check(text).errors] == ["E103"]
    [problem] = editor.diagnose(MODELINE + text)
    assert problem["message"] == 'Missing property "intitule".'


def test_completion_offers_french_keys_never_a_second_spelling(editor):
    text = MODELINE + "objectif:\n  Intitulé: Vendre\n  deadline: 2027-01-01\n  \n"
    offered = editor.complete(text, 4, 2)
    assert offered == ["debut", "phase", "avertissements_acceptes"]  # not intitule/statement, not echeance/deadline, no English
    action = MODELINE + "actions:\n  - title: Ouvrir\n    \n"
    offered = editor.complete(action, 3, 4)
    assert "intitule" not in offered and "title" not in offered
    assert {"type", "budget", "taches", "lancement"} <= set(offered)
    assert not set(offered) & {"kind", "tasks", "start", "due"}


def test_completion_proposes_the_values_of_a_list(editor):
    offered = editor.complete(MODELINE + "actions:\n  - intitule: Ouvrir\n    type: \n", 3, 10)
    assert {"prospection", "communication", "fidelisation"} <= set(offered)


# --- A property test: generated plans, in every spelling the format allows -----------

ACCENTS = {"a": "àâä", "e": "éèêë", "i": "îï", "o": "ôö", "u": "ùûü", "c": "ç"}


@st.composite
def spelled(draw: st.DrawFn, *words: str) -> str:
    """One of ``words`` as a learner may write it: any case, accents, spaces or hyphens for `_`."""
    word = draw(st.sampled_from(words))
    out = []
    for char in word:
        if char == "_":
            out.append(draw(st.sampled_from(["_", " ", "-", "’", "  ", " - "])))
            continue
        if char in ACCENTS and draw(st.booleans()):
            accented = draw(st.sampled_from(ACCENTS[char]))
            # Precomposed (é) or decomposed (e + U+0301), as keyboards and copy-paste give them.
            char = accented if draw(st.booleans()) else unicodedata.normalize("NFD", accented)
        out.append(char.upper() if draw(st.booleans()) else char)
    return "".join(out)


def choice_of(cls: Any) -> st.SearchStrategy[str]:
    return spelled(*cls.accepted_words())


DAYS = st.dates(min_value=__import__("datetime").date(2026, 1, 1), max_value=__import__("datetime").date(2027, 12, 31))


@st.composite
def a_date(draw: st.DrawFn) -> str:
    day = draw(DAYS)
    form = draw(st.sampled_from(["iso", "iso-short", "fr", "fr-short"]))
    if form == "iso":
        return day.isoformat()
    if form == "iso-short":
        return f"{day.year}-{day.month}-{day.day}"
    if form == "fr":
        return day.strftime("%d/%m/%Y")
    return f"{day.day}/{day.month}/{day.year}"


BOOLEANS = st.sampled_from([True, False]) | spelled("oui", "non", "yes", "no", "vrai", "faux")
NUMBERS = st.integers(0, 10**6) | st.floats(0, 10**6, allow_nan=False).map(lambda f: round(f, 2)) | \
    st.sampled_from(["12,5", "1 500", "0,75", "3"])


@st.composite
def plans(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """A plan validate accepts, with its keys and values spelled in every way the format allows."""
    def key(french: str, english: str) -> str:
        return draw(spelled(french, english))

    def mapping(items: list[tuple[str, str, Any] | None]) -> dict[str, Any]:
        return {key(fr, en): value for item in items if item is not None for fr, en, value in [item]}

    def maybe(item: tuple[str, str, Any]) -> tuple[str, str, Any] | None:
        return item if draw(st.booleans()) else None

    def tasks() -> list[dict[str, Any]]:
        return [mapping([("tache", "task", f"Tâche {i}"), maybe(("statut", "status", draw(choice_of(Status)))),
                         maybe(("date_limite", "due", draw(a_date()))), maybe(("duree", "duration", "1h30")),
                         maybe(("budget", "budget", draw(st.integers(0, 500) | st.sampled_from(["1 500,50 €", "45"]))))])
                for i in range(draw(st.integers(0, 2)))]

    actions = [mapping([("id", "id", f"action-{i}"), ("intitule", "title", f"Action {i}"),
                        ("type", "kind", draw(choice_of(ActionKind))), maybe(("horizon", "term", draw(choice_of(Term)))),
                        maybe(("lancement", "start", draw(a_date()))), maybe(("taches", "tasks", tasks()))])
               for i in range(draw(st.integers(1, 2)))]
    measures: Any = {draw(a_date()): draw(NUMBERS) for _ in range(draw(st.integers(0, 3)))}
    if draw(st.booleans()):
        measures = [{key("date", "date"): d, key("valeur", "value"): v} for d, v in measures.items()]
    indicator = mapping([("indicateur", "indicator", "Visites"), ("type", "kind", draw(choice_of(IndicatorKind))),
                         ("valeur_initiale", "initial", draw(NUMBERS)), ("valeur_cible", "target", draw(NUMBERS)),
                         maybe(("outil", "source", "Matomo")), maybe(("mesures", "measurements", measures)),
                         maybe(("phase", "journey_phase", draw(st.integers(1, 7))))])
    ritual = mapping([("rituel", "ritual", "Revue"), ("frequence", "frequency", draw(choice_of(Frequency))),
                      maybe(("jours", "days", draw(st.lists(choice_of(Weekday), min_size=1, max_size=2)))),
                      maybe(("moment", "time_of_day", draw(choice_of(TimeOfDay)))),
                      ("debut", "start", draw(a_date())), ("pendant", "for", draw(st.sampled_from(["3 mois", "8 weeks"]))),
                      maybe(("domaine", "domain", draw(choice_of(Domain))))])
    week = {draw(choice_of(Weekday)): [mapping([("de", "from", "08:00"), ("a", "to", "12:00"),
                                                ("domaine", "domain", draw(choice_of(Domain))),
                                                ("activite", "activity", "Prospection")])]}
    plan = mapping([
        maybe(("titre", "title", draw(st.sampled_from(["Mon plan", "2026", "Plan : vendre"])))),
        maybe(("devise", "currency", draw(st.sampled_from(["EUR", "chf", " cad"])))),
        ("objectif", "objective", mapping([("intitule", "statement", "Vendre plus"), ("echeance", "deadline", "2028-06-30"),
                                           maybe(("phase", "stage", draw(choice_of(Stage))))])),
        ("actions", "actions", actions),
        maybe(("rituels", "rituals", [ritual])),
        maybe(("indicateurs", "indicators", [indicator])),
        maybe(("freins", "obstacles", [mapping([("frein", "obstacle", "Le temps"),
                                                ("depend_de_moi", "within_my_control", draw(BOOLEANS)),
                                                ("solutions", "solutions", ["Bloquer"])])])),
        maybe(("semaine_ideale", "ideal_week", week)),
        maybe(("confidentiel", "confidential", draw(BOOLEANS))),
    ])
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000), []


@given(plans())
@settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.generate])  # each example is a round trip to the server: no long shrinking
def test_every_spelling_validate_accepts_the_editor_accepts(editor_for_hypothesis, generated):
    text, _ = generated
    assert check(text).errors == [], text
    assert editor_for_hypothesis.diagnose(MODELINE + text) == [], text


@pytest.fixture(scope="module")
def editor_for_hypothesis(editor):
    # hypothesis runs one test many times: the module's server serves them all.
    return editor


def test_the_schema_is_json_draft_2020_12():
    schema = json.loads(schema_text("fr"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False


# --- The other way round: a mistake in a generated plan, found by both -------------

# The keys whose value is a word from a list, in the plans generated above.
ENUM_KEYS = {"type", "kind", "statut", "status", "horizon", "term", "phase", "stage", "frequence", "frequency",
             "moment", "time_of_day", "domaine", "domain"}
DATE_VALUE = re.compile(r"^'?(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})'?$")
ENTRY = re.compile(r"^(\s*(?:- )?)([^:'\"]+): (.+)$")


@st.composite
def mistaken_plans(draw: st.DrawFn) -> tuple[str, int, str]:
    """A generated plan with one mistake validate reports: (text, 1-based line, what)."""
    text, _ = draw(plans())
    lines = text.splitlines()
    places = []
    for index, line in enumerate(lines):
        found = ENTRY.match(line)
        if not found:
            continue
        key, value = normalize_word(found.group(2)), found.group(3)
        sibling = " " * len(found.group(1))  # the indentation of the next key of the same mapping
        places.append((index, f"{line}\n{sibling}zz_inconnu: 1", "unknown key"))
        if key in ENUM_KEYS and key != "phase":  # an indicator's phase is a number, the objective's a word
            places.append((index, f"{found.group(1)}{found.group(2)}: inconnu", "value outside its list"))
        if DATE_VALUE.match(value):
            places.append((index, f"{found.group(1)}{found.group(2)}: 2027-02-30", "impossible date"))
            places.append((index, f"{found.group(1)}{found.group(2)}: 31/04/2027", "impossible date"))
            places.append((index, f"{found.group(1)}{found.group(2)}: 2027-13-01", "malformed date"))
    places.append((len(lines), "zz_inconnu: 1", "unknown key"))
    index, replacement, what = draw(st.sampled_from(places))
    lines[index:index + 1] = [replacement]
    line = index + 1 + replacement.count("\n")  # an unknown key goes on the line after the entry
    return "\n".join(lines) + "\n", line, what


@given(mistaken_plans())
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.generate])
def test_every_mistake_validate_reports_the_editor_reports_on_its_line(editor_for_hypothesis, mistaken):
    text, line, what = mistaken
    assert line in {p.line for p in check(text).errors}, (what, text)
    assert line + 1 in {d["range"]["start"]["line"] + 1 for d in editor_for_hypothesis.diagnose(MODELINE + text)}, \
        (what, text)
