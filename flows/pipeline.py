"""Prefect flow `pipeline`: ingest, extract_claims and compare_targets as subflows."""

from __future__ import annotations

from typing import Any

from flows._common import absorb, make_context
from flows.compare_targets import compare_targets
from flows.extract_claims import extract_claims
from flows.ingest import ingest
from prefect import flow

from evnews.pipeline import RunSummary, finish_run, start_run
from evnews.pipeline.run import publish_for_readers


@flow(name="pipeline", log_prints=True)
def pipeline(
    feeds: list[str],
    db_path: str | None = None,
    settings: dict[str, Any] | None = None,
) -> RunSummary:
    """One whole run; item faults are recorded in the warehouse, systemic ones fail the flow."""
    ctx = make_context(db_path, settings)
    db = str(ctx.db_path)
    start_run(ctx, "pipeline")
    try:
        absorb(ctx, ingest(feeds, db_path=db, settings=settings, run_id=ctx.run_id))
        absorb(ctx, extract_claims(db_path=db, run_id=ctx.run_id))
        absorb(ctx, compare_targets(db_path=db, run_id=ctx.run_id))
    except Exception as exc:
        finish_run(ctx, "failed", str(exc))
        raise
    summary = finish_run(ctx, "completed")
    publish_for_readers(ctx)
    print(f"run {summary.run_id}: {summary.counts}")
    return summary
