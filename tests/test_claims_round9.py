"""Round 9 of general mechanisms, each shown on sentences written for this file.

The error types behind them came from tests/heldout14 and tests/heldout16 (spent for tuning in this
round, claims-rules-15); the rules are about how English news text phrases figures in general: a
deadline pointed back to ("by then"), a part of a model count named by what it runs on, a speech verb
that is no result.
"""

from __future__ import annotations

import datetime as dt

from evnews.claims import extract_claims

Key = tuple[str, str, float | None, str, int | None, str]


def keys(text: str, published: str = "2023-05-01") -> set[Key]:
    claims = extract_claims(text, published=dt.date.fromisoformat(published))
    return {(c.company, c.metric, c.value, c.kind, c.horizon_year, c.region) for c in claims}


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
