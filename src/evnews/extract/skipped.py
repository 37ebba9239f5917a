"""Sub-headings and list items that trafilatura skipped inside the article's block.

When none of trafilatura's known article containers matches a page, it
recovers the text from the page's `<p>` elements only (heldout13's Docket
pages, heldout16's Namsan pages), so the story's sub-headings and bullet
lists vanish, and with them the figures in a list of targets. The dev
conventions count both as body lines.

That fallback leaves a mark: the reading has none of the block's headings
and list items. Where it has any, trafilatura read the block's structure
and chose what to keep (it drops widget headings and captions on purpose),
so nothing is added. Otherwise the page structure says where they belong:
the article's block is the closest element holding every prose paragraph of
the reading (as in `gate.py`). A heading or list item of that block that
the reading lacks is put back after the last read paragraph before it, when

- it lies between two read paragraphs (inside the story), or
- it is in a closing run after the last one made of list items that read as
  text (a closing "What to watch" list), with any headings of the run above
  them, and the block is not the whole page;

and it is not chrome: not in a nav/aside/footer/header/form/figure, not a
list item holding an image (a gallery caption), not mostly link
text (related-story lists), not a chrome line by its wording (`chrome.py`),
not inside an element whose class or id names chrome (comments, share bars,
tags, related lists), not a heading over a list that is chrome. Paragraphs are not added here: a missing paragraph is
the gate's `missed-prose` doubt, which the vote handles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from evnews.extract.chrome import is_chrome
from evnews.extract.gate import OUTSIDE_ARTICLE, Paragraph, article_block, read_paragraphs

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_SKIPPED_TAGS = (*_HEADINGS, "li")
_WALKED = (*_SKIPPED_TAGS, "p", "blockquote")
# page furniture, and a figure: its list items are a gallery's captions
_NOT_STORY = (*OUTSIDE_ARTICLE, "figure")
_CHROME_NAME = re.compile(
    r"comment|share|social|related|tag|promo|newsletter|advert|sponsor|byline|caption|breadcrumb|menu",
    re.IGNORECASE,
)
MAX_LINKED = 0.3  # a list item with more link text than this is a link list (related stories)
MAX_HEADING_WORDS = 20
CLOSING_ITEM_WORDS = 4  # a closing list item this long reads as text, not a label or a tag


@dataclass(frozen=True, slots=True)
class _Missing:
    text: str
    heading: bool


def restore_skipped(lines: list[str], tree: HtmlElement, paragraphs: list[Paragraph] | None = None) -> list[str]:
    """`lines` with the block's skipped sub-headings and list items put back in page order
    (`paragraphs`: the page's `prose_paragraphs`, when the caller has them already)."""
    if not _may_skip(tree):
        return lines
    read = read_paragraphs(lines, tree, paragraphs)
    block = article_block(read) if len(read) >= 2 else None
    if block is None or next(block.iter(*_SKIPPED_TAGS), None) is None:
        return lines  # the common case: a block of paragraphs only
    have = "\n".join(" ".join(line.split()) for line in lines)
    index = {" ".join(line.split()): i for i, line in enumerate(lines)}
    after: dict[int, list[str]] = {}
    last, pending = -1, []
    for node in block.iter(*_WALKED):
        text = " ".join(node.text_content().split())
        at = index.get(text, -1)
        if at >= 0 and node.tag in _SKIPPED_TAGS:
            return lines  # trafilatura read the block's structure and chose what to keep
        if at > last:
            if pending and last >= 0:
                after.setdefault(last, []).extend(item.text for item in pending)
            last, pending = at, []
        elif at == -1 and text not in have:
            if _candidate(node, text, block):
                pending.append(_Missing(text, node.tag in _HEADINGS))
            elif node.tag in _SKIPPED_TAGS:
                _drop_trailing_headings(pending)  # a heading over a link list ("related news") goes with it
    if last >= 0 and _closing_run(pending, block, tree):
        after.setdefault(last, []).extend(item.text for item in pending)
    return _inserted(lines, after) if after else lines


def _drop_trailing_headings(pending: list[_Missing]) -> None:
    while pending and pending[-1].heading:
        pending.pop()


def _may_skip(tree: HtmlElement) -> bool:
    """Cheap first look: without headings or list items there is nothing to restore."""
    return next(tree.iter(*_HEADINGS, "li"), None) is not None


def _candidate(node: HtmlElement, text: str, block: HtmlElement) -> bool:
    if node.tag == "li":
        if next(node.iterdescendants("ul", "ol", "img"), None) is not None:
            return False  # a nested list (its items are judged one by one) or a gallery caption
    elif node.tag not in _HEADINGS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in node.iter("a"))
    if linked > MAX_LINKED * len(text) or is_chrome(text):
        return False
    return not any(_is_chrome_box(box) for box in _ancestors_to(node, block))


def _ancestors_to(node: HtmlElement, block: HtmlElement) -> list[HtmlElement]:
    """`node` and its ancestors below `block`, plus any outside-article ancestor anywhere."""
    chain = [node]
    for parent in node.iterancestors():
        if parent is block:
            break
        chain.append(parent)
    return chain + list(node.iterancestors(*_NOT_STORY))


def _is_chrome_box(element: HtmlElement) -> bool:
    if element.tag in _NOT_STORY:
        return True
    name = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(_CHROME_NAME.search(name))


def _closing_run(pending: list[_Missing], block: HtmlElement, tree: HtmlElement) -> bool:
    """Whether the items after the last read paragraph are a closing list of the story."""
    if not pending or block.tag in ("body", "html") or block is tree:
        return False
    items = [item for item in pending if not item.heading]
    if not items or pending[-1].heading:
        return False
    return all(len(item.text.split()) >= CLOSING_ITEM_WORDS for item in items)


def _inserted(lines: list[str], after: dict[int, list[str]]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        out.extend(after.get(i, ()))
    return out
