"""Round 9 of general mechanisms, each shown on sentences written for this file.

The error types behind them came from tests/heldout14 and tests/heldout16 (spent for tuning in this
round, claims-rules-15); the rules are about how English news text phrases figures in general: a
deadline pointed back to ("by then"), a part of a model count named by what it runs on, a speech verb
that is no result.
"""

from __future__ import annotations

from claim_keys import keys


# ---- "by then": the deadline just stated ----


def test_by_then_takes_the_deadline_of_the_sentence_before() -> None:
    text = "Mazda wants to launch 12 electrified models by 2028.\nIt expects hybrids and EVs to make up a third of its sales by then."
    assert ("Mazda", "electrified_sales_share", 33.333333, "target", 2028, "global") in keys(text, "2024-02-01")
    text = "Honda will sell 2 million EVs a year by 2030.\nIn Canada it wants 30 per cent of its sales to be fully electric by that time."
    assert ("Honda", "ev_sales_share", 30.0, "target", 2030, "canada") in keys(text, "2024-02-01")


def test_by_then_dates_a_figure_but_is_no_launch_date_of_its_own() -> None:
    text = "Mazda's driver-assistance suite will be offered on 15 models by 2026, and it hopes to sell 400,000 cars with it a year by then."
    assert {k[1] for k in keys(text, "2024-02-01")} <= {"adas_model_launches", "adas_sales_volume"}


# ---- a part of a model count, named by what it runs on ----


def test_a_part_that_runs_on_batteries_alone_is_a_count_of_evs() -> None:
    text = "Mazda plans 13 electrified models by 2030, nine of which will run on batteries alone."
    assert ("Mazda", "ev_model_launches", 9.0, "target", 2030, "global") in keys(text, "2024-02-01")
    text = "Mazda plans 13 electrified models by 2030, nine of which will be sold in Europe."
    assert ("Mazda", "ev_model_launches", 9.0, "target", 2030, "global") not in keys(text, "2024-02-01")


def test_counts_after_of_those_are_parts_of_the_count_before() -> None:
    text = "Subaru will introduce 20 new models by 2029.\nOf those, 11 will be electrified and four will run on battery power only."
    got = keys(text, "2024-02-01")
    assert {("Subaru", "electrified_model_launches", 11.0, "target", 2029, "global"), ("Subaru", "ev_model_launches", 4.0, "target", 2029, "global")} <= got


# ---- "he added that": a speech verb, not a result ----


def test_added_that_reports_speech_and_leaves_a_plan_a_plan() -> None:
    text = "Mazda will launch 10 new models by 2027.\nThe chief executive added that three of them would be fully electric by 2027."
    assert ("Mazda", "ev_model_launches", 3.0, "target", 2027, "global") in keys(text, "2024-02-01")
    got = keys("The CX-60 added 9,200 sales in Japan last year.", "2024-02-01")
    assert {k[3] for k in got} <= {"actual"}


# ---- figures a plan had before it changed ----


def test_what_an_original_plan_had_called_for_is_a_former_figure() -> None:
    text = "The first version of the plan had called for 12 electrified models including five EVs."
    assert keys(text, "2024-02-01") == set()


def test_a_start_that_was_supposed_to_happen_is_no_claim() -> None:
    assert keys("Mazda's plant in Hofu was supposed to start building EVs in 2024.", "2025-02-01") == set()
    assert keys("Mazda's new line had been due to open in 2024.", "2025-02-01") == set()


def test_a_figure_followed_by_previously_was_replaced() -> None:
    text = "Mazda raised its goals for 2030.\nJapan: 45 per cent electrified, against 30 per cent previously"
    assert {k[2] for k in keys(text, "2024-02-01")} == {45.0}


def test_a_part_whose_subject_names_the_powertrain_is_a_count_of_that_powertrain() -> None:
    text = "Mazda raised the number of electrified models it plans to launch by 2030 to 20, with fully electric cars making up 12 of them."
    assert ("Mazda", "ev_model_launches", 12.0, "target", 2030, "global") in keys(text, "2024-02-01")


# ---- a mix in a list is a sales mix even when an aside closing the sentence speaks of the market ----


def test_an_aside_about_the_market_after_the_figures_does_not_make_them_market_shares() -> None:
    text = "For 2028 Mazda set new targets: 70% electrified in Europe and 30% in China, where rivals take a growing share of the market."
    got = {(k[1], k[2], k[5]) for k in keys(text, "2024-02-01")}
    assert got == {("electrified_sales_share", 70.0, "europe"), ("electrified_sales_share", 30.0, "china")}
    got = keys("Mazda's electric cars took 12% of the market in Japan last year.", "2024-02-01")
    assert {k[1] for k in got} == {"market_share"}


def test_the_business_year_that_ends_in_march_is_the_fiscal_year_before() -> None:
    got = keys("For the business year that ends in March 2029 Mazda wants 40% of its sales to be electrified.", "2024-02-01")
    assert {(k[1], k[4]) for k in got} == {("electrified_sales_share", 2028)}


# ---- sales reached in a fiscal year, goals that were set ----


