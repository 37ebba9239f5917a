"""Round 4 of general mechanisms, each shown on sentences written for this file.

The error types behind them came from tests/heldout6 (spent for tuning in this round); the rules are
about how English news text and extracted pages phrase figures in general: table rows, qualified
figures after a verb, production starts, not-claims.
"""

from __future__ import annotations

import datetime as dt

from evnews.claims import extract_claims

Key = tuple[str, str, float | None, str, int | None, str]


def keys(text: str, published: str = "2023-05-01") -> set[Key]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published))
    return {(c.company, c.metric, c.value, c.kind, c.horizon_year, c.region) for c in claims}


# ---- table rows ----

_SHARE_TABLE = (
    "Nissan set out its goals for each market on Thursday:\n"
    "Region | Share of sales from electrified cars | Target year\n"
    "{sep}"
    "Japan | at least 60% | FY2027\n"
    "Europe (EVs only) | 50% | FY2028\n"
)


def test_a_table_row_takes_its_metric_and_year_from_the_header_row() -> None:
    expected = {
        ("Nissan", "electrified_sales_share", 60.0, "target", 2027, "japan"),
        ("Nissan", "ev_sales_share", 50.0, "target", 2028, "europe"),
    }
    assert keys(_SHARE_TABLE.format(sep="")) == expected
    # trafilatura's rendering: outer pipes and a separator row under the header.
    piped = "\n".join(f"| {ln} |" if "|" in ln else ln for ln in _SHARE_TABLE.format(sep="---|---|---\n").splitlines())
    assert keys(piped) == expected


def test_a_count_table_reads_its_period_from_the_header() -> None:
    text = (
        "The carmaker broke its electric van deliveries down by market in its annual report:\n"
        "Market | e-NV200 vans sold since launch, to the end of FY2022\n"
        "France | 41,500\n"
        "Norway | 12,250\n"
    )
    got = keys(text, "2023-06-01")
    assert ("Nissan", "cumulative_sales", 41500.0, "actual", 2022, "france") in got or (
        "Nissan", "cumulative_sales", 41500.0, "actual", 2022, "europe") in got  # fmt: skip
    assert all(k[1] == "cumulative_sales" and k[4] == 2022 for k in got), got


def test_a_line_with_a_pipe_but_no_table_is_read_as_before() -> None:
    assert keys("Nissan | News: the company will launch 12 EVs by 2030.") == {
        ("Nissan", "ev_model_launches", 12.0, "target", 2030, "global")
    }


# ---- a qualifier or "between" between the verb and the figure ----


def test_a_qualified_share_after_its_verb_is_still_a_share() -> None:
    assert keys("Honda wants an electrified share of more than 65% in Japan by 2029.") == {
        ("Honda", "electrified_sales_share", 65.0, "target", 2029, "japan")
    }
    assert keys("Nissan expects its EV share in China to hit between 15 and 25 per cent by 2028.") == {
        ("Nissan", "ev_sales_share", 15.0, "target", 2028, "china"),
        ("Nissan", "ev_sales_share", 25.0, "target", 2028, "china"),
    }


def test_a_qualified_share_of_the_market_stays_no_claim() -> None:
    assert keys("Electric cars took more than 20% of the Dutch market last year.") == set()
