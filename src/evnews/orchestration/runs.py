"""A flow run as an evnews run: writer slot, `runs` row, snapshot, artifact."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from evnews.orchestration.artifacts import publish_run_artifact
from evnews.orchestration.writer import single_writer
from evnews.pipeline.context import RunContext
from evnews.pipeline.run import (
    RunSummary,
    compare_stage,
    finish_run,
    new_context,
    publish_for_readers,
    start_run,
)


@dataclass
class RunRecord:
    """Filled in when the block ends: the summary written to `runs`."""

    summary: RunSummary | None = None


@contextmanager
def recorded_run(ctx: RunContext, flow: str, *, artifact: bool = True) -> Iterator[RunRecord]:
    """Hold the writer slot, record the run in `runs`, and publish for readers.

    A failed block is recorded as failed (and re-raised); a completed one
    refreshes the analysts' snapshot. Either way the run gets its artifact.
    """
    record = RunRecord()
    with single_writer(ctx.db_path):
        start_run(ctx, flow)
        try:
            yield record
        except Exception as exc:
            record.summary = finish_run(ctx, "failed", str(exc))
            if artifact:
                publish_run_artifact(record.summary, flow)
            raise
        record.summary = finish_run(ctx, "completed")
        publish_for_readers(ctx)
    if artifact:
        publish_run_artifact(record.summary, flow)


def compare_in_process(db_path: Path | str) -> RunSummary:
    """The on-demand comparison without Prefect: a run of its own, recorded in `runs`."""
    ctx = new_context(db_path)
    with recorded_run(ctx, "compare_targets", artifact=False) as record:
        with ctx.timed("compare"):
            compare_stage(ctx)
    assert record.summary is not None
    return record.summary
