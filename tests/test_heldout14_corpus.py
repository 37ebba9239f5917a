"""Held-out set 14: the served site, its feeds and the gold rows agree with each other.

The set (tests/heldout14/) was written blind to the claim extractor; these checks keep
the files consistent (links resolve, gold text is really on the pages, claims are well
formed), they say nothing about extractor quality.
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

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout14"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"

UNITS = {None, "vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}
REGIONS = {"global", "japan", "europe", "us", "china", "uk", "india", "north_america"}
DATELESS_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
BLOCK_TAGS = {"p", "li", "h2", "h3", "blockquote", "tr"}


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = _rows()
FIRST_ROWS = [r for r in ROWS if "?" not in r["path"]]


class _Blocks(HTMLParser):
    """Text of every paragraph-like block, table rows as 'cell | cell', plus h1 and canonical."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.h1 = ""
        self.canonical = ""
        self._stack: list[tuple[str, list[str]]] = []
        self._cells: list[str] | None = None
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and dict(attrs).get("rel") == "canonical":
            self.canonical = dict(attrs).get("href") or ""
        if tag == "h1":
            self._in_h1 = True
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._cells.append("")
        elif tag in BLOCK_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(c.strip() for c in self._cells))
            self._cells = None
        elif tag in BLOCK_TAGS and self._stack and self._stack[-1][0] == tag:
            _, parts = self._stack.pop()
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if text:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data
        if self._cells is not None and self._cells:
            self._cells[-1] += data
        elif self._stack:
            self._stack[-1][1].append(data)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[str]]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(served: tuple[str, list[str]]) -> dict[str, str]:
    base, _ = served
    with httpx.Client(timeout=10) as client:
        return {r["path"]: client.get(base + r["path"]).raise_for_status().text for r in ROWS}


def _parse(text: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(text)
    return parser


def test_gold_rows_are_complete() -> None:
    keys = {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}
    assert len(FIRST_ROWS) >= 10
    for row in ROWS:
        assert set(row) == keys, row["path"]
        assert (SITE / urlsplit(row["path"]).path.lstrip("/")).is_file()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"])


def test_feeds_parse_and_match_gold(served: tuple[str, list[str]]) -> None:
    base, feeds = served
    by_path = {r["path"]: r for r in ROWS}
    listed: set[str] = set()
    assert len(feeds) == 4
    with httpx.Client(timeout=10) as client:
        for url in feeds:
            parsed = feedparser.parse(client.get(url).raise_for_status().content)
            assert not parsed.bozo, (url, parsed.get("bozo_exception"))
            assert parsed.entries, url
            for entry in parsed.entries:
                path = entry.link.removeprefix(base)
                assert path in by_path, f"feed entry without gold row: {path}"
                row = by_path[path]
                assert row["feed"] == url.removeprefix(base)
                stamp = entry.get("published_parsed") or entry.get("updated_parsed")
                assert "%04d-%02d-%02d" % tuple(stamp[:3]) == row["published"], path
                listed.add(path)
    assert listed == set(by_path), "every gold row is listed in a feed"


def test_feed_formats_differ() -> None:
    heads = {p.name: p.read_text(encoding="utf-8")[:400] for p in (SITE / "feeds").glob("*.xml")}
    assert sum('<rss version="2.0"' in h for h in heads.values()) == 2
    assert sum("http://www.w3.org/2005/Atom\" xml:lang" in h for h in heads.values()) == 2


def test_links_resolve(served: tuple[str, list[str]], pages: dict[str, str]) -> None:
    base, _ = served
    local = set()
    for text in pages.values():
        local |= {u for u in re.findall(r'href="([^"#]+)"', text) if u.startswith(base)}
    with httpx.Client(timeout=10) as client:
        statuses = {u: client.get(u).status_code for u in sorted(local)}
    # every page and feed the corpus links to must exist; section index links may not
    for url, status in statuses.items():
        path = url.removeprefix(base)
        if path.endswith((".html", ".xml")) or "?" in path:
            assert status == 200, url
    assert "{{BASE}}" not in "".join(pages.values())


@pytest.mark.parametrize("row", ROWS, ids=[r["path"] for r in ROWS])
def test_body_lines_appear_in_order(row: dict, pages: dict[str, str], served: tuple[str, list[str]]) -> None:
    base, _ = served
    parsed = _parse(pages[row["path"]])
    assert html.unescape(parsed.h1).strip() == row["title"]
    assert parsed.canonical == base + urlsplit(row["path"]).path
    position = 0
    for line in row["body_text"].split("\n"):
        assert line in parsed.blocks[position:], f"{row['path']}: missing or out of order: {line[:80]}"
        position = parsed.blocks.index(line, position) + 1


@pytest.mark.parametrize("row", FIRST_ROWS, ids=[r["path"] for r in FIRST_ROWS])
def test_claims_are_well_formed(row: dict) -> None:
    lines = row["body_text"].split("\n")
    for claim in row["claims"]:
        assert claim["article_url"] == row["path"]
        assert claim["metric"] in METRICS
        assert claim["qualifier"] in QUALIFIERS
        assert claim["kind"] in KINDS
        assert claim["unit"] in UNITS
        assert claim["region"] in REGIONS
        assert isinstance(claim["fiscal_year"], bool)
        assert claim["horizon_year"] is None or 2000 <= claim["horizon_year"] <= 2060
        if claim["metric"] in DATELESS_METRICS:
            assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"]
        else:
            assert isinstance(claim["value"], float) and claim["unit"]
        assert sum(claim["evidence"] in line for line in lines) >= 1, claim["evidence"]
        if claim["fiscal_year"]:
            assert re.search(r"fiscal|FY|business year", claim["evidence"] + row["body_text"])


def test_claims_only_on_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = {}
    for row in ROWS:
        groups.setdefault(row["group"], []).append(row)
    for members in groups.values():
        first, *rest = sorted(members, key=lambda r: (r["published"], r["path"]))
        assert first["claims"], first["path"]
        assert all(not r["claims"] for r in rest)


def test_set_size_and_dedup_cases() -> None:
    claims = [c for r in ROWS for c in r["claims"]]
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) * 0.8
    assert len({r["outlet"] for r in ROWS}) == 4
    groups = [r["group"] for r in ROWS]
    assert len(groups) - len(set(groups)) == 2  # one syndicated copy, one tracking-URL copy
    # no claim is repeated within an article
    for row in FIRST_ROWS:
        keys = [(c["company"], c["metric"], c["value"], c["horizon_year"], c["region"], c["kind"]) for c in row["claims"]]
        assert len(keys) == len(set(keys)), row["path"]