def test_sales_that_reached_a_total_in_a_fiscal_year_are_that_years_sales() -> None:
    got = keys("Sales of the Mazda MX-30 EV reached 12,400 units in fiscal 2023.", "2024-06-01")
    assert {(k[1], k[4]) for k in got} == {("ev_sales_volume", 2023)}
    got = keys("Sales of the Leaf reached 500,000 units in 2020.", "2024-06-01")
    assert {k[1] for k in got} == {"cumulative_sales"}


def test_goals_that_were_set_are_goals() -> None:
    text = "New goals were set for 2028: 40% of Mazda's sales in Japan are to be electrified."
    assert {(k[1], k[3]) for k in keys(text, "2024-02-01")} == {("electrified_sales_share", "target")}


# ---- a forecaster's own case is no company's claim ----


def test_a_forecasters_base_case_is_no_claim() -> None:
    text = "Our base case has Mazda's global electrified share at between 25 and 30 per cent in 2028."
    assert keys(text, "2024-02-01") == set()
    text = "Mazda wants 25 per cent of its global sales to be electrified in 2028."
    assert {k[2] for k in keys(text, "2024-02-01")} == {25.0}


# ---- a rise in total sales named with its noun first, or in a table row ----


def test_annual_sales_to_rise_by_n_units_is_a_sales_increase() -> None:
    got = keys("Mazda said its annual sales are to rise by 300,000 units by 2028.", "2025-01-10")
    assert got == {("Mazda", "sales_volume_increase", 300000.0, "target", 2028, "global")}
    got = keys("Mazda's EV sales rose by 3,000 units in Japan last year.", "2025-01-10")
    assert "sales_volume_increase" not in {k[1] for k in got}


def test_a_table_row_of_additional_sales_is_a_sales_increase() -> None:
    text = "Mazda presented its new plan.\nTarget | Figure | Deadline\nAdditional annual sales | 250,000 units | FY2028"
    assert ("Mazda", "sales_volume_increase", 250000.0, "target", 2028, "global") in keys(text, "2025-01-10")


def test_a_table_label_ending_in_a_market_says_where_the_figure_applies() -> None:
    text = "Mazda presented its new plan.\nTarget | Figure | Deadline\nEV share of sales, Japan | 25% | FY2028"
    assert ("Mazda", "ev_sales_share", 25.0, "target", 2028, "japan") in keys(text, "2025-01-10")


# ---- cars that found owners, were delivered, went to buyers ----


def test_a_car_that_has_found_n_owners_has_sold_n() -> None:
    got = keys("Five years on, the Toyota bZ4X has now found more than 80,000 owners.", "2025-01-10")
    assert {(k[1], k[2], k[3]) for k in got} == {("cumulative_sales", 80000.0, "actual")}


def test_n_delivered_since_launch_is_a_total_to_date() -> None:
    text = "The bZ4X is Toyota's best-selling EV, with more than 40,000 delivered since 2022."
    assert {(k[1], k[2]) for k in keys(text, "2024-01-10")} == {("cumulative_sales", 40000.0)}


def test_of_those_counts_part_of_the_cars_the_sentence_before_counted() -> None:
    text = "The Toyota bZ4X has found more than 80,000 owners since 2022.\nOf those, about 30,000 went to Japanese buyers."
    assert ("Toyota", "cumulative_sales", 30000.0, "actual", 2024, "japan") in keys(text, "2024-01-10")


def test_a_car_with_a_number_is_a_milestone_not_a_years_sales() -> None:
    text = "The Toyota bZ4X has found more than 80,000 owners since 2022.\nMay 2023: bZ4X number 50,000 delivered"
    assert ("Toyota", "ev_sales_volume", 50000.0, "actual", 2023, "global") not in keys(text, "2024-01-10")


# ---- production starts told in other words ----


def test_models_that_start_rolling_off_the_line_in_a_year_start_production() -> None:
    text = "Mazda will make EVs in Hiroshima.\nTwo new electric SUVs are scheduled to start rolling off the line there in 2027."
    assert ("Mazda", "production_start", None, "target", 2027) in {k[:5] for k in keys(text, "2025-02-01")}


def test_production_at_a_plant_or_there_that_is_expected_to_begin() -> None:
    text = "Production at Mazda's Hofu plant is scheduled to begin in the spring of 2027."
    assert {(k[1], k[4]) for k in keys(text, "2025-02-01")} == {("production_start", 2027)}
    text = "Mazda plans EVs in Hofu.\nAccording to a supplier memo, production there is now expected to begin in 2028."
    assert {(k[1], k[3], k[4]) for k in keys(text, "2025-02-01")} == {("production_start", "rumor", 2028)}


def test_has_begun_production_of_a_model_is_a_start_this_year() -> None:
    got = keys("Toyota has begun series production of the bZ4X at its plant in Motomachi.", "2022-05-10")
    assert {(k[1], k[3], k[4]) for k in got} == {("production_start", "actual", 2022)}
    assert keys("Toyota has begun talks with suppliers about the bZ4X.", "2022-05-10") == set()


