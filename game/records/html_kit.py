"""Small pieces for writing self-contained HTML: escaping, tables, the page around a body.

Reports are single files that open anywhere, offline, years later: inline CSS, images as data
URIs, no scripts, no fonts or anything else fetched from elsewhere.
"""
from __future__ import annotations

import html
from typing import Iterable


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def table(caption: str, headers: list[str], rows: Iterable[Iterable], *, css: str = "",
          row_header: bool = False, numeric: Iterable[int] = (), row_css: list[str] | None = None) -> str:
    """A table with a caption and header cells, so a screen reader can name every value.

    Cells are escaped unless wrapped in `Markup`. `numeric` columns are right-aligned;
    `row_css` gives each body row a class (or "").
    """
    numeric = set(numeric)
    head = "".join(f'<th scope="col"{_align(i, numeric)}>{esc(h)}</th>' for i, h in enumerate(headers))
    body = []
    for number, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            tag = "th" if row_header and i == 0 else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}{_align(i, numeric)}>{_cell(cell)}</{tag}>")
        css_class = row_css[number] if row_css and number < len(row_css) else ""
        opening = f'<tr class="{esc(css_class)}">' if css_class else "<tr>"
        body.append(f"{opening}{''.join(cells)}</tr>")
    klass = f' class="{css}"' if css else ""
    return (f"<table{klass}><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


class Markup(str):
    """Text that is already HTML and must not be escaped again."""


def _cell(value) -> str:
    return value if isinstance(value, Markup) else esc(value)


def _align(index: int, numeric: set[int]) -> str:
    return ' class="num"' if index in numeric else ""


def page(title: str, css: str, body: str, *, lang: str = "en") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>\n{css.strip()}\n</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def short(text: str, limit: int = 110) -> str:
    """The start of a long text, cut at a word, for labels; the full text goes in a title."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"
