"""The format reference and the list of problem codes, generated from the model
and the messages (one source of truth: nothing here is written twice).

``python -m pac_gen.reference`` rewrites the committed pages
(``docs/reference/*.md`` in French, ``docs/en/reference/*.md`` in English); a
test fails when they drift from the model or the messages.
"""

from __future__ import annotations

import re
import sys
import types
from datetime import date, time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

import pac_gen.check.acknowledge  # noqa: F401 (registers its rules: W1301 is one of the warnings)
from pac_gen.check.method import WARNINGS
from pac_gen.format.model import Currency, Plan, Slug
from pac_gen.format.values import Choice, Duration, Span, slug_words
from pac_gen.text import MESSAGES, text, texts

#: The committed pages, relative to the repository's root: (language, page) → file.
PAGES = {
    ("fr", "format"): Path("docs/reference/format.md"),
    ("fr", "codes"): Path("docs/reference/codes.md"),
    ("en", "format"): Path("docs/en/reference/format.md"),
    ("en", "codes"): Path("docs/en/reference/codes.md"),
}


_CODE_RE = re.compile(r"[EW]\d{3,4}[a-z]?\Z")


# --- Model walking --------------------------------------------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The annotation without ``None`` and ``Annotated``, and the metadata found on the way."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata.extend(extra)
        elif origin in (Union, types.UnionType):
            others = [a for a in get_args(annotation) if a is not type(None)]
            if len(others) != 1:
                return annotation, metadata
            annotation = others[0]
        else:
            return annotation, metadata


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation holds (directly, in a list or as dict values)."""
    base, _ = _unwrap(annotation)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return [base]
    return [m for arg in get_args(base) for m in _models(arg)]


def sections() -> list[tuple[str, type[BaseModel]]]:
    """Every section of the format, top level first: (path such as ``actions[].taches[]``, model)."""
    found: list[tuple[str, type[BaseModel]]] = []

    def walk(path: str, model: type[BaseModel]) -> None:
        found.append((path, model))
        for info in model.model_fields.values():
            base, _ = _unwrap(info.annotation)
            for child in _models(info.annotation):
                key = info.alias or ""
                if get_origin(base) is dict:
                    sub = f"{key}.<jour>[]"
                elif get_origin(base) is list:
                    sub = f"{key}[]"
                else:
                    sub = key
                walk(f"{path}.{sub}" if path else sub, child)

    walk("", Plan)
    return found


def anchor(path: str) -> str:
    """The HTML id of a section's heading."""
    return slug_words(path) or "racine"


def _english_path(path: str) -> str:
    """A section path with each French key replaced by its English alias."""
    english = {}
    for _, model in sections():
        for info in model.model_fields.values():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            english[info.alias] = str(extra.get("en", info.alias))
    parts = re.split(r"(\.|\[\])", path)
    return "".join(english.get(p, p) if p not in (".", "[]") else p for p in parts).replace("<jour>", "<day>")


def _title(path: str, lang: str) -> str:
    if not path:
        return text("reference.top", lang)
    return f"`{path}`" if lang == "fr" else f"`{path}` (`{_english_path(path)}`)"


def describe_type(annotation: Any, metadata: list[Any], lang: str, path: str = "") -> str:
    """A reader's description of a field's type: ``date``, ``liste de texte``, ``un de : …``."""
    words = texts("reference", lang)
    base, extra = _unwrap(annotation)
    metadata = [*metadata, *extra]
    origin = get_origin(base)
    if origin is list:
        (item,) = get_args(base)
        models = _models(item)
        if models:
            return words["list_of_models"].format(title=f"{path}[]", anchor=anchor(f"{path}[]"))
        return words["list_of"].format(item=describe_type(item, [], lang))
    if origin is dict:
        _, value_type = get_args(base)
        if not _models(value_type):
            return words["acknowledgements"]  # the only other mapping of the format: code → reason
        sub = f"{path}.<jour>[]"
        value = words["list_of_models"].format(title=sub, anchor=anchor(sub)) if _models(value_type) else ""
        return f"{words['day']} → {value}"
    if isinstance(base, type) and issubclass(base, BaseModel):
        return words["mapping"].format(title=path, anchor=anchor(path))
    if isinstance(base, type) and issubclass(base, Choice):
        aliases = base.english_aliases()
        shown = [f"`{m.value}`" + (f" (`{aliases[m.value]}`)" if aliases.get(m.value, m.value) != m.value else "")
                 for m in base]
        return words["choice"].format(words=", ".join(shown))
    schema: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, WithJsonSchema) and isinstance(item.json_schema, dict):
            schema = item.json_schema
    simple = {date: "date", time: "time", Duration: "duration", Span: "span", Decimal: "money",
              float: "number", bool: "bool"}
    if base in simple:
        return words[simple[base]]
    if base is int:
        low = next((m.ge for m in metadata if isinstance(m, Ge)), None)
        high = next((m.le for m in metadata if isinstance(m, Le)), None)
        bounds = (words["range"].format(low=low, high=high) if low is not None and high is not None
                  else words["min"].format(low=low) if low is not None else "")
        return words["integer"] + bounds
    if schema.get("contentMediaType") == "text/markdown":
        return words["markdown"]
    if _is(metadata, Slug):
        return words["slug"]
    if _is(metadata, Currency):
        return words["currency"]
    return words["text"]


