"""The single-walk fast paths of extraction read what the plain per-tag lookups read.

Each test keeps the straightforward implementation a fast path replaced and
compares the two on every page of the dev site, the demo site and the
extraction benchmark, plus odd inputs (fragments, missing parts), so a later
change cannot make them drift apart unnoticed.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from lxml.html import HtmlElement

from evnews.extract import meta as meta_module
from evnews.extract.gate import candidate_paragraphs
from evnews.extract.meta import read_meta
from evnews.extract.parsing import parse_html
from evnews.extract.body import trafilatura_text
from evnews.extract.precleaning import _has_nested_pair, _unread_head, nested_tags
from evnews.extract.reading import fast_precision_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")
ODD_PAGES = {
    "fragment": "<p>Only a paragraph</p><title>late title</title>",
    "fragment with json-ld": ('<div><script type="application/ld+json">{"@type": "NewsArticle",'
                              ' "headline": "H"}</script><h1>Head</h1></div>'),
    "no head": "<html><body><h1>One</h1><h1> </h1><h1>Two</h1></body></html>",
    "title with markup": "<html><head><title><b>x</b>after</title><title>second</title></head></html>",
    "two canonicals": ('<html><head><link rel="Canonical alternate" href=" /a "><link rel="canonical" href="/b">'
                       '<meta property="og:url" content="/c"></head><body>x</body></html>'),
    "empty title": "<html><head><title></title><title>Real</title></head><body>x</body></html>",
}


def corpus_pages() -> Iterator[str]:
    sites = [SHARED / "eval/dev/site", ROOT / "src/evnews/demo/site"]
    for site in sites:
        for path in sorted(site.rglob("*.html")):
            yield path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((SHARED / "bench/extraction/html").glob("*.html.gz")):
        yield gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    yield from ODD_PAGES.values()


def trees() -> list[HtmlElement]:
    parsed = [parse_html(text) for text in corpus_pages()]
    return [tree for tree in parsed if tree is not None]


@pytest.fixture(scope="module")
def pages() -> list[HtmlElement]:
    found = trees()
    assert len(found) > 150
    return found


# What read_meta looked up before the single walk: one lookup per tag.
_TITLE_TEXT = etree.XPath("//title/text()", smart_strings=False)
_JSON_LD_SCRIPTS = etree.XPath('//script[@type="application/ld+json"]')


def test_one_walk_finds_what_the_per_tag_lookups_find(pages: list[HtmlElement]) -> None:
    for tree in pages:
        found = meta_module._elements_by_tag(tree)
        for tag in ("meta", "link", "h1"):
            assert found[tag] == list(tree.iter(tag))
        assert found["script"] == _JSON_LD_SCRIPTS(tree)
        titles = [text for title in found["title"] for text in meta_module._OWN_TEXT(title)]
        assert titles == _TITLE_TEXT(tree)
    assert sum(bool(meta_module._elements_by_tag(tree)["script"]) for tree in pages) > 50


def test_fragment_reads_title_and_json_ld_of_the_whole_document() -> None:
    fragment = parse_html(ODD_PAGES["fragment with json-ld"])
    assert fragment is not None and fragment.getparent() is not None
    meta = read_meta(fragment)
    assert meta.headline == "H"
    assert meta.h1s == ("Head",)
    late = parse_html(ODD_PAGES["fragment"])
    assert late is not None and late.getparent() is not None
    assert read_meta(late).title_tag == "late title"


NESTING_PAGES = {
    "nested navs": "<html><body><nav><div><nav>x</nav></div></nav><aside>a</aside><aside>b</aside></body></html>",
    "siblings only": "<html><body><nav>1</nav><nav>2</nav><footer><aside>a</aside></footer></body></html>",
    "fragment inside a nav": "<nav><div><nav><p>in</p></nav></div><aside><aside>x</aside></aside></nav>",
}


def test_container_nesting_from_one_walk_matches_a_walk_per_tag(pages: list[HtmlElement]) -> None:
    extra = [parse_html(text) for text in NESTING_PAGES.values()]
    seen_nested = 0
    for tree in [*pages, *(tree for tree in extra if tree is not None)]:
        nesting = nested_tags(list(tree.iter("aside", "footer", "nav")))
        for tag, nested in nesting.items():
            assert nested == bool(_has_nested_pair(tree, tag)), tag
            seen_nested += nested
    assert seen_nested >= 3


# What gate.candidate_paragraphs replaced.
_CANDIDATE_PARAGRAPHS = etree.XPath(
    "//p[string-length(.) >= 100]"
    "[not(ancestor::nav or ancestor::aside or ancestor::footer or ancestor::header or ancestor::form)]"
)
LONG = "x" * 60 + " é😀 " + "y" * 40


def test_candidate_paragraphs_match_the_xpath(pages: list[HtmlElement]) -> None:
    odd = [
        f"<p>{LONG}</p><nav><p>{LONG}</p></nav>",  # a fragment: //p reads the whole document
        f"<html><body><header><div><p>{LONG}</p></div></header><p>{'z' * 99}</p><p>{LONG}<b>!</b></p></body></html>",
    ]
    trees = [*pages, *(tree for tree in map(parse_html, odd) if tree is not None)]
    found = 0
    for tree in trees:
        expected = _CANDIDATE_PARAGRAPHS(tree)
        assert [para for para, _text in candidate_paragraphs(tree)] == expected
        assert [text for _para, text in candidate_paragraphs(tree)] == [p.text_content() for p in expected]
        found += len(expected)
    assert found > 1000



FORUM_LD = '{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "t"}'
ARTICLE_LD = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "t"}'
THREAD = "".join(f"<div class='comment'><p>Reply {i}: {'the Leaf range is fine for me ' * 8}</p></div>"
                 for i in range(4))
HEAD_PAGES = {
    "forum json-ld in the head": (f'<html><head><script type="application/ld+json">{FORUM_LD}</script></head>'
                                  f"<body><article><p>{LONG} {LONG}</p>{THREAD}</article></body></html>"),
    "article json-ld in the head": (f'<html><head><script type="application/ld+json">{ARTICLE_LD}</script>'
                                    f"<style>p {{}}</style></head><body><p>{LONG} {LONG}</p>{THREAD}</body></html>"),
    "head with a tail": f"<html><head><title>x</title></head>tail<body><p>{LONG} {LONG}</p></body></html>",
}


def test_setting_the_head_aside_changes_no_reading(pages: list[HtmlElement]) -> None:
    odd = [tree for tree in map(parse_html, HEAD_PAGES.values()) if tree is not None]
    set_aside_heads = 0
    for tree in [*pages, *odd]:
        before = lxml.html.tostring(tree)
        assert fast_precision_text(tree, "https://example.com/a") == trafilatura_text(
            tree, "https://example.com/a", precision=True, fast=True)
        assert lxml.html.tostring(tree) == before
        set_aside_heads += bool(_unread_head(tree))
    assert set_aside_heads > 100
    forum = parse_html(HEAD_PAGES["forum json-ld in the head"])
    assert forum is not None and _unread_head(forum) == []
