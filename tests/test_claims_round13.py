"""Round 13 of general mechanisms, each shown on sentences written for this file.

This round took no new set: it pooled what was still wrong on every readable set (dev, heldout, heldout2,
heldout4-7, heldout9-22) and fixed the error types that recur in sets by different writers
(tests/round13_error_types.md has the table). Each test below is an own sentence, positive and negative.
"""

from __future__ import annotations

import datetime as dt

from claim_keys import ABOUT_NISSAN, keys

from evnews.claims import extract_claims


def _placed(text: str, title: str = ABOUT_NISSAN) -> set[tuple[str, str, float | None, str]]:
    return {(k[0], k[1], k[2], k[5]) for k in keys(text, "2024-03-01", title)}


# ---- a Japanese carmaker's money in a foreign currency is spent where that currency is ----


def test_pounds_of_a_japanese_carmaker_are_spent_in_britain() -> None:
    text = "Honda will invest up to £900 million in the two electric hatchbacks, it said on Tuesday."
    assert _placed(text, "Honda") == {("Honda", "investment", 900e6, "uk")}


def test_yuan_and_dollars_of_a_japanese_carmaker_place_their_money() -> None:
    assert _placed("Nissan said the 4 billion yuan it is spending will be spent by 2027.") == {
        ("Nissan", "investment", 4e9, "china")
    }
    assert _placed("Toyota will invest 90 billion rupees, it said on Friday.", "Toyota") == {
        ("Toyota", "investment", 90e9, "india")
    }


def test_dollars_and_euros_name_no_market() -> None:
    assert {k[3] for k in _placed("Toyota's $800 million commitment was confirmed on Friday.", "Toyota")} == {"global"}
    assert {k[3] for k in _placed("Nissan will put €600 million into the new crossover.")} == {"global"}


def test_the_currency_country_among_the_markets_named_is_where_the_money_goes() -> None:
    text = "Nissan will spend 6 billion yuan on the effort by 2027, including cars built in China for export to Africa."
    assert _placed(text) == {("Nissan", "investment", 6e9, "china")}


def test_yen_and_company_wide_money_stay_global() -> None:
    assert _placed("Nissan will invest ¥50 billion in the new model.") == {("Nissan", "investment", 50e9, "global")}
    text = "Nissan will spend £12 billion over five years to electrify its line-up."
    assert {k[3] for k in _placed(text)} == {"global"}
    assert {k[3] for k in _placed("Nissan will spend 3 billion yuan on battery capacity.")} == {"global"}


def test_a_foreign_carmaker_in_its_own_currency_is_not_placed_by_it() -> None:
    text = "Ford will invest $3.5 billion in the new electric pickups."
    assert {k[3] for k in _placed(text, "Ford")} == {"global"}


def test_money_in_a_currency_other_than_the_places_named_takes_no_market_from_it() -> None:
    text = "Nissan will spend £2 billion on plants in Mexico and Brazil."
    assert "uk" not in {k[3] for k in _placed(text)}


# ---- a start told in an aside on the plant is that of the car the main clause builds, and a model is its brand's ----


def _starts(text: str, published: str = "2023-09-01") -> set[tuple[str, str | None, int | None]]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published), title=ABOUT_NISSAN)
    return {(c.company, c.product, c.horizon_year) for c in claims if c.metric == "production_start"}


def test_a_start_in_an_aside_on_the_plant_is_the_main_clause_car() -> None:
    text = "The Leaf and its Renault cousin, the Zoe, are assembled at the Flins factory, where production began in March."
    assert _starts(text) == {("Nissan", "Leaf", 2023)}


def test_a_contract_builder_does_not_take_the_model_from_its_brand() -> None:
    text = "Renault builds the Micra next to its own Clio at the Flins plant, where output of both cars started in 2023."
    assert _starts(text) == {("Nissan", "Micra", 2023)}


def test_an_aside_that_names_its_own_car_keeps_it() -> None:
    text = "Nissan builds the Leaf at Sunderland, where production of the Juke began in 2010."
    assert {s[1] for s in _starts(text)} == {"Juke"}


