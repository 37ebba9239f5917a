"""The fetch stage: feeds and pages from the web, politely, safely, and without ever raising for one item.

Public API (what the pipeline uses):
- `Fetcher(settings, client=None)`: `.fetch_feed(url, *, etag=None, last_modified=None, body_hash=None)`
  → `FeedResult`; `.fetch_pages(urls)` → iterator of `FetchedPage`; `.close()`.
- `parse_feed(body, *, url, content_type=None, content_location=None)` → `ParsedFeed` (pure).
- `next_attempt_at(failures, now)`: when to try a failing feed or page again, across runs.

Modules: `addresses` (which hosts may be contacted), `robots`, `politeness`
(per-host pacing, the no-network rule), `transfer` (reading one answer),
`backoff`, `feeds` (parsing), `errors` (the stage's exception tree), `fetcher`.
"""

from evnews.fetch.backoff import RetryPolicy, next_attempt_at
from evnews.fetch.feeds import ParsedFeed, discover_feed_links, parse_feed
from evnews.fetch.fetcher import FeedResult, Fetcher

__all__ = [
    "FeedResult",
    "Fetcher",
    "ParsedFeed",
    "RetryPolicy",
    "discover_feed_links",
    "next_attempt_at",
    "parse_feed",
]
