"""Round 5 of general mechanisms, each shown on sentences written for this file.

The error types behind them came from tests/heldout7 (spent for tuning in this round); the rules are
about how English news text phrases figures in general: a baseline year, a part named before its
whole, a month of last year, former positions.
"""

from __future__ import annotations

import datetime as dt

from claim_keys import ABOUT_NISSAN, keys
from evnews.claims import extract_claims


# ---- a year a change is measured from is no deadline ----


def test_the_year_a_rise_is_compared_with_is_its_baseline_not_its_deadline() -> None:
    got = keys("Honda will lift yearly sales by 500,000 cars by fiscal 2028 compared with fiscal 2024.", "2025-01-10")
    assert got == {("Honda", "sales_volume_increase", 500000.0, "target", 2028, "global")}
    got = keys("Honda intends to lift yearly sales by 500,000 cars relative to 2024 levels.", "2025-01-10")
    assert {(k[3], k[4]) for k in got} == {("target", None)}


def test_a_deadline_in_an_earlier_clause_is_not_replaced_by_the_baseline() -> None:
    text = "Under the plan Honda will add 12 new models by 2027 and raise annual sales by 300,000 vehicles versus 2024."
    got = keys(text, "2025-02-01")
    assert ("Honda", "sales_volume_increase", 300000.0, "target", 2027, "global") in got


# ---- a part named before its whole ----


def test_a_whole_first_stated_after_its_part_is_a_claim_and_the_part_takes_its_predicate() -> None:
    got = keys("Worldwide, 12 of the 20 new models due by 2028 will be electrified, Toyota said.", "2025-01-10")
    assert got == {
        ("Toyota", "electrified_model_launches", 12.0, "target", 2028, "global"),
        ("Toyota", "new_model_launches", 20.0, "target", 2028, "global"),
    }


def test_a_whole_the_article_gave_before_is_not_counted_twice() -> None:
    text = "Mazda will bring out 20 new models by 2028. Twelve of the 20 models will be electrified."
    got = keys(text, "2025-01-10")
    assert got == {
        ("Mazda", "new_model_launches", 20.0, "target", 2028, "global"),
        ("Mazda", "electrified_model_launches", 12.0, "target", 2028, "global"),
    }


def test_what_a_part_will_be_decides_its_powertrain() -> None:
    text = "Honda will launch 14 electrified models by 2029. Six of the 14 electrified models will be fully electric."
    assert ("Honda", "ev_model_launches", 6.0, "target", 2029, "global") in keys(text, "2025-01-10")
    text = "Honda will launch 14 new models by 2029, nine of them electrified."
    assert ("Honda", "electrified_model_launches", 9.0, "target", 2029, "global") in keys(text, "2025-01-10")


# ---- a month of last year ----


def test_a_month_of_last_year_is_in_the_year_before_the_text() -> None:
    got = keys("More than 4,000 Ariyas had been registered in Norway by May of last year.", "2024-10-02")
    assert {(k[1], k[4]) for k in got} == {("cumulative_sales", 2023)}
    got = keys("More than 4,000 Ariyas had been registered in Norway by May.", "2024-10-02")
    assert {(k[1], k[4]) for k in got} == {("cumulative_sales", 2024)}


# ---- a date of an earlier step is no deadline; a share that already made up is a result ----


def test_the_date_of_an_earlier_step_is_not_the_deadline_of_a_figure() -> None:
    text = "Honda now plans 30 EVs by 2030, part of 40 electrified launches, after lifting both goals in May."
    got = keys(text, "2024-09-01")
    assert {(k[1], k[2], k[4]) for k in got} == {("ev_model_launches", 30.0, 2030), ("electrified_model_launches", 40.0, 2030)}


def test_a_share_that_already_made_up_part_of_sales_is_a_result() -> None:
    text = "Plug-in hybrids already made up 12 per cent of Toyota's Japanese sales in the year the plan was announced."
    assert {(k[1], k[3]) for k in keys(text, "2024-09-01")} == {("electrified_sales_share", "actual")}
    text = "Electric cars will make up 12 per cent of Toyota's Japanese sales by 2027."
    assert {(k[1], k[3]) for k in keys(text, "2024-09-01")} == {("ev_sales_share", "target")}


