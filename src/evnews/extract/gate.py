"""When the cheap reading of a page is suspicious enough to ask for second opinions.

The cheap reading is one trafilatura run in fast precision mode. It is right on
most news pages, but it skips trafilatura's own fallbacks, so it can come back
with a fragment, and it keeps whatever link lists or boilerplate border the
article. Each signal below names one way we have seen it go wrong; any signal
sends the page down the voting path (see `reading.py`). A false alarm costs
time only, a missed one costs text, so the thresholds lean towards alarming.

Signals (the reason strings are recorded with the reading):

- ``short``: fewer than SHORT_WORDS words. Fragments, teasers and pages laid
  out without paragraphs end up here; the vote rescues them or confirms them.
- ``missed-prose``: the page has prose paragraphs (long, mostly unlinked, not
  in navigation or sidebars) that the reading lacks, adding up to more than
  MISSED_SHARE of the reading: the extraction stopped part-way through.
- ``ragged-edges``: RAGGED_LINES or more of the lines at the start and end do
  not read as sentences: related headlines, category labels, newsletter boxes.
  The vote trims edges that a second extractor does not confirm.
- ``boilerplate-tail``: one of the last lines reads like a press release's
  "about the company" block or a publisher's footer note (headquarters,
  listing, forward-looking statements, media contacts, letters to the
  editor). Such paragraphs are prose, so only a second extractor that stops
  before them tells them apart; they also carry figures (staff, sales) that
  must not become claims.
- ``repeated-paragraph``: the page prints a paragraph twice but the reading has
  it once (trafilatura drops repeats; the gold keeps what the page shows).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from evnews.extract.agreement import words

SHORT_WORDS = 100
MISSED_SHARE = 0.3
RAGGED_LINES = 4
HEAD_LINES, TAIL_LINES = 2, 4  # where edge chrome sits
PROSE_MIN_WORDS = 20  # a page paragraph this long is prose, not a teaser or label
PROSE_MAX_LINKED = 0.3  # ... unless this share of it is link text
KEY_WORDS = 8  # a paragraph is recognised in the reading by its opening words
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
# Capitalised names matter in the "<Company> is a leading ..." pattern, so
# case is ignored only inside the (?i:...) groups.
_BOILERPLATE = re.compile(
    r"^(?i:about) (?:the )?[A-Z]\w*|(?i:\bis headquartered in\b|\b(?:is|are) (?:listed|traded) on\b)"
    r"|^(?i:for (?:more|further) information\b)|(?i:\bforward-looking statements?\b)"
    r"|^(?:[A-Z][\w&.-]*\s){1,4}(?:is|are) (?:a|an|the) (?:global|leading|world|worldwide|international|premier)\b"
    r"|(?i:\b(?:media|press) (?:contacts?|enquiries|inquiries|office)\b)"
    r"|(?i:\bletters to the editor\b|\bwe.d (?:like|love) to hear\b)",
)
_NOT_ARTICLE = frozenset({"nav", "aside", "footer", "header", "form", "script", "style", "noscript"})


def suspicions(lines: list[str], tree: HtmlElement) -> tuple[str, ...]:
    """The reasons, if any, to doubt `lines` as the article text of `tree`."""
    reading = " " + " ".join(words(" ".join(lines).lower())) + " "
    size = reading.count(" ") - 1
    paragraphs = list(prose_paragraphs(tree))
    reasons = []
    if size < SHORT_WORDS:
        reasons.append("short")
    if sum(p.words for p in paragraphs if p.opening not in reading) > MISSED_SHARE * size:
        reasons.append("missed-prose")
    if _ragged_edge_lines(lines) >= RAGGED_LINES:
        reasons.append("ragged-edges")
    if any(_BOILERPLATE.search(line) for line in lines[-TAIL_LINES:]):
        reasons.append("boilerplate-tail")
    printed = Counter(p.opening for p in paragraphs)
    if any(count > 1 and reading.count(opening) == 1 for opening, count in printed.items()):
        reasons.append("repeated-paragraph")
    return tuple(reasons)


@dataclass(frozen=True, slots=True)
class Paragraph:
    opening: str  # " w1 ... w8 ": recognisable in a reading joined the same way
    words: int


def prose_paragraphs(tree: HtmlElement) -> Iterator[Paragraph]:
    """The page's `<p>` paragraphs that read as article prose."""
    for para in tree.iter("p"):
        text = para.text_content()
        tokens = words(text.lower())
        if len(tokens) < PROSE_MIN_WORDS or _in_page_chrome(para):
            continue
        linked = sum(len(link.text_content()) for link in para.iter("a"))
        if linked <= PROSE_MAX_LINKED * len(text.strip()):
            yield Paragraph(" " + " ".join(tokens[:KEY_WORDS]) + " ", len(tokens))


def _ragged_edge_lines(lines: list[str]) -> int:
    edges = set(range(min(HEAD_LINES, len(lines)))) | set(range(max(0, len(lines) - TAIL_LINES), len(lines)))
    return sum(not _SENTENCE_END.search(lines[i].strip()) for i in edges)


def _in_page_chrome(node: HtmlElement) -> bool:
    return any(parent.tag in _NOT_ARTICLE for parent in node.iterancestors())
