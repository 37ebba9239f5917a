"""When the cheap reading of a page is suspicious enough to ask for second opinions.

The cheap reading is one trafilatura run in fast precision mode. It is right on
most news pages, but it skips trafilatura's own fallbacks, so it can come back
with a fragment, and it keeps whatever link lists or boilerplate border the
article. Each signal below names one way we have seen it go wrong; any signal
sends the page down the voting path (see `reading.py`). A false alarm costs
time only, a missed one costs text, so the thresholds lean towards alarming.

Signals (the reason strings are recorded with the reading):

- ``short``: fewer than SHORT_CHARS characters. Fragments, teasers and pages laid
  out without paragraphs end up here; the vote rescues them or confirms them.
- ``missed-prose``: the page has prose paragraphs (long, mostly unlinked, not
  in navigation or sidebars) that the reading lacks, adding up to more than
  MISSED_SHARE of the reading: the extraction stopped part-way through.
- ``linked-edges``: LINKED_EDGE_LINES or more of the lines at the start and
  end are not sentences and are the text of links on the page: a related
  headlines block (whose numbers would become claims) read as article. The
  vote trims edges that a second extractor does not confirm.
- ``boilerplate-tail``: one of the last lines reads like a press release's
  "about the company" block or a publisher's footer note (headquarters,
  listing, forward-looking statements, media contacts, letters to the
  editor). Such paragraphs are prose, so only a second extractor that stops
  before them tells them apart; they also carry figures (staff, sales) that
  must not become claims.
- ``stray-edges``: a line at the start or end is not inside the closest
  element that holds all the page paragraphs the reading has: a kicker
  label above the article block or a newsletter box after it.
- ``repeated-paragraph``: the page prints a paragraph twice but the reading has
  it once (trafilatura drops repeats; the gold keeps what the page shows).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from evnews.extract.agreement import words

SHORT_CHARS = 600  # about 100 English words; characters so unspaced scripts compare too
MISSED_SHARE = 0.3
LINKED_EDGE_LINES = 2
HEAD_LINES, TAIL_LINES = 2, 4  # where edge chrome sits
PROSE_MIN_WORDS = 20  # a page paragraph this long is prose, not a teaser or label
PROSE_MAX_LINKED = 0.3  # ... unless this share of it is link text
KEY_WORDS = 8  # a paragraph is recognised in the reading by its opening words
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
# How a boilerplate paragraph starts ("About Nissan", "For more information",
# "<Company> is a leading ..."): capitals matter in the company pattern, so
# case is ignored only inside the (?i:...) groups. Matched at the line start.
_BOILERPLATE_START = re.compile(
    r"(?i:about) (?:the )?[A-Z]\w*|(?i:for (?:more|further) information\b)"
    r"|(?:[A-Z][\w&.-]*\s){1,4}(?:is|are) (?:a|an|the) (?:global|leading|world|worldwide|international|premier)\b"
)
# Phrases anywhere in a boilerplate line; searched in the lower-cased line.
_BOILERPLATE_PHRASE = re.compile(
    r"\bis headquartered in\b|\b(?:is|are) (?:listed|traded) on\b|\bforward-looking statements?\b"
    r"|\b(?:media|press) (?:contacts?|enquiries|inquiries|office)\b"
    r"|\bletters to the editor\b|\bwe.d (?:like|love) to hear\b"
)
# The text of links (and of elements directly inside them), as trafilatura
# prints a headline link.
_LINK_TEXTS = etree.XPath("//a[not(*)]/text() | //a/*[not(*)]/text()", smart_strings=False)
# Where a paragraph is page furniture, not article prose.
OUTSIDE_ARTICLE = ("nav", "aside", "footer", "header", "form")


def suspicions(
    lines: list[str], tree: HtmlElement, paragraphs: list[Paragraph] | None = None
) -> tuple[str, ...]:
    """The reasons, if any, to doubt `lines` as the article text of `tree`
    (`paragraphs`: its `prose_paragraphs`, when the caller has them already)."""
    reading = " " + " ".join(words(" ".join(lines).lower())) + " "
    size = reading.count(" ") - 1
    paragraphs = list(prose_paragraphs(tree)) if paragraphs is None else paragraphs
    reasons = []
    if sum(len(line) for line in lines) < SHORT_CHARS:
        reasons.append("short")
    if sum(p.words for p in paragraphs if p.opening not in reading) > MISSED_SHARE * size:
        reasons.append("missed-prose")
    if _linked_edge_lines(lines, tree) >= LINKED_EDGE_LINES:
        reasons.append("linked-edges")
    if any(_is_boilerplate(line) for line in lines[-TAIL_LINES:]):
        reasons.append("boilerplate-tail")
    if _stray_edge_lines(lines, [p.node for p in paragraphs if p.opening in reading]):
        reasons.append("stray-edges")
    printed = Counter(p.opening for p in paragraphs)
    if any(count > 1 and reading.count(opening) == 1 for opening, count in printed.items()):
        reasons.append("repeated-paragraph")
    return tuple(reasons)


@dataclass(frozen=True, slots=True)
class Paragraph:
    opening: str  # " w1 ... w8 ": recognisable in a reading joined the same way
    words: int
    node: HtmlElement


def prose_paragraphs(tree: HtmlElement) -> Iterator[Paragraph]:
    """The page's `<p>` paragraphs that read as article prose."""
    for para, text in candidate_paragraphs(tree):
        size = len(text.split())  # whitespace words: close enough for a threshold, and cheap
        if size < PROSE_MIN_WORDS:
            continue
        linked = sum(len(link.text_content()) for link in para.iter("a"))
        if linked <= PROSE_MAX_LINKED * len(text.strip()):
            # Only the opening is tokenised like the reading; 15 characters a word is ample.
            opening = words(text.lstrip()[: KEY_WORDS * 15].lower())[:KEY_WORDS]
            yield Paragraph(" " + " ".join(opening) + " ", size, para)


