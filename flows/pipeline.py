"""Prefect flow `pipeline`: ingest, extract_claims and compare_targets as subflows."""

from __future__ import annotations

from typing import Any

from flows._common import absorb, make_context
from flows.compare_targets import compare_targets
from flows.extract_claims import extract_claims
from flows.ingest import ingest
from prefect import flow

from evnews.orchestration.runs import recorded_run
from evnews.pipeline import RunSummary


@flow(name="pipeline", log_prints=True)
def pipeline(
    feeds: list[str],
    db_path: str | None = None,
    settings: dict[str, Any] | None = None,
) -> RunSummary:
    """One whole run; item faults are recorded in the warehouse, systemic ones fail the flow.

    The run holds the warehouse's writer slot throughout (a second run waits),
    and leaves a `runs` row and a Prefect artifact with its counts.
    """
    ctx = make_context(db_path, settings)
    db = str(ctx.db_path)
    with recorded_run(ctx, "pipeline") as record:
        absorb(ctx, ingest(feeds, db_path=db, settings=settings, run_id=ctx.run_id))
        absorb(ctx, extract_claims(db_path=db, run_id=ctx.run_id))
        absorb(ctx, compare_targets(db_path=db, run_id=ctx.run_id))
    assert record.summary is not None
    print(f"run {record.summary.run_id}: {record.summary.counts}")
    return record.summary
