"""Prefect flow `extract_claims`: claims for every duplicate group that lacks them."""

from __future__ import annotations

from typing import Any

from flows._common import TASK_DEFAULTS, make_context, stage_result
from prefect import flow, task

from evnews.pipeline.claims_stage import claims_stage
from evnews.pipeline.context import RunContext


@task(name="extract-claims", **TASK_DEFAULTS)
def extract(ctx: RunContext) -> None:
    with ctx.timed("claims"):
        claims_stage(ctx)


@flow(name="extract_claims", log_prints=True)
def extract_claims(db_path: str | None = None, run_id: str | None = None) -> dict[str, Any]:
    ctx = make_context(db_path, None, run_id)
    extract(ctx)
    return stage_result(ctx)
