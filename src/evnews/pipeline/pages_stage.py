"""Fetching, extracting and loading pages, in batches.

Plan: one page per canonical URL is fetched; other links with the same
canonical URL (tracking parameters, a second feed) become *aliases*: stored as
their own page rows with the same text and group, never fetched again.
A page that failed is tried again in a later run once its backoff is over,
up to `FetchSettings.max_page_attempts`.

Pages are fetched and extracted in batches with no warehouse connection open,
then written (pages, extractions, duplicate groups, errors) a few batches at a
time, each write one transaction: a crash loses at most the pages fetched
since the last write, which the next run fetches again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import queue
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from evnews.dedup import TextSketch, assign_groups, canonical_url, sketch_text
from evnews.fetch import Fetcher, next_attempt_at
from evnews.models import Article, Claim, FeedEntry, FetchedPage
from evnews.pipeline.context import RunContext
from evnews.pipeline.claims_stage import store_worker_claims
from evnews.pipeline.extract_pool import ExtractOutcome, start_extraction, warm_pool
from evnews.pipeline.loading import load_rows
from evnews.store.db import open_warehouse, query, transaction
from evnews.timeutil import to_utc_naive, utcnow

# Pages fetched, then handed to the extraction workers, at a time: small enough that the
# workers start soon and never wait long for a whole batch to download.
FETCH_BATCH = 100
# The first and last batches are smaller: the workers get their first pages sooner, and the
# load after the last extraction, which nothing overlaps, is short.
EDGE_BATCH = 50
# Batches extracted ahead of the one being waited for: work for the workers while this
# thread writes to the warehouse.
EXTRACT_AHEAD = 2
# Pages written per warehouse opening. Each opening and its checkpointing close cost ~70 ms
# of CPU, growing with the rows written since DuckDB's last full segment: writing 500 pages
# at a time costs ~0.3 ms less per page than 200 (cold 2,000-page run, run-process CPU).
LOAD_PAGES = 500
CLAIMS_FLUSH_PAGES = 1000
_DONE_STATES = ("fetched", "alias", "skipped")


@dataclass
class PagePlan:
    """Which links to fetch, and which are aliases of a fetched page."""

    to_fetch: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # fetched url -> alias urls
    stored_aliases: dict[str, list[str]] = field(default_factory=dict)  # stored page url -> new alias urls
    feed_dates: dict[str, dt.datetime] = field(default_factory=dict)
    feed_titles: dict[str, str] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)


def canonical_links(entries: Iterable[FeedEntry]) -> dict[str, str]:
    return {e.link: canonical_url(e.link) for e in entries if e.link}


def plan_pages(ctx: RunContext, entries: Sequence[FeedEntry], canonical: dict[str, str]) -> PagePlan:
    """Decide what to fetch from the feeds' entries and what is already stored."""
    plan = PagePlan(canonical=dict(canonical))
    by_canonical: dict[str, list[str]] = {}
    for entry in entries:
        if not entry.link:
            continue
        links = by_canonical.setdefault(canonical[entry.link], [])
        if entry.link not in links:
            links.append(entry.link)
        if entry.published and (entry.link not in plan.feed_dates or entry.published < plan.feed_dates[entry.link]):
            plan.feed_dates[entry.link] = entry.published
        plan.feed_titles.setdefault(entry.link, entry.title)
    stored = _stored_pages(ctx, list(by_canonical))
    now = utcnow()
    for canon, links in by_canonical.items():
        rows = stored.get(canon, [])
        stored_urls = {r["url"] for r in rows}
        done = [r for r in rows if r["state"] in _DONE_STATES]
        new_links = [link for link in links if link not in stored_urls]
        if done:
            anchor = next((r["url"] for r in done if r["state"] == "fetched"), None)
            if anchor and new_links:
                plan.stored_aliases[anchor] = new_links
            ctx.counts["pages_already_stored"] += len(links) - len(new_links)
            continue
        failed = [r for r in rows if r["state"] == "failed"]
        if failed and not _retry_due(failed[0], now, ctx.settings.max_page_attempts):
            ctx.counts["pages_backing_off"] += 1
            continue
        # Prefer the link that already is its own canonical form (no tracking parameters).
        ordered = sorted(links, key=lambda link: (canonical_url(link) != link, len(link)))
        first = failed[0]["url"] if failed else ordered[0]
        plan.to_fetch.append(first)
        plan.attempts[first] = failed[0]["attempts"] if failed else 0
        plan.aliases[first] = [link for link in ordered if link != first]
    return plan


