"""Integrity checks for the heldout25 evaluation corpus (tests/heldout25).

The corpus is graded text, so these tests check its internal consistency only:
pages are served over real HTTP, feeds parse, every gold row resolves, gold body
lines are really in the page (in order), evidence lies inside one body line and
claim fields use the project's vocabularies. They never run the claim extractor.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import serve_site
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout25"
SITE = CORPUS / "site"
GOLD_FILE = CORPUS / "gold" / "articles.jsonl"

# Block-level elements whose text can be an article line; a table row is one line
# with its cells joined by " | " (the corpus convention for in-article tables).
_LINE_TAGS = {"p", "li", "h1", "h2", "h3", "blockquote", "tr"}
_DATE_ONLY_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "GWh", "USD/kWh", "jobs", "plants"}


class _BlockCollector(HTMLParser):
    """Collects the text of every block element in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.h1: list[str] = []
        self.canonical: str | None = None
        self._stack: list[tuple[str, list[str]]] = []
        self._cells: list[list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "link" and attr.get("rel") == "canonical":
            self.canonical = attr.get("href")
        if tag == "tr":
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._cells.append([])
        elif tag in _LINE_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells is not None:
            self.blocks.append(" | ".join(" ".join("".join(c).split()) for c in self._cells))
            self._cells = None
        elif tag in _LINE_TAGS and self._stack and self._stack[-1][0] == tag:
            name, parts = self._stack.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.blocks.append(text)
            if name == "h1":
                self.h1.append(text)

    def handle_data(self, data: str) -> None:
        if self._cells:
            self._cells[-1].append(data)
        for _, parts in self._stack:
            parts.append(data)


def _visible_dates(iso: str) -> list[str]:
    """The ways a page may show its date: ISO stamp, '25 March 2024', 'March 25, 2024'."""
    year, month, day = (int(part) for part in iso.split("-"))
    month_name = _MONTHS[month - 1]
    return [f'"{iso}', f"{day} {month_name} {year}", f"{month_name} {day}, {year}"]


def _gold() -> list[dict]:
    with GOLD_FILE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _clean(path: str) -> str:
    return urlsplit(path).path


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="module")
def pages(base: str) -> dict[str, _BlockCollector]:
    parsed: dict[str, _BlockCollector] = {}
    with httpx.Client(timeout=10) as client:
        for row in _gold():
            response = client.get(base + row["path"])
            assert response.status_code == 200, row["path"]
            collector = _BlockCollector()
            collector.feed(response.text)
            parsed[row["path"]] = collector
    return parsed


def test_corpus_size_matches_the_brief() -> None:
    rows = _gold()
    claims = [c for row in rows for c in row["claims"]]
    assert 10 <= len({_clean(r["path"]) for r in rows}) <= 12
    assert 70 <= len(claims) <= 95
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) / 2


def test_feeds_parse_and_list_exactly_the_gold_rows(base: str) -> None:
    rows = {row["path"]: row for row in _gold()}
    listed: set[str] = set()
    with httpx.Client(timeout=10) as client:
        for feed_file in sorted((SITE / "feeds").glob("*.xml")):
            response = client.get(f"{base}/feeds/{feed_file.name}")
            assert response.status_code == 200
            parsed = feedparser.parse(response.content)
            assert not parsed.bozo, (feed_file.name, parsed.get("bozo_exception"))
            assert parsed.entries, feed_file.name
            for entry in parsed.entries:
                assert entry.link.startswith(base), entry.link
                path = entry.link[len(base):]
                assert path in rows, path
                row = rows[path]
                assert row["feed"] == f"/feeds/{feed_file.name}"
                stamp = entry.get("published_parsed") or entry.get("updated_parsed")
                assert f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" == row["published"]
                listed.add(path)
    assert listed == set(rows)


def test_pages_have_title_canonical_and_date(base: str, pages: dict[str, _BlockCollector]) -> None:
    for row in _gold():
        page = pages[row["path"]]
        assert page.h1 == [row["title"]], row["path"]
        assert page.canonical == base + _clean(row["path"]), row["path"]
        html_text = (SITE / _clean(row["path"]).lstrip("/")).read_text(encoding="utf-8")
        assert any(form in html_text for form in _visible_dates(row["published"])), row["path"]


def test_internal_links_resolve(base: str) -> None:
    collector_links: set[str] = set()
    for html_file in SITE.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for chunk in text.split('href="{{BASE}}')[1:]:
            target = chunk.split('"', 1)[0]
            if target.endswith((".html", ".xml")):
                collector_links.add(target)
    assert collector_links
    with httpx.Client(timeout=10) as client:
        for target in sorted(collector_links):
            assert client.get(base + target).status_code == 200, target


def test_gold_body_lines_appear_in_page_order(pages: dict[str, _BlockCollector]) -> None:
    for row in _gold():
        blocks = pages[row["path"]].blocks
        position = 0
        for line in row["body_text"].split("\n"):
            assert line in blocks[position:], (row["path"], line[:80])
            position = blocks.index(line, position) + 1


def test_every_evidence_lies_inside_one_body_line() -> None:
    for row in _gold():
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            holders = [line for line in lines if claim["evidence"] in line]
            assert len(holders) == 1, (row["path"], claim["evidence"][:80])


def test_claim_fields_are_valid() -> None:
    for row in _gold():
        for claim in row["claims"]:
            where = (row["path"], claim["metric"], claim["value"])
            assert claim["article_url"] == _clean(row["path"]), where
            assert claim["metric"] in METRICS, where
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["kind"] in KINDS, where
            assert isinstance(claim["fiscal_year"], bool), where
            assert claim["horizon_year"] is None or 2000 <= claim["horizon_year"] <= 2060, where
            assert claim["company"] and claim["region"], where
            if claim["metric"] in _DATE_ONLY_METRICS:
                assert claim["value"] is None and claim["unit"] is None and claim["horizon_year"], where
            elif claim["value"] is not None:
                assert claim["unit"] in _UNITS, where


def test_claims_only_on_first_page_of_each_group() -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in _gold():
        groups[row["group"]].append(row)
    for members in groups.values():
        first = min(members, key=lambda r: (r["published"], r["path"]))
        for row in members:
            if row is not first:
                assert row["claims"] == [], row["path"]
    assert len(groups) < len(_gold()), "the set must contain duplicate pages"
