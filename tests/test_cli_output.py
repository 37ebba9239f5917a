"""How `evnews sql` and `evnews targets` print: readable tables, machine-clean CSV."""

from __future__ import annotations

import duckdb
from cli_run import run_cli
from rich.console import Console

from evnews.cli_output import print_query_result, print_targets, revision_chain
from evnews.compare import load_registry
from evnews.config import warehouse_dir
from evnews.store.db import connect


def query(sql: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect().execute(sql)


def test_a_table_shows_whole_amounts_in_full():
    console = Console(width=100, record=True, color_system=None)
    print_query_result(console, query("SELECT 1e6::DOUBLE AS vehicles, 2.5::DOUBLE AS share"))
    text = console.export_text()
    assert "1,000,000" in text and "2.5" in text and "1e+06" not in text


def test_csv_has_no_thousands_separators(capsys):
    print_query_result(Console(), query("SELECT 1e6::DOUBLE AS v, DATE '2024-01-02' AS d, NULL AS n"), fmt="csv")
    assert capsys.readouterr().out.splitlines() == ["v,d,n", "1000000.0,2024-01-02,"]


def test_a_wide_result_turns_into_one_block_per_row():
    console = Console(width=80, record=True, color_system=None)
    columns = ", ".join(f"{i} AS column_{i}" for i in range(12))
    print_query_result(console, query("SELECT " + columns))
    text = console.export_text()
    assert "row 1" in text and "column_11" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_targets_list_revision_chains_and_fit_a_narrow_terminal():
    registry = load_registry(warehouse_dir())
    revised = next(t for t in registry.targets.values() if t.superseded_by)
    chain = revision_chain(registry.targets, revised.target_id)
    assert chain.index(revised.target_id) < chain.index(revised.superseded_by)
    console = Console(width=80, record=True, color_system=None)
    print_targets(console, registry)
    lines = console.export_text().splitlines()
    assert any(revised.superseded_by[:12] in line for line in lines)
    assert all(len(line) <= 80 for line in lines)


def test_brackets_in_stored_text_are_printed_as_they_are():
    # An error hint "(allow_private_hosts in [fetch])" or a headline "[Video] ..." is data, not markup.
    sql = "SELECT '[Video] Nissan Leaf' AS \"[title]\", 'set it in [fetch]' AS hint, '[bold]x[/]' AS odd"
    for fmt in ("table", "vertical"):
        console = Console(width=120, record=True, color_system=None)
        print_query_result(console, query(sql), fmt=fmt)
        text = console.export_text()
        assert "[Video] Nissan Leaf" in text and "in [fetch]" in text and "[bold]x[/]" in text and "[title]" in text


def test_a_blank_statement_is_a_clear_error(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    done = run_cli("sql", "  ", "--db", str(db))
    assert done.returncode == 2 and "no SQL statement given" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_report_path_that_cannot_be_written_is_a_clear_error(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    (tmp_path / "plain-file").write_text("x")
    done = run_cli("report", "--db", str(db), "--html", str(tmp_path / "plain-file" / "r.html"))
    assert done.returncode == 2 and "cannot write the report" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "plain-file").read_text() == "x"