def _retry_due(row: dict[str, Any], now: dt.datetime, max_attempts: int) -> bool:
    if row["attempts"] >= max_attempts:
        return False
    return row["next_attempt_at"] is None or row["next_attempt_at"] <= now


def _stored_pages(ctx: RunContext, canonicals: list[str]) -> dict[str, list[dict[str, Any]]]:
    with open_warehouse(ctx.db_path) as con:
        cur = con.execute(query("pipeline_known_pages"), [canonicals])
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["canonical_url"], []).append(row)
    return out


def fetch_extract_load(ctx: RunContext, fetcher: Fetcher, plan: PagePlan) -> None:
    """Fetch the planned pages in batches; extract and load them, the three overlapped.

    A thread downloads the next batch while the worker processes extract the
    batches handed to them (text and claims) and this thread writes the ones
    they finished, `LOAD_PAGES` at a time, so both cores stay on extraction and
    the network waits are hidden. Memory holds a bounded number of page bodies
    (about `LOAD_PAGES` plus a few batches), whatever the size of the run.
    """
    batches = split_batches(plan.to_fetch, FETCH_BATCH, min(EDGE_BATCH, FETCH_BATCH))
    warm_pool(len(batches[0]) if batches else 0)
    in_flight: deque[tuple[list[FetchedPage], Callable[[], list[ExtractOutcome]]]] = deque()
    extracted: list[tuple[list[FetchedPage], list[ExtractOutcome]]] = []  # waiting to be written
    claims: dict[str, tuple[Claim, ...]] = {}
    with _Prefetcher(ctx, fetcher, batches) as fetched:
        for pages in fetched:
            in_flight.append((pages, start_extraction(pages, plan.feed_dates, plan.feed_titles, with_claims=True)))
            if len(in_flight) > EXTRACT_AHEAD:
                extracted.append(_wait_for(ctx, *in_flight.popleft()))
            if sum(len(batch) for batch, _ in extracted) >= LOAD_PAGES:
                claims.update(_load_extracted(ctx, plan, extracted))
            # Finding the pending groups scans the warehouse, so claims are written every
            # CLAIMS_FLUSH_PAGES pages, not every load (a crash leaves them to the claims stage).
            if len(claims) >= CLAIMS_FLUSH_PAGES:
                _store_claims(ctx, claims)
    while in_flight:  # what is written first overlaps the extraction of the batches after it
        claims.update(_load_extracted(ctx, plan, extracted))
        extracted.append(_wait_for(ctx, *in_flight.popleft()))
    claims.update(_load_extracted(ctx, plan, extracted))
    _store_claims(ctx, claims)
    if plan.stored_aliases:
        with ctx.timed("load_pages"):
            _load_stored_aliases(ctx, plan)


def split_batches(urls: list[str], size: int, edge: int) -> list[list[str]]:
    """Batches of `size` links in order, the first and the last of `edge` links when there are enough."""
    if len(urls) < 3 * edge:
        return [urls[i : i + size] for i in range(0, len(urls), size)]
    middle = urls[edge:-edge]
    return [urls[:edge], *(middle[i : i + size] for i in range(0, len(middle), size)), urls[-edge:]]


def _wait_for(
    ctx: RunContext, pages: list[FetchedPage], outcomes_of: Callable[[], list[ExtractOutcome]]
) -> tuple[list[FetchedPage], list[ExtractOutcome]]:
    with ctx.timed("extract_wait"):
        return pages, outcomes_of()


