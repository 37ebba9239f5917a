"""The extractor on texts written for these tests, in phrasings the dev corpus does not use.

The extractor is graded on articles from other outlets, years and templates;
these texts guard that its rules are about English news phrasing, not about
the dev set's sentences.
"""

from __future__ import annotations

import datetime as dt

from claim_keys import ABOUT_NISSAN, keys
from evnews.claims import EXTRACTOR_VERSION, extract_claims
from evnews.models import KINDS, METRICS, QUALIFIERS, Claim


def only(text: str, published: str = "2023-05-01") -> Claim:
    claims = extract_claims(text, published=dt.date.fromisoformat(published))
    assert len(claims) == 1, claims
    return claims[0]


def test_version_is_set() -> None:
    assert EXTRACTOR_VERSION


def test_sales_share_in_a_region_by_fiscal_year() -> None:
    claim = only("Nissan aims to sell 40% EVs in the US by fiscal 2030.")
    assert (claim.metric, claim.value, claim.region, claim.horizon_year, claim.fiscal_year, claim.kind) == (
        "ev_sales_share", 40, "us", 2030, True, "target")  # fmt: skip


def test_descriptor_refers_back_and_last_year_is_resolved() -> None:
    text = "Nissan showed its plan on Tuesday. The Japanese automaker delivered 12,000 Ariyas last year."
    assert keys(text) == {("Nissan", "ev_sales_volume", 12000, "actual", 2022, "global")}


def test_rival_figures_stay_with_the_rival_and_elliptic_counts_are_read() -> None:
    text = "Toyota plans to launch 10 battery-electric models by 2026, while Nissan will add 19 by fiscal 2030."
    assert keys(text) == {
        ("Toyota", "ev_model_launches", 10, "target", 2026, "global"),
        ("Nissan", "ev_model_launches", 19, "target", 2030, "global"),
    }


def test_a_bracketed_currency_conversion_is_not_a_second_claim() -> None:
    claim = only("Honda said it would invest 10 trillion yen ($65 billion) in electrification through 2030.")
    assert (claim.company, claim.metric, claim.value, claim.unit) == ("Honda", "investment", 1e13, "JPY")


def test_former_figures_are_not_claims() -> None:
    assert keys("Nissan sold 35,000 electric vehicles in Europe in 2022, up from 30,000 a year earlier.") == {
        ("Nissan", "ev_sales_volume", 35000, "actual", 2022, "europe")
    }
    assert keys("Nissan now aims for 27 electrified models by 2030 instead of the 23 it promised in 2021.") == {
        ("Nissan", "electrified_model_launches", 27, "target", 2030, "global")
    }
    assert keys("Nissan had originally planned to launch eight EVs by 2022, but now expects to launch 10 by 2024.") == {
        ("Nissan", "ev_model_launches", 10, "target", 2024, "global")
    }
    assert keys("Nissan's new goal replaces the earlier target of 23 models.") == set()


def test_cancelled_plans_and_non_ev_numbers_give_nothing() -> None:
    text = (
        "Nissan has scrapped its plan to build 5 new EVs in the US by 2026. "
        "Nissan's share price fell 5% on Tuesday. Its operating profit rose 30% to 100 billion yen. "
        "The Ariya has a range of up to 500 km and an 87 kWh battery. The 2024 Leaf starts at $28,140. "
        "Nissan sold 4.05 million cars worldwide last year, a drop of 16%. "
        "Nissan will cut 9,000 jobs and close two of its 17 plants by fiscal 2026."
    )
    assert keys(text) == set()


def test_cumulative_sales_since_launch() -> None:
    claim = only("The carmaker has sold more than 600,000 Leaf EVs since its 2010 debut.")
    assert (claim.metric, claim.value, claim.qualifier, claim.product, claim.horizon_year) == (
        "cumulative_sales", 600000, "at_least", "Leaf", 2023)  # fmt: skip


