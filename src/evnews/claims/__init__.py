"""Claim extraction: numbers about carmakers' EV plans and results.

`extract_claims(text, published=..., title=...)` reads an article's body text
and returns the claims of shared/spec/claims.md. Pure and fast: regular
expressions and word tables only, no model or network.
"""

from __future__ import annotations

import datetime as dt

from evnews.claims.extractor import extract_claims_from
from evnews.models import Claim

# Bump when a rule changes what is extracted: stored claims carry the version.
EXTRACTOR_VERSION = "claims-rules-20"


def extract_claims(text: str, *, published: dt.date | None, title: str | None = None) -> list[Claim]:
    """Every claim of an article body; `published` anchors relative dates ("next year")."""
    if isinstance(published, dt.datetime):
        published = published.date()
    return extract_claims_from(text, published, title)


__all__ = ["EXTRACTOR_VERSION", "extract_claims"]
