"""Round 6 of general mechanisms, each shown on sentences written for this file.

The error types behind them came from tests/heldout9 and tests/heldout10 (spent for tuning in this
round); the rules are about how English news text phrases figures in general: a question, a correction's
last line, a date that opens a sentence, a table column named only "Target", a part counted "of which".
"""

from __future__ import annotations

from claim_keys import ABOUT_NISSAN, keys


# ---- sentences that state no figure ----


def test_a_question_asks_about_a_figure_and_states_none() -> None:
    assert keys("Q: Will the 45% electric share Honda wants for 2028 cover its Chinese sales too?") == set()
    got = keys("A: Honda wants 45% of its Chinese sales to be fully electric by 2028.")
    assert got == {("Honda", "ev_sales_share", 45.0, "target", 2028, "china")}


def test_the_figure_a_correction_gives_again_is_no_new_claim() -> None:
    text = "Mazda has sold 91,400 EVs in Europe since 2019.\nCorrection: An earlier version of this story gave 19,400. The correct figure is 91,400."
    assert {k[2] for k in keys(text, "2024-03-01")} == {91400.0}
    assert keys("The correct number was 12 new models, the company said.", "2024-03-01") == set()


# ---- a date that opens the sentence dates the start it tells ----


def test_a_time_opening_the_sentence_dates_a_production_start() -> None:
    got = keys("This week the first Kentucky-built electric SUVs rolled off the line at Toyota's plant.", "2025-10-09")
    assert {(k[1], k[3], k[4]) for k in got} == {("production_start", "actual", 2025)}
    got = keys("March 2027 — Production of the electric Mazda6 starts at Hofu.", "2027-06-01", "Mazda")
    assert {(k[1], k[3], k[4]) for k in got} == {("production_start", "actual", 2027)}


def test_a_time_that_dates_what_was_said_is_no_start_date() -> None:
    assert keys("In 2019 Honda said it would start production of electric vans in Ohio.", "2024-06-01") == set()


def test_beginning_to_assemble_next_month_and_cars_to_be_built_from_a_year_are_starts() -> None:
    got = keys("Mazda will begin assembling its electric crossover at Hiroshima next month.", "2024-12-03")
    assert {(k[1], k[4]) for k in got} == {("production_start", 2025)}
    got = keys("Two electric pickups are to be built at Toyota's Texas plant from 2027.", "2024-12-03")
    assert ("Toyota", "production_start", None, "target", 2027, "us") in got


def test_a_supplier_notice_is_a_second_hand_report() -> None:
    got = keys("Honda has delayed EV production in Ontario to 2029, according to a supplier notice seen by reporters.", "2025-02-01")
    assert {(k[1], k[3]) for k in got} == {("production_start", "rumor")}


# ---- tables: a column named only by its kind of figure ----


def test_a_row_label_says_what_a_target_column_counts() -> None:
    text = "Toyota's goals\nGoal | Target | Deadline\nCars sold with driver-assistance systems | 1.5 million | FY2027"
    assert keys(text, "2024-05-01") == {("Toyota", "adas_sales_volume", 1500000.0, "target", 2027, "global")}


def test_a_share_named_before_its_figure_in_a_table_row() -> None:
    text = "Mazda's goals\nTarget | Deadline\nElectrified share of global sales above 60% | FY2031\nFirst car with sodium-ion cells | FY2029"
    assert keys(text, "2024-05-01") == {
        ("Mazda", "electrified_sales_share", 60.0, "target", 2031, "global"),
        ("Mazda", "technology_launch", None, "target", 2029, "global"),
    }


def test_the_first_model_with_a_hybrid_system_launches_it() -> None:
    got = keys("Nissan says its next Juke, due next year, will be the first model it sells in the UK with e-Power.", "2023-03-01")
    assert {(k[1], k[4]) for k in got} == {("technology_launch", 2024)}


# ---- parts: "of which", "Of the 30," ----


def test_a_part_counted_of_which_takes_its_own_powertrain() -> None:
    got = keys("Honda plans 18 new electrified models by 2029, of which 11 will be fully electric.", "2024-05-01")
    assert got == {
        ("Honda", "electrified_model_launches", 18.0, "target", 2029, "global"),
        ("Honda", "ev_model_launches", 11.0, "target", 2029, "global"),
    }
    assert {k[1] for k in keys("Honda sold 400,000 cars last year, of which 20 were recalled.", "2024-05-01")} <= {"other"}


