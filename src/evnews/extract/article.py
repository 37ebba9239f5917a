"""extract_article: one fetched page in, one Article record out (pure)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from evnews.dedup import canonical_url
from evnews.errors import PermanentError
from evnews.extract.dates import publication_date
from evnews.extract.decode import decode_html
from evnews.extract.lang import detect_language
from evnews.extract.layout import unwrap_layout_tables
from evnews.extract.meta import PageMeta, page_title, read_meta, title_suffix_site
from evnews.extract.parsing import parse_html
from evnews.extract.paywall import body_text, looks_partial
from evnews.extract.reading import BodyReading, SecondOpinions, read_body
from evnews.models import Article

# Bump when extraction output can change, so stored articles can be re-extracted.
EXTRACTOR_VERSION = "extract-6"
# Fewer characters than this is a teaser or an empty shell, not an article
# (characters, not words: Japanese and Chinese text has no spaces).
MIN_BODY_CHARS = 150
# Plain strings: lxml's default "smart" results each carry a link to their element.
_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)


class NoArticleText(PermanentError):
    """The page parsed, but holds no article text (index page, empty shell, error page)."""


class UnparseableHtml(PermanentError):
    """The body is not HTML that lxml can read."""


def extract_article(
    body: bytes | str,
    url: str,
    *,
    encoding: str | None = None,
    feed_published: dt.datetime | None = None,
    feed_title: str | None = None,
) -> Article:
    """Main text and metadata of one page; raises NoArticleText when there is no article."""
    article, _reading = extract_with_reading(
        body, url, encoding=encoding, feed_published=feed_published, feed_title=feed_title
    )
    return article


def extract_with_reading(
    body: bytes | str,
    url: str,
    *,
    encoding: str | None = None,
    feed_published: dt.datetime | None = None,
    feed_title: str | None = None,
    second_opinions: SecondOpinions = "auto",
) -> tuple[Article, BodyReading]:
    """extract_article, plus how the body was read (cheap path or vote, and why)."""
    html = decode_html(body, encoding)
    tree = parse_page(html, url)
    meta = read_meta(tree)
    title = page_title(meta, fallback=feed_title or "")
    reading = read_body(tree, url, title, second_opinions=second_opinions)
    lines = list(reading.lines)
    text = "\n".join(lines)
    page_text = body_text(tree)
    _require_article(text, tree, url, page_text)
    published, source = publication_date(tree, meta, feed_published)
    article = Article(
        url=url,
        canonical_url=_canonical(url, meta.canonical),
        title=title,
        body_text=text,
        published=published,
        published_source=source,
        outlet=_outlet(meta, url, title),
        author=meta.author,
        language=detect_language(text, meta.html_lang),
        is_partial=looks_partial(tree, meta, lines, html, page_text),
    )
    return article, reading


def _require_article(text: str, tree: HtmlElement, url: str, page_text: str) -> None:
    hint = ("the URL is probably an index, video or error page; drop it from the feed "
            "or report it if a reader sees an article there")
    if len(text) < MIN_BODY_CHARS:
        raise NoArticleText(f"no article text found ({len(text)} characters of main text)",
                            hint=hint, url=url)
    outside_links = unlinked_chars(tree, page_text)
    if outside_links < MIN_BODY_CHARS:
        raise NoArticleText(f"the page is a list of links ({outside_links} characters outside links)",
                            hint=hint, url=url)


def unlinked_chars(tree: HtmlElement, page_text: str | None = None) -> int:
    """Characters of body text outside links: an index page is nearly all links."""
    body = tree.find("body")
    root = body if body is not None else tree
    # One XPath call for all link text is much cheaper than a text_content()
    # per link; a space between link texts is close enough for a floor.
    linked = len(" ".join(" ".join(_LINK_TEXT(root)).split()))
    text = root.text_content() if page_text is None else page_text
    return len(" ".join(text.split())) - linked


def parse_page(body: bytes | str, url: str, encoding: str | None = None) -> HtmlElement:
    """The page as an lxml tree, layout tables read as blocks (see `layout.py`);
    raises UnparseableHtml for empty or non-HTML bodies."""
    text = decode_html(body, encoding)
    tree = parse_html(text) if text.strip() else None
    if tree is None:
        raise UnparseableHtml(
            "the page body is empty or not HTML",
            hint="check the URL in a browser; if it serves PDF or JSON, remove it from the feed",
            url=url,
        )
    return unwrap_layout_tables(tree)


def _outlet(meta: PageMeta, url: str, title: str) -> str:
    """Declared site name, else the `<title>` suffix, else the host name."""
    declared = meta.site_name or title_suffix_site(meta, title) or meta.app_name
    if declared:
        return declared
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _canonical(url: str, declared: str) -> str:
    return canonical_url(url, declared or None)
