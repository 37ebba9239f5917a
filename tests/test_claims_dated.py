"""Date claims: production starts at one or several sites, technology and powertrain launches,
a brand going electric, a named plug-in hybrid going on sale; and plant figures of a project.

Every text here is written for these tests (none is copied from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt

from claim_keys import ABOUT_NISSAN

from evnews.claims import extract_claims

Row = tuple[str, str, float | None, str, int | None, bool, str]


def rows(text: str, published: str = "2024-06-01", title: str | None = None) -> set[Row]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published), title=title)
    return {(c.company, c.metric, c.value, c.kind, c.horizon_year, c.fiscal_year, c.region) for c in claims}


def test_production_that_began_this_week_at_a_site() -> None:
    assert rows("Volume production of the new Nissan Micra started at Douai this week.") == {
        ("Nissan", "production_start", None, "actual", 2024, False, "europe")
    }


def test_production_at_two_sites_is_one_claim_per_site() -> None:
    text = "The next Leaf will enter production next year at Oppama in Japan and at Smyrna in Tennessee, Nissan said."
    assert rows(text) == {
        ("Nissan", "production_start", None, "target", 2025, False, "japan"),
        ("Nissan", "production_start", None, "target", 2025, False, "us"),
    }


def test_sites_paired_with_their_years_respectively() -> None:
    text = "Nissan will build the van in Barcelona and Sunderland, where output is due to start in 2026 and 2027 respectively."
    assert rows(text) == {
        ("Nissan", "production_start", None, "target", 2026, False, "europe"),
        ("Nissan", "production_start", None, "target", 2027, False, "uk"),
    }


def test_a_brand_that_will_be_electrified_from_a_year() -> None:
    got = rows("Lexus is next: from 2026, every new Lexus will be electrified, the company said.")
    assert got == {("Toyota", "technology_launch", None, "target", 2026, False, "global")}


def test_a_first_plug_in_hybrid_is_a_technology_launch() -> None:
    claims = extract_claims("Subaru said it will add a plug-in hybrid to its line-up by 2027.", published=dt.date(2024, 6, 1))
    assert [(c.company, c.metric, c.product, c.horizon_year) for c in claims] == [
        ("Subaru", "technology_launch", "plug-in hybrid", 2027)
    ]


def test_e_power_arriving_in_a_market_in_three_phrasings() -> None:
    for text in (
        "In Mexico the Kicks stays, and e-POWER is to follow in fiscal 2026.",
        "Nissan confirmed that its e-POWER series-hybrid system will come to Mexico in fiscal 2026.",
        "The big news is e-POWER, the hybrid system Nissan has sold in Japan since 2016, which is due in Mexico "
        "by fiscal 2026.",
    ):
        assert ("Nissan", "technology_launch", None, "target", 2026, True, "mexico") in rows(text), text


def test_two_technologies_arriving_together() -> None:
    text = "e-POWER, the hybrid system Nissan sells in Japan, is due in Canada by 2027 alongside the brand's first plug-in hybrid."
    claims = extract_claims(text, published=dt.date(2024, 6, 1))
    assert {(c.metric, c.product, c.region, c.horizon_year) for c in claims} == {
        ("technology_launch", "e-POWER", "canada", 2027),
        ("technology_launch", "plug-in hybrid", "canada", 2027),
    }


def test_a_named_plug_in_hybrid_going_on_sale_is_one_electrified_launch_of_its_maker() -> None:
    for text in (
        "An X-Trail plug-in hybrid built with Mitsubishi's system is due later this year.",
        "In Australia, a plug-in hybrid version of the X-Trail is due early next year.",
    ):
        got = rows(text)
        assert {(r[0], r[1], r[2], r[3]) for r in got} == {("Nissan", "electrified_model_launches", 1, "target")}, text


def test_a_model_due_to_be_replaced_and_a_model_year_are_no_launch() -> None:
    assert rows("The Leaf, whose 2024 model costs $30,000, is due to be replaced by a crossover.") == set()


def test_a_connected_share_of_several_brands_models() -> None:
    got = rows("Toyota promised that 100% of new Toyota, Lexus and Daihatsu models would be connected by 2025.")
    assert got == {("Toyota", "connected_share", 100, "target", 2025, False, "global")}


def test_a_project_phase_worth_money_and_its_planned_plant() -> None:
    text = "The first phase of the hub, unveiled in 2021, was worth EUR 2bn and included a 12 GWh battery plant."
    assert rows(text, "2023-01-10", title=ABOUT_NISSAN) == {
        ("Nissan", "investment", 2e9, "target", None, False, "global"),
        ("Nissan", "battery_capacity", 12, "target", None, False, "global"),
    }


def test_a_running_plant_capacity_is_actual() -> None:
    got = rows("Nissan's battery plant started production on Monday with an annual capacity of 12 GWh.", "2023-01-10")
    assert got == {("Nissan", "battery_capacity", 12, "actual", 2023, False, "global")}


def test_a_place_figure_takes_the_site_of_its_paragraph_or_the_site_it_points_at() -> None:
    text = (
        "Output of the electric Juke began at Sunderland in May. Nissan has invested GBP 300m in the line.\n"
        "Separately, Nissan has invested JPY 20bn in new tooling.\n"
        "The company also spent GBP 100m on the plant's paint shop."
    )
    got = {(c.value, c.region) for c in extract_claims(text, published=dt.date(2024, 6, 1)) if c.metric == "investment"}
    # the middle figure in yen: Nissan's pounds are spent in Britain wherever they stand (tests/test_claims_round13.py)
    assert got == {(3e8, "uk"), (2e10, "global"), (1e8, "uk")}


def test_a_sales_figure_does_not_take_the_site_region() -> None:
    got = rows("Nissan builds the Leaf at Sunderland. It has sold 650,000 Leafs.")
    assert got == {("Nissan", "cumulative_sales", 650000, "actual", 2024, False, "global")}