# ---- production starts: a weekday, the verb before the noun, the first cars off the line ----


def test_a_named_model_started_on_a_weekday_started_this_year() -> None:
    got = keys("Nissan started series production of the Micra EV at its Douai plant on Wednesday.", "2025-06-12")
    assert {(k[1], k[3], k[4]) for k in got} == {("production_start", "actual", 2025)}
    # a plant starting up is no model's production start
    assert keys("Its supplier's cell plant started production on Friday.", "2025-06-12") == set()


def test_production_pushed_back_or_delayed_to_a_year_is_a_new_start_date() -> None:
    got = keys("Toyota has pushed back electric SUV production at its Kentucky plant to 2027.", "2025-01-10")
    assert {(k[1], k[3], k[4], k[5]) for k in got} == {("production_start", "target", 2027, "us")}
    got = keys("Honda delayed the start of EV production in Ontario until 2030, people familiar with the matter said.", "2025-01-10")
    assert {(k[1], k[3], k[4]) for k in got} == {("production_start", "rumor", 2030)}


def test_the_first_cars_coming_off_the_line_start_production_but_a_later_car_is_a_milestone() -> None:
    got = keys("The first Prologues built in Ohio will roll off the line in March, Honda told suppliers.", "2024-11-20")
    assert {(k[1], k[3], k[4]) for k in got} == {("production_start", "target", 2025)}
    assert {k[1] for k in keys("The 100,000th Prologue rolled off the line in March.", "2024-11-20")} <= {"other"}


# ---- positions given up since ----


def test_a_position_held_as_recently_as_a_past_year_is_no_claim() -> None:
    text = "As recently as 2019, Toyota was talking about EVs making up 10 to 15 per cent of its sales by 2030."
    assert keys(text, "2024-09-01") == set()
    assert keys("Until recently Honda planned 12 EVs by 2030.", "2024-09-01") == set()


def test_the_target_a_plan_replaces_is_no_claim_but_its_replacement_is() -> None:
    assert keys("The strategy replaces a goal, set in 2022, of six EVs in Europe by 2026.", "2024-09-01") == set()
    got = keys("Honda replaced its target of eight EVs with a goal of 12 by 2030.", "2024-09-01")
    assert got == {("Honda", "ev_model_launches", 12.0, "target", 2030, "global")}


# ---- who acts, what "of them" counts, a figure on its own line, money a plant gets ----


def test_the_owner_of_an_object_is_not_the_subject_that_acts() -> None:
    text = "Honda will lead the alliance's work on solid-state cells and plans to launch them in 2029."
    assert {(k[0], k[1], k[4]) for k in keys(text, "2025-01-10")} == {("Honda", "technology_launch", 2029)}
    text = "The alliance's work on solid-state cells is due to launch them in 2029."
    assert {k[0] for k in keys(text, "2025-01-10", ABOUT_NISSAN)} == {"Alliance"}


def test_of_them_counts_the_cars_named_before_it() -> None:
    text = "Toyota's plug-in hybrids are popular in Norway: by June last year it had sold more than 40,000 of them there."
    assert {(k[1], k[2], k[3], k[4]) for k in keys(text, "2024-09-01")} == {("cumulative_sales", 40000.0, "actual", 2023)}
    text = "The plant has built Corollas since 2010 and had turned out 300,000 of them by May."
    assert {k[1] for k in keys(text, "2024-09-01")} <= {"other"}


def test_a_figure_on_a_line_of_its_own_is_what_the_next_sentence_says_it_is() -> None:
    text = "Three numbers to watch\n1. 45%\nThat is the share of Honda's Chinese sales it wants to be fully electric by 2028."
    assert keys(text, "2024-09-01") == {("Honda", "ev_sales_share", 45.0, "target", 2028, "china")}
    assert keys("Honda sold 300 cars.\nThat is the share of nothing.", "2024-09-01") == set()


