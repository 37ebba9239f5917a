"""What one run carries from stage to stage: where to write, counts, errors."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evnews.config import FetchSettings
from evnews.errors import EvnewsError, error_kind
from evnews.pipeline.loading import content_id
from evnews.timeutil import utcnow


@dataclass
class RunContext:
    """Mutable bookkeeping of one run; the records it moves are frozen."""

    db_path: Path
    run_id: str
    settings: FetchSettings = field(default_factory=FetchSettings)
    counts: Counter[str] = field(default_factory=Counter)
    durations: dict[str, float] = field(default_factory=dict)
    pending_errors: list[dict[str, Any]] = field(default_factory=list)
    error_total: int = 0

    def record_error(
        self,
        stage: str,
        message: str,
        *,
        url: str | None = None,
        kind: str = "permanent",
        hint: str = "",
        error_type: str | None = None,
    ) -> None:
        """Queue an error row; it is written with the stage's next load."""
        if kind != "warning":
            self.error_total += 1
        self.pending_errors.append(
            {
                "error_id": content_id(self.run_id, stage, url, message),
                "run_id": self.run_id,
                "stage": stage,
                "url": url,
                "error_kind": kind,
                "error_type": error_type,
                "message": message,
                "hint": hint,
                "occurred_at": utcnow(),
            }
        )

    def record_exception(self, stage: str, exc: EvnewsError, *, url: str | None = None) -> None:
        self.record_error(
            stage,
            exc.message,
            url=url or exc.url,
            kind=error_kind(exc),
            hint=exc.hint,
            error_type=type(exc).__name__,
        )

    def take_errors(self) -> list[dict[str, Any]]:
        rows, self.pending_errors = self.pending_errors, []
        return rows

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.durations[stage] = self.durations.get(stage, 0.0) + time.perf_counter() - start
