"""Shared pieces of the flows: run contexts, task defaults, stage results.

Flow parameters stay plain (strings, lists, dicts) so that Prefect can record
them and a deployment can be triggered with them from the CLI or the UI.
"""

from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from dataclasses import asdict
from typing import Any

from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext

from evnews.config import FetchSettings, default_db_path
from evnews.pipeline import new_context
from evnews.pipeline.context import RunContext
from evnews.pipeline.run import flush_errors

# Tasks take the mutable run context: never cache or persist their inputs.
TASK_DEFAULTS: dict[str, Any] = {"cache_policy": NO_CACHE, "persist_result": False}


def flow_run_id() -> str | None:
    ctx = FlowRunContext.get()
    return str(ctx.flow_run.id) if ctx and ctx.flow_run else None


def settings_dict(settings: FetchSettings | None) -> dict[str, Any] | None:
    return asdict(settings) if settings else None


def make_context(db_path: str | None, settings: dict[str, Any] | None = None, run_id: str | None = None) -> RunContext:
    fetch = FetchSettings(**settings) if settings else None
    return new_context(db_path or default_db_path(), fetch, run_id or flow_run_id())


def stage_result(ctx: RunContext) -> dict[str, Any]:
    """What a subflow hands back to its parent (errors already written)."""
    flush_errors(ctx)
    return {"counts": dict(ctx.counts), "durations": dict(ctx.durations), "errors": ctx.error_total}


def absorb(ctx: RunContext, result: dict[str, Any]) -> None:
    ctx.counts.update(result["counts"])
    for stage, seconds in result["durations"].items():
        ctx.durations[stage] = ctx.durations.get(stage, 0.0) + seconds
    ctx.error_total += result["errors"]
