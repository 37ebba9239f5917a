"""Integrity checks for the held-out corpus in tests/heldout16 (site, feeds, gold).

The site is served on 127.0.0.1 with the project's demo server, so the checks read
pages and feeds over real HTTP exactly as the pipeline would. They check the corpus,
not the extractor: the set must stay unseen by anyone tuning the claim rules.
"""

from __future__ import annotations

import json
from datetime import date
import re
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout16"
SITE = CORPUS / "site"
GOLD = CORPUS / "gold" / "articles.jsonl"
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"}
CELL_TAGS = {"td", "th"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "KRW", "GWh", "USD/kWh"}
VALUELESS = {"technology_launch", "production_start", "carbon_neutrality"}
# a sentence ends with . ! or ? (optionally closing a quote) before the next one starts
SENTENCE_END = re.compile(r'[.!?]"?\s+$')


class _Blocks(HTMLParser):
    """Collects the text of block elements; a table row becomes its cells joined by ' | '.

    Text goes to every open block, so a layout table's row (a whole page column) is
    recorded too; it is harmless because gold lines are looked up, never enumerated.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS or tag in CELL_TAGS:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self._open):
            return
        while self._open:
            name, parts = self._open.pop()
            text = "".join(parts) if name != "tr" else " | ".join(parts)
            text = " ".join(text.split())
            if name in CELL_TAGS and self._open and self._open[-1][0] == "tr":
                self._open[-1][1].append(text)
            elif name in BLOCK_TAGS:
                self.blocks.append(text)
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        for name, parts in self._open:
            if name != "tr":
                parts.append(data)


def _blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return [b for b in parser.blocks if b]


def _gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ROWS = _gold()


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[str, list[str]]]:
    from evnews.demo.server import feed_urls, serve_site

    with serve_site(SITE) as base:
        yield base, feed_urls(base, SITE)


@pytest.fixture(scope="module")
def pages(site: tuple[str, list[str]]) -> dict[str, str]:
    base, _ = site
    with httpx.Client(timeout=10) as client:
        return {row["path"]: client.get(base + row["path"]).text for row in ROWS}


def test_size_and_shape() -> None:
    distinct = {urlsplit(r["path"]).path for r in ROWS}
    claims = [c for r in ROWS for c in r["claims"]]
    assert 10 <= len(distinct) <= 12
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) / 2
    assert len({r["outlet"] for r in ROWS}) == 4
    for row in ROWS:
        assert set(row) == {"path", "outlet", "feed", "title", "published", "body_text", "group", "claims", "notes"}


def test_feeds_parse_and_match_gold(site: tuple[str, list[str]]) -> None:
    base, feeds = site
    by_url = {base + r["path"]: r for r in ROWS}
    listed: set[str] = set()
    formats = set()
    for url in feeds:
        parsed = feedparser.parse(httpx.get(url, timeout=10).content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.entries, url
        formats.add(parsed.version[:3])
        for entry in parsed.entries:
            row = by_url.get(entry.link)
            assert row is not None, f"feed entry without gold row: {entry.link}"
            assert base + row["feed"] == url
            published = entry.get("published_parsed")
            assert published is not None
            assert "%04d-%02d-%02d" % published[:3] == row["published"], entry.link
            listed.add(entry.link)
    assert listed == set(by_url), "every gold row is listed in exactly its feed"
    assert formats == {"rss", "ato"}


def test_links_resolve(site: tuple[str, list[str]], pages: dict[str, str]) -> None:
    base, _ = site
    targets: set[str] = set()
    for path, html in pages.items():
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical and canonical.group(1) == base + urlsplit(path).path
        targets.update(h for h in re.findall(r'href="([^"#]+)"', html) if h.endswith((".html", ".xml")))
    assert "{{BASE}}" not in "".join(pages.values())
    with httpx.Client(timeout=10) as client:
        for url in sorted(targets):
            assert client.get(url).status_code == 200, url


def test_body_lines_in_page_order(pages: dict[str, str]) -> None:
    for row in ROWS:
        blocks = _blocks(pages[row["path"]])
        assert row["title"] in blocks, row["path"]
        at = 0
        for line in row["body_text"].split("\n"):
            assert line in blocks[at:], (row["path"], line)
            at = blocks.index(line, at) + 1


def test_published_date_visible(pages: dict[str, str]) -> None:
    for row in ROWS:
        day = date.fromisoformat(row["published"])
        spelled = f"{day:%B} {day.day}, {day.year}"
        assert row["published"] in pages[row["path"]] or spelled in pages[row["path"]], row["path"]


def test_evidence_is_a_sentence_of_one_body_line() -> None:
    for row in ROWS:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            ev = claim["evidence"]
            homes = [line for line in lines if ev in line]
            assert homes, (row["path"], ev)
            line = homes[0]
            start = line.index(ev)
            assert start == 0 or SENTENCE_END.search(line[:start]), ev
            assert ev[-1] in '.!?"' or start + len(ev) == len(line), ev


def test_claim_fields_valid() -> None:
    for row in ROWS:
        for c in row["claims"]:
            assert c["article_url"] == urlsplit(row["path"]).path
            assert c["metric"] in METRICS and c["qualifier"] in QUALIFIERS and c["kind"] in KINDS
            assert isinstance(c["company"], str) and c["company"]
            assert isinstance(c["region"], str) and c["region"] == c["region"].lower()
            assert isinstance(c["fiscal_year"], bool)
            assert c["horizon_year"] is None or 2010 <= c["horizon_year"] <= 2050
            if c["metric"] in VALUELESS:
                assert c["value"] is None and c["unit"] is None and c["horizon_year"], c
            elif c["metric"] != "other":
                assert isinstance(c["value"], float) and c["unit"] in UNITS, c
            if c["fiscal_year"]:
                assert re.search(r"fiscal|FY|business year", c["evidence"] + row["body_text"]), c


def test_claims_only_on_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in ROWS:
        groups[row["group"]].append(row)
    for members in groups.values():
        first, *rest = sorted(members, key=lambda r: (r["published"], r["path"]))
        assert first["claims"], first["path"]
        assert all(not r["claims"] for r in rest)
    multi = [m for m in groups.values() if len(m) > 1]
    assert any(any("?" in r["path"] for r in m) for m in multi), "a tracking-parameter copy"
    # The Namsan report of the EV36Zero release was first a syndicated copy in the release's group; it is a
    # rewrite (Jaccard 0.187 with the release), so it is a distinct report of the same event with its own claims.
    rewrite = next(r for r in ROWS if r["path"].startswith("/namsan/world/2023/11/25/"))
    release = next(r for r in ROWS if r["path"].startswith("/wirebench/releases/2023/11/"))
    assert rewrite["group"] != release["group"] and rewrite["claims"]


def test_one_claim_per_fact() -> None:
    for row in ROWS:
        keys = [
            (c["company"], c["metric"], c["value"], c["horizon_year"], c["kind"], c["region"], c["product"])
            for c in row["claims"]
        ]
        assert len(keys) == len(set(keys)), row["path"]
