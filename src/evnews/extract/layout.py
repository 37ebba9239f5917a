"""Old table-layout pages: the tables that only position blocks become the blocks they are.

Before CSS, pages were laid out with nested `<table>`s: one cell holds the
masthead, one the sidebar, one the story with its `<h1>` and paragraphs.
trafilatura keeps every table it sees as a data table and prints it one row
per line, cells joined by `|`, so such a page comes out as a few huge lines
that mix the story's paragraphs with menus, ads and polls (heldout16's
2012-13 'Dynamo Weekly' pages). Read as `<div>`s, the same cells give the
story as paragraphs and leave the sidebars to the usual chrome filters.

A table is layout when it is a single column of boxes (two or more rows,
none with two cells: a sidebar of stacked boxes), or when one of its own cells holds what
no data cell does: another table, a top-level heading (h1-h3), or two or
more paragraphs (`<p>`, or text broken by `<br>` into PROSE_LINE_WORDS-word
lines). Data tables (rows of values) are kept, so their rows still read as
`a | b | c`.
"""

from __future__ import annotations

from lxml.html import HtmlElement

PROSE_LINE_WORDS = 12  # a `<br>`-separated line this long is a paragraph, not a cell value
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
_LAYOUT_MARKERS = ("table", "h1", "h2", "h3")


def unwrap_layout_tables(tree: HtmlElement) -> HtmlElement:
    """`tree` with its layout tables (see the module docstring) renamed to `<div>`s, in place."""
    layout = [table for table in tree.iter("table") if is_layout_table(table)]
    for table in layout:
        for part in _own_parts(table):
            part.tag = "div"
    return tree


def is_layout_table(table: HtmlElement) -> bool:
    """Whether the table is a single column of boxes, or one of its own cells holds
    a table, a heading or several paragraphs."""
    cells = _own_cells(table)
    return _single_column(cells) or any(_holds_blocks(cell) for cell in cells)


def _single_column(cells: list[HtmlElement]) -> bool:
    """Two or more rows of one cell each: boxes stacked in a column, not rows of values.

    A one-cell table is left alone: it is how old pages float a pull quote,
    which trafilatura keeps as a table and would drop as a `<div>`.
    """
    rows = [cell.getparent() for cell in cells]
    return len(rows) >= 2 and len(set(rows)) == len(rows)


def _holds_blocks(cell: HtmlElement) -> bool:
    if next(cell.iterdescendants(*_LAYOUT_MARKERS), None) is not None:
        return True
    paragraphs = sum(1 for _ in cell.iterdescendants("p"))
    return paragraphs >= 2 or _prose_lines_between_breaks(cell) >= 2


def _prose_lines_between_breaks(cell: HtmlElement) -> int:
    """How many `<br>`-separated lines of the cell read as paragraphs (cheap: only when it has breaks)."""
    if next(cell.iterdescendants("br"), None) is None:
        return 0
    return sum(1 for line in _lines_by_break(cell) if len(line.split()) >= PROSE_LINE_WORDS)


def _lines_by_break(cell: HtmlElement) -> list[str]:
    """The cell's text split where a `<br>` stands."""
    parts: list[str] = []
    _text_in_order(cell, parts)
    return "".join(parts).split("\n")


def _text_in_order(node: HtmlElement, parts: list[str]) -> None:
    """`node`'s text in reading order, a `<br>` as a line break: a child's tail comes after the child's text."""
    if node.tag == "br":
        parts.append("\n")
    elif node.text and isinstance(node.tag, str):
        parts.append(node.text)
    for child in node:
        _text_in_order(child, parts)
        if child.tail:
            parts.append(child.tail)


def _own_cells(table: HtmlElement) -> list[HtmlElement]:
    """The table's cells, not those of tables nested in it."""
    return [cell for cell in table.iterdescendants("td", "th") if _owner(cell) is table]


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """The table and its rows and cells, not those of tables nested in it."""
    return [table, *(part for part in table.iterdescendants(*_TABLE_PARTS[1:]) if _owner(part) is table)]


def _owner(part: HtmlElement) -> HtmlElement | None:
    return next(part.iterancestors("table"), None)