def test_a_technology_built_by_a_maker_named_first_stays_the_maker_s() -> None:
    text = "Toyota will start production of cars with solid-state batteries in 2027."
    assert {s[0] for s in _starts(text)} == {"Toyota"}


# ---- a technology's own relative clause dates it; "aimed at a first production car" ----


def _launches(text: str) -> set[tuple[str, int | None]]:
    return {(k[1], k[4]) for k in keys(text, "2024-03-01", ABOUT_NISSAN) if k[1] == "technology_launch"}


def test_the_verb_of_a_relative_clause_on_the_technology_dates_it() -> None:
    text = ("Honda, which said last year it would sell 30 EVs by 2030, will lead work on solid-state batteries, "
            "which it hopes to bring to market by mid-2029.")
    assert _launches(text) == {("technology_launch", 2029)}


def test_a_second_verb_without_a_relative_clause_does_not_date_the_technology() -> None:
    text = "Honda will add a plug-in hybrid to its range by fiscal 2026 and bring two EVs to market within three years."
    assert _launches(text) == {("technology_launch", 2026)}


def test_a_technology_aimed_at_a_first_production_car_is_launched_then() -> None:
    assert _launches("Its other bet, the solid-state battery, is aimed at a first production car in fiscal 2029.") == {
        ("technology_launch", 2029)
    }
    assert _launches("Its solid-state battery research is aimed at lowering costs, it said in 2023.") == set()


# ---- a plant's count of electric models to come, without a launch verb ----


def _counts(text: str, title: str = "Nissan builds more EVs at its Canton plant") -> set[tuple[str, float | None, str]]:
    return {(k[1], k[2], k[5]) for k in keys(text, "2024-03-01", title) if k[1].endswith("model_launches")}


def test_that_makes_n_electric_models_for_the_site_is_a_count_there() -> None:
    assert _counts("With the new Ariya, that makes four electric models for the plant.") == {
        ("ev_model_launches", 4.0, "us")
    }


def test_models_to_be_built_at_the_plant_are_a_count() -> None:
    assert _counts("Two electric models are to be built at the factory from next year.") == {
        ("ev_model_launches", 2.0, "us")
    }


def test_a_count_of_models_made_today_is_no_plan() -> None:
    assert _counts("Nissan makes four models at the plant, none of them electric.") == set()
    assert _counts("Nissan built two electric models at the factory last year.") == set()


# ---- "in the previous business year", "the year before": the year before the one just named ----


def _volumes(text: str) -> set[tuple[str, float | None, int | None]]:
    return {(k[1], k[2], k[4]) for k in keys(text, "2025-06-01", "Honda") if k[1].endswith("sales_volume")}


def test_the_previous_business_year_is_the_year_before_the_one_named() -> None:
    text = "Honda sold 15,200 EVs in Japan in the business year to March; in the previous business year it sold 21,400."
    assert _volumes(text) == {("ev_sales_volume", 15200.0, 2024), ("ev_sales_volume", 21400.0, 2023)}


def test_the_figure_of_the_year_before_takes_that_year_and_leaves_the_first_its_own() -> None:
    text = "Honda sold 15,200 EVs in Japan in fiscal 2023, well down on the 21,400 of the year before."
    assert _volumes(text) == {("ev_sales_volume", 15200.0, 2023), ("ev_sales_volume", 21400.0, 2022)}


def test_the_year_before_last_and_a_year_earlier_are_left_alone() -> None:
    assert _volumes("Honda sold 15,200 EVs in Japan in fiscal 2023.") == {("ev_sales_volume", 15200.0, 2023)}
    text = "Honda will bring eight EVs to China by 2027, up from the five it promised a year earlier."
    assert {k[2] for k in keys(text, "2025-06-01", "Honda")} == {8.0}


# ---- "invest £1.12bn in the two models": a definite count that money is put into points back ----


def _model_counts(text: str) -> set[tuple[str, float | None]]:
    return {(k[1], k[2]) for k in keys(text, "2024-03-01", ABOUT_NISSAN) if k[1].endswith("model_launches")}


def test_money_put_into_the_n_models_counts_no_models() -> None:
    assert _model_counts("Honda will invest up to £800m (about $1bn) in the three models, it said.") == set()
    assert _model_counts("Honda will put in £800m, mostly to retool the line for the three new electric hatchbacks.") == set()


