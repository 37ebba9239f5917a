"""Setting page chrome aside before trafilatura's fast precision run changes nothing but its cost."""

from __future__ import annotations

import lxml.html
import pytest
from lxml.html import HtmlElement

from evnews.extract.body import trafilatura_text
from evnews.extract.precleaning import discardable, set_aside
from evnews.extract.reading import fast_precision_text

PROSE = " ".join(["The carmaker said its electric line-up would grow to nineteen models by 2030."] * 6)
ARTICLE = f"<article><h1>Headline</h1><p>{PROSE}</p><p>{PROSE}</p></article>"


def page(chrome_before: str = "", chrome_after: str = "", head: str = "") -> HtmlElement:
    html = (f"<html><head><title>t</title>{head}</head><body>{chrome_before}tail text before"
            f"{ARTICLE}{chrome_after}</body></html>")
    return lxml.html.fromstring(html)


MENU = "<nav><ul><li><a href='/a'>Autos</a></li><li><a href='/b'>Batteries</a><svg><path/></svg></li></ul></nav>"
FOOTER = "<footer><div class='links'><a href='/c'>Contact</a></div><button>Top</button></footer>after footer"
SIDEBAR = "<aside><h3>Most read</h3><ol><li><a href='/x'>Nissan sold 500,000 cars</a></li></ol></aside>"

CASES = {
    "plain chrome": page(MENU, FOOTER + SIDEBAR),
    "nested asides stop trafilatura's cleaning loop": page(
        "<aside><aside>inner</aside></aside>", SIDEBAR + "<aside>late aside</aside>"),
    "h1 in the menu": page("<nav><h1>Site name</h1><a href='/'>Home</a></nav>", FOOTER),
    "table in the footer": page("", "<figure><footer><table><tr><td>1</td></tr></table></footer></figure>"),
    "json-ld in the footer": page("", "<footer><script type='application/ld+json'>{}</script></footer>"),
    "nested svg inside the menu": page("<nav><svg><svg><path/></svg></svg><a href='/'>Home</a></nav>",
                                       "<svg><g/></svg><p>kept?</p>"),
    "menu in a sidebar": page("<aside><nav><a href='/'>Home</a></nav>sidebar text</aside>", FOOTER),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_reading_as_the_whole_page(name: str) -> None:
    tree = CASES[name]
    assert fast_precision_text(tree, "https://example.com/a") == trafilatura_text(
        tree, "https://example.com/a", precision=True, fast=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_tree_is_restored_exactly(name: str) -> None:
    tree = CASES[name]
    before = lxml.html.tostring(tree)
    with set_aside(tree) as trimmed:
        assert trimmed is tree
    assert lxml.html.tostring(tree) == before


def test_restored_after_an_error() -> None:
    tree = page(MENU, FOOTER)
    before = lxml.html.tostring(tree)
    with pytest.raises(RuntimeError), set_aside(tree):
        raise RuntimeError("trafilatura failed")
    assert lxml.html.tostring(tree) == before


def test_what_is_set_aside() -> None:
    assert [node.tag for node in discardable(page(MENU, FOOTER + SIDEBAR))] == ["nav", "footer", "aside"]
    # A container whose content a decision before the cleaning depends on stays.
    assert discardable(CASES["h1 in the menu"]) == [CASES["h1 in the menu"].find(".//footer")]
    assert discardable(CASES["json-ld in the footer"]) == []
    assert discardable(CASES["table in the footer"]) == []
    # Nested asides: trafilatura's loop stops after the pair, so no aside may go.
    assert all(node.tag != "aside" for node in discardable(CASES["nested asides stop trafilatura's cleaning loop"]))
    # The svg pass runs before the nav pass and has a nested pair.
    assert discardable(CASES["nested svg inside the menu"]) == []
    # Only the outermost container is set aside.
    assert [node.tag for node in discardable(CASES["menu in a sidebar"])] == ["aside", "footer"]
