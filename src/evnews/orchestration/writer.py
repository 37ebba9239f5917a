"""The single-writer guard a run holds from start to finish.

Two layers, because runs come from two places:
- every run, Prefect or plain, holds the process-level run lock beside the
  warehouse file (`evnews.orchestration.lock`): that is the guarantee;
- when a Prefect server is configured, a run first takes the one slot of the
  global concurrency limit `evnews-warehouse-writer`, so queued runs show as
  waiting in the Prefect UI and runners on other machines queue too.

Holding the writer slot does not hold DuckDB's file lock: stages open the
warehouse only for short load transactions, so analysts and `evnews sql` can
read the live file between them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from evnews.errors import WarehouseLockedError
from evnews.orchestration.lock import (
    Acquired,
    LockHolder,
    default_wait_s,
    is_held_here,
    lock_path,
    read_holder,
    run_lock,
)
from evnews.store.db import open_warehouse, query, transaction

WRITER_LIMIT = "evnews-warehouse-writer"
# Prefect's minimum lease; the runner renews it while the run lives, and the
# server frees the slot of a killed run when it lapses.
LEASE_S = 60.0


def server_configured() -> bool:
    """True when Prefect talks to a real server (PREFECT_API_URL), not an ephemeral one."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url is not None


def ensure_writer_limit() -> None:
    """Create the global concurrency limit (one slot) if missing, or reset it to one."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.upsert_global_concurrency_limit_by_name(WRITER_LIMIT, 1)


@contextmanager
def prefect_writer_slot(db_path: Path, wait_s: float) -> Iterator[None]:
    """The one slot of the Prefect limit; WarehouseLockedError after `wait_s`."""
    from prefect.concurrency.sync import concurrency

    ensure_writer_limit()
    with ExitStack() as stack:
        try:
            stack.enter_context(
                concurrency(WRITER_LIMIT, occupy=1, timeout_seconds=wait_s, lease_duration=LEASE_S, strict=True)
            )
        except TimeoutError:
            raise _slot_timeout(db_path, wait_s) from None
        yield


def _slot_timeout(db_path: Path, wait_s: float) -> WarehouseLockedError:
    holder = read_holder(lock_path(db_path))
    who = holder.describe() if holder else "a run on another machine or one that is starting"
    return WarehouseLockedError(
        f"the Prefect writer slot '{WRITER_LIMIT}' stayed taken for {wait_s:.0f} s; holder: {who}",
        hint=(
            "wait for the running flow run to finish (see the Prefect UI, Concurrency page), or cancel it; "
            "a killed run frees the slot when its lease lapses (about a minute)"
        ),
    )


@contextmanager
def single_writer(
    db_path: Path | str,
    *,
    use_prefect_limit: bool | None = None,
    wait_s: float | None = None,
) -> Iterator[Acquired]:
    """Be the only run writing `db_path` for the block.

    Re-entrant within a process (a flow's subflows pass through). On first
    entry, runs that a dead process left marked `running` become `abandoned`.
    """
    db_path = Path(db_path)
    wait = default_wait_s() if wait_s is None else wait_s
    nested = is_held_here(db_path)
    with ExitStack() as stack:
        if not nested and (server_configured() if use_prefect_limit is None else use_prefect_limit):
            stack.enter_context(prefect_writer_slot(db_path, wait))
        acquired = stack.enter_context(run_lock(db_path, wait_s=wait))
        if acquired.outermost:
            abandon_dead_runs(db_path, acquired.dead_holder)
        yield acquired


def abandon_dead_runs(db_path: Path, dead: LockHolder | None) -> None:
    who = f" ({dead.describe()})" if dead else ""
    message = f"the process running it{who} stopped before it finished; the next run picked up what it had not stored"
    with open_warehouse(db_path) as con, transaction(con):
        con.execute(query("orchestration_abandon_runs"), [message])
