"""How long to wait before asking again: within a run (seconds) and across runs (minutes to a day)."""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass

# Across runs: a feed or page that keeps failing is asked again after
# 15 min, 30 min, 1 h, ... and at most once a day.
FIRST_RETRY = dt.timedelta(minutes=15)
LONGEST_RETRY = dt.timedelta(hours=24)


def next_attempt_at(failures: int, now: dt.datetime) -> dt.datetime:
    """When to try again after `failures` consecutive failures (15 min × 2^(n-1), capped at 24 h).

    `failures <= 0` means nothing failed: try at `now`.
    """
    if failures <= 0:
        return now
    # 2^7 × 15 min already exceeds a day; clamp the exponent so huge counts cannot overflow.
    delay = FIRST_RETRY * (2 ** min(failures - 1, 8))
    return now + min(delay, LONGEST_RETRY)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Waits between attempts within one run.

    `base_s × 2^attempt` unless the server said `Retry-After`; a server that asks
    for longer than `max_wait_s` is not waited for in this run (the error is
    recorded as retryable and the next run asks again).
    """

    base_s: float = 1.0
    max_wait_s: float = 30.0

    def wait_s(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds to sleep before attempt `attempt + 1`, or None to give up for this run."""
        if retry_after is not None:
            return retry_after if retry_after <= self.max_wait_s else None
        return min(self.base_s * (2**attempt), self.max_wait_s)


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or garbled."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())
