"""Text extraction across both cores.

Extraction is CPU-bound (trafilatura parses the whole page), so large
batches go to a pool of worker processes; small ones stay in-process, where a
pool's start-up would cost more than it saves. What a worker runs lives in
`evnews.worker`, a module light enough to import at every run's start.

For the pipeline the workers also read the claims of each article they
extract (`with_claims`): the text is already in their memory, and claim
extraction costs about as much as text extraction, so doing it here puts it
on both cores and overlaps it with fetching. The claims are only a head
start: `claims_stage.store_worker_claims` writes them for the pages that carry their
duplicate group, and the claims stage still picks up anything left pending.
"""

from __future__ import annotations

import atexit
import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from evnews.claims import EXTRACTOR_VERSION as CLAIMS_VERSION
from evnews.models import Claim, FetchedPage
from evnews.worker import ExtractOutcome, Job, claims_of_page, extract_chunk, extract_one, warm_up

# Below this many pages a batch is extracted in the calling process.
POOL_MIN_BATCH = 24
# Pages per task sent to a worker: large enough to amortise pickling and
# scheduling, small enough that both workers finish a batch together.
CHUNK_PAGES = 8
_pool: ProcessPoolExecutor | None = None
# The pool may be started from a background thread (warm_pool) while the run goes on.
_pool_lock = threading.Lock()


def worker_count() -> int:
    configured = os.environ.get("EVNEWS_EXTRACT_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, min(os.cpu_count() or 1, 4))


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(worker_count(), mp_context=_start_method())
            atexit.register(shutdown_pool)
        return _pool


def _start_method() -> multiprocessing.context.BaseContext:
    """forkserver where the platform has it, else spawn; never fork.

    Not fork: the parent has httpx and Prefect threads running, and a child
    forked from it may inherit a lock some thread held. Spawn imports the
    worker's modules (trafilatura, the claim rules) in every worker at every
    pool start, ~0.5 s CPU each; with forkserver one clean helper process
    imports them once and each worker is forked from it, ready to run.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["evnews.worker"])
    return context


def warm_pool(expected_pages: int) -> None:
    """Start the workers in the background if a batch of `expected_pages` will need them; returns at once.

    Starting a worker waits for the forkserver to finish importing the worker's modules (~0.5 s, on
    the other core): in a thread, the run meanwhile stores entries and downloads the first pages.
    """
    if expected_pages >= POOL_MIN_BATCH and worker_count() > 1:
        threading.Thread(target=_start_workers, name="evnews-pool-start", daemon=True).start()


def _start_workers() -> None:
    try:
        pool = _get_pool()
        for _ in range(worker_count()):
            pool.submit(warm_up)
    except Exception:  # noqa: BLE001 - a pool shut down meanwhile, or one that cannot start: the
        pass  # run's own start_extraction meets the same failure and reports it where it is handled


def shutdown_pool() -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


def _jobs(pages: Sequence[FetchedPage], feed_dates: Mapping[str, dt.datetime], feed_titles: Mapping[str, str],
          with_claims: bool) -> list[Job]:  # fmt: skip
    return [
        (p.body, p.url, p.encoding, feed_dates.get(p.url), feed_titles.get(p.url), with_claims)
        for p in pages
        if not p.error
    ]


def start_extraction(
    pages: list[FetchedPage],
    feed_dates: Mapping[str, dt.datetime],
    feed_titles: Mapping[str, str],
    *,
    with_claims: bool = False,
) -> Callable[[], list[ExtractOutcome]]:
    """Hand a batch to the workers and return at once; calling the result waits for the outcomes.

    Small batches (or one worker) are extracted in this process when the result is called.
    """
    jobs = _jobs(pages, feed_dates, feed_titles, with_claims)
    if len(jobs) >= POOL_MIN_BATCH and worker_count() > 1:
        pool = _get_pool()
        futures: list[Future[list[ExtractOutcome]]] = [
            pool.submit(extract_chunk, jobs[i : i + CHUNK_PAGES]) for i in range(0, len(jobs), CHUNK_PAGES)
        ]
        return lambda: _in_page_order(pages, (o for f in futures for o in f.result()))
    return lambda: _in_page_order(pages, map(extract_one, jobs))


def _in_page_order(pages: list[FetchedPage], results: Any) -> list[ExtractOutcome]:
    results = iter(results)
    return [ExtractOutcome(None) if p.error else next(results) for p in pages]


def extract_pages(
    pages: list[FetchedPage],
    feed_dates: dict[str, dt.datetime],
    feed_titles: dict[str, str],
    *,
    with_claims: bool = False,
) -> list[ExtractOutcome]:
    """One outcome per page, in order; failed fetches get an empty outcome."""
    return start_extraction(pages, feed_dates, feed_titles, with_claims=with_claims)()


def claims_for_pages(pages: Sequence[Mapping[str, Any]]) -> list[tuple[Claim, ...] | None]:
    """Claims of many stored pages (rows of `claims_pending`) on the warm worker pool, in order.

    For the claims stage when many groups are pending at once (a new claims
    extractor version re-reads every stored article). None for a page whose
    extraction raised: extract it in-process to see and record the error.
    """
    jobs = [(p["body_text"] or "", p["published"], p["title"]) for p in pages]
    if len(jobs) < POOL_MIN_BATCH or worker_count() == 1:
        return [claims_of_page(job) for job in jobs]
    return list(_get_pool().map(claims_of_page, jobs, chunksize=CHUNK_PAGES))


__all__ = [
    "CLAIMS_VERSION",
    "ExtractOutcome",
    "POOL_MIN_BATCH",
    "claims_for_pages",
    "extract_pages",
    "shutdown_pool",
    "start_extraction",
    "warm_pool",
    "worker_count",
]
