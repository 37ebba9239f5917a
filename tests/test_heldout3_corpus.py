"""Held-out corpus 3 is well formed: served site, feeds, gold lines, evidence, vocabularies, groups.

The corpus (tests/heldout3) is for the final, honest estimate of claim extraction on
unseen outlets; these checks only guard its structure, never the extractor.
"""

from __future__ import annotations

import datetime as dt
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

CORPUS = Path(__file__).resolve().parent / "heldout3"
SITE = CORPUS / "site"
GOLD_PATH = CORPUS / "gold" / "articles.jsonl"

UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "CAD", "GWh", "USD/kWh"}
# Metrics that carry a date, not a number (claims.md: value null, year in horizon_year).
DATE_ONLY = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption"}


class _Blocks(HTMLParser):
    """Text of every block element in document order (nested blocks give inner then outer)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[str]]] = []
        self.blocks: list[tuple[str, str]] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            self.canonical = dict(attrs).get("href")
        if tag in BLOCK_TAGS:
            self.stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS and self.stack and self.stack[-1][0] == tag:
            name, parts = self.stack.pop()
            text = " ".join("".join(parts).split())
            self.blocks.append((name, text))
            if self.stack:
                self.stack[-1][1].append(text)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][1].append(data)


def _blocks(page: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as http:
        yield http


@pytest.fixture(scope="module")
def pages(base: str, client: httpx.Client, gold: list[dict]) -> dict[str, str]:
    """Every gold page as served (path with query string -> HTML)."""
    out = {}
    for row in gold:
        response = client.get(base + row["path"])
        assert response.status_code == 200, row["path"]
        out[row["path"]] = response.text
    return out


@pytest.fixture(scope="module")
def feeds(base: str, client: httpx.Client) -> dict[str, feedparser.FeedParserDict]:
    out = {}
    for url in feed_urls(base, SITE):
        response = client.get(url)
        assert response.status_code == 200, url
        out[urlsplit(url).path] = feedparser.parse(response.content)
    return out


def _path_of(link: str, base: str) -> str:
    assert link.startswith(base), link
    return link[len(base):]


def test_feeds_parse_in_both_formats_with_every_entry_in_gold(feeds: dict, gold: list[dict], base: str) -> None:
    assert len(feeds) == 5
    versions = {parsed.version for parsed in feeds.values()}
    assert {"rss20", "atom10"} <= versions
    by_path = {row["path"]: row for row in gold}
    for feed_path, parsed in feeds.items():
        assert not parsed.bozo, (feed_path, parsed.get("bozo_exception"))
        assert parsed.entries, feed_path
        for entry in parsed.entries:
            row = by_path[_path_of(entry.link, base)]
            assert row["feed"] == feed_path
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert dt.date(*stamp[:3]).isoformat() == row["published"], entry.link


def test_every_gold_row_is_listed_in_its_feed(feeds: dict, gold: list[dict], base: str) -> None:
    for row in gold:
        links = {_path_of(entry.link, base) for entry in feeds[row["feed"]].entries}
        assert row["path"] in links, row["path"]


def test_every_absolute_link_in_the_site_resolves(base: str, client: httpx.Client) -> None:
    seen: set[str] = set()
    for file in SITE.rglob("*"):
        if file.suffix not in {".html", ".xml"}:
            continue
        text = file.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://purl.org", "").replace("http://www.w3.org", ""), file
        for link in re.findall(r"\{\{BASE\}\}([^\"<\s]*)", text):
            seen.add(link.replace("&amp;", "&"))
    page_links = {link for link in seen if link.endswith(".html") or ".html?" in link or link.endswith(".xml")}
    assert len(page_links) >= 15
    for link in sorted(page_links):
        assert client.get(base + link).status_code == 200, link


def test_gold_body_lines_appear_in_the_page_in_order(pages: dict[str, str], gold: list[dict], base: str) -> None:
    for row in gold:
        parsed = _blocks(pages[row["path"]])
        texts = [text for _, text in parsed.blocks]
        position = 0
        for line in row["body_text"].split("\n"):
            assert line and line == " ".join(line.split()), (row["path"], line)
            try:
                position = texts.index(line, position) + 1
            except ValueError:
                pytest.fail(f"{row['path']}: body line not found in order: {line[:80]}")
        assert row["title"] in texts, row["path"]
        assert parsed.canonical == base + row["path"].split("?", 1)[0]


def test_published_date_is_in_the_page(pages: dict[str, str], gold: list[dict]) -> None:
    for row in gold:
        day = dt.date.fromisoformat(row["published"])
        forms = {day.isoformat(), day.strftime("%Y.%m.%d")}
        assert any(form in pages[row["path"]] for form in forms), row["path"]


def test_every_evidence_lies_inside_one_body_line(gold: list[dict]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            holders = [line for line in lines if claim["evidence"] in line]
            assert len(holders) == 1, (row["path"], claim["evidence"][:80])


def test_claim_fields_follow_the_claim_model(gold: list[dict]) -> None:
    for row in gold:
        for claim in row["claims"]:
            where = (row["path"], claim["metric"], claim["evidence"][:60])
            assert claim["article_url"] == row["path"].split("?", 1)[0], where
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert claim["unit"] in UNITS, where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["company"] and claim["region"] == claim["region"].lower(), where
            horizon = claim["horizon_year"]
            assert horizon is None or (isinstance(horizon, int) and 2010 <= horizon <= 2050), where
            if claim["metric"] in DATE_ONLY:
                assert claim["value"] is None and claim["unit"] is None and horizon is not None, where
            elif claim["metric"] != "other":
                assert isinstance(claim["value"], float) and claim["unit"] is not None, where


def test_claims_only_on_the_first_page_of_each_group(gold: list[dict]) -> None:
    groups: dict[str, list[dict]] = {}
    for row in gold:
        groups.setdefault(row["group"], []).append(row)
    for name, rows in groups.items():
        first, *rest = sorted(rows, key=lambda r: (r["published"], r["path"]))
        assert all(not r["claims"] for r in rest), name
    assert any(len(rows) > 1 and len({r["outlet"] for r in rows}) > 1 for rows in groups.values())  # syndication
    assert any(len(rows) > 1 and any("?" in r["path"] for r in rows) for rows in groups.values())  # tracking copy


def test_corpus_size_and_mix(gold: list[dict]) -> None:
    claims = [claim for row in gold for claim in row["claims"]]
    pages = {row["path"].split("?", 1)[0] for row in gold}
    assert 12 <= len(pages) <= 14
    assert len({row["outlet"] for row in gold}) == 4
    assert 80 <= len(claims) <= 110
    nissan = [c for c in claims if c["company"] == "Nissan"]
    assert len(nissan) > len(claims) / 2
    assert {c["kind"] for c in nissan} == set(KINDS)
