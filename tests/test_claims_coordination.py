"""Figures that share one frame: ranges, elliptic shares, several markets named together, currency codes.

Every sentence here is written for these tests (none is copied from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from evnews.claims import extract_claims
from evnews.claims.numbers import find_numbers

Row = tuple[str, str, float | None, str, str, int | None, str]


def rows(text: str, published: str = "2021-06-01") -> set[Row]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published))
    return {(c.company, c.metric, c.value, c.qualifier, c.kind, c.horizon_year, c.region) for c in claims}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a goal of 25% to 35% of sales", 25, 35),
        ("between 12 and 15 models", 12, 15),
        ("a 60-70% share", 60, 70),
        ("2 to 3 million cars", 2e6, 3e6),
    ],
)
def test_a_range_is_one_mention_with_both_ends(text: str, low: float, high: float) -> None:
    (n,) = [m for m in find_numbers(text)]
    assert (n.value, n.high, n.qualifier, n.is_range) == (low, high, "at_least", True)


def test_a_change_from_one_figure_to_another_is_no_range() -> None:
    assert [(n.value, n.high) for n in find_numbers("cut from 80 models to 60")] == [(80, None), (60, None)]


def test_range_claims_keep_the_frame_for_both_ends() -> None:
    assert rows("Honda wants battery cars to account for 30% to 40% of its US sales by 2030.") == {
        ("Honda", "ev_sales_share", 30, "at_least", "target", 2030, "us"),
        ("Honda", "ev_sales_share", 40, "at_most", "target", 2030, "us"),
    }


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("will spend GBP 2.5bn on the plant", 2.5e9, "GBP"),
        ("a EUR 400 million investment", 4e8, "EUR"),
        ("USD 1.2 billion for batteries", 1.2e9, "USD"),
        ("JPY 150 billion in new lines", 1.5e11, "JPY"),
    ],
)
def test_iso_currency_codes_before_the_amount(text: str, value: float, unit: str) -> None:
    (n,) = find_numbers(text)
    assert (n.value, n.unit) == (value, unit)


def test_investment_in_a_currency_code() -> None:
    assert rows("Kia is investing up to EUR 800m in its Slovak plant for electric models.") == {
        ("Hyundai", "investment", 8e8, "at_most", "target", None, "global")
    }


def test_a_later_share_without_a_noun_repeats_the_frame_before_it() -> None:
    assert rows("Mazda wants hybrids and EVs to reach 30% of its sales by 2025 and 60% by 2030.") == {
        ("Mazda", "electrified_sales_share", 30, "exact", "target", 2025, "global"),
        ("Mazda", "electrified_sales_share", 60, "exact", "target", 2030, "global"),
    }


def test_a_progression_repeats_the_frame() -> None:
    got = rows("Subaru said EVs would be 20% of its sales by 2026, climbing to more than 40% by 2030.")
    assert got == {
        ("Subaru", "ev_sales_share", 20, "exact", "target", 2026, "global"),
        ("Subaru", "ev_sales_share", 40, "at_least", "target", 2030, "global"),
    }


def test_a_target_restated_for_other_markets_in_the_next_sentence() -> None:
    text = (
        "In Germany, Toyota aims for battery EVs to make up 15% of sales by 2027. For Britain, the 2027 goal is "
        "10% to 20%, and in China it is 25%."
    )
    assert rows(text) == {
        ("Toyota", "ev_sales_share", 15, "exact", "target", 2027, "europe"),
        ("Toyota", "ev_sales_share", 10, "at_least", "target", 2027, "uk"),
        ("Toyota", "ev_sales_share", 20, "at_most", "target", 2027, "uk"),
        ("Toyota", "ev_sales_share", 25, "exact", "target", 2027, "china"),
    }


def test_a_bare_share_in_another_paragraph_or_about_money_is_no_claim() -> None:
    assert rows("Ford wants EVs to be 40% of its sales by 2030.\nIts dividend target is 5%.") == {
        ("Ford", "ev_sales_share", 40, "exact", "target", 2030, "global")
    }
    assert rows("Ford wants EVs to be 40% of its sales by 2030. Its shares rose 5% and then 3%.") == {
        ("Ford", "ev_sales_share", 40, "exact", "target", 2030, "global")
    }


def test_a_share_of_sales_for_several_markets_named_together() -> None:
    assert rows("In Korea and Australia, Kia is aiming for electric cars to take 35% of its sales by 2028.") == {
        ("Hyundai", "ev_sales_share", 35, "exact", "target", 2028, "korea"),
        ("Hyundai", "ev_sales_share", 35, "exact", "target", 2028, "australia"),
    }


def test_markets_named_apart_are_not_grouped() -> None:
    got = rows("Honda sold 30,000 EVs in China in 2020, while in Japan it sold 2,000 EVs in 2020.")
    assert {r[6] for r in got} == {"china", "japan"}


def test_fully_electric_after_a_share() -> None:
    got = rows("BMW said a third of its European sales were electrified last year and 15% fully electric.")
    assert ("BMW", "ev_sales_share", 15, "exact", "actual", 2020, "europe") in got
