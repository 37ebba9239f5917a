"""extract_article on hand-made pages: encodings, paywalls, date evidence,
non-article pages, language, list bullets and repeated text."""

from __future__ import annotations

import codecs
import datetime as dt
import json

import pytest

from evnews.errors import PermanentError
from evnews.extract import EXTRACTOR_VERSION, NoArticleText, UnparseableHtml, extract_article
from evnews.extract.body import collapse_repeats
from evnews.extract.chrome import is_chrome
from evnews.extract.dates import parse_day
from evnews.extract.decode import decode_html

URL = "http://127.0.0.1:9/news/story.html"
PARAGRAPHS = [
    "The carmaker said on Tuesday that it would build a new battery plant near the coast, "
    "creating several hundred jobs over the next three years.",
    "Executives told reporters that the plant would supply cells for two compact models, "
    "both due to go on sale before the end of the decade.",
    "Analysts welcomed the decision, although some warned that demand for small electric "
    "cars had cooled in several European markets this year.",
    "The company did not say how much the factory would cost, but people briefed on the "
    "plans put the figure at several billion euros in total.",
]


def page(body: str = "", head: str = "", paragraphs: list[str] | None = None, lang: str = "en") -> str:
    text = "".join(f"<p>{p}</p>" for p in (PARAGRAPHS if paragraphs is None else paragraphs))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Battery plant planned | Daily Wheels</title>'
        f'<meta property="og:site_name" content="Daily Wheels">{head}</head><body>'
        '<nav><a href="/">Home</a> <a href="/cars">Cars</a></nav>'
        f"<article><h1>Battery plant planned</h1>{body}{text}</article>"
        "<footer>Contact us</footer></body></html>"
    )


def jsonld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- encodings -------------------------------------------------------------

SAMPLE = "It’s the “best” café — naïve, €5"


def test_windows_1252_page_without_charset_decodes_right() -> None:
    raw = page(paragraphs=[f"{SAMPLE}. " + PARAGRAPHS[0], *PARAGRAPHS[1:]]).encode("cp1252")
    assert b"charset" not in raw
    assert SAMPLE in extract_article(raw, URL).body_text


@pytest.mark.parametrize(
    ("raw", "given"),
    [
        (f'<meta charset="windows-1252"><p>{SAMPLE}</p>'.encode("cp1252"), None),
        (f'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>{SAMPLE}</p>'
         .encode("cp1252"), None),  # labelled Latin-1, written in Windows-1252 (as browsers assume)
        (f'<?xml version="1.0" encoding="windows-1252"?><p>{SAMPLE}</p>'.encode("cp1252"), None),
        (codecs.BOM_UTF8 + f"<p>{SAMPLE}</p>".encode(), "iso-8859-1"),  # the BOM cannot be wrong
        (f"<p>{SAMPLE}</p>".encode("utf-16"), None),
        (f"<p>{SAMPLE}</p>".encode(), "iso-8859-1"),  # a server's default header over UTF-8 bytes
        (f"<p>{SAMPLE}</p>".encode("cp1252"), "utf-8"),  # a header that does not fit the bytes
        (f'<meta charset="no-such-codec"><p>{SAMPLE}</p>'.encode(), None),
    ],
)
def test_decoding_evidence(raw: bytes, given: str | None) -> None:
    assert SAMPLE in decode_html(raw, given)


def test_given_encoding_is_used_when_it_decodes() -> None:
    text = "<p>Привет, это проверка кодировки</p>"
    assert decode_html(text.encode("cp1251"), "windows-1251") == text


# --- partial pages -----------------------------------------------------------

def test_json_ld_not_free_marks_partial() -> None:
    html = page(head=jsonld(headline="Battery plant planned", isAccessibleForFree="False"))
    assert extract_article(html, URL).is_partial is True


def test_truncation_notice_marks_partial() -> None:
    html = page(body="", paragraphs=[*PARAGRAPHS[:2], "Subscribe to continue reading this story."])
    article = extract_article(html, URL)
    assert article.is_partial is True


def test_metering_banner_alone_is_not_partial() -> None:
    banner = '<div class="paywall-meter">You have 3 free articles left this month.</div>'
    article = extract_article(page(body=banner), URL)
    assert article.is_partial is False
    assert "free articles" not in article.body_text


# --- publication date ------------------------------------------------------------

FEED_DAY = dt.datetime(2024, 5, 9, 23, 30)


