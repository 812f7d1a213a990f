"""Read a plan file into YAML nodes that remember where they stand.

The loader is the only place that touches raw bytes. It refuses, with a located
:class:`~pac_gen.check.problems.Problem` and never a traceback: files over 1 MB, binary
files, text that is not UTF-8 (UTF-16/32 with a byte-order mark is decoded),
YAML syntax errors, explicit tags, anchors and aliases, duplicate keys and
documents nested deeper than any plan needs. Scalars follow the YAML 1.2 core
schema: ``14:00`` stays text, ``010`` is ten, ``yes``/``on`` are plain words.
"""

from __future__ import annotations

import codecs
import json
import math
import operator
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pac_gen.check.problems import Problem, Severity
from pac_gen.text import message

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 40

# Tags the resolver gives to untagged nodes. Anything else was written by hand
# (`!!python/object`, `!Ref`...) and is refused before it is ever constructed.
PLAIN = "pac:plain"
QUOTED = "pac:quoted"
SEQ = "pac:seq"
MAP = "pac:map"
_UNTAGGED = frozenset((PLAIN, QUOTED, SEQ, MAP))

_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_OCT_RE = re.compile(r"0o[0-7]+\Z")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_SPECIAL_FLOATS = {
    ".inf": math.inf, "+.inf": math.inf, ".Inf": math.inf, "+.Inf": math.inf,
    ".INF": math.inf, "+.INF": math.inf, "-.inf": -math.inf, "-.Inf": -math.inf,
    "-.INF": -math.inf, ".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan,
}


class NodeLoader(yaml.CSafeLoader):
    """libyaml's composer, with a resolver that only says whether a node had a tag."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:  # noqa: D102
        if kind is yaml.ScalarNode:
            return PLAIN if implicit[0] else QUOTED
        return SEQ if kind is yaml.SequenceNode else MAP

    # libyaml's composer calls these two for every node, to support path-based
    # resolvers, which plans never use: C built-ins that take the same arguments
    # and do nothing useful cost far less than the Python methods they replace.
    descend_resolver = staticmethod(operator.is_)  # type: ignore[assignment]  # (parent, index) -> ignored
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]  # () -> ignored empty tuple


def core_scalar(node: yaml.Node) -> Any:
    """The value of a scalar under the YAML 1.2 core schema.

    Quoted and block scalars are always text; plain ones may be null, a boolean,
    an integer or a float, and are text otherwise.
    """
    text: str = node.value
    if node.tag != PLAIN:
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT_RE.match(text):
        try:
            return int(text, 10)
        except ValueError:  # past Python's 4,300 digits: read as what it is, infinite for a plan
            return float("-inf") if text.startswith("-") else float("inf")
    if _OCT_RE.match(text):
        return int(text[2:], 8)
    if _HEX_RE.match(text):
        return int(text[2:], 16)
    if _FLOAT_RE.match(text):
        return float(text)
    special = _SPECIAL_FLOATS.get(text)
    return text if special is None else special


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_quote(value: str) -> str:
    """A double-quoted YAML scalar holding exactly ``value``, for files pac_gen writes.

    JSON strings are valid YAML double-quoted scalars; the few characters JSON
    leaves raw but YAML readers would fold or refuse are escaped as well. Unlike
    ``json.dumps`` alone, characters beyond U+FFFF stay raw: PyYAML refuses the
    surrogate pairs JSON would write for them (a title with 🚀 lost its page title).
    """
    dumped = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def position(node: yaml.Node) -> tuple[int, int]:
    """The 1-based (line, column) where a node starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


@dataclass
class Document:
    """A composed YAML document, or the problems that stopped it.

    Attributes:
        path: The file name used in problems.
        root: The root node, or None when the file could not be read.
        problems: What went wrong while reading.
        text: The decoded text (empty when it could not be decoded).

    """

    path: str
    root: yaml.Node | None
    problems: list[Problem] = field(default_factory=list)
    text: str = ""


def _problem(path: str, line: int, column: int, code: str, lang: str, **args: Any) -> Problem:
    return Problem(path, line, column, Severity.ERROR, code, message(code, lang, **args))


def byte_count(size: int, lang: str) -> str:
    """A byte count grouped by thousands the way ``lang`` writes it (``1 000 001`` in French)."""
    grouped = f"{size:,}"
    return grouped.replace(",", "\u202f") if lang == "fr" else grouped


