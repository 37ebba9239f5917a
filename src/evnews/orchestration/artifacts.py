"""The per-run Prefect artifact: counts per stage, durations and errors.

The same numbers go to the `runs` table (`finish_run`); the artifact puts them
next to the flow run in the Prefect UI, so an operator sees what each
scheduled run did without opening the warehouse.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evnews.pipeline.run import RunSummary

log = logging.getLogger(__name__)

ARTIFACT_KEY = "evnews-run"

# Count names start with their stage; the first matching prefix wins.
_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Feeds", ("feeds_", "feed_")),
    ("Pages", ("pages_",)),
    ("Articles", ("articles_", "duplicates")),
    ("Claims", ("claim",)),
    ("Verdicts", ("verdict_",)),
)


def group_counts(counts: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Counts by stage section, in pipeline order; unknown names go to `Other`."""
    sections: dict[str, dict[str, int]] = {title: {} for title, _ in _SECTIONS}
    sections["Other"] = {}
    for name in sorted(counts):
        title = next((t for t, prefixes in _SECTIONS if name.startswith(prefixes)), "Other")
        sections[title][name] = counts[name]
    return {title: rows for title, rows in sections.items() if rows}


def run_markdown(summary: RunSummary, flow: str) -> str:
    """A markdown report of one run (pure: the flow publishes it)."""
    lines = [
        f"# evnews {flow} run `{summary.run_id}`: {summary.status}",
        "",
        f"Errors recorded: **{summary.errors}** (details: `SELECT * FROM errors WHERE run_id = '{summary.run_id}'`)",
    ]
    if summary.message:
        lines += ["", f"Message: {summary.message}"]
    for title, rows in group_counts(summary.counts).items():
        lines += ["", f"## {title}", "", "| count | value |", "|---|---:|"]
        lines += [f"| {name} | {value} |" for name, value in rows.items()]
    if summary.durations:
        lines += ["", "## Durations", "", "| stage | seconds |", "|---|---:|"]
        lines += [f"| {stage} | {seconds:.2f} |" for stage, seconds in summary.durations.items()]
    return "\n".join(lines) + "\n"


def publish_run_artifact(summary: RunSummary, flow: str) -> None:
    """Attach the run report to the current flow run (call inside a flow).

    The `runs` row already holds the same numbers, so an API hiccup here is
    logged, not raised: it must not turn a completed run into a failed one
    or hide the error that failed it.
    """
    from prefect.artifacts import create_markdown_artifact

    try:
        create_markdown_artifact(
            markdown=run_markdown(summary, flow),
            key=ARTIFACT_KEY,
            description=f"evnews {flow} run {summary.run_id}: {summary.status}, {summary.errors} errors",
        )
    except Exception as exc:  # any client/API error: the run's data is already stored
        log.warning("could not publish the run artifact for %s: %s (the runs table has the same counts)", summary.run_id, exc)
