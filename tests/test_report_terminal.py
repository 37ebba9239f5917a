"""`evnews report` in the terminal: status table, conflicts and latest claims, markup-safe."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from test_compare_fixtures import add_article

from evnews.compare import load_registry, run_compare
from evnews.report import render_terminal
from evnews.report.data import format_value
from evnews.store.db import connect

REPO = Path(__file__).resolve().parents[1]


def test_terminal_report_shows_status_conflicts_and_claims(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    add_article(con, "https://x.example/a", group="g1", published="2023-03-02", outlet="[bold]Outlet[/bold]",
                claims=[{"company": "Nissan", "metric": "ev_model_launches", "value": 20, "unit": "models",
                         "horizon_year": 2030, "evidence": "Twenty EVs [red]by[/red] 2030."}])
    run_compare(con, load_registry(REPO / "warehouse"))
    console = Console(width=200, record=True, color_system=None)
    render_terminal(con, console)
    text = console.export_text()
    con.close()
    assert "Claims judged: conflicting 1" in text
    assert "Nissan targets in force" in text and "19 models" in text
    assert "Conflicting and outdated figures" in text
    assert "Twenty EVs [red]by[/red] 2030." in text  # article text is never console markup
    assert "[bold]Outlet[/bold]" in text
    assert "Latest claims" in text


def test_terminal_report_on_empty_warehouse(tmp_path: Path) -> None:
    con = connect(tmp_path / "empty.duckdb")
    console = Console(width=120, record=True, color_system=None)
    render_terminal(con, console)
    con.close()
    assert "Claims judged: not judged 0" in console.export_text()


def test_value_wording() -> None:
    assert format_value(2e12, "JPY") == "¥2 trillion"
    assert format_value(1_000_000, "vehicles") == "1 million vehicles"
    assert format_value(50, "percent") == "50%"
    assert format_value(75, "USD/kWh") == "$75/kWh"
    assert format_value(1, "models") == "1 model"
    assert format_value(17.6e9, "USD") == "$17.6 billion"
    assert format_value(None, "models") == "—"
    assert format_value(1650, "jobs") == "1,650 jobs"


def test_a_narrow_terminal_gets_whole_tables(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    add_article(con, "https://x.example/a", group="g1", published="2023-03-02", outlet="Outlet",
                claims=[{"company": "Nissan", "metric": "ev_model_launches", "value": 20, "unit": "models",
                         "horizon_year": 2030, "evidence": "Twenty EVs by 2030."},
                        {"company": "Nissan", "metric": "investment", "value": 2e12, "unit": "JPY",
                         "horizon_year": 2026, "evidence": "Two trillion yen over five years."}])
    run_compare(con, load_registry(REPO / "warehouse"))
    console = Console(width=80, record=True, color_system=None)
    render_terminal(con, console)
    con.close()
    table_lines = [line for line in console.export_text().splitlines() if line.startswith("│")]
    assert table_lines
    # Every row ends with its closing border: nothing was cropped at 80 columns.
    assert all(line.rstrip().endswith("│") and len(line) <= 80 for line in table_lines)
