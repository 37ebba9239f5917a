"""Rule families added after the held-out review (issue 6): one test per family, on sentences
written for these tests (news phrasing in general, no corpus text).

Each test names the family; `_claims` runs the whole extractor on a short body.
"""

from __future__ import annotations

import datetime as dt

from claim_keys import ABOUT_NISSAN

from evnews.claims import extract_claims
from evnews.claims.timex import find_times, resolve
from evnews.models import Claim

DAY = dt.date(2024, 5, 20)


def _claims(body: str, day: dt.date = DAY, title: str | None = None) -> list[Claim]:
    return extract_claims(body, published=day, title=title)


def _nissan(body: str, day: dt.date = DAY, title: str | None = None) -> list[tuple[str, str, float | None, int | None]]:
    return [(c.metric, c.kind, c.value, c.horizon_year) for c in _claims(body, day, title) if c.company == "Nissan"]


def _year(phrase: str, day: dt.date = DAY) -> tuple[int | None, bool]:
    times = [t for t in find_times(phrase) if not t.background]
    assert times, phrase
    return resolve(times[0], day, previous=None, plan_end=None), times[0].fiscal


# ---- times ----------------------------------------------------------------------


def test_a_year_named_by_its_closing_month_is_the_fiscal_year_before() -> None:
    assert _year("sales in the year to March 2022 were good") == (2021, True)
    assert _year("profits for the year ending March 2021") == (2020, True)


def test_the_middle_of_a_decade_is_its_fifth_year() -> None:
    assert _year("by the middle of the 2030s") == (2035, False)
    assert _year("in the mid-2020s") == (2025, False)


def test_the_end_of_the_year_is_this_year() -> None:
    assert _year("before the end of the year", dt.date(2019, 3, 1)) == (2019, False)
    assert _year("by year-end", dt.date(2019, 3, 1)) == (2019, False)


def test_relative_spans_may_be_approximate() -> None:
    assert _year("within about three years", dt.date(2020, 6, 1)) == (2023, False)


def test_a_deadline_closing_the_sentence_covers_every_clause() -> None:
    body = "Nissan aims to fit ProPILOT to 12 models, and to sell 900,000 cars a year equipped with it, by the end of fiscal 2027."
    got = _nissan(body)
    assert ("adas_model_launches", "target", 12.0, 2027) in got


# ---- who is speaking: forecasts and estimates of others ---------------------------


def test_analysts_at_a_firm_and_their_verbs_make_an_estimate_not_a_claim() -> None:
    body = "Analysts at a Zurich bank reckon Nissan could sell 400,000 EVs a year by 2029."
    assert _nissan(body) == []
    body = "Researchers at one consultancy estimated that the Leaf could add 30,000 sales a year."
    assert _nissan(body) == []


def test_the_writers_own_reckoning_is_no_claim() -> None:
    assert _nissan("My rough count: Nissan sold something like 90,000 electric cars in 2023.") == []
    assert _nissan("I'd be surprised if electric cars were more than 20% of Nissan's sales by 2027.") == []


def test_a_share_of_everybodys_car_sales_is_a_market_figure() -> None:
    body = "Nissan's chief said electric cars would make up a fifth of global car sales by 2030."
    assert _nissan(body) == []
    assert _nissan("In Denmark, about one in four new cars sold last year was fully electric.") == []


def test_an_overall_market_share_is_no_ev_claim_but_an_ev_market_share_is() -> None:
    assert _nissan("Nissan held a market share of 6.1% in the US last year.") == []
    got = _nissan("Nissan held a 30% share of Japan's electric car market in 2023.")
    assert ("market_share", "actual", 30.0, 2023) in got


# ---- what is counted --------------------------------------------------------------


def test_production_capacity_and_output_counts_are_other() -> None:
    got = _claims("Nissan has capacity to build 120,000 electric cars a year at the plant.")
    assert [c.metric for c in got] == ["other"]
    got = _claims("The Leaf line has passed 300,000 units of cumulative production.")
    assert [c.metric for c in got] == ["other"]


def test_a_line_up_trimmed_to_a_number_is_no_launch_count() -> None:
    assert _nissan("Nissan will cut its model range by a tenth, to 48 models, by 2026.") == []


def test_gigawatt_hours_are_battery_capacity_whatever_the_verb() -> None:
    got = _nissan("Nissan said it would have 60 GWh by fiscal 2027.")
    assert got == [("battery_capacity", "target", 60.0, 2027)]


def test_money_put_into_a_project_despite_decimal_points_and_a_hub_on_top() -> None:
    got = _nissan("The company is putting up to £2.4bn of its own money into the scheme.", title=ABOUT_NISSAN)
    assert got == [("investment", "target", 2.4e9, None)]
    got = _nissan("The new cash comes on top of the £900m battery hub announced in 2022.", title=ABOUT_NISSAN)
    assert got == [("investment", "target", 9e8, None)]


def test_a_result_verb_after_a_modal_and_an_adverb_is_a_plan() -> None:
    got = _nissan("Nissan has said output at the site could eventually reach as much as 25 GWh.")
    assert got == [("battery_capacity", "target", 25.0, None)]


# ---- who a figure is about ------------------------------------------------------------


