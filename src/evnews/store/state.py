"""Small facts a run leaves for the next one (table `pipeline_state`)."""

from __future__ import annotations

import datetime as dt

import duckdb

from evnews.store.db import query
from evnews.timeutil import utcnow


def get_state(con: duckdb.DuckDBPyConnection, key: str) -> tuple[str, dt.datetime] | None:
    row = con.execute(query("pipeline_state_get"), [key]).fetchone()
    return (row[0], row[1]) if row else None


def set_state(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute(query("pipeline_state_set"), [key, value, utcnow()])


def news_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever pages, articles, groups, claims, verdicts or targets change."""
    return con.execute(query("pipeline_news_fingerprint")).fetchone()[0]
