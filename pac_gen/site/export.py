"""A plan's tasks as a CSV file that Excel opens correctly in France.

One row per task, with the action it belongs to. Excel needs three things to
read such a file without an import wizard: UTF-8 with a byte-order mark (else
accents break), ``;`` as the separator (``,`` is the decimal mark in French) and
CRLF line ends. Cells that Excel would read as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe, so a
learner's text can never run as a formula on the trainer's machine (CSV injection).
Comments and results are Markdown on the pages; here they are their plain text
(:func:`pac_gen.site.render.markdown_text`: no ``**``, links as ``texte (https://…)``).
The site's download and ``pac-gen export --format csv`` share this function,
so they give the same bytes.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from pac_gen.format.model import Plan
from pac_gen.site.render import markdown_text
from pac_gen.text import LANGUAGES, choice_word, text

BOM = "\ufeff"
SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The columns, in order; their headers are the catalogue's ``export.<column>`` texts.
COLUMNS = ("action", "task", "due", "duration", "owner", "means", "budget", "status", "done_on", "comments", "result")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell Excel would otherwise read as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _amount(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "fr" else text


def tasks_csv(plan: Plan, lang: str = "fr") -> bytes:
    """The plan's tasks as CSV bytes (UTF-8 with BOM, ``;``, CRLF), headers in ``lang``.

    Args:
        plan: A validated plan.
        lang: ``fr`` or ``en``: the headers, the status words and the decimal mark.

    """
    lang = lang if lang in LANGUAGES else "fr"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATOR, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([text(f"export.{column}", lang) for column in COLUMNS])
    for action in plan.actions:
        for task in action.tasks:
            row = [
                action.title,
                task.task,
                task.due.isoformat() if task.due else "",
                str(task.duration) if task.duration else "",
                task.owner or "",
                task.means or "",
                _amount(task.budget, lang),
                choice_word(task.status.value, lang),
                task.done_on.isoformat() if task.done_on else "",
                markdown_text(task.comments),
                markdown_text(task.result),
            ]
            writer.writerow([neutralise(cell) for cell in row])
    return (BOM + buffer.getvalue()).encode("utf-8")
