"""Extracting claims from the first page of every duplicate group.

Claims are extracted once per group, on the page that carries it (earliest
published, then first seen: view `dup_group_first`). The stage picks up every
group whose claims are missing, stale (another extractor version) or stored
on a page that no longer carries the group, so a run killed half-way is
completed by the next one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb

from evnews.claims import EXTRACTOR_VERSION, extract_claims
from evnews.models import Claim
from evnews.pipeline.context import RunContext
from evnews.pipeline.loading import content_id, load_rows
from evnews.pipeline.extract_pool import claims_for_pages
from evnews.language import is_english
from evnews.store.db import connect, open_warehouse, query, transaction
from evnews.timeutil import utcnow


def claim_row(claim: Claim, page: dict[str, Any], now: Any) -> dict[str, Any]:
    claim_id = content_id(
        page["canonical_url"], claim.company, claim.product, claim.metric, claim.kind, claim.value,
        claim.unit, claim.qualifier, claim.region, claim.horizon_year, claim.fiscal_year, claim.evidence,
    )
    return {
        "claim_id": claim_id,
        "page_url": page["url"],
        "article_url": page["canonical_url"],
        "dup_group": page["dup_group"],
        "company": claim.company,
        "product": claim.product,
        "metric": claim.metric,
        "value": claim.value,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "region": claim.region,
        "horizon_year": claim.horizon_year,
        "fiscal_year": claim.fiscal_year,
        "kind": claim.kind,
        "evidence": claim.evidence,
        "sentence_index": claim.sentence_index,
        "extractor_version": EXTRACTOR_VERSION,
        "extracted_at": now,
    }


def pending_groups(
    ctx: RunContext, con: duckdb.DuckDBPyConnection | None = None, urls: list[str] | None = None
) -> list[dict[str, Any]]:
    """First pages of groups whose claims are missing or stale, among `urls` when given."""
    own = con is None
    con = con or connect(ctx.db_path)
    try:
        if urls is None:
            cur = con.execute(query("claims_pending"), [EXTRACTOR_VERSION])
        else:
            cur = con.execute(query("claims_pending_for"), [EXTRACTOR_VERSION, urls])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        if own:
            con.close()


def claims_of_pages(ctx: RunContext, pending: list[dict[str, Any]]) -> list[tuple[Claim, ...]]:
    """Claims of each pending page: on the worker pool when there are many (a new extractor version)."""
    found = claims_for_pages([{**p, "body_text": p["body_text"] if is_english(p["language"]) else ""} for p in pending])
    out = []
    for page, claims in zip(pending, found, strict=True):
        if not is_english(page["language"]):
            ctx.counts["articles_not_english"] += 1
            out.append(())
        elif claims is None:  # a worker failed on it: run it here, where an error is seen and recorded
            out.append(_extract_recording_errors(ctx, page))
        else:
            out.append(claims)
    return out


def _extract_recording_errors(ctx: RunContext, page: dict[str, Any]) -> tuple[Claim, ...]:
    try:
        return tuple(extract_claims(page["body_text"] or "", published=page["published"], title=page["title"]))
    except Exception as exc:  # noqa: BLE001 - one odd article must not stop the run
        ctx.record_error(
            "claims", f"claim extraction failed on {page['url']}: {type(exc).__name__}: {exc}", url=page["url"],
            hint="the article is stored without claims; report the page so the rules can be fixed",
            error_type=type(exc).__name__,
        )
        return ()


def store_claims(ctx: RunContext, con: duckdb.DuckDBPyConnection, pages: list[dict[str, Any]],
                 claims: list[tuple[Claim, ...]]) -> None:  # fmt: skip
    """Replace the claims of the pages' groups in one transaction, and mark the pages done."""
    now = utcnow()
    rows: dict[str, dict[str, Any]] = {}
    for page, found in zip(pages, claims, strict=True):
        for claim in found:
            row = claim_row(claim, page, now)
            rows.setdefault(row["claim_id"], row)
    done = [{"url": p["url"], "extractor_version": EXTRACTOR_VERSION, "claims": len(c), "extracted_at": now}
            for p, c in zip(pages, claims, strict=True)]  # fmt: skip
    with transaction(con):
        con.execute(query("claims_delete_groups"), [sorted({p["dup_group"] for p in pages})])
        load_rows(con, "claims_insert", list(rows.values()))
        load_rows(con, "claims_mark_done", done)
        load_rows(con, "pipeline_insert_errors", ctx.take_errors())
    ctx.counts["claims"] += len(rows)
    ctx.counts["claim_groups_processed"] += len(pages)


def store_worker_claims(ctx: RunContext, claims_by_url: Mapping[str, tuple[Claim, ...]]) -> None:
    """Store claims the extraction workers already read, for the pages that carry their group."""
    if not claims_by_url:
        return
    with open_warehouse(ctx.db_path) as con:
        ready = pending_groups(ctx, con, list(claims_by_url))
        for page in ready:
            if not is_english(page["language"]):
                ctx.counts["articles_not_english"] += 1
        claims = [claims_by_url[p["url"]] if is_english(p["language"]) else () for p in ready]
        if ready:
            store_claims(ctx, con, ready, claims)


def claims_stage(ctx: RunContext) -> None:
    """Claims for every group still pending (the workers usually left none)."""
    pending = pending_groups(ctx)
    if not pending:
        return
    claims = claims_of_pages(ctx, pending)
    with open_warehouse(ctx.db_path) as con:
        store_claims(ctx, con, pending, claims)
