"""The held-out corpus (tests/heldout) is well formed: served feeds parse and list every
page, gold body lines are the pages' own text blocks in order, evidence is one sentence of
one body line, claim fields use the project vocabularies, claims sit on first pages only.

This checks the corpus, not the pipeline; scoring the pipeline on it is a separate test.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx
import pytest

from evnews.demo.server import feed_urls, serve_site
from evnews.evaluation.gold import load_gold
from evnews.models import KINDS, METRICS, QUALIFIERS

CORPUS = Path(__file__).resolve().parent / "heldout"
SITE = CORPUS / "site"
DATE_METRICS = {"technology_launch", "production_start", "carbon_neutrality"}
UNITS = {"vehicles", "models", "percent", "JPY", "USD", "EUR", "GBP", "CNY", "INR", "GWh", "USD/kWh"}
REGIONS = {"global", "japan", "europe", "us", "china", "uk", "india", "north_america"}
DEV_OUTLETS = {"VoltLog", "Asia Auto Wire", "The Nikko Business Times", "EV Digest", "CarPulse", "MotorBuzz",
               "Kenji's Notes", "The Meridian Herald", "Plugline", "Fleet & Factory Weekly"}
CHROME_WORDS = ("Subscribe", "cookies", "Also Read", "Read more:", "Sign up", "Comments", "Our Standards")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    lines = (CORPUS / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_site(SITE) as url:
        yield url


@pytest.fixture(scope="module")
def feeds(base: str) -> dict[str, feedparser.FeedParserDict]:
    parsed = {}
    with httpx.Client(timeout=10) as client:
        for url in feed_urls(base, SITE):
            response = client.get(url)
            assert response.status_code == 200, url
            parsed[urlsplit(url).path] = feedparser.parse(
                response.content, response_headers={**response.headers, "content-location": url}
            )
    return parsed


def _path_of(url: str, base: str) -> str:
    assert url.startswith(base + "/"), f"{url} is not on the served site"
    return url[len(base):]


class _Blocks(HTMLParser):
    """Text of each paragraph-like element, the h1, the canonical link and the visible text."""

    BLOCK = {"p", "li", "h1", "h2", "h3", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.h1: list[str] = []
        self.canonical: str | None = None
        self.text: list[str] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "canonical":
            self.canonical = found.get("href")
        if tag in self.BLOCK:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCK and self._open and self._open[-1][0] == tag:
            _, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            self.blocks.append(text)
            if tag == "h1":
                self.h1.append(text)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, parts in self._open:
            parts.append(data)


def _page(base: str, path: str) -> tuple[str, _Blocks]:
    response = httpx.get(base + path, timeout=10)
    assert response.status_code == 200, path
    parser = _Blocks()
    parser.feed(response.text)
    return response.text, parser


def _is_subsequence(lines: list[str], blocks: list[str]) -> bool:
    position = 0
    for line in lines:
        try:
            position = blocks.index(line, position) + 1
        except ValueError:
            return False
    return True


def test_the_evaluation_reader_loads_every_row(gold: list[dict[str, Any]]) -> None:
    articles = load_gold(CORPUS)
    assert len(articles) == len(gold)
    assert all(a.published is not None and a.body_text for a in articles)


def test_corpus_shape(gold: list[dict[str, Any]]) -> None:
    pages = {row["path"].split("?")[0] for row in gold}
    outlets = {row["outlet"] for row in gold}
    claims = [c for row in gold for c in row["claims"]]
    assert 12 <= len(pages) <= 14
    assert len(outlets) == 4 and not outlets & DEV_OUTLETS
    assert 80 <= len(claims) <= 115
    assert sum(c["company"] == "Nissan" for c in claims) > len(claims) / 2
    assert {c["kind"] for c in claims} == set(KINDS)
    by_group = defaultdict(set)
    for row in gold:
        by_group[row["group"]].add(row["path"])
    tracked = [row for row in gold if "utm_" in row["path"]]
    assert len(tracked) == 1 and tracked[0]["path"].split("?")[0] in by_group[tracked[0]["group"]]
    syndicated = [g for g, paths in by_group.items() if len({p.split("/")[1] for p in paths}) > 1]
    assert syndicated, "expected one syndicated copy on a second outlet"


def test_feeds_parse_and_list_exactly_the_gold_pages(
    gold: list[dict[str, Any]], feeds: dict[str, feedparser.FeedParserDict], base: str
) -> None:
    listed: set[tuple[str, str]] = set()
    dates = {row["path"]: row["published"] for row in gold}
    for feed_path, parsed in feeds.items():
        assert not parsed.bozo, f"{feed_path}: {parsed.get('bozo_exception')}"
        assert parsed.entries, feed_path
        for entry in parsed.entries:
            path = _path_of(entry.link, base)
            listed.add((feed_path, path))
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            assert stamp is not None, f"{feed_path}: {path} has no date"
            assert dt.date(*stamp[:3]).isoformat() == dates[path], f"{feed_path}: {path} date differs from the page"
    assert listed == {(row["feed"], row["path"]) for row in gold}
    versions = {parsed.version for parsed in feeds.values()}
    assert "atom10" in versions and "rss20" in versions


def test_a_relative_atom_link_resolves_against_the_feed_base(
    feeds: dict[str, feedparser.FeedParserDict], base: str
) -> None:
    raw_relative = []
    for name in ("kabutowire.xml",):
        xml = (SITE / "feeds" / name).read_text(encoding="utf-8")
        raw_relative += [h for h in re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"', xml)
                         if not h.startswith("{{BASE}}")]
    assert raw_relative, "the Atom feed should carry one relative entry link"
    links = {e.link for e in feeds["/feeds/kabutowire.xml"].entries}
    for href in raw_relative:
        resolved = f"{base}/kabutowire/{href}"
        assert resolved in links
        assert httpx.get(resolved, timeout=10).status_code == 200


def test_pages_show_title_canonical_date_and_gold_lines_in_order(gold: list[dict[str, Any]], base: str) -> None:
    for row in gold:
        html, page = _page(base, row["path"])
        assert page.h1 == [row["title"]], row["path"]
        assert page.canonical == base + row["path"].split("?")[0], row["path"]
        lines = row["body_text"].split("\n")
        assert _is_subsequence(lines, page.blocks), f"{row['path']}: gold lines are not the page's blocks in order"
        day = dt.date.fromisoformat(row["published"])
        forms = (day.isoformat(), f"{day:%B} {day.day}, {day.year}", f"{day.day} {day:%B %Y}", f"{day:%b} {day.day}, {day.year}")
        assert any(form in html for form in forms), f"{row['path']}: published date not shown"


def test_body_text_holds_no_chrome(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        for word in CHROME_WORDS:
            assert word not in row["body_text"], f"{row['path']}: chrome {word!r} in body_text"


def test_every_evidence_is_one_sentence_of_one_body_line(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        lines = row["body_text"].split("\n")
        for claim in row["claims"]:
            evidence = claim["evidence"]
            assert any(evidence in line for line in lines), f"{row['path']}: {evidence[:60]!r}"
            assert re.search(r"[.?!\u201d\u2019)]$", evidence), f"{row['path']}: evidence is not a full sentence"
            assert evidence[0].isupper() or evidence[0] in "\u201c\u2018(", evidence


def test_claim_fields_use_the_vocabularies(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        for claim in row["claims"]:
            where = f"{row['path']}: {claim['evidence'][:50]!r}"
            assert claim["article_url"] == row["path"].split("?")[0], where
            assert claim["company"], where
            assert claim["metric"] in METRICS and claim["qualifier"] in QUALIFIERS and claim["kind"] in KINDS, where
            assert claim["region"] in REGIONS, where
            assert isinstance(claim["fiscal_year"], bool), where
            year = claim["horizon_year"]
            assert year is None or (isinstance(year, int) and 2000 <= year <= 2060), where
            if claim["metric"] in DATE_METRICS:
                assert claim["value"] is None and claim["unit"] is None and year is not None, where
            else:
                assert isinstance(claim["value"], float) and claim["unit"] in UNITS, where


def test_claims_only_on_the_first_page_of_each_group(gold: list[dict[str, Any]]) -> None:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in gold:
        groups[row["group"]].append(row)
    for name, rows in groups.items():
        first, *rest = sorted(rows, key=lambda r: (r["published"], r["path"]))
        assert first["claims"], f"group {name}: the first page has no claims"
        assert not any(r["claims"] for r in rest), f"group {name}: claims on a later page"
