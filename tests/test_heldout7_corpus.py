"""Checks that the heldout7 corpus is internally consistent when served for real.

The corpus (tests/heldout7) is a held-out evaluation set: these tests only
check its structure (feeds, links, gold lines, claim fields), never the
extractor's output on it.
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

CORPUS = Path(__file__).resolve().parent / "heldout7"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

# Metrics whose value is a date (year in horizon_year), so value and unit are null.
DATE_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "INR", "GWh", "USD/kWh", "jobs", "plants"}
REGIONS = {"global", "japan", "europe", "us", "china", "uk", "india", "north_america"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4"}


def load_gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class _Blocks(HTMLParser):
    """Collects the text of each paragraph-like block; a table row becomes 'cell | cell'."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.canonical: str | None = None
        self._buf: list[str] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "link" and attr.get("rel") == "canonical":
            self.canonical = attr.get("href")
        if tag in BLOCK_TAGS:
            self._buf = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and self._buf is not None:
            self.blocks.append(" ".join("".join(self._buf).split()))
            self._buf = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.blocks.append(" | ".join(self._row))
            self._row = None

    def handle_data(self, data: str) -> None:
        for sink in (self._buf, self._cell):
            if sink is not None:
                sink.append(data)


def parse_blocks(html: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(html)
    return parser


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_gold()


@pytest.fixture(scope="module")
def feeds(served: tuple[str, list[str]]) -> dict[str, feedparser.FeedParserDict]:
    base, urls = served
    parsed = {}
    for url in urls:
        response = httpx.get(url, timeout=10)
        response.raise_for_status()
        parsed[urlsplit(url).path] = feedparser.parse(response.content)
    return parsed


def test_corpus_size_and_dedup_cases(gold: list[dict]) -> None:
    pages = {row["path"].split("?")[0] for row in gold}
    claims = [c for row in gold for c in row["claims"]]
    assert 12 <= len(pages) <= 14
    assert 80 <= len(claims) <= 110
    assert len({row["outlet"] for row in gold}) == 4
    groups: dict[str, list[dict]] = {}
    for row in gold:
        groups.setdefault(row["group"], []).append(row)
    multi = [rows for rows in groups.values() if len(rows) > 1]
    tracked = [rows for rows in multi if any("utm_" in r["path"] for r in rows)]
    syndicated = [rows for rows in multi if len({r["outlet"] for r in rows}) > 1]
    assert tracked and syndicated


def test_feeds_parse_and_list_every_gold_row(served: tuple[str, list[str]], feeds: dict, gold: list[dict]) -> None:
    base, _ = served
    assert len(feeds) == 4
    versions = {fp.version for fp in feeds.values()}
    assert "atom10" in versions and "rss20" in versions
    listed: dict[tuple[str, str], str] = {}
    for feed_path, fp in feeds.items():
        assert not fp.bozo, (feed_path, fp.get("bozo_exception"))
        assert fp.entries
        for entry in fp.entries:
            assert entry.link.startswith(base + "/"), entry.link
            stamp = entry.get("published_parsed")
            listed[(feed_path, entry.link[len(base):])] = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
    gold_keys = {(row["feed"], row["path"]): row["published"] for row in gold}
    assert listed == gold_keys


def test_pages_resolve_with_canonical_title_and_date(served: tuple[str, list[str]], gold: list[dict]) -> None:
    base, _ = served
    with httpx.Client(timeout=10) as client:
        for row in gold:
            response = client.get(base + row["path"])
            assert response.status_code == 200, row["path"]
            html = response.text
            assert "{{BASE}}" not in html
            page = parse_blocks(html)
            assert page.canonical == base + row["path"].split("?")[0]
            assert row["title"] in page.blocks, row["path"]
            assert row["published"] in html, row["path"]


def test_internal_links_resolve(served: tuple[str, list[str]], gold: list[dict]) -> None:
    base, _ = served
    targets: set[str] = set()
    for html_file in SITE.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for chunk in text.split('href="{{BASE}}')[1:]:
            link = chunk.split('"', 1)[0]
            if link.endswith((".html", ".xml")):
                targets.add(link)
    assert targets
    with httpx.Client(timeout=10) as client:
        for link in sorted(targets):
            assert client.get(base + link).status_code == 200, link


def test_gold_body_lines_appear_in_page_order(served: tuple[str, list[str]], gold: list[dict]) -> None:
    base, _ = served
    for row in gold:
        html = httpx.get(base + row["path"], timeout=10).text
        blocks = parse_blocks(html).blocks
        lines = row["body_text"].split("\n")
        assert all(line.strip() == line and line for line in lines), row["path"]
        assert is_subsequence(lines, blocks), row["path"]
        assert row["title"] not in lines


def test_every_evidence_lies_inside_one_body_line(gold: list[dict]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert any(claim["evidence"] in line for line in lines), claim["evidence"]


def says_fiscal(evidence: str, lines: list[str]) -> bool:
    """The evidence, or the line just before it (a lead-in it inherits from), names a fiscal year."""
    index = next(i for i, line in enumerate(lines) if evidence in line)
    context = " ".join(lines[max(index - 1, 0) : index + 1])
    return "fiscal" in context.lower() or "FY" in context


def test_claim_fields_are_valid(gold: list[dict]) -> None:
    for row in gold:
        for claim in row["claims"]:
            where = (row["path"], claim["evidence"][:60])
            assert claim["article_url"] == row["path"], where
            assert claim["company"], where
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert claim["region"] in REGIONS, where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["horizon_year"] is None or 2010 <= claim["horizon_year"] <= 2050, where
            if claim["metric"] in DATE_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], where
            elif claim["metric"] != "other":
                assert isinstance(claim["value"], float) and claim["unit"] in UNITS, where
            if claim["fiscal_year"]:
                assert says_fiscal(claim["evidence"], row["body_text"].split("\n")), where


def test_claims_only_on_first_page_of_each_group(gold: list[dict]) -> None:
    firsts: dict[str, tuple[str, str]] = {}
    for row in gold:
        key = (row["published"], row["path"])
        firsts[row["group"]] = min(firsts.get(row["group"], key), key)
    for row in gold:
        if (row["published"], row["path"]) != firsts[row["group"]]:
            assert row["claims"] == [], row["path"]
    assert all(row["claims"] for row in gold if (row["published"], row["path"]) == firsts[row["group"]])


def test_one_claim_per_fact_per_article(gold: list[dict]) -> None:
    for row in gold:
        facts = [
            (c["company"], c["product"], c["metric"], c["value"], c["region"], c["horizon_year"], c["kind"])
            for c in row["claims"]
        ]
        assert len(facts) == len(set(facts)), row["path"]