def _is(metadata: list[Any], annotated: Any) -> bool:
    """True when ``metadata`` carries the very annotations of the type ``annotated`` (``Slug``…)."""
    own = get_args(annotated)[1:]
    return any(item is mark for item in metadata for mark in own)


def _default(info: FieldInfo, lang: str) -> str:
    value = info.default
    if value is PydanticUndefined or value is None or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return f"`{text('reference.yes' if value else 'reference.no', lang).strip('*')}`"
    if isinstance(value, Choice):
        alias = type(value).english_aliases().get(value.value, value.value)
        return f"`{value.value}`" + (f" (`{alias}`)" if alias != value.value else "")
    if isinstance(value, Enum):
        return f"`{value.value}`"
    return f"`{value}`"


def cell(text: str) -> str:
    """Text made safe for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _prose(text: str) -> str:
    """Message text shown as Markdown: characters Markdown would interpret are escaped."""
    escaped = re.sub(r"([\\`*_\[\]#])", r"\\\1", text)
    # `{value}` placeholders stay visible: a brace at the end of a table cell would
    # otherwise be read by attr_list as HTML attributes and vanish.
    return escaped.replace("<", "&lt;").replace("{", "&#123;").replace("\n", " ")


# --- Pages ----------------------------------------------------------------------------------------


def format_page(lang: str = "fr") -> str:
    """The format reference: one table per section, every key with its English alias."""
    words = texts("reference", lang)
    out = [text("reference.format_intro", lang)]
    for path, model in sections():
        out += ["", f"## {_title(path, lang)} {{#{anchor(path)}}}", ""]
        doc = (model.__doc__ or "").strip().splitlines()[0] if lang == "en" else ""
        if doc:
            out += [doc, ""]
        out += [f"| {words['key']} | {words['alias']} | {words['type']} | {words['required']} | "
                f"{words['default']} | {words['description']} |",
                "| --- | --- | --- | --- | --- | --- |"]
        for info in model.model_fields.values():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            english = str(extra.get("en", info.alias))
            description = str(extra.get("description_en", "")) if lang == "en" else (info.description or "")
            key = info.alias or ""
            child = f"{path}.{key}" if path else key
            kind = describe_type(info.annotation, list(info.metadata), lang, child)
            required = words["yes"] if info.is_required() else words["no"]
            out.append(f"| `{key}` | `{english}` | {cell(kind)} | {required} | {cell(_default(info, lang))} | "
                       f"{cell(description)} |")
    out += ["", f"*{words['generated']}*", ""]
    return "\n".join(out)


def error_codes() -> list[str]:
    """Every error code, in order."""
    return [code for code in MESSAGES if code.startswith("E") and _CODE_RE.match(code)]


def warning_codes() -> list[str]:
    """Every warning code, in the order of the rules."""
    return [rule.code for rule in WARNINGS]


def codes_page(lang: str = "fr") -> str:
    """Every error code with its message, every warning with its message, an example and a fix."""
    words = texts("reference.codes", lang)
    out = [text("reference.codes_intro", lang), words["errors"], "", f"| {words['code']} | {words['message']} |", "| --- | --- |"]
    for code in error_codes():
        out.append(f"| `{code}` | {cell(_prose(MESSAGES[code][lang]))} |")
    out += ["", words["warnings"]]
    for code in warning_codes():
        out += ["", f"### {code} {{#{code.lower()}}}", "", _prose(MESSAGES[code][lang]), ""]
        example = WARNINGS.rules[code].example
        if example:
            out += [words["example"], "", "```yaml", example.rstrip("\n"), "```", ""]
        fix = MESSAGES.get(f"{code}.fix")
        if fix:
            out += [f"**{words['fix']}** {_prose(fix[lang])}"]
    out += ["", f"*{text('reference.generated', lang)}*", ""]
    return "\n".join(out)


def pages() -> dict[Path, str]:
    """Every generated page, by its path relative to the repository's root."""
    build = {"format": format_page, "codes": codes_page}
    return {path: build[page](lang) for (lang, page), path in PAGES.items()}


def write(root: Path) -> list[Path]:
    """Rewrite the pages under ``root``; return those that changed."""
    changed = []
    for relative, content in pages().items():
        target = root / relative
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8", newline="\n")
            changed.append(relative)
    return changed


def main() -> int:
    """Regenerate the committed pages from the current directory (the repository's root)."""
    for path in write(Path.cwd()):
        print(f"écrit / written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