@pytest.mark.parametrize(
    ("head", "body", "expected", "source"),
    [
        (jsonld(datePublished="2024-05-01T09:00:00+09:00", dateModified="2024-05-07")
         + '<meta property="article:published_time" content="2024-05-02">', "", "2024-05-01", "json-ld"),
        ('<meta property="article:published_time" content="2024-05-02T22:00:00-05:00">'
         '<meta property="article:modified_time" content="2024-05-08">', "", "2024-05-02", "meta"),
        ("", '<p class="byline">By Ann Lee | <time class="updated" datetime="2024-05-08">May 8, 2024'
             '</time> <span class="date">Published 3 May 2024</span></p>', "2024-05-03", "byline"),
        ("", '<div class="post-meta">Posted on May 4th, 2024</div>', "2024-05-04", "byline"),
        ("", "", "2024-05-09", "feed"),
    ],
)
def test_date_evidence_order(head: str, body: str, expected: str, source: str) -> None:
    article = extract_article(page(body=body, head=head), URL, feed_published=FEED_DAY)
    assert (str(article.published), article.published_source) == (expected, source)


def test_htmldate_is_the_last_resort() -> None:
    html = page(body='<p class="dateline">Published: 2019-03-14</p>')
    html = html.replace('class="dateline"', 'class="x"')  # not a byline element any more
    article = extract_article(html, URL)
    assert (str(article.published), article.published_source) == ("2019-03-14", "htmldate")


def test_dates_inside_sidebars_and_comments_are_not_the_article_date() -> None:
    side = '<aside><ul><li><time datetime="2020-01-01">Jan 1, 2020</time> Old story</li></ul></aside>'
    article = extract_article(page(body=side), URL, feed_published=FEED_DAY)
    assert article.published_source == "feed"


@pytest.mark.parametrize(
    ("text", "day"),
    [("2021-11-29T09:00:00+09:00", "2021-11-29"), ("January 8, 2026", "2026-01-08"),
     ("Posted 8 Jan. 2026", "2026-01-08"), ("Feb 30, 2024", None), ("no date", None)],
)
def test_parse_day(text: str, day: str | None) -> None:
    parsed = parse_day(text)
    assert (str(parsed) if parsed else None) == day


# --- metadata ------------------------------------------------------------------

def test_title_outlet_author_canonical() -> None:
    head = (jsonld(author={"@type": "Person", "name": "Ann Lee"})
            + '<link rel="canonical" href="http://127.0.0.1:9/news/story.html">')
    article = extract_article(page(head=head), URL + "?utm_source=rss")
    assert article.title == "Battery plant planned"
    assert article.outlet == "Daily Wheels"
    assert article.author == "Ann Lee"
    assert article.canonical_url == URL
    assert article.text_hash == ""


def test_non_english_page_is_kept_and_marked() -> None:
    german = [
        "Der Autohersteller will bis zum Ende des Jahrzehnts mehrere neue Elektroautos in Europa "
        "auf den Markt bringen und dafür ein neues Batteriewerk errichten.",
        "Nach Angaben des Unternehmens sollen in dem Werk mehrere hundert Menschen arbeiten, "
        "die Produktion beginnt voraussichtlich in drei Jahren.",
    ]
    article = extract_article(page(paragraphs=german, lang="de"), URL)
    assert article.language == "de"
    assert "Batteriewerk" in article.body_text


def test_list_items_lose_bullets_and_headline_is_not_repeated() -> None:
    items = "<ul><li>Two compact electric models before 2030</li><li>A battery plant near the coast</li></ul>"
    article = extract_article(page(body=items), URL)
    lines = article.body_text.split("\n")
    assert "Two compact electric models before 2030" in lines
    assert not any(line.startswith(("- ", "* ", "• ")) for line in lines)
    assert "Battery plant planned" not in lines


def test_whole_text_printed_twice_is_collapsed() -> None:
    article = extract_article(page(paragraphs=PARAGRAPHS + PARAGRAPHS), URL)
    assert article.body_text.split("\n") == PARAGRAPHS


def test_repeated_section_inside_an_article_is_kept() -> None:
    lines = ["Intro line of the plan.", "Day one", "Eat oats at eight.", "Day two", "Eat oats at eight."]
    assert collapse_repeats(lines) == lines


def test_chrome_wording() -> None:
    assert is_chrome("Share this article")
    assert is_chrome("Sign up for our free newsletter today")
    assert is_chrome("Media contacts")
    assert is_chrome("Log in to comment.")
    assert not is_chrome(PARAGRAPHS[0])
    assert not is_chrome("Related companies include Renault and Mitsubishi, the group said on Monday.")


# --- pages without an article ---------------------------------------------------------

def test_index_page_without_article_text_raises_a_permanent_error() -> None:
    html = "<html><body><nav>" + "".join(f'<a href="/s{i}">Story {i}</a>' for i in range(30)) + "</nav></body></html>"
    with pytest.raises(NoArticleText) as caught:
        extract_article(html, URL)
    assert isinstance(caught.value, PermanentError)
    assert caught.value.hint and caught.value.url == URL


@pytest.mark.parametrize("body", [b"", b"   \n"])
def test_empty_body_raises_unparseable(body: bytes) -> None:
    with pytest.raises(UnparseableHtml):
        extract_article(body, URL)


def test_extractor_version_is_set() -> None:
    assert EXTRACTOR_VERSION.startswith("extract-")
