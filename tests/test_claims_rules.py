"""One test per rule of the claim extractor's stages (sentences, numbers, times, mentions, frames)."""

from __future__ import annotations

import datetime as dt

import pytest

from evnews.claims.mentions import find_companies, find_regions
from evnews.claims.numbers import find_numbers
from evnews.claims.sentences import split_body, split_sentences
from evnews.claims.timex import find_times, resolve

# ---- sentences ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("Sales in the U.S. rose. Nissan said so.", 2),
        ("Nissan M.O.V.E. to 2022 is the plan. It ends soon.", 2),
        ("Nissan Motor Co. said it sold 1.5 million cars. Toyota sold more.", 2),
        ("1. Strategic Vision: Nissan Ambition 2030", 1),
        ("The pack costs approx. $75 per kWh. That is cheap.", 2),
        ("It rose 4.5% in 2022. Then it fell.", 2),
    ],
)
def test_sentence_split_keeps_abbreviations_and_decimals(line: str, count: int) -> None:
    assert len(split_sentences(line)) == count


def test_lines_after_a_lead_in_are_list_items_and_numbered_headings_end_them() -> None:
    body = "The targets for FY2026 are:\nEurope: 98%\nJapan: 58%\n2. Next section\nPlain paragraph here."
    sentences = split_body(body)
    assert [s.is_list_item for s in sentences] == [False, True, True, False, False]
    assert sentences[0].is_lead_in and sentences[3].is_heading


# ---- numbers ------------------------------------------------------------------


def _one(text: str) -> tuple[float, str | None, str]:
    numbers = find_numbers(text)
    assert len(numbers) == 1, numbers
    return numbers[0].value, numbers[0].unit, numbers[0].qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("sold 320,000 cars", 320000, None, "exact"),
        ("one million electric cars", 1e6, None, "exact"),
        ("a million", 1e6, None, "exact"),
        ("nearly half a million cars", 5e5, None, "approx"),
        ("1.5m units", 1.5e6, None, "exact"),
        ("100k sales", 1e5, None, "exact"),
        ("650k+ sold", 6.5e5, None, "at_least"),
        ("¥2tn plan", 2e12, "JPY", "exact"),
        ("up to £3bn of investment", 3e9, "GBP", "at_most"),
        ("2 trillion yen", 2e12, "JPY", "exact"),
        ("$17.6bn", 17.6e9, "USD", "exact"),
        ("Twenty of them", 20, None, "exact"),
        ("more than half of sales", 50, "percent", "at_least"),
        ("three-quarters of its sales", 75, "percent", "exact"),
        ("three in four cars", 75, "percent", "exact"),
        ("a third of sales", 100 / 3, "percent", "exact"),
        ("nearly all of its sales", 100, "percent", "approx"),
        ("40 per cent", 40, "percent", "exact"),
        ("no less than five models", 5, None, "at_least"),
        ("about 22,500 cars", 22500, None, "approx"),
        ("had topped 100,000 units", 1e5, None, "at_least"),
        ("40-50% of sales", 40, "percent", "at_least"),
        ("$500 million+", 5e8, "USD", "at_least"),
    ],
)
def test_numbers_are_normalised(text: str, value: float, unit: str | None, qualifier: str) -> None:
    got_value, got_unit, got_qualifier = _one(text)
    assert got_value == pytest.approx(value)
    assert (got_unit, got_qualifier) == (unit, qualifier)


@pytest.mark.parametrize("text", ["all-electric cars", "its 10th birthday", "an e-NV200 van", "once every half a year", "a 58kWh pack"])
def test_words_that_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("handed over its 250,000th Zoe", 250000), ("the one millionth EV", 1e6), ("its 2 millionth car", 2e6)],
)
def test_ordinal_milestones_are_numbers_marked_as_ordinals(text: str, value: float) -> None:
    (number,) = find_numbers(text)
    assert number.is_ordinal and number.value == pytest.approx(value) and number.unit is None


# ---- times --------------------------------------------------------------------

ANCHOR = dt.date(2021, 11, 29)


@pytest.mark.parametrize(
    ("text", "year", "fiscal"),
    [
        ("by fiscal 2030", 2030, True),
        ("by FY2030", 2030, True),
        ("by FY26", 2026, True),
        ("by fiscal year 2030", 2030, True),
        ("in the business year starting April 2028", 2028, True),
        ("by the end of the decade", 2030, False),
        ("within five years", 2026, False),
        ("in the next five years", 2026, False),
        ("within next four years", 2025, False),
        ("over 5 years", 2026, False),
        ("next year", 2022, False),
        ("later this year", 2021, False),
        ("in the coming months", 2021, False),
        ("last year", 2020, False),
        ("by the summer of 2027", 2027, False),
        ("within a decade", 2031, False),
    ],
)
def test_time_expressions_resolve_against_the_article_date(text: str, year: int, fiscal: bool) -> None:
    times = [t for t in find_times(f"Nissan will do it {text}.") if not t.background]
    assert len(times) == 1, times
    assert resolve(times[0], ANCHOR, previous=None, plan_end=None) == year
    assert times[0].fiscal is fiscal


def test_last_spring_in_january_is_the_year_before() -> None:
    (time,) = find_times("Nissan began building it last spring.")
    assert resolve(time, dt.date(2014, 1, 20), previous=None, plan_end=None) == 2013


@pytest.mark.parametrize(
    "text",
    [
        "the Leaf went on sale in 2010",
        "since December 2010",
        "Nissan promised in 2022 to do it",
        "a plan announced at Auto Shanghai in April 2025",
        "since its launch in mid-2022",
    ],
)
def test_launch_and_announcement_dates_are_background(text: str) -> None:
    assert all(t.background for t in find_times(text))


def test_a_year_at_the_head_of_an_announcement_anchors_it() -> None:
    times = find_times("Last year, the Renault, Nissan & Mitsubishi alliance announced it will act within 5 years.")
    assert times[0].announcement and not times[1].background


# ---- mentions -----------------------------------------------------------------


def test_alliance_is_recognised_before_its_members() -> None:
    names = [c.name for c in find_companies("the Renault-Nissan alliance and Renault–Nissan–Mitsubishi Alliance")]
    assert names == ["Alliance", "Alliance"]


def test_descriptors_are_references() -> None:
    (mention,) = find_companies("The Yokohama-based company said")
    assert mention.name == "" and mention.descriptor == "hq:yokohama"


@pytest.mark.parametrize(
    ("text", "region"),
    [("sold in the United States", "us"), ("European buyers", "europe"), ("all over the world", "global"),
     ("the Japanese market", "japan"), ("in the UK", "uk"), ("in North America", "north_america")],
)  # fmt: skip
def test_regions(text: str, region: str) -> None:
    assert [r.name for r in find_regions(text)] == [region]


@pytest.mark.parametrize("text", ["The Japanese company said", "China's BYD sold"])
def test_nationalities_are_not_regions(text: str) -> None:
    assert find_regions(text) == []
