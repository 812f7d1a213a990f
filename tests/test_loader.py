"""Reading plan files: YAML 1.2 core scalars, encodings, and hostile files."""

import codecs
from decimal import Decimal

import pytest
import yaml

from pac_gen.check.validate import check_bytes, check_file
from pac_gen.format import loader
from pac_gen.format.loader import NodeLoader, core_scalar
from pac_gen.format.settings import Settings
from tests.conftest import MINIMAL_PLAN, TODAY, check, codes

PLAN = MINIMAL_PLAN


def scalar(text: str):
    node = NodeLoader(f"k: {text}\n").get_single_node()
    return core_scalar(node.value[0][1])


@pytest.mark.parametrize(("text", "value"), [
    ("14:00", "14:00"), ("010", 10), ("0o17", 15), ("0x1F", 31), ("-3", -3), ("1.5", 1.5), ("1e3", 1000.0),
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("true", True), ("False", False),
    ("~", None), ("null", None), ("", None), ("2026-01-01", "2026-01-01"), ("1_000", "1_000"),
    ("'010'", "010"), ('"true"', "true"), ("0b11", "0b11"), ("12:30:00", "12:30:00"),
])
def test_yaml_1_2_core_scalars(text, value):
    assert scalar(text) == value
    assert type(scalar(text)) is type(value)


def test_core_scalars_in_a_plan():
    text = "titre: 010\nauteur: yes\nconfidentiel: yes\n" + PLAN + (
        "    budget: 010\n"
        "rituels:\n"
        "  - rituel: Appels\n"
        "    frequence: weekly\n"
        "    heure: 14:00\n"
        "    debut: 2026-09-04\n"
        "    pendant: 8 weeks\n"
    )
    result = check(text)
    assert result.errors == []
    plan = result.plan
    assert plan is not None
    assert plan.title == "010"            # text fields keep the text as written
    assert plan.author == "yes"           # `yes` is a word...
    assert plan.confidential is True      # ...that only boolean fields interpret
    assert plan.actions[0].budget == Decimal(10)  # `010` is ten, not eight
    assert plan.rituals[0].time.strftime("%H:%M") == "14:00"  # not 840 minutes


def test_on_and_off_are_not_booleans():
    assert codes(check("confidentiel: on\n" + PLAN)) == [("E115", 1, 15)]


def test_tag_is_refused_and_never_executed(tmp_path):
    target = tmp_path / "pwned"
    text = f'titre: !!python/object/apply:os.system ["touch {target}"]\n' + PLAN
    result = check(text)
    assert codes(result) == [("E004", 1, 8)]
    assert result.problems[0].message == (
        "Les étiquettes YAML (!!python/object/apply:os.system) ne sont pas acceptées : écris la valeur sans « ! »."
    )
    assert not target.exists()
    # Not even a tag in a key, or a plain `!!str`, nor a local tag.
    text = f'!!python/object/apply:os.system ["touch {target}"]: 1\n' + PLAN
    assert codes(check(text)) == [("E004", 1, 1)]
    assert not target.exists()
    assert codes(check("titre: !!str abc\nauteur: !moi Camille\n" + PLAN)) == [("E004", 1, 8), ("E004", 2, 9)]


def billion_laughs() -> str:
    lines = ["actions:", '  - &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"  - &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_fails_fast_with_e005():
    # 10^9 "lol" if expanded: the test would never end. The walk stops at each alias instead.
    result = check(billion_laughs())
    aliases = [p for p in result.problems if p.code == "E005"]
    # One problem at each alias as written: 9 levels of 9 aliases.
    assert len(aliases) == 81
    assert (aliases[0].line, aliases[0].column) == (3, 10)
    assert (aliases[-1].line, aliases[-1].column) == (11, 50)
    assert aliases[0].message.startswith("Les ancres et alias YAML (&nom, *nom) ne sont pas acceptés")


def test_a_single_alias_is_reported_where_it_is_written():
    text = PLAN + "    moyens_actuels: &outils [Instagram, Canva]\n    moyens_a_prevoir: *outils\n"
    assert codes(check(text)) == [("E005", 9, 23)]


def test_file_over_1_mb_is_refused_before_parsing():
    data = b'titre: "' + b"x" * 1_000_000  # would be an unclosed quote if it were parsed
    result = check_bytes("big.yaml", data, Settings(today=TODAY))
    assert codes(result) == [("E003", 1, 1)]
    assert result.problems[0].message == (
        "Le fichier fait 1\u202f000\u202f008 octets, plus que la limite de 1\u202f000\u202f000 octets : "
        "un plan n'a jamais besoin d'être aussi long. Découpe-le en plusieurs plans."
    )
    exactly = b"titre: x\n" + b"#" * (1_000_000 - 9)
    assert "E003" not in [p.code for p in check_bytes("ok.yaml", exactly, Settings(today=TODAY)).problems]


def test_file_over_1_mb_on_disk_gives_its_real_size(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 3_000_000)
    result = check_file(big, Settings(today=TODAY, lang="en"))
    assert codes(result) == [("E003", 1, 1)]
    assert result.problems[0].message.startswith("The file is 3,000,000 bytes long, over the limit of 1,000,000 bytes")


@pytest.mark.parametrize(("data", "line", "column"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, 1),
    (b"titre: caf\xe9\n", 1, 11),                   # Latin-1, not UTF-8
    (b"titre: ok\nauteur: a\x00b\n", 2, 10),        # a NUL byte in valid UTF-8
    ("titre: a\n".encode("utf-16-le"), 1, 2),       # UTF-16 without a byte-order mark
])
def test_binary_or_badly_encoded_file_gives_e002_with_position(data, line, column):
    result = check_bytes("plan.yaml", data, Settings(today=TODAY))
    assert codes(result) == [("E002", line, column)]
    assert result.problems[0].message.startswith("Le fichier n'est pas du texte UTF-8 lisible à partir d'ici")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_byte_order_mark_is_decoded(encoding):
    text = "titre: Éléonore et l'été\n" + PLAN
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    result = check_bytes("plan.yaml", data, Settings(today=TODAY))
    assert result.errors == []
    assert result.plan is not None
    assert result.plan.title == "Éléonore et l'été"