def test_a_second_model_due_to_follow_on_the_same_line_starts_there() -> None:
    text = "Toyota builds the bZ4X at Motomachi.\nAn electric Corolla is due to follow on the same line in 2027."
    assert {(k[1], k[4]) for k in keys(text, "2025-02-01")} == {("production_start", 2027)}


# ---- shares joined by "along with"; single launches told with "would" and "will follow" ----


def test_a_share_joined_by_along_with_takes_the_frame_of_the_share_before() -> None:
    text = "By 2028, 60% of Mazda's sales in Japan are to be electrified, along with over 35% in Europe and 20% in China."
    got = {(k[2], k[5]) for k in keys(text, "2024-02-01") if k[1] == "electrified_sales_share"}
    assert got == {(60.0, "japan"), (35.0, "europe"), (20.0, "china")}


def test_said_it_would_introduce_an_ev_for_a_market_is_a_single_launch() -> None:
    got = keys("Toyota said it would introduce an EV developed for India in 2026.", "2024-02-01")
    assert got == {("Toyota", "ev_model_launches", 1.0, "target", 2026, "india")}


def test_a_model_that_will_follow_goes_on_sale_where_the_launch_before_it_did() -> None:
    text = "Toyota's new electric sedan goes on sale in China this month.\nA plug-in hybrid pickup will follow in the second half of the year."
    got = keys(text, "2025-04-10")
    assert ("Toyota", "electrified_model_launches", 1.0, "target", 2025, "china") in got


def test_a_model_that_will_follow_built_at_a_plant_is_told_for_its_production() -> None:
    text = "Toyota's electric van will follow next spring, built at the company's plant in Valenciennes."
    assert "ev_model_launches" not in {k[1] for k in keys(text, "2025-04-10")}


# ---- a share whose frame was given before: a qualified list item, "the mix ... is expected to exceed" ----


def test_a_list_item_with_a_qualified_share_takes_the_lead_ins_frame() -> None:
    text = (
        "Mazda wants more than half of its sales to be electrified by 2030.\n"
        "For 2028, its goals for the electrified share of sales are:\nJapan: 60 per cent\nWorldwide: over 30 per cent"
    )
    got = {(k[1], k[2], k[4], k[5]) for k in keys(text, "2024-02-01")}
    assert ("electrified_sales_share", 30.0, 2028, "global") in got


def test_the_mix_expected_to_exceed_a_share_restates_the_share_before() -> None:
    text = "For 2028 Mazda set new mixes: 60% electrified in Japan and 25% in Europe. Globally, the mix for that year is expected to exceed 30%."
    assert ("Mazda", "electrified_sales_share", 30.0, "target", 2028, "global") in keys(text, "2024-02-01")
    assert keys("Globally, the mix of buyers is expected to exceed 30% women.", "2024-02-01") == set()


# ---- cars made are no cars sold; every car it sells next to another market's share ----


def test_cars_that_have_come_off_the_line_or_a_plant_can_assemble_are_output() -> None:
    text = "Toyota built its 100,000th bZ4X in May, and more than 40,000 of the cars have come off the line at Motomachi."
    assert {k[1] for k in keys(text, "2025-06-01")} <= {"other", "cumulative_sales"}
    assert 40000.0 not in {k[2] for k in keys(text, "2025-06-01") if k[1] != "other"}
    text = "The plant will employ 1,300 people, and it can assemble as many as 150,000 bZ4Xs annually."
    assert {k[1] for k in keys(text, "2025-06-01")} <= {"other"}


def test_every_car_it_sells_in_one_market_after_a_share_for_another() -> None:
    text = "In the US at least 30 percent of Mazda's sales should be electric by 2030, and in Europe it has promised that every car it sells will be electric by 2035."
    got = {(k[1], k[2], k[4], k[5]) for k in keys(text, "2024-02-01")}
    assert {("ev_sales_share", 30.0, 2030, "us"), ("ev_sales_share", 100.0, 2035, "europe")} <= got


def test_a_sentence_that_goes_on_counting_keeps_the_subject_for_the_company_after_it() -> None:
    text = (
        "Hyundai sells more EVs than anyone in Korea, and Hyundai's rival Kia is second.\nMazda says it will launch 12 new models by 2028.\n"
        "Of those, five will be electrified.\nThe company expects electrified cars to make up 40 percent of its sales in 2028.\n"
        "Hyundai, for its part, keeps its EV course."
    )
    assert ("Mazda", "electrified_sales_share", 40.0, "target", 2028, "global") in keys(text, "2024-02-01")


def test_models_built_at_the_plant_or_rolling_off_the_line_there_are_the_sites() -> None:
    text = "Nissan will invest $500 million in its plant in Canton, Mississippi.\nTwo electric SUVs will be built at the plant from 2026."
    assert {(k[1], k[5]) for k in keys(text, "2024-02-01") if k[1] == "ev_model_launches"} == {("ev_model_launches", "us")}
    text = "Nissan will invest $500 million in its plant in Canton, Mississippi.\nTwo new electric models are scheduled to start rolling off the line there in 2026."
    assert {(k[1], k[5]) for k in keys(text, "2024-02-01") if k[1] == "ev_model_launches"} == {("ev_model_launches", "us")}
