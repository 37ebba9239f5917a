"""Held-out set 12: the corpus itself is consistent (site, feeds, gold).

Serves `tests/heldout12/site` on 127.0.0.1 and checks that feeds parse, every link
resolves, gold body lines are the page's own text blocks in order, evidence
strings sit inside one body line, and claim fields use the model vocabularies.
This set must never be used to tune the claim extractor.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout12"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

# Text blocks that can hold body text; a table row is one block, cells joined by " | ".
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"}
CELL_TAGS = {"td", "th"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Blocks(HTMLParser):
    """Collects text blocks, hrefs, the h1 and the canonical link of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.hrefs: list[str] = []
        self.canonical = ""
        self.h1 = ""
        self._stack: list[tuple[str, list[str]]] = []
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "a" and attr.get("href"):
            self.hrefs.append(attr["href"] or "")
        if tag == "link" and attr.get("rel") == "canonical":
            self.canonical = attr.get("href") or ""
        if tag == "tr":
            self._cells = []
        elif tag in CELL_TAGS and self._cells is not None:
            self._cell = []
        elif tag in BLOCK_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in CELL_TAGS and self._cell is not None and self._cells is not None:
            self._cells.append(_norm("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif tag in BLOCK_TAGS and self._stack and self._stack[-1][0] == tag:
            name, parts = self._stack.pop()
            text = _norm("".join(parts))
            self.blocks.append(text)
            if name == "h1":
                self.h1 = text

    def handle_data(self, data: str) -> None:
        # A block opened inside a cell (an old-style layout table) owns its own text.
        if self._stack:
            self._stack[-1][1].append(data)
        elif self._cell is not None:
            self._cell.append(data)


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _first_pages(rows: list[dict]) -> set[str]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    return {min(members, key=lambda r: (r["published"], r["path"]))["path"] for members in groups.values()}


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, list[str]]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(site: tuple[str, list[str]]) -> dict[str, tuple[str, _Blocks]]:
    base, _ = site
    out: dict[str, tuple[str, _Blocks]] = {}
    with httpx.Client(timeout=10) as client:
        for row in _gold():
            response = client.get(base + row["path"])
            assert response.status_code == 200, row["path"]
            parser = _Blocks()
            parser.feed(response.text)
            out[row["path"]] = (response.text, parser)
    return out


def test_gold_rows_are_well_formed() -> None:
    rows = _gold()
    assert 10 <= len({r["path"].split("?")[0] for r in rows}) <= 12
    keys = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
    for row in rows:
        assert set(row) == keys, row["path"]
        assert row["body_text"].strip() and row["notes"].strip()
    assert len({r["outlet"] for r in rows}) == 4
    assert 70 <= sum(len(r["claims"]) for r in rows) <= 95


def test_feeds_parse_and_match_gold(site: tuple[str, list[str]]) -> None:
    base, urls = site
    rows = {r["path"]: r for r in _gold()}
    listed: set[str] = set()
    with httpx.Client(timeout=10) as client:
        for url in urls:
            parsed = feedparser.parse(client.get(url).text)
            assert not parsed.bozo, (url, parsed.get("bozo_exception"))
            assert parsed.entries, url
            for entry in parsed.entries:
                path = entry.link.removeprefix(base)
                assert path in rows, f"feed entry without gold row: {path}"
                assert rows[path]["feed"] == urlsplit(url).path
                stamp = entry.get("published_parsed") or entry.get("updated_parsed")
                assert f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" == rows[path]["published"]
                listed.add(path)
    assert listed == set(rows), "every gold row must be listed in a feed"
    versions = {feedparser.parse(path.read_text(encoding="utf-8")).version for path in (SITE / "feeds").glob("*.xml")}
    assert {"rss20", "atom10"} <= versions


def test_pages_match_gold(site: tuple[str, list[str]], pages: dict[str, tuple[str, _Blocks]]) -> None:
    base, _ = site
    for row in _gold():
        html, parsed = pages[row["path"]]
        assert parsed.canonical == base + row["path"].split("?")[0]
        assert parsed.h1 == row["title"]
        day = date.fromisoformat(row["published"])
        # Dates are given as meta/JSON-LD/<time> ISO strings or only as a visible '2 April 2013'.
        assert row["published"] in html or f"{day.day} {day:%B %Y}" in html, row["path"]
        blocks = iter(parsed.blocks)
        for line in row["body_text"].split("\n"):
            assert any(block == line for block in blocks), f"{row['path']}: body line missing or out of order: {line[:60]}"
        assert "{{BASE}}" not in html


def test_every_link_resolves(site: tuple[str, list[str]], pages: dict[str, tuple[str, _Blocks]]) -> None:
    base, _ = site
    targets = {href for _, parsed in pages.values() for href in parsed.hrefs if href.startswith(base)}
    assert targets
    with httpx.Client(timeout=10) as client:
        for href in sorted(targets):
            assert client.get(href).status_code == 200, href


def test_claims_are_valid_and_only_on_first_pages() -> None:
    rows = _gold()
    first = _first_pages(rows)
    for row in rows:
        lines = row["body_text"].split("\n")
        if row["path"] not in first:
            assert row["claims"] == [], f"claims on a non-first page of group {row['group']}"
        for claim in row["claims"]:
            where = f"{row['path']}: {claim['evidence'][:50]}"
            assert claim["article_url"] == row["path"].split("?")[0], where
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS, where
            assert sum(claim["evidence"] in line for line in lines) == 1, f"evidence not in exactly one body line: {where}"
            assert isinstance(claim["fiscal_year"], bool) and claim["company"], where
            if claim["metric"] in DATE_ONLY_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], where
            elif claim["value"] is not None:
                assert claim["unit"] in UNITS, where
            if claim["horizon_year"] is not None:
                assert 2010 <= claim["horizon_year"] <= 2050, where


def test_no_duplicate_claims_within_an_article() -> None:
    for row in _gold():
        keys = [(c["company"], c["metric"], c["kind"], c["value"], c["horizon_year"], c["region"]) for c in row["claims"]]
        assert len(keys) == len(set(keys)), row["path"]
