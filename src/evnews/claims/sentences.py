"""Stage 1: body text -> sentences that know their paragraph.

Each line of an article's body is a paragraph, list item or heading. Lines
are split into sentences at terminal punctuation followed by a capitalised
word, except after abbreviations ("U.S.", "M.O.V.E.", "Co.", "approx."),
initials and list numbers ("1. Strategic vision").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evnews.claims.prefilter import with_first_char_guard
from evnews.claims.tables import is_header, is_separator_row, table_cells

# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    "co corp inc ltd plc llc mr mrs ms dr st no vs approx est jan feb mar apr jun jul aug sep sept oct nov dec "
    "e.g i.e etc u.s u.k u.s.a m.o.v.e fig gen dept govt mt ft".split()
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")
_INITIALS = with_first_char_guard(re.compile(r"(?:[a-z]\.)*[a-z]"))
_LIST_NUMBER = with_first_char_guard(re.compile(r"\s*\d{1,2}[.)]"))  # "1. Strategic vision"
_NUMBERED_LINE = with_first_char_guard(re.compile(r"^\d{1,2}[.)]\s"))
_LABEL_LINE = with_first_char_guard(re.compile(r"^[A-Z][\w .&/-]{0,30}:\s+\S"))  # "Europe: ..."


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body, with where it stands."""

    text: str
    index: int  # position among all sentences of the body
    paragraph: int  # index of the body line it came from
    position: int  # position within its paragraph (0 = first)
    is_heading: bool = False  # a short line without terminal punctuation
    is_lead_in: bool = False  # a line ending in ':' that introduces the lines after it
    is_list_item: bool = False  # a short line after a lead-in, or "Label: text"
    table_header: tuple[str, ...] = ()  # a table's data row: the cells of its header row


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rsplit(None, 1)  # only the last word counts: no need to split the whole chunk
    if not words:
        return False
    last = words[-1].rstrip(".!?\"”’)").lower()
    if last in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms ("J.", "M.O.V.E.") do not end a sentence.
    if _INITIALS.fullmatch(last):
        return len(last) <= 1 or "." in last
    return False


def split_sentences(line: str) -> list[str]:
    """Split one paragraph into sentences."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        chunk = line[start : match.start()]
        if _ends_with_abbreviation(chunk):
            continue
        # "1. Strategic Vision": a list number at the start of the line.
        if _LIST_NUMBER.fullmatch(chunk):
            continue
        pieces.append(chunk.strip())
        start = match.end()
    tail = line[start:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]


# A finite verb: a line with none is a headline-style line ("Eight new EVs, ProPILOT on 20 models: ...").
_FINITE_VERB = with_first_char_guard(re.compile(
    r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|may|might|must|does|did|says|said|plans|aims|wants|"
    r"expects|sold|sells|launched|launches|reached|passed|topped|announced|promised|pledged)\b",
    re.I,
))


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or _TERMINAL.search(line):
        return False
    return len(words) <= 12 or (len(words) <= 25 and not _FINITE_VERB.search(line))


def split_body(text: str) -> list[Sentence]:
    """All sentences of a body text, in order."""
    out: list[Sentence] = []
    lines = [ln.strip() for ln in text.splitlines()]
    after_lead_in = False
    punctuated_items: bool | None = None  # whether the first item under the lead-in ended in punctuation
    header: tuple[str, ...] | None = None  # the header row of the table being read: () for a table without one
    for para, line in enumerate(lines):
        if not line:
            after_lead_in, header = False, None
            continue
        if "|" in line and is_separator_row(line):
            continue  # "|---|---|" under a header row
        cells = table_cells(line) if "|" in line else None
        if cells is not None:
            first = header is None
            # A row is one sentence; the lines under a lead-in stay its items, so they keep its horizon.
            out.append(Sentence(line, len(out), para, 0, is_heading=first and is_header(cells),
                                is_list_item=after_lead_in, table_header=header or ()))  # fmt: skip
            header = (cells if is_header(cells) else ()) if first else header
            continue
        header = None
        numbered = bool(_NUMBERED_LINE.match(line))
        lead_in = line.endswith(":")
        short = len(line.split()) <= 30
        if after_lead_in and punctuated_items and _is_heading(line):
            after_lead_in = False  # "Cost" after items that end in ';' or '.': a heading, the list is over
        list_item = not numbered and (
            (after_lead_in and short) or bool(_LABEL_LINE.match(line))
        )
        heading = _is_heading(line) and not list_item
        for pos, sentence in enumerate(split_sentences(line)):
            out.append(
                Sentence(
                    text=sentence,
                    index=len(out),
                    paragraph=para,
                    position=pos,
                    is_heading=heading,
                    is_lead_in=lead_in,
                    is_list_item=list_item,
                )
            )
        if lead_in:
            after_lead_in, punctuated_items = True, None
        elif numbered or not (after_lead_in and short):
            after_lead_in = False
        elif punctuated_items is None:
            punctuated_items = bool(_TERMINAL.search(line))
    return out
