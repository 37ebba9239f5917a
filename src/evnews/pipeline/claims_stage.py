"""Extracting claims from the first page of every duplicate group.

Claims are extracted once per group, on the page that carries it (earliest
published, then first seen: view `dup_group_first`). The stage picks up every
group whose claims are missing, stale (another extractor version) or stored
on a page that no longer carries the group, so a run killed half-way is
completed by the next one.
"""

from __future__ import annotations

from typing import Any

from evnews.claims import EXTRACTOR_VERSION, extract_claims
from evnews.models import Claim
from evnews.pipeline.context import RunContext
from evnews.pipeline.loading import content_id, load_rows
from evnews.store.db import open_warehouse, query, transaction
from evnews.timeutil import utcnow


def is_english(language: str | None) -> bool:
    """Claim rules are written for English; unknown language is given the benefit of the doubt."""
    return not language or language.lower().startswith("en")


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


def claims_stage(ctx: RunContext) -> None:
    with open_warehouse(ctx.db_path) as con:
        cur = con.execute(query("claims_pending"), [EXTRACTOR_VERSION])
        names = [d[0] for d in cur.description]
        pending = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    if not pending:
        return
    now = utcnow()
    claim_rows: dict[str, dict[str, Any]] = {}
    done_rows = []
    for page in pending:
        claims: list[Claim] = []
        if is_english(page["language"]):
            claims = extract_claims(page["body_text"] or "", published=page["published"], title=page["title"])
        else:
            ctx.counts["articles_not_english"] += 1
        for claim in claims:
            row = claim_row(claim, page, now)
            claim_rows.setdefault(row["claim_id"], row)
        done_rows.append({"url": page["url"], "extractor_version": EXTRACTOR_VERSION, "claims": len(claims), "extracted_at": now})
    groups = sorted({p["dup_group"] for p in pending})
    with open_warehouse(ctx.db_path) as con, transaction(con):
        con.execute(query("claims_delete_groups"), [groups])
        load_rows(con, "claims_insert", list(claim_rows.values()))
        load_rows(con, "claims_mark_done", done_rows)
    ctx.counts["claims"] += len(claim_rows)
    ctx.counts["claim_groups_processed"] += len(pending)
