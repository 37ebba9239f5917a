"""Data model of the held-out corpus sources: one Story per page, claims by evidence cue.

Paragraph text marks sentence ends with " || " so that a claim's evidence is
the exact whole sentence; the marker is replaced by a space in the page and
in body_text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEP = " || "


@dataclass(frozen=True)
class Story:
    outlet: str  # key of the outlet template: kabuto, wheelhouse, torque, chargecurve
    path: str
    title: str
    published: str  # ISO timestamp with the outlet's own UTC offset
    author: str
    group: str
    feed: str
    summary: str
    blocks: tuple[tuple[str, str], ...]  # (kind, text); kinds: p h li q qq sig lead
    claims: tuple[dict[str, Any], ...] = ()
    notes: str = ""
    also_listed: tuple[tuple[str, str], ...] = ()  # (feed, query string) extra listings of this page
    extra: dict[str, Any] = field(default_factory=dict)


def C(metric: str, value: float | None, unit: str | None, cue: str, **kw: Any) -> dict[str, Any]:
    """A gold claim; `cue` is a substring that picks its evidence sentence."""
    return {
        "company": kw.pop("company", "Nissan"),
        "product": kw.pop("product", None),
        "metric": metric,
        "value": None if value is None else float(value),
        "unit": unit,
        "qualifier": kw.pop("q", "exact"),
        "region": kw.pop("region", "global"),
        "horizon_year": kw.pop("year", None),
        "fiscal_year": kw.pop("fy", False),
        "kind": kw.pop("kind", "target"),
        "cue": cue,
        **({"_unexpected": kw} if kw else {}),
    }


def sentences(text: str) -> list[str]:
    return [s.strip() for s in text.split(SEP.strip()) if s.strip()]


def plain(text: str) -> str:
    return " ".join(sentences(text))