def test_a_part_after_of_the_whole_and_a_comma() -> None:
    text = "Mazda will bring out 24 new models by 2030. Of the 24, 14 are to be electrified."
    assert ("Mazda", "electrified_model_launches", 14.0, "target", 2030, "global") in keys(text, "2024-05-01")


# ---- who "its group" is; a later, unspecified point; a plant switched on ----


def test_a_generic_reference_after_the_company_opening_the_sentence_is_that_company() -> None:
    text = "Honda plans 30 EVs by 2030.\nToyota said on Friday that the company would sell 1.5 million EVs a year by 2026."
    assert ("Toyota", "ev_sales_volume", 1500000.0, "target", 2026, "global") in keys(text, "2023-05-01")
    text = "Honda plans 30 EVs by 2030.\nUnlike Toyota, the company wants 2 million EV sales a year by 2030."
    assert {k[0] for k in keys(text, "2023-05-01")} == {"Honda"}


def test_a_figure_due_at_a_later_point_is_a_goal() -> None:
    got = keys("Honda expects cell costs to fall to $90/kWh by 2027, and to $70/kWh at a later date.", "2023-05-01")
    assert {(k[2], k[3]) for k in got} == {(90.0, "target"), (70.0, "target")}


def test_a_plant_switched_on_has_its_capacity_now() -> None:
    got = keys("Toyota's battery partner switched on its new Kentucky plant this week, rated at 12 GWh a year.", "2025-10-09")
    assert {(k[1], k[3]) for k in got} == {("battery_capacity", "actual")}


def test_a_table_row_restating_a_technology_launch_is_the_same_fact() -> None:
    text = "Honda plans to sell cars with all-solid-state batteries in fiscal 2029.\nItem | Due\nAll-solid-state EV on sale | FY2029"
    assert [k[1] for k in keys(text, "2024-05-01")] == ["technology_launch"]


# ---- staff and a model's part of the EVs are no claims ----


def test_what_a_plant_employs_is_staff_even_without_the_noun() -> None:
    got = keys("The Ohio plant builds 200,000 cars a year; the engine works next door employs about 1,500.", "2024-05-01", ABOUT_NISSAN)
    assert {k[2] for k in got} == {200000.0} and {k[1] for k in got} == {"other"}


def test_two_in_every_three_of_a_makers_evs_is_a_models_part_not_a_sales_mix() -> None:
    assert keys("Almost two in every three Honda EVs sold so far have been the e:Ny1.", "2024-05-01") == set()
    got = keys("Two in every three cars Honda sells in Norway are now electric.", "2024-05-01")
    assert {(k[1], k[5]) for k in got} == {("ev_sales_share", "europe")}


# ---- shares: "the figure for <year> is", "of what we sell", "has been fully electric" ----


def test_the_figure_for_a_year_restates_the_share_named_before() -> None:
    text = "In Japan, Honda wants hybrids and EVs to make up 60 per cent of sales by 2027; in China the figure for 2027 is 30-35 per cent."
    got = {(k[2], k[4], k[5]) for k in keys(text, "2024-01-10")}
    assert got == {(60.0, 2027, "japan"), (30.0, 2027, "china"), (35.0, 2027, "china")}


def test_a_share_of_what_we_sell_is_a_sales_share() -> None:
    text = "Honda's European chief was blunt.\nOur plan is that 80 per cent of what we sell in Europe will be electric by 2030."
    assert ("Honda", "ev_sales_share", 80.0, "target", 2030, "europe") in keys(text, "2024-01-10")


def test_a_share_that_has_been_fully_electric_is_an_ev_share() -> None:
    text = "Mazda's UK boss spoke to us.\nSo far this year, 40 per cent of what we have sold has been electrified, and 9 per cent has been fully electric."
    got = {(k[1], k[2], k[3]) for k in keys(text, "2024-06-10")}
    assert got == {("electrified_sales_share", 40.0, "actual"), ("ev_sales_share", 9.0, "actual")}


# ---- driver assistance on N models ----


