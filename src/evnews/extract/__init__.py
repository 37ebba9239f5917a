"""Article extraction: main text, publication date and metadata of one page.

    from evnews.extract import extract_article
    article = extract_article(page.body, page.final_url, encoding=page.encoding,
                              feed_published=entry.published, feed_title=entry.title)
"""

from evnews.extract.article import (
    EXTRACTOR_VERSION,
    NoArticleText,
    UnparseableHtml,
    extract_article,
)

__all__ = ["EXTRACTOR_VERSION", "NoArticleText", "UnparseableHtml", "extract_article"]
