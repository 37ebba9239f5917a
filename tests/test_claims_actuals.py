"""What makes a past figure a carmaker's EV result, and what leaves it background.

Every text here is written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import datetime as dt

from evnews.claims import extract_claims

Row = tuple[str, str, str, float | None, int | None]


def rows(text: str, published: str = "2024-06-01") -> set[Row]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published))
    return {(c.company, c.metric, c.kind, c.value, c.horizon_year) for c in claims}


def test_a_whole_markets_ev_sales_are_nobodys_result() -> None:
    assert rows("Registrations of battery-electric cars in Germany climbed 11% to 520,000 last year.") == set()
    assert rows("Across Europe, EV sales reached 2.1 million units in 2023.") == set()


def test_a_markets_figure_beside_a_carmaker_is_still_the_carmakers() -> None:
    assert rows("In Germany, Nissan sold 9,000 electric cars last year.") == {
        ("Nissan", "ev_sales_volume", "actual", 9000.0, 2023)
    }


def test_a_regional_goal_in_a_list_needs_no_owner_in_its_own_line() -> None:
    text = "Nissan set out regional goals:\nIn Europe, electric cars are to reach 60% of sales by fiscal 2027."
    assert ("Nissan", "ev_sales_share", "target", 60.0, 2027) in rows(text)


def test_survey_figures_are_the_respondents() -> None:
    text = "Some 35% of French drivers want their next car to be electric, a survey of 3,000 motorists found."
    assert rows(text) == set()


def test_a_figure_said_again_as_that_figure_is_not_a_second_claim() -> None:
    text = "Nissan delivered 95,000 electric cars in 2022. That 95,000 total was its best so far."
    assert rows(text, "2023-03-01") == {("Nissan", "ev_sales_volume", "actual", 95000.0, 2022)}


def test_a_part_with_its_own_period_is_that_periods_sales() -> None:
    text = "Nissan has delivered 480,000 Leafs since 2011, including 31,000 last year."
    assert rows(text) == {
        ("Nissan", "cumulative_sales", "actual", 480000.0, 2024),
        ("Nissan", "ev_sales_volume", "actual", 31000.0, 2023),
    }


def test_a_running_total_after_a_periods_sales_is_as_of_now() -> None:
    text = "Nissan sold 31,000 Leafs in 2023, taking the total since 2011 to 480,000."
    assert rows(text) == {
        ("Nissan", "ev_sales_volume", "actual", 31000.0, 2023),
        ("Nissan", "cumulative_sales", "actual", 480000.0, 2024),
    }


def test_a_cue_after_a_figure_speaks_of_that_figure() -> None:
    text = "The Leaf sold 18,000 units in the UK in 2022 and has passed 90,000 there since launch."
    got = rows(text)
    assert ("Nissan", "ev_sales_volume", "actual", 18000.0, 2022) in got
    assert any(r[1] == "cumulative_sales" and r[3] == 90000.0 for r in got)


def test_a_launch_year_does_not_anchor_last_year() -> None:
    text = "Nissan has sold 480,000 Leafs since the car's launch in 2010, and 31,000 of them last year."
    assert ("Nissan", "ev_sales_volume", "actual", 31000.0, 2023) in rows(text)


def test_a_plants_running_rate_is_output_not_sales() -> None:
    assert {r[1] for r in rows("The Smyrna plant assembles 1,500 Leafs a week.")} <= {"other"}


def test_a_clause_about_a_market_gives_no_carmaker_figure() -> None:
    text = "The UK market for electric cars grew to 310,000 units in 2023, and Nissan held 6% of it."
    assert not any(r[3] == 310000.0 for r in rows(text))


def test_the_level_a_figure_moved_from_is_no_claim() -> None:
    text = "Nissan's electric car sales in China slipped to 21,000 in 2023 from 26,000 in 2022."
    assert rows(text) == {("Nissan", "ev_sales_volume", "actual", 21000.0, 2023)}


def test_sales_by_a_year_are_a_running_total() -> None:
    text = "Nissan, which had sold 600,000 EVs by 2022, now plans 27 more electrified models."
    assert ("Nissan", "cumulative_sales", "actual", 600000.0, 2022) in rows(text)