def _load_extracted(
    ctx: RunContext, plan: PagePlan, extracted: list[tuple[list[FetchedPage], list[ExtractOutcome]]]
) -> dict[str, tuple[Claim, ...]]:
    """Write the extracted batches in one go and empty the list; returns the claims the workers read, by page URL."""
    pages = [page for batch, _ in extracted for page in batch]
    outcomes = [outcome for _, batch in extracted for outcome in batch]
    extracted.clear()
    if not pages:
        return {}
    with ctx.timed("load_pages"):
        _load_batch(ctx, plan, pages, outcomes)
    claims: dict[str, tuple[Claim, ...]] = {}
    for page, outcome in zip(pages, outcomes, strict=True):
        if outcome.claims is not None:
            for url in (page.url, *plan.aliases.get(page.url, [])):
                claims[url] = outcome.claims
    return claims


def _store_claims(ctx: RunContext, claims: dict[str, tuple[Claim, ...]]) -> None:
    if claims:
        with ctx.timed("load_claims"):
            store_worker_claims(ctx, claims)
        claims.clear()


class _Prefetcher:
    """Downloads the batches one ahead in a thread; iterating yields each batch's pages in turn."""

    def __init__(self, ctx: RunContext, fetcher: Fetcher, batches: list[list[str]]) -> None:
        self._ctx, self._fetcher, self._batches = ctx, fetcher, batches
        self._queue: queue.Queue[list[FetchedPage] | BaseException | None] = queue.Queue(maxsize=1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="evnews-prefetch", daemon=True)

    def __enter__(self) -> _Prefetcher:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock a put() waiting on a full queue
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    def __iter__(self) -> Iterator[list[FetchedPage]]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _run(self) -> None:
        try:
            for batch in self._batches:
                if self._stop.is_set():
                    return
                start = time.perf_counter()
                pages = list(self._fetcher.fetch_pages(batch))
                self._ctx.durations["fetch_pages"] = self._ctx.durations.get("fetch_pages", 0.0) + time.perf_counter() - start
                self._put(pages)
            self._put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread, which raises it
            self._put(exc)

    def _put(self, item: list[FetchedPage] | BaseException | None) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(queue.Full):
                self._queue.put(item, timeout=0.1)
                return


def page_row(page: FetchedPage, plan: PagePlan, state: str, now: dt.datetime) -> dict[str, Any]:
    attempts = plan.attempts.get(page.url, 0) + 1
    failed = state == "failed"
    return {
        "url": page.url,
        "canonical_url": plan.canonical.get(page.url) or canonical_url(page.url),
        "final_url": page.final_url,
        "status": page.status,
        "content_type": page.content_type,
        "state": state,
        "body": zlib.compress(page.body, 1) if page.body else None,
        "body_bytes": len(page.body),
        "encoding": page.encoding,
        "fetched_at": to_utc_naive(page.fetched_at) if page.fetched_at else now,
        "attempts": 1,
        "next_attempt_at": next_attempt_at(attempts, now) if failed else None,
        "error": page.error,
        "error_kind": page.error_kind,
        "first_seen_at": now,
    }


def _page_state(page: FetchedPage) -> str:
    if not page.error:
        return "fetched"
    # Served fine but unusable (not HTML, over the size cap): no point asking again.
    if page.status is not None and 200 <= page.status < 300:
        return "skipped"
    return "failed"


def extraction_row(article: Article, now: dt.datetime, version: str) -> dict[str, Any]:
    return {
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "body_text": article.body_text,
        "published": article.published,
        "published_source": article.published_source,
        "outlet": article.outlet,
        "author": article.author,
        "language": article.language,
        "is_partial": article.is_partial,
        "text_hash": article.text_hash,
        "extractor_version": version,
        "extracted_at": now,
    }