def decode(path: str, data: bytes, lang: str = "fr", size: int | None = None) -> tuple[str | None, list[Problem]]:
    """Decode plan bytes to text, or say at which line and column they stop being text.

    Args:
        path: The name to report problems under.
        data: The bytes (at most ``MAX_FILE_BYTES + 1`` of them when read from disk).
        lang: ``fr`` or ``en`` for messages.
        size: The file's real size when ``data`` is only its beginning.

    """
    if len(data) > MAX_FILE_BYTES:
        real = max(size or 0, len(data))
        return None, [_problem(path, 1, 1, "E003", lang, size=byte_count(real, lang),
                               limit=byte_count(MAX_FILE_BYTES, lang))]
    encoding = "utf-8"
    for bom, candidate in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            encoding = candidate
            break
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [_problem(path, line, column, "E002", lang)]
    bad = _first_control_character(text)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        column = bad - (text.rfind("\n", 0, bad) + 1) + 1
        return None, [_problem(path, line, column, "E002", lang)]
    return text, []


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _first_control_character(text: str) -> int | None:
    match = _CONTROL_RE.search(text)
    return None if match is None else match.start()


# ``statut:fait``: a key (starting with a letter), its colon, and a value glued to it
# (YAML wants a space after the colon).
_GLUED_COLON_RE = re.compile(r"([^\W\d_][^:#]*?)(?<!\d):(?!//)(\S.*)")  # not a time (14:00) nor an address (https://)


def _glued_colon(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str] | None:
    """Where a missing « : » is in fact a colon with no space after it: its line and column, the key, the value.

    ``statut:fait`` among keys: libyaml misses the colon of that key (the context mark
    is where it starts). ``- intitule:A`` opening a list item: the item is read as text,
    and the next line's key is the one refused ("mapping values are not allowed").
    """
    problem = exc.problem or ""
    lines = text.splitlines()
    if problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        line, start = exc.context_mark.line, exc.context_mark.column
    elif problem.startswith("mapping values are not allowed") and exc.problem_mark is not None:
        line = exc.problem_mark.line - 1
        while 0 <= line < len(lines) and not lines[line].strip():
            line -= 1
        if not 0 <= line < len(lines):
            return None
        item = _LIST_ITEM_RE.match(lines[line])
        if item is None:
            return None
        start = item.end()
    else:
        return None
    if line >= len(lines):
        return None
    found = _GLUED_COLON_RE.fullmatch(lines[line][start:].rstrip())
    if found is None:
        return None
    return line + 1, start + len(found.group(1)) + 1, found.group(1), found.group(2)


_LIST_ITEM_RE = re.compile(r"\s*-\s+")


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, lang: str, text: str = "") -> Problem:
    glued = _glued_colon(exc, text)
    if glued is not None:
        line, column, key, value = glued
        value = value if len(value) <= 40 else value[:39] + "…"
        return _problem(path, line, column, "E001", lang,
                        detail=message("syntax.colon_space", lang, key=key.strip(), value=value))
    # An unclosed quote or bracket is best shown where it opens, not where the
    # file ends: libyaml gives that place as the context mark.
    mark = exc.problem_mark
    context = exc.context or ""
    if exc.context_mark is not None and any(
        opener in context for opener in ("quoted scalar", "flow sequence", "flow mapping", "simple key")
    ):
        mark = exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    return _problem(path, line, column, "E001", lang, detail=explain_syntax(exc, lang))


_SYNTAX_HINTS = {
    "mapping values are not allowed": "colon",
    "could not find expected ':'": "missing_colon",
    "found unexpected end of stream": "unclosed",
    "but found another document": "documents",
    "second occurrence": "anchor",
    "did not find expected key": "indent",
    "did not find expected '-' indicator": "dash",
    "found character that cannot start any token": "bad_char",
    "found a tab character that violates indentation": "tab",
    "found unexpected ':'": "colon",
    "did not find expected ',' or ']'": "flow_seq",
    "did not find expected ',' or '}'": "flow_map",
    "found undefined alias": "alias",
    "did not find expected node content": "indent",
    "found duplicate anchor": "alias",
    "expected <document start>, but found": "indent",
    "block sequence entries are not allowed in this context": "dash_context",
}


def explain_syntax(exc: yaml.MarkedYAMLError, lang: str) -> str:
    """A plain-language explanation of a libyaml syntax error."""
    problem = exc.problem or ""
    context = exc.context or ""
    if "quoted scalar" in context:
        return message("syntax.unclosed_quote", lang)
    if "flow node" in context:
        return message("syntax.flow_node", lang)
    for needle, hint in _SYNTAX_HINTS.items():
        if problem.startswith(needle):
            return message(f"syntax.{hint}", lang)
    return message("syntax.other", lang, detail=problem)


