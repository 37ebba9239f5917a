"""Integrity of the heldout21 corpus: served site, feeds, pages and gold agree with each other.

The corpus is an evaluation set for the claim extractor; these tests only check that the
files are consistent (they never run the extractor).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

HERE = Path(__file__).resolve().parent / "heldout21"
SITE = HERE / "site"
GOLD = HERE / "gold" / "articles.jsonl"

BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "blockquote", "tr"}
CELL_TAGS = {"td", "th"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants", None}
VALUELESS = {"technology_launch", "production_start", "carbon_neutrality"}


class _Blocks(HTMLParser):
    """Text of each block element of a page; a table row is its cells joined by ' | '."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._depth = 0
        self._text: list[str] = []
        self._cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
            self._depth += 1
        if tag in CELL_TAGS:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in CELL_TAGS:
            self._cells.append(" ".join("".join(self._text).split()))
            self._text = []
        elif tag == "tr":
            self.blocks.append(" | ".join(self._cells))
            self._cells, self._text = [], []
            self._depth -= 1
        elif tag in BLOCK_TAGS:
            self._flush()
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text and self._depth > 0:
            self.blocks.append(text)
        self._text = []


def page_blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return parser.blocks


def gold_rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(served: tuple[str, list[str]]) -> dict[str, str]:
    base, _ = served
    with httpx.Client(timeout=10) as client:
        return {row["path"]: client.get(base + row["path"]).text for row in gold_rows()}


def test_feeds_parse_and_list_exactly_the_gold_rows(served: tuple[str, list[str]]) -> None:
    base, feeds = served
    listed: dict[str, str] = {}
    for url in feeds:
        parsed = feedparser.parse(httpx.get(url, timeout=10).text)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.entries, url
        for entry in parsed.entries:
            assert entry.link.startswith(base), entry.link
            path = entry.link[len(base):]
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            listed[path] = "%04d-%02d-%02d" % tuple(stamp[:3])
            assert urlsplit(url).path == next(r["feed"] for r in gold_rows() if r["path"] == path)
    assert {r["path"]: r["published"] for r in gold_rows()} == listed
    kinds = {parsed_version(u) for u in feeds}
    assert any(k.startswith("rss") for k in kinds) and "atom10" in kinds


def parsed_version(url: str) -> str:
    return feedparser.parse(httpx.get(url, timeout=10).text).version


def test_pages_resolve_with_canonical_title_and_date(pages: dict[str, str]) -> None:
    for row in gold_rows():
        html = pages[row["path"]]
        clean = row["path"].split("?")[0]
        assert f'rel="canonical" href="http' in html and f'{clean}"' in html, row["path"]
        assert "{{BASE}}" not in html
        assert f"<h1>{row['title']}</h1>" in html.replace("&#x27;", "'").replace("&amp;", "&")
        assert row["published"] in html, row["path"]


def test_body_lines_appear_in_the_page_in_order(pages: dict[str, str]) -> None:
    for row in gold_rows():
        blocks = page_blocks(pages[row["path"]])
        at = 0
        for line in row["body_text"].split("\n"):
            assert line in blocks[at:], (row["path"], line)
            at = blocks.index(line, at) + 1


def test_claims_are_valid_and_their_evidence_is_one_body_sentence() -> None:
    for row in gold_rows():
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert claim["article_url"] == row["path"]
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS
            assert claim["unit"] in UNITS and isinstance(claim["fiscal_year"], bool)
            assert (claim["value"] is None) == (claim["metric"] in VALUELESS or claim["unit"] is None)
            assert claim["horizon_year"] is None or 2010 <= claim["horizon_year"] <= 2050
            assert claim["company"] and claim["region"] and claim["evidence"]
            assert sum(claim["evidence"] in line for line in lines) == 1, claim["evidence"]


def test_claims_only_on_the_first_page_of_each_group() -> None:
    seen: set[str] = set()
    rows = sorted(gold_rows(), key=lambda r: (r["published"], r["path"]))
    for row in rows:
        if row["group"] in seen:
            assert row["claims"] == [], row["path"]
        seen.add(row["group"])
    total = sum(len(r["claims"]) for r in rows)
    assert 70 <= total <= 95
    assert len({r["path"].split("?")[0] for r in rows}) == 10


def test_dedup_cases_are_present() -> None:
    rows = gold_rows()
    tracked = [r for r in rows if "?utm_" in r["path"]]
    assert len(tracked) == 1
    twin = next(r for r in rows if r["path"] == tracked[0]["path"].split("?")[0])
    assert twin["group"] == tracked[0]["group"] and twin["feed"] != tracked[0]["feed"]
    outlets_per_group: dict[str, set[str]] = {}
    for r in rows:
        outlets_per_group.setdefault(r["group"], set()).add(r["outlet"])
    assert any(len(o) == 2 for o in outlets_per_group.values()), "a syndicated copy on a second outlet"