def test_the_partners_and_the_three_are_the_alliance() -> None:
    body = "Renault and Nissan met in Paris. The boss said the partners had sold 300,000 electric cars so far."
    got = _claims(body)
    assert {c.company for c in got} == {"Alliance"}


def test_a_pronoun_subject_keeps_the_subject_named_before() -> None:
    body = ("The three partners will launch 20 electric models by 2029.\n"
            "They will spend €10bn on it over the next four years.\n"
            "Battery-wise, they want 100 GWh of capacity by 2029.")  # fmt: skip
    got = _claims(body, title="Nissan and partners")
    assert {c.company for c in got if c.metric == "battery_capacity"} == {"Alliance"}


def test_a_sentence_about_a_whole_market_is_nobodys_claim() -> None:
    assert _nissan("Brazil's electric car market is still tiny: about 19,000 electric cars were sold in 2023.") == []


def test_a_quota_set_by_a_regulator_is_no_company_target() -> None:
    body = "Nissan welcomed the rules, which require 30 percent of each carmaker's new car sales to be electric in 2026."
    assert _nissan(body) == []


def test_new_energy_models_are_electrified() -> None:
    got = _nissan("Nissan will launch eight new energy models in China by 2026.")
    assert got == [("electrified_model_launches", "target", 8.0, 2026)]


def test_a_named_period_after_the_count_beats_a_cumulative_word_elsewhere() -> None:
    got = _nissan("Nissan sold 61,000 Leafs worldwide in the year to March 2019, its best year so far.", dt.date(2019, 6, 1))
    assert got == [("ev_sales_volume", "actual", 61000.0, 2018)]


def test_a_highlights_item_without_a_company_defers_to_the_full_sentence() -> None:
    body = ("Key points:\nSpending of about $800 million over three years\n"
            "Renault and Nissan will together spend about $800 million in Brazil over three years.")  # fmt: skip
    got = _claims(body)
    assert [(c.company, c.metric) for c in got] == [("Alliance", "investment")]


def test_a_plant_opened_to_reporters_has_not_started_production() -> None:
    assert _nissan("Nissan showed its new battery pilot line in Tochigi to journalists in March.") == []


# ---- date claims: production starts, launches, technologies -------------------------------


def _dated(body: str, day: dt.date = DAY, title: str | None = None) -> list[tuple[str, str, str, int | None]]:
    return [(c.company, c.metric, c.kind, c.horizon_year) for c in _claims(body, day, title) if c.value in (None, 1.0)]


def test_output_and_the_start_of_production_are_production_cues() -> None:
    assert ("Nissan", "production_start", "target", 2027) in _dated("At the Tochigi plant, output is due to start in 2027.", title=ABOUT_NISSAN)
    got = _dated("Sources say Nissan has pushed the start of electric van production at Oppama back to May 2027.")
    assert ("Nissan", "production_start", "rumor", 2027) in got


def test_building_electric_vehicles_for_brands_from_a_year() -> None:
    got = _dated("Nissan will spend $300 million at its Decherd plant to build electric vehicles for two brands from 2026.")
    assert ("Nissan", "production_start", "target", 2026) in got


def test_a_single_model_reaching_dealers_following_or_that_could_arrive() -> None:
    assert ("Nissan", "ev_model_launches", "target", 2024) in _dated("The Ariya is due to reach European dealers this summer.")
    got = _dated("According to people familiar with the plan, Nissan's electric pickup could arrive by 2027.")
    assert ("Nissan", "ev_model_launches", "rumor", 2027) in got


def test_a_technology_in_a_production_car_and_a_maker_named_before_the_product() -> None:
    got = _dated("Nissan wants all-solid-state batteries in a production car by fiscal 2029.")
    assert ("Nissan", "technology_launch", "target", 2029) in got
    got = _dated("Toyota says it could start selling cars with all-solid-state batteries in 2028.")
    assert [c for c in got if c[1] == "technology_launch"] == [("Toyota", "technology_launch", "target", 2028)]


# ---- speed: the time-pattern pre-filter never changes what is found ----------------------

_TIME_PHRASES = [
    "between fiscal 2024 and fiscal 2030", "the business year starting April 2028", "the year to March 2018",
    "FY26 and FY2030", "fiscal year 2026", "by the end of 2025", "mid-2027", "in June 2024", "the year 2030",
    "by 2030", "by the end of the decade", "within the next five years", "within about two years", "over five years",
    "in three years' time", "within 18 months of the plan's launch", "within 18 months", "within next four years",
    "within a decade", "in the first quarter of 2024", "in the April-June quarter", "next fiscal year",
    "later this year", "before the end of the year", "last year", "last spring", "last month", "at around the same time",
    "by the end of the plan", "eventually", "since December", "by the middle of the 2020s", "Nissan sold 5,000 in May.",
]


def test_trigger_words_only_skip_patterns_that_cannot_match(monkeypatch: object) -> None:
    from evnews.claims import timex

    filtered = [timex.find_times(p) for p in _TIME_PHRASES]
    always = tuple((pattern, kind, fiscal, ("",)) for pattern, kind, fiscal, _ in timex._COMPILED)
    monkeypatch.setattr(timex, "_COMPILED", always)  # type: ignore[attr-defined]
    assert [timex.find_times(p) for p in _TIME_PHRASES] == filtered
    assert all(filtered), [p for p, f in zip(_TIME_PHRASES, filtered, strict=True) if not f]
