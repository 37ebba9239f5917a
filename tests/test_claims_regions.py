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
