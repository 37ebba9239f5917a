"""The records the Fetcher returns and passes between its steps, and how a failure becomes a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from evnews.errors import ItemError, error_kind
from evnews.fetch.errors import EmptyBodyError, NotHtmlError
from evnews.fetch.feeds import gunzip_capped
from evnews.fetch.transfer import HTML_TYPES, media_type
from evnews.models import FeedEntry, FetchedPage
from evnews.timeutil import utcnow


@dataclass(frozen=True, slots=True)
class FeedResult:
    """One feed fetch: its entries, or why there are none.

    `not_modified` is True after a 304 and also when the body hashes to the
    `body_hash` the caller passed (servers that ignore validators).
    `etag`/`last_modified` are the validators to store (the old ones after a 304).
    """

    url: str
    status: int | None
    not_modified: bool
    entries: tuple[FeedEntry, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    warning: str | None = None
    error: str | None = None
    error_kind: str | None = None
    error_type: str | None = None
    final_url: str | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class Download:
    final_url: str
    status: int
    headers: httpx.Headers
    body: bytes


@dataclass
class Trace:
    """What is known about a request so far, for the record when it fails."""

    final_url: str
    status: int | None = None
    content_type: str = ""


class Failed(Exception):
    """Carries an ItemError plus what the server had said before it."""

    def __init__(self, error: ItemError, trace: Trace, *, retry_now: bool = True) -> None:
        super().__init__(str(error))
        self.error = error
        self.trace = trace
        self.retry_now = retry_now


BodyCheck = Callable[[httpx.Response, str], None]


@dataclass
class Request:
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    robots: bool = False
    max_bytes: int = 0
    raise_for_status: bool = True
    check_headers: BodyCheck | None = None


def require_html(response: httpx.Response, url: str) -> None:
    """Refuse a page whose declared type is not HTML before reading its body."""
    declared = media_type(response.headers.get("content-type", ""))
    if declared and declared not in HTML_TYPES:
        raise NotHtmlError(
            f"{url} is {declared}, not an HTML page: recorded and skipped",
            hint="nothing to do; evnews reads HTML articles only",
            url=url,
        )


def page_body(download: Download, url: str, max_bytes: int) -> bytes:
    """The page's HTML, unzipped if a server sent gzip without saying so; refuses empty or binary bodies."""
    trace = Trace(download.final_url, download.status, download.headers.get("content-type", ""))
    try:
        body = gunzip_capped(download.body, max_bytes)
    except ItemError as exc:
        raise Failed(exc, trace) from None
    if not body.strip():
        empty = EmptyBodyError(
            f"{url} answered {download.status} with an empty body", hint="nothing stored; the site may fix it", url=url
        )
        raise Failed(empty, trace)
    head = body[:1024]
    if head.startswith(b"%PDF") or b"\x00" in head:
        binary = NotHtmlError(
            f"{url} sent binary content (no Content-Type), not HTML: skipped", hint="nothing to do", url=url
        )
        raise Failed(binary, trace)
    return body


def failed_page(url: str, error: ItemError, trace: Trace) -> FetchedPage:
    return FetchedPage(
        url=url,
        final_url=trace.final_url,
        status=trace.status,
        content_type=trace.content_type,
        fetched_at=utcnow(),
        error=str(error),
        error_kind=error_kind(error),
        error_type=type(error).__name__,
    )


def failed_feed(
    url: str,
    failed: Failed,
    etag: str | None,
    last_modified: str | None,
    *,
    body_hash: str | None = None,
) -> FeedResult:
    return FeedResult(
        url=url,
        status=failed.trace.status,
        not_modified=False,
        etag=etag,
        last_modified=last_modified,
        body_hash=body_hash,
        error=str(failed.error),
        error_kind=error_kind(failed.error),
        error_type=type(failed.error).__name__,
        final_url=failed.trace.final_url,
    )
