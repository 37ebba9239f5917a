"""Checking feeds: conditional GET, feed health, backoff for failing feeds.

Network work happens with no warehouse connection open; the results are
written in one short transaction, so the write lock is held only briefly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evnews.fetch import FeedResult, Fetcher, next_attempt_at
from evnews.models import FeedEntry, FeedSource
from evnews.pipeline.context import RunContext
from evnews.pipeline.loading import load_rows
from evnews.store.db import open_warehouse, query, transaction
from evnews.timeutil import to_utc_naive, utcnow


@dataclass(frozen=True, slots=True)
class FeedCheck:
    """A feed's stored state before the run and what checking it gave."""

    source: FeedSource
    previous: dict[str, Any]
    result: FeedResult | None  # None: skipped, the feed is backing off


def read_feed_state(ctx: RunContext, feeds: Sequence[FeedSource]) -> tuple[dict[str, dict], set[tuple[str, str]]]:
    urls = [f.url for f in feeds]
    with open_warehouse(ctx.db_path) as con:
        cur = con.execute(query("pipeline_feed_state"), [urls])
        names = [d[0] for d in cur.description]
        state = {row[0]: dict(zip(names, row, strict=True)) for row in cur.fetchall()}
        known = {(f, link) for f, link in con.execute(query("pipeline_known_entries"), [urls]).fetchall()}
    return state, known


def check_feeds(ctx: RunContext, fetcher: Fetcher, feeds: Sequence[FeedSource], state: dict[str, dict]) -> list[FeedCheck]:
    """Fetch every feed that is not backing off; never raises for one feed's fault."""
    now = utcnow()
    checks = []
    for source in feeds:
        previous = state.get(source.url, {})
        due = previous.get("next_fetch_at")
        if previous.get("consecutive_failures") and due and due > now:
            ctx.counts["feeds_backing_off"] += 1
            ctx.record_error(
                "feed",
                f"feed {source.url} has failed {previous['consecutive_failures']} times in a row; "
                f"not checked again before {due:%Y-%m-%d %H:%M} UTC",
                url=source.url,
                kind="warning",
                hint="check the feed URL in a browser; remove or fix the source if it stays broken",
            )
            checks.append(FeedCheck(source, previous, None))
            continue
        result = fetcher.fetch_feed(
            source.url,
            etag=previous.get("etag"),
            last_modified=previous.get("last_modified"),
            body_hash=previous.get("body_hash"),  # catches servers that ignore validators
        )
        ctx.counts["feeds_checked"] += 1
        checks.append(FeedCheck(source, previous, result))
    return checks


def feed_state_row(check: FeedCheck, new_entries: int, now: dt.datetime) -> dict[str, Any]:
    """The feed_state row after a check (a skipped feed keeps its row)."""
    prev, res = check.previous, check.result
    row = {
        "feed_url": check.source.url,
        "etag": prev.get("etag"),
        "last_modified": prev.get("last_modified"),
        "body_hash": prev.get("body_hash"),
        "last_checked_at": now,
        "last_status": None,
        "last_success_at": prev.get("last_success_at"),
        "last_error": prev.get("last_error"),
        "last_error_at": prev.get("last_error_at"),
        "consecutive_failures": prev.get("consecutive_failures") or 0,
        "entries_seen": prev.get("entries_seen") or 0,
        "new_entries": 0,
        "next_fetch_at": None,
    }
    assert res is not None
    row["last_status"] = res.status
    if res.error:
        failures = row["consecutive_failures"] + 1
        row.update(
            consecutive_failures=failures,
            last_error=res.error,
            last_error_at=now,
            next_fetch_at=next_attempt_at(failures, now),
        )
        return row
    row.update(consecutive_failures=0, last_success_at=now, new_entries=new_entries)
    if not res.not_modified:
        row.update(
            etag=res.etag, last_modified=res.last_modified, body_hash=res.body_hash, entries_seen=len(res.entries)
        )
    return row


def entry_row(entry: FeedEntry, canonical: str, now: dt.datetime) -> dict[str, Any]:
    return {
        "feed_url": entry.feed_url,
        "link": entry.link,
        "canonical_url": canonical,
        "title": entry.title,
        "published": to_utc_naive(entry.published) if entry.published else None,
        "summary": entry.summary[:2000],
        "entry_id": entry.entry_id,
        "first_seen_at": now,
    }


def store_feed_checks(
    ctx: RunContext,
    checks: Sequence[FeedCheck],
    known_entries: set[tuple[str, str]],
    canonical: dict[str, str],
) -> list[FeedEntry]:
    """Write sources, feed_state and new entries in one transaction; returns all entries."""
    now = utcnow()
    sources, states, entries_out, entry_rows = [], [], [], []
    for check in checks:
        sources.append(
            {"feed_url": check.source.url, "name": check.source.name, "outlet": check.source.outlet, "first_seen_at": now}
        )
        if check.result is None:
            continue
        res = check.result
        if res.error:
            ctx.counts["feeds_failed"] += 1
            ctx.record_error("feed", res.error, url=res.url, kind=res.error_kind or "permanent", error_type=res.error_type)
        elif res.not_modified:
            ctx.counts["feeds_not_modified"] += 1
        if res.warning:
            ctx.record_error("feed", res.warning, url=res.url, kind="warning")
        new = [e for e in res.entries if (e.feed_url, e.link) not in known_entries]
        ctx.counts["feed_entries_new"] += len(new)
        entry_rows.extend(entry_row(e, canonical[e.link], now) for e in new)
        entries_out.extend(res.entries)
        states.append(feed_state_row(check, len(new), now))
    with open_warehouse(ctx.db_path) as con, transaction(con):
        load_rows(con, "pipeline_upsert_sources", sources)
        load_rows(con, "pipeline_upsert_feed_state", states)
        load_rows(con, "pipeline_insert_feed_entries", entry_rows)
        load_rows(con, "pipeline_insert_errors", ctx.take_errors())
    return entries_out


def pending_entries(ctx: RunContext, feeds: Sequence[FeedSource]) -> list[FeedEntry]:
    """Stored entries whose page still has to be fetched (see the query's comment)."""
    params = [ctx.settings.max_page_attempts, utcnow(), [f.url for f in feeds]]
    with open_warehouse(ctx.db_path) as con:
        rows = con.execute(query("pipeline_pending_entries"), params).fetchall()
    return [
        FeedEntry(feed_url=f, link=link, title=t or "", published=p, summary=s or "", entry_id=i or "")
        for f, link, t, p, s, i in rows
    ]