def test_ten_thousand_open_brackets_give_a_problem():
    # Past 1,000 levels the document is refused from the event stream before being
    # read to its end (libyaml's composer would recurse 10,000 times): the depth is
    # the error shown, at the bracket one level too deep, rather than the bracket never closed.
    result = check_bytes("deep.yaml", b"titre: " + b"[" * 10_000, Settings(today=TODAY))
    assert codes(result) == [("E007", 1, 48)]


def test_nine_hundred_open_brackets_still_say_where_the_bracket_opens():
    result = check_bytes("deep.yaml", b"titre: " + b"[" * 900, Settings(today=TODAY))
    assert [p.code for p in result.problems] == ["E001"]
    assert "jamais fermé" in result.problems[0].message


def test_deeply_nested_document_gives_e007():
    data = b"titre: " + b"[" * 10_000 + b"]" * 10_000 + b"\n"
    result = check_bytes("deep.yaml", data, Settings(today=TODAY))
    assert ("E007", 1, 48) in codes(result)  # the 41st bracket is one level too deep
    assert result.plan is None
    lines = "notes:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(300)) + "  " * 301 + "x\n"
    assert "E007" in [p.code for p in check(lines).problems]


def test_empty_file_and_non_mapping_root():
    assert codes(check("")) == [("E008", 1, 1)]
    assert codes(check("# rien\n")) == [("E008", 1, 1)]
    assert codes(check("- objectif\n- actions\n")) == [("E008", 1, 1)]


def test_non_text_key():
    assert codes(check("[a, b]: 1\n" + PLAN)) == [("E010", 1, 1)]


def test_duplicate_anchor_is_a_syntax_error():
    result = check(PLAN + "    responsable: &x Camille\n    moyens: &x Canva\n")
    assert codes(result) == [("E001", 9, 13)]


def test_read_document_never_raises_on_composer_edge_cases():
    for text in ("%YAML 1.1\n---\n", "--- !!map\n", "? a\n", "a: *b\n", "&a a: 1\n"):
        document = loader.read_document("x.yaml", text.encode())
        assert isinstance(document.problems, list)
        if document.root is None:
            assert document.problems


def test_unreadable_file_gives_e009(tmp_path):
    result = check_file(tmp_path / "absent.yaml", Settings(today=TODAY))
    assert codes(result) == [("E009", 1, 1)]
    assert result.problems[0].message.startswith("Impossible de lire le fichier : ")


def test_yaml_module_is_only_used_for_composing():
    # The loader's resolver gives every node one of four neutral tags: no constructor ever runs.
    node = NodeLoader("a: [1, {b: c}]").get_single_node()
    assert isinstance(node, yaml.MappingNode)
    assert {node.tag, node.value[0][1].tag, node.value[0][1].value[0].tag} == {loader.MAP, loader.SEQ, loader.PLAIN}


def test_control_characters_written_as_escapes_give_e013_where_the_text_starts():
    data = ('titre: "Plan\\e]0;titre\\a"\n' + PLAN.replace("Boutique en ligne", '"A\\x07B"')
            + 'notes: "deux\\nlignes, un \\"mot\\" et \\u00e9"\n').encode()
    result = check_bytes("plan.yaml", data, Settings(today=TODAY))
    assert codes(result) == [("E013", 1, 8), ("E013", 7, 15)]
    assert result.plan is None
    assert result.problems[0].message == ("Ce texte contient un caractère de contrôle invisible (U+001B), "
                                          "écrit avec un échappement « \\ » entre guillemets : retire-le.")
    assert result.problems[1].message.startswith("Ce texte contient un caractère de contrôle invisible (U+0007)")


def test_a_looping_alias_does_not_hang_the_escape_check():
    result = check_bytes("plan.yaml", b'a: &x [*x, "\\e"]\n', Settings(today=TODAY))
    assert ("E013", 1, 12) in codes(result)
