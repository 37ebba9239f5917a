"""Hand trafilatura's fast precision run a page without the chrome it would delete anyway.

Before its cleaning step deletes whole elements (`MANUALLY_CLEANED`: `<nav>`,
`<aside>`, `<footer>`, scripts, buttons ...), trafilatura copies the raw tree
twice and runs regex XPath prunes over every `<div>`, `<ul>` and `<section>`.
On a news page most of those elements sit in the mega-menu, sidebars and
footer that the cleaning deletes, so a quarter of its time went on markup
that cannot reach the output. `set_aside` detaches such containers from our
tree for the call and puts them back afterwards (trafilatura works on a copy).

The output stays identical because a container is only set aside when
nothing before trafilatura's cleaning deletes it can tell it was gone:

- its subtree holds no `<h1>` (a raw prune keeps containers with one), no
  `<table>` (a `<figure>` around one is kept as a `<div>`) and no JSON-LD
  script (forum detection reads them);
- no element of its tag is nested in another one anywhere on the page, nor
  is any element inside it whose tag's cleaning pass comes earlier: the
  cleaning loop deletes while iterating, and lxml's iterator stops after the
  first nested pair, so later elements of that tag survive.

The page's `<head>` (cleaned too: it is in `MANUALLY_CLEANED`) goes the same
way when it is the root's first child, holds no `<h1>` or `<table>`, no
JSON-LD that trafilatura's forum detection would act on (`_forum_thread_page`
reads the JSON-LD of the whole page; the head's other JSON-LD is read by
nothing in this mode) and passes the nesting rules above: its inline styles
and scripts are a third of a generated page, copied three times unread.

Its tail text is merged into the page as trafilatura's `delete_element`
does. Only valid for `favor_precision=True, fast=True`: the other modes also
read the raw tree (baseline, external extractors, the page length for the
recall escalation).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lxml.html import HtmlElement
from trafilatura.core import _forum_thread_page
from trafilatura.settings import MANUALLY_CLEANED

# The page chrome that holds most of the elements trafilatura deletes unread
# (mega-menus, sidebars, footers); smaller elements are not worth the checks.
_CONTAINERS = ("aside", "footer", "nav")
_BLOCKING_TAGS = ("h1", "table")
_JSON_LD = "application/ld+json"


@dataclass(frozen=True, slots=True)
class _Detached:
    """One subtree taken out, and the text its tail was merged into."""

    node: HtmlElement
    parent: HtmlElement
    index: int
    previous: HtmlElement | None
    merged_text: str | None  # previous.tail (or parent.text) before the merge


@contextmanager
def set_aside(tree: HtmlElement) -> Iterator[HtmlElement]:
    """`tree` without the subtrees trafilatura's cleaning deletes anyway; restored on exit."""
    removable = [*_unread_head(tree), *discardable(tree)]  # page order: the head comes first
    detached = [_detach(node) for node in reversed(removable)]
    try:
        yield tree
    finally:
        for entry in reversed(detached):
            _restore(entry)


def discardable(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost containers that can be removed before trafilatura runs, in page order."""
    container_tags = [tag for tag in _CONTAINERS if tag in MANUALLY_CLEANED]
    containers = list(tree.iter(*container_tags))
    # The containers' own nesting comes from the walk above; other tags need a walk each.
    nesting = dict.fromkeys(container_tags, False) | nested_tags(containers)

    def nested(tag: str) -> bool:
        if tag not in nesting:
            nesting[tag] = _has_nested_pair(tree, tag)
        return nesting[tag]

    found: list[HtmlElement] = []
    for node in containers:
        if found and found[-1] in node.iterancestors():
            continue  # inside a container already set aside
        if node.getparent() is None or nested(node.tag) or _holds_blocker(node):
            continue
        if not any(nested(tag) for tag in _tags_cleaned_before(node)):
            found.append(node)
    return found


def nested_tags(elements: list[HtmlElement]) -> dict[str, bool]:
    """Per tag of `elements` (every element of those tags in a tree, in page order): is one inside another?"""
    by_tag: dict[str, set[HtmlElement]] = {}
    for node in elements:
        by_tag.setdefault(str(node.tag), set()).add(node)
    return {
        tag: any(outer in same for node in same for outer in node.iterancestors(tag))
        for tag, same in by_tag.items()
    }


def _unread_head(tree: HtmlElement) -> list[HtmlElement]:
    """The page's `<head>`, if it can be set aside too (see the module docstring)."""
    head = tree[0] if tree.getparent() is None and len(tree) else None
    if head is None or head.tag != "head" or "head" not in MANUALLY_CLEANED:
        return []
    if next(head.iter(*_BLOCKING_TAGS), None) is not None or _forum_thread_page(head):
        return []
    if any(_has_nested_pair(tree, tag) for tag in {"head", *_tags_cleaned_before(head)}):
        return []
    return [head]


def _has_nested_pair(tree: HtmlElement, tag: str) -> bool:
    return any(len(node) and next(node.iterdescendants(tag), None) is not None for node in tree.iter(tag))


def _holds_blocker(node: HtmlElement) -> bool:
    return next(node.iter(*_BLOCKING_TAGS), None) is not None or any(
        script.get("type") == _JSON_LD for script in node.iter("script")
    )


def _tags_cleaned_before(node: HtmlElement) -> set[str]:
    """Tags inside `node` whose cleaning pass runs before the pass that deletes `node`.

    Such a pass still sees them in trafilatura's run, so if their tag has a
    nested pair the pass could stop at a different element without them.
    """
    earlier = MANUALLY_CLEANED[: MANUALLY_CLEANED.index(str(node.tag))]
    return {str(inner.tag) for inner in node.iterdescendants(*earlier)} if earlier else set()


def _detach(node: HtmlElement) -> _Detached:
    """Remove `node` as trafilatura deletes it: its tail text stays in the page."""
    parent = node.getparent()
    if parent is None:
        raise ValueError("only elements below the root can be set aside")
    previous = node.getprevious()
    merged_text = parent.text if previous is None else previous.tail
    entry = _Detached(node, parent, parent.index(node), previous, merged_text)
    if node.tail:
        if previous is None:
            parent.text = (parent.text or "") + node.tail
        else:
            previous.tail = (previous.tail or "") + node.tail
    parent.remove(node)  # lxml keeps the tail with the removed element
    return entry


def _restore(entry: _Detached) -> None:
    if entry.previous is None:
        entry.parent.text = entry.merged_text
    else:
        entry.previous.tail = entry.merged_text
    entry.parent.insert(entry.index, entry.node)
