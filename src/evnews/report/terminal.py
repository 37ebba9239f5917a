"""`evnews report`: the target status and the latest claims as rich tables."""

from __future__ import annotations

import duckdb
from rich.console import Console
from rich.table import Table
from rich.text import Text

from evnews.report.data import (
    ReportData,
    format_deadline,
    format_value,
    headline,
    load_report,
    target_amount,
)

VERDICT_STYLES: dict[str, str] = {
    "consistent": "green",
    "superseded": "yellow",
    "conflicting": "bold red",
    "unknown": "dim",
    "progress": "cyan",
    "unrelated": "dim",
}


def plain(value: object) -> Text:
    """Article-derived text as literal Text: `[bold]` in a headline is not console markup."""
    return Text("" if value is None else str(value))


def verdict_text(verdict: str | None) -> Text:
    return Text(verdict or "not judged", style=VERDICT_STYLES.get(verdict or "", "dim"))


def _progress_cell(row: dict) -> str:
    if row["latest_actual_value"] is None:
        return ""
    amount = format_value(row["latest_actual_value"], row["unit"])
    share = f" ({row['progress']:.0%})" if row["progress"] is not None else ""
    return f"{amount} in {row['latest_actual_year']}{share}"


def _deadline_cell(row: dict) -> Text:
    text = format_deadline(row["horizon_year"], row["fiscal_year"]).removeprefix("by ")
    if not row["deadline_passed"]:
        return Text(text)
    outcome = {True: ("met", "green"), False: ("missed", "red")}.get(row["deadline_met"], ("no figure", "dim"))
    return Text.assemble(text, " ", (f"passed, {outcome[0]}", outcome[1]))


# Below this width the tables drop secondary columns instead of folding every cell.
COMPACT_WIDTH = 120


def status_table(data: ReportData, compact: bool = False) -> Table:
    """Targets in force; a narrow terminal gets fewer, combined columns."""
    table = Table(title="Nissan targets in force", title_justify="left", expand=True)
    if compact:
        for name in ("target", "promise", "sources / conflicts", "latest actual"):
            table.add_column(name, overflow="fold", justify="right" if name.startswith("sources") else "left")
    else:
        for name in ("target", "value", "deadline", "sources", "stale", "conflicts", "latest actual"):
            right = name in ("value", "sources", "stale", "conflicts")
            table.add_column(name, justify="right" if right else "left")
    for row in data.active:
        conflicts = Text(str(row["conflicting_sources"]), style="bold red" if row["conflicting_sources"] else "")
        if compact:
            table.add_row(
                Text(headline(row), style="bold"),
                Text.assemble(target_amount(row), " by ", _deadline_cell(row)),
                Text.assemble(str(row["independent_sources"]), " / ", conflicts),
                plain(_progress_cell(row)),
            )
            continue
        table.add_row(
            Text.assemble((headline(row), "bold"), f"\n{row['company']} · {row['plan']} ({row['announced']})"),
            target_amount(row),
            _deadline_cell(row),
            str(row["independent_sources"]),
            str(row["stale_repeats"]),
            conflicts,
            plain(_progress_cell(row)),
        )
    return table


def claims_table(data: ReportData, compact: bool = False) -> Table:
    table = Table(title="Latest claims", title_justify="left", expand=True)
    names = ("date", "claim", "kind", "verdict") if compact else ("date", "outlet", "claim", "kind", "verdict", "target")
    for name in names:
        table.add_column(name, min_width=24 if name == "claim" else None)
    for row in data.latest_claims:
        when = ""
        if row["horizon_year"]:
            when = f"in {row['horizon_year']}" if row["kind"] == "actual" else format_deadline(row["horizon_year"], False)
        claim = plain(f"{headline(row)}: {format_value(row['value'], row['unit'])} {when}")
        cells = {
            "date": str(row["published"] or "undated"),
            "outlet": plain(row["outlet"]),
            "claim": claim,
            "kind": row["kind"],
            "verdict": verdict_text(row["verdict"]),
            "target": plain(row["target_id"]),
        }
        table.add_row(*(cells[n] for n in names))
    return table


def conflicts_table(data: ReportData) -> Table:
    table = Table(title="Conflicting and outdated figures", title_justify="left", expand=True)
    for name in ("date", "outlet", "verdict", "says", "target then", "in force", "evidence"):
        table.add_column(name)
    for row in data.conflicts:
        table.add_row(
            str(row["published"] or "undated"),
            plain(row["outlet"]),
            verdict_text(row["verdict"]),
            format_value(row["claimed_value"], row["unit"]),
            format_value(row["missed_target_value"], row["unit"]),
            format_value(row["in_force_value"], row["unit"]),
            plain(row["evidence"]),
        )
    return table


def render_terminal(con: duckdb.DuckDBPyConnection, console: Console) -> None:
    """Print the status of every target in force, conflicts, and the latest claims."""
    data = load_report(con)
    summary = Text("Claims judged: ")
    for row in data.verdict_counts or [{"verdict": None, "claims": 0}]:
        summary.append_text(verdict_text(row["verdict"]))
        summary.append(f" {row['claims']}   ")
    console.print(summary)
    compact = console.width < COMPACT_WIDTH
    console.print(status_table(data, compact))
    if data.conflicts:
        console.print(conflicts_table(data))
    if data.latest_claims:
        console.print(claims_table(data, compact))