def test_money_a_plant_will_get_is_an_investment() -> None:
    text = "Toyota said its Kentucky factory would be retooled for EVs.\nThe factory will get $900 million for the work."
    assert ("Toyota", "investment", 900000000.0, "target", None, "us") in keys(text, "2024-09-01")
    assert keys("The factory will receive $90 million in state grants.", "2024-09-01") == set()


# ---- regions: "the country", an explicit "globally", a local supply chain ----


def test_the_country_is_the_country_named_before() -> None:
    text = "Toyota sells few EVs in India.\nToyota will invest 50 billion rupees in the country by 2027."
    assert ("Toyota", "investment", 50000000000.0, "target", 2027, "india") in keys(text, "2024-09-01")
    assert {k[5] for k in keys("Toyota will invest $1bn in the country by 2027.", "2024-09-01")} == {"global"}


def test_a_part_said_to_be_global_does_not_take_the_region_of_the_figure_before() -> None:
    text = "Honda will launch 12 new models in China by 2027. Worldwide, seven of them will be electrified."
    assert ("Honda", "electrified_model_launches", 7.0, "target", 2027, "global") in keys(text, "2024-09-01")
    text = "Honda will launch 12 new models in China by 2027, seven of them electrified."
    assert ("Honda", "electrified_model_launches", 7.0, "target", 2027, "china") in keys(text, "2024-09-01")


def test_money_spent_on_a_local_supply_chain_stays_in_the_storys_country() -> None:
    text = (
        "Nissan started building the Juke EV at Sunderland in north-east England on Monday.\n"
        "The company said it had spent £300 million on tooling and on the local supply chain."
    )
    got = {(k[1], k[5]) for k in keys(text, "2025-03-04") if k[1] == "investment"}
    assert got == {("investment", "uk")}


# ---- a deadline inside a relative clause with a figure of its own ----


def test_a_deadline_in_a_following_under_which_clause_belongs_to_that_clauses_figure() -> None:
    text = "The money adds to Honda's own $5bn programme, under which it will launch 10 EVs by fiscal 2028."
    got = keys(text, "2024-09-01")
    assert ("Honda", "investment", 5000000000.0, "target", None, "global") in got
    assert ("Honda", "ev_model_launches", 10.0, "target", 2028, "global") in got
    claims = extract_claims(text, published=dt.date(2024, 9, 1))
    assert all(c.fiscal_year == (c.horizon_year is not None) for c in claims)  # no fiscal flag without a year
    text = "Honda plans 25 electrified models, among which 12 EVs, by 2030."
    assert {k[4] for k in keys(text, "2024-09-01")} == {2030}


def test_a_single_plug_in_hybrid_launch_is_an_electrified_model_not_an_ev() -> None:
    text = "Toyota's bZ5 goes on sale in China this month. It will be followed next year by a plug-in hybrid pickup."
    got = {(k[1], k[4]) for k in keys(text, "2025-04-24")}
    assert ("electrified_model_launches", 2026) in got and ("ev_model_launches", 2026) not in got
    text = "Toyota's bZ5 goes on sale in China this month. It will be followed next year by an electric pickup."
    assert ("ev_model_launches", 2026) in {(k[1], k[4]) for k in keys(text, "2025-04-24")}


def test_the_maker_of_a_twin_is_not_the_subject() -> None:
    text = "The Leaf and its Renault twin took about a third of Norway's EV sales last year."
    assert {(k[0], k[1]) for k in keys(text, "2024-09-01")} == {("Nissan", "market_share")}
    text = "Renault's twin of the Leaf took about a third of Norway's EV sales last year."
    assert {k[0] for k in keys(text, "2024-09-01")} <= {"Renault"}


def test_the_model_just_named_is_the_ev_a_launch_sentence_points_back_to() -> None:
    text = "Tochigi has built the Ariya since 2022.\nThe Japan-built model will go on sale in India early next year."
    assert ("Nissan", "ev_model_launches", 1.0, "target", 2026, "india") in keys(text, "2025-06-01")
    text = "Toyota sold many Corollas in Japan.\nThe new model will go on sale in India early next year."
    assert keys(text, "2025-06-01") == set()
