"""Where a claim applies: regions read from the sentence and from the passage around it.

Every text here is written for these tests; none comes from an evaluation set.
"""

from __future__ import annotations

import datetime as dt

from evnews.claims import extract_claims
from evnews.models import Claim


def claims(text: str, published: str = "2024-06-01", title: str | None = None) -> list[Claim]:
    return extract_claims(text, published=dt.date.fromisoformat(published), title=title)


def regions(text: str, published: str = "2024-06-01", title: str | None = None) -> set[tuple[str, float | None, str]]:
    return {(c.metric, c.value, c.region) for c in claims(text, published, title)}


# -- the sentence itself -------------------------------------------------------


def test_a_dollar_sign_written_us_dollar_is_no_market() -> None:
    text = "Nissan and its partner will invest 40 billion yuan (US$5.8 billion) in China by 2027."
    assert regions(text) == {("investment", 4e10, "china")}


def test_a_country_a_car_is_shipped_from_is_not_its_market() -> None:
    text = (
        "Nissan will build its new electric pickup in Tennessee from 2027. "
        "The smaller Ariya is imported from Japan and goes on sale in Canada next year."
    )
    launches = [c for c in claims(text) if c.metric == "ev_model_launches"]
    assert launches and all(c.region != "japan" for c in launches)


def test_a_plant_town_does_not_place_a_company_wide_model_count() -> None:
    text = "Speaking at a press event in Yokohama, Nissan said it would launch 16 new electric models by fiscal 2030."
    assert regions(text) == {("ev_model_launches", 16.0, "global")}


def test_models_built_at_a_plant_town_are_that_plants_region() -> None:
    text = "Nissan said its Smyrna plant will build four new electric models by 2028."
    assert ("ev_model_launches", 4.0, "us") in regions(text)


def test_a_relative_clause_neither_cuts_nor_lends_the_region() -> None:
    text = "Nissan will bring its e-POWER system, which pairs a small engine with an electric motor, to Mexico in fiscal 2027."
    assert {c.region for c in claims(text) if c.metric == "technology_launch"} == {"mexico"}
    text = "Europe, where the Leaf sold alongside Japan from the start, accounts for about 150,000 of its Leaf sales to date."
    assert {c.region for c in claims(text, "2016-03-01") if c.metric == "cumulative_sales"} == {"europe"}


# -- the passage and the article -------------------------------------------------

PLANT_STORY = (
    "Nissan will build its next electric hatchback at its plant in Sunderland, England, from 2027.\n"
    "The carmaker said the retooling was the biggest change at the factory in a decade.\n"
    "Nissan will invest £600 million in the project, while its battery partner will put £400 million into a "
    "12 GWh cell plant next door.\n"
    "Local suppliers welcomed the decision.\n"
    "Nissan says it will spend ¥1 trillion over five years to electrify its line-up.\n"
)


def test_money_and_capacity_for_a_plant_take_the_plant_story_market() -> None:
    got = regions(PLANT_STORY, "2024-06-01", title="Nissan picks Sunderland for new EV")
    assert ("investment", 6e8, "uk") in got
    assert ("investment", 4e8, "uk") in got
    assert ("battery_capacity", 12.0, "uk") in got


def test_company_wide_money_in_another_currency_stays_global() -> None:
    got = regions(PLANT_STORY, "2024-06-01", title="Nissan picks Sunderland for new EV")
    assert ("investment", 1e12, "global") in got


def test_a_production_start_pointing_at_the_story_plant_takes_its_market() -> None:
    text = (
        "Nissan began building its new electric van in Smyrna, Tennessee, on Monday.\n"
        "Separately, Nissan dropped a plan for an engine plant in Spain last year.\n"
        "A battery plant next door is due to start production in 2026."
    )
    starts = {c.region for c in claims(text, "2025-03-01") if c.metric == "production_start" and c.horizon_year == 2026}
    assert starts == {"us"}