def test_driver_assistance_on_n_models_counts_models_with_it_verb_or_not() -> None:
    text = "By fiscal 2027 Mazda wants:\nCo-Pilot driver assistance on 15 models in 30 markets"
    assert keys(text, "2024-01-10") == {("Mazda", "adas_model_launches", 15.0, "target", 2027, "global")}


def test_a_count_with_its_own_powertrain_is_no_driver_assistance_count() -> None:
    text = "The plan calls for six new electric models and for driver assistance to be offered on 12 models by 2027."
    got = {(k[1], k[2]) for k in keys(text, "2024-01-10", ABOUT_NISSAN)}
    assert got == {("ev_model_launches", 6.0), ("adas_model_launches", 12.0)}


def test_cars_sold_every_year_is_a_rate_not_a_result() -> None:
    text = "Under Mazda's plan, due by fiscal 2027:\na million cars fitted with driver assistance sold every year"
    assert {(k[1], k[3]) for k in keys(text, "2024-01-10")} == {("adas_sales_volume", "target")}
    assert {k[3] for k in keys("Mazda sold 300,000 cars fitted with driver assistance last year.", "2024-01-10")} == {"actual"}


# ---- timeline entries: their date is what relative phrases count from ----


def test_relative_phrases_in_a_timeline_entry_count_from_the_entry_date() -> None:
    text = "How Mazda's promises moved\nApril 2019 — Mazda promises 10 new models within 18 months.\nJune 2020 — Mazda commits ¥500 billion over five years."
    got = {(k[1], k[4]) for k in keys(text, "2025-09-01")}
    assert got == {("new_model_launches", 2020), ("investment", 2025)}


def test_a_year_ahead_of_the_entry_date_is_a_goal_and_a_heading_year_is_no_entry() -> None:
    text = "March 2021 — The goals rise: 12 EVs by 2030, and a 60% electrified share in Japan in 2024."
    assert ("Mazda", "electrified_sales_share", 60.0, "target", 2024, "japan") in keys("Mazda's plans.\n" + text, "2025-09-01")
    got = keys("Mazda's plans, year by year.\n2030: Mazda wants 70% of its sales to be electric.", "2025-09-01")
    assert {(k[3], k[4]) for k in got} == {("target", 2030)}


# ---- a figure of an earlier period; money to speed up electrification; a system reaching a market ----


def test_the_level_of_an_earlier_period_is_that_periods_result() -> None:
    text = "Toyota's bZ4X found 41,200 buyers in Europe in 2024, down from 52,700 in 2023."
    got = {(k[2], k[3], k[4]) for k in keys(text, "2025-03-01")}
    assert got == {(41200.0, "actual", 2024), (52700.0, "actual", 2023)}
    got = keys("Honda now plans 30 EVs by 2030, up from 20 in 2021.", "2025-03-01")
    assert {k[2] for k in got} == {30.0}


def test_money_over_years_to_speed_up_electrification_is_an_investment() -> None:
    got = keys("Mazda's chief opens the event: 1.5 trillion yen over the next six years to speed up electrification.", "2024-06-01")
    assert got == {("Mazda", "investment", 1500000000000.0, "target", 2030, "global")}


def test_a_hybrid_system_that_reaches_a_market_in_a_year_is_launched_there() -> None:
    got = keys("Nissan says e-POWER reaches Europe in fiscal 2022, alongside the new Qashqai.", "2021-05-01")
    assert {(k[1], k[4]) for k in got} == {("technology_launch", 2022)}


# ---- a goal that still stands, the whole it is part of, a span's end ----


def test_a_goal_that_still_stands_is_restated_and_its_whole_is_a_claim() -> None:
    text = "A: The 25 EVs by 2031 still stand, the chief said, and they are part of the 40 electrified models Honda plans to launch between FY25 and FY31."
    got = {(k[1], k[2], k[4]) for k in keys(text, "2025-01-10")}
    assert got == {("ev_model_launches", 25.0, 2031), ("electrified_model_launches", 40.0, 2031)}
    text = "Honda will launch 40 electrified models by 2031. The 25 EVs are part of the 40 models."
    assert [k[2] for k in keys(text, "2025-01-10") if k[1] == "electrified_model_launches"] == [40.0]