def tag_as_written(tag: str) -> str:
    """A resolved tag the way it is usually written: ``tag:yaml.org,2002:map`` → ``!!map``."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def alias_positions(text: str) -> list[tuple[int, int]]:
    """The 1-based (line, column) of every alias (``*name``) in a document.

    The composer hands back the anchored node itself for an alias, so only the
    event stream still knows where each alias was written. Events are not
    expanded, so a "billion laughs" file costs one event per alias written.
    """
    found: list[tuple[int, int]] = []
    parser = yaml.CSafeLoader(text)
    try:
        while (event := parser.get_event()) is not None:
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) and mark is not None:
                found.append((mark.line + 1, mark.column + 1))
    except yaml.YAMLError:
        pass  # the document composed, so this does not happen; keep what was found
    finally:
        parser.dispose()
    return found


COMPOSE_DEPTH = 1000
"""Nesting beyond which a document is refused before libyaml composes it.

libyaml's composer recurses once per level: 25,000 ``[`` (50 KB) crash the
process. Plans never go past :data:`MAX_DEPTH`; between the two, the document is
composed and the normaliser reports E007 with the rest of the file's problems.
"""

_OPENERS = re.compile(r"[\[{]|[\]}]")


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the document first nests deeper than :data:`COMPOSE_DEPTH`, or None.

    Only flow collections (``[``, ``{``) can nest deeply in a file of 1 MB (block
    nesting needs a wider indentation at each level), so counting brackets gives a
    cheap upper bound. Past it, libyaml's event stream, which does not recurse, says
    where the depth really goes too far (brackets inside quotes do not count there).
    """
    if text.count("[") + text.count("{") <= COMPOSE_DEPTH:
        return None
    depth = deepest = 0
    for match in _OPENERS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
        if deepest > COMPOSE_DEPTH:
            break
    if deepest <= COMPOSE_DEPTH:
        return None
    parser = yaml.CSafeLoader(text)
    depth = 0
    first_too_deep: tuple[int, int] | None = None  # where the normaliser would put E007
    try:
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark
                if depth > MAX_DEPTH + 1 and first_too_deep is None and mark is not None:  # root mapping: level 0 there
                    first_too_deep = (mark.line + 1, mark.column + 1)
                if depth > COMPOSE_DEPTH:
                    return first_too_deep
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reports the syntax error where it is
    finally:
        parser.dispose()
    return None


def read_document(path: str, data: bytes, lang: str = "fr", size: int | None = None) -> Document:
    """Decode and compose one plan file, collecting problems instead of raising.

    Args:
        path: The name to report problems under.
        data: The raw bytes of the file.
        lang: ``fr`` or ``en`` for messages.
        size: The file's real size when ``data`` is only its beginning.

    Returns:
        The document; ``root`` is None when it could not be composed.

    """
    text, problems = decode(path, data, lang, size)
    if text is None:
        return Document(path, None, problems)
    too_deep = _too_deep(text)
    if too_deep is not None:
        return Document(path, None, [_problem(path, *too_deep, "E007", lang, limit=MAX_DEPTH)], text)
    loader = NodeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return Document(path, None, [_syntax_problem(path, exc, lang, text)], text)
    except yaml.YAMLError as exc:  # composer errors without a mark
        return Document(path, None, [_problem(path, 1, 1, "E001", lang, detail=str(exc))], text)
    except RecursionError:
        return Document(path, None, [_problem(path, 1, 1, "E007", lang, limit=MAX_DEPTH)], text)
    finally:
        loader.dispose()
    if root is None:
        return Document(path, None, [_problem(path, 1, 1, "E008", lang)], text)
    hidden: list[Problem] = []
    if "\\" in text:  # only the escapes of a double-quoted scalar (\e, \x07, \u001b…) can hide one
        hidden = [_problem(path, node.start_mark.line + 1, node.start_mark.column + 1, "E013", lang,
                           char=f"U+{ord(char):04X}") for node, char in _escaped_controls(root)]
    return Document(path, root, hidden, text)


def _escaped_controls(root: yaml.Node) -> list[tuple[yaml.ScalarNode, str]]:
    """Each double-quoted scalar whose escapes give a control character, with the first such character.

    The file's own text was checked for them (E002); an escape would bring one back
    into the terminal, the ICS or the CSV.
    """
    found = []
    seen: set[int] = set()  # an alias can make the node graph loop (`&a [*a]`)
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            match = _CONTROL_RE.search(node.value) if node.style == '"' else None
            if match is not None:
                found.append((node, match.group()))
        elif isinstance(node, yaml.MappingNode) and id(node) not in seen:
            seen.add(id(node))
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode) and id(node) not in seen:
            seen.add(id(node))
            stack.extend(node.value)
    return found


def read_plan_bytes(file: Path) -> tuple[bytes, int]:
    """A plan file's first ``MAX_FILE_BYTES + 1`` bytes and its real size.

    A larger file is never read whole: its size alone is enough for E003.

    Raises:
        OSError: when the file cannot be read.

    """
    with file.open("rb") as stream:
        return stream.read(MAX_FILE_BYTES + 1), os.fstat(stream.fileno()).st_size