def test_an_article_about_one_market_does_not_localise_company_targets() -> None:
    text = (
        "Nissan's Canton plant in Mississippi will build two electric SUVs from 2026.\n"
        "The Mississippi site employs 5,000 people, and the state gave the project tax credits.\n"
        "Nissan plans to launch 20 new electric models by fiscal 2030 under its global plan, it said."
    )
    got = regions(text, "2024-01-10", title="Canton, Mississippi gets Nissan EVs")
    assert ("ev_model_launches", 20.0, "global") in got


def test_a_market_bound_product_places_its_sales() -> None:
    text = "Since its debut, the Sakura has found about 80,000 buyers."
    assert regions(text, "2025-01-01") == {("cumulative_sales", 80000.0, "japan")}


def test_a_market_bound_maker_places_its_targets() -> None:
    text = "Dongfeng Nissan said it would launch 12 new electrified models by 2027."
    assert regions(text) == {("electrified_model_launches", 12.0, "china")}


def test_a_model_count_that_merely_includes_a_kei_car_stays_company_wide() -> None:
    text = "Nissan will launch nine new electric models by 2028, among them a kei car for Japan."
    assert ("ev_model_launches", 9.0, "global") in regions(text)


def test_sales_in_a_sentence_that_gives_the_market_share_take_its_market() -> None:
    text = "With about 9,000 Leafs sold last year, Nissan held roughly 12% of the British EV market."
    got = regions(text)
    assert ("ev_sales_volume", 9000.0, "uk") in got


def test_sales_sold_at_home_or_there_take_the_market_meant() -> None:
    text = "Battery-electric cars made up 14% of the vehicles Nissan sold at home in 2023."
    assert {c.region for c in claims(text) if c.metric == "ev_sales_share"} == {"japan"}
    text = (
        "India remains a small market for the company.\n"
        "Electric cars made up 3% of the vehicles Nissan sold there in 2023."
    )
    assert {c.region for c in claims(text) if c.metric == "ev_sales_share"} == {"india"}


def test_a_sales_figure_for_the_same_period_continues_the_market_before() -> None:
    text = (
        "Nissan sold 21,000 electric cars in China in 2023.\n"
        "The Ariya added about 4,000 more over the same twelve months.\n"
        "Worldwide, Nissan sold 140,000 electric cars in 2023."
    )
    got = regions(text, "2024-03-01")
    assert ("ev_sales_volume", 4000.0, "china") in got
    assert ("ev_sales_volume", 140000.0, "global") in got


def test_a_plant_production_moves_away_from_is_not_where_it_starts() -> None:
    text = "Nissan began building the e-NV200 van in Barcelona this month, moving output for European buyers from Oppama, Japan."
    starts = {c.region for c in claims(text, "2014-05-20") if c.metric == "production_start"}
    assert starts == {"europe"}


def test_under_a_deal_is_no_company_wide_plan() -> None:
    text = (
        "Nissan will build a battery plant in Sunderland.\n"
        "Under the deal, Nissan will invest £300 million in the plant by 2026."
    )
    assert ("investment", 3e8, "uk") in regions(text)


# -- a line's leading label ----------------------------------------------------------


def test_a_bulleted_market_label_scopes_every_clause_of_its_line() -> None:
    text = (
        "Nissan set out its electrification plan by market.\n"
        "- Europe: regulation is the main driver; Nissan aims for 100% EV sales by 2030.\n"
        "• **China**: local partners lead, and Nissan expects 40% electrified sales by 2026."
    )
    got = regions(text)
    assert ("ev_sales_share", 100.0, "europe") in got
    assert ("electrified_sales_share", 40.0, "china") in got


def test_a_label_that_is_no_market_leaves_the_figure_global() -> None:
    text = "Nissan set out its plan.\n- Costs: batteries get cheaper; Nissan aims for 100% EV sales by 2030."
    assert ("ev_sales_share", 100.0, "global") in regions(text)
