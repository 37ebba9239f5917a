"""Fan-out of page extraction over a Prefect task runner (Dask, Ray, threads).

On one machine the pipeline extracts large batches in a local process pool
(`evnews.pipeline.extract_pool`). When one machine is not enough, the same
work splits into chunks that a distributed task runner sends to its workers:
`prefect_dask.DaskTaskRunner(address=...)` for an existing Dask cluster, or
`prefect_ray.RayTaskRunner`. Each chunk is small enough to be extracted in the
worker's own process; results come back in page order, identical to the
in-process ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from evnews.models import FetchedPage
from evnews.pipeline.extract_pool import POOL_MIN_BATCH, ExtractOutcome, extract_pages

# Below the local pool's threshold, so a worker never starts a pool of its own.
DEFAULT_CHUNK = min(8, POOL_MIN_BATCH - 1)


# Pages carry their bodies: never hash or persist them as task inputs/results.
@task(name="extract-chunk", cache_policy=NO_CACHE, persist_result=False)
def extract_chunk(
    pages: list[FetchedPage], feed_dates: dict[str, dt.datetime], feed_titles: dict[str, str]
) -> list[ExtractOutcome]:
    return extract_pages(pages, feed_dates, feed_titles)


@flow(name="extract-fan-out")
def extract_fan_out(
    pages: list[FetchedPage],
    feed_dates: dict[str, dt.datetime] | None = None,
    feed_titles: dict[str, str] | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> list[ExtractOutcome]:
    """One outcome per page, in page order, computed chunk by chunk on the flow's task runner."""
    dates, titles = feed_dates or {}, feed_titles or {}
    chunks = [pages[i : i + chunk_size] for i in range(0, len(pages), chunk_size)]
    futures = [
        extract_chunk.submit(
            chunk,
            {p.url: dates[p.url] for p in chunk if p.url in dates},
            {p.url: titles[p.url] for p in chunk if p.url in titles},
        )
        for chunk in chunks
    ]
    return [outcome for future in futures for outcome in future.result()]


def on_runner(task_runner: Any) -> Any:
    """`extract_fan_out` bound to a task runner, e.g. `DaskTaskRunner(address=...)`."""
    return extract_fan_out.with_options(task_runner=task_runner)
