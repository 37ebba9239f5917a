"""What the claim-rule tests compare: each claim of a text as a short tuple.

The round files (tests/test_claims_round*.py) assert on these keys rather than on whole
Claim records, so a test names only what its rule decides: company, metric, value, kind,
horizon and market.
"""

from __future__ import annotations

import datetime as dt

from evnews.claims import extract_claims

Key = tuple[str, str, float | None, str, int | None, str]


# A headline that names the company, as a real story's would: a snippet that names no carmaker of
# its own ("the plant", "its partner") is read as part of a story about Nissan.
ABOUT_NISSAN = "Nissan"


def keys(text: str, published: str = "2023-05-01", title: str | None = None) -> set[Key]:
    """The claims of `text` in an article published on `published` (ISO date) under `title`."""
    claims = extract_claims(text, published=dt.date.fromisoformat(published), title=title)
    return {(c.company, c.metric, c.value, c.kind, c.horizon_year, c.region) for c in claims}
