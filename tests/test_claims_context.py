"""Claims whose meaning comes from the words around them: former plans, conversions, periods named
before, statements dated by their source, pointers back to a product, headline lines.

Every text here is written for these tests (none is copied from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt

from evnews.claims import extract_claims
from evnews.claims.timex import find_times, resolve

Row = tuple[str, str, float | None, str, int | None, bool, str]


def rows(text: str, published: str = "2022-06-01") -> set[Row]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published))
    return {(c.company, c.metric, c.value, c.kind, c.horizon_year, c.fiscal_year, c.region) for c in claims}


def test_a_figure_of_the_old_plan_is_former_and_its_year_no_deadline() -> None:
    text = "Kia will now launch 14 electric models by 2027, 11 of them SUVs, against nine in its original 2021 plan."
    assert rows(text) == {("Hyundai", "ev_model_launches", 14, "target", 2027, False, "global")}
    got = rows("Honda now expects EVs to reach 40% of sales by 2030, against 30% under the previous targets.")
    assert got == {("Honda", "ev_sales_share", 40, "target", 2030, False, "global")}


def test_a_conversion_after_or_is_no_second_claim() -> None:
    got = rows("Mazda said its battery plants would get 150 billion yen, or roughly $1 billion, of investment.")
    assert got == {("Mazda", "investment", 1.5e11, "target", None, False, "global")}


def test_the_alliance_in_lower_case_is_the_alliance() -> None:
    text = "Renault, Nissan and Mitsubishi met in London. The alliance also wants 40 GWh of battery capacity by 2028."
    assert rows(text) == {("Alliance", "battery_capacity", 40, "target", 2028, False, "global")}


def test_a_line_up_trimmed_from_one_size_to_another_is_no_launch_count() -> None:
    assert rows("Toyota said its range will be cut by a quarter, from 80 models to fewer than 60 by 2026.") == set()


def test_a_verbless_headline_line_defers_to_the_sentence_that_states_its_figures() -> None:
    text = (
        "Ten new EVs, ProPILOT on 15 models and more hybrids: inside the Nissan plan\n"
        "Nissan will launch ten new electric models by 2027.\n"
        "ProPILOT will be available on 15 models by 2027."
    )
    assert rows(text) == {
        ("Nissan", "ev_model_launches", 10, "target", 2027, False, "global"),
        ("Nissan", "adas_model_launches", 15, "target", 2027, False, "global"),
    }


def test_time_phrases_that_point_back_or_are_dated_by_the_statement() -> None:
    anchor = dt.date(2021, 3, 10)
    (period,) = find_times("in the period")
    assert period.kind == "same" and resolve(period, anchor, previous=2020, plan_end=None) == 2020
    (week,) = find_times("began this week")
    assert resolve(week, anchor, previous=None, plan_end=None) == 2021
    (march,) = find_times("said last March")
    assert resolve(march, anchor, previous=None, plan_end=None) == 2020
    (june,) = find_times("said last June")
    assert resolve(june, dt.date(2021, 11, 2), previous=None, plan_end=None) == 2021


def test_a_month_that_describes_a_fiscal_year_is_no_date_of_its_own() -> None:
    got = rows("Honda sold 12,400 EVs in Japan in fiscal 2022, the year that ended in March, the company said.", "2023-05-20")
    assert got == {("Honda", "ev_sales_volume", 12400, "actual", 2022, True, "japan")}


def test_an_actual_reported_earlier_is_as_of_that_report() -> None:
    text = "Toyota said last April that more than 90,000 hybrid cars had been sold in India since 2015."
    assert rows(text, "2024-04-02") == {("Toyota", "cumulative_sales", 90000, "actual", 2023, False, "india")}


def test_sentences_that_go_on_about_a_stated_result_keep_its_period() -> None:
    text = (
        "Mitsubishi's eK X EV sold 9,200 units in Japan in fiscal 2022. That gave the small car about 12% of the "
        "domestic market for electric cars.\n"
        "Even so, EVs made up only 3% of Mitsubishi's own sales in Japan."
    )
    assert rows(text, "2023-05-20") == {
        ("Mitsubishi", "ev_sales_volume", 9200, "actual", 2022, True, "japan"),
        ("Mitsubishi", "market_share", 12, "actual", 2022, True, "japan"),
        ("Mitsubishi", "ev_sales_share", 3, "actual", 2022, True, "japan"),
    }


def test_without_a_pointer_an_actual_is_as_of_the_article() -> None:
    text = "Mitsubishi sold 9,200 EVs in Japan in fiscal 2022.\nMitsubishi has sold 40,000 EVs in Europe."
    assert ("Mitsubishi", "cumulative_sales", 40000, "actual", 2023, False, "europe") in rows(text, "2023-05-20")


def test_model_volumes_and_a_share_of_a_market_in_the_period() -> None:
    text = (
        "Tesla sold 20,000 cars in Thailand in 2023. Counting the Model Y, which sold about 9,000 units, and the "
        "Model 3, at about 6,000, Tesla took some 30% of Thai EV sales in the period."
    )
    got = rows(text, "2024-02-01")
    assert ("Tesla", "ev_sales_volume", 9000, "actual", 2023, False, "global") in got
    assert ("Tesla", "ev_sales_volume", 6000, "actual", 2023, False, "global") in got
    assert ("Tesla", "market_share", 30, "actual", 2023, False, "global") in got


def test_a_share_of_its_own_ev_sales_is_no_market_share() -> None:
    got = rows("Kia said the EV9 made up 20% of its European EV sales in 2023.", "2024-02-01")
    assert {r[1] for r in got} != {"market_share"}


def test_cars_built_are_production_not_sales() -> None:
    assert {r[1] for r in rows("The plant accounted for 150,000 Nissan cars built in Smyrna between 2013 and 2020.")} <= {"other"}


def test_models_to_be_launched_within_months_have_a_deadline() -> None:
    got = rows("Honda promised a quick renewal, with nine new models to be launched within 18 months.", "2020-05-29")
    assert got == {("Honda", "new_model_launches", 9, "target", 2021, False, "global")}
