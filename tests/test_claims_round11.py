"""Round 11 of general mechanisms, each shown on sentences written for this file.

The error types behind them came from tests/heldout19 and tests/heldout20 (spent for tuning in this
round, claims-rules-17); the rules are about how English news text phrases figures in general: a list of
bare shares under a lead-in that names the share, a share's denominator ("of all Infinitis sold"), a brand's
plural, a whole stated after its part, a clause in the perfect that takes no deadline from the one before.
"""

from __future__ import annotations

from claim_keys import keys


# ---- a list of bare shares under a lead-in: the lead-in or the first item names the share ----


def test_bare_share_items_take_the_share_their_lead_in_names() -> None:
    text = "Toyota set out its regional goals on Tuesday.\nBy fiscal 2028 the electrified share of its sales should reach:\n70% in Europe\nover 40% in the United States\n"
    got = {(k[1], k[2], k[4], k[5]) for k in keys(text, "2024-05-01")}
    assert got == {("electrified_sales_share", 70.0, 2028, "europe"), ("electrified_sales_share", 40.0, 2028, "us")}


def test_bare_share_items_take_the_share_of_the_first_item() -> None:
    text = "Toyota's goals for fiscal 2028 are:\nEurope: 70 per cent of Toyota sales fully electric.\nChina: 30 per cent.\nWorldwide: about 45 per cent.\n"
    got = {(k[1], k[2], k[3], k[5]) for k in keys(text, "2024-05-01")}
    assert got == {("ev_sales_share", 70.0, "target", "europe"), ("ev_sales_share", 30.0, "target", "china"),
                   ("ev_sales_share", 45.0, "target", "global")}


def test_bare_share_items_under_a_market_share_lead_in_are_no_sales_mix() -> None:
    text = "Toyota's market share of electric car sales in 2023:\n12% in Europe\n9% in China\n"
    assert keys(text, "2024-05-01") == set()


def test_a_share_item_that_counts_something_else_is_no_sales_mix() -> None:
    text = "Toyota's goals for fiscal 2028 are:\nEurope: 70 per cent of Toyota sales fully electric.\n40 per cent of dealers with fast chargers.\n"
    assert {k[2] for k in keys(text, "2024-05-01")} == {70.0}


def test_bare_shares_outside_a_list_are_no_claims() -> None:
    text = "Toyota sold more electrified cars this year.\n58% in Japan\n"
    assert keys(text, "2024-05-01") == set()


# ---- driver assistance "in 20 models"; "by the end of this plan" ----


def test_driver_assistance_in_n_models_is_an_adas_count() -> None:
    got = keys("Toyota wants its Teammate driver-assistance system in 15 models by 2027.", "2024-05-01")
    assert {(k[1], k[2], k[4]) for k in got} == {("adas_model_launches", 15.0, 2027)}
    assert keys("Toyota has tested its driver-assistance system in 15 countries since 2020.", "2024-05-01") == set()


def test_the_end_of_this_plan_is_the_named_plans_end() -> None:
    text = "Toyota unveiled its Drive to 2028 plan on Friday.\n\"By the end of this plan we intend to sell a million electrified cars a year.\""
    got = keys(text, "2024-05-01")
    assert {(k[1], k[3], k[4]) for k in got} == {("electrified_sales_volume", "target", 2028)}


# ---- "half of all Infinitis sold ... are expected to be": the participle names the denominator ----


def test_sold_inside_a_shares_of_phrase_is_no_result_verb() -> None:
    got = keys("Half of all Toyotas sold in Europe are expected to be electrified by 2028.", "2024-05-01")
    assert got == {("Toyota", "electrified_sales_share", 50.0, "target", 2028, "europe")}
    got = keys("Half of all Toyotas sold in Europe in 2023 were electrified.", "2024-05-01")
    assert {(k[3], k[4]) for k in got} == {("actual", 2023)}


def test_a_brands_plural_names_the_brand() -> None:
    got = keys("Toyota will offer hybrids everywhere, and 60% of all Lexuses sold will be electric by 2030.", "2024-05-01")
    got |= keys("Nissan expects 40% of all Infinitis sold to be electrified by 2028.", "2024-05-01")
    assert ("Nissan", "electrified_sales_share", 40.0, "target", 2028, "global") in got


