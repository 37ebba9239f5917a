"""parse_html builds the tree trafilatura's load_html builds, with the same element classes."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from trafilatura.utils import INVALID_XML_CHARS, load_html

from evnews.extract.parsing import parse_html, without_invalid_chars

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([*ROOT.glob("tests/heldout*/site/**/*.html"), *ROOT.glob("src/evnews/demo/site/**/*.html")])

ODD_INPUTS = {
    "fragment": "<p>Only a paragraph</p>",
    "fragments": "<p>one</p><p>two</p> and text",
    "plain text": "just some words, no markup at all",
    "xml declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
    "self-closing html": "<!DOCTYPE html>\n<html lang='en'/>\n<body><p>text</p></body>",
    "two bodies": "<div><body><p>a</p></body><body><p>b</p></body></div>",
    "form and inputs": ("<html><body><form action='/s'><label for='q'>Q</label><input name='q'>"
                        "<select name='s'><option>1</option></select><textarea>t</textarea></form></body></html>"),
    "comments and entities": "<html><body><!-- c --><p>&amp; &nbsp; &#169;</p><?pi x?></body></html>",
    "control characters": "<html><body><p>a\x00b\x0bc</p></body></html>",
    "uppercase tags": "<HTML><BODY><FORM><INPUT NAME=q></FORM><P>x</P></BODY></HTML>",
}


def same_tree(text: str) -> None:
    theirs = load_html(text)
    ours = parse_html(text)
    if theirs is None:
        assert ours is None
        return
    assert ours is not None
    assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)
    assert [type(node) for node in ours.iter()] == [type(node) for node in theirs.iter()]


@pytest.mark.parametrize("name", sorted(ODD_INPUTS))
def test_odd_inputs(name: str) -> None:
    same_tree(ODD_INPUTS[name])


def test_corpus_pages() -> None:
    assert PAGES
    for page in PAGES:
        same_tree(page.read_text(encoding="utf-8").replace("{{BASE}}", "http://127.0.0.1:1"))


def test_form_elements_keep_their_classes() -> None:
    tree = parse_html(ODD_INPUTS["form and inputs"])
    assert tree is not None
    assert type(tree.find(".//form")).__name__ == "FormElement"
    assert type(tree.find(".//input")).__name__ == "InputElement"


@pytest.mark.parametrize("text", ["plain ascii\n\ttext\r", "a\x00b\x08c\x0bd\x0ce\x1ff\x7f",
                                  "caf\u00e9 \x01 \ufffe \uffff \U0001f600", ""])
def test_invalid_characters_removed_as_trafilatura_does(text: str) -> None:
    assert without_invalid_chars(text) == INVALID_XML_CHARS.sub("", text)
