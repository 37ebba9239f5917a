"""The compare stage's I/O: registry into DuckDB, verdicts recomputed, status published."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from evnews.compare.registry import Actual, TargetRegistry
from evnews.compare.rules import judge, related_target
from evnews.models import VERDICTS, Claim, ClaimCheck
from evnews.store.db import query, transaction
from evnews.timeutil import utcnow

STATUS_ARTIFACT_KEY = "evnews-target-status"

_TARGET_SCHEMA = pa.schema(
    [
        ("target_id", pa.string()), ("company", pa.string()), ("plan", pa.string()),
        ("announced", pa.date32()), ("metric", pa.string()), ("product", pa.string()),
        ("value", pa.float64()), ("unit", pa.string()), ("qualifier", pa.string()),
        ("region", pa.string()), ("horizon_year", pa.int32()), ("fiscal_year", pa.bool_()),
        ("superseded_by", pa.string()), ("source_url", pa.string()), ("origin", pa.string()),
    ]
)
_ACTUAL_SCHEMA = pa.schema(
    [
        ("actual_id", pa.string()), ("company", pa.string()), ("reported", pa.date32()),
        ("metric", pa.string()), ("product", pa.string()), ("value", pa.float64()),
        ("unit", pa.string()), ("qualifier", pa.string()), ("region", pa.string()),
        ("horizon_year", pa.int32()), ("fiscal_year", pa.bool_()), ("source_url", pa.string()),
        ("origin", pa.string()), ("target_id", pa.string()), ("progress", pa.float64()),
    ]
)
_VERDICT_SCHEMA = pa.schema(
    [
        ("claim_id", pa.string()), ("verdict", pa.string()), ("target_id", pa.string()),
        ("progress", pa.float64()), ("reason", pa.string()),
        ("related_target_id", pa.string()), ("related_note", pa.string()),
    ]
)
_CLAIM_FIELDS = ("company", "product", "metric", "value", "unit", "qualifier", "region",
                 "horizon_year", "fiscal_year", "kind")


def _arrow(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=schema)


def _actual_as_claim(actual: Actual) -> Claim:
    return Claim(
        company=actual.company, metric=actual.metric, kind="actual", evidence=actual.actual_id,
        value=actual.value, unit=actual.unit, qualifier=actual.qualifier, region=actual.region,
        horizon_year=actual.horizon_year, fiscal_year=actual.fiscal_year, product=actual.product,
    )


def _actual_rows(registry: TargetRegistry) -> list[dict[str, Any]]:
    """Registry actuals, each linked to a target by the same progress rule as a claim."""
    rows = []
    for actual in registry.actuals.values():
        check = judge(_actual_as_claim(actual), actual.reported, registry)
        row = dataclasses.asdict(actual)
        row.update(target_id=check.target_id, progress=check.progress)
        rows.append(row)
    return rows


_CHUNK_ROWS = 10_000


def _stored_claims(con: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, Claim, dt.date | None]]:
    # Streamed in batches: a warehouse of 20k articles holds ~150k claims, and materialising the
    # whole result raised the run's peak by ~80 MB. A cursor of its own: the caller's connection
    # may still hold a result.
    with con.cursor() as reader:
        for batch in reader.sql(query("compare_claims")).to_arrow_reader(_CHUNK_ROWS):
            for row in batch.to_pylist():
                claim = Claim(evidence="", **{name: row[name] for name in _CLAIM_FIELDS})
                yield row["claim_id"], claim, row["published"]


def _verdict_table(con: duckdb.DuckDBPyConnection, registry: TargetRegistry) -> pa.Table:
    """Every stored claim's verdict, built column by column (a row dict per claim costs ~1 KB)."""
    columns: dict[str, list[Any]] = {name: [] for name in _VERDICT_SCHEMA.names}
    for claim_id, claim, day in _stored_claims(con):
        for name, value in _verdict_row(claim_id, claim, day, registry).items():
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=_VERDICT_SCHEMA)


def _verdict_row(claim_id: str, claim: Claim, published: dt.date | None, registry: TargetRegistry) -> dict[str, Any]:
    check: ClaimCheck = judge(claim, published, registry)
    related, note = related_target(claim, check, published, registry)
    return {
        "claim_id": claim_id, "verdict": check.verdict, "target_id": check.target_id,
        "progress": check.progress, "reason": check.reason,
        "related_target_id": related.target_id if related else None, "related_note": note or None,
    }


def _run_with(con: duckdb.DuckDBPyConnection, sql_name: str, tables: dict[str, pa.Table], **params: Any) -> None:
    """Run a named multi-statement query with arrow tables visible under their names."""
    for name, table in tables.items():
        con.register(name, table)
    try:
        for statement in _statements(query(sql_name)):
            con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
    finally:
        for name in tables:
            con.unregister(name)


def _statements(sql: str) -> list[str]:
    """Split a query file on `;` line ends (our SQL files hold no literal semicolons)."""
    parts = [part.strip() for part in sql.split(";\n")]
    return [p.rstrip(";") for p in parts if p and not all(line.startswith("--") for line in p.splitlines())]


def run_compare(con: duckdb.DuckDBPyConnection, registry: TargetRegistry) -> dict[str, int]:
    """Store the registry and recompute every claim's verdict, in one transaction.

    Deterministic: the same claims and registry give the same rows (unchanged
    verdicts keep their `checked_at`). Returns the number of claims per verdict.
    """
    targets = [dataclasses.asdict(t) for t in registry.targets.values()]
    verdicts = _verdict_table(con, registry)
    with transaction(con):
        _run_with(con, "compare_replace_targets", {"new_targets": _arrow(targets, _TARGET_SCHEMA)})
        _run_with(con, "compare_replace_actuals", {"new_actuals": _arrow(_actual_rows(registry), _ACTUAL_SCHEMA)})
        _run_with(con, "compare_sync_verdicts", {"new_verdicts": verdicts}, checked_at=utcnow())
    counts = Counter(verdicts.column("verdict").to_pylist())
    return {verdict: counts.get(verdict, 0) for verdict in VERDICTS}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def status_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The per-target status table (targets in force today first), as plain dicts."""
    cursor = con.execute(query("report_status"))
    names = [d[0] for d in cursor.description]
    return [{n: _jsonable(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def publish_status_artifact(con: duckdb.DuckDBPyConnection) -> None:
    """Publish the target status table as a Prefect table artifact (visible in the UI).

    Call it inside a flow or task run; Prefect keeps every version under one key.
    """
    from prefect.artifacts import create_table_artifact

    rows = [row for row in status_rows(con) if row["in_force"]]
    counts = con.execute(query("report_verdict_counts")).fetchall()
    summary = ", ".join(f"{n} {verdict}" for verdict, n in counts) or "no claims judged yet"
    create_table_artifact(
        key=STATUS_ARTIFACT_KEY,
        table=rows,
        description=f"# Nissan targets in force\n{len(rows)} targets; claims: {summary}.",
    )
