"""Reading a corpus in the format of shared/eval/dev (gold/articles.jsonl)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evnews.errors import ConfigError
from evnews.evaluation.matching import MatchResult, ScoredClaim, match_claims


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold row: a page of the corpus and what it should yield."""

    path: str  # the page's path on the site, possibly with a query string
    title: str
    published: dt.date | None
    body_text: str
    group: str
    claims: tuple[dict[str, Any], ...]

    @property
    def canonical_path(self) -> str:
        return self.path.split("?", 1)[0]


def load_gold(corpus_dir: Path) -> list[GoldArticle]:
    """The gold rows of a corpus; a malformed file raises ConfigError naming the line."""
    path = Path(corpus_dir) / "gold" / "articles.jsonl"
    if not path.is_file():
        raise ConfigError(f"no gold file at {path}", hint="point --corpus at a folder with gold/articles.jsonl and site/")
    rows: list[GoldArticle] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            rows.append(
                GoldArticle(
                    path=row["path"],
                    title=row.get("title", ""),
                    published=published,
                    body_text=row.get("body_text", ""),
                    group=row.get("group", row["path"]),
                    claims=tuple(row.get("claims") or ()),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ConfigError(f"{path}:{number}: bad gold row ({exc})", hint="fix or remove that line") from exc
    return rows


def gold_claims(articles: Sequence[GoldArticle]) -> list[ScoredClaim]:
    """Gold claims keyed by the canonical path of their article."""
    return [
        ScoredClaim.from_mapping(str(c.get("article_url") or a.canonical_path), c) for a in articles for c in a.claims
    ]


def score_extractor_on_gold_text(articles: Sequence[GoldArticle]) -> MatchResult:
    """The dev loop: run the claim extractor on each gold body text and match against gold.

    Only the first page of each duplicate group carries gold claims, so only
    those pages are read (as the pipeline stores claims once per group).
    """
    from evnews.claims import extract_claims

    predicted: list[ScoredClaim] = []
    for article in articles:
        if not article.claims:
            continue
        for claim in extract_claims(article.body_text, published=article.published, title=article.title):
            predicted.append(_scored(article.canonical_path, claim))
    return match_claims(gold_claims(articles), predicted)


def _scored(article: str, claim: Any) -> ScoredClaim:
    return ScoredClaim(
        article=article,
        company=claim.company,
        metric=claim.metric,
        kind=claim.kind,
        value=claim.value,
        horizon_year=claim.horizon_year,
        region=claim.region,
        qualifier=claim.qualifier,
        fiscal_year=claim.fiscal_year,
        evidence=claim.evidence,
    )
