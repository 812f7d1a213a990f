"""MkDocs hook of this repository's site: the English guide (``docs/en/``) declares ``lang="en"``.

Material writes the theme's language (``fr``) into every page's ``<html lang>``; a
screen reader then reads the English pages with French pronunciation. Material has
no per-page language, so this hook sets it on the pages under a folder named after
a language. (Plan pages need nothing: the pac_gen plugin renders them in the
theme's language.)
"""

from __future__ import annotations

import re
from typing import Any

FOLDER_LANGUAGES = {"en/": "en"}
_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output: str, /, *, page: Any, config: Any) -> str:
    """Rewrite the ``<html lang>`` of a page under ``en/``."""
    for folder, lang in FOLDER_LANGUAGES.items():
        if page.file.src_uri.startswith(folder):
            return _HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
    return output