def test_a_hedged_report_is_a_rumor() -> None:
    text = "Nissan said it is considering building EVs in India from 2027, according to people familiar with the matter."
    assert keys(text) == {("Nissan", "production_start", None, "rumor", 2027, "india")}
    claim = only("Nissan is reportedly planning to launch a $25,000 EV in the US in 2027.")
    assert (claim.metric, claim.value, claim.kind, claim.region) == ("ev_model_launches", 1, "rumor", "us")


def test_fractions_and_words_of_a_share() -> None:
    assert keys("By 2030, Nissan wants three in four cars it sells in Europe to be fully electric.") == {
        ("Nissan", "ev_sales_share", 75, "target", 2030, "europe")
    }
    assert keys("Nissan expects half of its European sales to be electric or e-POWER models by 2025.") == {
        ("Nissan", "electrified_sales_share", 50, "target", 2025, "europe")
    }


def test_relative_horizons() -> None:
    assert keys("Nissan will launch 15 new EVs in the next five years, it said on Tuesday.") == {
        ("Nissan", "ev_model_launches", 15, "target", 2028, "global")
    }
    # Counted from the announcement the text dates, not from the article.
    assert keys("In 2019, Nissan announced that it would launch eight EVs within three years.", "2021-06-01") == {
        ("Nissan", "ev_model_launches", 8, "target", 2022, "global")
    }
    assert keys("Nissan hopes electric cars will account for half of its sales in Japan within a decade.") == {
        ("Nissan", "ev_sales_share", 50, "target", 2033, "japan")
    }


def test_end_of_a_named_plan() -> None:
    text = "Under its Pace to 2025 plan, Nissan wants to sell 300,000 electrified vehicles a year by the end of the plan."
    assert keys(text, "2021-01-10") == {("Nissan", "electrified_sales_volume", 300000, "target", 2025, "global")}


def test_nationality_descriptor_picks_the_rival() -> None:
    text = (
        "Nissan's sales in China fell again. Competition in China has grown as BYD expanded. "
        "The Chinese company sold 3 million electrified vehicles last year."
    )
    assert keys(text, "2024-02-01") == {("BYD", "electrified_sales_volume", 3e6, "actual", 2023, "global")}


def test_a_repeated_statement_counts_once() -> None:
    text = (
        "Nissan will launch 19 new EVs by FY2030.\n"
        "“We will launch 19 new EVs,” the chief executive said.\n"
        "Nissan will launch 19 new EVs by FY2030."
    )
    claims = extract_claims(text, published=dt.date(2023, 5, 1))
    assert [(c.metric, c.value, c.horizon_year) for c in claims] == [("ev_model_launches", 19, 2030)]


def test_date_claims_carry_the_year_and_no_value() -> None:
    got = keys(
        "Nissan expects the all-solid-state battery to be commercialised in fiscal 2028. "
        "Nissan says it will reach carbon neutrality by 2050. "
        "Production of the new Leaf will start at Sunderland in 2026."
    )
    assert got == {
        ("Nissan", "technology_launch", None, "target", 2028, "global"),
        ("Nissan", "carbon_neutrality", None, "target", 2050, "global"),
        ("Nissan", "production_start", None, "target", 2026, "uk"),
    }


def test_every_field_is_in_the_contract_vocabulary() -> None:
    text = (
        "Nissan plans to invest $1.4 billion in its Smyrna plant to build EVs from 2025. "
        "Nissan plans to roll out ProPILOT on 2.5 million vehicles by 2026. "
        "Nissan aims for e-POWER to make up 20% of its sales in Japan by 2025."
    )
    claims = extract_claims(text, published=dt.date(2023, 5, 1))
    assert len(claims) >= 3
    for claim in claims:
        assert claim.metric in METRICS and claim.kind in KINDS and claim.qualifier in QUALIFIERS
        assert claim.evidence in text


def test_alliance_partners_named_together_are_the_alliance() -> None:
    assert keys("Nissan, Renault and Mitsubishi will share 35 new EV models by 2030.") == {
        ("Alliance", "ev_model_launches", 35, "target", 2030, "global")
    }
    assert keys("Renault and Nissan have sold a combined 1 million EVs.") == {
        ("Alliance", "cumulative_sales", 1e6, "actual", 2023, "global")
    }