def candidate_paragraphs(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The document's `<p>` elements long enough for PROSE_MIN_WORDS words and outside
    `OUTSIDE_ARTICLE`, with their text, in page order.

    The same as `//p[string-length(.) >= 100][not(ancestor::nav or ...)]`, but
    the text the length test needs is kept for the caller instead of being
    built twice.
    """
    for para in tree.getroottree().getroot().iter("p"):
        text = para.text_content()
        if len(text) >= PROSE_MIN_WORDS * 5 and next(para.iterancestors(*OUTSIDE_ARTICLE), None) is None:
            yield para, text


def _is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE_START.match(line) or _BOILERPLATE_PHRASE.search(line.lower()))


def _stray_edge_lines(lines: list[str], article_paragraphs: list[HtmlElement]) -> bool:
    """Whether a line at the start or end lies outside the block holding the article.

    The block is the closest element containing every page paragraph that the
    reading has; a kicker label above it or a newsletter box after it is
    read as body by trafilatura now and then.
    """
    inside = _block_text(article_paragraphs)
    return inside is not None and any(
        " ".join(lines[i].split()) not in inside for i in _edge_indexes(len(lines))
    )


def lines_in_article_block(
    lines: list[str], tree: HtmlElement, paragraphs: list[Paragraph] | None = None
) -> list[bool] | None:
    """Per line, whether it lies in the block holding the article (None: no block found)."""
    inside = _block_text(read_paragraphs(lines, tree, paragraphs))
    return None if inside is None else [" ".join(line.split()) in inside for line in lines]


def read_paragraphs(
    lines: list[str], tree: HtmlElement, paragraphs: list[Paragraph] | None = None
) -> list[HtmlElement]:
    """The page's prose paragraphs that the reading `lines` has, in page order."""
    reading = " " + " ".join(words(" ".join(lines).lower())) + " "
    candidates = prose_paragraphs(tree) if paragraphs is None else paragraphs
    return [p.node for p in candidates if p.opening in reading]


def article_block(paragraphs: list[HtmlElement]) -> HtmlElement | None:
    """The closest element holding all of `paragraphs` (None when there are none)."""
    return _common_ancestor(paragraphs)


def _block_text(article_paragraphs: list[HtmlElement]) -> str | None:
    block = _common_ancestor(article_paragraphs)
    return None if block is None else " ".join(block.text_content().split())


def _common_ancestor(nodes: list[HtmlElement]) -> HtmlElement | None:
    if not nodes:
        return None
    shared = list(nodes[0].iterancestors())  # nearest first
    for node in nodes[1:]:
        ancestors = set(node.iterancestors())
        shared = [a for a in shared if a in ancestors]
    return shared[0] if shared else None


def _edge_indexes(count: int) -> set[int]:
    return set(range(min(HEAD_LINES, count))) | set(range(max(0, count - TAIL_LINES), count))


def _linked_edge_lines(lines: list[str], tree: HtmlElement) -> int:
    """Lines at the start and end that are not sentences and are link text on the page."""
    edges = (lines[i] for i in _edge_indexes(len(lines)))
    ragged = {" ".join(line.split()) for line in edges if not _SENTENCE_END.search(line.strip())}
    if not ragged:
        return 0  # the common case: no need to read the page's links
    return len(ragged & link_texts(tree))


def link_texts(tree: HtmlElement) -> set[str]:
    """The page's link texts, whitespace squeezed."""
    return {" ".join(text.split()) for text in _LINK_TEXTS(tree)}