def _load_batch(ctx: RunContext, plan: PagePlan, pages: list[FetchedPage], outcomes: list[ExtractOutcome]) -> None:
    now = utcnow()
    page_rows, articles = [], []
    texts: dict[str, TextSketch] = {}  # by body text: dedup normalises each text once
    for page, outcome in zip(pages, outcomes, strict=True):
        state = _page_state(page)
        page_rows.append(page_row(page, plan, state, now))
        if page.error:
            ctx.counts[f"pages_{state}"] += 1
            ctx.record_error("page", page.error, url=page.url, kind=page.error_kind or "permanent", error_type=page.error_type)
            continue
        ctx.counts["pages_fetched"] += 1
        if outcome.error:
            ctx.counts["pages_without_article"] += 1
            ctx.record_error("extract", outcome.error, url=page.url, hint=outcome.hint, error_type=outcome.error_type)
            continue
        text = texts[outcome.article.body_text] = sketch_text(outcome.article.body_text)
        article = replace(outcome.article, text_hash=text.text_hash)
        articles.append(article)
        for alias in plan.aliases.get(page.url, []):
            page_rows.append(_alias_row(alias, page.url, article.canonical_url, now))
            articles.append(replace(article, url=alias))
    _write(ctx, page_rows, articles, now, outcomes[0].version if outcomes else "", texts)


def _alias_row(alias: str, target_url: str, canonical: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "url": alias,
        "canonical_url": canonical,
        "final_url": target_url,
        "status": None,
        "content_type": None,
        "state": "alias",
        "body": None,
        "body_bytes": 0,
        "encoding": None,
        "fetched_at": now,
        "attempts": 0,
        "next_attempt_at": None,
        "error": None,
        "error_kind": None,
        "first_seen_at": now,
    }


def _write(
    ctx: RunContext,
    page_rows: list[dict],
    articles: list[Article],
    now: dt.datetime,
    version: str,
    texts: dict[str, TextSketch],
) -> None:
    with open_warehouse(ctx.db_path) as con, transaction(con):
        load_rows(con, "pipeline_upsert_pages", page_rows)
        load_rows(con, "pipeline_upsert_extractions", [extraction_row(a, now, version) for a in articles])
        decisions = assign_groups(con, articles, seen_at=now, texts=texts)
        load_rows(con, "pipeline_insert_errors", ctx.take_errors())
    ctx.counts["articles_new"] += len(articles)
    ctx.counts["duplicates"] += sum(1 for d in decisions if d.reason != "first")


def _load_stored_aliases(ctx: RunContext, plan: PagePlan) -> None:
    """New links to pages stored in an earlier run: same text and group, no fetch."""
    now = utcnow()
    with open_warehouse(ctx.db_path) as con, transaction(con):
        cur = con.execute(query("pipeline_extraction_of"), [list(plan.stored_aliases)])
        names = [d[0] for d in cur.description]
        stored = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        page_rows, articles, rows = [], [], []
        for row in stored:
            for alias in plan.stored_aliases.get(row["url"], []):
                page_rows.append(_alias_row(alias, row["url"], row["canonical_url"], now))
                rows.append({**row, "url": alias, "extracted_at": now})
                articles.append(_article_from_row({**row, "url": alias}))
        load_rows(con, "pipeline_upsert_pages", page_rows)
        load_rows(con, "pipeline_upsert_extractions", rows)
        decisions = assign_groups(con, articles, seen_at=now)
    ctx.counts["articles_new"] += len(articles)
    ctx.counts["duplicates"] += sum(1 for d in decisions if d.reason != "first")


def _article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        url=row["url"],
        canonical_url=row["canonical_url"],
        title=row["title"] or "",
        body_text=row["body_text"] or "",
        published=row["published"],
        published_source=row["published_source"] or "",
        outlet=row["outlet"] or "",
        author=row["author"] or "",
        language=row["language"] or "",
        is_partial=bool(row["is_partial"]),
        text_hash=row["text_hash"] or "",
    )