def test_a_range_is_two_claims_its_lower_and_upper_end() -> None:
    # The target registry stores a range as a _low and a _high row; each end is a claim.
    for text in (
        "Nissan expects electrified vehicles to reach between 40% and 50% of its sales by 2030.",
        "Nissan is aiming for a 40-50% share of electrified sales by 2030.",
        "Nissan is aiming for electrified cars to make up 40% to 50% of its sales by 2030.",
    ):
        claims = extract_claims(text, published=dt.date(2023, 5, 1))
        got = {(c.metric, c.value, c.qualifier, c.horizon_year) for c in claims}
        assert got == {("electrified_sales_share", 40, "at_least", 2030), ("electrified_sales_share", 50, "at_most", 2030)}


def test_a_single_new_ev_with_its_year() -> None:
    claim = only("Infiniti will launch its first EV in 2025 and electrify its full lineup by 2030.")
    assert (claim.company, claim.metric, claim.value, claim.horizon_year) == ("Nissan", "ev_model_launches", 1, 2025)


def test_periods_decide_between_cumulative_and_yearly_sales() -> None:
    assert keys("Its global EV sales fell 9% in the quarter to 28,000 units, Nissan said.", "2024-07-25") == {
        ("Nissan", "ev_sales_volume", 28000, "actual", 2024, "global")
    }
    assert keys("The company sold about 560,000 Leafs worldwide through March, Nissan said.", "2022-06-10") == {
        ("Nissan", "cumulative_sales", 560000, "actual", 2022, "global")
    }


def test_a_company_named_inside_an_aside_is_not_the_subject() -> None:
    text = "Mitsubishi Motors, in which Nissan holds a 24% stake, plans to launch 16 new models by fiscal 2028."
    assert keys(text) == {("Mitsubishi", "new_model_launches", 16, "target", 2028, "global")}


def test_compound_words_and_months() -> None:
    text = "The Renault-Nissan Alliance aims to sell 1.5 million zero-emission vehicles cumulatively by 2020."
    assert keys(text, "2016-10-20") == {("Alliance", "cumulative_sales", 1.5e6, "target", 2020, "global")}
    text = "Under its new plan, the automaker will launch 12 new models in the next 18 months."
    assert keys(text, "2020-05-28") == {("Nissan", "new_model_launches", 12, "target", 2021, "global")}


def test_a_share_raised_to_a_figure() -> None:
    text = "Nissan will launch two new EVs in Japan, taking its electrified share in that market to 60% by fiscal 2023."
    assert ("Nissan", "electrified_sales_share", 60, "target", 2023, "japan") in keys(text, "2020-05-28")


def test_percent_cuts_of_capacity_or_profit_are_no_claims() -> None:
    text = (
        "Nissan said it would reduce global production capacity by 10 percent by fiscal 2022, "
        "after first-quarter operating profit fell 99 percent."
    )
    assert keys(text, "2019-07-25") == set()


# ---- rule families added for held-out phrasing (one test each; sentences written for these tests) ----


def test_ordinal_milestones_count_sales_or_production() -> None:
    assert keys("The brand handed over its 250,000th e-NV200 van to a Paris courier in May 2022.", "2022-06-01") == {
        ("Nissan", "cumulative_sales", 250000, "actual", 2022, "global")
    }
    claims = extract_claims("Nissan's Smyrna plant built its 500,000th Leaf last week.", published=dt.date(2023, 5, 1))
    assert [(c.metric, c.value) for c in claims] == [("other", 500000)]


def test_a_dateline_without_a_date_is_not_a_place_of_the_claim() -> None:
    claim = only("TOKYO (Reuters) - Nissan plans to sell 400,000 EVs a year by 2028.")
    assert (claim.region, claim.value, claim.horizon_year) == ("global", 400000, 2028)


def test_a_year_before_a_name_is_a_model_year_only_after_a_determiner() -> None:
    assert keys("By 2027 Nissan wants 30% of its sales to be electric.") == {
        ("Nissan", "ev_sales_share", 30, "target", 2027, "global")
    }
    assert keys("The 2027 Ariya will cost less.") == set()


