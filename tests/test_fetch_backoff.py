"""Backoff across runs (next_attempt_at) and within a run (RetryPolicy, Retry-After)."""

from __future__ import annotations

import datetime as dt

import pytest

from evnews.fetch import RetryPolicy, next_attempt_at
from evnews.fetch.backoff import parse_retry_after

NOW = dt.datetime(2026, 1, 1, 12, 0)


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(0, dt.timedelta(0)), (1, dt.timedelta(minutes=15)), (2, dt.timedelta(minutes=30)),
     (4, dt.timedelta(hours=2)), (7, dt.timedelta(hours=16)), (8, dt.timedelta(hours=24)),
     (10_000, dt.timedelta(hours=24))],
)  # fmt: skip
def test_next_attempt_doubles_from_15_minutes_up_to_a_day(failures: int, wait: dt.timedelta) -> None:
    assert next_attempt_at(failures, NOW) - NOW == wait


def test_retry_policy_prefers_retry_after_and_gives_up_on_long_waits() -> None:
    policy = RetryPolicy(base_s=0.5, max_wait_s=10)
    assert [policy.wait_s(i, None) for i in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 10]
    assert policy.wait_s(0, 3.0) == 3.0
    assert policy.wait_s(0, 3600.0) is None


def test_retry_after_forms() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:01:30 GMT", now) == 90.0
    assert parse_retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None and parse_retry_after("-5") is None
