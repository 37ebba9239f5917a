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
    text = format_deadline(row["horizon_year"], row["fiscal_year"])
    if not row["deadline_passed"]:
        return Text(text)
    outcome = {True: ("met", "green"), False: ("missed", "red")}.get(row["deadline_met"], ("no figure", "dim"))
    return Text.assemble(text, " ", (f"passed, {outcome[0]}", outcome[1]))


def status_table(data: ReportData) -> Table:
    table = Table(title="Nissan targets in force", title_justify="left", expand=True)
    for name, justify in (("target", "left"), ("value", "right"), ("deadline", "left"), ("sources", "right"),
                          ("stale", "right"), ("conflicts", "right"), ("latest actual", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in data.active:
        conflicts = row["conflicting_sources"]
        table.add_row(
            Text.assemble((headline(row), "bold"), f"\n{row['company']} · {row['plan']} ({row['announced']})"),
            target_amount(row),
            _deadline_cell(row),
            str(row["independent_sources"]),
            str(row["stale_repeats"]),
            Text(str(conflicts), style="bold red" if conflicts else ""),
            plain(_progress_cell(row)),
        )
    return table


def claims_table(data: ReportData) -> Table:
    table = Table(title="Latest claims", title_justify="left", expand=True)
    for name in ("date", "outlet", "claim", "kind", "verdict", "target"):
        table.add_column(name)
    for row in data.latest_claims:
        table.add_row(
            str(row["published"] or "undated"),
            plain(row["outlet"]),
            plain(
                f"{headline(row)}: {format_value(row['value'], row['unit'])} "
                f"{format_deadline(row['horizon_year'], False) if row['horizon_year'] else ''}"
            ),
            row["kind"],
            verdict_text(row["verdict"]),
            plain(row["target_id"]),
        )
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
    console.print(status_table(data))
    if data.conflicts:
        console.print(conflicts_table(data))
    if data.latest_claims:
        console.print(claims_table(data))