def test_money_for_n_new_models_without_the_is_still_a_count() -> None:
    assert _model_counts("Honda will invest £800m in three new electric models for the plant.") == {("ev_model_launches", 3.0)}


def test_the_n_models_with_a_plan_and_no_money_are_still_a_count() -> None:
    assert _model_counts("Honda still plans the 30 electric models it promised by 2030.") == {("ev_model_launches", 30.0)}


# ---- a regional goal restated: "goals for fiscal 2026 of 75% in Europe", "Japan's goal moves to 58 per cent" ----


def _shares(text: str) -> set[tuple[str, float | None, int | None, str]]:
    return {(k[1], k[2], k[4], k[5]) for k in keys(text, "2023-03-01", "Honda") if k[1].endswith("_share")}


def test_plural_goals_for_a_year_of_a_share_take_the_share_before() -> None:
    text = ("Honda wants EVs to make up 40% of its global sales by 2030, and it set interim goals for 2027 of "
            "more than 60% in Europe and more than 30% in China.")
    assert _shares(text) == {("ev_sales_share", 40.0, 2030, "global"), ("ev_sales_share", 60.0, 2027, "europe"),
                             ("ev_sales_share", 30.0, 2027, "china")}


def test_a_goal_that_moves_or_rises_to_a_share_restates_the_share_before() -> None:
    text = "In Europe the EV share is meant to reach 80 per cent in 2027, while China's goal moves to 45 per cent."
    assert ("ev_sales_share", 45.0, 2027, "china") in _shares(text)


def test_a_goal_moving_without_a_share_before_is_no_share() -> None:
    assert _shares("Honda's goal moves to 45 per cent, its chief said of the dealer bonus scheme.") == set()


# ---- a span counted from the promise dated between the figure and the span ----


def test_a_span_after_a_dated_promise_counts_from_the_promise() -> None:
    text = "Honda kept the ¥3 trillion it pledged in April 2022 to spend on electrification over five years."
    assert {(k[1], k[4]) for k in keys(text, "2024-05-01", "Honda")} == {("investment", 2027)}


def test_a_span_with_no_dated_promise_counts_from_the_article() -> None:
    text = "Honda kept the ¥3 trillion it plans to spend on electrification over five years."
    assert {(k[1], k[4]) for k in keys(text, "2024-05-01", "Honda")} == {("investment", 2029)}


# ---- money named without an investment verb: "put in", "putting ... behind", "a £1bn 'X' hub", "of fresh money" ----


def _money(text: str) -> set[tuple[str, float | None]]:
    return {(k[1], k[2]) for k in keys(text, "2024-03-01", "Honda") if k[1] == "investment"}


def test_money_put_in_or_put_behind_a_plan_is_an_investment() -> None:
    assert _money("Of the total, Honda itself will put in up to £700m.") == {("investment", 700e6)}
    assert _money("Honda will sell six EVs in China by 2027 and is putting 5 billion yuan behind the plan.") == {
        ("investment", 5e9)
    }


def test_a_named_hub_or_fresh_money_is_an_investment() -> None:
    assert _money("Last year Honda announced a £900 million 'Volta' hub at its Swindon site.") == {("investment", 900e6)}
    assert _money("That is £300m of fresh money for the electric line.") == {("investment", 300e6)}


def test_put_in_without_money_after_it_is_no_investment_verb() -> None:
    assert _money("Honda put in a bid worth £2bn for the land.") == set()


# ---- "100% of new Hondas in its key markets will be connected": a brand's plural names its cars ----


def test_a_share_of_new_cars_named_by_the_brand_plural_is_a_connected_share() -> None:
    text = "Honda also promises that 100% of new Hondas in its main markets will be connected by 2026."
    assert {(k[1], k[2], k[4]) for k in keys(text, "2024-03-01", "Honda")} == {("connected_share", 100.0, 2026)}


def test_a_brand_plural_share_of_sales_stays_a_sales_share() -> None:
    text = "Honda wants 40% of new Hondas sold in Europe to be electric by 2027."
    assert {k[1] for k in keys(text, "2024-03-01", "Honda")} == {"ev_sales_share"}
