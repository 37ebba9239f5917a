"""Articles that name no carmaker carry no claims (claims.md: a claim is a company's).

Feeds of EV news also carry stories about budgets, streaming deals and start-up
funding. Before this rule their money figures became "Nissan" investment claims,
because an article's company falls back to Nissan when it names none; on the real
pages of shared/bench (181 benchmark pages and 900 real feed items) that made 37
false Nissan claims.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from claim_keys import keys

from evnews.claims import extract_claims
from evnews.claims.local import names_a_carmaker

SHARED = Path(os.environ.get("EVNEWS_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
BENCH_TRUTH = SHARED / "bench" / "extraction" / "ground-truth.json"


@pytest.mark.parametrize(
    "text",
    [
        "The county will spend $40 million on new bus shelters by 2027, the council said.",
        "The streaming service expects to reach 12 million subscribers next year and plans to invest $2 billion in shows.",
        "The start-up has raised $18 million so far and aims to double its staff by 2026.",
        # A lobby group's name is no carmaker alliance.
        "The Alliance for Cleaner Ports wants 5,000 electric trucks on the docks by 2030.",
        # Battery research is every battery maker's subject.
        "The lab says solid-state batteries could cost $75 per kWh by 2028.",
    ],
)
def test_an_article_naming_no_carmaker_has_no_claims(text: str) -> None:
    assert keys(text) == set()


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # The company named only in the headline.
        ("Nissan sets sights on Europe", "The carmaker aims to sell 100,000 electric cars in Europe by 2026.", "Nissan"),
        # Only a model named: the model's maker.
        (None, "Sales of the Ariya reached 20,000 units in Japan last year.", "Nissan"),
        # The alliance named with its members.
        (None, "The Renault-Nissan alliance plans to launch 12 new electric models by 2022.", "Alliance"),
        (None, "Toyota plans to sell 1.5 million electric cars a year by 2026.", "Toyota"),
    ],
)
def test_an_article_naming_a_carmaker_keeps_its_claims(title: str | None, text: str, expected: str) -> None:
    claims = extract_claims(text, published=dt.date(2023, 5, 1), title=title)
    assert claims and {c.company for c in claims} == {expected}


def test_the_gate_reads_title_and_body() -> None:
    assert names_a_carmaker("The firm will build 3 plants.", "Honda to build plants")
    assert names_a_carmaker("Nissan's partners agree.", None)
    assert not names_a_carmaker("The partners will invest $5 million.", "Law firm expands")


@pytest.mark.skipif(not BENCH_TRUTH.exists(), reason="needs ../shared/bench/extraction")
def test_no_claims_on_the_real_off_topic_benchmark_pages() -> None:
    """181 real pages on every subject but cars: not one claim should come out of them."""
    truth = json.loads(BENCH_TRUTH.read_text(encoding="utf-8"))
    found = {
        page_id[:8]: [c.evidence[:60] for c in claims]
        for page_id, page in truth.items()
        if (claims := extract_claims(page.get("articleBody") or "", published=None, title=page.get("title")))
    }
    assert found == {}


# In a carmaker's story, sentences about other actors: their figures are not the carmaker's.
@pytest.mark.parametrize(
    "other_actor",
    [
        "Charging firm Voltway aims to have 6,000 rapid chargers by 2026.",
        "Energy company Brightgrid plans to invest £300 million in charging hubs next year.",
        "Separately, the state government plans to spend $2 billion on clean buses.",
        "Meanwhile, the European Commission wants 25 million zero-emission cars on its roads by 2030.",
        "There are now 45,000 public charge points across the country.",
    ],
)
def test_another_actors_figures_are_not_the_carmakers(other_actor: str) -> None:
    text = "Nissan sold 31,000 electric cars in Europe last year. " + other_actor
    assert {k[1:3] for k in keys(text)} == {("ev_sales_volume", 31000.0)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count of cars beside chargers still counts the cars.
        ("Nissan plans to sell 6,000 EVs and chargers in Norway by 2025.", ("ev_sales_volume", 6000.0)),
        # A carmaker named after the other actor's verb still owns its figure.
        ("Separately, the government said Nissan will sell 80,000 EVs in Britain by 2030.", ("ev_sales_volume", 80000.0)),
        # A turn of the story to the carmaker itself.
        ("Meanwhile, Nissan plans to launch 12 EVs by 2028.", ("ev_model_launches", 12.0)),
    ],
)
def test_the_carmakers_own_figures_stay(text: str, expected: tuple[str, float]) -> None:
    assert expected in {k[1:3] for k in keys(text)}
