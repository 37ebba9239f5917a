"""Table rows in body text: "Europe | more than 75% | FY2026" under "Market | Electrified share | Deadline".

Extracted text renders a table as one line per row, cells joined by "|" (trafilatura also
wraps a row in outer pipes and adds a "|---|---|" separator under the header). A data row
alone says neither what its figure measures nor when: its header row does. The extractor
reads each data row as a sentence that puts every cell next to its column's header, and
keeps the row as written for evidence.
"""

from __future__ import annotations

import re

from evnews.claims.timex import MONTH

_SEPARATOR_ROW = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
# A figure that is not a year ("FY2026", "(March 2025)"): a cell holding one reads "<figure> <what the column counts>".
_FIGURE = re.compile(r"(?<!\w)(?!(?:19|20)\d\d(?!\d|,\d))\d")


# A column that holds figures of any kind: its rows' labels say what each figure counts.
_GENERIC_COLUMN = re.compile(r"(?:target|figure|value|goal|amount|number|plan|objective|aim)s?", re.I)
# "Previous target (Nov 2021)", "Old goal": a column of figures the table itself presents as replaced.
_FORMER_COLUMN = re.compile(
    r"(?:previous|former|old|original|earlier|prior|superseded)\s+(?:target|goal|figure|plan|aim|objective)s?\b.*", re.I
)
# "EV share of sales, Europe": a row label whose last part after a comma names a market only.
_LABEL_MARKET = re.compile(r",\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)$")


def is_separator_row(line: str) -> bool:
    """'|---|:---:|': the rule markdown puts under a table's header."""
    return "-" in line and _SEPARATOR_ROW.fullmatch(line.strip()) is not None


def table_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a table row, or None for a line that is no table row."""
    if "|" not in line:
        return None
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    cells = tuple(cell.strip() for cell in body.split("|"))
    if len(cells) < 2 or not all(cells[:2]):
        return None
    return cells


def holds_figure(cell: str) -> bool:
    return _FIGURE.search(cell) is not None


def is_header(cells: tuple[str, ...]) -> bool:
    """A first row with no figure names the columns; one with figures is data (a table without a header)."""
    return not any(holds_figure(cell) for cell in cells)


def reading_text(header: tuple[str, ...], cells: tuple[str, ...]) -> str:
    """A data row as a sentence: its first cell (the row's label), then each cell with its column's header.

    "Europe | more than 75% | FY2026" under "Market | Electrified share of sales | Deadline" reads
    "Europe: more than 75% Electrified share of sales, Deadline FY2026": the figure comes first so that
    the header's words stand where a noun after a figure stands ("75% of sales", "286,200 Leafs sold").
    """
    label, values = _market_label(cells[0]), cells[1:]
    lead, parts = label, []
    for i, cell in enumerate(values, start=1):
        name = header[i] if i < len(header) else ""
        if not cell or _FORMER_COLUMN.fullmatch(name):
            continue
        if _GENERIC_COLUMN.fullmatch(name) and holds_figure(cell) and not holds_figure(label):
            # "Cars sold with ProPILOT | over 2.5 million" under "Item | Target" reads "Target: over 2.5 million
            # Cars sold with ProPILOT": the label is what the figure counts, the column what kind of figure it is
            # (a label's market is already read as "EV share of sales in Europe", `_market_label`)
            lead, name = name, label
            if header and _GENERIC_COLUMN.fullmatch(header[0]):
                lead = header[0]  # "Target | Value | Horizon": the label column says the values are targets
        parts.append(f"{cell} {name}".strip() if holds_figure(cell) else f"{name} {cell}".strip())
    return f"{lead}: " + ", ".join(parts) + "."


def _market_label(label: str) -> str:
    """"New models, North America" reads "New models in North America": the market the row's figure is for,
    where a region stands in a sentence (a bare ", North America" after the figure would end its clause)."""
    from evnews.claims.mentions import find_regions  # here, not at the top: mentions imports this module

    found = _LABEL_MARKET.search(label)
    if found is None or not find_regions(found.group(1)):
        return label
    return f"{label[: found.start()]} in {found.group(1)}"


# "Jan 2021", "(March 2018)", "Feb 2023, revised Mar 2024": when a goal was set; "FY2022", "2050": its deadline.
_SET_ON = re.compile(rf"\(?{MONTH}\s+(?:19|20)\d\d(?:,\s*revised\s+{MONTH}\s+(?:19|20)\d\d)?\)?", re.I)
_SET_ON_IN_LABEL = re.compile(rf"\s*(\({MONTH}\s+(?:19|20)\d\d\))\s*$", re.I)
_DEADLINE = re.compile(r"(?:by\s+)?(?:FY\s?|fiscal\s+(?:year\s+)?)?(?:19|20)\d\d", re.I)


def dated_goal(line: str) -> str | None:
    """A scorecard row: a goal, the month it was set and a later cell with its deadline, then how it went.

    "Eight new EVs (March 2018) | FY2022 | Missed" reads "Eight new EVs, pledged in March 2018, due by FY2022;
    Missed.": the month dates the pledge, not the figure, and the verdict cells are a clause apart. A row
    whose deadline cell says more than a year ("2025, since pushed back") is left as written.
    """
    cells = table_cells(line) if "|" in line else None
    if cells is None:
        return None
    label, rest = cells[0], list(cells[1:])
    in_label = _SET_ON_IN_LABEL.search(label)
    if in_label:
        label, set_on = label[: in_label.start()], in_label.group(1).strip("()")
    elif rest and _SET_ON.fullmatch(rest[0]):
        set_on = rest.pop(0)
    else:
        return None
    if not rest or not _DEADLINE.fullmatch(rest[0]):
        return None
    deadline, verdict = rest[0], [cell for cell in rest[1:] if cell]
    return f"{label}, pledged in {set_on}, due by {deadline}" + "".join(f"; {cell}" for cell in verdict) + "."


def row_text(line: str, header: tuple[str, ...]) -> str | None:
    """A table row read as a sentence: a scorecard row as its goal, else a data row under its header; None
    for a line that is neither."""
    return dated_goal(line) or (reading_text(header, table_cells(line) or ()) if header else None)