def test_a_table_row_is_not_a_repeat_of_a_brands_share() -> None:
    text = (
        "Nissan set out its goals.\nThe regional goals are as follows:\nRegion | Electrified share of sales, 2028\n"
        "Europe | 60%\nNissan also expects 60% of all Infinitis sold to be electrified by 2028."
    )
    got = {(k[2], k[5]) for k in keys(text, "2024-05-01")}
    assert got == {(60.0, "europe"), (60.0, "global")}


# ---- a figure's own product decides its market, not another product of the sentence ----


def test_a_china_only_models_market_does_not_place_another_models_total() -> None:
    text = "The N7 took 10,000 orders in China within a month; Leaf sales since 2010 passed 700,000."
    got = {(k[1], k[5]) for k in keys(text, "2026-01-15")}
    assert ("cumulative_sales", "global") in got and ("cumulative_sales", "china") not in got


# ---- "across all its models in 2023": "all" is no figure the year could date ----


def test_all_before_a_noun_does_not_take_the_year_from_the_figure() -> None:
    text = "About 300,000 bZ4Xs have been sold since 2022, and Toyota passed two million electrified cars sold across all its brands in 2021."
    got = {(k[2], k[4]) for k in keys(text, "2025-09-30")}
    assert (2000000.0, 2021) in got


# ---- "will also be connected"; "e-POWER hybrids will go on sale in ..." ----


def test_every_new_car_will_also_be_connected_is_a_whole_connected_share() -> None:
    got = keys("Every new Toyota and Lexus in its main markets will also be connected by 2027, the company said.", "2024-05-01")
    assert {(k[1], k[2], k[4]) for k in got} == {("connected_share", 100.0, 2027)}


def test_epower_hybrids_going_on_sale_in_a_market_is_a_technology_launch() -> None:
    got = keys("Nissan said e-POWER hybrids will go on sale in Australia in 2027.", "2024-05-01")
    assert {(k[1], k[4], k[5]) for k in got} == {("technology_launch", 2027, "australia")}
    assert keys("Nissan's e-POWER hybrids sold well in Japan in 2023.", "2024-05-01") == set()


# ---- "..., and has earmarked ¥400 billion": no deadline from the clause before ----


def test_a_clause_in_the_perfect_takes_no_deadline_from_the_clause_before() -> None:
    text = "Toyota will bring hydrogen trucks to Europe in fiscal 2027, and has earmarked ¥300 billion for battery plants."
    assert ("investment", None) in {(k[1], k[4]) for k in keys(text, "2024-05-01")}
    text = "By 2030 Toyota will launch 20 new models, and it will spend ¥2 trillion on batteries."
    assert ("investment", 2030) in {(k[1], k[4]) for k in keys(text, "2024-05-01")}


# ---- a whole stated after its part: "as part of the 30 new vehicles", "out of 23 electrified ones" ----


def test_a_whole_after_as_part_of_the_is_a_claim_with_its_own_powertrain() -> None:
    text = "Toyota will launch ten battery-electric models by 2027 as part of the 25 new vehicles in its plan."
    got = {(k[1], k[2]) for k in keys(text, "2024-05-01")}
    assert got == {("ev_model_launches", 10.0), ("new_model_launches", 25.0)}


def test_a_whole_after_as_part_of_the_stated_before_is_no_second_claim() -> None:
    text = "Toyota plans 25 new models by 2027.\nIt will launch ten battery-electric models by 2027 as part of the 25 new vehicles."
    assert sorted(k[2] for k in keys(text, "2024-05-01")) == [10.0, 25.0]


def test_out_of_n_electrified_ones_is_the_electrified_count() -> None:
    text = "Toyota intends to launch 12 fully electric models, out of 20 electrified ones, by 2030."
    got = {(k[1], k[2]) for k in keys(text, "2024-05-01")}
    assert got == {("ev_model_launches", 12.0), ("electrified_model_launches", 20.0)}
    assert {k[2] for k in keys("Toyota sold 12 fully electric cars out of 20 ones in the lot.", "2024-05-01")} <= {12.0}
