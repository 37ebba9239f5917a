"""One exception tree for evnews.

    EvnewsError
    ├── ItemError                 one feed or page failed; recorded, the run goes on
    │   ├── RetryableError        transient: timeout, connection reset, 429, 5xx
    │   └── PermanentError        will fail again: 404/410/403, robots.txt, unsafe URL,
    │                             not HTML, too large, unparseable
    ├── SystemicError             the whole run cannot go on; it stops with a message
    │   ├── WarehouseLockedError  another process holds the DuckDB file
    │   └── NoNetworkError        not a single host could be reached
    └── ConfigError               a sources/targets file is wrong (names file and row), or
                                  the warehouse path is no warehouse or cannot be made

Every error carries `hint`: what the operator can do about it. Errors from
libraries (httpx, duckdb, feedparser) are translated into this tree at the
boundary where they are caught, so callers never see a library's exception.
"""

from __future__ import annotations


class EvnewsError(Exception):
    """Base of every error evnews raises on purpose."""

    retryable: bool = False

    def __init__(self, message: str, *, hint: str = "", url: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.url = url

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class ItemError(EvnewsError):
    """A single feed or page failed; the run records it and goes on."""


class RetryableError(ItemError):
    """A transient fault: worth trying again later (with backoff)."""

    retryable = True

    def __init__(
        self,
        message: str,
        *,
        hint: str = "",
        url: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, hint=hint, url=url)
        self.retry_after = retry_after


class PermanentError(ItemError):
    """A fault that trying again will not fix within this run."""


class SystemicError(EvnewsError):
    """The run as a whole cannot continue."""


class WarehouseLockedError(SystemicError):
    """Another process holds the DuckDB warehouse file."""


class NoNetworkError(SystemicError):
    """No host could be reached at all."""


class ConfigError(EvnewsError):
    """A configuration or registry file is invalid."""


def error_kind(error: BaseException) -> str:
    """`retryable` or `permanent`, as stored in the `errors` table."""
    return "retryable" if getattr(error, "retryable", False) else "permanent"
