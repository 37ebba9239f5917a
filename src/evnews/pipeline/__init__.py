"""The pipeline's orchestration: plain functions that the Prefect flows call as tasks."""

from evnews.pipeline.run import (
    RunSummary,
    as_sources,
    compare_stage,
    finish_run,
    ingest_stage,
    new_context,
    run_once,
    start_run,
)

__all__ = [
    "RunSummary",
    "as_sources",
    "compare_stage",
    "finish_run",
    "ingest_stage",
    "new_context",
    "run_once",
    "start_run",
]
