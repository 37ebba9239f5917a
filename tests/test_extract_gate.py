"""The gate between the cheap reading and the three-extractor vote.

A clean news page must stay on the cheap path (that is where the speed comes
from); each kind of suspicious page must go the expensive way, and the vote
must then fix what the cheap reading got wrong.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml.html import HtmlElement

from evnews.extract.article import NoArticleText, extract_with_reading, parse_page
from evnews.extract.chrome import is_chrome
from evnews.extract.gate import suspicions
from evnews.extract.lang import detect_language, reads_as_english
from evnews.extract.reading import read_body

URL = "http://127.0.0.1:9/news/plant.html"
SHARED = Path(os.environ.get("EVNEWS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
DEV_PAGE = SHARED / "eval" / "dev" / "site" / "motorbuzz" / "roofless-nissan-leaf-open-car-100000-japan.html"
STORY = [
    "The carmaker said on Tuesday that it would build a new battery plant near the coast, "
    "creating several hundred jobs over the next three years as it expands production.",
    "Executives told reporters that the plant would supply cells for two compact models, "
    "both due to go on sale before the end of the decade in Europe and in Japan.",
    "Analysts welcomed the decision, although some warned that demand for small electric "
    "cars had cooled in several European markets this year after subsidies were cut.",
    "The company did not say how much the factory would cost, but people briefed on the "
    "plans put the figure at several billion euros in total, spread over five years.",
    "Local officials said the site had been chosen after a two-year search, and that the "
    "regional government would improve the road and rail links to the port by 2027.",
]


def news_page(paragraphs: list[str], *, after: str = "", aside: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Battery plant planned | Daily Wheels</title>'
        '<meta property="og:site_name" content="Daily Wheels"></head><body>'
        '<nav><a href="/">Home</a> <a href="/cars">Cars</a> <a href="/tech">Tech</a></nav>'
        f"<main><article><h1>Battery plant planned</h1>{body}{after}</article>{aside}</main>"
        "<footer><p>Contact us</p></footer></body></html>"
    )


def tree_of(html: str) -> HtmlElement:
    return parse_page(html, URL)


def test_a_clean_news_page_stays_on_the_cheap_path() -> None:
    article, reading = extract_with_reading(news_page(STORY), URL)
    assert reading.doubts == () and not reading.voted
    assert article.body_text.split("\n") == STORY


def test_the_cheap_path_gives_the_same_text_as_the_vote_on_a_clean_page() -> None:
    tree = tree_of(news_page(STORY))
    assert read_body(tree, URL, "Battery plant planned").lines == read_body(
        tree, URL, "Battery plant planned", second_opinions="always"
    ).lines


def test_a_paragraph_printed_twice_but_read_once_is_doubted() -> None:
    tree = tree_of(news_page([*STORY, STORY[1]]))
    assert "repeated-paragraph" in suspicions(STORY, tree)
    assert "repeated-paragraph" not in suspicions([*STORY, STORY[1]], tree)


@pytest.mark.skipif(not DEV_PAGE.exists(), reason=f"dev corpus not found at {DEV_PAGE}")
def test_on_a_dev_page_the_gate_sends_a_dropped_repeat_to_the_vote_which_restores_it() -> None:
    # The page prints its closing paragraph twice; trafilatura keeps one copy.
    html = DEV_PAGE.read_text(encoding="utf-8").replace("{{BASE}}", "http://127.0.0.1:9")
    repeated = "By 2025, half of the vehicles Nissan sells will be electric or e-Power models."
    cheap, cheap_reading = extract_with_reading(html, URL, second_opinions="never")
    gated, reading = extract_with_reading(html, URL)
    assert cheap.body_text.count(repeated) == 1 and not cheap_reading.voted
    assert reading.doubts == ("repeated-paragraph",)
    assert gated.body_text.count(repeated) == 2


def test_a_press_release_with_company_boilerplate_is_voted() -> None:
    about = (
        "<h3>About Daily Motors</h3><p>Daily Motors is a global carmaker that sold 3.4 million "
        "vehicles last year and employs 130,000 people in 20 countries around the world.</p>"
    )
    _article, reading = extract_with_reading(news_page(STORY, after=about), URL)
    assert "boilerplate-tail" in reading.doubts


def test_a_page_without_paragraph_markup_is_rescued_by_the_vote() -> None:
    # Text in one <div> split by <br>: trafilatura's fast mode finds nothing,
    # its fallbacks (run because the reading is short) and the vote find it all.
    html = (
        "<html><head><title>Battery plant planned</title></head><body><nav><a href='/'>Home</a></nav>"
        "<div class='wrap'><div class='left'><h1>Battery plant planned</h1><span class='cat'>Cars</span></div>"
        f"<div id='textbody'>{'<br><br>'.join(STORY)}</div></div><footer>Contact</footer></body></html>"
    )
    with pytest.raises(NoArticleText):
        extract_with_reading(html, URL, second_opinions="never")
    article, reading = extract_with_reading(html, URL)
    assert reading.doubts == ("short",)
    assert article.body_text.split("\n") == STORY


def test_short_reading_is_doubted() -> None:
    lines = ["Battery plant planned near the coast, the company said on Tuesday."]
    assert "short" in suspicions(lines, tree_of(news_page(lines)))


def test_prose_on_the_page_that_the_reading_lacks_is_doubted() -> None:
    tree = tree_of(news_page(STORY))
    assert "missed-prose" in suspicions(STORY[:2], tree)
    assert "missed-prose" not in suspicions(STORY, tree)


def test_prose_in_sidebars_or_mostly_links_does_not_count_as_missed() -> None:
    teaser = "Read our full guide to every electric car on sale this year, with prices, ranges and charging times"
    aside = f"<aside><p>{STORY[3]} {STORY[4]}</p></aside><div><p><a href='/guide'>{teaser}</a> today.</p></div>"
    tree = tree_of(news_page(STORY[:3], aside=aside))
    assert "missed-prose" not in suspicions(STORY[:3], tree)


def test_related_headlines_read_as_body_are_doubted_but_subheadings_are_not() -> None:
    headlines = ["Nissan to build 1 million EVs by 2030", "Charging networks compared",
                 "Why range matters"]
    related = "<aside><ul>" + "".join(f"<li><a href='/x{i}'>{h}</a></li>" for i, h in enumerate(headlines)) + "</ul></aside>"
    tree = tree_of(news_page(STORY, aside=related))
    assert "linked-edges" in suspicions([*STORY, *headlines], tree)
    # Short lines that are no link text (a subheading, a credit) are article text.
    assert "linked-edges" not in suspicions(["Key facts", *STORY, "Reporting by Ann Lee"], tree)


def test_a_newsletter_box_after_the_article_block_is_doubted_and_trimmed() -> None:
    box = ("<div class='promo'><h4>The Daily Wheels Briefing</h4>"
           "<p>Join 250,000 readers who get the day's car news before breakfast.</p></div>")
    html = (news_page(STORY, after=box).replace("</h1>", "</h1><div class='story'>")
            .replace("<div class='promo'>", "</div><div class='promo'>"))
    tree = tree_of(html)
    read_as_body = [*STORY, "The Daily Wheels Briefing", "Join 250,000 readers who get the day's car news before breakfast."]
    assert "stray-edges" in suspicions(read_as_body, tree)
    assert "stray-edges" not in suspicions(STORY, tree)
    article, reading = extract_with_reading(html, URL)
    assert "250,000 readers" not in article.body_text
    assert article.body_text.split("\n") == STORY
    assert reading.doubts == ("stray-edges",)
    assert not reading.voted  # the page structure alone settles it: no second extractor


def test_a_fact_box_list_after_the_article_survives_the_vote() -> None:
    facts = ["Up to 1.1 billion euros invested in the battery plant", "Around 900 jobs by 2028"]
    box = "<div class='factbox'><h4>The plant at a glance</h4><ul>" + "".join(f"<li>{f}</li>" for f in facts) + "</ul></div>"
    # The story's paragraphs sit in their own block, the box beside it: the
    # box is a stray edge, but list items (and what leads into them) stay.
    html = (news_page(STORY, after=box).replace("</h1>", "</h1><div class='story'>")
            .replace("<div class='factbox'>", "</div><div class='factbox'>"))
    article, reading = extract_with_reading(html, URL)
    assert reading.doubts == ("stray-edges",) and not reading.voted
    lines = article.body_text.split("\n")
    assert all(fact in lines for fact in facts)
    assert "The plant at a glance" in lines


@pytest.mark.parametrize("mode", ["always", "never"])
def test_the_vote_can_be_forced_on_or_off_for_measurement(mode: str) -> None:
    _article, reading = extract_with_reading(news_page([*STORY, STORY[1]]), URL, second_opinions=mode)
    assert reading.voted == (mode == "always")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Der Autohersteller will bis zum Ende des Jahrzehnts mehrere neue Elektroautos in Europa auf den "
         "Markt bringen und dafür ein neues Batteriewerk errichten, sagte ein Sprecher.", "de"),
        ("Le constructeur veut lancer plusieurs nouveaux modèles électriques en Europe avant la fin de la "
         "décennie et construire une nouvelle usine de batteries près de la côte.", "fr"),
        ("A montadora pretende lançar vários novos modelos elétricos na Europa até o fim da década e "
         "construir uma nova fábrica de baterias perto da costa, disse a empresa.", "pt"),
    ],
)
def test_non_english_text_skips_the_english_shortcut_and_is_identified(text: str, code: str) -> None:
    text = f"{text} {text}"  # long enough that the text, not the lang attribute, decides
    assert not reads_as_english(text)
    assert detect_language(text, "en") == code  # a wrong lang attribute does not win


def test_english_prose_takes_the_shortcut() -> None:
    assert all(reads_as_english(p) for p in STORY)
    assert detect_language(" ".join(STORY)) == "en"


def test_social_follow_prompts_are_chrome_but_follow_up_news_is_not() -> None:
    assert is_chrome("Follow The Daily Wheels opinion section on Facebook, Twitter and Instagram.")
    assert not is_chrome("Follow-up talks with the union on Tuesday ended without a deal on wages.")
