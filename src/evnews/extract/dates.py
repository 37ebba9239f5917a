"""Which day an article was first published, and what said so.

Evidence is tried in this order; the first that yields a plausible date wins
and is recorded in `Article.published_source`:

1. ``json-ld``  the article object's `datePublished` (the publisher's own record);
2. ``meta``     `article:published_time` and its synonyms in `<head>`;
3. ``byline``   the date printed with the byline: a `<time>` element or a
                date-classed element outside navigation, sidebars and comments,
                skipping anything labelled "updated"/"modified";
4. ``feed``     the feed entry's date (an aggregator may list a page days later,
                so the page's own evidence comes first);
5. ``htmldate`` htmldate's reading of the whole page with `original_date=True`.

Only "published" evidence is used before htmldate; "updated"/"modified" dates
are never taken, because a claim is judged against what was known on the day
the article first appeared. Timestamps keep the publisher's local calendar day
(the day printed on the page), not the UTC day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from htmldate import find_date
from lxml.html import HtmlElement

from evnews.extract.meta import PageMeta, clean

EARLIEST = dt.date(1990, 1, 1)
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ["jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"]
    )
    for m in names.split()
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_FIRST = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE)
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})", re.IGNORECASE)
_UPDATED = re.compile(r"updat|modif|revis|edited", re.IGNORECASE)
_DATE_CLASS = re.compile(r"date|time|posted|publish|byline|meta|dateline", re.IGNORECASE)
# Dates inside these blocks describe other articles or comments, not this one.
_ELSEWHERE = re.compile(r"comment|related|sidebar|widget|footer|nav|menu|trending|popular|"
                        r"read-?next|more-|recommend|teaser", re.IGNORECASE)


def parse_day(text: str) -> dt.date | None:
    """The calendar day in an ISO timestamp or an English written date."""
    text = clean(text)
    for pattern, order in ((_ISO_DAY, "ymd"), (_MONTH_FIRST, "mdy"), (_DAY_FIRST, "dmy")):
        match = pattern.search(text)
        if match:
            day = _build(match.groups(), order)
            if day is not None:
                return day
    return None


def _build(parts: tuple[str | None, ...], order: str) -> dt.date | None:
    values = dict(zip(order, parts, strict=True))
    month_text = str(values["m"])
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
    try:
        day = dt.date(int(str(values["y"])), month or 0, int(str(values["d"])))
    except ValueError:
        return None
    return day if day >= EARLIEST else None


def publication_date(
    tree: HtmlElement, meta: PageMeta, feed_published: dt.datetime | None = None
) -> tuple[dt.date | None, str]:
    """(date, source) by the documented order; (None, "") if nothing is plausible."""
    for source, value in (("json-ld", meta.jsonld_published), ("meta", meta.meta_published)):
        day = parse_day(value) if value else None
        if day is not None:
            return day, source
    day = byline_date(tree)
    if day is not None:
        return day, "byline"
    if feed_published is not None:
        return feed_published.date(), "feed"
    found = find_date(tree, original_date=True, extensive_search=False)
    day = parse_day(found) if found else None
    return (day, "htmldate") if day is not None else (None, "")


def byline_date(tree: HtmlElement) -> dt.date | None:
    """The first "published" date printed near the headline, if any."""
    for node in _dated_nodes(tree):
        if _UPDATED.search(_label(node)) or _inside_elsewhere(node) or _holds_dated_node(node):
            continue  # a container's own dated children are judged one by one
        # "Published 3 May 2024, updated 8 May": only the text before "updated".
        visible = _UPDATED.split(node.text_content()[:200])[0]
        day = parse_day(node.get("datetime") or node.get("content") or "") or parse_day(visible)
        if day is not None:
            return day
    return None


def _holds_dated_node(node: HtmlElement) -> bool:
    return any(
        isinstance(child.tag, str) and (child.tag == "time" or _DATE_CLASS.search(child.get("class") or ""))
        for child in node.iterdescendants()
    )


def _dated_nodes(tree: HtmlElement) -> Iterator[HtmlElement]:
    body = tree.find("body")
    root = body if body is not None else tree
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "time" or node.get("itemprop") == "datePublished":
            yield node
        elif _DATE_CLASS.search(node.get("class") or "") and len(node.text_content()) < 200:
            yield node


def _label(node: HtmlElement) -> str:
    """Class and itemprop: where a page says a date is the "updated" one."""
    return " ".join((node.get("class") or "", node.get("itemprop") or ""))


def _inside_elsewhere(node: HtmlElement) -> bool:
    for parent in node.iterancestors():
        if parent.tag in ("nav", "aside", "footer") or _ELSEWHERE.search(
            f"{parent.get('class') or ''} {parent.get('id') or ''}"
        ):
            return True
    return False