def test_shares_of_a_named_market_are_market_shares() -> None:
    assert keys("Nissan held a 12% share of Britain's electric van market last year.") == {
        ("Nissan", "market_share", 12, "actual", 2022, "uk")
    }
    assert ("Nissan", "market_share", 9, "actual", 2023, "global") in keys("Nissan took 9% of the European EV segment in 2023.")


def test_a_segment_share_is_not_a_company_share() -> None:
    text = "Nissan will add three electric kei cars by 2026 for Japan, where the kei class accounts for about 40% of sales."
    assert keys(text) == {("Nissan", "ev_model_launches", 3, "target", 2026, "japan")}


def test_the_powertrain_named_nearest_a_share_decides_it() -> None:
    text = "In Norway, where Nissan no longer sells hybrids, EVs made up 95% of its sales in 2022."
    assert keys(text) == {("Nissan", "ev_sales_share", 95, "actual", 2022, "europe")}


def test_a_result_verb_under_a_modal_states_a_plan() -> None:
    text = "In China the electrified share is to hit 30% by 2027, while EVs are to reach 15%."
    got = keys(text, title=ABOUT_NISSAN)
    assert ("Nissan", "electrified_sales_share", 30, "target", 2027, "china") in got
    assert all(k[3] == "target" for k in got)


def test_brands_are_products_and_their_electrification_start_is_a_technology_launch() -> None:
    claims = extract_claims("Nissan expects 60% of Infiniti's sales to be electrified by 2028.", published=dt.date(2023, 5, 1))
    assert [(c.company, c.product, c.metric, c.value) for c in claims] == [("Nissan", "Infiniti", "electrified_sales_share", 60)]
    claims = extract_claims("The Infiniti brand will start offering electrified models from 2024.", published=dt.date(2023, 5, 1))
    assert [(c.product, c.metric, c.horizon_year) for c in claims] == [("Infiniti", "technology_launch", 2024)]
    # The completion of an electrification is no launch date.
    assert keys("Lexus will electrify its whole range by 2035.") == set()


def test_a_hybrid_system_brought_to_a_market_is_a_technology_launch_there() -> None:
    assert keys("In Mexico, Nissan will introduce its e-POWER technology in 2025.") == {
        ("Nissan", "technology_launch", None, "target", 2025, "mexico")
    }
    # A count of e-POWER models is a model launch, not a technology launch.
    assert {k[1] for k in keys("Nissan will launch five e-POWER models in Europe by 2026.")} == {"epower_model_launches"}


def test_a_leading_region_scopes_every_clause() -> None:
    text = "For China, Nissan expects EVs to reach 20% of its sales by 2025, and for that share to rise to 35% by 2028."
    assert keys(text) == {
        ("Nissan", "ev_sales_share", 20, "target", 2025, "china"),
        ("Nissan", "ev_sales_share", 35, "target", 2028, "china"),
    }


def test_figures_listed_with_a_replaced_figure_are_former_too() -> None:
    assert keys("The new goals supersede the 12 hybrids and 8 EVs it promised in 2019.") == set()


def test_a_number_after_of_the_points_back() -> None:
    text = "Nissan plans 20 new models by 2026. Twelve of the 20 models will be electrified."
    assert keys(text) == {
        ("Nissan", "new_model_launches", 20, "target", 2026, "global"),
        ("Nissan", "electrified_model_launches", 12, "target", 2026, "global"),
    }


def test_same_year_reads_the_time_named_earlier_in_the_sentence() -> None:
    text = "Nissan's aim is 10 electric models by 2027, and it expects EVs to make up 25% of its sales in the same year."
    assert keys(text) == {
        ("Nissan", "ev_model_launches", 10, "target", 2027, "global"),
        ("Nissan", "ev_sales_share", 25, "target", 2027, "global"),
    }


def test_production_counts_so_far_are_other_and_raised_sales_are_increases() -> None:
    claims = extract_claims("Nissan has produced more than 80,000 Sakuras in Okayama.", published=dt.date(2023, 5, 1))
    assert [(c.metric, c.value) for c in claims] == [("other", 80000)]
    assert keys("Nissan wants to raise its global sales by 500,000 vehicles by fiscal 2026.") == {
        ("Nissan", "sales_volume_increase", 500000, "target", 2026, "global")
    }


