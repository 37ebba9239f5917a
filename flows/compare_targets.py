"""Prefect flow `compare_targets`: verdicts for every claim, and the status artifact."""

from __future__ import annotations

from typing import Any

from flows._common import TASK_DEFAULTS, make_context, stage_result
from prefect import flow, task

from evnews.orchestration.runs import recorded_run
from evnews.pipeline import compare_stage
from evnews.pipeline.context import RunContext
from evnews.store.db import open_warehouse


@task(name="judge-claims", **TASK_DEFAULTS)
def judge(ctx: RunContext) -> None:
    with ctx.timed("compare"):
        compare_stage(ctx)


@task(name="publish-status-artifact", **TASK_DEFAULTS)
def publish_status(ctx: RunContext) -> None:
    from evnews.compare import publish_status_artifact

    with open_warehouse(ctx.db_path) as con:
        publish_status_artifact(con)


def _compare(ctx: RunContext) -> None:
    judge(ctx)
    publish_status(ctx)


@flow(name="compare_targets", log_prints=True)
def compare_targets(db_path: str | None = None, run_id: str | None = None) -> dict[str, Any]:
    """Hold every stored claim against the target registry.

    As a subflow of `pipeline` (given `run_id`) it is a stage of that run; on
    its own (the on-demand deployment) it is a run of its own: writer slot,
    `runs` row, snapshot and artifact.
    """
    ctx = make_context(db_path, None, run_id)
    if run_id is not None:
        _compare(ctx)
    else:
        with recorded_run(ctx, "compare_targets"):
            _compare(ctx)
    return stage_result(ctx)