def test_a_fiscal_span_is_dated_by_its_end() -> None:
    got = keys("Mazda plans to launch 13 electrified models from FY25 to FY30.", "2025-01-10")
    assert {(k[1], k[4]) for k in got} == {("electrified_model_launches", 2030)}


# ---- plans that fell victim; a line already running; production brought in-house ----


def test_a_project_that_fell_victim_to_cuts_is_cancelled() -> None:
    assert keys("The ¥80bn battery project falls victim to Mazda's cost cuts.", "2025-01-10") == set()


def test_a_pilot_line_that_is_running_has_no_start_date_ahead() -> None:
    text = "Honda said its pilot line in Tochigi is running and that it aims to sell cars with the new cells by 2028."
    assert {k[1] for k in keys(text, "2025-01-10")} <= {"technology_launch"}
    got = keys("Honda's pilot line in Tochigi is to start by 2026.", "2025-01-10")
    assert {(k[1], k[4]) for k in got} == {("production_start", 2026)}


def test_bringing_production_in_house_from_a_year_is_a_production_start() -> None:
    text = "Local papers reported that Mazda is considering bringing production of its kei EV in-house from 2027."
    assert {(k[1], k[3], k[4]) for k in keys(text, "2025-01-10")} == {("production_start", "rumor", 2027)}


# ---- where: a market reached, a model sold in one market, models built there, pounds at the plant ----


def test_a_system_reaching_a_market_is_launched_in_that_market() -> None:
    got = keys("A: e-POWER reaches Europe in fiscal 2022, he said.", "2021-05-01")
    assert {(k[1], k[5]) for k in got} == {("technology_launch", "europe")}
    got = keys("Its next Juke will be the first model it sells in Europe with e-Power, due next year.", "2023-03-01")
    assert {k[5] for k in got} == {"europe"}


def test_a_kei_car_brought_in_house_is_made_for_japan_whatever_plant_was_named_before() -> None:
    text = "Output at Canton, Mississippi, slips to 2027. Nissan is considering bringing production of the Sakura in-house from 2028."
    assert ("Nissan", "production_start", None, "rumor", 2028, "japan") in keys(text, "2025-01-10")


def test_models_built_there_belong_to_the_site_named_before() -> None:
    text = "Nissan will spend $700 million on its plant in Decherd, Tennessee.\nTwo all-new electric models are to be built there from 2027."
    assert ("Nissan", "ev_model_launches", 2.0, "target", 2027, "us") in keys(text, "2024-01-10")


def test_a_share_that_has_been_electric_shares_the_market_and_period_of_the_share_before() -> None:
    text = "Mazda's boss spoke to us.\nThis year, 40 per cent of what we have sold in Japan has been electrified, and 9 per cent has been fully electric."
    assert ("Mazda", "ev_sales_share", 9.0, "actual", 2024, "japan") in keys(text, "2024-06-10")


def test_pounds_spent_at_the_plant_are_spent_in_britain() -> None:
    text = "Honda's Swindon story is an old one.\nHonda says it has spent £300 million getting the plant ready for the car."
    assert {k[5] for k in keys(text, "2024-06-10")} == {"uk"}


# ---- a list of markets, each with its own total ----


def test_a_list_of_markets_each_with_its_figure_splits_a_total_named_before() -> None:
    text = (
        "More than 300,000 Honda electric cars have been sold since 2020.\n"
        "China has taken 150,000 of them, Europe 90,000 and Japan 60,000, according to Honda's figures for the end of 2024."
    )
    got = {(k[1], k[2], k[4], k[5]) for k in keys(text, "2025-06-01") if k[2] != 300000.0}
    assert got == {
        ("cumulative_sales", 150000.0, 2024, "china"),
        ("cumulative_sales", 90000.0, 2024, "europe"),
        ("cumulative_sales", 60000.0, 2024, "japan"),
    }


def test_a_market_named_before_a_single_figure_does_not_make_a_list() -> None:
    got = keys("In Europe, Honda sold 41,000 EVs in 2024, and in Japan 12,000.", "2025-06-01")
    assert {(k[2], k[5]) for k in got} == {(41000.0, "europe"), (12000.0, "japan")}
