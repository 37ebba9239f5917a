"""Prefect flow `ingest`: feeds → pages → articles in duplicate groups."""

from __future__ import annotations

from typing import Any

from flows._common import TASK_DEFAULTS, make_context, stage_result
from prefect import flow, task

from evnews.models import FeedSource
from evnews.pipeline import ingest_stage
from evnews.pipeline.context import RunContext


# The network task. Item faults are recorded, not raised; a retry re-runs
# idempotent loads, so it is safe when a systemic fault passes.
@task(name="fetch-feeds-and-pages", retries=1, retry_delay_seconds=10, **TASK_DEFAULTS)
def fetch_and_load(ctx: RunContext, feeds: list[FeedSource]) -> None:
    ingest_stage(ctx, feeds)


@flow(name="ingest", log_prints=True)
def ingest(
    feeds: list[str],
    db_path: str | None = None,
    settings: dict[str, Any] | None = None,
    run_id: str | None = None,
) -> dict[str, Any]:
    """Check the feeds and store every new article; returns counts, durations, errors."""
    ctx = make_context(db_path, settings, run_id)
    fetch_and_load(ctx, [FeedSource(url=u) for u in feeds])
    return stage_result(ctx)
