"""The heldout15 evaluation corpus is well formed: served for real on 127.0.0.1.

Checks the feeds parse, every link resolves to a gold row, the gold body lines
are text blocks of their pages in page order, every evidence string lies inside
one body line, claim fields use the vocabularies of `evnews.models`, and claims
sit only on the first page of each dedup group. It does not score anything: the
set is for an honest final estimate and must not be used to tune the extractor.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout15"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

REGIONS = {"global", "japan", "europe", "us", "china", "uk", "india", "north_america", "canada"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "INR", "CAD", "GWh", "USD/kWh"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "blockquote", "dt", "dd"}


class _Blocks(HTMLParser):
    """Collects the page's text blocks; a table row is one block, cells joined by ' | '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.canonical = ""
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.scripts: list[str] = []
        self._text: list[str] | None = None
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href", "")
        elif tag == "meta" and "content" in a:
            self.meta[a.get("property") or a.get("name") or ""] = a["content"]
        elif tag == "time":
            self.times.append(a.get("datetime", ""))
        elif tag == "script":
            self._script = []
        elif tag == "tr":
            self._cells = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in BLOCK_TAGS:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        elif tag in ("td", "th") and self._cell is not None and self._cells is not None:
            self._cells.append(_norm("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(self._cells))
            self._cells = None
        elif tag in BLOCK_TAGS and self._text is not None:
            self.blocks.append(_norm("".join(self._text)))
            self._text = None

    def handle_data(self, data: str) -> None:
        for sink in (self._script, self._cell, self._text):
            if sink is not None:
                sink.append(data)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _parse(page: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(page)
    return parser


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10.0) as c:
        yield c


@pytest.fixture(scope="module")
def pages(served: tuple[str, list[str]], client: httpx.Client, gold: list[dict]) -> dict[str, str]:
    base, _ = served
    out = {}
    for row in gold:
        resp = client.get(base + row["path"])
        assert resp.status_code == 200, row["path"]
        out[row["path"]] = resp.text
    return out


@pytest.fixture(scope="module")
def feeds(served: tuple[str, list[str]], client: httpx.Client) -> dict[str, feedparser.FeedParserDict]:
    base, urls = served
    out = {}
    for url in urls:
        resp = client.get(url)
        assert resp.status_code == 200, url
        out[urlsplit(url).path] = feedparser.parse(resp.content)
    return out


def test_feeds_parse_in_both_formats(feeds: dict) -> None:
    assert len(feeds) == 5
    versions = {parsed.version for parsed in feeds.values()}
    assert {"rss20", "atom10"} <= versions
    for path, parsed in feeds.items():
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path


def test_every_feed_entry_is_a_gold_row_with_the_page_date(served, feeds: dict, gold: list[dict]) -> None:
    base, _ = served
    by_path = {row["path"]: row for row in gold}
    for feed_path, parsed in feeds.items():
        for entry in parsed.entries:
            assert entry.link.startswith(base), entry.link
            path = entry.link[len(base):]
            row = by_path[path]
            assert row["feed"] == feed_path
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert dt.date(*stamp[:3]).isoformat() == row["published"], path


def test_every_gold_row_is_listed_in_its_feed(served, feeds: dict, gold: list[dict]) -> None:
    base, _ = served
    for row in gold:
        links = {e.link for e in feeds[row["feed"]].entries}
        assert base + row["path"] in links, row["path"]


def test_pages_have_canonical_title_and_date(served, pages: dict, gold: list[dict]) -> None:
    base, _ = served
    for row in gold:
        page = pages[row["path"]]
        parsed = _parse(page)
        clean = row["path"].split("?")[0]
        assert parsed.canonical == base + clean, row["path"]
        assert row["title"] in parsed.blocks, row["path"]  # the h1
        published = row["published"]
        in_meta = parsed.meta.get("article:published_time", "").startswith(published)
        in_time = any(t.startswith(published) for t in parsed.times)
        in_ld = any(f'"datePublished": "{published}' in s for s in parsed.scripts)
        day = dt.date.fromisoformat(published)
        visible = f"{day.day} {day:%B %Y}" in page or f"{day:%b %d, %Y}" in page or f"{day:%B} {day.day}, {day.year}" in page
        assert visible and (in_meta or in_time or in_ld or "/marrambay/" in row["path"]), row["path"]


def test_gold_body_lines_are_page_blocks_in_order(pages: dict, gold: list[dict]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        blocks = _parse(pages[row["path"]]).blocks
        missing = [line for line in lines if line not in blocks]
        assert not missing, (row["path"], missing)
        assert _is_subsequence(lines, blocks), row["path"]
        assert row["title"] not in lines


def test_evidence_lies_inside_one_body_line(gold: list[dict]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            assert claim["article_url"] == row["path"]
            holders = [line for line in lines if claim["evidence"] in line]
            assert len(holders) == 1, claim["evidence"]


def test_claim_fields_use_the_model_vocabularies(gold: list[dict]) -> None:
    for row in gold:
        for c in row["claims"]:
            assert c["metric"] in METRICS and c["qualifier"] in QUALIFIERS and c["kind"] in KINDS, c
            assert c["region"] in REGIONS and isinstance(c["fiscal_year"], bool), c
            assert isinstance(c["company"], str) and c["company"], c
            assert (c["value"] is None) == (c["unit"] is None), c
            if c["value"] is not None:
                assert isinstance(c["value"], float) and c["unit"] in UNITS, c
            elif c["metric"] != "other":
                assert c["metric"] in {"technology_launch", "production_start", "carbon_neutrality"}, c
            if c["horizon_year"] is not None:
                assert isinstance(c["horizon_year"], int) and 2010 <= c["horizon_year"] <= 2050, c


def test_claims_only_on_the_first_page_of_each_group(gold: list[dict]) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in gold:
        groups[row["group"]].append(row)
    for rows in groups.values():
        first = min(rows, key=lambda r: (r["published"], r["path"]))
        for row in rows:
            if row is not first:
                assert row["claims"] == [], row["path"]


def test_dedup_cases_are_present(gold: list[dict]) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for row in gold:
        groups[row["group"]].append(row["path"])
    multi = [paths for paths in groups.values() if len(paths) > 1]
    tracked = [p for paths in multi for p in paths if "?utm_" in p]
    syndicated = [paths for paths in multi if len({p.split("?")[0] for p in paths}) == 2]
    assert len(tracked) == 1 and len(syndicated) == 1
    arc_groups = {row["group"] for row in gold if "the-arc" in row["path"]}
    assert len(arc_groups) == 2  # two distinct stories on the same plan


def test_size_and_mix_of_the_set(gold: list[dict]) -> None:
    claims = [c for row in gold for c in row["claims"]]
    nissan = [c for c in claims if c["company"] == "Nissan"]
    assert 10 <= len({r["path"].split("?")[0] for r in gold}) <= 12
    assert 70 <= len(claims) <= 95
    assert len(nissan) > len(claims) / 2
    assert {c["kind"] for c in nissan} == set(KINDS)
    assert len({r["outlet"] for r in gold}) == 4
