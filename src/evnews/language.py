"""Which articles the claim rules apply to."""

from __future__ import annotations


def is_english(language: str | None) -> bool:
    """Claim rules are written for English; an unknown language is given the benefit of the doubt."""
    return not language or language.lower().startswith("en")
