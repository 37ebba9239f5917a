"""Text extraction across both cores.

Extraction is CPU-bound (trafilatura parses the whole page), so large
batches go to a pool of worker processes; small ones stay in-process, where a
pool's start-up would cost more than it saves. Workers return plain
outcomes, never exceptions, so nothing depends on pickling error classes.
"""

from __future__ import annotations

import atexit
import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from evnews.errors import EvnewsError
from evnews.extract import EXTRACTOR_VERSION, extract_article
from evnews.models import Article, FetchedPage

# Below this many pages a batch is extracted in the calling process.
POOL_MIN_BATCH = 24
_pool: ProcessPoolExecutor | None = None


@dataclass(frozen=True, slots=True)
class ExtractOutcome:
    article: Article | None
    error: str | None = None
    hint: str = ""
    error_type: str | None = None
    version: str = EXTRACTOR_VERSION


def _extract_one(args: tuple[bytes, str, str | None, dt.datetime | None, str | None]) -> ExtractOutcome:
    body, url, encoding, feed_date, feed_title = args
    try:
        return ExtractOutcome(extract_article(body, url, encoding=encoding, feed_published=feed_date, feed_title=feed_title))
    except EvnewsError as exc:
        return ExtractOutcome(None, exc.message, exc.hint, type(exc).__name__)
    except Exception as exc:  # a parser crash on one hostile page must not stop the run
        return ExtractOutcome(
            None,
            f"extraction of {url} failed: {type(exc).__name__}: {exc}",
            "the page is recorded and skipped; report it if many pages of one site fail",
            type(exc).__name__,
        )


def worker_count() -> int:
    configured = os.environ.get("EVNEWS_EXTRACT_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, min(os.cpu_count() or 1, 4))


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn, not fork: the parent has httpx and Prefect threads running.
        _pool = ProcessPoolExecutor(worker_count(), mp_context=multiprocessing.get_context("spawn"))
        atexit.register(shutdown_pool)
    return _pool


def shutdown_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def extract_pages(
    pages: list[FetchedPage],
    feed_dates: dict[str, dt.datetime],
    feed_titles: dict[str, str],
) -> list[ExtractOutcome]:
    """One outcome per page, in order; failed fetches get an empty outcome."""
    jobs = [
        (p.body, p.url, p.encoding, feed_dates.get(p.url), feed_titles.get(p.url))
        for p in pages
        if not p.error
    ]
    if len(jobs) >= POOL_MIN_BATCH and worker_count() > 1:
        results = iter(_get_pool().map(_extract_one, jobs, chunksize=8))
    else:
        results = iter(map(_extract_one, jobs))
    return [ExtractOutcome(None) if p.error else next(results) for p in pages]
