"""Held-out set 8 is a well-formed corpus: served pages, parseable feeds, gold that matches the pages.

These tests check the corpus itself (tests/heldout8), not the pipeline: the
pages are served by the real demo server on 127.0.0.1 and fetched over HTTP,
feeds are read with feedparser, and every gold row is held against the HTML
it describes.  The set must never be used to tune the extractor.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout8"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

COMPANIES = {"Nissan", "Alliance", "Renault", "Mitsubishi", "Toyota", "Honda", "Tesla", "BYD", "Volkswagen"}
UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
# Metrics that carry a date only; `other` may also be value-less (a parity date).
DATE_ONLY = {"technology_launch", "production_start", "carbon_neutrality"}
CLAIM_FIELDS = {
    "article_url", "company", "product", "metric", "value", "unit", "qualifier",
    "region", "horizon_year", "fiscal_year", "kind", "evidence",
}
ROW_FIELDS = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
SENTENCE_ENDS = (".", "?", "!", "\u201d", '"')


class _Blocks(HTMLParser):
    """Text of each paragraph-like block in document order; a table row is its cells joined by ' | '."""

    BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.h1: list[str] = []
        self.canonical: str | None = None
        self._open: str | None = None
        self._parts: list[str] = []
        self._cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            self.canonical = dict(attrs).get("href")
        if tag in self.BLOCK_TAGS and self._open is None:
            self._open, self._parts, self._cells = tag, [], []
        elif tag in ("td", "th") and self._open == "tr":
            self._parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._open == "tr":
            self._cells.append(_squash("".join(self._parts)))
            self._parts = []
        elif tag == self._open:
            text = " | ".join(self._cells) if tag == "tr" else _squash("".join(self._parts))
            self.blocks.append(text)
            if tag == "h1":
                self.h1.append(text)
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._parts.append(data)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _gold_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _first_pages(rows: list[dict[str, Any]]) -> set[str]:
    """The page of each dedup group that carries the claims: earliest date, then lexically first path."""
    firsts: dict[str, dict[str, Any]] = {}
    for row in rows:
        best = firsts.get(row["group"])
        if best is None or (row["published"], row["path"]) < (best["published"], best["path"]):
            firsts[row["group"]] = row
    return {row["path"] for row in firsts.values()}


def _site_links(html: str, base: str) -> set[str]:
    """Links into the served site that name a file (section indexes like /outlet/ are not part of the corpus)."""
    hrefs = {chunk.split('"')[0].split("#")[0] for chunk in html.split('href="')[1:]}
    return {href for href in hrefs if href.startswith(base) and not href.endswith("/") and "/img/" not in href}


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return _gold_rows()


@pytest.fixture(scope="module")
def pages(served: tuple[str, list[str]], rows: list[dict[str, Any]]) -> dict[str, tuple[str, _Blocks]]:
    base, _ = served
    fetched: dict[str, tuple[str, _Blocks]] = {}
    for row in rows:
        status, html = _get(base + row["path"])
        assert status == 200, row["path"]
        parser = _Blocks()
        parser.feed(html)
        fetched[row["path"]] = (html, parser)
    return fetched


def test_gold_rows_have_the_dev_format(rows: list[dict[str, Any]]) -> None:
    assert 12 <= len(rows) <= 16
    for row in rows:
        assert set(row) == ROW_FIELDS, row["path"]
        assert row["path"].startswith("/") and row["feed"].startswith("/feeds/")
        time.strptime(row["published"], "%Y-%m-%d")
        assert row["body_text"].strip() and row["notes"].strip()
    assert len({row["path"] for row in rows}) == len(rows)


def test_feeds_parse_and_every_entry_has_a_gold_row(served: tuple[str, list[str]], rows: list[dict[str, Any]]) -> None:
    base, feeds = served
    by_path = {row["path"]: row for row in rows}
    listed: set[str] = set()
    kinds = set()
    for feed_url in feeds:
        parsed = feedparser.parse(_get(feed_url)[1])
        assert not parsed.bozo, (feed_url, parsed.get("bozo_exception"))
        assert parsed.entries, feed_url
        kinds.add(parsed.version[:3])
        for entry in parsed.entries:
            assert entry.link.startswith(base + "/"), entry.link
            split = urlsplit(entry.link)
            path = split.path + (f"?{split.query}" if split.query else "")
            row = by_path[path]
            assert row["feed"] == urlsplit(feed_url).path
            assert time.strftime("%Y-%m-%d", entry.published_parsed) == row["published"], path
            listed.add(path)
    assert listed == set(by_path), "every gold row is listed in the feed its row names"
    assert kinds == {"rss", "ato"}, "both RSS 2.0 and Atom are represented"


def test_links_resolve_and_pages_name_their_canonical_url(
    served: tuple[str, list[str]], rows: list[dict[str, Any]], pages: dict[str, tuple[str, _Blocks]]
) -> None:
    base, _ = served
    for row in rows:
        html, parser = pages[row["path"]]
        assert "{{BASE}}" not in html, "the server fills in its own address"
        assert parser.canonical == base + row["path"].split("?")[0]
        assert parser.h1 == [row["title"]]
        assert f'{row["published"]}T' in html, "the date is in meta, JSON-LD or <time>"
        for url in _site_links(html, base):
            assert _get(url)[0] == 200, url


def test_gold_body_lines_appear_in_the_page_in_order(
    rows: list[dict[str, Any]], pages: dict[str, tuple[str, _Blocks]]
) -> None:
    for row in rows:
        blocks = pages[row["path"]][1].blocks
        position = 0
        for line in row["body_text"].split("\n"):
            assert line in blocks[position:], (row["path"], line)
            position = blocks.index(line, position) + 1


def test_every_evidence_is_a_whole_sentence_of_one_body_line(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            evidence = claim["evidence"]
            homes = [line for line in lines if evidence in line]
            assert homes, (row["path"], evidence)
            line = homes[0]
            start = line.index(evidence)
            end = start + len(evidence)
            assert start == 0 or line[:start].rstrip().endswith(SENTENCE_ENDS), evidence
            assert end == len(line) or evidence.endswith(SENTENCE_ENDS), evidence


def test_claim_fields_are_valid(rows: list[dict[str, Any]]) -> None:
    claims = [claim for row in rows for claim in row["claims"]]
    assert 80 <= len(claims) <= 110
    assert sum(claim["company"] == "Nissan" for claim in claims) > len(claims) / 2
    for row in rows:
        for claim in row["claims"]:
            assert set(claim) == CLAIM_FIELDS, claim
            assert claim["article_url"] == row["path"]
            assert claim["company"] in COMPANIES, claim
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS, claim
            assert claim["unit"] in UNITS, claim
            assert claim["region"] and claim["region"] == claim["region"].lower(), claim
            assert isinstance(claim["fiscal_year"], bool)
            assert claim["horizon_year"] is None or 2010 <= claim["horizon_year"] <= 2050, claim
            if claim["metric"] in DATE_ONLY:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], claim
            elif claim["value"] is None:
                assert claim["metric"] == "other" and claim["horizon_year"], claim
            else:
                assert isinstance(claim["value"], float) and claim["unit"], claim


def test_claims_only_on_the_first_page_of_each_group(rows: list[dict[str, Any]]) -> None:
    firsts = _first_pages(rows)
    for row in rows:
        if row["path"] in firsts:
            assert row["claims"], f"{row['path']} is the first page of its group and has no claims"
        else:
            assert row["claims"] == [], row["path"]


def test_dedup_cases_are_present(rows: list[dict[str, Any]]) -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    shared = [members for members in groups.values() if len(members) > 1]
    tracking = [m for m in shared if len({row["path"].split("?")[0] for row in m}) == 1]
    syndicated = [m for m in shared if len({row["outlet"] for row in m}) > 1]
    assert tracking and syndicated
    assert len({row["feed"] for row in tracking[0]}) == 2, "the tracking copy comes from a second feed"
    assert len({row["published"] for row in syndicated[0]}) == 2, "the syndicated copy appears later"