def test_vans_and_trucks_are_units_sold() -> None:
    assert keys("Nissan has delivered over 9,000 Townstar vans in France since 2022.") == {
        ("Nissan", "cumulative_sales", 9000, "actual", 2023, "europe")
    }


def test_money_for_a_named_project_or_put_into_a_plant_is_a_committed_investment() -> None:
    assert keys("Nissan on Monday unveiled a $2 billion programme to retool two US plants for EVs.") == {
        ("Nissan", "investment", 2e9, "target", None, "us")
    }
    assert keys("Its partner will put €300 million into a battery plant in France.", title=ABOUT_NISSAN) == {
        ("Nissan", "investment", 3e8, "target", None, "europe")
    }


def test_production_starts_with_modals_and_a_town_state_site() -> None:
    text = "Production of the electric pickups at its Smyrna, Tennessee factory may begin in 2027, according to people familiar with the plan."
    assert keys(text, title=ABOUT_NISSAN) == {("Nissan", "production_start", None, "rumor", 2027, "us")}


def test_months_after_a_plan_was_presented_count_from_that_date() -> None:
    text = (
        "The plan, which the company presented in March, runs for three years.\n"
        "Nissan has promised 10 new models within 18 months of the plan's launch."
    )
    assert keys(text, "2024-07-01") == {("Nissan", "new_model_launches", 10, "target", 2025, "global")}


def test_a_connected_share_names_its_noun_late() -> None:
    text = "By 2026, 90% of new Nissan cars sold in Europe and the US are to be connected vehicles."
    assert {(k[1], k[2]) for k in keys(text)} == {("connected_share", 90)}


def test_members_of_a_counted_set_and_roll_out_counts_are_not_launches() -> None:
    text = "Nissan will launch six new EVs by 2026, among them an electric pickup for the US."
    assert keys(text) == {("Nissan", "ev_model_launches", 6, "target", 2026, "global")}
    text = "ProPILOT will be offered on 12 models by fiscal 2024."
    assert {k[1] for k in keys(text)} == {"adas_model_launches"}


# ---- dev-only cues replaced by their phrase families ----


def test_a_restated_target_is_a_target() -> None:
    assert keys("Honda reaffirmed its goal of 30 EV models by 2030.") == {("Honda", "ev_model_launches", 30, "target", 2030, "global")}
    assert keys("Nissan is sticking to its plan for 40% electric sales in the US by 2030.") == {
        ("Nissan", "ev_sales_share", 40, "target", 2030, "us")
    }


def test_stood_at_and_amounted_to_report_results() -> None:
    assert keys("Nissan's EV sales in Europe stood at 48,000 in 2022.") == {("Nissan", "ev_sales_volume", 48000, "actual", 2022, "europe")}


def test_second_hand_documents_are_rumours_and_industry_data_is_not() -> None:
    text = "A leaked memo shows Nissan will build 3 new EVs in Mexico by 2027."
    assert {k[3] for k in keys(text)} == {"rumor"}
    text = "Nissan sold 21,000 EVs in Japan last year, according to industry data."
    assert keys(text) == {("Nissan", "ev_sales_volume", 21000, "actual", 2022, "japan")}


def test_countries_as_policy_makers_or_nationalities_are_not_markets() -> None:
    text = "Nissan, citing U.S. tariffs, still expects to sell 200,000 EVs by 2026."
    assert keys(text) == {("Nissan", "ev_sales_volume", 200000, "target", 2026, "global")}
    assert keys("The home market of Norway took 5,000 Ariyas in 2022.", "2023-01-15") == {
        ("Nissan", "ev_sales_volume", 5000, "actual", 2022, "europe")
    }


def test_any_named_plan_with_an_end_year_ends_there() -> None:
    text = "Under its Drive to 2026 plan, Nissan wants 250,000 electrified sales a year by the end of the plan."
    assert keys(text, "2023-03-01") == {("Nissan", "electrified_sales_volume", 250000, "target", 2026, "global")}
