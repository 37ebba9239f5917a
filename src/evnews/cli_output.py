"""How the CLI prints run summaries, query results and the target registry."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # the pipeline imports every stage: keep `evnews sql` light
    from evnews.pipeline import RunSummary

# Stage counts in the order a reader follows the run.
_COUNT_ORDER = (
    "feeds_checked", "feeds_not_modified", "feeds_failed", "feeds_backing_off", "feed_entries_new",
    "pages_fetched", "pages_already_stored", "pages_failed", "pages_skipped", "pages_backing_off",
    "pages_without_article", "articles_new", "duplicates", "claim_groups_processed", "claims",
)


def print_run_summary(console: Console, summary: "RunSummary") -> None:
    table = Table(title=f"run {summary.run_id[:12]} — {summary.status}", show_header=True)
    table.add_column("stage count")
    table.add_column("n", justify="right")
    keys = [k for k in _COUNT_ORDER if k in summary.counts]
    keys += sorted(k for k in summary.counts if k not in _COUNT_ORDER)
    for key in keys:
        table.add_row(key.replace("_", " "), str(summary.counts[key]))
    table.add_row("errors recorded", str(summary.errors))
    console.print(table)
    if summary.durations:
        parts = ", ".join(f"{k} {v:.2f}s" for k, v in summary.durations.items())
        console.print(f"[dim]durations: {parts}[/]")
    if summary.errors:
        console.print("[dim]see them with: evnews sql \"SELECT stage, url, message, hint FROM errors ORDER BY occurred_at DESC\"[/]")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Whole amounts in full (1,000,000 vehicles, not 1e+06); others to 6 significant digits.
        return f"{int(value):,}" if value.is_integer() and abs(value) < 1e15 else f"{value:,.6g}"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _raw(value: Any) -> str:
    """A value for machines (CSV): no thousands separators, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def print_query_result(console: Console, cursor: Any, *, fmt: str = "table", limit: int = 200) -> None:
    names = [d[0] for d in cursor.description] if cursor is not None and cursor.description else []
    rows = cursor.fetchall() if names else []
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows([_raw(v) for v in row] for row in rows)
        return
    if fmt == "json":
        print(json.dumps([dict(zip(names, r, strict=True)) for r in rows], default=_cell, ensure_ascii=False, indent=1))
        return
    # Too many columns for the terminal: one block per row, like psql's \\x.
    if fmt == "vertical" or (fmt == "table" and len(names) * 10 > console.width):
        print_vertical(console, names, rows[:limit])
    else:
        table = Table(show_header=True, header_style="bold")
        for name in names:
            table.add_column(Text(name), overflow="fold")
        for row in rows[:limit]:
            # Literal text: a stored "[fetch]" or "[Video]" is data, not console markup to swallow.
            table.add_row(*(Text(_cell(v)) for v in row))
        console.print(table)
    shown = min(len(rows), limit)
    console.print(f"[dim]{len(rows)} row(s){'' if shown == len(rows) else f', {shown} shown (--limit)'}[/]")


def print_vertical(console: Console, names: list[str], rows: list[tuple]) -> None:
    width = max((len(n) for n in names), default=0)
    for i, row in enumerate(rows, start=1):
        console.rule(f"row {i}", align="left", style="dim")
        for name, value in zip(names, row, strict=True):
            console.print(f"[bold]{escape(name.ljust(width))}[/] {escape(_cell(value))}", highlight=False)


def revision_chain(targets: Any, target_id: str) -> list[str]:
    """Ids from the first version of a target to its latest revision."""
    predecessor = {t.superseded_by: t.target_id for t in targets.values() if t.superseded_by}
    first = target_id
    while first in predecessor:
        first = predecessor[first]
    chain = [first]
    while targets[chain[-1]].superseded_by and len(chain) <= len(targets):
        chain.append(targets[chain[-1]].superseded_by)
    return chain


def print_targets(console: Console, registry: Any) -> None:
    """Every target with its revision chain (oldest first); fewer columns on a narrow terminal."""
    targets = registry.targets
    wide = console.width >= 140
    names = ("target_id", "announced", "metric", "product", "value", "unit", "region", "due", "revision chain")
    if not wide:
        names = ("target_id", "metric · region", "value", "due", "revised by")
    table = Table(title="Nissan target registry", show_header=True, header_style="bold")
    for name in names:
        table.add_column(name, overflow="fold")
    for target in sorted(targets.values(), key=lambda t: (t.metric, t.region, t.announced)):
        chain = revision_chain(targets, target.target_id)
        due = "" if target.horizon_year is None else f"{'FY' if target.fiscal_year else ''}{target.horizon_year}"
        if wide:
            table.add_row(
                target.target_id, target.announced.isoformat(), target.metric, target.product or "",
                _cell(target.value), target.unit or "", target.region, due, " → ".join(chain) if len(chain) > 1 else "",
            )
        else:
            value = f"{_cell(target.value)} {target.unit or ''}".strip()
            table.add_row(target.target_id, f"{target.metric} · {target.region}", value, due, target.superseded_by or "")
    console.print(table)
    revised = sum(1 for t in targets.values() if t.superseded_by)
    console.print(f"[dim]{len(targets)} targets, {revised} superseded by a later revision[/]")
