"""Integrity checks for the held-out corpus in tests/heldout19 (site, feeds, gold).

The corpus is served over real HTTP on 127.0.0.1; the checks make sure the gold
file describes the pages the pipeline will actually fetch.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout19"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "CAD", "GWh", "USD/kWh", "jobs", "plants"}
BLOCK_TAGS = {"p", "li", "h2", "h3"}


class ArticleBlocks(HTMLParser):
    """Collects the text blocks inside <div class="article-body">; a table row is one block, cells joined by ' | '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.depth = 0  # div nesting inside the article body; 0 = outside
        self.current: list[str] | None = None
        self.row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            if self.depth or ("class", "article-body") in attrs:
                self.depth += 1
            return
        if not self.depth:
            return
        if tag == "tr":
            self.row = []
        elif tag in BLOCK_TAGS or tag in ("td", "th"):
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1
        elif tag in ("td", "th") and self.current is not None and self.row is not None:
            self.row.append(_norm("".join(self.current)))
            self.current = None
        elif tag == "tr" and self.row is not None:
            self.blocks.append(" | ".join(self.row))
            self.row = None
        elif tag in BLOCK_TAGS and self.current is not None:
            self.blocks.append(_norm("".join(self.current)))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def pages(base: str) -> dict[str, str]:
    with httpx.Client(timeout=10) as client:
        fetched = {}
        for row in _rows():
            response = client.get(base + row["path"])
            assert response.status_code == 200, row["path"]
            fetched[row["path"]] = response.text
        return fetched


def test_feeds_parse_and_every_entry_has_a_gold_row(base: str) -> None:
    gold = {(row["feed"], row["path"]): row for row in _rows()}
    seen = set()
    urls = feed_urls(base, SITE)
    assert len(urls) == 5
    for url in urls:
        parsed = feedparser.parse(httpx.get(url, timeout=10).content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        feed_path = urlsplit(url).path
        for entry in parsed.entries:
            split = urlsplit(entry.link)
            path = split.path + ("?" + split.query if split.query else "")
            row = gold[(feed_path, path)]
            stamp = entry.get("published_parsed")
            assert stamp is not None and f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" == row["published"]
            seen.add((feed_path, path))
    assert seen == set(gold), "every gold row is listed in its feed"


def test_links_resolve_and_pages_name_their_canonical_url(base: str, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        assert "{{BASE}}" not in text
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', text)
        assert canonical and canonical.group(1) == base + path.split("?")[0]
    with httpx.Client(timeout=10) as client:
        links = {m for text in pages.values() for m in re.findall(r'href="(' + re.escape(base) + r'[^"]*)"', text)}
        for link in links:
            assert client.get(link).status_code == 200, link


def test_gold_body_lines_are_the_article_blocks_in_order(pages: dict[str, str]) -> None:
    for row in _rows():
        parser = ArticleBlocks()
        parser.feed(pages[row["path"]])
        assert row["body_text"].split("\n") == parser.blocks, row["path"]
        assert row["title"] in html.unescape(pages[row["path"]])
        assert row["published"] in pages[row["path"]] or row["outlet"] == "Mekong Morning Tribune"


def test_evidence_lies_inside_one_body_line() -> None:
    for row in _rows():
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert claim["article_url"] == row["path"]
            assert any(claim["evidence"] in line for line in lines), claim["evidence"]


def test_claim_fields_use_the_shared_vocabularies() -> None:
    for row in _rows():
        for claim in row["claims"]:
            assert claim["metric"] in METRICS
            assert claim["qualifier"] in QUALIFIERS
            assert claim["kind"] in KINDS
            assert claim["unit"] is None or claim["unit"] in UNITS
            assert isinstance(claim["fiscal_year"], bool)
            assert claim["region"] and claim["company"]
            if claim["metric"] in ("technology_launch", "production_start", "carbon_neutrality"):
                assert claim["value"] is None and claim["horizon_year"] is not None
            elif claim["metric"] != "other":
                assert isinstance(claim["value"], float) and claim["unit"]


def test_claims_only_on_the_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = {}
    for row in _rows():
        groups.setdefault(row["group"], []).append(row)
    for members in groups.values():
        ordered = sorted(members, key=lambda r: (r["published"], r["path"]))
        assert all(not r["claims"] for r in ordered[1:]), ordered[0]["group"]


def test_mekong_pages_show_their_date_visibly(pages: dict[str, str]) -> None:
    # this outlet has no machine-readable date: the byline date is all a parser gets
    for row in _rows():
        if row["outlet"] == "Mekong Morning Tribune":
            year = row["published"][:4]
            assert re.search(r'<p class="date">\w+day, \w+ \d{1,2}, ' + year + "</p>", pages[row["path"]])
