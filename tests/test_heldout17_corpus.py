"""Integrity checks for the held-out corpus in tests/heldout17 (site + feeds + gold).

The corpus is served over real HTTP on 127.0.0.1; feeds are parsed with
feedparser; gold rows are checked against the served pages and against the
claim vocabularies in evnews.models. These tests check the corpus itself,
never the extractor: the set must stay unseen by extractor tuning.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout17"
SITE = CORPUS / "site"
GOLD = [json.loads(line) for line in (CORPUS / "gold" / "articles.jsonl").read_text("utf-8").splitlines() if line]

UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
DATE_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
# Text-bearing elements that can hold a gold body line; a table row is one line, cells joined by " | ".
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption", "dt", "dd"}


class _Blocks(HTMLParser):
    """Collects the text of every block element (and table row) of a page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in BLOCK_TAGS:
            self._stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.blocks.append(" | ".join(self._row))
            self._row = None
        elif tag in BLOCK_TAGS and self._stack:
            text = " ".join("".join(self._stack.pop()).split())
            if text:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        elif self._stack:
            self._stack[-1].append(data)


def page_blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return parser.blocks


def is_subsequence(lines: list[str], blocks: list[str]) -> bool:
    remaining = iter(blocks)
    return all(any(line == block for block in remaining) for line in lines)


def first_pages() -> set[str]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in GOLD:
        groups[row["group"]].append(row)
    return {min(rows, key=lambda r: (r["published"], r["path"]))["path"] for rows in groups.values()}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def pages(base: str) -> dict[str, str]:
    with httpx.Client(base_url=base, timeout=10) as client:
        fetched = {row["path"]: client.get(row["path"]) for row in GOLD}
    assert {p: r.status_code for p, r in fetched.items() if r.status_code != 200} == {}
    return {path: response.text for path, response in fetched.items()}


def test_size_and_mix() -> None:
    files = {row["path"].split("?")[0] for row in GOLD}
    claims = [c for row in GOLD for c in row["claims"]]
    assert 10 <= len(files) <= 12
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) * 0.7
    assert len({row["outlet"] for row in GOLD}) == 4
    assert {c["kind"] for c in claims} == set(KINDS)


def test_feeds_parse_and_list_every_page(base: str) -> None:
    listed: dict[str, set[str]] = defaultdict(set)
    with httpx.Client(timeout=10) as client:
        for feed_file in sorted((SITE / "feeds").glob("*.xml")):
            parsed = feedparser.parse(client.get(f"{base}/feeds/{feed_file.name}").content)
            assert not parsed.bozo, (feed_file.name, parsed.get("bozo_exception"))
            assert parsed.entries, feed_file.name
            for entry in parsed.entries:
                parts = urlsplit(entry.link)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                row = next((r for r in GOLD if r["path"] == path), None)
                assert row is not None, f"{feed_file.name} lists {path} with no gold row"
                assert row["feed"] == f"/feeds/{feed_file.name}"
                stamp = entry.get("published_parsed") or entry.get("updated_parsed")
                assert f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" == row["published"], path
                assert entry.title == row["title"]
                listed[row["feed"]].add(path)
    assert {(r["feed"], r["path"]) for r in GOLD} == {(f, p) for f, paths in listed.items() for p in paths}


def test_pages_have_canonical_title_and_date(pages: dict[str, str], base: str) -> None:
    for row in GOLD:
        html = pages[row["path"]]
        clean = row["path"].split("?")[0]
        assert f'<link rel="canonical" href="{base}{clean}">' in html, row["path"]
        blocks = page_blocks(html)
        assert row["title"] in blocks, row["path"]
        day = date.fromisoformat(row["published"])
        visible = f"{day.day} {day.strftime('%B')} {day.year}"
        assert visible in " ".join(blocks) or visible in html, row["path"]


def test_links_resolve(pages: dict[str, str], base: str) -> None:
    targets = {
        href.split('"')[0]
        for html in pages.values()
        for href in html.split('href="')[1:]
        if href.startswith(base) and (".html" in href.split('"')[0] or href.split('"')[0].endswith(".xml"))
    }
    with httpx.Client(timeout=10) as client:
        assert {t: client.get(t).status_code for t in targets if client.get(t).status_code != 200} == {}


def test_body_lines_appear_in_order(pages: dict[str, str]) -> None:
    for row in GOLD:
        lines = row["body_text"].split("\n")
        assert all(lines), row["path"]
        blocks = page_blocks(pages[row["path"]])
        missing = [line for line in lines if line not in blocks]
        assert missing == [], (row["path"], missing)
        assert is_subsequence(lines, blocks), row["path"]
        assert row["title"] not in lines


def test_evidence_lies_in_one_body_line() -> None:
    for row in GOLD:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert sum(claim["evidence"] in line for line in lines) >= 1, claim["evidence"]


def test_claim_fields_are_valid() -> None:
    for row in GOLD:
        for claim in row["claims"]:
            where = (row["path"], claim["evidence"][:60])
            assert claim["article_url"] == row["path"], where
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["horizon_year"] is None or 2009 <= claim["horizon_year"] <= 2050, where
            assert claim["region"] == claim["region"].lower() and claim["region"], where
            assert claim["company"] and claim["company"][0].isupper(), where
            if claim["metric"] in DATE_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], where
            else:
                assert isinstance(claim["value"], float) and claim["unit"] in UNITS, where
            if claim["unit"] == "percent":
                assert 0 < claim["value"] <= 100, where


def test_claims_only_on_first_page_of_each_group() -> None:
    firsts = first_pages()
    for row in GOLD:
        if row["path"] not in firsts:
            assert row["claims"] == [], row["path"]
    assert len({r["group"] for r in GOLD}) < len(GOLD)


def test_dedup_cases_present() -> None:
    by_group: dict[str, list[dict]] = defaultdict(list)
    for row in GOLD:
        by_group[row["group"]].append(row)
    shared = [rows for rows in by_group.values() if len(rows) > 1]
    tracking = [rows for rows in shared if any("?utm_" in r["path"] for r in rows)]
    syndicated = [rows for rows in shared if len({r["outlet"] for r in rows}) > 1 and not any("?" in r["path"] for r in rows)]
    assert len(tracking) == 1 and len(syndicated) == 1
    clean, copy = sorted(tracking[0], key=lambda r: len(r["path"]))
    assert copy["body_text"] == clean["body_text"] and copy["feed"] != clean["feed"]
    original, partner = sorted(syndicated[0], key=lambda r: r["published"])
    assert original["body_text"] != partner["body_text"]
